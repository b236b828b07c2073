// An authenticator app's secret, as it is handed over at setup: a QR code of its otpauth:// URI
// (drawn on the server by qrcode and inlined as SVG: no remote image, no script, nothing for the
// CSP to allow) and the same key as text in groups of four, for typing by hand. One block for the
// holders' Add an Authenticator App page and the staff's second factor setup.
import QRCode from 'qrcode';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import styles from './totp-key.module.css';

/** The secret as people type it: groups of 4 ("ABCD EFGH …"). */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');

export async function TotpKey({ uri, secret, note }: { uri: string; secret: string; note: ReactNode }) {
  const qr = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const t = await getTranslations('kinds.totp.key');
  return (
    <div className={styles.setup}>
      <div className={styles.qr} role="img" aria-label={t('qr')} dangerouslySetInnerHTML={{ __html: qr }} />
      <div className={styles.manual}>
        <p className="small">{t('typeIt')}</p>
        <code className={styles.secret} data-testid="totp-secret">
          {grouped(secret)}
        </code>
        <p className="small muted">{note}</p>
      </div>
    </div>
  );
}

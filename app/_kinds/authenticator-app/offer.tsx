// The authenticator app's part of the Trusted Devices page's panel of the kinds beside the phone
// numbers: a link to its own page (./add-page.tsx), where it is named and its key shown.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { AUTHENTICATOR_PAGE } from './paths.ts';
import styles from '../../account/security/devices/devices.module.css';

export function AddAppOffer() {
  const t = useTranslations('kinds.totp');
  return (
    <div className={styles.addOthers}>
      <Link className="button secondary" href={AUTHENTICATOR_PAGE}>
        {t('offer')}
      </Link>
    </div>
  );
}

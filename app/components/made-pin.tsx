'use client';
// A support PIN the holder just made (app/lib/proof-purposes.ts, 'support-pin'): shown once, in
// place of the code step, with its expiry; it is in no URL, cookie or email. The holder reads it
// aloud on a call, so it is shown in groups (src/support/pin-text.ts) and takes focus when shown: a
// screen reader reads it digit by digit, and Tab goes on to Copy, which copies the digits only.
import { useLocale, useTranslations } from 'next-intl';
import { LocalTime } from './local-time.tsx';
import { CopyButton } from './copy-button.tsx';
import { useFocusOnMount } from './focus-on-mount.tsx';
import type { ProofState } from '../lib/form-state.ts';
import { pinGroups } from '@/src/support/pin-text.ts';

export function MadePin({ pin }: { pin: NonNullable<ProofState['pin']> }) {
  const t = useTranslations('clientSupportPin');
  const locale = useLocale();
  const groups = pinGroups(pin.value);
  const pinRef = useFocusOnMount<HTMLParagraphElement>(pin.value);

  return (
    <div data-testid="support-pin-made">
      <p>{t('read')}</p>
      <p className="support-pin" ref={pinRef} tabIndex={-1} id="support-pin-shown">
        <span className="visually-hidden">{t('spoken', { pin: groups.map((g) => g.split('').join(' ')).join(', ') })} </span>
        <span aria-hidden="true" data-testid="support-pin">
          {groups.join(' ')}
        </span>
      </p>
      <div className="actions">
        <CopyButton text={pin.value} label={t('copy')} copied={t('copied')} refused={t('refused')} />
      </div>
      <p>{t.rich('until', { when: () => <LocalTime iso={pin.expiresAt} show="dateTime" locale={locale} /> })}</p>
    </div>
  );
}

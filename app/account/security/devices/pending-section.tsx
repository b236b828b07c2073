// The Trusted Devices page's devices that are not trusted yet: a device waiting for the code sent to
// it (a code field), or one we send nothing whose setup was not finished (a link back to its kind's
// setup, app/_kinds/registry.tsx). Each may be removed.
import { getTranslations } from 'next-intl/server';
import { durationIn } from '@/src/i18n/durations.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';
import { requestLocale } from '../../../i18n/locale.ts';
import { CODE_TTL_MS } from '@/src/codes/codes.ts';
import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';
import { kindUiOf } from '../../../_kinds/registry.tsx';
import { PendingDeviceRow, UnfinishedDeviceRow } from './device-rows.tsx';
import styles from './devices.module.css';

export async function PendingSection({ pending, digits }: { pending: TrustedDeviceView[]; digits: number }) {
  if (pending.length === 0) return null;
  const t = await getTranslations('devices');
  const locale = formattingLocale(await requestLocale());
  return (
    <section className="panel" aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t('pending.heading')}</h2>
      <p className="muted small">
        {/* The code's lifetime only when a device here is sent its code: a device that makes its own is sent nothing. */}
        {pending.some((d) => d.shows.proof === 'sent-code')
          ? t('pending.hintWithLifetime', { duration: durationIn(locale, CODE_TTL_MS) })
          : t('pending.hint')}
      </p>
      <ul className={styles.list} aria-labelledby="pending-heading">
        {pending.map((d) =>
          d.shows.proof === 'sent-code' ? (
            <PendingDeviceRow key={d.id} id={d.id} kind={d.shows} label={d.label} digits={digits} />
          ) : (
            <UnfinishedDeviceRow
              key={d.id}
              id={d.id}
              kind={d.shows}
              label={d.label}
              finishHref={kindUiOf(d.kind)?.finishSetup?.(d.id) ?? null}
            />
          ),
        )}
      </ul>
    </section>
  );
}

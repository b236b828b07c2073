// The Trusted Devices page's devices that are not trusted yet: a device waiting for the code sent to
// it (a code field), or one we send nothing whose setup was not finished (a link back to its kind's
// setup, app/_kinds/registry.tsx). Each may be removed.
import { durationText } from '@/src/clock.ts';
import { CODE_TTL_MS } from '@/src/codes/codes.ts';
import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';
import { kindUiOf } from '../../../_kinds/registry.tsx';
import { PendingDeviceRow, UnfinishedDeviceRow } from './device-rows.tsx';
import styles from './devices.module.css';

export function PendingSection({ pending, digits }: { pending: TrustedDeviceView[]; digits: number }) {
  if (pending.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Waiting for a Code</h2>
      <p className="muted small">
        These become trusted devices once you enter a code from them.
        {/* Only when a device here is sent its code: a device that makes its own is sent nothing. */}
        {pending.some((d) => d.shows.proof === 'sent-code') ? ` A code we send works for ${durationText(CODE_TTL_MS)}.` : null}
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

// Adding a device is one thing per page: once a code was sent to it, the holder is on this view of
// the Trusted Devices page (app/lib/device-answer.ts codeViewUrl), whose only question is that code, with the focus in its field (on a
// phone, the field is in view: nothing comes above it but the heading and what was sent). A right
// code leads back to the Trusted Devices page, which says the device is trusted and, during setup,
// offers the next step.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';
import { DeviceName } from '../../../components/device-name.tsx';
import { DeviceCode } from './device-code.tsx';
import { DEVICES_PATH } from '../../../lib/device-answer.ts';

export async function CodeView({ device, digits, sent }: { device: TrustedDeviceView; digits: number; sent: boolean }) {
  const t = await getTranslations('devices');
  return (
    <main className="narrow">
      <p className="small">
        <Link href={DEVICES_PATH}>{t('back')}</Link>
      </p>
      <h1>{t('codeView.heading')}</h1>
      <div className="panel" data-testid="pending-device">
        {sent ? null : <p>{t.rich('codeView.enter', { device: () => <DeviceName label={device.label} /> })}</p>}
        <DeviceCode
          id={device.id}
          label={device.label}
          digits={digits}
          fieldId="code"
          focusOnMount
          {...(sent
            ? {
                sent: <>{t.rich('codeView.sent', { digits, device: () => <DeviceName label={device.label} /> })}</>,
              }
            : {})}
        />
      </div>
    </main>
  );
}

'use client';
// Pick a trusted device, get a code on it, enter the code: the PIN is shown once, with its expiry.
import { createSupportPinAction, sendSupportPinCodeAction, type SupportPinState } from '../../../actions/support-pin.ts';
import { CodeStep } from '../../../components/code-step.tsx';
import type { CodeDevice } from '../../../lib/code-devices.ts';
import { LocalTime } from '../../../components/local-time.tsx';

function MadePin({ pin }: { pin: NonNullable<SupportPinState['pin']> }) {
  return (
    <div data-testid="support-pin-made">
      <p>Read this PIN to Apple Support:</p>
      <p className="support-pin" data-testid="support-pin">
        {pin.value}
      </p>
      <p>
        It works until <LocalTime iso={pin.expiresAt} show="dateTime" />, for one support staff member. It is not shown again; make a new one if
        you need it.
      </p>
    </div>
  );
}

export function SupportPinForm({ devices, digits, pinDigits }: { devices: CodeDevice[]; digits: number; pinDigits: number }) {
  return (
    <CodeStep<SupportPinState>
      devices={devices}
      digits={digits}
      send={sendSupportPinCodeAction}
      check={createSupportPinAction}
      verifyLabel="Make PIN"
      intro={<p>To make a {pinDigits}-digit support PIN, first enter a code from one of your trusted devices.</p>}
      done={(state) => (state.pin ? <MadePin pin={state.pin} /> : null)}
    />
  );
}

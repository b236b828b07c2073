// The iOS device's question on the help page (app/help/two-step/).
import type { KindHelp } from '../kind-ui.ts';

export const iosDeviceHelp: Omit<KindHelp, 'id'> = {
  anchor: 'find-my',
  question: 'Can an iPhone or iPad get codes as notifications?',
  answer: (
    <p>
      Yes, if Find My iPhone is turned on on it. On the Trusted Devices page, register the device, send it a code, and type in the code it
      shows. You still need at least one phone number as well.
    </p>
  ),
};

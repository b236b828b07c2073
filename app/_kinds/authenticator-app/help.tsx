// The authenticator app's question on the help page (app/help/two-step/).
import type { KindHelp } from '../kind-ui.ts';

export const authenticatorAppHelp: Omit<KindHelp, 'id'> = {
  anchor: 'authenticator',
  question: 'Can I use an authenticator app?',
  answer: (
    <p>
      Yes. On the Trusted Devices page choose <strong>Add an authenticator app</strong>, scan the QR code with the app (or type in the key
      shown under it), then type in the code the app shows. The app keeps making new codes, even without a signal, and we never send it
      anything. When you sign in, choose the app and type in its current code.
    </p>
  ),
};

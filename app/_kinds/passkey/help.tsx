// The passkey's question on the help page (app/help/two-step/).
import type { KindHelp } from '../kind-ui.ts';

export const passkeyHelp: Omit<KindHelp, 'id'> = {
  anchor: 'passkeys',
  question: 'Can I use a passkey or security key?',
  answer: (
    <>
      <p>
        Yes. A passkey (kept by your phone, computer or password manager) or a security key (a small USB or NFC key) proves it&apos;s you
        without a code, and it only works on this portal&apos;s own website, so a fake website can&apos;t trick you into handing it over.
        Add one on the Trusted Devices page, then choose it when you sign in.
      </p>
      <p>
        Neither an app nor a passkey replaces your phone number: you still need at least one phone number that receives text messages, and
        your password is still the first step.
      </p>
    </>
  ),
};

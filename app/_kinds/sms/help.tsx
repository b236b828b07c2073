// The phone number's question on the help page (app/help/two-step/).
import type { KindHelp } from '../kind-ui.ts';

export const phoneNumberHelp: Omit<KindHelp, 'id'> = {
  anchor: 'numbers',
  question: 'Which phone numbers should I add?',
  answer: (
    <p>
      Every mobile number you use, so a code can reach you whichever phone you have with you. Consider adding the number of someone close to
      you, such as a family member, for a time when you are without your own phones. Landlines and internet (VoIP) numbers can&apos;t
      receive our codes and can&apos;t be added.
    </p>
  ),
};

// The phone number's question on the help page (app/help/two-step/).
import { useTranslations } from 'next-intl';
import type { KindHelp } from '../kind-ui.ts';

export const phoneNumberHelp: Omit<KindHelp, 'id'> = {
  anchor: 'numbers',
  Answer: function PhoneNumberAnswer() {
    return <p>{useTranslations('kinds.sms.help')('answer')}</p>;
  },
};

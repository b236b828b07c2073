// The authenticator app's question on the help page (app/help/two-step/).
import { useTranslations } from 'next-intl';
import type { KindHelp } from '../kind-ui.ts';

export const authenticatorAppHelp: Omit<KindHelp, 'id'> = {
  anchor: 'authenticator',
  Answer: function AuthenticatorAppAnswer() {
    return <p>{useTranslations('kinds.totp.help').rich('answer', { strong: (chunks) => <strong>{chunks}</strong> })}</p>;
  },
};

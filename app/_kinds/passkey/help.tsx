// The passkey's question on the help page (app/help/two-step/).
import { useTranslations } from 'next-intl';
import type { KindHelp } from '../kind-ui.ts';

export const passkeyHelp: Omit<KindHelp, 'id'> = {
  anchor: 'passkeys',
  Answer: function PasskeyAnswer() {
    const t = useTranslations('kinds.passkey.help');
    return (
      <>
        <p>{t('answer')}</p>
        <p>{t('notInstead')}</p>
      </>
    );
  },
};

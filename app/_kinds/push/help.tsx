// The iOS device's question on the help page (app/help/two-step/).
import { useTranslations } from 'next-intl';
import type { KindHelp } from '../kind-ui.ts';

export const iosDeviceHelp: Omit<KindHelp, 'id'> = {
  anchor: 'find-my',
  Answer: function IosDeviceAnswer() {
    return <p>{useTranslations('kinds.push.help')('answer')}</p>;
  },
};

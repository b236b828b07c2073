// The authenticator app on the Trusted Devices page: beside the phone numbers, a link to its own
// page (found by its slug), and the way back there for an app whose setup was not finished.
import { authenticatorAppKind } from '@/src/kinds/authenticator-app/kind.ts';
import type { KindUi } from '../kind-ui.ts';
import AddAuthenticatorAppPage from './add-page.tsx';
import { AddAppOffer } from './offer.tsx';
import { AUTHENTICATOR_SLUG, finishAppSetup } from './paths.ts';

export const authenticatorAppUi: KindUi = {
  id: authenticatorAppKind.id,
  adding: { beside: { Offer: AddAppOffer } },
  pages: [{ slug: AUTHENTICATOR_SLUG, titleKey: 'totp.page.title', Page: AddAuthenticatorAppPage }],
  finishSetup: finishAppSetup,
};

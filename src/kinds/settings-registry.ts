// The kinds' environment variables, listed once: src/config.ts composes them with the portal's own,
// so a missing or bad one stops the app at start like any other. A kind that needs none (a passkey's
// relying party comes from APP_URL) has no line here. These files sit below every src/ layer
// (.dependency-cruiser.cjs, 'kinds/*/settings'): the configuration beneath everything reads them.
import { SMS_SETTINGS } from './sms/settings.ts';
import { PUSH_SETTINGS } from './push/settings.ts';
import { APP_SETTINGS } from './authenticator-app/settings.ts';

export const KIND_SETTINGS = { ...SMS_SETTINGS, ...PUSH_SETTINGS, ...APP_SETTINGS };

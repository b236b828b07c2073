// Where an authenticator app is added: its own page under Trusted Devices (./add-page.tsx, found
// by its slug through app/_kinds/registry.tsx).
import { DEVICES_PATH } from '../../lib/device-answer.ts';

/** The page's last segment (app/account/security/devices/[page]/). */
export const AUTHENTICATOR_SLUG = 'authenticator';

export const AUTHENTICATOR_PAGE = `${DEVICES_PATH}/${AUTHENTICATOR_SLUG}` as const;

/** Back to an app whose setup was not finished: the page shows its key again while it is pending. */
export const finishAppSetup = (trustedDeviceId: string): string => `${AUTHENTICATOR_PAGE}?id=${encodeURIComponent(trustedDeviceId)}`;

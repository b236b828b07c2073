// Moved to the authenticator app's folder (app/_kinds/authenticator-app/totp-key.tsx); this path
// stays only for the staff second factor's setup page, which still imports it from here.
export { TotpKey } from '../_kinds/authenticator-app/totp-key.tsx';

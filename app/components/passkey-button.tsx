// Moved to the passkey's folder (app/_kinds/passkey/passkey-button.tsx); this path stays only for
// the staff sign-in's pages, which still import it from here.
export { PasskeyButton } from '../_kinds/passkey/passkey-button.tsx';

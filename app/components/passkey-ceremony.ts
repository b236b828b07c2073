// Moved to the passkey's folder (app/_kinds/passkey/passkey-ceremony.ts); this path stays only for
// the staff sign-in's forms, which still import it from here.
export { runCeremony } from '../_kinds/passkey/passkey-ceremony.ts';

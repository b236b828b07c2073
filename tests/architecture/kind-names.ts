// Which production files name a specific kind of trusted device. One place for the method, used by
// the architecture test and quoted in docs/trusted-device-kinds.md.
//
// A file names a kind when it holds a kind's value as a string literal ('sms', 'push', 'totp',
// 'passkey'), or a word of one kind's technology: passkey, totp, authenticator, webauthn, sms at the
// start of a word (sms, smsSender, SmsError, sms-text), or push as a kind (PushSender, push-sender,
// pushBody, PUSH_TITLE, isPushError, "push notification"), not Array.prototype.push. Counted:
// src/ and app/ (.ts, .tsx) without the generated Prisma clients, the kind folders, whose job is
// to name their own kind (src/kinds/<kind>/ and, for a kind's pages and forms, app/_kinds/<kind>/),
// and the registries that list them (registry.ts or <what>-registry.ts(x) directly in src/kinds/ or
// app/_kinds/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const KIND_NAME =
  /['"`](sms|push|totp|passkey)['"`]|passkey|totp|authenticator|webauthn|\bsms|\bpush[-_ ]?(sender|error|notification|title|body)|ispusherror|pushbody|\bpush_title/i;

/**
 * A kind's own folder (src/kinds/<kind>/..., app/_kinds/<kind>/...), or a list of the kinds
 * (src/kinds/registry.ts): where naming a kind is the point.
 */
export const mayNameKinds = (path: string): boolean =>
  /^(src\/kinds|app\/_kinds)\/[^/]+\//.test(path) || /^(src\/kinds|app\/_kinds)\/([\w-]+-)?registry\.tsx?$/.test(path);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === join('src', 'generated') ? [] : sources(path);
    return /\.tsx?$/.test(e.name) ? [path.split('\\').join('/')] : [];
  });
}

/** The production files outside the kind folders that name a specific kind, sorted. */
export function filesNamingAKind(root = '.'): string[] {
  const cwd = process.cwd();
  try {
    process.chdir(root);
    return [...sources('src'), ...sources('app')].filter((p) => !mayNameKinds(p) && KIND_NAME.test(readFileSync(p, 'utf8'))).sort();
  } finally {
    process.chdir(cwd);
  }
}

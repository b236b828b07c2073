// Registers the stand-ins' demo apps ("iCloud (demo)", confidential; "Store (demo)", public) with
// their fixed client ids, as the operator would with `npm run apps -- add`. Idempotent: a row that
// is already right is left alone (with the holders' permissions for it); one whose redirect URIs
// name another stand-ins address is updated; one whose secret or kind no longer matches (a new
// SESSION_SECRET) is registered again, which drops what holders had allowed it.
import type { Db } from '../../src/db/client.ts';
import { registerApp, removeApp, secretMatches } from '../../src/oidc/apps.ts';
import { DEMO_APPS, demoAppUris, demoClientSecret } from '../standins/demo-apps/registration.ts';

export async function seedDemoApps(db: Db, opts: { standinsUrl: string; sessionSecret: string }, now: Date): Promise<string[]> {
  const changed: string[] = [];
  for (const app of Object.values(DEMO_APPS)) {
    const secret = demoClientSecret(app, opts.sessionSecret);
    const uris = demoAppUris(app, opts.standinsUrl);
    const row = await db.oidcClient.findUnique({ where: { id: app.clientId } });
    const secretRight =
      row && (secret === null ? row.secretHash === null : row.secretHash !== null && secretMatches(row.secretHash, secret));
    if (row && secretRight) {
      const data = { redirectUris: JSON.stringify(uris.redirectUris), postLogoutRedirectUris: JSON.stringify(uris.postLogoutRedirectUris) };
      if (row.redirectUris === data.redirectUris && row.postLogoutRedirectUris === data.postLogoutRedirectUris) continue;
      await db.oidcClient.update({ where: { id: app.clientId }, data });
      changed.push(`${app.name} (redirect URIs updated)`);
      continue;
    }
    if (row) await removeApp(db, app.clientId);
    const made = await registerApp(db, { name: app.name, ...uris, confidential: app.confidential }, now, {
      clientId: app.clientId,
      secret: secret ?? undefined,
    });
    if (!made.ok) throw new Error(`demo app ${app.clientId}: ${made.error} ${made.problems?.join('; ') ?? ''}`);
    changed.push(app.name);
  }
  return changed;
}

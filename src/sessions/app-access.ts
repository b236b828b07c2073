// Every app's access to an account, ended at once: the refresh and access tokens and authorization
// codes apps hold, the grants they came from, and the provider's own sessions and sign-in requests
// for the account (OidcRecord rows, src/oidc/records.ts). What the holder allowed each app stays
// (AppAuthorization): the app asks them to sign in again, not to allow it again.
//
// Kept here, below every flow that ends sessions (a password change or reset, turning two-step on or
// off, Sign Out Everywhere: endOtherSessions), so that none of them can forget the apps.
import type { DbTx } from '../db/client.ts';

export async function endAppAccess(tx: DbTx, accountId: string): Promise<number> {
  return tx.$executeRaw`DELETE FROM "OidcRecord" WHERE "accountId" = ${accountId}`;
}

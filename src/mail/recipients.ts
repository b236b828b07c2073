// Who a security email goes to. Notices about an account go to every address on file, so that a
// holder whose Apple ID mailbox was taken over still hears of it at the rescue address
// (docs/rules.md#waiting-period).

/** Every address on file: the Apple ID and the rescue email, plus any extra (an old rescue email). */
export function addressesOnFile(account: { appleId: string; rescueEmail: string | null }, ...extra: Array<string | null>): string[] {
  return [account.appleId, account.rescueEmail, ...extra].filter((a): a is string => Boolean(a));
}

// Who is making a change: every sensitive change in src/ takes an Actor, which the app builds from
// the signed-in session. It lives beside the sessions it names, below every folder that uses it.

/** Whose account, and which session made the change (it stays signed in when others are ended). */
export interface Actor {
  accountId: string;
  sessionId: string;
}

// What a session may do at each stage (the stages: src/sessions/sessions.ts). One table, so the
// pages, the actions and the guards in app/ ask here instead of each comparing stage names:
//  - 'password': two-step is on and only the password was given. Opens no page: it exists only to
//    finish signing in with a code.
//  - 'recovery': password and Recovery Key, no trusted device at hand (docs/rules.md#lost-devices).
//    Opens only the Trusted Devices page and its actions; verifying a new trusted device there
//    finishes the sign-in (src/sign-in/recovery-key.ts). It has no fresh code to give, and needs
//    none to add the device it exists for.
//  - 'full': signed in. Opens every page; with two-step on, a device change asks for a fresh code
//    first (whether one is fresh enough is src/step-up/fresh-code.ts).
import type { SessionStage } from './sessions.ts';

export interface StagePolicy {
  /** Counts as signed in on the pages that allow it (see pageAccess). */
  signedIn: boolean;
  /** Opens every page; false: only pages that allow a Recovery Key session. */
  everyPage: boolean;
  /** The Trusted Devices page asks for a fresh code first (when two-step is on). */
  devicesNeedFreshCode: boolean;
  /** Verifying a new trusted device finishes this session's sign-in. */
  finishesWithNewDevice: boolean;
}

const POLICIES: Record<SessionStage, Readonly<StagePolicy>> = {
  password: { signedIn: false, everyPage: false, devicesNeedFreshCode: false, finishesWithNewDevice: false },
  recovery: { signedIn: true, everyPage: false, devicesNeedFreshCode: false, finishesWithNewDevice: true },
  full: { signedIn: true, everyPage: true, devicesNeedFreshCode: true, finishesWithNewDevice: false },
};

export function stagePolicy(stage: SessionStage): Readonly<StagePolicy> {
  return POLICIES[stage];
}

/** What a page says about Recovery Key sessions: only the Trusted Devices page and its actions allow one. */
export interface PageRule {
  allowRecovery?: boolean;
}

/** The Trusted Devices page and its actions: what a Recovery Key session is for. */
export const DEVICES_PAGE: Readonly<PageRule> = Object.freeze({ allowRecovery: true });

/**
 * What a session of this stage gets on a page: the page ('open'), the sign-in page ('sign-in'),
 * or, for a Recovery Key session on any other page, the Trusted Devices page ('add-device').
 */
export type PageAccess = 'open' | 'sign-in' | 'add-device';

export function pageAccess(stage: SessionStage, page: PageRule = {}): PageAccess {
  const policy = stagePolicy(stage);
  if (!policy.signedIn) return 'sign-in';
  if (policy.everyPage || page.allowRecovery) return 'open';
  return 'add-device';
}

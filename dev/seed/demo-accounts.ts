// Demo accounts for `npm start` and the end-to-end tests, one for each state of the Two-Step
// Verification section. Created active through createAccount: the operator vouches for their
// two-step.test addresses, so there is no activation link to open (people creating an account
// through the form must open one: src/accounts/sign-up.ts). Then moved into their state through
// the same domain functions (with the clock set back where the story needs it). Idempotent.
import type { AccountDeps } from '../../src/accounts/create-account.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { appleIdKey } from '../../src/accounts/apple-id.ts';
import { NO_REQUEST } from '../../src/security-events/record.ts';
import { DAY, fixedClock } from '../../src/clock.ts';
import { SCHEDULED_SETUP_EMAIL_KINDS, recordSignificantChange, latestWaitingPeriod } from '../../src/eligibility/waiting-periods.ts';
import { cancelScheduledEmails } from '../../src/mail/scheduled.ts';
import { setupDeadline } from '../../src/eligibility/eligibility.ts';

export const DEMO_PASSWORD = 'two-step demo 2013';
export const DEMO_ANSWERS = ['blue', 'paris', 'rex'] as const;
/** Olivia's trusted phone (two-step on): its codes arrive in the SMS inbox. */
export const DEMO_TRUSTED_PHONE = '+15550100042';

type Story = 'available' | 'country-unavailable' | 'waiting' | 'window-expired' | 'on';

export const DEMO_ACCOUNTS: ReadonlyArray<{ appleId: string; name: string; countryCode: string; story: Story; about: string }> = [
  { appleId: 'avery@two-step.test', name: 'Avery Appleseed', countryCode: 'US', story: 'available', about: 'can turn two-step on' },
  {
    appleId: 'nima@two-step.test',
    name: 'Nima Sherpa',
    countryCode: 'NP',
    story: 'country-unavailable',
    about: 'lives where two-step is not offered yet (Nepal)',
  },
  {
    appleId: 'robin@two-step.test',
    name: 'Robin Recent',
    countryCode: 'GB',
    story: 'waiting',
    about: 'changed the password yesterday: waiting period',
  },
  {
    appleId: 'quinn@two-step.test',
    name: 'Quinn Later',
    countryCode: 'IE',
    story: 'window-expired',
    about: 'started setup but let the 30 days run out',
  },
  {
    appleId: 'olivia@two-step.test',
    name: 'Olivia On',
    countryCode: 'AU',
    story: 'on',
    about: 'has two-step verification on; her trusted phone +1 555 010 0042 gets codes in the SMS inbox',
  },
];

export async function seedDemoAccounts(deps: AccountDeps): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    if (await deps.db.account.findUnique({ where: { appleIdKey: appleIdKey(demo.appleId) } })) continue;
    const result = await createAccount(
      deps,
      {
        appleId: demo.appleId,
        password: DEMO_PASSWORD,
        confirmPassword: DEMO_PASSWORD,
        name: demo.name,
        birthDate: '1985-06-15',
        countryCode: demo.countryCode,
        rescueEmail: `rescue.${demo.appleId}`,
        question1: 'favourite-colour',
        answer1: DEMO_ANSWERS[0],
        question2: 'parents-met-city',
        answer2: DEMO_ANSWERS[1],
        question3: 'first-pet',
        answer3: DEMO_ANSWERS[2],
      },
      NO_REQUEST,
    );
    if (!result.ok) throw new Error(`demo account ${demo.appleId}: ${JSON.stringify(result.fieldErrors)}`);
    await deps.db.session.deleteMany({ where: { accountId: result.accountId } });
    await tell(deps, result.accountId, demo.story);
    created.push(demo.appleId);
  }
  return created;
}

async function tell(deps: AccountDeps, accountId: string, story: Story): Promise<void> {
  const now = deps.clock.now();
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const changePasswordAt = async (at: Date) => {
    await deps.db.$transaction(async (tx) => {
      const account = await tx.account.update({ where: { id: accountId }, data: { passwordChangedAt: at } });
      await recordSignificantChange(tx, { clock: fixedClock(at), appUrl: deps.appUrl }, account, 'password-changed', NO_REQUEST);
    });
  };
  switch (story) {
    case 'waiting':
      return changePasswordAt(daysAgo(1));
    case 'window-expired': {
      // Changed the password 40 days ago, started setup 35 days ago, never finished it.
      await changePasswordAt(daysAgo(40));
      const deadline = setupDeadline(await latestWaitingPeriod(deps.db, accountId), daysAgo(35));
      await deps.db.account.update({ where: { id: accountId }, data: { setupStartedAt: daysAgo(35), setupDeadline: deadline } });
      // The emails scheduled for that story's past (the end of the wait 37 days ago, the 5-days-left
      // reminder) belong to it: not sent now, weeks late.
      await cancelScheduledEmails(deps.db, { kinds: SCHEDULED_SETUP_EMAIL_KINDS, accountId }, deps.clock);
      return;
    }
    case 'on':
      // Turning two-step on deletes the security questions (docs/rules.md#turning-it-on). Her
      // trusted phone is a stand-in number: its codes show on /dev/sms.
      await deps.db.securityQuestion.deleteMany({ where: { accountId } });
      await deps.db.trustedDevice.create({
        data: { accountId, kind: 'sms', phoneNumber: DEMO_TRUSTED_PHONE, createdAt: daysAgo(100), verifiedAt: daysAgo(100) },
      });
      await deps.db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: daysAgo(100) } });
      return;
    default:
      return;
  }
}

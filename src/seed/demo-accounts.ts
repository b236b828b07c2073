// Demo accounts for `npm start`: one that can turn two-step on, one in a country where it is not
// offered, and one whose password changed yesterday. Created through createAccount, like any
// account; idempotent.
import type { AccountDeps } from '../accounts/create-account.ts';
import { createAccount } from '../accounts/create-account.ts';
import { appleIdKey } from '../accounts/apple-id.ts';
import { NO_REQUEST } from '../security-events/record.ts';
import { DAY } from '../clock.ts';

export const DEMO_PASSWORD = 'two-step demo 2013';
export const DEMO_ANSWERS = ['blue', 'paris', 'rex'] as const;

export const DEMO_ACCOUNTS = [
  { appleId: 'avery@two-step.test', name: 'Avery Appleseed', countryCode: 'US', about: 'can turn two-step on' },
  { appleId: 'nima@two-step.test', name: 'Nima Sherpa', countryCode: 'NP', about: 'lives where two-step is not offered yet (Nepal)' },
  { appleId: 'robin@two-step.test', name: 'Robin Recent', countryCode: 'GB', about: 'changed the password yesterday', changedDaysAgo: 1 },
] as const;

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
    if ('changedDaysAgo' in demo) {
      const changedAt = new Date(deps.clock.now().getTime() - demo.changedDaysAgo * DAY);
      await deps.db.account.update({ where: { id: result.accountId }, data: { passwordChangedAt: changedAt } });
    }
    created.push(demo.appleId);
  }
  return created;
}

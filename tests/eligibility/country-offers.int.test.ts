// "Email me when two-step verification is offered in COUNTRY" end to end: a real database (SQLite or
// PostgreSQL), the operator's command as it runs, the outbox delivered by several workers at once to
// the SMTP stand-in, with the clock moved.
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../harness/db.ts';
import { withDatabaseAndMail } from '../harness/mail.ts';
import { accountInput, BROWSER, testDeps } from '../harness/accounts.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { DAY, fixedClock } from '../../src/clock.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { hasCountryOfferRequest, requestCountryOfferEmail } from '../../src/eligibility/country-offers.ts';
import { ELIGIBILITY_ERRORS } from '../../src/eligibility/errors.ts';
import { parseCountriesCommand, runCountriesCommand } from '../../src/eligibility/availability-admin.ts';
import { deliverDueEmails } from '../../src/mail/outbox-worker.ts';
import { sentenceOf } from '../../src/result.ts';

const START = '2026-11-23T10:00:00.000Z';
const APPLE_ID = 'nima.holder@example.com';
const SUBJECT = 'Two-step verification is now offered in Nepal';

describe('email me when two-step verification is offered in my country', () => {
  const mail = withDatabaseAndMail({ seedCountries: true });
  let clock: ReturnType<typeof fixedClock>;
  let deps: { db: Db; clock: typeof clock; appUrl: string };
  let accountId: string;

  beforeEach(async () => {
    await mail.t.db.account.deleteMany();
    await mail.t.db.countryAvailability.deleteMany({ where: { countryCode: 'NP' } });
    const accountDeps = testDeps(mail.t.db, START);
    clock = accountDeps.clock;
    deps = { db: mail.t.db, clock, appUrl: accountDeps.appUrl };
    const created = await createAccount(accountDeps, accountInput({ appleId: APPLE_ID, countryCode: 'NP', rescueEmail: '' }), BROWSER);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    accountId = created.accountId;
    await mail.t.db.emailOutbox.deleteMany();
    mail.store.clear();
  });

  /** The operator's command, run at the test clock's time. */
  async function countries(...argv: string[]) {
    const parsed = parseCountriesCommand(argv);
    if (!parsed.ok) throw new Error(parsed.error);
    return runCountriesCommand(mail.t.db, parsed.command, { now: clock.now(), appUrl: 'http://localhost:3000' });
  }

  /** Delivers what is due now with 3 workers at once (each its own client on PostgreSQL); returns the subjects received. */
  async function delivered() {
    const clients: Db[] =
      TEST_ENGINE === 'postgresql' ? Array.from({ length: 3 }, () => createDb(mail.t.url)) : [mail.t.db, mail.t.db, mail.t.db];
    try {
      await Promise.all(clients.map((db) => deliverDueEmails({ db, clock, mailer: mail.mailer }, { batchSize: 100 })));
    } finally {
      if (TEST_ENGINE === 'postgresql') await Promise.all(clients.map((db) => db.$disconnect()));
    }
    return mail.standin
      .messages()
      .slice()
      .reverse()
      .map((m) => `${m.to[0]!.toLowerCase()}: ${m.subject}`);
  }

  it('asked while the country is not listed: the operator adds it with a date, the email goes on that date, once', async () => {
    expect(await requestCountryOfferEmail(deps, accountId)).toEqual({ ok: true, countryCode: 'NP', availableFrom: null });
    expect(await hasCountryOfferRequest(mail.t.db, accountId, 'NP')).toBe(true);
    expect(await requestCountryOfferEmail(deps, accountId)).toMatchObject({ ok: true }); // asking again: still one

    const out = await countries('add', 'NP', '--from', '2026-12-01');
    expect(out.stdout[1]).toContain('1 holder asked to be emailed');
    clock.set('2026-11-30T23:59:59.999Z');
    expect(await delivered()).toEqual([]);
    clock.set('2026-12-01T00:00:00.000Z');
    expect(await delivered()).toEqual([`${APPLE_ID}: ${SUBJECT}`]);
    const [m] = mail.standin.messages();
    expect(m!.text).toContain('http://localhost:3000/account/security');
    clock.advance(DAY);
    expect(await delivered()).toHaveLength(1);
  });

  it('added without a date: the email goes at once', async () => {
    await requestCountryOfferEmail(deps, accountId);
    await countries('add', 'NP');
    expect(await delivered()).toEqual([`${APPLE_ID}: ${SUBJECT}`]);
  });

  it('asked while the country is scheduled: queued for its date', async () => {
    await countries('add', 'NP', '--from', '2027-03-01');
    expect(await requestCountryOfferEmail(deps, accountId)).toEqual({
      ok: true,
      countryCode: 'NP',
      availableFrom: new Date('2027-03-01T00:00:00Z'),
    });
    clock.set('2027-02-28T12:00:00Z');
    expect(await delivered()).toEqual([]);
    clock.set('2027-03-01T00:00:00Z');
    expect(await delivered()).toEqual([`${APPLE_ID}: ${SUBJECT}`]);
  });

  it('removed again before its date: no email, ever; added again later: one email on the new date', async () => {
    await requestCountryOfferEmail(deps, accountId);
    await countries('add', 'NP', '--from', '2026-12-01');
    const removed = await countries('remove', 'NP');
    expect(removed.stderr).toContain('note: 1 "now offered" email not sent yet were cancelled');
    clock.set('2026-12-02T00:00:00Z');
    expect(await delivered()).toEqual([]);

    await countries('add', 'NP', '--from', '2027-01-10');
    clock.set('2027-01-10T00:00:00Z');
    expect(await delivered()).toEqual([`${APPLE_ID}: ${SUBJECT}`]);
  });

  it('a moved date sends one email, on the new date', async () => {
    await requestCountryOfferEmail(deps, accountId);
    await countries('add', 'NP', '--from', '2026-12-01');
    await countries('add', 'NP', '--from', '2026-12-20');
    clock.set('2026-12-01T00:00:00Z');
    expect(await delivered()).toEqual([]);
    clock.set('2026-12-20T00:00:00Z');
    expect(await delivered()).toEqual([`${APPLE_ID}: ${SUBJECT}`]);
  });

  it('is refused where two-step is offered already', async () => {
    await mail.t.db.account.update({ where: { id: accountId }, data: { countryCode: 'US' } });
    expect(await requestCountryOfferEmail(deps, accountId)).toEqual({
      ok: false,
      code: 'COUNTRY_OFFERED',
      error: sentenceOf(ELIGIBILITY_ERRORS, 'COUNTRY_OFFERED'),
    });
    expect(await mail.t.db.countryOfferRequest.count()).toBe(0);
  });

  it('is refused with two-step on: there is nothing to wait for', async () => {
    await mail.t.db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: new Date(START) } });
    expect(await requestCountryOfferEmail(deps, accountId)).toEqual({
      ok: false,
      code: 'TWO_STEP_ALREADY_ON',
      error: sentenceOf(ELIGIBILITY_ERRORS, 'TWO_STEP_ALREADY_ON'),
    });
    expect(await mail.t.db.countryOfferRequest.count()).toBe(0);
    expect(await mail.t.db.emailOutbox.count()).toBe(0);
  });
});

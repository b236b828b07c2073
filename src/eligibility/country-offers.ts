// "Email me when two-step verification is offered in COUNTRY" (docs/rules.md#country-or-region). On
// the page's country-unavailable state the holder asks once; a CountryOfferRequest row remembers
// it. The email is a scheduled outbox row (src/mail/scheduled.ts) due at the country's date:
//  - asked while the country has a date (scheduled by the operator): queued at once, due that day;
//  - the operator adds the country, or moves its date (`npm run countries -- add XX [--from D]`):
//    every request for it is (re)queued, due on that date, or at once when it is today or past;
//  - the operator removes it again before the date: the unsent emails are deleted, so nobody is told
//    about a country that is not offered after all. The requests stay, so adding it later tells them.
// Delivery is the outbox worker's: claimed row by row, so each email goes once with any number of
// app instances.
import type { Db, DbTx } from '../db/client.ts';
import { lockAccountRow } from '../db/row-locks.ts';
import { fixedClock, type Clock } from '../clock.ts';
import { cancelScheduledEmails, scheduleEmail } from '../mail/scheduled.ts';
import { countryOfferedEmail } from '../mail/templates.ts';
import { emailReader } from '../mail/recipients.ts';
import { regionName } from './regions.ts';
import { failure, type Result } from '../result.ts';
import { ELIGIBILITY_ERRORS } from './errors.ts';

/** The account's columns emailReader writes from. */
const READER_FIELDS = { timeZone: true, language: true, browserLanguage: true } as const;

type CountryOfferResult = Result<{ countryCode: string; availableFrom: Date | null }, 'COUNTRY_OFFERED' | 'TWO_STEP_ALREADY_ON'>;

/** The outbox kind of the email for one country (so the operator's command can find and cancel them). */
export const countryOfferedKind = (countryCode: string) => `country-offered:${countryCode}`;

async function queueFor(
  tx: DbTx,
  deps: { clock: Clock; appUrl: string },
  account: { id: string; name: string; appleId: string; timeZone: string | null; language: string | null; browserLanguage: string | null },
  countryCode: string,
  availableFrom: Date,
): Promise<void> {
  const reader = emailReader(account);
  await scheduleEmail(
    tx,
    {
      kind: countryOfferedKind(countryCode),
      accountId: account.id,
      to: account.appleId,
      ...countryOfferedEmail({
        name: account.name,
        appleId: account.appleId,
        country: regionName(countryCode, reader.language) ?? countryCode,
        appUrl: deps.appUrl,
        ...reader,
      }),
    },
    availableFrom,
    deps.clock,
  );
}

/**
 * The holder asks to be emailed when two-step is offered in their account's country. Refused when it
 * is offered already. Asking again changes nothing (one request, one email).
 */
export async function requestCountryOfferEmail(
  deps: { db: Db; clock: Clock; appUrl: string },
  accountId: string,
): Promise<CountryOfferResult> {
  return deps.db.$transaction(async (tx): Promise<CountryOfferResult> => {
    const now = deps.clock.now();
    // The account's row lock first: it orders two requests of the same holder (PostgreSQL).
    await lockAccountRow(tx, accountId, now);
    const account = await tx.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { id: true, name: true, appleId: true, countryCode: true, twoStepEnabledAt: true, ...READER_FIELDS },
    });
    if (account.twoStepEnabledAt) return failure(ELIGIBILITY_ERRORS, 'TWO_STEP_ALREADY_ON');
    const country = await tx.countryAvailability.findUnique({ where: { countryCode: account.countryCode } });
    if (country && country.availableFrom.getTime() <= now.getTime()) return failure(ELIGIBILITY_ERRORS, 'COUNTRY_OFFERED');
    const existing = await tx.countryOfferRequest.findUnique({
      where: { accountId_countryCode: { accountId, countryCode: account.countryCode } },
    });
    if (!existing) {
      await tx.countryOfferRequest.create({ data: { accountId, countryCode: account.countryCode, createdAt: now } });
      if (country) await queueFor(tx, deps, account, account.countryCode, country.availableFrom);
    }
    return { ok: true, countryCode: account.countryCode, availableFrom: country?.availableFrom ?? null };
  });
}

/** Whether the holder already asked for their account's country. */
export async function hasCountryOfferRequest(db: DbTx, accountId: string, countryCode: string): Promise<boolean> {
  return (await db.countryOfferRequest.count({ where: { accountId, countryCode } })) > 0;
}

/**
 * The operator set the country's date (added or moved): the emails of every request for it, due on
 * that date. Replaces the ones queued before, so a moved date sends one email, on the new date.
 */
export async function queueCountryOfferEmails(
  tx: DbTx,
  deps: { now: Date; appUrl: string },
  countryCode: string,
  availableFrom: Date,
): Promise<number> {
  const clock = fixedClock(deps.now);
  await cancelScheduledEmails(tx, { kinds: [countryOfferedKind(countryCode)] }, clock);
  const requests = await tx.countryOfferRequest.findMany({
    where: { countryCode, account: { countryCode, twoStepEnabledAt: null } },
    select: { account: { select: { id: true, name: true, appleId: true, ...READER_FIELDS } } },
  });
  for (const r of requests) await queueFor(tx, { clock, appUrl: deps.appUrl }, r.account, countryCode, availableFrom);
  return requests.length;
}

/** The operator removed the country: its emails not sent yet are deleted. */
export async function cancelCountryOfferEmails(tx: DbTx, deps: { now: Date }, countryCode: string): Promise<number> {
  return cancelScheduledEmails(tx, { kinds: [countryOfferedKind(countryCode)] }, fixedClock(deps.now));
}

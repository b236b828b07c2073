// A test database and the SMTP stand-in on a free loopback port, with a mailer that sends to it:
// for a describe block whose emails go out through the real outbox worker and SMTP. Read the
// fields inside the tests (they are set by the block's beforeAll).
import { afterAll, beforeAll } from 'vitest';
import { createTestDb, type TestDb } from './db.ts';
import { freePort } from './net.ts';
import { createSmtpMailer, type MailSender } from '../../src/mail/smtp.ts';
import { createMailStore, startMailStandin, type MailStandin, type MailStore } from '../../dev/standins/mail.ts';
import { seedCountryAvailability } from '../../src/eligibility/countries.ts';

export const TEST_MAIL_FROM = 'Two-Step <no-reply@two-step.test>';
/** The portal's address in the emails the tests send (the support footer's link, compose.ts). */
export const TEST_APP_URL = 'https://two-step.test';

export interface DatabaseAndMail {
  t: TestDb;
  store: MailStore;
  standin: MailStandin;
  mailer: MailSender;
  port: number;
}

export function withDatabaseAndMail(opts: { seedCountries?: boolean } = {}): DatabaseAndMail {
  const env = { store: createMailStore() } as DatabaseAndMail;
  beforeAll(async () => {
    env.t = await createTestDb();
    if (opts.seedCountries) await seedCountryAvailability(env.t.db);
    env.port = await freePort();
    env.standin = await startMailStandin({ port: env.port, store: env.store });
    env.mailer = createSmtpMailer(`smtp://127.0.0.1:${env.port}`, TEST_MAIL_FROM, TEST_APP_URL);
  });
  afterAll(async () => {
    await env.standin.stop();
    await env.t.drop();
  });
  return env;
}

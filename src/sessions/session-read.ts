// The read every signed-in request makes: the session row and its account, in one raw statement
// (src/db/raw.ts: a model query costs five times the CPU). Everything a page checks about the
// session (stage, expiry, the Password and Security pass, a fresh code) and shows about the
// account comes from this one row; no secret (password or Recovery Key hash) is read.
import type { DbTx } from '../db/client.ts';
import { rawBool, rawDate, rawDateOrNull, rawTextOrNull } from '../db/raw.ts';
import { authMethodOf, type AuthMethod } from './auth-methods.ts';

export interface SessionRow {
  id: string;
  accountId: string;
  createdAt: Date;
  lastSeenAt: Date;
  stage: string;
  codeVerifiedAt: Date | null;
  secondStep: AuthMethod | null;
  questionPair: string | null;
  securityPassSeenAt: Date | null;
}

/** The account as the signed-in pages see it. */
export interface SessionAccount {
  id: string;
  appleId: string;
  name: string;
  birthDate: string;
  countryCode: string;
  rescueEmail: string | null;
  passwordChangedAt: Date;
  twoStepEnabledAt: Date | null;
  setupStartedAt: Date | null;
  setupDeadline: Date | null;
  /** Whether a Recovery Key hash is stored (the hash itself is not read). */
  recoveryKeyIssued: boolean;
  recoveryKeyCreatedAt: Date | null;
  recoveryKeyConfirmedAt: Date | null;
  /** The zone emails give times in (src/accounts/time-zone.ts); null: none known, UTC. */
  timeZone: string | null;
  /** The language the holder chose (src/accounts/language.ts); null: the browser's. */
  language: string | null;
  /** The language the browser asked for at the last password sign-in, for emails when none was chosen. */
  browserLanguage: string | null;
}

export interface SessionWithAccount {
  row: SessionRow;
  account: SessionAccount;
}

/** The session with this row id and its account, or null. */
export async function readSessionWithAccount(db: DbTx, id: string): Promise<SessionWithAccount | null> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT s."id", s."accountId", s."createdAt", s."lastSeenAt", s."stage", s."codeVerifiedAt", s."secondStep", s."questionPair", s."securityPassSeenAt",
           a."appleId", a."name", a."birthDate", a."countryCode", a."rescueEmail", a."passwordChangedAt", a."twoStepEnabledAt",
           a."setupStartedAt", a."setupDeadline", a."recoveryKeyHash" IS NOT NULL AS "recoveryKeyIssued", a."recoveryKeyCreatedAt",
           a."recoveryKeyConfirmedAt", a."timeZone", a."language", a."browserLanguage"
    FROM "Session" s JOIN "Account" a ON a."id" = s."accountId"
    WHERE s."id" = ${id}`;
  const r = rows[0];
  if (!r) return null;
  return {
    row: {
      id: String(r.id),
      accountId: String(r.accountId),
      createdAt: rawDate(r.createdAt),
      lastSeenAt: rawDate(r.lastSeenAt),
      stage: String(r.stage),
      codeVerifiedAt: rawDateOrNull(r.codeVerifiedAt),
      secondStep: authMethodOf(rawTextOrNull(r.secondStep)),
      questionPair: rawTextOrNull(r.questionPair),
      securityPassSeenAt: rawDateOrNull(r.securityPassSeenAt),
    },
    account: {
      id: String(r.accountId),
      appleId: String(r.appleId),
      name: String(r.name),
      birthDate: String(r.birthDate),
      countryCode: String(r.countryCode),
      rescueEmail: rawTextOrNull(r.rescueEmail),
      passwordChangedAt: rawDate(r.passwordChangedAt),
      twoStepEnabledAt: rawDateOrNull(r.twoStepEnabledAt),
      setupStartedAt: rawDateOrNull(r.setupStartedAt),
      setupDeadline: rawDateOrNull(r.setupDeadline),
      recoveryKeyIssued: rawBool(r.recoveryKeyIssued),
      recoveryKeyCreatedAt: rawDateOrNull(r.recoveryKeyCreatedAt),
      recoveryKeyConfirmedAt: rawDateOrNull(r.recoveryKeyConfirmedAt),
      timeZone: rawTextOrNull(r.timeZone),
      language: rawTextOrNull(r.language),
      browserLanguage: rawTextOrNull(r.browserLanguage),
    },
  };
}

// The structured log: one JSON object per line (pino), to standard output, for the operator's log
// collector. `npm start` on a terminal pipes the same lines through pino-pretty (scripts/serve.ts).
//
// Secrets never reach it: every field whose NAME can hold a password, code, Recovery Key,
// app-specific password, PIN, token, cookie or authorization header is replaced by '[redacted]',
// at any depth up to REDACT_DEPTH, whatever logged it (SECRET_KEYS: the one list). Callers are
// still written to log no secret at all; this is the backstop.
//
// Each HTTP request runs inside a request context (src/server/request-log.ts) whose request id
// is mixed into every line logged while handling it, so domain lines can be joined to the request
// line. The state lives on globalThis: Next.js bundles this module into several server chunks, and
// every copy must share one logger and one context (as src/runtime.ts shares the runtime).
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { logLevelOf, type LogLevel } from '../config.ts';

export type { Logger } from 'pino';

/**
 * Field names whose value is a secret, wherever they appear in a logged object. Case matters to
 * the redactor, so the spellings in use are all listed.
 */
export const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'oldPassword',
  'confirm',
  'confirmPassword',
  'code',
  'recoveryKey',
  'key',
  'pin',
  'supportPin',
  'token',
  'sessionToken',
  'resetToken',
  'cookie',
  'cookies',
  'set-cookie',
  'Cookie',
  'authorization',
  'Authorization',
  'secret',
  'appPassword',
  'answer',
  'answers',
  'answer1',
  'answer2',
  'answer3',
  'body',
  'textBody',
] as const;

/** Nesting levels below the top at which SECRET_KEYS are redacted (0 = a top-level field). */
export const REDACT_DEPTH = 4;
export const CENSOR = '[redacted]';

const quoted = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);

/** pino redact paths for every secret key at depths 0..REDACT_DEPTH ("key", "*.key", "*.*.key", ...). */
export function redactPaths(keys: readonly string[] = SECRET_KEYS, depth = REDACT_DEPTH): string[] {
  const paths: string[] = [];
  for (let d = 0; d <= depth; d++) {
    for (const key of keys) {
      const q = quoted(key);
      paths.push(d === 0 ? q : `${Array(d).fill('*').join('.')}${q.startsWith('[') ? '' : '.'}${q}`);
    }
  }
  return paths;
}

/** What a log line knows of the request it was logged in. */
export interface LogContext {
  requestId: string;
}

interface LogState {
  root: Logger;
  context: AsyncLocalStorage<LogContext>;
}

const globalForLog = globalThis as unknown as { twoStepLog?: LogState };

function state(): LogState {
  globalForLog.twoStepLog ??= { root: undefined as unknown as Logger, context: new AsyncLocalStorage<LogContext>() };
  globalForLog.twoStepLog.root ??= createLogger();
  return globalForLog.twoStepLog;
}

/**
 * A logger with the redaction and the request id. Level: `level`, else LOG_LEVEL (src/config.ts);
 * lines go to `destination` (tests pass a stream to read them back), else standard output.
 */
export function createLogger(opts: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? logLevelOf(process.env),
      base: { pid: process.pid },
      redact: { paths: redactPaths(), censor: CENSOR },
      // Numbers for machines are fine, but a name reads better in every collector.
      formatters: { level: (label: string) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const ctx = globalForLog.twoStepLog?.context.getStore();
        return ctx ? { reqId: ctx.requestId } : {};
      },
    },
    opts.destination,
  );
}

/** The process's logger. */
export function logger(): Logger {
  return state().root;
}

/** Replaces the process's logger (scripts/serve.ts on a terminal: pretty lines; tests: a captured stream). */
export function setLogger(next: Logger): Logger {
  const previous = state().root;
  state().root = next;
  return previous;
}

/** Runs `fn` with `ctx` as the request context of every line logged inside it. */
export function runWithLogContext<T>(ctx: LogContext, fn: () => T): T {
  return state().context.run(ctx, fn);
}

/** The request context in force (null outside a request). */
export function logContext(): LogContext | null {
  return state().context.getStore() ?? null;
}

export type { Level, LogLevel };

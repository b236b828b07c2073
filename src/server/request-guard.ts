// What the HTTP server checks before Next.js sees a request (src/server/serve.ts), so that a
// malformed request gets a short 4xx and never a 500 with a stack trace in the log:
//
// - a body over MAX_BODY_BYTES (1 MiB, Next.js's own default for server actions) answers 413,
//   told by Content-Length before a byte is read, or counted while a chunked body streams in
//   (Next.js itself answers 500 to a server action over its limit);
// - a server action request (Next-Action header, or a form posted without JavaScript) is read in
//   full and must be one that React could decode: a multipart body that parses, no NUL in a field
//   name, an argument list that is a JSON array holding only plain JSON, undefined and FormData
//   references (what the portal's forms send), and the id of an action the build has. Otherwise
//   400 (malformed) or 404 (an unknown action id; with Next.js's x-nextjs-action-not-found
//   header, so the browser's router treats it as Next.js's own answer). Next.js answers these
//   with 500, or with 400/409 and a stack trace in the log.
//
// A request that passes goes on to Next.js with its body replayed from memory. Each refusal is one
// line in the log (no stack). Pure Node.js: no Next.js needed to test it (tests/server/).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { logger } from '../observability/log.ts';
import { PLAIN_ANSWER_HEADERS } from './security-headers.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Before a 413, the rest of the body is read and dropped up to this much, so the client can read
 * the answer; then the connection closes.
 */
const DRAIN_BYTES = 8 * MAX_BODY_BYTES;

export interface GuardOptions {
  /** The build's server actions (.next/server/server-reference-manifest.json); null: not checked. */
  actions: ServerActions | null;
  maxBodyBytes?: number;
  log?: (line: string) => void;
  /** What every answer of the guard carries besides PLAIN_ANSWER_HEADERS: HSTS and Permissions-Policy (src/server/security-headers.ts). */
  headers?: Readonly<Record<string, string>>;
}

type Refusal = { status: 400 | 404 | 413; message: string; actionNotFound?: boolean };

/**
 * Checks a request. Resolves to the request to hand to Next.js (the same one, or one whose body
 * is replayed from memory), or to null when it was answered here.
 */
export async function guardRequest(req: IncomingMessage, res: ServerResponse, opts: GuardOptions): Promise<IncomingMessage | null> {
  const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const log = opts.log ?? warn;
  const refuse = (refusal: Refusal) => {
    answer(res, refusal, opts.headers);
    log(`[http] ${refusal.status} ${req.method} ${pathOf(req)}: ${refusal.message}`);
    return null;
  };

  const tooLarge = async () => {
    await drain(req);
    res.setHeader('Connection', 'close');
    return refuse({ status: 413, message: `The request is too large (over ${limit} bytes).` });
  };
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return tooLarge();
  const hasBody = (declared !== undefined && Number(declared) > 0) || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) {
    // A server action always has a body; one without is refused here (Next.js would 500 on it).
    const refusal =
      typeof req.headers['next-action'] === 'string' && req.method === 'POST'
        ? (checkActionId(req.headers['next-action'], opts.actions, pathOf(req)) ?? badAction('no arguments'))
        : null;
    return refusal ? refuse(refusal) : req;
  }

  const body = await readBody(req, limit);
  if (body === 'too large') return tooLarge();
  if (body === 'aborted') return null; // the client went away: nothing to answer

  const refusal = await checkAction(req, body, opts.actions);
  if (refusal) return refuse(refusal);
  return replay(req, body);
}

/**
 * Next.js's request handler behind the guard. Whatever Next.js throws (it answers most errors
 * itself) ends as a 400 when the request was at fault (a malformed URL, say) and a 500 otherwise;
 * either way one line in the log, and no unhandled rejection.
 */
export function guardedHandler(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  opts: GuardOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const log = opts.log ?? warn;
  return (req, res) => {
    void (async () => {
      try {
        const guarded = await guardRequest(req, res, opts);
        if (guarded) await handle(guarded, res);
      } catch (err) {
        const status = clientErrorStatus(err) ?? 500;
        const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        if (status < 500) log(`[http] ${status} ${req.method} ${pathOf(req)}: ${what.slice(0, 200)}`);
        else logger().error({ err, method: req.method }, 'http: request failed');
        if (!res.headersSent)
          answer(
            res,
            {
              status: status as Refusal['status'],
              message: status < 500 ? 'This is not a request the portal understands.' : 'Something went wrong.',
            },
            opts.headers,
          );
        else res.end();
      }
    })();
  };
}

/** A refusal's line in the log (the request line itself is src/server/request-log.ts's). */
const warn = (line: string) => logger().warn({ event: 'request-refused' }, line);

/** The status of an error caused by the request itself (Next.js's ApiError and its like, a bad URL), or null. */
function clientErrorStatus(err: unknown): number | null {
  const e = err as { statusCode?: unknown; status?: unknown; code?: unknown } | null;
  const status = Number(e?.statusCode ?? e?.status);
  if (Number.isInteger(status) && status >= 400 && status < 500) return status;
  if (err instanceof URIError || e?.code === 'ERR_INVALID_URL' || e?.code === 'ERR_INVALID_CHAR') return 400;
  return null;
}

/** A build's server actions: each action id with the pages ("app/sign-in/page") that can run it. */
export type ServerActions = ReadonlyMap<string, ReadonlySet<string>>;

/** The server actions of the build in `dir` (null when there is no manifest: ids are then not checked). */
export function serverActions(dir: string, distDir = '.next'): ServerActions | null {
  try {
    type Entries = Record<string, { workers?: Record<string, unknown> }>;
    const manifest = JSON.parse(readFileSync(join(dir, distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
      node?: Entries;
      edge?: Entries;
    };
    const actions = new Map<string, Set<string>>();
    for (const entries of [manifest.node ?? {}, manifest.edge ?? {}]) {
      for (const [id, entry] of Object.entries(entries))
        actions.set(id, new Set([...(actions.get(id) ?? []), ...Object.keys(entry.workers ?? {})]));
    }
    return actions;
  } catch {
    return null;
  }
}

// ---- Bodies ---------------------------------------------------------------------------------------

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: Buffer | 'too large' | 'aborted') => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle('too large');
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle(Buffer.concat(chunks)));
    req.once('error', () => settle('aborted'));
    req.once('close', () => settle(req.complete ? Buffer.concat(chunks) : 'aborted'));
  });
}

/**
 * Reads and drops what is left of a refused body, up to DRAIN_BYTES or 10 seconds, before the 413
 * is sent: a client still sending when the connection closes would never read the answer.
 */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve();
    let dropped = 0;
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 10_000);
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DRAIN_BYTES) done();
    });
    req.once('end', done);
    req.once('error', done);
    req.once('close', done);
    req.resume();
  });
}

/** A request like the one read, whose body is `body` (Next.js reads it as it would have read the original). */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.trailers = req.trailers;
  copy.rawTrailers = req.rawTrailers;
  if (body.length) copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

function answer(res: ServerResponse, refusal: Refusal, headers: Readonly<Record<string, string>> = {}) {
  if (res.headersSent) return void res.end();
  res.statusCode = refusal.status;
  for (const [name, value] of Object.entries({ ...PLAIN_ANSWER_HEADERS, ...headers })) res.setHeader(name, value);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  if (refusal.actionNotFound) res.setHeader('x-nextjs-action-not-found', '1');
  res.end(`${refusal.message}\n`);
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0]!.slice(0, 200);
}

// ---- Server actions -------------------------------------------------------------------------------

const badAction = (why: string): Refusal => ({ status: 400, message: `This is not a request the portal understands (${why}).` });

const everyPageOf = new WeakMap<ServerActions, Set<string>>();
function pagesOf(known: ServerActions): Set<string> {
  let pages = everyPageOf.get(known);
  if (!pages) everyPageOf.set(known, (pages = new Set([...known.values()].flatMap((p) => [...p]))));
  return pages;
}

/** A dynamic segment of a page's folder ("[slug]"), which takes any one segment of an address. */
const DYNAMIC_SEGMENT = /^\[[^.\]][^\]]*\]$/;

/**
 * The page an address runs on, as Next.js routes it: its own folder's, or else one with a dynamic
 * segment in the place of one of its segments, a static segment winning over a dynamic one from the
 * left ("/account/security/devices/x" is "app/account/security/devices/[page]/page"); null when none.
 */
function pageAt(path: string, everyPage: Set<string>): string | null {
  const page = `app${path.replace(/\/+$/, '')}/page`;
  if (everyPage.has(page)) return page;
  const parts = page.split('/');
  const dynamicAt = (candidate: string[]) => candidate.map((s) => DYNAMIC_SEGMENT.test(s));
  const matches = [...everyPage]
    .map((p) => p.split('/'))
    .filter((c) => c.length === parts.length && c.every((s, i) => s === parts[i] || DYNAMIC_SEGMENT.test(s)))
    .sort((a, b) => {
      const [da, db] = [dynamicAt(a), dynamicAt(b)];
      const first = da.findIndex((d, i) => d !== db[i]);
      return first < 0 ? 0 : da[first] ? 1 : -1;
    });
  return matches[0]?.join('/') ?? null;
}

/**
 * The action must exist and be one the page posted to can run (Next.js looks it up in that page's
 * bundle: "/sign-in" is "app/sign-in/page"; an address with no page is "app/_not-found/page").
 */
function checkActionId(id: string, known: ServerActions | null, path: string): Refusal | null {
  if (!/^[0-9a-f]{42}$/.test(id)) return badAction('malformed action id');
  if (!known) return null;
  const notFound: Refusal = { status: 404, message: 'This action does not exist. Reload the page.', actionNotFound: true };
  const pages = known.get(id);
  if (!pages) return notFound;
  const everyPage = pagesOf(known);
  const runsOn = pageAt(path, everyPage) ?? 'app/_not-found/page';
  return everyPage.has(runsOn) && !pages.has(runsOn) ? notFound : null;
}

async function checkAction(req: IncomingMessage, body: Buffer, known: ServerActions | null): Promise<Refusal | null> {
  const path = pathOf(req);
  if (req.method !== 'POST') return null;
  const actionHeader = req.headers['next-action'];
  const type = String(req.headers['content-type'] ?? '');
  const multipart = /^multipart\/form-data/i.test(type);
  if (typeof actionHeader === 'string') {
    const idRefusal = checkActionId(actionHeader, known, path);
    if (idRefusal) return idRefusal;
    if (!multipart) return checkArguments(body.toString('utf8'));
    // Next.js reads this one with busboy: both parsers must agree it is well formed.
    const form = await parseForm(body, type);
    const names = form && (await busboyFieldNames(body, type));
    if (!form || !names) return badAction('a multipart body that does not parse');
    return checkFieldNames(form) ?? checkFieldNames({ keys: () => names }) ?? checkArguments(form.get('0'));
  }
  // A form posted without JavaScript: React finds the action in $ACTION_ fields.
  if (!multipart) return null;
  const form = await parseForm(body, type);
  if (!form) return badAction('a multipart body that does not parse');
  const names = [...form.keys()];
  if (!names.some((n) => n.startsWith('$ACTION_'))) return checkFieldNames(form); // not an action: the page answers
  const fieldRefusal = checkFieldNames(form);
  if (fieldRefusal) return fieldRefusal;
  for (const name of names) {
    const byId = /^\$ACTION_ID_(.*)$/.exec(name);
    if (byId) {
      const refusal = checkActionId(byId[1]!, known, path);
      if (refusal) return refusal;
    }
    const ref = /^\$ACTION_REF_(.*)$/.exec(name);
    if (ref) {
      const prefix = `$ACTION_${ref[1]}:`;
      const reference = parseJson(form.get(`${prefix}0`));
      if (!isRecord(reference) || typeof reference.id !== 'string') return badAction('a malformed action reference');
      const refusal = checkActionId(reference.id, known, path);
      if (refusal) return refusal;
      if (reference.bound !== null && reference.bound !== undefined) {
        const bound = /^\$@([0-9a-f]+)$/.exec(String(reference.bound));
        if (!bound) return badAction('malformed bound arguments');
        const argsRefusal = checkArguments(form.get(`${prefix}${parseInt(bound[1]!, 16)}`));
        if (argsRefusal) return argsRefusal;
      }
    }
  }
  return null;
}

type Form = { get(name: string): string | undefined; keys(): Iterable<string> };

async function parseForm(body: Buffer, type: string): Promise<Form | null> {
  try {
    const fd = await new Request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(body),
    }).formData();
    return {
      get: (name) => {
        const v = fd.get(name);
        return typeof v === 'string' ? v : undefined;
      },
      keys: () => fd.keys(),
    };
  } catch {
    return null;
  }
}

type Busboy = (opts: object) => NodeJS.WritableStream & { on(event: string, listener: (...args: never[]) => void): unknown };
const busboy = createRequire(import.meta.url)('next/dist/compiled/busboy') as Busboy;

/** The field names busboy reads in a multipart body, or null when it finds the body malformed. */
function busboyFieldNames(body: Buffer, type: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    const names: string[] = [];
    let settled = false;
    const settle = (v: string[] | null) => {
      if (!settled) resolve(v);
      settled = true;
    };
    try {
      const bb = busboy({ headers: { 'content-type': type }, defParamCharset: 'utf8', limits: { fieldSize: MAX_BODY_BYTES } });
      bb.on('field', (name: string | undefined) => void names.push(name ?? ''));
      bb.on('file', (name: string | undefined, stream: NodeJS.ReadableStream) => {
        names.push(name ?? '');
        stream.resume();
      });
      bb.on('error', () => settle(null));
      bb.on('finish', () => settle(names));
      bb.end(body);
    } catch {
      settle(null);
    }
  });
}

function checkFieldNames(form: Pick<Form, 'keys'>): Refusal | null {
  for (const name of form.keys()) if (name.includes('\u0000')) return badAction('a NUL in a field name');
  return null;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The argument list in React's reply format: a JSON array whose strings starting with "$" are
 * only what the portal's own forms produce: "$$…" (an escaped "$"), "$u" (undefined) and "$K<n>"
 * (a FormData argument whose fields are sent as "<n>_name"; one with no fields is an empty form).
 * React would wait for any other reference to a part that never comes, and Next.js answer 500.
 */
function checkArguments(text: string | undefined): Refusal | null {
  const args = parseJson(text);
  if (!Array.isArray(args)) return badAction('an argument list that is not a JSON array');
  if (args.length > 100) return badAction('too many arguments');
  const stack: unknown[] = [...args];
  let seen = 0;
  while (stack.length) {
    const v = stack.pop();
    if (++seen > 10_000) return badAction('arguments nested too deep');
    if (typeof v === 'string' && v.startsWith('$') && !v.startsWith('$$') && v !== '$u') {
      if (!/^\$K[0-9a-f]+$/.test(v)) return badAction(`an argument React cannot decode here (${JSON.stringify(v.slice(0, 12))})`);
    } else if (Array.isArray(v)) stack.push(...v);
    else if (isRecord(v)) stack.push(...Object.values(v));
  }
  return null;
}

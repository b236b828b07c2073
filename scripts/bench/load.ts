// HTTP load at a fixed number of connections (autocannon; latency percentiles from its
// HdrHistogram), and the medians of interleaved rounds: on a shared 2-core machine only figures
// measured side by side in one run compare.
import autocannon from 'autocannon';
import type { Server, ProbeSnapshot } from './harness.ts';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not 2xx, or whose body was not the expected page. */
  bad: number;
  /** What the first wrong answer was, when the target checks its answers itself. */
  firstFailure?: string;
  /** Server CPU per request (ms), from the probe. */
  cpuMsPerRequest: number;
  loopDelayP99: number;
}

export interface Target {
  name: string;
  path: string;
  /** Cookie headers, used in turn (one per simulated browser). */
  cookies?: string[];
  /** The body must contain this (the page really drawn, not the sign-in form). */
  mustContain: string;
  /** The length of each round, when longer than the default (a slow page needs a few latencies). */
  seconds?: number;
  /**
   * Instead of a GET: called before each round, outside the measure (the token endpoint mints the
   * round's authorization codes here); answers the round's request (each one built anew by
   * autocannon's setupRequest) and, once the round is over, the count of wrong answers.
   */
  round?(connections: number, seconds: number): Promise<CustomRound>;
}

export interface CustomRound {
  request: autocannon.Request;
  done(): { bad: number; firstFailure?: string };
}

export async function load(server: Server, target: Target, connections: number, seconds: number): Promise<LoadResult> {
  let turn = 0;
  const cookies = target.cookies ?? [];
  const custom = await target.round?.(connections, seconds);
  await server.snapshot();
  const result = await autocannon({
    url: `${server.base}${target.path}`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      custom?.request ?? {
        method: 'GET',
        setupRequest: (req: autocannon.Request) =>
          cookies.length ? { ...req, headers: { ...req.headers, cookie: cookies[turn++ % cookies.length]! } } : req,
      },
    ],
    verifyBody: (body) => String(body ?? '').includes(target.mustContain),
  });
  const probe: ProbeSnapshot = await server.snapshot();
  if (result.requests.total === 0) throw new Error(`${target.name} at ${connections} connections: no answer within ${seconds} s`);
  const checked = custom?.done();
  const bad =
    result.non2xx + result.errors + result.timeouts + (result as unknown as { mismatches: number }).mismatches + (checked?.bad ?? 0);
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bad,
    firstFailure: checked?.firstFailure,
    cpuMsPerRequest: probe.cpuMs / Math.max(1, result.requests.total),
    loopDelayP99: probe.loopDelay.p99,
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Each target once per round, rounds interleaved; per target the median of each figure. */
export async function interleaved(
  server: Server,
  targets: Target[],
  connections: number,
  seconds: number,
  rounds: number,
): Promise<Map<string, LoadResult>> {
  const all = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) all.get(t.name)!.push(await load(server, t, connections, t.seconds ?? seconds));
  }
  const out = new Map<string, LoadResult>();
  for (const [name, results] of all) {
    const bad = results.reduce((s, x) => s + x.bad, 0);
    const first = results.find((x) => x.firstFailure)?.firstFailure;
    if (bad > 0)
      throw new Error(
        `${name} at ${connections} connections: ${bad} answers were not the expected answer (non-2xx, error or wrong body)${first ? `: ${first}` : ''}`,
      );
    out.set(name, {
      rps: median(results.map((x) => x.rps)),
      p50: median(results.map((x) => x.p50)),
      p99: median(results.map((x) => x.p99)),
      requests: results.reduce((s, x) => s + x.requests, 0),
      bad,
      cpuMsPerRequest: median(results.map((x) => x.cpuMsPerRequest)),
      loopDelayP99: median(results.map((x) => x.loopDelayP99)),
    });
  }
  return out;
}

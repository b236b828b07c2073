// Goal 3: the server's memory after the first 500 sign-ins (and 2,000 page views) against after
// 5,000 sign-ins and 20,000 signed-in page views. 5,000 sign-ins at bcrypt cost 12 would take a
// quarter of an hour, so this part starts its own server at cost 4 (the lowest the config allows)
// with accounts hashed at cost 4: memory growth does not depend on the cost. The server runs with --expose-gc so that each
// reading follows a full collection (the probe calls gc()): what is left is what is kept.
import autocannon from 'autocannon';
import type { Db } from '../../src/db/client.ts';
import type { Standins } from '../../dev/standins/server.ts';
import { startServer, type ProbeSnapshot } from './harness.ts';
import { seedAccounts, signedInTokens } from './seed.ts';
import { sessionCookie } from './cookies.ts';
import { AccountPool, runUsers, signInFlows } from './sign-in.ts';
import { addRow, note } from './table.ts';

const PAGES = ['/account/security', '/account/security/devices', '/account/security/two-step'];
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

export async function benchMemory(
  db: Db,
  standins: Standins,
  opts: { quick: boolean; engineLabel: string; databaseUrl: string },
): Promise<void> {
  const signIns = opts.quick ? 1_000 : 5_000;
  const views = opts.quick ? 4_000 : 20_000;
  const chunks = 10;
  const accounts = await seedAccounts(opts.databaseUrl, {
    prefix: 'm',
    count: signIns + 100,
    phoneBase: 500_000,
    bcryptCost: 4,
    eventsEach: 3,
  });
  const server = await startServer({ databaseUrl: opts.databaseUrl, standins, env: { BCRYPT_COST: '4' }, nodeFlags: ['--expose-gc'] });
  const pool = new AccountPool('m', 0, signIns, 500_000);
  const flows = signInFlows(server, standins);
  await flows.knowDevices(
    await db.trustedDevice.findMany({
      where: { accountId: { in: accounts.ids.slice(0, signIns) } },
      select: { id: true, phoneNumber: true },
    }),
  );
  const viewers = accounts.ids.slice(signIns, signIns + 50);

  const signInBatch = async (count: number) => {
    const r = await runUsers(server, pool, flows.actionsOnly, 8, { count });
    if (r.failed > 0 || r.refused > 0)
      throw new Error(`memory: ${r.failed} sign-ins failed, ${r.refused} refused (${r.firstFailure ?? 'refused'})`);
    checked += await flows.checkSessions(25);
    standins.twilio.reset(); // the stand-in runs in this process; its inbox is not the server's memory
    return r.done;
  };
  const pageViews = async (count: number) => {
    const cookies = await Promise.all((await signedInTokens(db, viewers)).map((t) => sessionCookie(t, server.env)));
    let turn = 0;
    const result = await autocannon({
      url: server.base,
      connections: 10,
      amount: count,
      timeout: 30,
      requests: [
        {
          method: 'GET',
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            path: PAGES[turn % PAGES.length],
            headers: { ...req.headers, cookie: cookies[turn++ % cookies.length]! },
          }),
        },
      ],
    });
    if (result.non2xx + result.errors > 0) throw new Error(`memory: ${result.non2xx + result.errors} page views were not 200`);
    return result.requests.total;
  };

  // Ten rounds of sign-ins and page views in the final proportion; the baseline is taken after
  // the first round (500 sign-ins and their share of views: every page's code already loaded), so
  // the growth is what the other nine rounds kept.
  let checked = 0;
  let done = 0;
  let viewed = 0;
  let baseline: ProbeSnapshot | undefined;
  let baselineText = '';
  for (let c = 0; c < chunks; c++) {
    done += await signInBatch(signIns / chunks);
    viewed += await pageViews(views / chunks);
    // Each round's reading is printed as it comes, to see the trend (and a figure even if stopped).
    const reading = await server.snapshot({ gc: true });
    console.log(
      `  ${done} sign-ins, ${viewed} page views: RSS ${mb(reading.memory.rss)}, heap used ${mb(reading.memory.heapUsed)}, external ${mb(reading.memory.external)}`,
    );
    if (c === 0) {
      baseline = reading;
      baselineText = `after ${done} sign-ins + ${viewed} views`;
    }
  }
  const after500 = baseline!;
  const end: ProbeSnapshot = await server.snapshot({ gc: true });
  await server.stop();
  const growth = (end.memory.rss - after500.memory.rss) / after500.memory.rss;
  addRow({
    what: `${opts.engineLabel} server RSS after ${done.toLocaleString('en')} sign-ins + ${viewed.toLocaleString('en')} page views (bcrypt cost 4)`,
    figure: mb(end.memory.rss),
    limit: `${mb(after500.memory.rss)} ${baselineText}`,
    ratio: 1 + growth,
    goal: ['<=', 1.2],
  });
  const fields = (m: NodeJS.MemoryUsage) =>
    `heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}`;
  note(
    `Memory: sign-ins by the 3 server-action POSTs (their page loads are in the page views), ${checked} of them checked to open /account.`,
  );
  note(`Memory (${opts.engineLabel}, after a full GC): ${baselineText} RSS ${mb(after500.memory.rss)}, ${fields(after500.memory)};`);
  note(`  at the end RSS ${mb(end.memory.rss)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} %), ${fields(end.memory)}.`);
}

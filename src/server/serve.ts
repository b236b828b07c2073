// Runs the portal: applies the migrations, fills the availability list on a new database, starts
// the email outbox worker and serves the Next.js app. With STANDINS=on it first starts the local
// Twilio, push and SMTP stand-ins (passed in by scripts/serve.ts from dev/, which production code
// never imports) on the ports named by STANDINS_URL and SMTP_URL.
// Production runs this same file with STANDINS=off and real Twilio and SMTP settings.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { config } from '../config.ts';
import { migrate, shippedMigrations } from '../db/migrate.ts';
import { runtime } from '../runtime.ts';
import { seedCountryAvailability } from '../eligibility/countries.ts';
import { outboxStats, startOutboxWorker } from '../mail/outbox-worker.ts';
import { createSmtpMailer } from '../mail/smtp.ts';
import { logger } from '../observability/log.ts';
import { collectProcessMetrics, setOutboxStatsProvider } from '../observability/metrics.ts';
import { guardedHandler, serverActions } from './request-guard.ts';
import { healthHandler, readinessCheck } from './health.ts';
import { metricsHandler, startMetricsServer } from './metrics-endpoint.ts';
import { appRoutes, routeMatcher, withRequestLog } from './request-log.ts';
import { draining, gracefulShutdown } from './shutdown.ts';
import { pageSecurityHeaders, responseSecurityHeaders } from './security-headers.ts';
import { OIDC_ROUTE_PATTERNS, startOidc } from '../oidc/http.ts';
import { startSweeps } from './sweep.ts';

/** Starts the local stand-ins on these ports; only development passes one. */
export type StartStandins = (ports: { httpPort: number; smtpPort: number }) => Promise<{ stop(): Promise<void> }>;

export interface Serving {
  url: string;
  /** Where /metrics is served without a token (METRICS_PORT), if anywhere. */
  metricsUrl?: string;
  /** Graceful shutdown (src/server/shutdown.ts): drains, then closes everything. */
  close(): Promise<void>;
}

export async function serve(opts: { startStandins?: StartStandins } = {}): Promise<Serving> {
  const c = config();
  if (c.STANDINS === 'on' && !opts.startStandins)
    throw new Error('STANDINS=on needs the stand-ins: run `npm run serve` (scripts/serve.ts).');
  const stopStandins =
    c.STANDINS === 'on' && c.STANDINS_URL && opts.startStandins
      ? (await opts.startStandins({ httpPort: Number(new URL(c.STANDINS_URL).port), smtpPort: Number(new URL(c.SMTP_URL).port) })).stop
      : async () => {};

  await migrate(c.DATABASE_URL, { log: (line) => logger().info({ event: 'migration' }, line) });
  const { db, clock } = runtime();
  if ((await db.countryAvailability.count()) === 0) await seedCountryAvailability(db);

  const worker = startOutboxWorker({ db, clock, mailer: createSmtpMailer(c.SMTP_URL, c.MAIL_FROM, c.APP_URL) });
  const sweeps = startSweeps({ db, clock, warn: (err, message) => logger().warn({ err }, message) });
  collectProcessMetrics();
  setOutboxStatsProvider(() => outboxStats(db, clock.now()));

  const port = c.PORT ?? Number(new URL(c.APP_URL).port || 80);
  const hostname = c.HOST;
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  // Malformed requests (too large, undecodable server action calls) get a 4xx before Next.js
  // reads them (src/server/request-guard.ts).
  // Other apps sign in through the portal: /oidc and the discovery document go to the OpenID
  // Connect provider (src/oidc/http.ts), the rest to Next.js.
  const oidc = await startOidc({
    db,
    clock,
    appUrl: c.APP_URL,
    nodeEnv: c.NODE_ENV,
    trustProxy: c.TRUST_PROXY === 'on',
    sessionSecret: c.SESSION_SECRET,
    keyEncryptionKey: Buffer.from(c.OIDC_KEY_ENCRYPTION_KEY, 'base64url'),
    pageHeaders: pageSecurityHeaders({ appUrl: c.APP_URL, trustProxy: c.TRUST_PROXY === 'on' }),
    warn: (err, message) => logger().warn({ err }, message),
  });
  const nextHandler = app.getRequestHandler();
  const dispatch = (req: IncomingMessage, res: ServerResponse) => (oidc.handles(req) ? oidc.handle(req, res) : nextHandler(req, res));
  const handle = guardedHandler(dispatch, {
    actions: serverActions(process.cwd()),
    headers: responseSecurityHeaders({ appUrl: c.APP_URL, trustProxy: c.TRUST_PROXY === 'on' }),
  });
  // One log line and histogram sample per request; sets the client address (src/server/request-log.ts).
  const logged = withRequestLog(handle, {
    trustProxy: c.TRUST_PROXY === 'on',
    routeOf: routeMatcher([...appRoutes(process.cwd()), ...OIDC_ROUTE_PATTERNS]),
  });
  // /healthz, /readyz and /metrics are answered before Next.js: cheap, no session, no rate limit,
  // and no request line (balancers poll them every second).
  const drain = draining();
  const health = healthHandler(
    readinessCheck({ db, shippedMigrations: shippedMigrations(c.DATABASE_URL), worker, shuttingDown: () => drain.active }),
  );
  const metrics = metricsHandler({ token: c.METRICS_TOKEN, open: false });
  const server = createServer((req, res) => {
    drain.mark(res);
    if (health(req, res) || metrics(req, res)) return;
    logged(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  const metricsServer = c.METRICS_PORT
    ? await startMetricsServer({ host: c.METRICS_HOST, port: c.METRICS_PORT, token: c.METRICS_TOKEN })
    : undefined;
  return {
    url: c.APP_URL,
    metricsUrl: metricsServer?.url,
    async close() {
      await gracefulShutdown({
        draining: drain,
        server,
        others: metricsServer ? [metricsServer.server] : [],
        delayMs: c.SHUTDOWN_DELAY_MS,
        graceMs: c.SHUTDOWN_GRACE_MS,
        stopWorker: () => {
          sweeps.stop();
          return worker.stop();
        },
        close: async () => {
          await stopStandins();
          await db.$disconnect();
        },
      });
    },
  };
}

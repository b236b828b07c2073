// Serves the portal (see src/server/serve.ts) and prints where everything is. On a terminal
// (`npm start`) the JSON log lines are shown through pino-pretty; piped (a log collector, the
// end-to-end tests' server.log) they stay one JSON object per line.
// With STANDINS=on it starts the local stand-ins itself, on the ports of STANDINS_URL and SMTP_URL;
// with STANDINS_RUNNING=on as well, they already run (scripts/standins.ts, started once) and
// several instances share them: /dev pages and the shiftable clock stay on, nothing is started.
import { serve } from '../src/server/serve.ts';
import { createLogger, setLogger } from '../src/observability/log.ts';
import { config } from '../src/config.ts';
import { startStandins } from '../dev/standins/server.ts';
import { demoAppLinks } from '../dev/standins/demo-apps/registration.ts';
import { DEMO_ACCOUNTS, DEMO_ANSWERS, DEMO_PASSWORD } from '../dev/seed/demo-accounts.ts';

if (process.stdout.isTTY) {
  // Loaded only here: a service's output is piped, and stays JSON for its log collector.
  const { default: pretty } = await import('pino-pretty');
  setLogger(
    createLogger({ destination: pretty({ colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) }),
  );
}

const c = config();
const alreadyRunning = async () => ({ stop: async () => {} });
// The demo apps sign in through this portal, at its public address.
const withDemoApps = (ports: { httpPort: number; smtpPort: number }) =>
  startStandins({ ...ports, demoApps: { issuer: c.APP_URL, sessionSecret: c.SESSION_SECRET } });
const server = await serve({ startStandins: process.env.STANDINS_RUNNING === 'on' ? alreadyRunning : withDemoApps });
const lines = [``, `Two-Step is running at ${server.url}`];
if (c.STANDINS === 'on') {
  lines.push(
    ``,
    `Local stand-ins (nothing leaves this machine):`,
    `  SMS inbox      ${server.url}/dev/sms      (Twilio API stand-in at ${c.STANDINS_URL})`,
    `  Mail inbox     ${server.url}/dev/mail     (SMTP server at ${c.SMTP_URL})`,
    `  Devices        ${server.url}/dev/devices  (push stand-in)`,
    ``,
    `Demo apps that sign in with an Apple ID (on 127.0.0.1, so their cookies stay apart from the portal's):`,
    ...(c.STANDINS_URL ? demoAppLinks(c.STANDINS_URL).map((a) => `  ${a.name.padEnd(14)} ${a.url}`) : []),
    ``,
    `Demo accounts (password "${DEMO_PASSWORD}", security answers ${DEMO_ANSWERS.map((a) => `"${a}"`).join(', ')}):`,
    ...DEMO_ACCOUNTS.map((d) => `  ${d.appleId.padEnd(24)} ${d.about}`),
  );
}
if (server.metricsUrl) lines.push(``, `Metrics (Prometheus): ${server.metricsUrl}`);
console.log(lines.join('\n') + '\n');

// Graceful shutdown (src/server/shutdown.ts), once: a terminal's Ctrl-C may reach us twice
// (SIGINT to the process group, then the same signal passed on by npm).
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down (${new Date().toISOString()})`);
    void server.close().then(() => process.exit(0));
  });
}

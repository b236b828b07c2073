// Runs the local stand-ins (Twilio, push, SMTP, the demo apps: dev/standins/server.ts) alone, on the
// ports of STANDINS_URL and SMTP_URL (default: `npm start`'s 4010 and 2525), until SIGINT or
// SIGTERM. For several instances of the portal on one machine, which would otherwise each start
// their own on the same ports: start this once, then each instance with STANDINS=on
// STANDINS_RUNNING=on (scripts/serve.ts). The end-to-end test of several instances does so
// (e2e-instances/). The demo apps sign in through APP_URL (the load balancer's address there) and
// need the instances' SESSION_SECRET; without it they are not served.
import { startStandins } from '../dev/standins/server.ts';
import { DEV_PORTS } from '../dev/standins/local-env.ts';
import { demoAppLinks } from '../dev/standins/demo-apps/registration.ts';

const portOf = (url: string | undefined, fallback: number) => (url ? Number(new URL(url).port) : fallback);
const sessionSecret = process.env.SESSION_SECRET;
const issuer = process.env.APP_URL ?? `http://localhost:${DEV_PORTS.app}`;
const standins = await startStandins({
  httpPort: portOf(process.env.STANDINS_URL, DEV_PORTS.http),
  smtpPort: portOf(process.env.SMTP_URL, DEV_PORTS.smtp),
  demoApps: sessionSecret ? { issuer, sessionSecret } : undefined,
});
console.log(`stand-ins: HTTP (Twilio API, push, inbox listings) at ${standins.httpUrl}, SMTP at ${standins.smtpUrl}`);
console.log(
  sessionSecret
    ? `demo apps signing in through ${issuer}: ${demoAppLinks(standins.httpUrl)
        .map((a) => `${a.name} ${a.url}`)
        .join(', ')}`
    : 'demo apps: not served (set SESSION_SECRET and APP_URL as the portal has them)',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void standins.stop().then(() => process.exit(0));
  });
}

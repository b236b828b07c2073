// Starts the local stand-ins for development and tests: one HTTP server that speaks Twilio's REST
// API (SMS and Lookup), takes push notifications, lists what each received for the dev inbox
// pages and, given the portal's address, serves the demo apps that sign in through it
// (./demo-apps/); and an SMTP server for email. Loopback only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTwilioStandin } from './twilio.ts';
import { createPushStandin } from './push.ts';
import { createMailStore, mailInboxHandler, startMailStandin, type MailStandin } from './mail.ts';
import { sendJson, type StandinHandler } from './http.ts';
import { STANDIN_TWILIO } from './local-env.ts';
import type { DemoAppsOptions } from './demo-apps/index.ts';

export interface Standins {
  httpUrl: string;
  smtpUrl: string;
  twilio: ReturnType<typeof createTwilioStandin>;
  push: ReturnType<typeof createPushStandin>;
  mail: MailStandin;
  stop(): Promise<void>;
}

export interface StandinsOptions {
  httpPort?: number;
  smtpPort?: number;
  host?: string;
  /** The portal the demo apps sign in through; without it they are not served. */
  demoApps?: DemoAppsOptions;
}

export async function startStandins(opts: StandinsOptions = {}): Promise<Standins> {
  const host = opts.host ?? '127.0.0.1';
  const twilio = createTwilioStandin({ accountSid: STANDIN_TWILIO.accountSid, authToken: STANDIN_TWILIO.authToken });
  const push = createPushStandin();
  const mailStore = createMailStore();
  const mail = await startMailStandin({ port: opts.smtpPort ?? 0, host, store: mailStore });
  const handlers: StandinHandler[] = [twilio.handle, push.handle, mailInboxHandler(mailStore)];

  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      for (const handle of handlers) if (await handle(req, res)) return;
      sendJson(res, 404, { message: `The stand-in has no ${req.method} ${req.url}` });
    } catch (e) {
      sendJson(res, 500, { message: (e as Error).message });
    }
  };
  // Node does not wait for a request listener; respond() answers its own failures (500).
  const server: Server = createServer((req, res) => void respond(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.httpPort ?? 0, host, resolve);
  });
  const httpPort = (server.address() as AddressInfo).port;
  const httpUrl = `http://${host}:${httpPort}`;
  // Mounted once the address is known (their redirect URIs are on it), and loaded only then:
  // openid-client is a development dependency.
  if (opts.demoApps) {
    const { demoAppsHandler } = await import('./demo-apps/index.ts');
    handlers.push(demoAppsHandler({ ...opts.demoApps, selfUrl: httpUrl }));
  }
  return {
    httpUrl,
    smtpUrl: `smtp://${host}:${mail.port}`,
    twilio,
    push,
    mail,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await mail.stop();
    },
  };
}

/** The environment that points the app at these stand-ins. */
export function standinEnv(s: Standins): Record<string, string> {
  return {
    STANDINS: 'on',
    STANDINS_URL: s.httpUrl,
    TWILIO_ACCOUNT_SID: STANDIN_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: STANDIN_TWILIO.authToken,
    TWILIO_FROM: STANDIN_TWILIO.from,
    TWILIO_API_BASE_URL: s.httpUrl,
    TWILIO_LOOKUPS_BASE_URL: s.httpUrl,
    PUSH_URL: s.httpUrl,
    SMTP_URL: s.smtpUrl,
  };
}

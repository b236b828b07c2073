// The end-to-end run's own ports, apart from `npm start`'s (3000, 4010, 2525). E2E_PORT_OFFSET
// moves them all, so two checkouts on one machine can run their end-to-end tests side by side.
import { randomBytes } from 'node:crypto';

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

/**
 * The run's three portals (playwright.config.ts), one per Playwright project, each with its own
 * stand-ins (so their SMS and mail inboxes never mix), database and server.log: `clock` and
 * `clock-2` serve the specs that move the portal's dev clock (each portal's clock is its own),
 * `steady` the others. The specs that start instances of their own take ports 50 and 51
 * (e2e/graceful-shutdown.spec.ts) and 60 (e2e/https-app-url.spec.ts) above `clock`'s, apart from all three.
 */
export const E2E_SERVERS = {
  clock: { app: 3100 + offset, http: 4110 + offset, smtp: 2625 + offset },
  steady: { app: 3120 + offset, http: 4130 + offset, smtp: 2645 + offset },
  'clock-2': { app: 3130 + offset, http: 4140 + offset, smtp: 2655 + offset },
};
export type E2eServerName = keyof typeof E2E_SERVERS;

/** The base the specs running instances of their own move their ports from: `clock`'s. */
export const E2E_PORTS = E2E_SERVERS.clock;

/** The bearer token of the end-to-end servers' /metrics: random per run, shared with the specs through the environment. */
process.env.E2E_METRICS_TOKEN ??= randomBytes(32).toString('base64url');
export const E2E_METRICS_TOKEN = process.env.E2E_METRICS_TOKEN;

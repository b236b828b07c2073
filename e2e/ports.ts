// The end-to-end run's own ports, apart from `npm start`'s (3000, 4010, 2525). E2E_PORT_OFFSET
// moves all three, so two checkouts on one machine can run their end-to-end tests side by side.
import { randomBytes } from 'node:crypto';

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_PORTS = { app: 3100 + offset, http: 4110 + offset, smtp: 2625 + offset };

/** The bearer token of the end-to-end server's /metrics: random per run, shared with the specs through the environment. */
process.env.E2E_METRICS_TOKEN ??= randomBytes(32).toString('base64url');
export const E2E_METRICS_TOKEN = process.env.E2E_METRICS_TOKEN;

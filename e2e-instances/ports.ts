// The ports of the several-instances run: nginx, the two instances and the shared stand-ins, apart
// from the main end-to-end run's (e2e/ports.ts). E2E_PORT_OFFSET moves them all, as it does there.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const INSTANCE_PORTS = { nginx: 5000 + offset, a: 5001 + offset, b: 5002 + offset, http: 5003 + offset, smtp: 5004 + offset };
/** The public address: nginx's. */
export const NGINX_URL = `http://localhost:${INSTANCE_PORTS.nginx}`;
/** The response header the tested nginx adds (only there): which instance answered. */
export const UPSTREAM_HEADER = 'x-two-step-upstream';

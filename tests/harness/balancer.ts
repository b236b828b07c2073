// A load balancer on a loopback port, in front of several portal instances: what makes them one
// portal to a browser and an app. Every instance is started with the balancer's address as its
// APP_URL (startPortal's appUrl), so all of them are the same issuer, as in a deployment; the
// balancer passes each request, Host header included, to the instance `pick` names. Tests choose
// the instance of each request (all to one, then all to the other; or alternating).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { freePort, startHttp } from './net.ts';

export interface Balancer {
  /** The one public address: the issuer of every instance behind it. */
  url: string;
  /** Where each request goes: an instance's own address (Portal.address). */
  pick: (req: IncomingMessage, n: number) => string;
  /** Every request passed on: its path (without the query) and the instance it went to. */
  readonly served: Array<{ path: string; to: string }>;
  close(): Promise<void>;
}

/** A balancer on a free port; set `pick` before the first request. */
export async function startBalancer(): Promise<Balancer> {
  const port = await freePort();
  let n = 0;
  const balancer: Balancer = {
    url: `http://127.0.0.1:${port}`,
    pick: () => {
      throw new Error('the balancer has no instance yet');
    },
    served: [],
    close: async () => server.close(),
  };
  const server = await startHttp(
    [
      (req, res) =>
        new Promise<boolean>((resolve) => {
          let to: string;
          try {
            to = balancer.pick(req, n++);
          } catch {
            res.writeHead(502).end();
            return resolve(true);
          }
          balancer.served.push({ path: (req.url ?? '').split('?')[0]!, to });
          const target = new URL(to);
          const upstream = httpRequest(
            // A connection of its own per request, as nginx opens to an upstream by default: a kept-alive
            // one may be closed by the instance at the moment it is reused, which read as a 502 under load.
            { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent: false },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
              answer.pipe(res);
              answer.on('end', () => resolve(true));
            },
          );
          upstream.on('error', () => {
            if (!res.headersSent) res.writeHead(502);
            res.end();
            resolve(true);
          });
          req.pipe(upstream);
        }),
    ],
    port,
  );
  return balancer;
}

/** Alternates between the instances, request by request. */
export function roundRobin(...addresses: string[]): Balancer['pick'] {
  return (_req, n) => addresses[n % addresses.length]!;
}

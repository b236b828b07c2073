// Loopback servers for tests: a free port, and an HTTP server for stand-in handlers.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';

/** A loopback port that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

/** Serves the handlers on 127.0.0.1 (port 0: any free port); the first that knows the path answers. */
export async function startHttp(handlers: Handler[], port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      for (const handle of handlers) if (await handle(req, res)) return;
      res.writeHead(404).end('not found');
    } catch (e) {
      // A handler that throws answers 500 with why, as the stand-ins do (dev/standins/server.ts).
      if (!res.headersSent) res.writeHead(500);
      res.end(`handler failed: ${(e as Error).message}`);
    }
  };
  // Node does not wait for a request listener; respond() answers its own failures.
  const server: Server = createServer((req, res) => void respond(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

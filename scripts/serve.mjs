/**
 * The production HTTP server that `npm start` runs: Next.js's request handler behind a plain
 * node:http server, so that the app can learn the address of the socket a request came in on
 * (docs/decisions/006-client-address.md). Next.js hands route handlers, Server Actions and
 * next-auth only the headers, and `next start` keeps a client's own X-Forwarded-For as it is.
 *
 * Every request gets PEER_ADDRESS_HEADER set to the socket's address, replacing any value a client
 * sent under that name; the mark on globalThis tells lib/auth/client-ip.ts that the header can be
 * believed in this process.
 *
 * Usage: node scripts/serve.mjs --port 3000 --hostname 127.0.0.1
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** Must equal PEER_ADDRESS_HEADER in lib/auth/client-ip.ts (checked by its test). */
export const PEER_ADDRESS_HEADER = 'x-hutong-peer-address';
export const PEER_HEADER_MARK = Symbol.for('hutong.peerAddressHeader');
/** Installed by the app (lib/metrics/registry.ts REQUEST_HOOK) to count each response. */
const REQUEST_HOOK = Symbol.for('hutong.recordRequest');

/** Replaces any client-sent peer header with the socket's address. */
export function stampPeerAddress(req) {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
}

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, hostname: { type: 'string' } },
  });
  const port = Number(values.port ?? 3000);
  const hostname = values.hostname ?? '0.0.0.0';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  globalThis[PEER_HEADER_MARK] = true;

  const server = http.createServer((req, res) => {
    stampPeerAddress(req);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      globalThis[REQUEST_HOOK]?.(req.method ?? 'GET', req.url ?? '/', res.statusCode, seconds);
    });
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // Longer than a typical proxy's idle timeout, so the proxy closes idle connections first.
  server.keepAliveTimeout = 75_000;
  server.listen(port, hostname, () => {
    process.stdout.write(`Ready: listening on ${hostname}:${port}\n`);
  });
  const close = () => server.close(() => process.exit(0));
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

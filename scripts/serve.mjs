/**
 * The production HTTP server that `npm start` runs: Next.js's request handler behind a plain
 * node:http server, so that the app can learn the address of the socket a request came in on
 * (docs/decisions/008-client-address.md). Next.js hands route handlers, Server Actions and
 * next-auth only the headers, and `next start` keeps a client's own X-Forwarded-For as it is.
 *
 * Every request gets PEER_ADDRESS_HEADER set to the socket's address, replacing any value a client
 * sent under that name; the mark on globalThis tells lib/auth/client-ip.ts that the header can be
 * believed in this process.
 *
 * It also sheds sign-in floods before they reach Next.js: a password sign-in beyond
 * MAX_SIGN_INS_IN_FLIGHT in progress, or beyond SIGN_INS_PER_SECOND (with a burst of
 * SIGN_IN_BURST), is answered "busy" at once, in next-auth's own reply shape, so the form shows its
 * "try again in a few seconds" message. Inside the app a smaller bound limits the password checks
 * themselves (lib/auth/password.ts). This one bounds what a flood costs the event loop: each
 * attempt writes to the database, and with SQLite those writes (and their fsyncs) run on it.
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

/** next-auth's password sign-in endpoint (the Credentials provider "credentials"). */
export const SIGN_IN_PATH = '/api/auth/callback/credentials';
/** Above the app's own bound (2 checking, 16 waiting), so this gate only sheds true floods. */
export const MAX_SIGN_INS_IN_FLIGHT = 24;
/** Far above people signing in (a whole office in a minute is a few per second). */
export const SIGN_INS_PER_SECOND = 5;
export const SIGN_IN_BURST = 10;

/** A token bucket: true when one more sign-in may start now. */
export function createSignInRate(perSecond = SIGN_INS_PER_SECOND, burst = SIGN_IN_BURST, now = () => Date.now()) {
  let tokens = burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
/** The error code lib/auth/sign-in-errors.ts reads as "busy". */
const BUSY_ERROR = 'Busy';

/** Answers a sign-in "busy" the way next-auth answers a failed one: JSON with the error in a URL. */
function answerBusy(req, res) {
  req.resume();
  res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '2', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ url: `http://localhost/sign-in?error=${BUSY_ERROR}` }));
}

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
  // Before prepare(): the app's start-up (instrumentation.ts) checks for it.
  globalThis[PEER_HEADER_MARK] = true;
  const handle = app.getRequestHandler();
  await app.prepare();

  let signInsInFlight = 0;
  const mayStartSignIn = createSignInRate();
  const server = http.createServer((req, res) => {
    stampPeerAddress(req);
    if (req.method === 'POST' && req.url?.split('?')[0] === SIGN_IN_PATH) {
      if (signInsInFlight >= MAX_SIGN_INS_IN_FLIGHT || !mayStartSignIn()) {
        answerBusy(req, res);
        return;
      }
      signInsInFlight += 1;
      res.once('close', () => (signInsInFlight -= 1));
    }
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
  const close = () => {
    server.close(() => process.exit(0));
    // Requests still running after this long are cut off rather than holding the stop forever.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

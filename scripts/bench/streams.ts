/**
 * Live updates under load (`--only=streams`): with LIVE_UPDATES on, a signed-in program manager
 * opens 200 event streams (/api/events/stream, app/api/events/stream/route.ts); then one status
 * confirmation goes through the partner API with a token made by the operator CLI, and the figure
 * is how long after that request was sent each stream received the event for that city (the
 * message names the row: lib/events/stream.ts `toLiveEvent`). Target: every stream within 2 s.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium, signInCookie } from '../lighthouse-kit.mjs';
import { median } from './report';
import type { Figure } from './report';
import { buildIfNeeded, DEMO_MANAGER, prepareDatabase, startServer, stopServer } from './server';

export const STREAM_COUNT = 200;
export const DELIVERY_TARGET_MS = 2000;
/** A city of the demo program on the dashboard (prisma/seed/demo). */
const PROGRAM = 'alipay-unionpay-offline';
const CITY = '4403';
const OPEN_BATCH = 20;
const WAIT_MS = 15_000;

export interface StreamsBenchOptions {
  root: string;
  port: number;
  rebuild: boolean;
  streams: number;
  log: (line: string) => void;
}

interface LiveMessage {
  id: string | null;
  event: string | null;
  data: string;
}

/** Splits a Server-Sent Events text into its complete messages; returns them and the unfinished rest. */
export function parseEventStream(text: string): { messages: LiveMessage[]; rest: string } {
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages = blocks.map((block) => {
    const message: LiveMessage = { id: null, event: null, data: '' };
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) continue; // a comment, e.g. a heartbeat
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') message.id = value;
      else if (field === 'event') message.event = value;
      else if (field === 'data') message.data = message.data ? `${message.data}\n${value}` : value;
    }
    return message;
  });
  return { messages, rest };
}

/** Whether a message announces a change of this city: matched on what it carries now (id and row). */
export function isEventFor(message: LiveMessage, entityCode: string): boolean {
  if (message.id === null || !message.data) return false;
  try {
    const data = JSON.parse(message.data) as { entityCode?: unknown };
    return data.entityCode === entityCode;
  } catch {
    return false;
  }
}

interface OpenStream {
  /** performance.now() when this stream received the city's event; null until then. */
  receivedAt: number | null;
  eventId: string | null;
  close: () => void;
}

function openStream(url: string, cookie: string, entityCode: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const state: OpenStream = { receivedAt: null, eventId: null, close: () => request.destroy() };
    const request = http.get(url, { headers: { cookie, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`the event stream answered ${response.statusCode}`));
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        const { messages, rest } = parseEventStream(buffer + chunk);
        buffer = rest;
        for (const message of messages) {
          if (state.receivedAt === null && isEventFor(message, entityCode)) {
            state.receivedAt = performance.now();
            state.eventId = message.id;
          }
        }
      });
      response.on('error', () => {});
      resolve(state);
    });
    request.on('error', (error) => {
      if (!request.destroyed || state.receivedAt === null) reject(error);
    });
  });
}

/** An API token for the user, made by the operator CLI as an administrator would. */
function createToken(root: string, dbFile: string, email: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'cli.ts'), 'token', 'create', '--email', email, '--name', 'bench'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'warn' },
  });
  const lines = result.stdout.trim().split('\n');
  if (result.status !== 0) throw new Error(`token create failed: ${result.stderr.trim() || lines.join(' ')}`);
  return lines[lines.length - 1]!.trim();
}

export async function runStreamsBench(options: StreamsBenchOptions): Promise<Figure[]> {
  const { root, port, log } = options;
  buildIfNeeded(root, options.rebuild, log);
  const database = await prepareDatabase();
  const token = createToken(root, database.file, DEMO_MANAGER);
  const { base, child } = await startServer(root, port, database, log, {
    LIVE_UPDATES: 'true',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const streams: OpenStream[] = [];
  try {
    const { browser } = await launchChromium();
    let cookie: string;
    try {
      cookie = await signInCookie(browser, { base, email: DEMO_MANAGER, password: database.password });
    } finally {
      await browser.close();
    }
    const opening = performance.now();
    for (let i = 0; i < options.streams; i += OPEN_BATCH) {
      const batch = Math.min(OPEN_BATCH, options.streams - i);
      streams.push(...(await Promise.all(Array.from({ length: batch }, () => openStream(`${base}/api/events/stream`, cookie, CITY)))));
    }
    log(`${streams.length} event streams open as ${DEMO_MANAGER} (${Math.round(performance.now() - opening)} ms)`);

    const item = `${base}/api/v1/programs/${PROGRAM}/cities/${CITY}`;
    const auth = { authorization: `Bearer ${token}` };
    const current = await fetch(item, { headers: auth });
    if (!current.ok) throw new Error(`GET ${item} answered ${current.status}`);
    const { version } = (await current.json()) as { version: number };
    const sent = performance.now();
    // `version` alone confirms the row: a write that makes an event (lib/api/schemas.ts statusPatchSchema).
    const write = await fetch(item, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ version }) });
    const writeMs = performance.now() - sent;
    if (!write.ok) throw new Error(`PATCH ${item} answered ${write.status}: ${await write.text()}`);

    const deadline = sent + WAIT_MS;
    while (performance.now() < deadline && streams.some((s) => s.receivedAt === null)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const delays = streams.filter((s) => s.receivedAt !== null).map((s) => s.receivedAt! - sent);
    const missed = streams.length - delays.length;
    const eventIds = [...new Set(streams.map((s) => s.eventId).filter(Boolean))];
    log(`write answered in ${Math.round(writeMs)} ms; event ${eventIds.join(', ') || 'none'} reached ${delays.length} of ${streams.length} streams`);
    const round = (ms: number) => Math.round(ms);
    return [
      {
        name: `live event, slowest of ${streams.length} streams`,
        value: missed > 0 || delays.length === 0 ? null : round(Math.max(...delays)),
        unit: 'ms',
        target: DELIVERY_TARGET_MS,
        comparison: 'atMost',
        note: missed > 0 ? `${missed} stream(s) had no event after ${WAIT_MS / 1000} s` : `from sending the API write (it answered in ${round(writeMs)} ms)`,
      },
      {
        name: '  median',
        value: delays.length === 0 ? null : round(median(delays)),
        unit: 'ms',
        target: null,
      },
    ];
  } finally {
    for (const s of streams) s.close();
    await stopServer(child);
  }
}

/**
 * An SMTP server on a free local port for the calling test file, keeping every mail it receives.
 * With `auth`, it accepts only those credentials (PLAIN or LOGIN, without TLS as on a local relay).
 *
 *   const smtp = withSmtpSink();   // then smtp.port, smtp.received
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The authenticated user, or null without authentication. */
  user: string | null;
  raw: string;
}

export interface SmtpSink {
  readonly port: number;
  received: ReceivedMail[];
}

export function withSmtpSink({ auth }: { auth?: { user: string; pass: string } } = {}): SmtpSink {
  let port = 0;
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: Boolean(auth),
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(given, _session, callback) {
      if (auth && given.username === auth.user && given.password === auth.pass) return callback(null, { user: given.username });
      return callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    get port() {
      return port;
    },
    received,
  };
}

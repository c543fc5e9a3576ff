/**
 * Where summary mail goes: the SMTP server from the environment (SMTP_URL, or SMTP_HOST/PORT/
 * USER/PASS), or, with none configured, one .eml file per message in ./data/outbox/ (readable by
 * any mail program), so a fresh install can be tried without a mail server.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../env';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Referenced from the HTML as `cid:<cid>`. */
  cid: string;
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
  /** Names the outbox file; ignored by SMTP. */
  fileStem: string;
  headers?: Record<string, string>;
}

export interface SendResult {
  messageId: string | null;
  /** The outbox file written, for the outbox transport. */
  file?: string;
}

export interface Mailer {
  kind: 'smtp' | 'outbox';
  /** For logs and the CLI: the server or the folder, never a password. */
  target: string;
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

export const DEFAULT_OUTBOX_DIR = path.join('data', 'outbox');

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function toMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, cid: a.cid })),
    headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
  };
}

function describeSmtp(config: SmtpConfig): string {
  if ('url' in config) {
    const url = new URL(config.url);
    return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
  }
  return `smtp${config.secure ? 's' : ''}://${config.host}:${config.port}`;
}

export function createSmtpMailer(config: SmtpConfig): Mailer {
  const transport =
    'url' in config
      ? nodemailer.createTransport({ url: config.url, ...TIMEOUTS })
      : nodemailer.createTransport({
          host: config.host,
          port: config.port,
          secure: config.secure,
          ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
          ...TIMEOUTS,
        });
  return {
    kind: 'smtp',
    target: describeSmtp(config),
    async send(mail) {
      const info = await transport.sendMail(toMessage(mail));
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transport.close(),
  };
}

export function createOutboxMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    target: dir,
    async send(mail) {
      const info = await transport.sendMail(toMessage(mail));
      const stem = mail.fileStem.replace(/[^A-Za-z0-9._@-]/g, '_');
      const file = path.join(dir, `${stem}.eml`);
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(file, info.message as Buffer);
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null, file };
    },
    close: () => transport.close(),
  };
}

/** SMTP when configured, else the outbox folder (relative paths against the working directory). */
export function createMailer(config: SmtpConfig | null, { outboxDir = DEFAULT_OUTBOX_DIR }: { outboxDir?: string } = {}): Mailer {
  return config ? createSmtpMailer(config) : createOutboxMailer(path.resolve(outboxDir));
}

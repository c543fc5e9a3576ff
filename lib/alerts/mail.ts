/**
 * Alert mail, through the weekly summary's mail path (SMTP or the outbox folder): a mail at once
 * for each delivery on the MAIL channel, and one daily digest per person for the DIGEST channel.
 *
 * Each mail is claimed in the database before it is handed to the transport, like the weekly
 * summary's deliveries: a second instance (or run) finds the claim and sends nothing. A failed
 * send gives the claim back for the next run; a crash between claim and send loses at most that
 * one mail, never sends it twice.
 *
 * Every mail carries, per kind it mentions, a link that stops mail of that kind (the alerts stay
 * in the inbox). The link is signed for the person and the kind, so it cannot be edited into
 * someone else's.
 */
import 'server-only';
import crypto from 'node:crypto';
import type { Db } from '../db';
import type { AlertKind } from '../generated/sqlite/enums';
import { resolveLocale, type AppLocale } from '../i18n/config';
import { Prisma } from '../generated/sqlite/client';
import { VIEWER_SELECT, type Viewer } from '../auth/viewer';
import type { Mailer } from '../summary/mail/transport';
import { endOfShanghaiDay, startOfShanghaiDay } from '../time';
import { deliverySelect, toInboxItems, type InboxItem } from './queries';
import { createAlertText } from './text';
import { ALERT_KINDS } from './types';

export interface AlertMailOptions {
  mailer: Mailer;
  from: string;
  /** Public base URL, for links. */
  appUrl: string;
  /** Signs the unsubscribe links (AUTH_SECRET). */
  secret: string;
  now?: Date;
}

// ---- Unsubscribe links ----------------------------------------------------------------------

function signature(secret: string, userId: string, kind: AlertKind): string {
  return crypto.createHmac('sha256', secret).update(`alerts.unsubscribe:${userId}:${kind}`).digest('base64url');
}

export function unsubscribeToken(secret: string, userId: string, kind: AlertKind): string {
  return `${userId}.${kind}.${signature(secret, userId, kind)}`;
}

/** The person and kind a token names, or null when it is not one of ours. */
export function readUnsubscribeToken(secret: string, token: unknown): { userId: string; kind: AlertKind } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [userId, kind, sig, ...rest] = token.split('.');
  if (!userId || !kind || !sig || rest.length > 0 || !(ALERT_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(signature(secret, userId, kind as AlertKind));
  const given = Buffer.from(sig);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? { userId, kind: kind as AlertKind } : null;
}

export function unsubscribeUrl(appUrl: string, secret: string, userId: string, kind: AlertKind): string {
  const url = new URL('/alerts/unsubscribe', appUrl);
  url.searchParams.set('token', unsubscribeToken(secret, userId, kind));
  return url.toString();
}

// ---- Rendering -----------------------------------------------------------------------------

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Recipient extends Viewer {
  locale: AppLocale;
}

function renderMail(recipient: Recipient, items: InboxItem[], subject: string, options: AlertMailOptions) {
  const words = createAlertText(recipient.locale);
  const lines = items.map((item) => ({ text: words.describe(item), url: new URL(item.href, options.appUrl).toString() }));
  const kinds = [...new Set(items.map((i) => i.kind))];
  const stops = kinds.map((kind) => ({ label: words.t('mail.unsubscribe', { kind: words.kindName(kind) }), url: unsubscribeUrl(options.appUrl, options.secret, recipient.id, kind) }));
  const text = [
    words.t('mail.greeting', { name: recipient.name }),
    '',
    ...lines.flatMap((l) => [`- ${l.text}`, `  ${words.t('mail.open')} ${l.url}`]),
    '',
    ...stops.map((s) => `${s.label} ${s.url}`),
    '',
    words.t('mail.footer'),
  ].join('\n');
  const html = [
    `<p>${escapeHtml(words.t('mail.greeting', { name: recipient.name }))}</p>`,
    '<ul>',
    ...lines.map((l) => `<li>${escapeHtml(l.text)} <a href="${escapeHtml(l.url)}">${escapeHtml(words.t('mail.open'))}</a></li>`),
    '</ul>',
    ...stops.map((s) => `<p><small>${escapeHtml(s.label)} <a href="${escapeHtml(s.url)}">${escapeHtml(s.url)}</a></small></p>`),
    `<p><small>${escapeHtml(words.t('mail.footer'))}</small></p>`,
  ].join('\n');
  const firstStop = stops[0];
  return {
    subject,
    text,
    html,
    attachments: [],
    // Opens the page that asks to confirm (a GET never changes a setting).
    headers: firstStop ? { 'List-Unsubscribe': `<${firstStop.url}>` } : undefined,
  };
}

function recipientOf(user: Viewer & { locale: string }): Recipient {
  return { id: user.id, email: user.email, name: user.name, role: user.role, institutionCode: user.institutionCode, locale: resolveLocale(user.locale) };
}

// ---- Mail at once --------------------------------------------------------------------------

export interface MailRunReport {
  sent: number;
  failed: number;
}

/** Sends every unclaimed MAIL delivery (up to `limit`), each once. */
export async function sendAlertMails(db: Db, options: AlertMailOptions & { limit?: number }): Promise<MailRunReport> {
  const now = options.now ?? new Date();
  const pending = await db.alertDelivery.findMany({
    where: { channel: 'MAIL', mailClaimedAt: null, user: { disabled: false } },
    orderBy: { createdAt: 'asc' },
    take: options.limit ?? 100,
    select: { ...deliverySelect, user: { select: { ...VIEWER_SELECT, locale: true } } },
  });
  const report = { sent: 0, failed: 0 };
  for (const row of pending) {
    const claimed = await db.alertDelivery.updateMany({ where: { id: row.id, mailClaimedAt: null }, data: { mailClaimedAt: now } });
    if (claimed.count === 0) continue;
    const recipient = recipientOf(row.user);
    // Re-checked at sending time: a changed role or institution stops the mail (the claim stays).
    const [item] = await toInboxItems(db, recipient, [row]);
    if (!item) continue;
    const words = createAlertText(recipient.locale);
    try {
      await options.mailer.send({
        from: options.from,
        to: recipient.email,
        fileStem: `alert-${row.id}`,
        ...renderMail(recipient, [item], words.t('mail.subject', { text: words.describe(item) }), options),
      });
      await db.alertDelivery.update({ where: { id: row.id }, data: { mailedAt: new Date() } });
      report.sent += 1;
    } catch {
      await db.alertDelivery.update({ where: { id: row.id }, data: { mailClaimedAt: null } });
      report.failed += 1;
    }
  }
  return report;
}

// ---- Daily digest --------------------------------------------------------------------------

export interface DigestReport {
  day: string;
  sent: number;
  /** People whose digest for the day was already claimed (by another run or instance). */
  alreadySent: number;
  failed: number;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** One mail per person with their DIGEST deliveries of a Shanghai day, each person once. */
export async function sendDailyDigests(db: Db, day: string, options: AlertMailOptions): Promise<DigestReport> {
  const rows = await db.alertDelivery.findMany({
    where: { channel: 'DIGEST', createdAt: { gte: startOfShanghaiDay(day), lt: endOfShanghaiDay(day) }, user: { disabled: false } },
    orderBy: { createdAt: 'asc' },
    select: { ...deliverySelect, userId: true, user: { select: { ...VIEWER_SELECT, locale: true } } },
  });
  const byUser = new Map<string, typeof rows>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  const report: DigestReport = { day, sent: 0, alreadySent: 0, failed: 0 };
  for (const [userId, own] of byUser) {
    const recipient = recipientOf(own[0]!.user);
    const items = await toInboxItems(db, recipient, own);
    if (items.length === 0) continue;
    try {
      await db.alertDigest.create({ data: { day, userId, alertCount: items.length } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      report.alreadySent += 1;
      continue;
    }
    const words = createAlertText(recipient.locale);
    try {
      await options.mailer.send({
        from: options.from,
        to: recipient.email,
        fileStem: `digest-${day}-${userId}`,
        ...renderMail(recipient, items, words.t('mail.digestSubject', { date: day, count: items.length }), options),
      });
      await db.alertDigest.update({ where: { day_userId: { day, userId } }, data: { sentAt: new Date() } });
      await db.alertDelivery.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { mailedAt: new Date() } });
      report.sent += 1;
    } catch {
      await db.alertDigest.delete({ where: { day_userId: { day, userId } } });
      report.failed += 1;
    }
  }
  return report;
}

/**
 * Mailing a week's summary to the executives, each in their own language (User.locale), once.
 *
 * Each (week, scope, recipient) is claimed in the archive's delivery log before the message is
 * handed to the transport: a second run, or a second app instance running the schedule at the
 * same minute, finds the claim and sends nothing. A failed send gives its claim back so the next
 * run retries it; a crash between the claim and the send leaves the claim (at most one mail, never
 * two) and `listDeliveries` shows it without a sent time.
 */
import type { Db } from '../../db';
import { resolveLocale, type AppLocale } from '../../i18n/config';
import type { SummaryArchive } from '../archive';
import { readWeeklySummary } from '../generate';
import { prepareSummaryMail, renderMailCharts, renderSummaryMail, type MailCharts, type PreparedSummaryMail } from './render';
import type { Mailer } from './transport';

export interface SummaryRecipient {
  id: string;
  email: string;
  name: string;
  locale: AppLocale;
}

/** Every active executive, by address. */
export async function listSummaryRecipients(db: Db): Promise<SummaryRecipient[]> {
  const users = await db.user.findMany({
    where: { role: 'EXECUTIVE', disabled: false },
    select: { id: true, email: true, name: true, locale: true },
    orderBy: { email: 'asc' },
  });
  return users.map((u) => ({ ...u, email: u.email.toLowerCase(), locale: resolveLocale(u.locale) }));
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'dry-run' | 'failed';

export interface RecipientReport {
  email: string;
  locale: AppLocale;
  outcome: DeliveryOutcome;
  subject: string;
  messageId?: string | null;
  file?: string;
  /** One line, for `failed`. */
  error?: string;
}

export interface SendReport {
  week: string;
  scope: string;
  /** True when the week was generated (and archived) by this run. */
  generated: boolean;
  transport: Mailer['kind'];
  target: string;
  recipients: RecipientReport[];
}

export interface SendSummaryOptions {
  week: string;
  /** A program slug, or null for the summary across programs. */
  program: string | null;
  mailer: Mailer;
  from: string;
  /** Public base URL for the link to the page. */
  appUrl: string;
  /** Render and report, but neither send nor record deliveries. */
  dryRun?: boolean;
  now?: Date;
  /** Defaults to every active executive. */
  recipients?: SummaryRecipient[];
}

export function summaryPageUrl(appUrl: string, week: string, program: string | null): string {
  const url = new URL(`/summary/${week}`, appUrl);
  if (program) url.searchParams.set('program', program);
  return url.toString();
}

/** The portfolio at the end of the week: every program at a glance, linked from each summary. */
export function portfolioPageUrl(appUrl: string, weekEnd: string): string {
  const url = new URL('/portfolio', appUrl);
  url.searchParams.set('asOf', weekEnd);
  return url.toString();
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}

export async function sendWeeklySummary(db: Db, archive: SummaryArchive, options: SendSummaryOptions): Promise<SendReport> {
  const { summary, created, request } = await readWeeklySummary(db, archive, options.week, options.program, { now: options.now });
  const recipients = options.recipients ?? (await listSummaryRecipients(db));
  const weekUrl = summaryPageUrl(options.appUrl, request.week.id, options.program);
  const portfolioUrl = portfolioPageUrl(options.appUrl, request.week.end);
  const words = new Map<AppLocale, PreparedSummaryMail>();
  const charts = new Map<AppLocale, Promise<MailCharts>>();
  const prepare = (locale: AppLocale) => {
    let p = words.get(locale);
    if (!p) {
      p = prepareSummaryMail(summary, locale);
      words.set(locale, p);
    }
    return p;
  };
  // Drawn only when a message in that language is actually sent.
  const chartsFor = (mail: PreparedSummaryMail) => {
    let c = charts.get(mail.locale);
    if (!c) {
      c = renderMailCharts(mail);
      charts.set(mail.locale, c);
    }
    return c;
  };

  const reports: RecipientReport[] = [];
  const delivered = options.dryRun ? await archive.listDeliveries(request.week.id, request.scope) : [];
  for (const recipient of recipients) {
    const mail = prepare(recipient.locale);
    const base = { email: recipient.email, locale: recipient.locale, subject: mail.subject };
    const key = { week: request.week.id, scope: request.scope, recipient: recipient.email };
    if (options.dryRun) {
      const done = delivered.some((d) => d.recipient === recipient.email);
      reports.push({ ...base, outcome: done ? 'already-sent' : 'dry-run' });
      continue;
    }
    if (!(await archive.claimDelivery(key, recipient.locale))) {
      reports.push({ ...base, outcome: 'already-sent' });
      continue;
    }
    try {
      const rendered = renderSummaryMail(mail, await chartsFor(mail), recipient, weekUrl, portfolioUrl);
      const result = await options.mailer.send({
        from: options.from,
        to: recipient.email,
        ...rendered,
        fileStem: `${request.week.id}-${request.scope === '*' ? 'all' : request.scope}-${recipient.email}`,
        headers: { 'X-Hutong-Summary-Week': request.week.id },
      });
      await archive.markDelivered(key, { transport: options.mailer.kind, messageId: result.messageId });
      reports.push({ ...base, outcome: 'sent', messageId: result.messageId, ...(result.file ? { file: result.file } : {}) });
    } catch (error) {
      await archive.releaseDelivery(key);
      reports.push({ ...base, outcome: 'failed', error: oneLine(error) });
    }
  }
  return {
    week: request.week.id,
    scope: request.scope,
    generated: created,
    transport: options.mailer.kind,
    target: options.mailer.target,
    recipients: reports,
  };
}

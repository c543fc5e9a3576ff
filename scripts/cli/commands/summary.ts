/**
 * `summary generate | send | list`: the weekly summary from the operator's shell, through the same
 * code as the page, the API and the schedule (lib/summary). Output in English, like the rest of
 * the CLI; the mail itself goes out in each executive's language.
 *
 *   npm run cli -- summary generate --week 2021-W39 [--program alipay-bank-apps]
 *   npm run cli -- summary send --week 2021-W40 [--program slug] [--dry-run]
 *   npm run cli -- summary list
 */
import { getEnv } from '../../../lib/env';
import { AppError } from '../../../lib/errors';
import { parseIsoWeek } from '../../../lib/summary/iso-week';
import type { DeliveryOutcome } from '../../../lib/summary/mail/send';
import { ALL_PROGRAMS_SCOPE } from '../../../lib/summary/types';
import { CliFailure, CliUsageError, type CliCommand } from '../types';

/**
 * The summary code draws charts and sends mail (ECharts, sharp, nodemailer): loaded when a summary
 * command runs, so `user ...` and `--help` stay quick.
 */
async function loadSummaryModules() {
  const [generate, send, transport, service, text] = await Promise.all([
    import('../../../lib/summary/generate'),
    import('../../../lib/summary/mail/send'),
    import('../../../lib/summary/mail/transport'),
    import('../../../lib/summary/service'),
    import('../../../lib/summary/text'),
  ]);
  return { ...generate, ...send, ...transport, ...service, ...text };
}

const WEEK_FLAG = { name: 'week', required: true, placeholder: 'YYYY-Www' } as const;
const PROGRAM_FLAG = { name: 'program', required: false, placeholder: 'SLUG' } as const;

function checkWeek(value: string): string {
  if (!parseIsoWeek(value)) throw new CliUsageError(`--week: "${value}" is not an ISO week; use e.g. 2021-W39 (weeks run Monday to Sunday, Asia/Shanghai)`);
  return value;
}

/** Unknown program, unfinished week, week before the start: bad input, said in one line. */
async function asUsage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION')) throw new CliUsageError(error.message);
    throw error;
  }
}

const OUTCOME_LABEL: Readonly<Record<DeliveryOutcome, string>> = {
  sent: 'sent',
  'already-sent': 'already sent',
  'dry-run': 'would send',
  failed: 'FAILED',
};

export const summaryCommands: readonly CliCommand[] = [
  {
    group: 'summary',
    name: 'generate',
    summary: "Generate and archive a week's summary (prints the stored one if it exists).",
    flags: [WEEK_FLAG, PROGRAM_FLAG],
    async run(flags, env) {
      const { readWeeklySummary, getSummaryArchive, createSummaryText, asCrossProgramSummary } = await loadSummaryModules();
      const db = await env.db();
      const { summary, created, request } = await asUsage(
        readWeeklySummary(db, getSummaryArchive(db), checkWeek(flags.week!), flags.program ?? null),
      );
      const text = createSummaryText('en');
      const scope = request.scope === ALL_PROGRAMS_SCOPE ? 'all programs' : request.scope;
      env.io.out(
        `${request.week.id} (${request.week.start} to ${request.week.end}), ${scope}: ${
          created ? 'generated and archived now' : `already archived ${text.time(summary.generatedAt)} (Shanghai)`
        }`,
      );
      const cross = asCrossProgramSummary(summary.payload);
      cross.lines.forEach((line, i) => {
        env.io.out(`  ${line.slug}: ${text.lineCoverage(line)}, ${text.lineChange(line)}, ${text.healthLabel(line.health)}`);
        env.io.out(`    ${text.projectionSentence(cross.programs[i]!)}`);
      });
    },
  },
  {
    group: 'summary',
    name: 'send',
    summary: "Mail a week's summary to every active executive (SMTP_URL/SMTP_HOST, else ./data/outbox/); once per week and person.",
    flags: [WEEK_FLAG, PROGRAM_FLAG, { name: 'dry-run', required: false, placeholder: '', boolean: true }],
    async run(flags, env) {
      const { createMailer, sendWeeklySummary, getSummaryArchive } = await loadSummaryModules();
      const config = getEnv();
      const db = await env.db();
      const mailer = createMailer(config.smtp);
      try {
        const report = await asUsage(
          sendWeeklySummary(db, getSummaryArchive(db), {
            week: checkWeek(flags.week!),
            program: flags.program ?? null,
            mailer,
            from: config.mailFrom,
            appUrl: config.appUrl,
            dryRun: flags['dry-run'] === 'true',
          }),
        );
        const scope = report.scope === ALL_PROGRAMS_SCOPE ? 'all programs' : report.scope;
        env.io.out(`${report.week}, ${scope}${report.generated ? ' (generated and archived now)' : ''} -> ${report.transport} ${report.target}`);
        if (report.recipients.length === 0) env.io.out('  no active executive to send to');
        for (const r of report.recipients) {
          env.io.out(`  ${OUTCOME_LABEL[r.outcome].padEnd(12)} ${r.email} (${r.locale}) ${r.error ? `: ${r.error}` : `"${r.subject}"`}`);
        }
        const count = (o: DeliveryOutcome) => report.recipients.filter((r) => r.outcome === o).length;
        env.io.out(`${count('sent')} sent, ${count('already-sent')} already sent, ${count('dry-run')} dry run, ${count('failed')} failed`);
        if (count('failed') > 0) throw new CliFailure(`${count('failed')} message(s) not sent; run the command again to retry them`);
      } finally {
        mailer.close();
      }
    },
  },
  {
    group: 'summary',
    name: 'list',
    summary: 'List the archived weeks (summaries across programs and per program).',
    flags: [],
    async run(_flags, env) {
      const { getSummaryArchive, createSummaryText } = await loadSummaryModules();
      const db = await env.db();
      const entries = await getSummaryArchive(db).list();
      if (entries.length === 0) {
        env.io.out('no week archived yet; `summary generate --week YYYY-Www` or opening a week archives it');
        return;
      }
      const text = createSummaryText('en');
      for (const e of entries) {
        env.io.out(`${e.week}  ${(e.scope === ALL_PROGRAMS_SCOPE ? 'all programs' : e.scope).padEnd(32)} ${text.time(e.generatedAt)}`);
      }
    },
  },
];

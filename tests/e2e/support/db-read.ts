/**
 * Reads the e2e database directly, so browser tests can check what a page cannot prove: that a
 * refused write changed no row and left its audit entry. Prints JSON. Usage:
 *   tsx db-read.ts row <city|institution> <program-slug> <code>
 *   tsx db-read.ts audit <actor-email> <action> <ALLOWED|DENIED> <entity-id>
 */
import { createDb } from '../../../lib/db';
import { parseDatabaseUrl } from '../../../lib/env';

async function main() {
  const [what, ...args] = process.argv.slice(2);
  const db = createDb(parseDatabaseUrl(process.env.DATABASE_URL));
  let out: unknown;
  if (what === 'row') {
    const [entity, slug, code] = args;
    if (!entity || !slug || !code) throw new Error('usage: row <city|institution> <slug> <code>');
    const program = await db.program.findUniqueOrThrow({ where: { slug } });
    const select = { status: true, plannedDate: true, liveDate: true, evidenceUrl: true, note: true, version: true, verified: true } as const;
    out =
      entity === 'city'
        ? await db.cityStatus.findUniqueOrThrow({ where: { programId_cityCode: { programId: program.id, cityCode: code } }, select })
        : await db.institutionStatus.findUniqueOrThrow({ where: { programId_institutionCode: { programId: program.id, institutionCode: code } }, select });
  } else if (what === 'audit') {
    const [email, action, outcome, entityId] = args;
    if (!email || !action || !outcome || !entityId) throw new Error('usage: audit <email> <action> <outcome> <entity-id>');
    const actor = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    out = { count: await db.auditLog.count({ where: { actorId: actor.id, action, outcome, entityId } }) };
  } else {
    throw new Error(`unknown query ${what ?? ''}`);
  }
  process.stdout.write(JSON.stringify(out));
  await db.$disconnect();
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});

// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma: the models are shared, only
// the provider and the generated client's folder differ. `--check` exits 1 when the copy is stale
// (run by the test suite). See docs/decisions/001-two-databases.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const source = path.join(root, 'prisma', 'schema.prisma');
const target = path.join(root, 'prisma', 'postgresql', 'schema.prisma');

export function renderPostgresSchema(text) {
  const header =
    '// GENERATED from prisma/schema.prisma by `npm run db:schemas`. Do not edit: edit the source.\n';
  const out = text
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgresql"')
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  if (out === text) throw new Error('prisma/schema.prisma no longer has the expected generator/datasource lines');
  return header + out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const expected = renderPostgresSchema(fs.readFileSync(source, 'utf8'));
  if (process.argv.includes('--check')) {
    const actual = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (actual !== expected) {
      process.stderr.write('prisma/postgresql/schema.prisma is stale: run `npm run db:schemas`\n');
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, expected);
  }
}

/**
 * Request contexts for the seeded demo users, so mutations can be called "as" each role in
 * data-layer tests (the same Viewer the session would build from the database).
 */
import type { Db } from '../../lib/db';
import type { RequestContext } from '../../lib/auth/viewer';

export const DEMO_EMAILS = {
  admin: 'admin@hutong.test',
  pm: 'pm@hutong.test',
  exec: 'exec@hutong.test',
  icbc: 'icbc@hutong.test',
  cmb: 'cmb@hutong.test',
} as const;

export type DemoUser = keyof typeof DEMO_EMAILS;

export async function loadDemoContexts(db: Db): Promise<Record<DemoUser, RequestContext>> {
  const entries = await Promise.all(
    (Object.entries(DEMO_EMAILS) as Array<[DemoUser, string]>).map(async ([key, email]) => {
      const user = await db.user.findUniqueOrThrow({
        where: { email },
        select: { id: true, email: true, name: true, role: true, institutionCode: true },
      });
      return [key, { viewer: user, ip: '127.0.0.1' }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<DemoUser, RequestContext>;
}

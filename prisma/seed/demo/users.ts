/** One demo user per role; the names are invented. */
import { hashPassword } from '../../../lib/auth/password';
import { Role } from '../../../lib/generated/sqlite/enums';
import type { DemoUserSeed } from './model';

export const DEMO_USERS: readonly DemoUserSeed[] = [
  { email: 'admin@hutong.test', name: '李静', role: Role.ADMIN, locale: 'zh-CN' },
  { email: 'pm@hutong.test', name: '王磊', role: Role.PROGRAM_MANAGER, locale: 'en' },
  { email: 'exec@hutong.test', name: '张伟', role: Role.EXECUTIVE, locale: 'zh-CN' },
  { email: 'icbc@hutong.test', name: '陈晓东', role: Role.PARTNER, institutionCode: 'ICBC', locale: 'zh-CN' },
  { email: 'cmb@hutong.test', name: '刘洋', role: Role.PARTNER, institutionCode: 'CMB', locale: 'zh-CN' },
];

/** Hashes the demo password once per user. Done before the transaction: it is CPU work. */
export async function hashDemoPasswords(password: string): Promise<Map<string, string>> {
  const hashes = await Promise.all(
    DEMO_USERS.map(async (u) => [u.email, await hashPassword(password)] as const),
  );
  return new Map(hashes);
}

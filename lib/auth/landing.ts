/**
 * Where a person lands after signing in without asking for a page: managers and executives who
 * follow more than one program start on the portfolio (every program at a glance), everyone else on
 * the dashboard. Hutong has no "follow" yet, so the programs followed are the programs the viewer
 * can read, which today is every program (docs/decisions/010-matrix-and-portfolio.md).
 */
import type { Role } from '../generated/sqlite/enums';

export const PORTFOLIO_PATH = '/portfolio';
export const DASHBOARD_PATH = '/';

const PORTFOLIO_ROLES: ReadonlySet<Role> = new Set(['PROGRAM_MANAGER', 'EXECUTIVE']);

export function landingPathFor(role: Role, followedPrograms: number): string {
  return PORTFOLIO_ROLES.has(role) && followedPrograms > 1 ? PORTFOLIO_PATH : DASHBOARD_PATH;
}

/**
 * Where a person lands after signing in without asking for a page: managers and executives who
 * follow more than one program start on the portfolio (every program at a glance), everyone else on
 * the dashboard. The count comes from the follows (countWatchedPrograms in lib/alerts/queries.ts):
 * a manager who unfollows all but one program lands on that program's dashboard.
 */
import type { Role } from '../generated/sqlite/enums';

export const PORTFOLIO_PATH = '/portfolio';
export const DASHBOARD_PATH = '/';

const PORTFOLIO_ROLES: ReadonlySet<Role> = new Set(['PROGRAM_MANAGER', 'EXECUTIVE']);

export function landingPathFor(role: Role, followedPrograms: number): string {
  return PORTFOLIO_ROLES.has(role) && followedPrograms > 1 ? PORTFOLIO_PATH : DASHBOARD_PATH;
}

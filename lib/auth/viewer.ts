import type { Role } from '../generated/sqlite/client';

/**
 * Who is asking, as every query and mutation sees it. Built from the session (lib/auth/session.ts)
 * or an API token, always re-read from the database so a disabled user or changed role takes
 * effect on the next request.
 */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Set for PARTNER users only: the institution whose rows they may edit. */
  institutionCode: string | null;
}

/** The user columns a Viewer is made of, for a Prisma `select`. */
export const VIEWER_SELECT = { id: true, email: true, name: true, role: true, institutionCode: true } as const;

/** Where a request came from, for the audit trail. */
export interface RequestContext {
  viewer: Viewer;
  ip: string | null;
  /**
   * Set only by operator tools acting without a user account (the CLI sets "cli"): the audit
   * trail then records this source and no actor id. Web and API requests leave it unset.
   */
  source?: string;
}

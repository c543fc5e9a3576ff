/**
 * The operator CLI's building blocks. A command is one entry of the table in registry.ts; groups
 * ("user", later "token" and "summary") live in commands/<group>.ts.
 */
import type { Db } from '../../lib/db';
import type { RequestContext } from '../../lib/auth/viewer';

export interface CliIo {
  /** Normal output (tables, confirmations), one line per call. */
  out: (line: string) => void;
  /** Reads all of standard input (for `--password -`). */
  readStdin: () => Promise<string>;
}

export interface CliEnv {
  /** Opened on first use, so `--help` and bad flags never touch the database. */
  db: () => Promise<Db>;
  /** The synthetic operator context every mutation runs with (see context.ts). */
  ctx: RequestContext;
  io: CliIo;
}

export interface FlagSpec {
  /** Flag name without the dashes, e.g. "email". */
  name: string;
  required: boolean;
  /** Shown in the usage line, e.g. "E". */
  placeholder: string;
  /** A switch such as `--dry-run`: takes no value, and reads as "true" when given. */
  boolean?: boolean;
}

export interface CliCommand {
  /** e.g. "user". */
  group: string;
  /** e.g. "create". */
  name: string;
  summary: string;
  flags: readonly FlagSpec[];
  run: (flags: Record<string, string>, env: CliEnv) => Promise<void>;
}

/** Bad input: unknown command or flag, a missing value. Exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** A failure that is not bad input (database missing, ...), with a message fit for one line. Exit code 1. */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}

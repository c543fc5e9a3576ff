/**
 * Every CLI command, in one table. To add a group (e.g. `token create|revoke`, `summary send`),
 * write scripts/cli/commands/<group>.ts exporting its CliCommand list and spread it in here.
 */
import { backupCommands } from './commands/backup';
import { summaryCommands } from './commands/summary';
import { tokenCommands } from './commands/token';
import { USER_FLAG_OF_FIELD, userCommands } from './commands/user';
import type { CliCommand } from './types';

export const COMMANDS: readonly CliCommand[] = [...userCommands, ...summaryCommands, ...tokenCommands, ...backupCommands];

/** Maps a mutation's field path to the flag that set it, for error messages. */
export const FLAG_OF_FIELD: Readonly<Record<string, string>> = { ...USER_FLAG_OF_FIELD };

import { CliUsageError, type CliCommand } from './types';

export function usageOf(command: CliCommand): string {
  const flags = command.flags.map((f) => {
    const flag = f.boolean ? `--${f.name}` : `--${f.name} ${f.placeholder}`;
    return f.required ? flag : `[${flag}]`;
  });
  return [command.group, command.name, ...flags].filter(Boolean).join(' ');
}

/** `--name value` and `--name=value`; every flag takes one value (switches none), none may repeat. */
export function parseFlags(command: CliCommand, argv: readonly string[]): Record<string, string> {
  const known = new Map(command.flags.map((f) => [f.name, f]));
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new CliUsageError(`unexpected argument "${arg}"; usage: ${usageOf(command)}`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!known.has(name)) throw new CliUsageError(`unknown flag --${name}; usage: ${usageOf(command)}`);
    if (name in values) throw new CliUsageError(`--${name} given twice`);
    let value: string | undefined;
    if (known.get(name)!.boolean) {
      if (eq !== -1) throw new CliUsageError(`--${name} takes no value`);
      values[name] = 'true';
      continue;
    }
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      // "-" alone is a value (read from stdin); "--x" is the next flag, not a value.
      if (value === undefined || value.startsWith('--')) throw new CliUsageError(`--${name} needs a value`);
      i++;
    }
    values[name] = value;
  }
  for (const flag of command.flags) {
    if (flag.required && !(flag.name in values)) {
      throw new CliUsageError(`missing --${flag.name}; usage: ${usageOf(command)}`);
    }
  }
  return values;
}

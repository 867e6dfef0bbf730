import { allSettings, optionFor } from './settings.js';

/** A mistake on the command line: printed as one line, exit status 2. */
export class UsageError extends Error {}

export const COMMANDS = ['serve', 'migrate', 'token', 'backup', 'import', 'export', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

export interface Parsed {
  command: Command;
  help: boolean;
  /** Environment variables given as options (`--port 9000` → INKWELL_PORT=9000). */
  env: Record<string, string>;
  /** The command's own options (`token --sub …`), by name without dashes. */
  flags: Record<string, string>;
  positionals: string[];
}

/** Options of a command other than the settings; `true`: a switch that takes no value. */
export const COMMAND_FLAGS: Record<Command, Record<string, boolean>> = {
  serve: {},
  migrate: {},
  token: { sub: false, name: false, role: false, picture: false, ttl: false },
  backup: { force: true },
  import: { from: false, 'map-url': false, 'dry-run': true },
  export: { force: true, 'omit-emails': true, 'with-author-key': true, 'with-address-key': true, 'with-mail-link-key': true },
  help: {},
};

/**
 * Reads `[command] [--option value | --option=value]… [positional]…`. Settings may appear with any
 * command; a switch setting alone (`--demo`) means on.
 */
export function parseArgs(argv: readonly string[]): Parsed {
  const args = [...argv];
  let command: Command = 'serve';
  if (args[0] !== undefined && !args[0].startsWith('-')) {
    if (!(COMMANDS as readonly string[]).includes(args[0])) {
      throw new UsageError(`unknown command "${args[0]}"; commands: ${COMMANDS.join(', ')}`);
    }
    command = args.shift() as Command;
  }
  const settings = new Map(allSettings().map((s) => [optionFor(s.variable), s]));
  const own = COMMAND_FLAGS[command];
  const parsed: Parsed = { command, help: command === 'help', env: {}, flags: {}, positionals: [] };
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const option = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const name = option.slice(2);
    const setting = settings.get(option);
    const isSwitch = setting ? setting.switch === true : own[name];
    if (!setting && isSwitch === undefined) {
      throw new UsageError(`unknown option ${option} for "${command}"; see inkwell-server --help`);
    }
    let value = inline;
    if (value === undefined && isSwitch) value = setting ? 'on' : 'true';
    if (value === undefined) {
      value = args.shift();
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${option} needs a value`);
    }
    if (setting) parsed.env[setting.variable] = value;
    else parsed.flags[name] = value;
  }
  return parsed;
}

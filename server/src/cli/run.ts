import { ConfigError, loadConfig } from '../config.js';
import { parseArgs, UsageError } from './args.js';
import { helpText } from './help.js';
import { optionFor } from './settings.js';
import { serve } from './serve.js';
import { migrate } from './migrate.js';
import { token } from './token.js';
import { backup } from './backup.js';
import { importFile } from './import.js';
import { exportFile } from './export.js';

/** Names the option beside each variable the command line set, so the message points at what was typed. */
function withOptions(message: string, fromArgs: Record<string, string>): string {
  return message.replace(/\bINKWELL_[A-Z_]+\b/g, (v) => (v in fromArgs ? `${optionFor(v)} (${v})` : v));
}

/**
 * `inkwell-server [command] [options]`. Resolves with the exit status, or undefined while the server
 * runs. Mistakes in the arguments or the configuration are one line on stderr and status 2.
 */
export async function run(argv: readonly string[], env: Record<string, string | undefined>): Promise<number | undefined> {
  let fromArgs: Record<string, string> = {};
  let command = 'serve';
  try {
    const parsed = parseArgs(argv);
    fromArgs = parsed.env;
    command = parsed.command;
    if (parsed.help) {
      process.stdout.write(helpText(parsed.command));
      return 0;
    }
    if (parsed.positionals.length > 0 && !['backup', 'import', 'export'].includes(parsed.command)) {
      throw new UsageError(`unexpected argument "${parsed.positionals[0]}" for "${parsed.command}"; see inkwell-server --help`);
    }
    const config = loadConfig({ ...env, ...parsed.env }, []);
    switch (parsed.command) {
      case 'migrate': return await migrate(config);
      case 'token': return await token(config, parsed.flags);
      case 'backup': return await backup(config, parsed.positionals, parsed.flags);
      case 'import': return await importFile(config, parsed.positionals, parsed.flags);
      case 'export': return await exportFile(config, parsed.positionals, parsed.flags);
      default: return await serve(config);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`inkwell: ${withOptions(err.message, fromArgs)}\n`);
      return 2;
    }
    // The server's own failures keep their stack; a one-shot command's failure is one line.
    if (command === 'serve') throw err;
    process.stderr.write(`inkwell: ${command} failed: ${(err as Error).message}\n`);
    return 1;
  }
}

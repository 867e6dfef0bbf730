import type { Command } from './args.js';
import { allSettings, optionFor } from './settings.js';

const USAGE: Record<Exclude<Command, 'help'>, string> = {
  serve: 'inkwell-server [serve] [options]          start the server (the default command)',
  migrate: 'inkwell-server migrate [options]          create or update the database schema, then exit',
  token: 'inkwell-server token --sub ID --name NAME [--role reader|moderator|admin] [--picture https://…] [--ttl 1h]\n' +
    '                                            print a reader token signed with the configured secret',
  backup: 'inkwell-server backup FILE [--force]      copy the SQLite database while the server runs\n' +
    '                                            (PostgreSQL: use pg_dump)',
  import: 'inkwell-server import --from disqus|wordpress|waline|inkwell FILE [--map-url RULES] [--dry-run]\n' +
    '                                            add comments from another system\'s export (or an Inkwell export);\n' +
    '                                            RULES: OLD=>NEW, base=URL, key=url|path|identifier, query=drop (comma-separated, or @FILE)',
  export: 'inkwell-server export FILE [--force] [--omit-emails] [--with-author-key] [--with-address-key] [--with-mail-link-key]\n' +
    '                                            write threads, comments, reactions, typo reports, bans, pins, thread authors and reply subscriptions as JSON\n' +
    '                                            (FILE - : standard output)',
};

/** What `--help` prints: the commands, then every setting with its variable and default. */
export function helpText(command: Command): string {
  const commands = command === 'help' || command === 'serve' ? Object.values(USAGE) : [USAGE[command]];
  const lines = ['Usage:', ...commands.map((c) => '  ' + c), ''];
  lines.push(
    'Options set the environment variable of the same name, and win over it:',
    '--port 9000 is INKWELL_PORT=9000. On/off options alone mean on (--guests); --guests=off.',
    'Prefer the environment for secrets: the command line is visible to other users of the machine.',
    '',
  );
  for (const s of allSettings()) {
    const value = s.switch ? '[=on|off]' : ' <value>';
    lines.push(`  ${optionFor(s.variable)}${value}`.padEnd(36) + `${s.variable}; default: ${s.default}`);
    lines.push(' '.repeat(6) + s.about);
  }
  return lines.join('\n') + '\n';
}

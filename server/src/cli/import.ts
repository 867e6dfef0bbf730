import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';
import { UsageError } from './args.js';
import { parseRules } from '../porting/mapping.js';
import { readDisqus } from '../porting/disqus.js';
import { readWordPress } from '../porting/wordpress.js';
import { readWaline } from '../porting/waline.js';
import { readExport } from '../porting/inkwell.js';
import { CommentImporter } from '../porting/writer.js';
import { Summary } from '../porting/summary.js';
import type { SourceItem } from '../porting/records.js';

const READERS: Record<string, (file: string) => AsyncIterable<SourceItem>> = {
  disqus: readDisqus,
  wordpress: readWordPress,
  waline: readWaline,
};
export const SOURCES = [...Object.keys(READERS), 'inkwell'];

/** On a terminal, a line on stderr every 10,000 entries, so a long import shows it is moving. */
async function* withProgress(items: AsyncIterable<SourceItem>): AsyncGenerator<SourceItem> {
  let n = 0;
  for await (const item of items) {
    if (++n % 10_000 === 0 && process.stderr.isTTY) process.stderr.write(`\rinkwell: ${n} entries read…`);
    yield item;
  }
  if (n >= 10_000 && process.stderr.isTTY) process.stderr.write('\n');
}

/**
 * `import --from SOURCE FILE [--map-url RULES] [--dry-run]`: comments from another system (or an
 * Inkwell export) into this server's database, then a summary on stdout. Safe to run again.
 */
export async function importFile(config: Config, positionals: string[], flags: Record<string, string>): Promise<number> {
  const from = flags.from;
  if (!from || !SOURCES.includes(from)) throw new UsageError(`import needs --from ${SOURCES.join('|')}${from ? `, got "${from}"` : ''}`);
  if (positionals.length !== 1) throw new UsageError(`import needs one FILE to read, e.g. inkwell-server import --from ${from} export.${from === 'disqus' || from === 'wordpress' ? 'xml' : 'json'}`);
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file)) throw new UsageError(`no file at ${file}`);
  if (from === 'inkwell' && flags['map-url']) throw new UsageError('--map-url does not apply to --from inkwell: its threads are kept as they are');
  const rules = parseRules(flags['map-url']);
  const dryRun = flags['dry-run'] === 'true';
  const summary = new Summary();
  const database = await openDatabase(config);
  try {
    if (from === 'inkwell') await readExport(database.db, file, summary, dryRun);
    else await new CommentImporter(database.db, rules, summary, dryRun).run(withProgress(READERS[from]!(file)));
  } finally {
    await database.close();
  }
  process.stdout.write(summary.format(dryRun));
  return 0;
}

import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';
import { UsageError } from './args.js';
import { writeExport } from '../porting/inkwell.js';

/**
 * `export FILE [--force] [--omit-emails] [--with-author-key] [--with-address-key] [--with-mail-link-key]`: everything the server holds as one JSON document (`-`:
 * standard output), readable by `import --from inkwell`. The file is written under a temporary name
 * and renamed at the end, so an interrupted export never leaves a file that looks whole.
 */
export async function exportFile(config: Config, positionals: string[], flags: Record<string, string>): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('export needs one FILE to write (or - for standard output), e.g. inkwell-server export inkwell-export.json');
  const toStdout = positionals[0] === '-';
  const target = path.resolve(positionals[0]!);
  if (!toStdout && fs.existsSync(target) && flags.force !== 'true') throw new UsageError(`${target} exists; choose a new name, or add --force to replace it`);
  const database = await openDatabase(config);
  const partial = `${target}.partial`;
  try {
    const stream = toStdout ? process.stdout : fs.createWriteStream(partial, { mode: 0o600 });
    const counts = await writeExport(database.db, stream, {
      withEmails: flags['omit-emails'] !== 'true', withAuthorKey: flags['with-author-key'] === 'true', withAddressKey: flags['with-address-key'] === 'true',
      withMailKey: flags['with-mail-link-key'] === 'true', now: Date.now(),
    });
    if (toStdout) return 0;
    (stream as fs.WriteStream).end();
    await finished(stream as fs.WriteStream);
    fs.renameSync(partial, target);
    process.stderr.write(`inkwell: wrote ${counts.comments} comments in ${counts.threads} threads, ${counts.reactions} reactions, ${counts.typoReports} typo reports, ` +
      `${counts.bans} bans, ${counts.pins} pins, ${counts.threadAuthors} thread authors, ${counts.notifySubscriptions} reply subscriptions ` +
      `and ${counts.mailAddresses} mail addresses to ${target}\n`);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    await database.close();
  }
  return 0;
}

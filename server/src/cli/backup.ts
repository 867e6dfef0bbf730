import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../config.js';
import { UsageError } from './args.js';

/**
 * Copies the SQLite database with SQLite's online backup API, page by page, so the server may keep
 * writing meanwhile and the copy is still one consistent state.
 */
export async function backup(config: Config, positionals: string[], flags: Record<string, string>): Promise<number> {
  if (config.databaseUrl) {
    throw new UsageError('backup copies the SQLite database; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=inkwell.dump "$INKWELL_DATABASE_URL"');
  }
  if (positionals.length !== 1) throw new UsageError('backup needs one FILE to write, e.g. inkwell-server backup backups/inkwell-2025-01-31.db');
  const target = path.resolve(positionals[0]!);
  if (fs.existsSync(target) && flags.force !== 'true') throw new UsageError(`${target} exists; choose a new name, or add --force to replace it`);
  const source = path.join(config.dataDir, 'inkwell.db');
  if (!fs.existsSync(source)) throw new UsageError(`no database at ${source}; point INKWELL_DATA_DIR at the server's data directory`);
  const db = new Database(source, { fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    process.stdout.write(`inkwell: copied ${source} to ${target} (${totalPages} pages)\n`);
  } finally {
    db.close();
  }
  return 0;
}

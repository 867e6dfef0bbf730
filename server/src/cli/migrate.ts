import path from 'node:path';
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';

/** Brings the schema up to date, as the server does at start, and says where. */
export async function migrate(config: Config): Promise<number> {
  const database = await openDatabase(config);
  await database.close();
  const where = config.databaseUrl
    ? `PostgreSQL${config.databaseSchema ? `, schema ${config.databaseSchema}` : ''}`
    : `SQLite, ${path.join(config.dataDir, 'inkwell.db')}`;
  process.stdout.write(`inkwell: the database schema is up to date (${where})\n`);
  return 0;
}

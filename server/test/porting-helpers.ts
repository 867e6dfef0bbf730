/** Running `inkwell-server import/export` against a test server's database, and reading that database. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  openDatabase, type BanTable, type CommentTable, type MailAddressTable, type NotifySubscriptionTable, type ReactionTable, type ThreadAuthorTable,
  type ThreadPinTable, type TypoReportTable,
} from '../src/db.js';
import { PG_URL, REPO_ROOT, serverArgs, type TestServer } from './helpers.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'import');

/** The variables that point a command at the server's database. */
export function databaseEnv(s: TestServer): Record<string, string> {
  return s.config.databaseUrl
    ? { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: s.config.databaseSchema! }
    : { INKWELL_DATA_DIR: s.config.dataDir };
}

/** Runs `inkwell-server ARGS` from the sources with only the given environment (plus PATH). */
export async function cli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, serverArgs(...args), {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', INKWELL_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { stdout, stderr, code };
}

export async function importInto(s: TestServer, from: string, file: string, ...more: string[]) {
  return cli(['import', '--from', from, file, ...more], databaseEnv(s));
}

export function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-porting-'));
}

export interface AllRows {
  comments: CommentTable[];
  reactions: ReactionTable[];
  typoReports: TypoReportTable[];
  bans: BanTable[];
  pins: ThreadPinTable[];
  threadAuthors: ThreadAuthorTable[];
  notifySubscriptions: NotifySubscriptionTable[];
  mailAddresses: MailAddressTable[];
}

/** Every row an export carries, in key order, straight from the database. */
export async function allRows(s: TestServer): Promise<AllRows> {
  const database = await openDatabase(s.config);
  try {
    const { db } = database;
    const comments = await db.selectFrom('comments').selectAll().orderBy('id').execute();
    const reactions = await db.selectFrom('reactions').selectAll().orderBy('thread').orderBy('target').orderBy('kind').orderBy('reactor').execute();
    const typoReports = await db.selectFrom('typo_reports').selectAll().orderBy('id').execute();
    const bans = await db.selectFrom('bans').selectAll().orderBy('author_id').execute();
    const pins = await db.selectFrom('thread_pins').selectAll().orderBy('thread').execute();
    const threadAuthors = await db.selectFrom('thread_authors').selectAll().orderBy('thread').orderBy('author_id').execute();
    const notifySubscriptions = await db.selectFrom('notify_subscriptions').selectAll().orderBy('thread').orderBy('subscriber').execute();
    const mailAddresses = await db.selectFrom('mail_addresses').selectAll().orderBy('email_hash').execute();
    return { comments, reactions, typoReports, bans, pins, threadAuthors, notifySubscriptions, mailAddresses };
  } finally {
    await database.close();
  }
}

export const bySource = (rows: CommentTable[], key: string) => rows.find((r) => r.source_key === key)!;

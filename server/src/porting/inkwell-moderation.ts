/**
 * The moderators' decisions in Inkwell's export, both ways: banned readers, each thread's pinned
 * comment and each thread's authors (whose comments carry the "Author" label).
 *
 * ```
 * "bans": [{ "readerId", "hideComments", "createdAt" }, …],
 * "pins": [{ "thread", "commentId", "pinnedAt" }, …],
 * "threadAuthors": [{ "thread", "authorId" }, …]
 * ```
 * Reader ids are author ids (`u_…`), as on comments. Comments a ban hid keep their status `hidden`
 * in `comments`; lifting the ban on the new server publishes them again.
 */
import type { Kysely } from 'kysely';
import type { BanTable, DB, ThreadAuthorTable, ThreadPinTable } from '../db.js';
import { Fields, iso, type Json } from './fields.js';
import type { Summary } from './summary.js';

export function banRecord(r: BanTable) {
  return { readerId: r.author_id, hideComments: r.hid_comments === 1, createdAt: iso(r.created_at) };
}

export function pinRecord(r: ThreadPinTable) {
  return { thread: r.thread, commentId: r.comment_id, pinnedAt: iso(r.pinned_at) };
}

export function threadAuthorRecord(r: ThreadAuthorTable) {
  return { thread: r.thread, authorId: r.author_id };
}

const READER_ID = /^u_.{1,62}$/;

export function banRow(value: unknown): BanTable | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const f = new Fields(value as Json);
  const row: BanTable = { author_id: f.str('readerId'), hid_comments: f.bool('hideComments') ? 1 : 0, created_at: f.time('createdAt') };
  if (f.problem) return f.problem;
  if (!READER_ID.test(row.author_id)) return 'readerId is not a signed-in reader\'s id (u_…)';
  return row;
}

export function pinRow(value: unknown): ThreadPinTable | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const f = new Fields(value as Json);
  const row: ThreadPinTable = { thread: f.str('thread'), comment_id: f.str('commentId'), pinned_at: f.time('pinnedAt') };
  if (f.problem) return f.problem;
  if (!row.thread || !row.comment_id) return 'thread or commentId is empty';
  return row;
}

export function threadAuthorRow(value: unknown): ThreadAuthorTable | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const f = new Fields(value as Json);
  const row: ThreadAuthorTable = { thread: f.str('thread'), author_id: f.str('authorId') };
  if (f.problem) return f.problem;
  if (!row.thread) return 'thread is empty';
  if (!READER_ID.test(row.author_id)) return 'authorId is not a signed-in reader\'s id (u_…)';
  return row;
}

export interface Placed<T> {
  row: T;
  /** Where in the file, for the summary. */
  where: string;
}

/** Writes bans not there yet; a reader banned here already keeps the ban they have. */
export async function importBans(db: Kysely<DB>, batch: Array<Placed<BanTable>>, summary: Summary, dryRun: boolean): Promise<void> {
  const there = new Set((await db.selectFrom('bans').select('author_id').where('author_id', 'in', batch.map((b) => b.row.author_id)).execute())
    .map((b) => b.author_id));
  const fresh: BanTable[] = [];
  for (const { row } of batch) {
    if (there.has(row.author_id)) summary.bans.present++;
    else {
      there.add(row.author_id);
      fresh.push(row);
      summary.bans.added++;
    }
  }
  if (!dryRun && fresh.length) {
    await db.transaction().execute((trx) => trx.insertInto('bans').values(fresh).onConflict((oc) => oc.column('author_id').doNothing()).execute());
  }
}

/**
 * Writes each thread's pin where the thread has none yet, if its comment is in the thread here (or, in a
 * dry run, among the comments read). A thread pinned here already keeps its own pin, and says so.
 */
export async function importPins(db: Kysely<DB>, batch: Array<Placed<ThreadPinTable>>, unwritten: Map<string, string> | null,
  summary: Summary, dryRun: boolean): Promise<void> {
  const ids = [...new Set(batch.map((p) => p.row.comment_id))];
  const threadOf = new Map((await db.selectFrom('comments').select(['id', 'thread']).where('id', 'in', ids).execute()).map((c) => [c.id, c.thread]));
  const pinned = new Map((await db.selectFrom('thread_pins').selectAll().where('thread', 'in', batch.map((p) => p.row.thread)).execute())
    .map((p) => [p.thread, p.comment_id]));
  const fresh: ThreadPinTable[] = [];
  for (const { row, where } of batch) {
    const here = pinned.get(row.thread);
    if (here === row.comment_id) summary.pins.present++;
    else if (here !== undefined) summary.skipped(`${where} (thread ${row.thread})`, 'the thread has another pinned comment here; kept it');
    else if ((threadOf.get(row.comment_id) ?? unwritten?.get(row.comment_id)) !== row.thread) {
      summary.skipped(`${where} (comment ${row.comment_id})`, 'a pin of a comment that is not in the thread and was not imported');
    } else {
      pinned.set(row.thread, row.comment_id);
      fresh.push(row);
      summary.pins.added++;
    }
  }
  if (!dryRun && fresh.length) {
    await db.transaction().execute((trx) => trx.insertInto('thread_pins').values(fresh).onConflict((oc) => oc.column('thread').doNothing()).execute());
  }
}

/** Adds each thread's authors; the authors a thread has here already stay (the lists are merged). */
export async function importThreadAuthors(db: Kysely<DB>, batch: Array<Placed<ThreadAuthorTable>>, summary: Summary, dryRun: boolean): Promise<void> {
  const key = (r: ThreadAuthorTable) => JSON.stringify([r.thread, r.author_id]);
  const there = new Set((await db.selectFrom('thread_authors').selectAll().where('thread', 'in', [...new Set(batch.map((a) => a.row.thread))]).execute())
    .map(key));
  const fresh: ThreadAuthorTable[] = [];
  for (const { row } of batch) {
    if (there.has(key(row))) summary.threadAuthors.present++;
    else {
      there.add(key(row));
      fresh.push(row);
      summary.threadAuthors.added++;
    }
  }
  if (!dryRun && fresh.length) {
    await db.transaction().execute((trx) => trx.insertInto('thread_authors').values(fresh)
      .onConflict((oc) => oc.columns(['thread', 'author_id']).doNothing()).execute());
  }
}

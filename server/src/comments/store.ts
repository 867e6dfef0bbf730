/** The comments table: every query the comment routes make but the listing (listing.ts). */
import type { Kysely, Transaction } from 'kysely';
import { CompiledQueries } from '../compiled-queries.js';
import type { CommentTable, DB, Dialect } from '../db.js';
import type { Viewer } from '../auth.js';
import { keysetPage } from '../http/pagination.js';
import type { CommentPage, InboxQuery } from './schemas.js';
import { commentView } from './views.js';

/** The moderation inbox: comments of one status across threads; `pending` includes edits awaiting approval. */
export async function listByStatus(db: Kysely<DB>, viewer: Viewer, q: InboxQuery): Promise<CommentPage> {
  let base = db.selectFrom('comments').where((eb) => q.status === 'pending'
    ? eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'published'), eb('pending_edited_at', 'is not', null)])])
    : eb('status', '=', q.status));
  if (q.thread) base = base.where('thread', '=', q.thread);
  if (q.reader) base = base.where('author_id', '=', q.reader);
  const { rows, nextCursor } = await keysetPage(base.selectAll(), { limit: q.limit, cursor: q.cursor, desc: q.sort === 'newest' });
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { comments: rows.map((r) => commentView(r, viewer)), total: Number(total.n), nextCursor };
}

export async function findComment(db: Kysely<DB>, id: string): Promise<CommentTable | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

const inserts = new CompiledQueries();

/** `dialect`: the SQL kept for one database must not serve another's (tests run both in one process). */
export async function insertComment(trx: Transaction<DB>, dialect: Dialect, row: CommentTable): Promise<void> {
  const columns = Object.keys(row) as Array<keyof CommentTable>;
  const shape = `${dialect}: ${columns.join()}`;
  await trx.executeQuery(inserts.for(shape, columns.map((c) => row[c]), () => trx.insertInto('comments').values(row).compile()));
}

/** Writes `next` only if nobody changed the row since `row` was read; false when somebody did. */
export async function updateIfUnchanged(trx: Transaction<DB>, row: CommentTable, next: CommentTable): Promise<boolean> {
  const updated = await trx.updateTable('comments')
    .set({
      body: next.body, body_hash: next.body_hash, edited_at: next.edited_at, status: next.status,
      pending_body: next.pending_body, pending_edited_at: next.pending_edited_at,
    })
    .where('id', '=', row.id).where('status', '=', row.status).where('body', '=', row.body)
    .where((eb) => (row.pending_body === null ? eb('pending_body', 'is', null) : eb('pending_body', '=', row.pending_body)))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Deletes a comment's content (text, pending edit, guest e-mail); the row stays as a tombstone for its replies. */
export async function eraseComment(trx: Transaction<DB>, id: string, now: number): Promise<void> {
  await trx.updateTable('comments')
    .set({ status: 'deleted', body: '', author_email: null, edited_at: now, pending_body: null, pending_edited_at: null })
    .where('id', '=', id).execute();
}

/** Published comments per thread, 0 for threads without any. */
export async function publishedCounts(db: Kysely<DB>, threads: string[]): Promise<Record<string, number>> {
  const rows = await db.selectFrom('comments')
    .select(['thread', (eb) => eb.fn.countAll<number>().as('n')])
    .where('thread', 'in', threads).where('status', '=', 'published')
    .groupBy('thread').execute();
  const counts: Record<string, number> = Object.create(null);
  for (const t of threads) counts[t] = 0;
  for (const r of rows) counts[r.thread] = Number(r.n);
  return { ...counts };
}

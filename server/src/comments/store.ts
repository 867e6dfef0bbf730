/** The comments table: every query the comment routes make. */
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { CommentTable, DB } from '../db.js';
import { isModerator, type Viewer } from '../auth.js';
import { keysetPage } from '../http/pagination.js';
import type { Comment, CommentPage, InboxQuery, ThreadQuery } from './schemas.js';
import { commentView, viewFor } from './views.js';

const REPLIES_PER_PAGE = 1000;

type CEB = ExpressionBuilder<DB & { c: CommentTable; r: CommentTable }, 'c' | 'r'>;

/** Rows `viewer` may see in a thread: published, their own pending ones, all pending for moderators. */
function visible(eb: CEB, alias: 'c' | 'r', viewer: Viewer | null) {
  const status = eb.ref(`${alias}.status`);
  if (isModerator(viewer)) return eb(status, 'in', ['published', 'pending']);
  if (viewer) {
    return eb.or([
      eb(status, '=', 'published'),
      eb.and([eb(status, '=', 'pending'), eb(eb.ref(`${alias}.author_id`), '=', viewer.authorId)]),
    ]);
  }
  return eb(status, '=', 'published');
}

/** Top-level comments `viewer` may see, or that hold replies they may see (listed as placeholders). */
function topLevel(db: Kysely<DB>, thread: string, viewer: Viewer | null) {
  return db.selectFrom('comments as c').selectAll('c')
    .where('c.thread', '=', thread)
    .where('c.parent_id', 'is', null)
    .where((eb) => eb.or([
      visible(eb as CEB, 'c', viewer),
      eb.exists(
        eb.selectFrom('comments as r').select('r.id')
          .whereRef('r.root_id', '=', 'c.id').where('r.parent_id', 'is not', null)
          .where((eb2) => visible(eb2 as CEB, 'r', viewer)),
      ),
    ]));
}

async function repliesTo(db: Kysely<DB>, top: CommentTable[], viewer: Viewer | null): Promise<CommentTable[]> {
  if (!top.length) return [];
  return db.selectFrom('comments as r').selectAll('r')
    .where('r.root_id', 'in', top.map((c) => c.id))
    .where('r.parent_id', 'is not', null)
    .where((eb) => visible(eb as CEB, 'r', viewer))
    .orderBy('r.created_at', 'asc').orderBy('r.id', 'asc')
    .limit(REPLIES_PER_PAGE)
    .execute();
}

/**
 * The parents of listed replies that are not listed themselves, up to the top: replies the viewer may
 * not read (held, removed, deleted) come out as placeholders, so the replies below keep their place.
 */
async function hiddenParents(db: Kysely<DB>, top: CommentTable[], replies: CommentTable[]): Promise<CommentTable[]> {
  const known = new Set([...top, ...replies].map((r) => r.id));
  const hidden: CommentTable[] = [];
  let missing = replies;
  for (;;) {
    const ids = [...new Set(missing.map((r) => r.parent_id!).filter((id) => !known.has(id)))];
    if (!ids.length) return hidden;
    missing = await db.selectFrom('comments').selectAll().where('id', 'in', ids).execute();
    for (const r of missing) known.add(r.id);
    hidden.push(...missing);
  }
}

async function visibleTotal(db: Kysely<DB>, thread: string, viewer: Viewer | null): Promise<number> {
  const row = await db.selectFrom('comments as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.thread', '=', thread)
    .where((eb) => visible(eb as CEB, 'c', viewer))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const byTime = (a: CommentTable, b: CommentTable) => Number(a.created_at) - Number(b.created_at) || (a.id < b.id ? -1 : 1);

/** A page of a thread as `viewer` sees it: top-level comments, then their replies (and placeholders) oldest first. */
export async function listThread(db: Kysely<DB>, thread: string, viewer: Viewer | null, q: ThreadQuery): Promise<CommentPage> {
  const { rows: top, nextCursor } = await keysetPage(topLevel(db, thread, viewer), { limit: q.limit, cursor: q.cursor, desc: q.sort === 'newest' }, { createdAt: 'c.created_at', id: 'c.id' });
  const replies = await repliesTo(db, top, viewer);
  const hidden = await hiddenParents(db, top, replies);
  const replyCounts = new Map<string, number>();
  for (const r of replies) replyCounts.set(r.root_id, (replyCounts.get(r.root_id) ?? 0) + 1);
  const comments: Comment[] = top.map((row) => ({ ...viewFor(row, viewer), replyCount: replyCounts.get(row.id) ?? 0 }));
  const below = hidden.length ? [...replies, ...hidden].sort(byTime) : replies;
  for (const r of below) comments.push(viewFor(r, viewer));
  return { comments, total: await visibleTotal(db, thread, viewer), nextCursor };
}

/** The moderation inbox: comments of one status across threads; `pending` includes edits awaiting approval. */
export async function listByStatus(db: Kysely<DB>, viewer: Viewer, q: InboxQuery): Promise<CommentPage> {
  let base = db.selectFrom('comments').where((eb) => q.status === 'pending'
    ? eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'published'), eb('pending_edited_at', 'is not', null)])])
    : eb('status', '=', q.status));
  if (q.thread) base = base.where('thread', '=', q.thread);
  const { rows, nextCursor } = await keysetPage(base.selectAll(), { limit: q.limit, cursor: q.cursor, desc: q.sort === 'newest' });
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { comments: rows.map((r) => commentView(r, viewer)), total: Number(total.n), nextCursor };
}

export async function findComment(db: Kysely<DB>, id: string): Promise<CommentTable | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the reader has comments or edits awaiting moderation in the thread (then they see more than the public). */
export async function hasPendingIn(db: Kysely<DB>, thread: string, authorId: string): Promise<boolean> {
  const row = await db.selectFrom('comments').select('id')
    .where('author_id', '=', authorId).where('thread', '=', thread)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb('pending_body', 'is not', null)]))
    .limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Whether the same author (a reader, or a guest by name) already has this text in the thread. */
export async function isDuplicate(db: Kysely<DB>, thread: string, bodyHash: string, author: { authorId: string } | { guestName: string }): Promise<boolean> {
  let q = db.selectFrom('comments').select('id')
    .where('thread', '=', thread).where('body_hash', '=', bodyHash).where('status', '!=', 'deleted');
  q = 'authorId' in author ? q.where('author_id', '=', author.authorId) : q.where('guest', '=', 1).where('author_name', '=', author.guestName);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertComment(trx: Transaction<DB>, row: CommentTable): Promise<void> {
  await trx.insertInto('comments').values(row).execute();
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

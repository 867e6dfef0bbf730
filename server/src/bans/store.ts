/** The bans table, and the comments a ban hides and an unban brings back. */
import type { Kysely, Transaction } from 'kysely';
import type { CommentTable, DB } from '../db.js';
import { ApiError } from '../http/errors.js';
import type { Viewer } from '../auth.js';
import { isModerator } from '../auth.js';
import type { Ban } from './schemas.js';

export async function isBanned(db: Kysely<DB>, authorId: string): Promise<boolean> {
  return (await db.selectFrom('bans').select('author_id').where('author_id', '=', authorId).executeTakeFirst()) !== undefined;
}

/** Refuses a write by a banned reader (moderators are never refused: a ban is for readers). */
export async function refuseBanned(db: Kysely<DB>, viewer: Viewer | null): Promise<void> {
  if (!viewer || isModerator(viewer)) return;
  refuseIfBanned(viewer, await isBanned(db, viewer.authorId));
}

/** `refuseBanned` with whether the reader is banned already read. */
export function refuseIfBanned(viewer: Viewer | null, banned: boolean): void {
  if (banned && viewer && !isModerator(viewer)) {
    throw new ApiError(403, 'banned', 'You have been banned from commenting here by a moderator');
  }
}

export async function listBans(db: Kysely<DB>): Promise<Ban[]> {
  const rows = await db.selectFrom('bans').selectAll().orderBy('created_at', 'desc').orderBy('author_id').execute();
  return rows.map((r) => ({ readerId: r.author_id, hideComments: r.hid_comments === 1, createdAt: new Date(Number(r.created_at)).toISOString() }));
}

/** Bans (or bans again, possibly now hiding); answers the ban and the comments it hid now. */
export async function ban(trx: Transaction<DB>, authorId: string, hide: boolean, now: number): Promise<{ ban: Ban; hidden: CommentTable[] }> {
  const existing = await trx.selectFrom('bans').selectAll().where('author_id', '=', authorId).executeTakeFirst();
  const hidComments = hide || existing?.hid_comments === 1;
  const createdAt = existing ? Number(existing.created_at) : now;
  if (existing) await trx.updateTable('bans').set({ hid_comments: hidComments ? 1 : 0 }).where('author_id', '=', authorId).execute();
  else await trx.insertInto('bans').values({ author_id: authorId, hid_comments: hidComments ? 1 : 0, created_at: now }).execute();
  let hidden: CommentTable[] = [];
  if (hide) {
    hidden = await trx.selectFrom('comments').selectAll().where('author_id', '=', authorId).where('status', '=', 'published').execute();
    if (hidden.length) await trx.updateTable('comments').set({ status: 'hidden' }).where('author_id', '=', authorId).where('status', '=', 'published').execute();
  }
  return { ban: { readerId: authorId, hideComments: hidComments, createdAt: new Date(createdAt).toISOString(), hidden: hidden.length }, hidden };
}

/** Lifts a ban; answers the comments published again. */
export async function unban(trx: Transaction<DB>, authorId: string): Promise<CommentTable[]> {
  await trx.deleteFrom('bans').where('author_id', '=', authorId).execute();
  const back = await trx.selectFrom('comments').selectAll().where('author_id', '=', authorId).where('status', '=', 'hidden').execute();
  if (back.length) await trx.updateTable('comments').set({ status: 'published' }).where('author_id', '=', authorId).where('status', '=', 'hidden').execute();
  return back;
}

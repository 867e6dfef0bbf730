/** A thread's pinned comment and its authors. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db.js';

export async function pin(trx: Transaction<DB>, thread: string, commentId: string, now: number): Promise<void> {
  // One row per thread: pinning another comment replaces the pin, also when two moderators pin at once.
  await trx.insertInto('thread_pins').values({ thread, comment_id: commentId, pinned_at: now })
    .onConflict((oc) => oc.column('thread').doUpdateSet({ comment_id: commentId, pinned_at: now }))
    .execute();
}

/** Unpins `commentId` if it is the thread's pin; answers whether it was. */
export async function unpin(trx: Transaction<DB>, thread: string, commentId: string): Promise<boolean> {
  const r = await trx.deleteFrom('thread_pins').where('thread', '=', thread).where('comment_id', '=', commentId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function pinOf(db: Kysely<DB>, thread: string): Promise<string | null> {
  return (await db.selectFrom('thread_pins').select('comment_id').where('thread', '=', thread).executeTakeFirst())?.comment_id ?? null;
}

export async function setAuthors(trx: Transaction<DB>, thread: string, authors: string[]): Promise<void> {
  await trx.deleteFrom('thread_authors').where('thread', '=', thread).execute();
  if (authors.length) await trx.insertInto('thread_authors').values(authors.map((author_id) => ({ thread, author_id }))).execute();
}

export async function authorsOf(db: Kysely<DB>, thread: string): Promise<string[]> {
  return (await db.selectFrom('thread_authors').select('author_id').where('thread', '=', thread).orderBy('author_id').execute()).map((r) => r.author_id);
}

/** Adds a reader the site vouches for (their token's `authorOf`) to the thread's authors. */
export async function addAuthor(trx: Transaction<DB>, thread: string, authorId: string): Promise<void> {
  await trx.insertInto('thread_authors').values({ thread, author_id: authorId }).onConflict((oc) => oc.columns(['thread', 'author_id']).doNothing()).execute();
}

/**
 * Reactions in a thread's listing, as the listing's objects (comments/routes.ts `listingJson`; the database writes them itself in comments/listing-json.ts): counts on
 * each published comment and the thread's own as `reactions`, and the viewer's `mine`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db.js';
import type { Comment, CommentPage } from '../comments/schemas.js';
import { reactionsFor, THREAD_TARGET } from './store.js';
import type { Reactions } from './schemas.js';

/** The page with its reactions; `mine` for `reactor` when given (null: the public's page, as cached). */
export async function withReactions(db: Kysely<DB>, thread: string, page: CommentPage, reactor: string | null): Promise<CommentPage> {
  const ids = page.comments.filter((c) => c.status === 'published').map((c) => c.id);
  const found = await reactionsFor(db, thread, [THREAD_TARGET, ...ids], reactor);
  const comments = found.size ? page.comments.map((c) => withOne(c, c.status === 'published' ? found.get(c.id) : undefined)) : page.comments;
  const reactions = found.get(THREAD_TARGET);
  return reactions ? { ...page, comments, reactions } : { ...page, comments };
}

const withOne = (comment: Comment, reactions: Reactions | undefined): Comment => (reactions ? { ...comment, reactions } : comment);

/**
 * Reactions in a thread's listing, as the listing's objects (comments/routes.ts; fresh listings have the database write them, comments/listing-json.ts): counts on
 * each published comment and the thread's own as `reactions`, and the viewer's `mine`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db.js';
import type { Comment, CommentPage } from '../comments/schemas.js';
import { reactionsFor, THREAD_TARGET } from './store.js';
import type { ReactionKind, Reactions } from './schemas.js';

/** The page with its reactions; `mine` for `reactor` when given (null: the public's page, as cached). */
export async function withReactions(db: Kysely<DB>, thread: string, page: CommentPage, reactor: string | null): Promise<CommentPage> {
  const ids = page.comments.filter((c) => c.status === 'published').map((c) => c.id);
  const found = await reactionsFor(db, thread, [THREAD_TARGET, ...ids], reactor);
  const comments = found.size ? page.comments.map((c) => withOne(c, c.status === 'published' ? found.get(c.id) : undefined)) : page.comments;
  const reactions = found.get(THREAD_TARGET);
  return reactions ? { ...page, comments, reactions } : { ...page, comments };
}

const withOne = (comment: Comment, reactions: Reactions | undefined): Comment => (reactions ? { ...comment, reactions } : comment);

/**
 * A public page with the viewer's own reactions marked; null when they have none on it (the public
 * page then serves them as it is).
 */
export function withMine(page: CommentPage, mine: Map<string, ReactionKind[]>): CommentPage | null {
  if (!mine.size) return null;
  let marked = false;
  const mark = (reactions: Reactions | undefined, target: string): Reactions | undefined => {
    const kinds = mine.get(target);
    if (!reactions || !kinds) return reactions;
    marked = true;
    return { ...reactions, mine: kinds.filter((kind) => reactions.counts[kind]) };
  };
  const comments = page.comments.map((c) => (c.reactions && mine.has(c.id) ? { ...c, reactions: mark(c.reactions, c.id) } : c));
  const reactions = mark(page.reactions, THREAD_TARGET);
  return marked ? { ...page, comments, reactions } : null;
}

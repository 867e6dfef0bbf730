import type { components } from '../core/api-types.js';

type Schemas = components['schemas'];

/**
 * A comment as the Inkwell API returns it. Generated from the server's schema (src/core/api-types.ts):
 * `held`, `removed` and `deleted` are placeholders (no body, no author); with `editPending`, `body` is
 * the author's edit and `publishedBody` what the public reads.
 */
export type Comment = Schemas['Comment'];

/** A page of a thread: top-level comments, then their replies; `nextCursor` null at the end. */
export type CommentPage = Schemas['CommentPage'];

/** `GET /counts`: published comments per thread. */
export type Counts = Schemas['Counts'];

/** Reactions to a comment or to the thread: counts per kind, and the reader's own (`mine`). */
export type Reactions = Schemas['Reactions'];

export type ReactionKind = NonNullable<Reactions['mine']>[number];

/** `top`: the most reactions first. */
export type Sort = 'oldest' | 'newest' | 'top';

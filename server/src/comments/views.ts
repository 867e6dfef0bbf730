/** What a viewer sees of a comment row: all of it, or a placeholder that keeps the replies' place. */
import type { CommentTable } from '../db.js';
import { isModerator, type Viewer } from '../auth.js';
import type { Comment, CommentPage, CommentStatus } from './schemas.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** The columns a view is made of (a row as listed, or a whole one). */
export type ViewRow = Omit<CommentTable, 'author_email' | 'body_hash'> & {
  /** Listings: 1 when the writer is one of the thread's authors, 1 for the thread's pinned comment. */
  by_author?: number;
  pinned?: number;
};

/**
 * What stands in for a comment the viewer may not read, so replies still thread under it: the id,
 * place and time, nothing the author wrote or is known by. `deleted`: deleted; `held`: awaiting
 * moderation; `removed`: rejected or marked as spam.
 */
function placeholder(row: ViewRow, replyCount?: number): Comment {
  // `hidden` (by a ban) reads as `removed`, like a moderator's decision.
  const status = row.status === 'deleted' ? 'deleted' : row.status === 'pending' ? 'held' : 'removed';
  return {
    id: row.id, thread: row.thread, parentId: row.parent_id,
    author: { id: '', name: '', guest: false }, body: '',
    createdAt: iso(row.created_at), status, replyCount,
  };
}

/**
 * The whole comment, for a viewer allowed to read it (see `viewFor`). Its author and moderators
 * also get an edit awaiting approval: `body` is then the new text, `publishedBody` what the public reads.
 * `replyCount` (top-level comments in listings) is part of the literal even when undefined (then not
 * serialised): views of one shape keep the serializers fast, and a listing makes a hundred of them.
 */
export function commentView(row: ViewRow, viewer: Viewer | null, replyCount?: number): Comment {
  if (row.status === 'deleted') return placeholder(row, replyCount);
  const author: Comment['author'] = { id: row.author_id, name: row.author_name, guest: row.guest === 1 };
  if (row.author_picture) author.picture = row.author_picture;
  const c: Comment = {
    id: row.id,
    thread: row.thread,
    parentId: row.parent_id,
    author,
    body: row.body,
    createdAt: iso(row.created_at),
    status: row.status as CommentStatus,
    replyCount,
  };
  if (row.edited_at !== null) c.editedAt = iso(row.edited_at);
  if (row.by_author) c.byAuthor = true;
  if (row.pinned) c.pinned = true;
  const own = viewer !== null && viewer.authorId === row.author_id;
  if (own) c.own = true;
  if (row.pending_body !== null && (own || isModerator(viewer))) {
    c.body = row.pending_body;
    c.publishedBody = row.body;
    c.editPending = true;
    if (row.pending_edited_at !== null) c.editedAt = iso(row.pending_edited_at);
  }
  return c;
}

/** Whether `viewer` may read the comment: published, their own pending one, anything for moderators. */
export function mayRead(row: ViewRow, viewer: Viewer | null): boolean {
  if (row.status === 'published' || isModerator(viewer)) return true;
  return row.status === 'pending' && viewer !== null && viewer.authorId === row.author_id;
}

/** What `viewer` sees of a listed comment: all of it, or a placeholder. */
export function viewFor(row: ViewRow, viewer: Viewer | null, replyCount?: number): Comment {
  return mayRead(row, viewer) ? commentView(row, viewer, replyCount) : placeholder(row, replyCount);
}

/** What the public (and so live events) may see of a comment. */
export function publicView(row: ViewRow): Comment {
  return viewFor(row, null);
}

/**
 * An anonymous listing as the listing cache keeps it: its JSON text, and the page's objects once a
 * signed-in reader (or a guest with reactions) needed them for their own flags (parsed from the text,
 * once per cached page), with each comment's JSON apart (`own`). The HTML route keeps its fragment
 * and page the same way.
 */
export interface CachedText {
  body: string;
  page?: CommentPage;
  own?: OwnFlagParts;
}

export interface CachedPage extends CachedText {
  page: CommentPage;
}

/** A page's JSON in parts: each comment's (JSON.stringify's), its writer's id, and what follows the comments. */
interface OwnFlagParts {
  comments: string[];
  authors: string[];
  rest: string;
}

function ownFlagParts(page: CommentPage): OwnFlagParts {
  const { comments, ...rest } = page;
  return { comments: comments.map((c) => JSON.stringify(c)), authors: comments.map((c) => c.author.id), rest: JSON.stringify(rest).slice(1) };
}

/**
 * The anonymous page's JSON as `authorId` gets it: their own comments flagged `own` (last, as
 * JSON.stringify writes `{...comment, own: true}`). Each comment's JSON is written once per cached
 * page; a reader's page is those parts joined, their own with the flag spliced in.
 */
export function withOwnFlags(cached: CachedPage, authorId: string): string {
  const { page } = cached;
  if (!page.comments.some((c) => c.author.id === authorId)) return cached.body;
  const own = (cached.own ??= ownFlagParts(page));
  let json = '{"comments":[';
  for (let i = 0; i < own.comments.length; i++) {
    const comment = own.comments[i]!;
    json += (i ? ',' : '') + (own.authors[i] === authorId ? comment.slice(0, -1) + ',"own":true}' : comment);
  }
  return json + '],' + own.rest;
}

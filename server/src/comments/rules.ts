/** What a comment may say and how a change applies: pure functions, no database, no HTTP. */
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { CommentTable } from '../db.js';
import { isModerator, type Viewer } from '../auth.js';
import type { ThreadEvent } from '../events/bus.js';
import { ApiError } from '../http/errors.js';
import type { CommentChange, NewComment } from './schemas.js';

export function countLinks(text: string): number {
  const urls = text.match(/\b(?:https?:\/\/|www\.)/gi)?.length ?? 0;
  const mail = text.match(/\bmailto:/gi)?.length ?? 0;
  return urls + mail;
}

/** The text as stored: line ends unified, outer space trimmed; refused with too many links. */
export function cleanText(text: string, config: Config): string {
  const body = storedText(text);
  checkLinks(body, config);
  return body;
}

/** The text as stored: line ends unified, outer space trimmed. */
export function storedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Refuses a stored text with too many links. */
export function checkLinks(body: string, config: Config): void {
  if (countLinks(body) > config.maxLinks) {
    throw new ApiError(422, 'too_many_links', `A comment may contain at most ${config.maxLinks} links`, 'body');
  }
}

/** What makes two texts "the same comment": case and spacing aside. */
export function bodyHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').toLowerCase()).digest('base64url');
}

/** A form sent sooner after it was shown than a person can write is refused. */
export function checkWritingTime(input: NewComment, config: Config, now: number): void {
  if (input.formStartedAt === undefined || config.minSubmitSeconds <= 0) return;
  if (now - input.formStartedAt < config.minSubmitSeconds * 1000) {
    throw new ApiError(422, 'too_fast', `Please take at least ${config.minSubmitSeconds} seconds to write a comment`, 'formStartedAt');
  }
}

/** The honeypot field is filled: a bot. Kept as spam, answered as usual. */
export function isHoneypotted(input: NewComment): boolean {
  return typeof input.website === 'string' && input.website.trim() !== '';
}

/** A reply goes under a comment of the same thread that its writer may read. */
export function mayReplyTo(parent: Pick<CommentTable, 'thread' | 'status' | 'author_id'> | undefined, thread: string, viewer: Viewer | null): boolean {
  if (!parent || parent.thread !== thread) return false;
  return parent.status === 'published' || (parent.status === 'pending' && (isModerator(viewer) || parent.author_id === viewer?.authorId));
}

/** Spam for bots, held under pre-moderation (moderators excepted), else published. */
export function initialStatus(config: Config, viewer: Viewer | null, honeypot: boolean): string {
  if (honeypot) return 'spam';
  return config.moderation === 'pre' && !isModerator(viewer) ? 'pending' : 'published';
}

/** Only moderators change statuses; others change only their own comments. Call after the row was found. */
export function checkMayChange(row: CommentTable, viewer: Viewer, verb: 'edit' | 'delete', change?: CommentChange): void {
  const mod = isModerator(viewer);
  if (change?.status !== undefined && !mod) throw new ApiError(403, 'forbidden', 'Only moderators change a comment\'s status', 'status');
  if (!mod && row.author_id !== viewer.authorId) throw new ApiError(403, 'not_your_comment', `You can only ${verb} your own comments`);
}

/** Readers see their own comments and published ones; moderators everything; nobody a deleted one. */
export function foundForChange(row: CommentTable | undefined, viewer: Viewer): row is CommentTable {
  return row !== undefined && row.status !== 'deleted' && (isModerator(viewer) || row.author_id === viewer.authorId || row.status === 'published');
}

/** The row after a new text: held for approval (pre-moderation, an author editing a published comment) or in place. */
function withText(row: CommentTable, body: string, held: boolean, now: number): CommentTable {
  const next = { ...row };
  if (held) {
    // The public keeps reading the approved text; an edit back to it withdraws the edit.
    const edited = body !== row.body;
    next.pending_body = edited ? body : null;
    next.pending_edited_at = edited ? now : null;
    return next;
  }
  if (body !== row.body) Object.assign(next, { body, body_hash: bodyHash(body), edited_at: now });
  return { ...next, pending_body: null, pending_edited_at: null };
}

/** The row after a moderator's decision: approving publishes a pending edit; rejecting a published comment's edit drops only the edit. */
function withStatus(row: CommentTable, next: CommentTable, status: string): CommentTable {
  if (status === 'published' && next.pending_body !== null) {
    next = { ...next, body: next.pending_body, body_hash: bodyHash(next.pending_body), edited_at: next.pending_edited_at, pending_body: null, pending_edited_at: null };
  }
  if (status === 'rejected' && row.status === 'published' && next.pending_body !== null) {
    return { ...next, pending_body: null, pending_edited_at: null };
  }
  return { ...next, status };
}

/** The row after `change` by `viewer`; authors only within the edit window. */
export function applyChange(row: CommentTable, change: CommentChange, viewer: Viewer, config: Config, now: number): CommentTable {
  const mod = isModerator(viewer);
  let next = row;
  if (change.body !== undefined) {
    if (!mod && now - Number(row.created_at) > config.editWindowSeconds * 1000) {
      throw new ApiError(403, 'edit_window_closed', `Comments can be edited for ${config.editWindowSeconds} seconds after posting`, 'body');
    }
    const held = !mod && config.moderation === 'pre' && row.status === 'published';
    next = withText(row, cleanText(change.body, config), held, now);
  }
  return change.status === undefined ? next : withStatus(row, next, change.status);
}

/** The live event a change makes, if the public sees a difference: created, updated or deleted. */
export function eventForChange(row: CommentTable, next: CommentTable): ThreadEvent['type'] | null {
  const wasPublic = row.status === 'published';
  const isPublic = next.status === 'published';
  const changed = next.body !== row.body || next.status !== row.status;
  if (!changed || (!wasPublic && !isPublic)) return null;
  return isPublic ? (wasPublic ? 'comment-updated' : 'comment-created') : 'comment-deleted';
}

/**
 * Whether a change put the comment in front of moderators: held (by the writer's edit or a moderator's
 * "hold"), or an edit of it now awaits approval. The inbox stream announces it.
 */
export function nowAwaitsDecision(row: CommentTable, next: CommentTable): boolean {
  const held = next.status === 'pending' && row.status !== 'pending';
  const editWaits = next.pending_body !== null && next.pending_body !== row.pending_body;
  return held || editWaits;
}

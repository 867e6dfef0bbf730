import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { fill, formatPlural, type Messages } from '../core/i18n.js';
import { nest, type Branch, type Placed } from './tree.js';
import { parseDate } from '../core/dates.js';
import { formatDateTime, formatRelative } from '../core/timestamps.js';
import { colorOf, initialsOf } from '../core/avatar.js';
import type { Reader } from './reader.js';
import type { Comment } from './types.js';

/** The buttons of a comment; one listener on the shadow root handles them all (see `actionOf`), so a comment binds no handlers. */
export type CommentAction = 'reply' | 'edit' | 'delete' | 'confirm-delete' | 'keep' | 'approve' | 'reject' | 'spam' | 'pin' | 'unpin';

/** What the thread's templates read: the reader's language and rights, which forms are open, and a few callbacks. */
export interface ThreadView {
  m: Messages;
  lang: string;
  reader?: Reader;
  /** The reader may reply (signed in, or guests allowed) and the thread is loaded. */
  canReply: boolean;
  editWindowMs: number;
  replyTo?: string;
  editing?: string;
  confirming?: string;
  highlighted?: string;
  /** Changes with anything the comments' drawing reads besides the comments themselves; not while a long thread is drawn slice by slice. */
  look: number;
  avatar(comment: Comment): unknown;
  body(comment: Comment): unknown;
  editor(comment: Comment): unknown;
  replyForm(comment: Comment): unknown;
  reactions(comment: Comment): unknown;
}

/** The thread as nested lists: replies are lists inside their comment's item, so the accessibility tree gives each its level. */
export function threadTemplate(view: ThreadView, placed: Placed[]): TemplateResult {
  const now = Date.now();
  const items = (branches: Branch[]): TemplateResult[] =>
    branches.map(({ entry, replies }) =>
      itemTemplate(view, entry, now, view.replyTo === entry.comment.id ? view.replyForm(entry.comment) : nothing, replies.length ? html`<ol>${items(replies)}</ol>` : nothing),
    );
  // Ten top-level comments with their replies are drawn as one block, again only when the block or the look
  // changed: drawing a long thread's next slice does not go over the comments already drawn.
  return html`<ol>${blocksOf(placed).map((block) => guard([view.look, block[0], block.at(-1)], () => items(nest(block))))}</ol>`;
}

/** The thread (which starts with a top-level comment) split before every tenth top-level comment. */
function blocksOf(placed: Placed[]): Placed[][] {
  const blocks: Placed[][] = [];
  let tops = 0;
  for (const entry of placed) {
    if (!entry.depth && !(tops++ % 10)) blocks.push([]);
    blocks.at(-1)!.push(entry);
  }
  return blocks;
}

/**
 * The author's picture (a checked URL), or their initials on a colour from their name: what avatarView
 * draws, made directly, since a template instance per comment costs more than the element itself.
 */
export function avatarNode(name: string, src: string | undefined, onError: (event: Event) => void): HTMLElement {
  const avatar = document.createElement(src ? 'img' : 'span');
  avatar.className = 'avatar';
  avatar.setAttribute('part', 'avatar');
  if (src) {
    // Reflected as attributes; lazy before the source is set, so a picture far below the fold is not fetched at once.
    Object.assign(avatar, { alt: '', width: 80, height: 80, loading: 'lazy', decoding: 'async', src, onerror: onError });
  } else {
    avatar.setAttribute('aria-hidden', 'true');
    // Through the CSSOM, not a style attribute (a strict Content-Security-Policy allows only this); the longhand parses faster.
    if (name) avatar.style.backgroundColor = colorOf(name);
    avatar.textContent = initialsOf(name);
  }
  return avatar;
}

/** The action of the comment button `event` hit, with the comment's id. */
export function actionOf(event: Event): { action: CommentAction; id: string } | undefined {
  const button = (event.target as Element).closest?.<HTMLElement>('button[data-action]');
  const article = button?.closest('article');
  if (!button || !article) return undefined;
  return { action: button.dataset.action as CommentAction, id: article.id.slice('comment-'.length) };
}

/** What stands in for a comment the reader may not read; the server sends no text or author for it. */
function placeholderText(status: Comment['status'], m: Messages): string | undefined {
  if (status === 'deleted') return m.deletedComment;
  if (status === 'held') return m.heldComment;
  if (status === 'removed') return m.removedComment;
  return undefined;
}

// A comment is one template, its list item, header, body and actions together: drawing it costs Lit an
// instance for that, one for its avatar and one per block of its body (a paragraph, most often). The rarely
// shown bits are a binding each; reactions and the like fit in as a binding beside the actions.
function itemTemplate(view: ThreadView, { comment, replyingTo, flattened }: Placed, now: number, form: unknown, replies: unknown): TemplateResult {
  const id = comment.id;
  const heading = `c-${id}`;
  const highlight = view.highlighted === id ? 'highlight' : '';
  const placeholder = placeholderText(comment.status, view.m);
  if (placeholder) {
    return html`<li><article id=${`comment-${id}`} part="comment" tabindex="-1" aria-labelledby=${heading} class=${highlight}>
      <p class="deleted" id=${heading}>${placeholder}</p></article
    >${form}${replies}</li>`;
  }
  const { m, lang } = view;
  const created = parseDate(comment.createdAt) ?? new Date(now);
  const editing = view.editing === id;
  // The labels are part of the comment's name, so a screen reader says them when it enters the comment.
  const labels = `${heading}${comment.byAuthor ? ` l-${id}` : ''}${comment.pinned ? ` p-${id}` : ''}`;
  return html`<li><article
    id=${`comment-${id}`}
    part="comment"
    tabindex="-1"
    aria-labelledby=${replyingTo ? `${labels} a-${id}` : labels}
    class=${highlight}
  >
    <header>
      ${view.avatar(comment)}<span class="author" id=${heading}><bdi>${comment.author.name}</bdi></span>${comment.byAuthor
        ? html` <span class="tag" part="author-label" id=${`l-${id}`}>${m.authorLabel}</span>`
        : nothing}${comment.pinned ? html` <span class="tag" part="pinned" id=${`p-${id}`}>${m.pinned}</span>` : nothing}
      <time datetime=${comment.createdAt} title=${formatDateTime(created, lang)}>${formatRelative(created, lang, now)}</time>${comment.editedAt ||
      replyingTo ||
      comment.status === 'pending' ||
      comment.editPending
        ? notes(m, lang, comment, replyingTo, flattened)
        : nothing}
    </header>
    ${editing ? view.editor(comment) : nothing}<div class="body" dir="auto" ?hidden=${editing}>${editing ? nothing : view.body(comment)}</div>
    <div class="actions">${actions(view, comment, created, now)}</div>${view.reactions(comment)}</article
  >${form}${replies}</li>`;
}

/** Edited, whom it answers, and what awaits moderation. */
function notes(m: Messages, lang: string, comment: Comment, replyingTo: string | undefined, flattened: boolean | undefined) {
  return html`${comment.editedAt ? html` <span>(${m.edited})</span>` : nothing}${replyingTo
    ? html` <span id=${`a-${comment.id}`} class=${flattened ? '' : 'visually-hidden'}>${fill(lang, m.replyingTo, { name: replyingTo })}</span>`
    : nothing}${comment.status === 'pending' ? html` <span class="tag">${m.awaitingModeration}</span>` : nothing}${comment.editPending
    ? html` <span class="tag">${m.editAwaitingModeration}</span>`
    : nothing}`;
}

function actions(view: ThreadView, comment: Comment, created: Date, now: number) {
  const { m, reader } = view;
  const reply = view.canReply
    ? html`<button type="button" class="link" data-action="reply" aria-expanded=${view.replyTo === comment.id ? 'true' : 'false'}>${m.reply}</button>`
    : nothing;
  const own = comment.own && comment.status !== 'deleted';
  if (!own && !reader?.moderator) return reply;
  const editable = own && now - created.getTime() < view.editWindowMs;
  const moderator = reader?.moderator;
  return html`${reply}${editable ? html`<button type="button" class="link" data-action="edit">${m.edit}</button>` : nothing}${deleteTemplate(view, comment)}${moderator &&
  (comment.status !== 'published' || comment.editPending)
    ? html`<button type="button" class="link" data-action="approve">${m.approve}</button>`
    : nothing}${moderator && (comment.status === 'pending' || comment.editPending)
    ? html`<button type="button" class="link" data-action="reject">${m.reject}</button>
        <button type="button" class="link" data-action="spam">${m.spam}</button>`
    : nothing}${moderator && comment.status === 'published' && !comment.parentId
    ? html`<button type="button" class="link" data-action=${comment.pinned ? 'unpin' : 'pin'}>${comment.pinned ? m.unpin : m.pin}</button>`
    : nothing}`;
}

function deleteTemplate(view: ThreadView, comment: Comment) {
  const { m } = view;
  if (view.confirming !== comment.id) return html`<button type="button" class="link" data-action="delete">${m.delete}</button>`;
  // Focus lands in the question, so a screen reader reads it out with the group's name.
  const question = `q-${comment.id}`;
  return html`<span role="group" aria-labelledby=${question}><span id=${question}>${m.confirmDelete}</span>
    <button type="button" class="link" data-action="confirm-delete">${m.delete}</button>
    <button type="button" class="link" data-action="keep">${m.cancel}</button></span
  >`;
}

/** The count in the heading, once the thread is loaded. */
export function headingText(m: Messages, lang: string, total: number | undefined): string {
  return total === undefined ? m.commentsTitle : formatPlural(lang, m.commentsHeading, total, { n: total });
}

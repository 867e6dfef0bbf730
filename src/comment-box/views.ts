import { fill, formatPlural, type Messages } from '../core/i18n.js';
import { nest, type Branch, type Placed } from './tree.js';
import { parseDate } from '../core/dates.js';
import { formatDateTime, formatRelative } from '../core/timestamps.js';
import { colorOf, initialsOf } from '../core/avatar.js';
import { markdownFragment } from './markdown-fragment.js';
import { changeAttribute, drawReactionBar, type ReactionBar } from './reactions.js';
import type { Reader } from './reader.js';
import type { Comment } from './types.js';

/** The buttons of a comment; one listener on the shadow root handles them all (see `actionOf`), so a comment binds no handlers. */
export type CommentAction = 'reply' | 'edit' | 'delete' | 'confirm-delete' | 'keep' | 'approve' | 'reject' | 'spam' | 'pin' | 'unpin';

/** What the thread's drawing reads: the reader's language and rights, which forms are open, and a few callbacks. */
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
  /** The author's picture to show (a checked URL that has not failed), if any. */
  picture(comment: Comment): string | undefined;
  pictureError(event: Event): void;
  /** A published comment's reaction bar. */
  bar(comment: Comment): ReactionBar;
  /** The edit form and the reply form (kept by the element, the same node while open), placed in the comment only while open. */
  editor(comment: Comment): Element | undefined;
  replyForm(comment: Comment): Element | undefined;
}

/** What is drawn of one comment, kept so that drawing it again changes only what differs (and focus stays). */
interface Drawn {
  li: HTMLLIElement;
  article: HTMLElement;
  comment?: Comment;
  look: number;
  replyingTo?: string;
  flattened?: boolean;
  /** What each part was drawn from. */
  shape: string;
  header: string;
  body: string;
  actions: string;
  replies?: HTMLOListElement;
  /** The edit form, the reply form placed in the comment. */
  editor?: Element;
  form?: Element;
}

/**
 * The thread as nested lists of DOM nodes, made from a prepared comment and filled with text and checked
 * attributes (a Lit template instance per comment cost more than the comment's own nodes). Each comment's
 * nodes are kept by id and changed in place when it is drawn again, so a button keeps focus while its
 * comment changes around it; the forms, made by the element, are placed in the comment while they are open.
 * Replies are lists inside their comment's item, so the accessibility tree gives each its level.
 */
export class ThreadDrawing {
  private list?: HTMLOListElement;
  private drawn = new Map<string, Drawn>();

  /** The thread's list, made or changed to show `placed` (in thread order). */
  draw(view: ThreadView, placed: Placed[]): HTMLOListElement {
    const now = Date.now();
    const seen = new Map<string, Drawn>();
    const items = (branches: Branch[]): HTMLLIElement[] =>
      branches.map(({ entry, replies }) => {
        const drawn = this.item(view, entry, now);
        seen.set(entry.comment.id, drawn);
        if (replies.length || drawn.replies) {
          const list = (drawn.replies ??= drawn.li.appendChild(document.createElement('ol')));
          placeChildren(list, items(replies));
          if (!replies.length) {
            list.remove();
            drawn.replies = undefined;
          }
        }
        return drawn.li;
      });
    this.list ??= document.createElement('ol');
    placeChildren(this.list, items(nest(placed)));
    this.drawn = seen;
    return this.list;
  }

  private item(view: ThreadView, entry: Placed, now: number): Drawn {
    const { comment } = entry;
    let drawn = this.drawn.get(comment.id);
    if (drawn?.comment === comment && drawn.look === view.look && drawn.replyingTo === entry.replyingTo && drawn.flattened === entry.flattened) return drawn;
    const placeholder = placeholderText(comment.status, view.m);
    const shape = placeholder ?? '';
    if (!drawn || drawn.shape !== shape) {
      const article = placeholder ? placeholderArticle(comment.id, placeholder) : (commentPrototype().cloneNode(true) as HTMLElement);
      if (drawn) drawn.li.replaceChild(article, drawn.article);
      const li = drawn?.li ?? document.createElement('li');
      if (!drawn) li.appendChild(article);
      drawn = { li, article, look: NaN, shape, header: '', body: '', actions: '', replies: drawn?.replies, form: drawn?.form };
      if (!placeholder) article.id = `comment-${comment.id}`;
    }
    drawn.comment = comment;
    drawn.look = view.look;
    drawn.replyingTo = entry.replyingTo;
    drawn.flattened = entry.flattened;
    const { article } = drawn;
    if (view.highlighted === comment.id) article.className = 'highlight';
    else if (article.className) article.className = '';
    if (!placeholder) fillComment(view, entry, drawn, now);
    drawn.form = place(drawn.li, drawn.form, view.replyTo === comment.id ? view.replyForm(comment) : undefined, drawn.replies ?? null);
    return drawn;
  }
}

/** Puts `form` (if any) into `parent` before `before`, instead of `was`; a form already there is not moved (it would lose focus). */
function place(parent: Element, was: Element | undefined, form: Element | undefined, before: Node | null): Element | undefined {
  if (was && was !== form) was.remove();
  if (form && form.parentNode !== parent) parent.insertBefore(form, before);
  return form;
}

/** Puts `children` into `list` in order, moving only what is out of place (a moved node would lose focus). */
function placeChildren(list: HTMLElement, children: Node[]): void {
  let next = list.firstChild;
  for (const child of children) {
    if (child === next) next = next.nextSibling;
    else list.insertBefore(child, next);
  }
  while (next) {
    const gone = next;
    next = next.nextSibling;
    gone.remove();
  }
}

let prototype: HTMLElement | undefined;

/** A comment's article (not a placeholder's), its nodes ready to be filled: made once, cloned for each comment. */
function commentPrototype(): HTMLElement {
  return (prototype ??= makePrototype());
}

function makePrototype(): HTMLElement {
  const article = document.createElement('article');
  article.setAttribute('part', 'comment');
  article.tabIndex = -1;
  const header = article.appendChild(document.createElement('header'));
  const author = header.appendChild(document.createElement('span'));
  author.className = 'author';
  author.appendChild(document.createElement('bdi'));
  header.appendChild(document.createElement('time'));
  const body = article.appendChild(document.createElement('div'));
  body.className = 'body';
  body.dir = 'auto';
  article.appendChild(document.createElement('div')).className = 'actions';
  return article;
}

function placeholderArticle(id: string, text: string): HTMLElement {
  const article = document.createElement('article');
  article.id = `comment-${id}`;
  article.setAttribute('part', 'comment');
  article.tabIndex = -1;
  article.setAttribute('aria-labelledby', `c-${id}`);
  const p = article.appendChild(document.createElement('p'));
  p.className = 'deleted';
  p.id = `c-${id}`;
  p.textContent = text;
  return article;
}

/** Fills (or brings up to date) a published, pending or own comment's header, body, actions and reactions. */
function fillComment(view: ThreadView, { comment, replyingTo, flattened }: Placed, drawn: Drawn, now: number): void {
  const { m, lang } = view;
  const { id } = comment;
  const { article } = drawn;
  const header = article.firstChild as HTMLElement;
  // Found by class, not by place: the edit form is drawn between the header and the body.
  const body = article.querySelector<HTMLElement>(':scope > .body')!;
  const created = parseDate(comment.createdAt) ?? new Date(now);
  const editing = view.editing === id;
  // The labels are part of the comment's name, so a screen reader says them when it enters the comment.
  const labels = `c-${id}${comment.byAuthor ? ` l-${id}` : ''}${comment.pinned ? ` p-${id}` : ''}`;
  changeAttribute(article, 'aria-labelledby', replyingTo ? `${labels} a-${id}` : labels);

  const picture = view.picture(comment);
  const relative = formatRelative(created, lang, now);
  const headerKey = [comment.author.name, picture, comment.byAuthor, comment.pinned, comment.createdAt, relative, lang, m.authorLabel, comment.editedAt, replyingTo, flattened, comment.status, comment.editPending].join('\0');
  if (drawn.header !== headerKey) {
    const fresh = drawn.header ? (commentPrototype().firstChild!.cloneNode(true) as HTMLElement) : header;
    fillHeader(view, comment, fresh, picture, created, relative, replyingTo, flattened);
    if (fresh !== header) article.replaceChild(fresh, header);
    drawn.header = headerKey;
  }

  const bodyKey = editing ? '' : ` ${comment.body}`;
  if (drawn.body !== bodyKey) {
    if (editing) body.replaceChildren();
    else body.replaceChildren(markdownFragment(comment.body));
    body.hidden = editing;
    drawn.body = bodyKey;
  }
  drawn.editor = place(article, drawn.editor, editing ? view.editor(comment) : undefined, body);

  const actions = body.nextElementSibling as HTMLElement;
  const buttons = actionList(view, comment, created, now);
  const actionsKey = buttons.join() + m.reply + m.delete;
  if (drawn.actions !== actionsKey) {
    actions.replaceChildren(...buttons.map((action) => actionButton(view, id, action)));
    drawn.actions = actionsKey;
  }
  const reply = actions.firstChild as HTMLElement | null;
  if (reply?.dataset.action === 'reply') changeAttribute(reply, 'aria-expanded', view.replyTo === id ? 'true' : 'false');

  const bar = actions.nextElementSibling as HTMLElement | null;
  if (comment.status === 'published') {
    const drawnBar = drawReactionBar(view.bar(comment), comment.reactions, bar ?? undefined);
    if (!bar) article.appendChild(drawnBar);
  } else bar?.remove();
}

function fillHeader(
  { m, lang, pictureError }: ThreadView,
  comment: Comment,
  header: HTMLElement,
  picture: string | undefined,
  created: Date,
  relative: string,
  replyingTo: string | undefined,
  flattened: boolean | undefined,
): void {
  const { id } = comment;
  const author = header.firstChild as HTMLElement;
  const time = author.nextSibling as HTMLTimeElement;
  header.insertBefore(avatarNode(comment.author.name, picture, pictureError), author);
  author.id = `c-${id}`;
  author.firstChild!.textContent = comment.author.name;
  if (comment.byAuthor) header.insertBefore(tag(m.authorLabel, `l-${id}`, 'author-label'), time);
  if (comment.pinned) header.insertBefore(tag(m.pinned, `p-${id}`, 'pinned'), time);
  time.dateTime = comment.createdAt;
  time.title = formatDateTime(created, lang);
  time.textContent = relative;
  // Edited, whom it answers, and what awaits moderation.
  if (comment.editedAt) header.append(span(`(${m.edited})`));
  if (replyingTo) {
    const answers = header.appendChild(span(fill(lang, m.replyingTo, { name: replyingTo })));
    answers.id = `a-${id}`;
    if (!flattened) answers.className = 'visually-hidden';
  }
  if (comment.status === 'pending') header.append(tag(m.awaitingModeration));
  if (comment.editPending) header.append(tag(m.editAwaitingModeration));
}

function span(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

/** A label beside the author's name (Author, Pinned, awaiting moderation), with its id and part when it has them. */
function tag(text: string, id?: string, part?: string): HTMLElement {
  const element = span(text);
  element.className = 'tag';
  if (id) element.id = id;
  if (part) element.setAttribute('part', part);
  return element;
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

/** The buttons a comment offers the reader, in order; `confirm` is the question that replaces Delete. */
function actionList(view: ThreadView, comment: Comment, created: Date, now: number): string[] {
  const { reader } = view;
  const list = view.canReply ? ['reply'] : [];
  const own = comment.own && comment.status !== 'deleted';
  if (!own && !reader?.moderator) return list;
  if (own && now - created.getTime() < view.editWindowMs) list.push('edit');
  list.push(view.confirming === comment.id ? 'confirm' : 'delete');
  if (!reader?.moderator) return list;
  if (comment.status !== 'published' || comment.editPending) list.push('approve');
  if (comment.status === 'pending' || comment.editPending) list.push('reject', 'spam');
  if (comment.status === 'published' && !comment.parentId) list.push(comment.pinned ? 'unpin' : 'pin');
  return list;
}

/** Each button's label: the message named as the action, but for these two. */
type Label = 'reply' | 'edit' | 'delete' | 'cancel' | 'approve' | 'reject' | 'spam' | 'pin' | 'unpin';
const LABELS: Partial<Record<string, Label>> = { 'confirm-delete': 'delete', keep: 'cancel' };

function actionButton({ m }: ThreadView, id: string, action: string): HTMLElement {
  if (action === 'confirm') {
    // Focus lands in the question, so a screen reader reads it out with the group's name.
    const group = document.createElement('span');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', `q-${id}`);
    group.appendChild(span(m.confirmDelete)).id = `q-${id}`;
    group.append(actionButton({ m } as ThreadView, id, 'confirm-delete'), actionButton({ m } as ThreadView, id, 'keep'));
    return group;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  button.dataset.action = action;
  button.textContent = m[LABELS[action] ?? (action as Label)];
  return button;
}

/** The count in the heading, once the thread is loaded. */
export function headingText(m: Messages, lang: string, total: number | undefined): string {
  return total === undefined ? m.commentsTitle : formatPlural(lang, m.commentsHeading, total, { n: total });
}

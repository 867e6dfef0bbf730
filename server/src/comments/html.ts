/**
 * A thread's page as an HTML fragment for sites that include it inside <comment-box> (PHP, Django,
 * Rails, a static build): what readers without JavaScript and crawlers see, with schema.org/Comment
 * microdata, and what the element adopts as its first page (src/comment-box/adopt.ts reads it; the
 * two must agree on the markup described there).
 *
 * Only what the public may read: comments awaiting moderation, rejected or spam, and every reply
 * below them, are left out; a deleted comment with replies stays as a placeholder. The pinned comment
 * comes first as the listing orders it, marked "Pinned", and the article's authors' comments carry
 * the "Author" label, as the comment box shows them.
 */
import type { Comment, CommentPage } from './schemas.js';
import { escapeHtml, markdownToHtml } from './html-markdown.js';
import { htmlMessages, pluralLanguages } from './html-messages.js';

const SCHEMA = 'https://schema.org/';

/** The catalogue for a BCP 47 tag: the tag, its language with region or script, its language; else English. */
export function catalogueFor(tag: string): string {
  const known = new Map(Object.keys(htmlMessages).map((key) => [key.toLowerCase(), key]));
  const keys = [tag];
  try {
    const locale = new Intl.Locale(tag);
    const script = locale.script ?? locale.maximize().script;
    if (locale.region) keys.push(`${locale.language}-${locale.region}`);
    if (script) keys.push(`${locale.language}-${script}`);
    keys.push(locale.language);
  } catch {
    keys.push(tag.split('-')[0]!);
  }
  for (const key of keys) {
    const found = known.get(key.toLowerCase());
    if (found) return found;
  }
  return 'en';
}

/** What the fragment says about itself, for the element that adopts it. */
export interface PageFacts {
  thread: string;
  sort: 'oldest' | 'newest' | 'top';
  /** The language the site asked for, if it did. */
  lang?: string;
  /** The newest live event when the page was listed: the element's stream replays what came after. */
  lastEventId: number;
}

/**
 * The fragment's content, without its wrapper: the "Comments (N)" heading and the nested list.
 * Deterministic for a page and language (the ETag is made from it).
 */
export function threadHtml(page: CommentPage, lang: string): string {
  const catalogue = catalogueFor(lang);
  const m = htmlMessages[catalogue]!;
  const plural = new Intl.PluralRules(pluralLanguages[catalogue] ?? catalogue).select(page.total);
  const heading = (m.commentsHeading[plural] ?? m.commentsHeading.other).replace('{n}', new Intl.NumberFormat(lang).format(page.total));
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });

  const children = new Map<string | null, Comment[]>();
  for (const comment of page.comments) {
    if (comment.status !== 'published' && comment.status !== 'deleted') continue;
    const siblings = children.get(comment.parentId) ?? [];
    siblings.push(comment);
    children.set(comment.parentId, siblings);
  }
  const list = (parent: Comment | null): string => {
    const shown = children.get(parent?.id ?? null);
    if (!shown?.length) return '';
    return `<ol>${shown.map((c) => `<li>${article(c, parent?.status === 'published')}</li>`).join('')}</ol>`;
  };
  const article = (c: Comment, inItem: boolean): string => {
    const id = `id="comment-${escapeHtml(c.id)}"`;
    if (c.status === 'deleted') return `<article ${id} data-status="deleted" data-created-at="${escapeHtml(c.createdAt)}"><p>${escapeHtml(m.deletedComment)}</p>${list(c)}</article>`;
    const picture = c.author.picture && /^https?:\/\//i.test(c.author.picture) ? `<link itemprop="image" href="${escapeHtml(c.author.picture)}">` : '';
    const edited = c.editedAt ? ` <span>(${escapeHtml(m.edited)})<meta itemprop="dateModified" content="${escapeHtml(c.editedAt)}"></span>` : '';
    // The comment box's labels, after the name as it shows them; adopt.ts reads them back by data-label.
    const labels = (c.byAuthor ? ` <span data-label="author">${escapeHtml(m.authorLabel)}</span>` : '') +
      (c.pinned ? ` <span data-label="pinned">${escapeHtml(m.pinned)}</span>` : '');
    return (
      `<article ${id}${inItem ? ' itemprop="comment"' : ''} itemscope itemtype="${SCHEMA}Comment" data-body="${escapeHtml(c.body)}">` +
      `<header><span itemprop="author" itemscope itemtype="${SCHEMA}Person"><span itemprop="name">${escapeHtml(c.author.name)}</span>${picture}</span>${labels} ` +
      `<time itemprop="dateCreated" datetime="${escapeHtml(c.createdAt)}">${escapeHtml(dates.format(new Date(c.createdAt)))}</time>${edited}</header>` +
      `<div itemprop="text">${markdownToHtml(c.body)}</div>${list(c)}</article>`
    );
  };
  const thread = list(null);
  return `<h2>${escapeHtml(heading)}</h2>${thread || `<p>${escapeHtml(m.noComments)}</p>`}`;
}

/** The whole fragment: the content in a wrapper that says which thread, order and page it is, and when it was made. */
export function fragmentHtml(content: string, page: CommentPage, facts: PageFacts, renderedAt: Date): string {
  const attributes: [string, string | number | null][] = [
    ['data-inkwell-comments', ''],
    // Inside <comment-box>, it shows in place of the element's own heading until the element shows the thread.
    ['slot', 'included'],
    ['data-thread', facts.thread],
    ['data-sort', facts.sort],
    ['data-total', page.total],
    ['data-next-cursor', page.nextCursor],
    ['data-rendered-at', renderedAt.toISOString()],
    ['data-last-event-id', facts.lastEventId],
    ['lang', facts.lang ?? null],
  ];
  const open = attributes
    .filter(([, value]) => value !== null)
    .map(([name, value]) => (value === '' ? name : `${name}="${escapeHtml(String(value))}"`))
    .join(' ');
  return `<div ${open}>${content}</div>\n`;
}

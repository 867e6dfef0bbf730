import type { Comment, CommentPage, Sort } from './types.js';

/** An included page older than this (an hour: made at build time, say) is shown, then fetched again. */
const FRESH_MS = 3_600_000;

export interface IncludedPage {
  page: CommentPage;
  /** Why the page should be fetched again although it is shown (too old), if it should. */
  stale?: string;
  /** The newest live event when the page was listed: the stream replays from there. */
  lastEventId?: string;
}

const idOf = (article: Element) => /^comment-(.+)/.exec(article.id)?.[1];

/**
 * The first page a site included inside <comment-box> (`GET /v1/threads/{thread}/comments.html`, see
 * server/src/comments/html.ts), read back from its markup: the wrapper says which thread, order and total
 * and when it was made; each comment's id, nesting, author, `<time datetime>`, `data-body` (its
 * markdown) and its labels (`data-label="pinned"`, `data-label="author"`) are what the element needs.
 * Undefined when nothing is included; a reason when it cannot be used.
 */
export function includedPage(host: HTMLElement, thread: string, sort: Sort, now = Date.now()): IncludedPage | string | undefined {
  const fragment = host.querySelector<HTMLElement>(':scope>[data-inkwell-comments]');
  if (!fragment) return;
  const facts = fragment.dataset;
  const made = Date.parse(facts.renderedAt!);
  if (facts.thread !== thread || facts.sort !== sort) return `made for the thread "${facts.thread}", sorted ${facts.sort}`;
  if (!(Number(facts.total) >= 0) || !made) return 'data-total or data-rendered-at is missing';
  const comments: Comment[] = [];
  for (const article of fragment.querySelectorAll('article')) {
    const find = (selector: string) => article.querySelector(':scope>header ' + selector);
    const deleted = article.dataset.status == 'deleted';
    const parent = article.parentElement!.closest('article');
    const id = idOf(article);
    const parentId = parent && fragment.contains(parent) ? idOf(parent) : null;
    const createdAt = deleted ? article.dataset.createdAt : find('time[itemprop=dateCreated]')?.getAttribute('datetime');
    const name = deleted ? '' : find('[itemprop=author] [itemprop=name]')?.textContent;
    const body = deleted ? '' : article.dataset.body;
    const picture = find('link[itemprop=image]')?.getAttribute('href');
    const editedAt = find('meta[itemprop=dateModified]')?.getAttribute('content');
    const pinned = !deleted && find('[data-label=pinned]') !== null;
    const byAuthor = !deleted && find('[data-label=author]') !== null;
    if (!id || parentId === undefined || !Date.parse(createdAt!) || body == null || !(deleted || name)) return `comment ${comments.length + 1} lacks its id, author, date or body`;
    comments.push({
      id,
      thread,
      parentId,
      author: { id: '', name: name!, guest: false, ...(picture && { picture }) },
      body,
      createdAt: createdAt!,
      status: deleted ? 'deleted' : 'published',
      ...(editedAt && { editedAt }),
      ...(byAuthor && { byAuthor }),
      ...(pinned && { pinned }),
    });
  }
  const minutes = Math.round((now - made) / 60_000);
  return {
    page: { comments, total: Number(facts.total), nextCursor: facts.nextCursor ?? null },
    lastEventId: /^\d{1,15}$/.exec(facts.lastEventId!)?.[0],
    ...(now - made > FRESH_MS && { stale: `made ${minutes} minutes ago` }),
  };
}

/** The included page, if the element can use it; the console says why it cannot, or that it is old (and fetched again). */
export function usableIncludedPage(host: HTMLElement, thread: string, sort: Sort): IncludedPage | undefined {
  const included = includedPage(host, thread, sort);
  if (typeof included !== 'object') {
    if (included) console.warn(`[inkwell] <${host.localName}> the included comments cannot be used (${included}): fetching them`);
    return undefined;
  }
  if (included.stale) console.warn(`[inkwell] <${host.localName}> the included comments are old (${included.stale}): fetching them again`);
  return included;
}

import type { Comment, CommentPage, Sort } from './types.js';

/** An included page older than this is shown, then fetched again: it was probably made at build time. */
export const INCLUDED_FRESH_MS = 60 * 60 * 1000;

export interface IncludedPage {
  page: CommentPage;
  /** The included markup, hidden once the element shows the page itself. */
  fragment: HTMLElement;
  /** Why the page should be fetched again although it is shown (too old), if it should. */
  stale?: string;
}

const text = (element: Element | null | undefined) => element?.textContent?.trim() ?? '';
const commentId = (article: Element | null) => (article?.id.startsWith('comment-') ? article.id.slice(8) : '');

/**
 * The first page a site included inside <comment-box> (`GET /v1/threads/{thread}/comments.html`, see
 * server/src/comments/html.ts), read back from its markup: the wrapper says which thread, order and total
 * and when it was made; each comment's id, nesting, author, `<time datetime>` and `data-body` (its
 * markdown) are what the element needs. Undefined when nothing is included; a reason when it cannot be used.
 */
export function includedPage(host: HTMLElement, thread: string, sort: Sort, now = Date.now()): IncludedPage | string | undefined {
  const fragment = host.querySelector<HTMLElement>(':scope > [data-inkwell-comments]');
  if (!fragment) return undefined;
  const facts = fragment.dataset;
  if (facts.thread !== thread) return `it is the thread "${facts.thread}", not "${thread}"`;
  if (facts.sort !== sort) return `it is sorted ${facts.sort}, not ${sort}`;
  const total = Number(facts.total);
  const renderedAt = Date.parse(facts.renderedAt ?? '');
  if (!Number.isInteger(total) || total < 0 || !renderedAt) return 'data-total or data-rendered-at is missing';
  const comments: Comment[] = [];
  for (const article of fragment.querySelectorAll('article')) {
    const id = commentId(article);
    const parent = article.parentElement!.closest('article');
    const parentId = parent && fragment.contains(parent) ? commentId(parent) : null;
    const deleted = article.dataset.status === 'deleted';
    const createdAt = deleted ? article.dataset.createdAt : article.querySelector<HTMLTimeElement>(':scope > header time[itemprop=dateCreated]')?.dateTime;
    const name = text(article.querySelector(':scope > header [itemprop=author] [itemprop=name]'));
    const body = article.dataset.body;
    if (!id || parentId === '' || !createdAt || !Date.parse(createdAt) || (!deleted && (!name || body === undefined))) {
      return `comment ${comments.length + 1} lacks its id, author, date or body`;
    }
    const picture = article.querySelector(':scope > header [itemprop=author] link[itemprop=image]')?.getAttribute('href');
    const editedAt = article.querySelector(':scope > header meta[itemprop=dateModified]')?.getAttribute('content');
    comments.push({
      id,
      thread,
      parentId,
      author: { id: '', name: deleted ? '' : name, guest: false, ...(picture ? { picture } : {}) },
      body: deleted ? '' : body!,
      createdAt,
      status: deleted ? 'deleted' : 'published',
      ...(editedAt ? { editedAt } : {}),
    });
  }
  const page = { comments, total, nextCursor: facts.nextCursor ?? null };
  const age = now - renderedAt;
  return { page, fragment, ...(age > INCLUDED_FRESH_MS ? { stale: `it was made ${Math.round(age / 60_000)} minutes ago` } : {}) };
}

/** `GET /threads/{thread}/comments.html`: a thread's page as HTML, for sites that include it inside <comment-box>. */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiError } from '../http/errors.js';
import { decodeCursor } from '../http/pagination.js';
import { etagFor } from '../http/cacheable.js';
import { errorResponses, ThreadParam } from '../http/schemas.js';
import { listThread } from './listing.js';
import { listThreadRoute, type ThreadQuery } from './schemas.js';
import { fragmentHtml, threadHtml } from './html.js';
import type { CachedPage } from './views.js';
import type { Ctx } from '../context.js';

/** The page as HTML, with the last live event before it was listed: the stream replays from there. */
type CachedHtml = CachedPage & { lastEventId: number };

type Api = Parameters<FastifyPluginAsyncTypebox>[0];

const HtmlQuery = Type.Object({
  ...listThreadRoute.querystring.properties,
  lang: Type.Optional(Type.String({
    maxLength: 35,
    pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$',
    description: 'The page\'s language (BCP 47): the words and dates of the fragment; English when Inkwell has no catalogue for it.',
  })),
});

export const threadHtmlRoute = {
  tags: ['comments'],
  summary: 'A page of a thread\'s comments as HTML, to include inside <comment-box>',
  description:
    'The public view of the same page as `GET /threads/{thread}/comments` (the same query; never personalised, a token is ignored), as an HTML fragment: ' +
    'the "Comments (N)" heading and the comments as nested lists with schema.org/Comment microdata, bodies rendered by the comment box\'s markdown rules; ' +
    'the pinned comment first, marked `<span data-label="pinned">`, and the article\'s authors\' comments labelled `<span data-label="author">`, in `lang`. ' +
    'Comments awaiting moderation, rejected or spam are left out with every reply below them. The wrapper\'s data attributes, each comment\'s id, ' +
    '`data-body` (its markdown) and `<time datetime>` let <comment-box> take the page over without fetching it; the wrapper\'s `slot="included"` puts it ' +
    'in place of the element\'s own heading until then. ' +
    'Carries ETag and Cache-Control; answers 304 to If-None-Match.',
  params: ThreadParam,
  querystring: HtmlQuery,
  produces: ['text/html'],
  response: {
    200: {
      description: 'The fragment (UTF-8 HTML).',
      content: { 'text/html': { schema: Type.String() } },
    },
    ...errorResponses,
  },
};

type HtmlQuery = ThreadQuery & { lang?: string };

/** The anonymous page as HTML, kept in the listing cache beside the JSON (dropped with it when the thread changes). */
export function htmlRoutes(app: Api): void {
  const ctx = app.inkwell;
  app.get('/threads/:thread/comments.html', { schema: threadHtmlRoute }, async (request, reply) => {
    const { thread } = request.params;
    const q = request.query as HtmlQuery;
    if (q.lang !== undefined && !validLanguage(q.lang)) throw new ApiError(400, 'invalid_input', 'lang is not a language tag', 'lang');
    const lang = q.lang ?? 'en';
    const key = JSON.stringify(['html', thread, q.sort, q.limit, lang, ...(q.cursor ? decodeCursor(q.cursor) : [])]);
    let cached = ctx.listingCache.get(key) as CachedHtml | undefined;
    if (cached === undefined) {
      const generation = ctx.listingCache.generation(thread);
      // Read before the listing: whatever happens after it is replayed to the element's live stream.
      const lastEventId = await latestEventId(ctx);
      const page = await listThread(ctx.database, thread, null, q);
      cached = { page, body: threadHtml(page, lang), lastEventId };
      ctx.listingCache.set(thread, key, cached, generation);
    }
    const maxAge = ctx.config.cdnMaxAge;
    // Made from the content, not the wrapper's time of rendering: the same comments are the same fragment.
    const etag = etagFor(cached.body + (cached.page.nextCursor ?? ''));
    reply.header('etag', etag);
    reply.header('vary', 'Origin');
    reply.header('cache-control', `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=${maxAge * 6}`);
    const inm = request.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return (reply as FastifyReply).code(304).send();
    const html = fragmentHtml(cached.body, cached.page, { thread, sort: q.sort, lang: q.lang, lastEventId: cached.lastEventId }, new Date());
    return reply.type('text/html; charset=utf-8').send(html);
  });
}

/** The id of the newest live event of any thread (0 when there is none): every later event has a greater one. */
async function latestEventId(ctx: Ctx): Promise<number> {
  const row = await ctx.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

function validLanguage(tag: string): boolean {
  try {
    new Intl.Locale(tag);
    return true;
  } catch {
    return false;
  }
}

/** The comment routes: each handler is the steps of the rule it enforces; queries in store.ts, shapes in schemas.ts. */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Ctx } from '../context.js';
import type { CommentTable } from '../db.js';
import { isModerator, type Viewer } from '../auth.js';
import { ApiError } from '../http/errors.js';
import { decodeCursor } from '../http/pagination.js';
import { sendCacheable, sendJsonText } from '../http/cacheable.js';
import { answerStored, commitOnce, idempotentWrite, replayStored, storeResponse, type IdempotentWrite } from '../http/idempotency.js';
import { enforcePostLimits } from '../http/post-limits.js';
import { guards, viewerOf } from '../http/viewer.js';
import { guestPrincipal } from '../privacy.js';
import { newId } from '../ids.js';
import * as rules from './rules.js';
import * as store from './store.js';
import { listThread, listThreadJson, readerState } from './listing.js';
import { withMine, withReactions } from '../reactions/listing.js';
import { listingReactor } from '../reactions/reactor.js';
import { dropReactions } from '../reactions/store.js';
import { commentView, mayRead, publicView, withOwnFlags, type CachedPage } from './views.js';
import { htmlRoutes } from './html-route.js';
import { afterInboxCommit, recordArrival } from '../events/inbox.js';
import { refuseBanned, refuseIfBanned } from '../bans/store.js';
import { addAuthor } from '../threads/store.js';
import { postFacts, type ParentFacts } from './post-facts.js';
import { notifyRequest } from '../notifications/request.js';
import type { NotifyRequest, Queued } from '../notifications/notifier.js';
import {
  changeCommentRoute, countsRoute, deleteCommentRoute, getCommentRoute, inboxRoute, listThreadRoute, postCommentRoute,
  type CommentPage, type InboxQuery, type NewComment, type ThreadQuery,
} from './schemas.js';

type PageSerializer = (page: CommentPage) => string;

type Api = Parameters<FastifyPluginAsyncTypebox>[0];

export const commentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  readingRoutes(app);
  htmlRoutes(app);
  writingRoutes(app);
};

/** Listings, one comment, counts and the moderation inbox. */
function readingRoutes(app: Api) {
  const ctx = app.inkwell;
  const { config, db } = ctx;
  const guard = guards(ctx.auth);

  app.get('/threads/:thread/comments', { schema: listThreadRoute, preHandler: guard.identify }, async (request, reply) => {
    const { thread } = request.params;
    const page = await listingFor(ctx, thread, request.viewer, listingReactor(ctx, request), request.query as ThreadQuery, pageSerializer(reply));
    return sendCacheable(request, reply, page.body, page.personal, config.cdnMaxAge);
  });

  app.get('/comments/:id', { schema: getCommentRoute, preHandler: guard.identify }, async (request) => {
    const row = await store.findComment(db, request.params.id);
    if (!row || !mayRead(row, request.viewer)) throw new ApiError(404, 'not_found', 'No such comment');
    return commentView(row, request.viewer);
  });

  app.get('/comments', { schema: inboxRoute, preHandler: guard.requireModerator }, async (request) => {
    return store.listByStatus(db, viewerOf(request), request.query as InboxQuery);
  });

  app.get('/counts', { schema: countsRoute }, async (request, reply) => {
    const counts = await store.publishedCounts(db, [...new Set(request.query.thread)]);
    return sendCacheable(request, reply, JSON.stringify({ counts }), false, config.cdnMaxAge);
  });
}

/** Posting, editing or moderating, deleting. */
function writingRoutes(app: Api) {
  const ctx = app.inkwell;
  const { config, db, events } = ctx;
  const guard = guards(ctx.auth);

  app.post('/threads/:thread/comments', { schema: postCommentRoute(config.maxCommentLength), preHandler: guard.identify }, async (request, reply) => {
    const input = request.body;
    const { viewer } = request;
    const now = Date.now();
    checkAuthor(ctx, viewer, input);
    const notify = notifyRequest(ctx, request, viewer, input);
    const write = idempotentWrite(request, viewer ? viewer.authorId : guestPrincipal(request, ctx.addresses), postHash(request.params.thread, input));
    const body = rules.storedText(input.body);
    const row: CommentTable & { by_author?: number } = newRow(request.params.thread, viewer, input, body, now);
    // Everything the checks below read, in one query; each check still answers in its turn.
    const writer = viewer ? { authorId: viewer.authorId } : { guestName: row.author_name };
    const limits = postLimits(ctx, request, viewer);
    const limiting = { keys: limits.map((l) => l.key), windowStart: ctx.postLimiter.windowStart(now), refusedIfBanned: viewer !== null && !isModerator(viewer) };
    const facts = await postFacts(ctx.database, write, writer, row.thread, row.body_hash, input.parentId, limiting);
    // A retry of a post made before a ban gets its answer; anything new is refused.
    if (answerStored(reply, write, facts.stored)) return reply;
    refuseIfBanned(viewer, facts.banned);
    await enforcePostLimits(ctx.postLimiter, reply, limits, 'comments', now, facts.counted);
    rules.checkWritingTime(input, config, now);
    rules.checkLinks(body, config);
    row.status = rules.initialStatus(config, viewer, rules.isHoneypotted(input));
    if (viewer && (viewer.authorOf?.includes(row.thread) || facts.author)) row.by_author = 1;
    placeReply(row, input.parentId, facts.parent, viewer);
    if (facts.duplicate) {
      // A concurrent retry with the same key may have committed since the check above.
      if (await replayStored(db, reply, write)) return reply;
      throw new ApiError(409, 'duplicate', 'You already posted this comment here', 'body');
    }
    const view = { ...commentView(row, viewer), own: true };
    const response = JSON.stringify(view);
    if (!(await saveNewComment(ctx, reply, write, row, view, response, notify))) return reply;
    return sendJsonText(reply.header('location', `/v1/comments/${row.id}`), 201, response);
  });

  app.patch('/comments/:id', { schema: changeCommentRoute(config.maxCommentLength), preHandler: guard.signedIn('Sign in to edit comments') }, async (request) => {
    const viewer = viewerOf(request);
    await refuseBanned(db, viewer);
    const row = await findForChange(ctx, request.params.id, viewer);
    rules.checkMayChange(row, viewer, 'edit', request.body);
    const next = rules.applyChange(row, request.body, viewer, config, Date.now());
    await saveChange(ctx, row, next);
    return commentView(next, viewer);
  });

  app.delete('/comments/:id', { schema: deleteCommentRoute, preHandler: guard.signedIn('Sign in to delete comments') }, async (request, reply) => {
    const viewer = viewerOf(request);
    const row = await findForChange(ctx, request.params.id, viewer);
    rules.checkMayChange(row, viewer, 'delete');
    let eventIds: number[] = [];
    await db.transaction().execute(async (trx) => {
      await store.eraseComment(trx, row.id, Date.now());
      await dropReactions(trx, row.thread, row.id);
      if (row.status === 'published') {
        eventIds = [await events.record(trx, row.thread, 'comment-deleted', publicView({ ...row, status: 'deleted' }))];
      }
    });
    events.afterCommit(eventIds, row.thread);
    return reply.code(204).send(null);
  });
}

/** The listing route's 200 serializer, compiled by Fastify (fast-json-stringify) from the CommentPage schema. */
function pageSerializer(reply: FastifyReply): PageSerializer {
  const serialize = reply.getSerializationFunction('200');
  if (!serialize) throw new Error('the listing route has no 200 response schema');
  return serialize as PageSerializer;
}

/**
 * A thread's listing as JSON for `viewer`. Moderators, and readers with pending comments or edits
 * there, see more than the public: listed fresh, private. Everyone else gets the cached anonymous
 * listing (readers with their own comments flagged, and `reactor`'s own reactions marked). Without a
 * cache, everyone's own page is listed fresh, once.
 */
async function listingFor(
  ctx: Ctx, thread: string, viewer: Viewer | null, reactor: string | null, q: ThreadQuery, serialize: PageSerializer,
): Promise<{ body: string; personal: boolean }> {
  if (isModerator(viewer) || !ctx.listingCache.enabled) {
    const body = await listingJson(ctx, thread, viewer, reactor, q, serialize);
    return { body, personal: viewer !== null || (reactor !== null && marksMine(body)) };
  }
  const reader = reactor === null ? null : await readerState(ctx.database, thread, viewer?.authorId ?? null, reactor);
  if (viewer && reader?.pending) return { body: await listingJson(ctx, thread, viewer, reactor, q, serialize), personal: true };
  // From the decoded request, in a form where no thread name or cursor can pass for another.
  const key = JSON.stringify([thread, q.sort, q.limit, ...(q.cursor ? decodeCursor(q.cursor) : [])]);
  let cached = ctx.listingCache.get(key);
  if (cached === undefined) {
    const generation = ctx.listingCache.generation(thread);
    cached = { body: await listingJson(ctx, thread, null, null, q, serialize) };
    ctx.listingCache.set(thread, key, cached, generation);
  }
  if (reader === null) return { body: cached.body, personal: false };
  cached.page ??= JSON.parse(cached.body) as CommentPage;
  const marked = withMine(cached.page, reader.mine);
  if (!viewer && !marked) return { body: cached.body, personal: false };
  const mine: CachedPage = marked ? { page: marked, body: JSON.stringify(marked) } : (cached as CachedPage);
  return { body: viewer ? withOwnFlags(mine, viewer.authorId) : mine.body, personal: true };
}

/**
 * Whether a listing's JSON marks some of the viewer's reactions. Inside a JSON string every quote is
 * escaped, so `"mine":[` occurs only as the property itself.
 */
const marksMine = (json: string) => json.includes('"mine":[');

/** The listing's JSON as the database writes it, or, where placeholders must be added, as the response schema serialises it. */
async function listingJson(ctx: Ctx, thread: string, viewer: Viewer | null, reactor: string | null, q: ThreadQuery, serialize: PageSerializer): Promise<string> {
  const text = await listThreadJson(ctx.database, thread, viewer, reactor, q);
  if (text !== null) return text;
  return serialize(await withReactions(ctx.db, thread, await listThread(ctx.database, thread, viewer, q), reactor));
}

/** Signed-in readers post as themselves; guests only where enabled, and with a name. */
function checkAuthor(ctx: Ctx, viewer: Viewer | null, input: NewComment): void {
  if (viewer) return;
  if (!ctx.config.guests) throw new ApiError(401, 'auth_required', 'Sign in to comment');
  if (!input.author) throw new ApiError(422, 'invalid_input', 'author.name is required for guests', 'author.name');
}

/** What a retry must repeat exactly to be answered from the stored response. */
function postHash(thread: string, input: NewComment): string {
  return createHash('sha256')
    .update(JSON.stringify([thread, input.body, input.parentId ?? null, input.author?.name ?? null, input.author?.email ?? null]))
    .digest('base64url');
}

/** Address first, then reader, in every statement: concurrent upserts then lock rows in one order. */
function postLimits(ctx: Ctx, request: FastifyRequest, viewer: Viewer | null) {
  const limits = [{ key: 'a:' + request.addressHash, max: ctx.config.postLimitPerAddress }];
  if (viewer) limits.push({ key: 'u:' + viewer.authorId, max: ctx.config.postLimitPerUser });
  return limits;
}

function newRow(thread: string, viewer: Viewer | null, input: NewComment, body: string, now: number): CommentTable {
  const id = newId('c_');
  return {
    id, thread, parent_id: null, root_id: id,
    author_id: viewer ? viewer.authorId : newId('g_'),
    author_name: viewer ? viewer.name : input.author!.name.trim(),
    author_picture: viewer?.picture ?? null,
    author_email: viewer ? null : (input.author?.email ?? null),
    guest: viewer ? 0 : 1,
    body, body_hash: rules.bodyHash(body), status: 'published',
    created_at: now, edited_at: null, pending_body: null, pending_edited_at: null,
  };
}

/** A reply goes under its parent, in the parent's tree; the parent must be one the writer may read. */
function placeReply(row: CommentTable, parentId: string | undefined, parent: ParentFacts | undefined, viewer: Viewer | null): void {
  if (!parentId) return;
  if (!parent || !rules.mayReplyTo(parent, row.thread, viewer)) {
    throw new ApiError(422, 'parent_not_found', 'The comment you reply to does not exist in this thread', 'parentId');
  }
  row.parent_id = parent.id;
  row.root_id = parent.root_id;
}

/**
 * Stores the comment, its idempotent answer, its live event (published only) and its webhook (held
 * ones too, text included, so moderators hear of them; not spam) in one transaction. False when a
 * concurrent twin committed first and its answer was sent instead.
 */
async function saveNewComment(
  ctx: Ctx, reply: FastifyReply, write: IdempotentWrite, row: CommentTable & { by_author?: number }, view: object, response: string, notify: NotifyRequest | null,
): Promise<boolean> {
  let eventIds: number[] = [];
  let inboxIds: number[] = [];
  let webhook = false;
  let queued: Queued = { mail: false, due: false };
  const saved = await commitOnce(ctx.db, reply, write, async (trx) => {
    const { by_author: byAuthor, ...stored } = row;
    await store.insertComment(trx, ctx.database.dialect, stored);
    // The site vouches (the signed `authorOf` claim): from now on the thread knows this reader as an author.
    if (byAuthor) await addAuthor(trx, row.thread, row.author_id);
    await storeResponse(trx, write, 201, response, row.created_at);
    if (row.status === 'published') eventIds = [await ctx.events.record(trx, row.thread, 'comment-created', publicView(row))];
    if (row.status === 'pending') inboxIds = [await recordArrival(ctx.events, trx, { kind: 'comment', id: row.id })];
    if (row.status !== 'spam') webhook = await ctx.outbox.enqueue(trx, 'comment.created', { comment: { ...view, own: undefined }, held: row.status !== 'published' });
    // Spam subscribes nobody and notifies nobody.
    if (row.status !== 'spam') queued = await ctx.notifier.onNewComment(trx, stored, notify);
    return true;
  });
  if (saved === null) return false;
  ctx.events.afterCommit(eventIds, row.thread);
  afterInboxCommit(ctx.events, inboxIds);
  // Each wake-up queries its queue: only those with something to send now.
  if (webhook || queued.mail) ctx.outbox.wake();
  if (queued.due) ctx.notifier.wake();
  return true;
}

/**
 * Stores a change only if nobody changed the comment since it was read (a stale write could publish what
 * a moderator meanwhile held, or text they never saw), with its live event, the reply notification of a
 * comment made public by it and, when the change puts the comment before moderators, its arrival in
 * their inbox stream.
 */
async function saveChange(ctx: Ctx, row: CommentTable, next: CommentTable): Promise<void> {
  const { events } = ctx;
  const type = rules.eventForChange(row, next);
  let eventIds: number[] = [];
  let inboxIds: number[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await store.updateIfUnchanged(trx, row, next))) {
      throw new ApiError(409, 'edit_conflict', 'The comment changed in the meantime; load it again and retry');
    }
    if (type) eventIds = [await events.record(trx, row.thread, type, publicView(next))];
    // A reply approved (or otherwise made public) now: its parent's writer hears of it now.
    if (type === 'comment-created') await ctx.notifier.onPublished(trx, next);
    if (rules.nowAwaitsDecision(row, next)) inboxIds = [await recordArrival(events, trx, { kind: 'comment', id: row.id })];
  });
  events.afterCommit(eventIds, row.thread);
  afterInboxCommit(events, inboxIds);
  if (type === 'comment-created') ctx.notifier.wake();
}

/** The comment a signed-in reader asks to change, if they may see it (whether they may change it is checked next). */
async function findForChange(ctx: Ctx, id: string, viewer: Viewer): Promise<CommentTable> {
  const row = await store.findComment(ctx.db, id);
  if (!rules.foundForChange(row, viewer)) throw new ApiError(404, 'not_found', 'No such comment');
  return row;
}

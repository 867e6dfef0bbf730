import { createHash, randomBytes } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommentTable, DB } from './db.js';
import type { Ctx } from './context.js';
import { isModerator, type Viewer } from './auth.js';
import { ApiError } from './errors.js';
import { errorResponses, idParam, threadParam } from './schemas.js';
import { isUniqueViolation, replayStored, storeResponse } from './idempotency.js';
import { clientIdHeader, guestPrincipal } from './privacy.js';

export interface CommentJson {
  id: string;
  thread: string;
  parentId: string | null;
  author: { id: string; name: string; picture?: string; guest: boolean };
  body: string;
  createdAt: string;
  editedAt?: string;
  status: string;
  replyCount?: number;
  own?: boolean;
  editPending?: boolean;
  publishedBody?: string;
}

const REPLIES_PER_PAGE = 1000;

export function newId(prefix: string): string {
  return prefix + randomBytes(12).toString('base64url');
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/**
 * What stands in for a comment the viewer may not read, so replies still thread under it: the id,
 * place and time, nothing the author wrote or is known by. `deleted`: deleted; `held`: awaiting
 * moderation; `removed`: rejected or marked as spam.
 */
function placeholder(row: CommentTable): CommentJson {
  const status = row.status === 'deleted' ? 'deleted' : row.status === 'pending' ? 'held' : 'removed';
  return {
    id: row.id, thread: row.thread, parentId: row.parent_id,
    author: { id: '', name: '', guest: false }, body: '',
    createdAt: iso(row.created_at), status,
  };
}

/**
 * The whole comment, for a viewer allowed to read it (see `viewFor`). Its author and moderators
 * also get an edit awaiting approval: `body` is then the new text, `publishedBody` what the public reads.
 */
export function commentView(row: CommentTable, viewer: Viewer | null): CommentJson {
  if (row.status === 'deleted') return placeholder(row);
  const author: CommentJson['author'] = { id: row.author_id, name: row.author_name, guest: row.guest === 1 };
  if (row.author_picture) author.picture = row.author_picture;
  const c: CommentJson = {
    id: row.id,
    thread: row.thread,
    parentId: row.parent_id,
    author,
    body: row.body,
    createdAt: iso(row.created_at),
    status: row.status,
  };
  if (row.edited_at !== null) c.editedAt = iso(row.edited_at);
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
function mayRead(row: CommentTable, viewer: Viewer | null): boolean {
  if (row.status === 'published' || isModerator(viewer)) return true;
  return row.status === 'pending' && viewer !== null && viewer.authorId === row.author_id;
}

/** What `viewer` sees of a listed comment: all of it, or a placeholder. */
export function viewFor(row: CommentTable, viewer: Viewer | null): CommentJson {
  return mayRead(row, viewer) ? commentView(row, viewer) : placeholder(row);
}

/** What the public (and so live events) may see of a comment. */
export function publicView(row: CommentTable): CommentJson {
  return viewFor(row, null);
}

type CEB = ExpressionBuilder<DB & { c: CommentTable; r: CommentTable }, 'c' | 'r'>;

/** Rows `viewer` may see in a thread: published, their own pending ones, all pending for moderators. */
function visible(eb: CEB, alias: 'c' | 'r', viewer: Viewer | null) {
  const status = eb.ref(`${alias}.status`);
  if (isModerator(viewer)) return eb(status, 'in', ['published', 'pending']);
  if (viewer) {
    return eb.or([
      eb(status, '=', 'published'),
      eb.and([eb(status, '=', 'pending'), eb(eb.ref(`${alias}.author_id`), '=', viewer.authorId)]),
    ]);
  }
  return eb(status, '=', 'published');
}

export function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

/** Accepts only the exact text encodeCursor gives: base64 decoding skips stray characters, so a padded cursor would otherwise pass as a different string. */
export function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string' && encodeCursor(v[0], v[1]) === cursor) {
      return [v[0], v[1]];
    }
  } catch {
    /* fall through */
  }
  throw new ApiError(400, 'invalid_input', 'cursor is not a cursor this server issued', 'cursor');
}

export function etagFor(body: string): string {
  return 'W/"' + createHash('sha1').update(body).digest('base64url') + '"';
}

/**
 * Sends a JSON listing with an ETag; answers 304 to a matching If-None-Match. Anonymous responses
 * are public so a CDN may keep them briefly; personalised ones (with a token) are private.
 */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: string, personal: boolean, maxAge: number) {
  const etag = etagFor(body);
  reply.header('etag', etag);
  reply.header('vary', 'Authorization, Origin');
  reply.header('cache-control', personal ? 'private, no-cache' : `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=${maxAge * 6}`);
  const inm = request.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    return reply.code(304).send();
  }
  return reply.type('application/json; charset=utf-8').send(body);
}

export function countLinks(text: string): number {
  const urls = text.match(/\b(?:https?:\/\/|www\.)/gi)?.length ?? 0;
  const mail = text.match(/\bmailto:/gi)?.length ?? 0;
  return urls + mail;
}

function normaliseBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

function bodyHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').toLowerCase()).digest('base64url');
}

export async function listThread(db: Kysely<DB>, thread: string, viewer: Viewer | null, opts: { sort: 'oldest' | 'newest'; limit: number; cursor?: string }): Promise<CommentPage> {
  const desc = opts.sort === 'newest';
  let q = db
    .selectFrom('comments as c')
    .selectAll('c')
    .where('c.thread', '=', thread)
    .where('c.parent_id', 'is', null)
    .where((eb) =>
      eb.or([
        visible(eb as CEB, 'c', viewer),
        eb.exists(
          eb.selectFrom('comments as r').select('r.id')
            .whereRef('r.root_id', '=', 'c.id').where('r.parent_id', 'is not', null)
            .where((eb2) => visible(eb2 as CEB, 'r', viewer)),
        ),
      ]),
    );
  if (opts.cursor) {
    const [t, id] = decodeCursor(opts.cursor);
    const op = desc ? '<' : '>';
    q = q.where((eb) => eb.or([eb('c.created_at', op, t), eb.and([eb('c.created_at', '=', t), eb('c.id', op, id)])]));
  }
  const top = await q
    .orderBy('c.created_at', desc ? 'desc' : 'asc')
    .orderBy('c.id', desc ? 'desc' : 'asc')
    .limit(opts.limit + 1)
    .execute();
  const more = top.length > opts.limit;
  if (more) top.pop();
  const replies = top.length
    ? await db
        .selectFrom('comments as r')
        .selectAll('r')
        .where('r.root_id', 'in', top.map((c) => c.id))
        .where('r.parent_id', 'is not', null)
        .where((eb) => visible(eb as CEB, 'r', viewer))
        .orderBy('r.created_at', 'asc')
        .orderBy('r.id', 'asc')
        .limit(REPLIES_PER_PAGE)
        .execute()
    : [];
  const hidden = await hiddenParents(db, top, replies);
  const totalRow = await db
    .selectFrom('comments as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.thread', '=', thread)
    .where((eb) => visible(eb as CEB, 'c', viewer))
    .executeTakeFirstOrThrow();
  const replyCounts = new Map<string, number>();
  for (const r of replies) replyCounts.set(r.root_id, (replyCounts.get(r.root_id) ?? 0) + 1);
  const comments: CommentJson[] = top.map((row) => ({ ...viewFor(row, viewer), replyCount: replyCounts.get(row.id) ?? 0 }));
  const below = hidden.length ? [...replies, ...hidden].sort((a, b) => Number(a.created_at) - Number(b.created_at) || (a.id < b.id ? -1 : 1)) : replies;
  for (const r of below) comments.push(viewFor(r, viewer));
  const last = top[top.length - 1];
  return {
    comments,
    total: Number(totalRow.n),
    nextCursor: more && last ? encodeCursor(Number(last.created_at), last.id) : null,
  };
}

/**
 * The parents of listed replies that are not listed themselves, up to the top: replies the viewer may
 * not read (held, removed, deleted) come out as placeholders, so the replies below keep their place.
 */
async function hiddenParents(db: Kysely<DB>, top: CommentTable[], replies: CommentTable[]): Promise<CommentTable[]> {
  const known = new Set([...top, ...replies].map((r) => r.id));
  const hidden: CommentTable[] = [];
  let missing = replies;
  for (;;) {
    const ids = [...new Set(missing.map((r) => r.parent_id!).filter((id) => !known.has(id)))];
    if (!ids.length) return hidden;
    missing = await db.selectFrom('comments').selectAll().where('id', 'in', ids).execute();
    for (const r of missing) known.add(r.id);
    hidden.push(...missing);
  }
}

export interface CommentPage {
  comments: CommentJson[];
  total: number;
  nextCursor: string | null;
}

export interface CachedPage {
  page: CommentPage;
  body: string;
}

interface PostBody {
  body: string;
  parentId?: string;
  author?: { name: string; email?: string };
  website?: string;
  formStartedAt?: number;
}

export function registerComments(app: FastifyInstance, ctx: Ctx) {
  const { config, db, auth, events, outbox } = ctx;

  const listQuery = {
    type: 'object',
    properties: {
      sort: { type: 'string', enum: ['oldest', 'newest'], default: 'oldest' },
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
      cursor: { type: 'string', maxLength: 200 },
    },
  } as const;

  app.get('/v1/threads/:thread/comments', {
    schema: {
      tags: ['comments'],
      summary: 'A page of a thread\'s comments with their replies',
      description:
        'A reader sees published comments, their own pending ones (and their own edits awaiting approval, `editPending`); moderators see all pending ones. ' +
        'A comment the viewer may not read is listed only while it has listed replies, as a placeholder with no body and no author: ' +
        'status `held` (awaiting moderation), `removed` (rejected or spam) or `deleted`; moderators get rejected and spam ones in full instead. ' +
        'Carries ETag and Cache-Control; answers 304 to If-None-Match.',
      params: threadParam,
      querystring: listQuery,
      response: { 200: { $ref: 'CommentPage#' }, ...errorResponses },
      security: [{ bearer: [] }, {}],
    },
  }, async (request, reply) => {
    const viewer = await auth.viewer(request);
    const { thread } = request.params as { thread: string };
    const q = request.query as { sort: 'oldest' | 'newest'; limit: number; cursor?: string };
    const fresh = async () => sendCacheable(request, reply, JSON.stringify(await listThread(db, thread, viewer, q)), true, config.cdnMaxAge);
    // Moderators, and readers with pending comments or edits here, see more than the public: no shared cache.
    if (isModerator(viewer)) return fresh();
    if (viewer) {
      const pending = await db.selectFrom('comments').select('id')
        .where('author_id', '=', viewer.authorId).where('thread', '=', thread)
        .where((eb) => eb.or([eb('status', '=', 'pending'), eb('pending_body', 'is not', null)]))
        .limit(1).executeTakeFirst();
      if (pending) return fresh();
    }
    // From the decoded request, in a form where no thread name or cursor can pass for another.
    const key = JSON.stringify([thread, q.sort, q.limit, ...(q.cursor ? decodeCursor(q.cursor) : [])]);
    let cached = ctx.listingCache.get(key);
    if (cached === undefined) {
      const generation = ctx.listingCache.generation(thread);
      const page = await listThread(db, thread, null, q);
      cached = { page, body: JSON.stringify(page) };
      ctx.listingCache.set(thread, key, cached, generation);
    }
    if (!viewer) return sendCacheable(request, reply, cached.body, false, config.cdnMaxAge);
    const { page } = cached;
    const mine = page.comments.some((c) => c.author.id === viewer.authorId);
    const body = mine
      ? JSON.stringify({ ...page, comments: page.comments.map((c) => (c.author.id === viewer.authorId ? { ...c, own: true } : c)) })
      : cached.body;
    return sendCacheable(request, reply, body, true, config.cdnMaxAge);
  });

  app.get('/v1/comments/:id', {
    schema: {
      tags: ['comments'],
      summary: 'One comment',
      params: idParam,
      response: { 200: { $ref: 'Comment#' }, ...errorResponses },
      security: [{ bearer: [] }, {}],
    },
  }, async (request) => {
    const viewer = await auth.viewer(request);
    const { id } = request.params as { id: string };
    const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !mayRead(row, viewer)) throw new ApiError(404, 'not_found', 'No such comment');
    return commentView(row, viewer);
  });

  app.post('/v1/threads/:thread/comments', {
    schema: {
      tags: ['comments'],
      summary: 'Post a comment or a reply',
      description:
        'Signed-in readers send a bearer token; guests (when enabled) send `author.name` and optionally `author.email` (stored, never returned). ' +
        '`website` is a honeypot that must stay empty; `formStartedAt` (ms since epoch when the form was shown) enables the minimum-time check. ' +
        'Send an `Idempotency-Key` header so a retried post never creates a second comment; a replay answers with the first response and `Idempotency-Replayed: true`. ' +
        'Guests\' keys are kept per `Inkwell-Client` id (a random id the browser keeps), else per client address.',
      params: threadParam,
      headers: {
        type: 'object',
        properties: {
          'idempotency-key': { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' },
          'inkwell-client': clientIdHeader,
        },
      },
      body: {
        type: 'object',
        required: ['body'],
        additionalProperties: false,
        properties: {
          body: { type: 'string', minLength: 1, maxLength: config.maxCommentLength, pattern: '\\S' },
          parentId: { type: 'string', minLength: 1, maxLength: 64 },
          author: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S' },
              email: { type: 'string', maxLength: 254, format: 'email' },
            },
          },
          website: { type: 'string', maxLength: 2048 },
          formStartedAt: { type: 'integer', minimum: 0 },
        },
      },
      response: { 201: { $ref: 'Comment#' }, 409: { $ref: 'Error#' }, ...errorResponses },
      security: [{ bearer: [] }, {}],
    },
  }, async (request, reply) => {
    const viewer = await auth.viewer(request);
    const { thread } = request.params as { thread: string };
    const input = request.body as PostBody;
    const now = Date.now();

    if (!viewer) {
      if (!config.guests) throw new ApiError(401, 'auth_required', 'Sign in to comment');
      if (!input.author) throw new ApiError(422, 'invalid_input', 'author.name is required for guests', 'author.name');
    }
    const principal = viewer ? viewer.authorId : guestPrincipal(request, ctx.addresses);
    const key = request.headers['idempotency-key'] as string | undefined;
    const requestHash = createHash('sha256')
      .update(JSON.stringify([thread, input.body, input.parentId ?? null, input.author?.name ?? null, input.author?.email ?? null]))
      .digest('base64url');

    const write = { principal, key, requestHash };
    if (await replayStored(db, reply, write)) return reply;

    // Address first, then reader, in every statement: concurrent upserts then lock rows in one order.
    const limits = [{ key: 'a:' + request.addressHash, max: config.postLimitPerAddress }];
    if (viewer) limits.push({ key: 'u:' + viewer.authorId, max: config.postLimitPerUser });
    const retryAfter = await ctx.postLimiter.hit(limits, now);
    if (retryAfter) {
      reply.header('retry-after', String(retryAfter));
      throw new ApiError(429, 'rate_limited', `Too many comments; try again in ${retryAfter} s`);
    }

    const honeypot = typeof input.website === 'string' && input.website.trim() !== '';
    if (input.formStartedAt !== undefined && config.minSubmitSeconds > 0) {
      const elapsed = now - input.formStartedAt;
      if (elapsed < config.minSubmitSeconds * 1000) {
        throw new ApiError(422, 'too_fast', `Please take at least ${config.minSubmitSeconds} seconds to write a comment`, 'formStartedAt');
      }
    }
    const body = normaliseBody(input.body);
    if (countLinks(body) > config.maxLinks) {
      throw new ApiError(422, 'too_many_links', `A comment may contain at most ${config.maxLinks} links`, 'body');
    }

    let parent: CommentTable | undefined;
    if (input.parentId) {
      parent = await db.selectFrom('comments').selectAll().where('id', '=', input.parentId).executeTakeFirst();
      const ok = parent && parent.thread === thread &&
        (parent.status === 'published' || (parent.status === 'pending' && (isModerator(viewer) || parent.author_id === viewer?.authorId)));
      if (!ok) throw new ApiError(422, 'parent_not_found', 'The comment you reply to does not exist in this thread', 'parentId');
    }

    const hash = bodyHash(body);
    const authorName = viewer ? viewer.name : input.author!.name.trim();
    let dupQuery = db.selectFrom('comments').select('id')
      .where('thread', '=', thread).where('body_hash', '=', hash).where('status', '!=', 'deleted');
    dupQuery = viewer
      ? dupQuery.where('author_id', '=', viewer.authorId)
      : dupQuery.where('guest', '=', 1).where('author_name', '=', authorName);
    if (await dupQuery.executeTakeFirst()) {
      // A concurrent retry with the same key may have committed since the check above.
      if (await replayStored(db, reply, write)) return reply;
      throw new ApiError(409, 'duplicate', 'You already posted this comment here', 'body');
    }

    const id = newId('c_');
    const row: CommentTable = {
      id,
      thread,
      parent_id: parent ? parent.id : null,
      root_id: parent ? parent.root_id : id,
      author_id: viewer ? viewer.authorId : newId('g_'),
      author_name: authorName,
      author_picture: viewer?.picture ?? null,
      author_email: viewer ? null : (input.author?.email ?? null),
      guest: viewer ? 0 : 1,
      body,
      body_hash: hash,
      status: honeypot ? 'spam' : config.moderation === 'pre' && !isModerator(viewer) ? 'pending' : 'published',
      created_at: now,
      edited_at: null,
      pending_body: null,
      pending_edited_at: null,
    };
    const view = commentView(row, viewer);
    if (!viewer) view.own = true;
    const response = JSON.stringify(view);
    let eventIds: number[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('comments').values(row).execute();
        await storeResponse(trx, write, 201, response, now);
        if (row.status === 'published') eventIds = [await events.record(trx, thread, 'comment-created', publicView(row))];
        // Held comments are sent too, text included, so moderators hear of them; `held` says not to publish it.
        if (row.status !== 'spam') await outbox.enqueue(trx, 'comment.created', { comment: { ...view, own: undefined }, held: row.status !== 'published' });
      });
    } catch (err) {
      // A concurrent request with the same Idempotency-Key committed first.
      if (key && isUniqueViolation(err) && (await replayStored(db, reply, write))) return reply;
      throw err;
    }
    events.afterCommit(eventIds, thread);
    outbox.wake();
    reply.code(201).header('location', `/v1/comments/${id}`).type('application/json; charset=utf-8');
    return reply.send(response);
  });

  app.patch('/v1/comments/:id', {
    schema: {
      tags: ['comments'],
      summary: 'Edit one\'s own comment, or moderate any comment',
      description:
        'Authors may change `body` within the edit window (INKWELL_EDIT_WINDOW). With pre-moderation, an author\'s edit of a published comment ' +
        'waits for approval: the public keeps reading the approved text, the author and moderators get the new text as `body` with ' +
        '`editPending: true` and `publishedBody`. Moderators may change `body` (published at once) and `status` (approve: `published`, ' +
        'which also publishes a pending edit; reject: `rejected`, which on a published comment with a pending edit drops only the edit; ' +
        'mark spam: `spam`; hold: `pending`).',
      params: idParam,
      body: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          body: { type: 'string', minLength: 1, maxLength: config.maxCommentLength, pattern: '\\S' },
          status: { type: 'string', enum: ['published', 'pending', 'rejected', 'spam'] },
        },
      },
      response: { 200: { $ref: 'Comment#' }, 409: { $ref: 'Error#' }, ...errorResponses },
      security: [{ bearer: [] }],
    },
  }, async (request) => {
    const viewer = await auth.viewer(request);
    if (!viewer) throw new ApiError(401, 'auth_required', 'Sign in to edit comments');
    const { id } = request.params as { id: string };
    const input = request.body as { body?: string; status?: string };
    const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    const mod = isModerator(viewer);
    const own = row?.author_id === viewer.authorId;
    if (!row || row.status === 'deleted' || (!mod && !own && row.status !== 'published')) {
      throw new ApiError(404, 'not_found', 'No such comment');
    }
    if (input.status !== undefined && !mod) throw new ApiError(403, 'forbidden', 'Only moderators change a comment\'s status', 'status');
    if (!mod && !own) throw new ApiError(403, 'not_your_comment', 'You can only edit your own comments');
    const now = Date.now();
    const next: CommentTable = { ...row };
    if (input.body !== undefined) {
      if (!mod && now - Number(row.created_at) > config.editWindowSeconds * 1000) {
        throw new ApiError(403, 'edit_window_closed', `Comments can be edited for ${config.editWindowSeconds} seconds after posting`, 'body');
      }
      const body = normaliseBody(input.body);
      if (countLinks(body) > config.maxLinks) {
        throw new ApiError(422, 'too_many_links', `A comment may contain at most ${config.maxLinks} links`, 'body');
      }
      if (!mod && config.moderation === 'pre' && row.status === 'published') {
        // The public keeps reading the approved text until a moderator approves the edit; an edit
        // back to the approved text withdraws it.
        const edited = body !== row.body;
        next.pending_body = edited ? body : null;
        next.pending_edited_at = edited ? now : null;
      } else {
        if (body !== row.body) {
          next.body = body;
          next.body_hash = bodyHash(body);
          next.edited_at = now;
        }
        next.pending_body = null;
        next.pending_edited_at = null;
      }
    }
    if (input.status === 'published' && next.pending_body !== null) {
      next.body = next.pending_body;
      next.body_hash = bodyHash(next.pending_body);
      next.edited_at = next.pending_edited_at;
      next.pending_body = null;
      next.pending_edited_at = null;
    }
    if (input.status === 'rejected' && row.status === 'published' && next.pending_body !== null) {
      // Rejecting a published comment's edit drops the edit; the approved text stays published.
      next.pending_body = null;
      next.pending_edited_at = null;
    } else if (input.status !== undefined) {
      next.status = input.status;
    }
    const wasPublic = row.status === 'published';
    const isPublic = next.status === 'published';
    let eventIds: number[] = [];
    await db.transaction().execute(async (trx) => {
      // Only if nobody changed it since it was read: a stale write could publish what a moderator
      // meanwhile held, or text they never saw.
      const updated = await trx.updateTable('comments')
        .set({
          body: next.body, body_hash: next.body_hash, edited_at: next.edited_at, status: next.status,
          pending_body: next.pending_body, pending_edited_at: next.pending_edited_at,
        })
        .where('id', '=', id).where('status', '=', row.status).where('body', '=', row.body)
        .where((eb) => (row.pending_body === null ? eb('pending_body', 'is', null) : eb('pending_body', '=', row.pending_body)))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new ApiError(409, 'edit_conflict', 'The comment changed in the meantime; load it again and retry');
      }
      const changed = next.body !== row.body || next.status !== row.status;
      if (changed && (wasPublic || isPublic)) {
        const type = isPublic ? (wasPublic ? 'comment-updated' : 'comment-created') : 'comment-deleted';
        eventIds = [await events.record(trx, row.thread, type, publicView(next))];
      }
    });
    events.afterCommit(eventIds, row.thread);
    return commentView(next, viewer);
  });

  app.delete('/v1/comments/:id', {
    schema: {
      tags: ['comments'],
      summary: 'Delete one\'s own comment (moderators: any comment)',
      description: 'The text (an edit awaiting approval included) and guest e-mail are erased; a deleted comment with visible replies stays as a tombstone.',
      params: idParam,
      response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      security: [{ bearer: [] }],
    },
  }, async (request, reply) => {
    const viewer = await auth.viewer(request);
    if (!viewer) throw new ApiError(401, 'auth_required', 'Sign in to delete comments');
    const { id } = request.params as { id: string };
    const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    const mod = isModerator(viewer);
    const own = row?.author_id === viewer.authorId;
    if (!row || row.status === 'deleted' || (!mod && !own && row.status !== 'published')) {
      throw new ApiError(404, 'not_found', 'No such comment');
    }
    if (!mod && !own) throw new ApiError(403, 'not_your_comment', 'You can only delete your own comments');
    let eventIds: number[] = [];
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('comments')
        .set({ status: 'deleted', body: '', author_email: null, edited_at: Date.now(), pending_body: null, pending_edited_at: null })
        .where('id', '=', id).execute();
      if (row.status === 'published') {
        eventIds = [await events.record(trx, row.thread, 'comment-deleted', publicView({ ...row, status: 'deleted' }))];
      }
    });
    events.afterCommit(eventIds, row.thread);
    return reply.code(204).send();
  });

  app.get('/v1/comments', {
    schema: {
      tags: ['moderation'],
      summary: 'Moderators: comments across threads by status (the moderation inbox)',
      description:
        '`status=pending` lists what awaits a decision: held comments and published comments with an edit awaiting approval ' +
        '(`editPending: true`; `body` is the new text, `publishedBody` what the public reads).',
      querystring: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['pending', 'published', 'rejected', 'spam'], default: 'pending' },
          thread: { type: 'string', minLength: 1, maxLength: 256 },
          sort: { type: 'string', enum: ['oldest', 'newest'], default: 'newest' },
          limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
          cursor: { type: 'string', maxLength: 200 },
        },
      },
      response: { 200: { $ref: 'CommentPage#' }, ...errorResponses },
      security: [{ bearer: [] }],
    },
  }, async (request) => {
    const viewer = await auth.viewer(request);
    if (!viewer) throw new ApiError(401, 'auth_required', 'Sign in as a moderator');
    if (!isModerator(viewer)) throw new ApiError(403, 'forbidden', 'Moderators only');
    const q = request.query as { status: string; thread?: string; sort: string; limit: number; cursor?: string };
    const desc = q.sort === 'newest';
    let base = db.selectFrom('comments').where((eb) => q.status === 'pending'
      ? eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'published'), eb('pending_edited_at', 'is not', null)])])
      : eb('status', '=', q.status));
    if (q.thread) base = base.where('thread', '=', q.thread);
    let pageQ = base.selectAll();
    if (q.cursor) {
      const [t, cid] = decodeCursor(q.cursor);
      const op = desc ? '<' : '>';
      pageQ = pageQ.where((eb) => eb.or([eb('created_at', op, t), eb.and([eb('created_at', '=', t), eb('id', op, cid)])]));
    }
    const rows = await pageQ.orderBy('created_at', desc ? 'desc' : 'asc').orderBy('id', desc ? 'desc' : 'asc').limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    if (more) rows.pop();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const last = rows[rows.length - 1];
    return {
      comments: rows.map((r) => commentView(r, viewer)),
      total: Number(total.n),
      nextCursor: more && last ? encodeCursor(Number(last.created_at), last.id) : null,
    };
  });

  app.get('/v1/counts', {
    schema: {
      tags: ['comments'],
      summary: 'Published comment counts (replies included) for many threads at once',
      description: 'What an anonymous reader is shown: the `total` of an anonymous listing. Held, removed and deleted comments are not counted, placeholders included.',
      querystring: {
        type: 'object',
        required: ['thread'],
        properties: {
          thread: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 256 } },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['counts'],
          properties: { counts: { type: 'object', additionalProperties: { type: 'integer' } } },
        },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const threads = [...new Set((request.query as { thread: string[] }).thread)];
    const rows = await db.selectFrom('comments')
      .select(['thread', (eb) => eb.fn.countAll<number>().as('n')])
      .where('thread', 'in', threads).where('status', '=', 'published')
      .groupBy('thread').execute();
    const counts: Record<string, number> = Object.create(null);
    for (const t of threads) counts[t] = 0;
    for (const r of rows) counts[r.thread] = Number(r.n);
    return sendCacheable(request, reply, JSON.stringify({ counts: { ...counts } }), false, config.cdnMaxAge);
  });

}

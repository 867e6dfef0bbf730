import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { TypoReportTable } from './db.js';
import type { Ctx } from './context.js';
import { isModerator } from './auth.js';
import { ApiError } from './errors.js';
import { decodeCursor, encodeCursor, newId } from './comments.js';
import { errorResponses, idParam } from './schemas.js';
import { isUniqueViolation, replayStored, storeResponse } from './idempotency.js';
import { clientIdHeader, guestPrincipal } from './privacy.js';

function reportView(r: TypoReportTable) {
  const v: Record<string, unknown> = {
    id: r.id, url: r.url, selection: r.selection, prefix: r.prefix, suffix: r.suffix, fragment: r.fragment,
    status: r.status, count: Number(r.count),
    createdAt: new Date(Number(r.created_at)).toISOString(), updatedAt: new Date(Number(r.updated_at)).toISOString(),
  };
  for (const [k, col] of [['title', 'title'], ['lang', 'lang'], ['suggestion', 'suggestion'], ['comment', 'comment'], ['modifiedAt', 'modified_at']] as const) {
    if (r[col] !== null) v[k] = r[col];
  }
  return v;
}

interface ReportInput {
  url: string; title?: string; lang?: string; selection: string; prefix: string; suffix: string;
  fragment: string; suggestion?: string; comment?: string; modifiedAt?: string; website?: string;
}

export function registerTypos(app: FastifyInstance, ctx: Ctx) {
  const { config, db, auth, outbox } = ctx;
  const httpUrl = { type: 'string', minLength: 8, maxLength: 2048, pattern: '^https?://' } as const;

  app.post('/v1/typo-reports', {
    schema: {
      tags: ['typo-reports'],
      summary: 'Report a typo (no sign-in needed)',
      description:
        'Identical reports for the same page (same URL without its #fragment, selection, context and suggestion) are merged: ' +
        'the answer is 200 with the existing report\'s id and its raised `count` instead of 201. `website` is a honeypot that must stay empty. ' +
        'With an `Idempotency-Key` header a retry answers the first response again instead of counting twice.',
      headers: {
        type: 'object',
        properties: {
          'idempotency-key': { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' },
          'inkwell-client': clientIdHeader,
        },
      },
      body: {
        type: 'object',
        required: ['url', 'selection', 'prefix', 'suffix', 'fragment'],
        additionalProperties: false,
        properties: {
          url: httpUrl,
          title: { type: 'string', maxLength: 300 },
          lang: { type: 'string', maxLength: 35 },
          selection: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
          prefix: { type: 'string', maxLength: 300 },
          suffix: { type: 'string', maxLength: 300 },
          fragment: { type: 'string', minLength: 8, maxLength: 4096, pattern: '^https?://' },
          suggestion: { type: 'string', maxLength: 500 },
          comment: { type: 'string', maxLength: 1000 },
          modifiedAt: { type: 'string', maxLength: 64 },
          website: { type: 'string', maxLength: 2048 },
        },
      },
      response: {
        200: { $ref: 'TypoReceipt#' },
        201: { $ref: 'TypoReceipt#' },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const input = request.body as ReportInput;
    const retryAfter = await ctx.postLimiter.hit([{ key: 't:' + request.addressHash, max: config.postLimitPerAddress }]);
    if (retryAfter) {
      reply.header('retry-after', String(retryAfter));
      throw new ApiError(429, 'rate_limited', `Too many reports; try again in ${retryAfter} s`);
    }
    if (input.website && input.website.trim() !== '') {
      throw new ApiError(422, 'spam_detected', 'The report looks automated', 'website');
    }
    const url = input.url.split('#')[0]!;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([url, input.selection, input.prefix, input.suffix, input.suggestion ?? '']))
      .digest('base64url');
    const now = Date.now();
    const row: TypoReportTable = {
      id: newId('t_'), fingerprint, url, title: input.title ?? null, lang: input.lang ?? null,
      selection: input.selection, prefix: input.prefix, suffix: input.suffix, fragment: input.fragment,
      suggestion: input.suggestion ?? null, comment: input.comment ?? null, modified_at: input.modifiedAt ?? null,
      status: 'open', count: 1, created_at: now, updated_at: now,
    };
    // A retried report (same Idempotency-Key) answers the first response instead of raising the count.
    const key = request.headers['idempotency-key'] as string | undefined;
    const principal = 'typo:' + guestPrincipal(request, ctx.addresses);
    const requestHash = fingerprint;
    const write = { principal, key, requestHash };
    if (await replayStored(db, reply, write)) return reply;
    let receipt: { id: string; status: string; count: number; merged: boolean };
    try {
      receipt = await db.transaction().execute(async (trx) => {
        const saved = await trx.insertInto('typo_reports').values(row)
          .onConflict((oc) => oc.column('fingerprint').doUpdateSet({
            count: sql<number>`typo_reports.count + 1`,
            updated_at: now,
          }))
          .returningAll()
          .executeTakeFirstOrThrow();
        const merged = saved.id !== row.id;
        const receipt = { id: saved.id, status: saved.status, count: Number(saved.count), merged };
        await storeResponse(trx, write, merged ? 200 : 201, JSON.stringify(receipt), now);
        if (!merged) await outbox.enqueue(trx, 'typo-report.created', { report: reportView(saved) });
        return receipt;
      });
    } catch (err) {
      if (key && isUniqueViolation(err) && (await replayStored(db, reply, write))) return reply;
      throw err;
    }
    if (!receipt.merged) outbox.wake();
    reply.code(receipt.merged ? 200 : 201);
    return receipt;
  });

  app.get('/v1/typo-reports', {
    schema: {
      tags: ['typo-reports', 'moderation'],
      summary: 'Moderators: typo reports, newest first',
      querystring: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['open', 'fixed', 'dismissed', 'all'], default: 'open' },
          url: { type: 'string', maxLength: 2048 },
          limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
          cursor: { type: 'string', maxLength: 200 },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['reports', 'total', 'nextCursor'],
          properties: {
            reports: { type: 'array', items: { $ref: 'TypoReport#' } },
            total: { type: 'integer' },
            nextCursor: { type: ['string', 'null'] },
          },
        },
        ...errorResponses,
      },
      security: [{ bearer: [] }],
    },
  }, async (request) => {
    const viewer = await auth.viewer(request);
    if (!viewer) throw new ApiError(401, 'auth_required', 'Sign in as a moderator');
    if (!isModerator(viewer)) throw new ApiError(403, 'forbidden', 'Moderators only');
    const q = request.query as { status: string; url?: string; limit: number; cursor?: string };
    let base = db.selectFrom('typo_reports');
    if (q.status !== 'all') base = base.where('status', '=', q.status);
    if (q.url) base = base.where('url', '=', q.url.split('#')[0]!);
    let pageQ = base.selectAll();
    if (q.cursor) {
      const [t, id] = decodeCursor(q.cursor);
      pageQ = pageQ.where((eb) => eb.or([eb('created_at', '<', t), eb.and([eb('created_at', '=', t), eb('id', '<', id)])]));
    }
    const rows = await pageQ.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    if (more) rows.pop();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const last = rows[rows.length - 1];
    return {
      reports: rows.map(reportView),
      total: Number(total.n),
      nextCursor: more && last ? encodeCursor(Number(last.created_at), last.id) : null,
    };
  });

  app.patch('/v1/typo-reports/:id', {
    schema: {
      tags: ['typo-reports', 'moderation'],
      summary: 'Moderators: mark a typo report fixed, dismissed or open again',
      params: idParam,
      body: {
        type: 'object',
        required: ['status'],
        additionalProperties: false,
        properties: { status: { type: 'string', enum: ['open', 'fixed', 'dismissed'] } },
      },
      response: { 200: { $ref: 'TypoReport#' }, ...errorResponses },
      security: [{ bearer: [] }],
    },
  }, async (request) => {
    const viewer = await auth.viewer(request);
    if (!viewer) throw new ApiError(401, 'auth_required', 'Sign in as a moderator');
    if (!isModerator(viewer)) throw new ApiError(403, 'forbidden', 'Moderators only');
    const { id } = request.params as { id: string };
    const { status } = request.body as { status: string };
    const row = await db.updateTable('typo_reports').set({ status, updated_at: Date.now() })
      .where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw new ApiError(404, 'not_found', 'No such typo report');
    return reportView(row);
  });
}

export const typoReceiptSchema = {
  $id: 'TypoReceipt',
  type: 'object',
  required: ['id', 'status', 'count', 'merged'],
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['open', 'fixed', 'dismissed'] },
    count: { type: 'integer' },
    merged: { type: 'boolean', description: 'True when an identical report already existed.' },
  },
} as const;

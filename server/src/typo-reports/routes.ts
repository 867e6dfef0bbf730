/** The typo-report routes: anyone reports, moderators list and decide. */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TypoReportTable } from '../db.js';
import { ApiError } from '../http/errors.js';
import { commitOnce, idempotentWrite, replayStored, storeResponse } from '../http/idempotency.js';
import { enforcePostLimits } from '../http/post-limits.js';
import { guards } from '../http/viewer.js';
import { guestPrincipal } from '../privacy.js';
import { newId } from '../ids.js';
import { afterInboxCommit, recordArrival } from '../events/inbox.js';
import * as store from './store.js';
import { reportView } from './views.js';
import { changeReportRoute, listReportsRoute, postReportRoute, type NewReport, type ReportQuery, type TypoReceipt } from './schemas.js';

export const typoReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.inkwell;
  const { config, db, outbox } = ctx;
  const guard = guards(ctx.auth);

  app.post('/typo-reports', { schema: postReportRoute }, async (request, reply) => {
    const input = request.body;
    await enforcePostLimits(ctx.postLimiter, reply, [{ key: 't:' + request.addressHash, max: config.postLimitPerAddress }], 'reports');
    if (input.website && input.website.trim() !== '') throw new ApiError(422, 'spam_detected', 'The report looks automated', 'website');
    const row = newReport(input, Date.now());
    // A retried report (same Idempotency-Key) answers the first response instead of raising the count.
    const write = idempotentWrite(request, 'typo:' + guestPrincipal(request, ctx.addresses), row.fingerprint);
    if (await replayStored(db, reply, write)) return reply;
    let inboxIds: number[] = [];
    const receipt = await commitOnce(db, reply, write, async (trx) => {
      const saved = await store.insertOrCount(trx, row);
      const merged = saved.id !== row.id;
      const receipt: TypoReceipt = { id: saved.id, status: saved.status as TypoReceipt['status'], count: Number(saved.count), merged };
      await storeResponse(trx, write, merged ? 200 : 201, JSON.stringify(receipt), row.created_at);
      if (!merged) await outbox.enqueue(trx, 'typo-report.created', { report: reportView(saved) });
      if (!merged) await ctx.notifier.onTypoReport(trx, saved.id);
      inboxIds = [await recordArrival(ctx.events, trx, { kind: 'typo-report', id: saved.id })];
      return receipt;
    });
    if (receipt === null) return reply;
    afterInboxCommit(ctx.events, inboxIds);
    if (!receipt.merged) {
      outbox.wake();
      ctx.notifier.wake();
    }
    return reply.code(receipt.merged ? 200 : 201).send(receipt);
  });

  app.get('/typo-reports', { schema: listReportsRoute, preHandler: guard.requireModerator }, async (request) => {
    const { rows, total, nextCursor } = await store.listReports(db, request.query as ReportQuery);
    return { reports: rows.map(reportView), total, nextCursor };
  });

  app.patch('/typo-reports/:id', { schema: changeReportRoute, preHandler: guard.requireModerator }, async (request) => {
    const row = await store.setStatus(db, request.params.id, request.body.status, Date.now());
    if (!row) throw new ApiError(404, 'not_found', 'No such typo report');
    return reportView(row);
  });
};

/** Identical reports of one page (its URL without #fragment) share a fingerprint and are counted, not repeated. */
function newReport(input: NewReport, now: number): TypoReportTable {
  const url = input.url.split('#')[0]!;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([url, input.selection, input.prefix, input.suffix, input.suggestion ?? '']))
    .digest('base64url');
  return {
    id: newId('t_'), fingerprint, url, title: input.title ?? null, lang: input.lang ?? null,
    selection: input.selection, prefix: input.prefix, suffix: input.suffix, fragment: input.fragment,
    suggestion: input.suggestion ?? null, comment: input.comment ?? null, modified_at: input.modifiedAt ?? null,
    status: 'open', count: 1, created_at: now, updated_at: now,
  };
}

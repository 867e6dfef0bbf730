/** The ban routes (moderators only): ban a reader, optionally hiding their comments; lift the ban. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Ctx } from '../context.js';
import type { CommentTable, DB } from '../db.js';
import type { Transaction } from 'kysely';
import { guards } from '../http/viewer.js';
import { publicView } from '../comments/views.js';
import * as store from './store.js';
import { banRoute, listBansRoute, unbanRoute } from './schemas.js';

export const banRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.inkwell;
  const { requireModerator } = guards(ctx.auth);

  app.get('/bans', { schema: listBansRoute, preHandler: requireModerator }, async () => ({ bans: await store.listBans(ctx.db) }));

  app.put('/bans/:readerId', { schema: banRoute, preHandler: requireModerator }, async (request) => {
    const hide = request.body?.hideComments === true;
    const { result, events } = await inTransaction(ctx, (trx) => store.ban(trx, request.params.readerId, hide, Date.now()),
      (r) => r.hidden.map((row) => ({ row: { ...row, status: 'hidden' }, type: 'comment-deleted' as const })));
    ctx.events.afterCommitAll(events);
    return result.ban;
  });

  app.delete('/bans/:readerId', { schema: unbanRoute, preHandler: requireModerator }, async (request, reply) => {
    const { events } = await inTransaction(ctx, (trx) => store.unban(trx, request.params.readerId),
      (rows) => rows.map((row) => ({ row: { ...row, status: 'published' }, type: 'comment-created' as const })));
    ctx.events.afterCommitAll(events);
    return reply.code(204).send(null);
  });
};

interface Change {
  row: CommentTable;
  type: 'comment-created' | 'comment-deleted';
}

/**
 * Runs `work` and records, in the same transaction, the live event of each comment it hid or brought
 * back, so listings everywhere (their caches, open pages) follow.
 */
async function inTransaction<T>(ctx: Ctx, work: (trx: Transaction<DB>) => Promise<T>, changes: (result: T) => Change[]) {
  const events: Array<{ thread: string; id: number }> = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    const r = await work(trx);
    for (const { row, type } of changes(r)) events.push({ thread: row.thread, id: await ctx.events.record(trx, row.thread, type, publicView(row)) });
    return r;
  });
  return { result, events };
}

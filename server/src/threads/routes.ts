/** Pin and unpin a comment, set a thread's authors: moderators only, each sent live. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Ctx } from '../context.js';
import type { DB } from '../db.js';
import type { Transaction } from 'kysely';
import { ApiError } from '../http/errors.js';
import { guards } from '../http/viewer.js';
import { findComment } from '../comments/store.js';
import * as store from './store.js';
import { pinRoute, setAuthorsRoute, unpinRoute } from './schemas.js';

export const threadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.inkwell;
  const { requireModerator } = guards(ctx.auth);

  app.put('/comments/:id/pin', { schema: pinRoute, preHandler: requireModerator }, async (request) => {
    const comment = await findComment(ctx.db, request.params.id);
    if (!comment) throw new ApiError(404, 'not_found', 'No such comment');
    if (comment.status !== 'published' || comment.parent_id !== null) {
      throw new ApiError(422, 'not_pinnable', 'Only a published top-level comment can be pinned');
    }
    const answer = { thread: comment.thread, commentId: comment.id };
    await changeLive(ctx, comment.thread, 'pin-changed', answer, (trx) => store.pin(trx, comment.thread, comment.id, Date.now()));
    return answer;
  });

  app.delete('/comments/:id/pin', { schema: unpinRoute, preHandler: requireModerator }, async (request) => {
    const comment = await findComment(ctx.db, request.params.id);
    if (!comment) throw new ApiError(404, 'not_found', 'No such comment');
    const answer = { thread: comment.thread, commentId: null as string | null };
    const unpinned = await changeLive(ctx, comment.thread, 'pin-changed', answer, (trx) => store.unpin(trx, comment.thread, comment.id));
    if (!unpinned) answer.commentId = await store.pinOf(ctx.db, comment.thread);
    return answer;
  });

  app.put('/threads/:thread/authors', { schema: setAuthorsRoute, preHandler: requireModerator }, async (request) => {
    const { thread } = request.params;
    const authors = [...new Set(request.body.authors)];
    await changeLive(ctx, thread, 'authors-changed', { thread }, async (trx) => {
      await store.setAuthors(trx, thread, authors);
      return true;
    });
    return { authors: await store.authorsOf(ctx.db, thread) };
  });
};

/** Runs `work`; when it changed something (not false), records the live event in the same transaction. */
async function changeLive<T>(ctx: Ctx, thread: string, type: 'pin-changed' | 'authors-changed', payload: object, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const ids: number[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    const r = await work(trx);
    if (r !== false) ids.push(await ctx.events.record(trx, thread, type, payload));
    return r;
  });
  ctx.events.afterCommit(ids, thread);
  return result;
}

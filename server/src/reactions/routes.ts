/** The reaction routes: a reader adds or takes back their own reaction to a comment or to a thread. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Ctx } from '../context.js';
import { ApiError } from '../http/errors.js';
import { enforcePostLimits } from '../http/post-limits.js';
import { guards } from '../http/viewer.js';
import { findComment } from '../comments/store.js';
import { reactorOf } from './reactor.js';
import { refuseBanned } from '../bans/store.js';
import * as store from './store.js';
import {
  reactToCommentRoute, reactToThreadRoute, unreactToCommentRoute, unreactToThreadRoute,
  type ReactionKind, type Reactions, type ReactionsChanged,
} from './schemas.js';

type Change = 'add' | 'remove';

export const reactionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.inkwell;
  const { identify } = guards(ctx.auth);

  app.put('/comments/:id/reactions/:kind', { schema: reactToCommentRoute, preHandler: identify }, async (request, reply) =>
    onComment(ctx, request, reply, request.params.id, request.params.kind, 'add'));
  app.delete('/comments/:id/reactions/:kind', { schema: unreactToCommentRoute, preHandler: identify }, async (request, reply) =>
    onComment(ctx, request, reply, request.params.id, request.params.kind, 'remove'));
  app.put('/threads/:thread/reactions/:kind', { schema: reactToThreadRoute, preHandler: identify }, async (request, reply) =>
    react(ctx, request, reply, { thread: request.params.thread, target: store.THREAD_TARGET, public: true }, request.params.kind, 'add'));
  app.delete('/threads/:thread/reactions/:kind', { schema: unreactToThreadRoute, preHandler: identify }, async (request, reply) =>
    react(ctx, request, reply, { thread: request.params.thread, target: store.THREAD_TARGET, public: true }, request.params.kind, 'remove'));
};

interface Target {
  thread: string;
  target: string;
  /** Whether the public sees the target, so its counts go out live. */
  public: boolean;
}

/**
 * Only a published comment takes new reactions; one's reaction to a comment since held or removed may
 * still be taken back. A deleted comment has none left.
 */
async function onComment(ctx: Ctx, request: FastifyRequest, reply: FastifyReply, id: string, kind: ReactionKind, change: Change): Promise<Reactions> {
  const reactor = reactorOf(ctx, request);
  const comment = await findComment(ctx.db, id);
  if (!comment || comment.status === 'deleted' || (change === 'add' && comment.status !== 'published')) {
    throw new ApiError(404, 'not_found', 'No such comment to react to');
  }
  const published = comment.status === 'published';
  return react(ctx, request, reply, { thread: comment.thread, target: comment.id, public: published }, kind, change, reactor);
}

/** Counts the write against the limits, changes the row, sends the new counts live when they changed; answers the target's reactions. */
async function react(ctx: Ctx, request: FastifyRequest, reply: FastifyReply, target: Target, kind: ReactionKind, change: Change, reactor = reactorOf(ctx, request)): Promise<Reactions> {
  await refuseBanned(ctx.db, request.viewer);
  const limit = ctx.config.reactionLimit;
  // Address first, then reader, as for posts: concurrent upserts lock rows in one order.
  await enforcePostLimits(ctx.postLimiter, reply, [{ key: 'ra:' + request.addressHash, max: limit * 4 }, { key: 'r:' + reactor, max: limit }], 'reactions');
  const key = { thread: target.thread, target: target.target, kind, reactor };
  let eventIds: number[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const changed = change === 'add' ? await store.addReaction(trx, key, Date.now()) : await store.removeReaction(trx, key);
    if (!changed || !target.public) return;
    const counts = (await store.reactionsFor(trx, target.thread, [target.target], null)).get(target.target)?.counts ?? {};
    const event: ReactionsChanged = { thread: target.thread, commentId: target.target === store.THREAD_TARGET ? null : target.target, counts };
    eventIds = [await ctx.events.record(trx, target.thread, 'reactions-changed', event)];
  });
  ctx.events.afterCommit(eventIds, target.thread);
  return (await store.reactionsFor(ctx.db, target.thread, [target.target], reactor)).get(target.target) ?? { counts: {} };
}

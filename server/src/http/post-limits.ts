import type { FastifyReply } from 'fastify';
import type { Hit, PostLimiter } from '../limits.js';
import { ApiError } from './errors.js';

/**
 * Counts a write against each limit (or takes `counted`, the hits a statement that read other things
 * counted already); over any of them, answers 429 with Retry-After. `what`: "comments", "reports".
 */
export async function enforcePostLimits(
  limiter: PostLimiter,
  reply: FastifyReply,
  limits: Array<{ key: string; max: number }>,
  what: string,
  now = Date.now(),
  counted?: Hit[],
): Promise<void> {
  const retryAfter = counted ? limiter.waitAfter(limits, counted, now) : await limiter.hit(limits, now);
  if (!retryAfter) return;
  reply.header('retry-after', String(retryAfter));
  throw new ApiError(429, 'rate_limited', `Too many ${what}; try again in ${retryAfter} s`);
}

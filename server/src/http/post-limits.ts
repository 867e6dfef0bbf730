import type { FastifyReply } from 'fastify';
import type { PostLimiter } from '../limits.js';
import { ApiError } from './errors.js';

/** Counts a write against each limit; over any of them, answers 429 with Retry-After. `what`: "comments", "reports". */
export async function enforcePostLimits(
  limiter: PostLimiter,
  reply: FastifyReply,
  limits: Array<{ key: string; max: number }>,
  what: string,
  now = Date.now(),
): Promise<void> {
  const retryAfter = await limiter.hit(limits, now);
  if (!retryAfter) return;
  reply.header('retry-after', String(retryAfter));
  throw new ApiError(429, 'rate_limited', `Too many ${what}; try again in ${retryAfter} s`);
}

import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

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

/** Sends JSON text already serialised (and stored, for idempotent replays) with its status. */
export function sendJsonText(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** SHA-1 in one call where Node has it (20.12 and later): the same digest without a Hash object per listing. */
const sha1: (text: string) => string = typeof crypto.hash === 'function'
  ? (text) => crypto.hash('sha1', text, 'base64url')
  : (text) => crypto.createHash('sha1').update(text).digest('base64url');

export function etagFor(body: string): string {
  return 'W/"' + sha1(body) + '"';
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

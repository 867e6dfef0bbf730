import type { FastifyInstance } from 'fastify';

/** The API answers JSON only: nothing in it may load or run anything, nor be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The demo pages and the bundle: scripts from this origin only. */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Lit may fall back to <style> elements; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every answer, the API's and the pages'. Install before any route. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('content-security-policy', request.url.startsWith('/v1/') ? API_CSP : PAGE_CSP);
    return payload;
  });
}

import type { FastifyInstance } from 'fastify';
import { sendError } from './http/errors.js';

/** Requests in flight when closing starts get this long to finish; then their connections are cut. */
export const DRAIN_MS = 6000;

/**
 * Graceful close for `app.close()` (SIGTERM): new requests on open connections get a 503 in the API's
 * error format with `Connection: close`, requests in flight finish, and as soon as none is left (at
 * the latest after DRAIN_MS) the remaining sockets are cut: idle keep-alive ones, and ones that opened
 * but never sent a request, which Node does not count as idle and which would otherwise hold close()
 * until the client gives up. Register before any other hook, so every request is counted.
 */
export function installGracefulClose(app: FastifyInstance): void {
  let inFlight = 0;
  let closing = false;
  app.addHook('onRequest', async (request, reply) => {
    if (closing) {
      reply.header('retry-after', '1').header('connection', 'close');
      return sendError(reply, 503, 'shutting_down', 'The server is restarting; try again');
    }
    inFlight++;
    reply.raw.once('close', () => inFlight--);
  });
  app.addHook('preClose', async () => {
    closing = true;
    const started = Date.now();
    const watch = setInterval(() => {
      if (inFlight > 0 && Date.now() - started < DRAIN_MS) return;
      clearInterval(watch);
      app.server.closeAllConnections();
    }, 20);
  });
}

import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Ctx } from './context.js';
import type { ThreadEvent } from './events.js';
import { threadParam } from './schemas.js';

/**
 * `GET /v1/threads/{thread}/events`: server-sent events. Only what the public may see is sent
 * (EventSource cannot send a bearer token): payloads are `publicView`s, so held text (pending
 * comments, edits awaiting approval, rejected and spam ones) is never streamed.
 */
export function registerSse(app: FastifyInstance, ctx: Ctx) {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    // The retry hint spreads the readers' reconnections (to the other processes, or this one restarted).
    for (const res of open) res.end(`retry: ${1000 + Math.floor(Math.random() * 4000)}\n\n`);
    open.clear();
  });

  app.get('/v1/threads/:thread/events', {
    exposeHeadRoute: false,
    schema: {
      tags: ['comments'],
      summary: 'Live updates of a thread (server-sent events)',
      description:
        'Events `comment-created`, `comment-updated` and `comment-deleted`; `data` is the public comment JSON ' +
        '(for `comment-deleted`, sent when a comment is deleted, held, rejected or marked as spam, a placeholder: status `deleted`, `held` or `removed`, ' +
        'no text, no author). Held comments and edits awaiting approval are never sent; they arrive as `comment-created` / `comment-updated` once approved. ' +
        'Each event has an `id`; reconnecting with `Last-Event-ID` (or `?lastEventId=`) ' +
        'replays what was missed in the last day. A comment line is sent as a heartbeat.',
      params: threadParam,
      querystring: { type: 'object', properties: { lastEventId: { type: 'string', maxLength: 20 } } },
      response: { 200: { type: 'string', description: 'text/event-stream' } },
    },
  }, async (request, reply) => {
    const { thread } = request.params as { thread: string };
    const lastRaw = (request.headers['last-event-id'] as string | undefined) ?? (request.query as { lastEventId?: string }).lastEventId;
    const lastId = lastRaw && /^\d{1,15}$/.test(lastRaw) ? Number(lastRaw) : null;

    reply.hijack();
    const res = reply.raw;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = String(v);
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write('retry: 3000\n\n');
    open.add(res);
    const streamClosed = ctx.metrics.streamOpened(request);

    let sent = lastId ?? 0;
    let replaying = lastId !== null;
    const buffered: ThreadEvent[] = [];
    const write = (e: ThreadEvent) => {
      if (e.id <= sent) return;
      sent = e.id;
      res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${e.payload}\n\n`);
    };
    const unsubscribe = ctx.events.subscribe(thread, (e) => (replaying ? buffered.push(e) : write(e)));
    const heartbeat = setInterval(() => res.write(': ping\n\n'), ctx.config.sseHeartbeatSeconds * 1000);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
      streamClosed();
    };
    res.on('close', cleanup);
    res.on('error', cleanup);

    if (lastId !== null) {
      try {
        for (const e of await ctx.events.since(thread, lastId)) write(e);
      } catch (err) {
        request.log.error({ err }, 'event replay failed');
      }
      replaying = false;
      for (const e of buffered.splice(0)) write(e);
    }
  });
}

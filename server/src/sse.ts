import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Ctx } from './context.js';
import type { ThreadEvent } from './events.js';
import { threadParam } from './schemas.js';
import { sendError } from './errors.js';

/** Seconds a refused client is asked to wait before it tries again. */
const RETRY_AFTER_SECONDS = 30;

/**
 * `GET /v1/threads/{thread}/events`: server-sent events. Only what the public may see is sent
 * (EventSource cannot send a bearer token): payloads are `publicView`s, so held text (pending
 * comments, edits awaiting approval, rejected and spam ones) is never streamed.
 */
export function registerSse(app: FastifyInstance, ctx: Ctx) {
  const open = new Set<ServerResponse>();
  const perAddress = new Map<string, number>();
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
        'replays what was missed in the last day. A comment line is sent as a heartbeat. ' +
        'At most INKWELL_SSE_PER_ADDRESS streams per client address (429 beyond) and INKWELL_SSE_MAX in all (503 beyond), both with Retry-After.',
      params: threadParam,
      querystring: { type: 'object', properties: { lastEventId: { type: 'string', maxLength: 20 } } },
      response: { 200: { type: 'string', description: 'text/event-stream' }, 429: { $ref: 'Error#' }, 503: { $ref: 'Error#' } },
    },
  }, async (request, reply) => {
    const { thread } = request.params as { thread: string };
    const lastRaw = (request.headers['last-event-id'] as string | undefined) ?? (request.query as { lastEventId?: string }).lastEventId;
    const lastId = lastRaw && /^\d{1,15}$/.test(lastRaw) ? Number(lastRaw) : null;

    const address = request.addressHash;
    const fromAddress = perAddress.get(address) ?? 0;
    if (fromAddress >= ctx.config.ssePerAddress) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendError(reply, 429, 'too_many_streams', `At most ${ctx.config.ssePerAddress} event streams per address`);
    }
    if (open.size >= ctx.config.sseMax) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendError(reply, 503, 'streams_full', 'The server carries as many event streams as it can; try again later');
    }
    perAddress.set(address, fromAddress + 1);

    reply.hijack();
    const res = reply.raw;
    // A stream may be silent for a heartbeat interval; the stall rule below watches it instead.
    res.socket?.setTimeout(0);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = String(v);
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    open.add(res);
    const streamClosed = ctx.metrics.streamOpened(request);

    // A client that stops reading would have every later event queued in memory for it: once a write
    // is refused, the stream is dropped unless the client drains it within INKWELL_SSE_STALL_MS.
    let stall: NodeJS.Timeout | undefined;
    let closed = false;
    res.on('drain', () => {
      clearTimeout(stall);
      stall = undefined;
    });
    const send = (text: string) => {
      if (closed) return;
      if (!res.write(text) && !stall) stall = setTimeout(() => res.destroy(), ctx.config.sseStallMs);
    };
    send('retry: 3000\n\n');

    let sent = lastId ?? 0;
    let replaying = lastId !== null;
    const buffered: ThreadEvent[] = [];
    const write = (e: ThreadEvent) => {
      if (e.id <= sent) return;
      sent = e.id;
      send(`id: ${e.id}\nevent: ${e.type}\ndata: ${e.payload}\n\n`);
    };
    const unsubscribe = ctx.events.subscribe(thread, (e) => (replaying ? buffered.push(e) : write(e)));
    const heartbeat = setInterval(() => send(': ping\n\n'), ctx.config.sseHeartbeatSeconds * 1000);
    const cleanup = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(stall);
      unsubscribe();
      open.delete(res);
      streamClosed();
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    };
    res.on('close', cleanup);
    res.on('error', cleanup);
    // A client gone before the handler ran has had its 'close' already; its place is given back now.
    if (res.destroyed) cleanup();

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

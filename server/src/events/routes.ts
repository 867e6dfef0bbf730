import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Ctx } from '../context.js';
import { sendError } from '../http/errors.js';
import type { ThreadEvent } from './bus.js';
import { guards } from '../http/viewer.js';
import { INBOX_CHANNEL } from './inbox.js';
import { inboxEventsRoute, threadEventsRoute } from './schemas.js';
import { EventStream } from './stream.js';

/** Seconds a refused client is asked to wait before it tries again. */
const RETRY_AFTER_SECONDS = 30;

/** The streams open in this process, in all and per client address. */
class StreamCount {
  readonly open = new Set<EventStream>();
  private readonly perAddress = new Map<string, number>();

  from(address: string): number {
    return this.perAddress.get(address) ?? 0;
  }

  add(stream: EventStream, address: string): void {
    this.open.add(stream);
    this.perAddress.set(address, this.from(address) + 1);
  }

  remove(stream: EventStream, address: string): void {
    this.open.delete(stream);
    const left = this.from(address) - 1;
    if (left > 0) this.perAddress.set(address, left);
    else this.perAddress.delete(address);
  }
}

/** `Last-Event-ID` (header, or `?lastEventId=` where EventSource cannot set headers); null when absent or not an id. */
function lastEventId(request: FastifyRequest, query: { lastEventId?: string }): number | null {
  const raw = (request.headers['last-event-id'] as string | undefined) ?? query.lastEventId;
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** Refuses a stream beyond the per-address or the total limit; true when it did. */
function refused(ctx: Ctx, streams: StreamCount, address: string, reply: FastifyReply): boolean {
  const tooMany = streams.from(address) >= ctx.config.ssePerAddress;
  if (!tooMany && streams.open.size < ctx.config.sseMax) return false;
  reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  if (tooMany) sendError(reply, 429, 'too_many_streams', `At most ${ctx.config.ssePerAddress} event streams per address`);
  else sendError(reply, 503, 'streams_full', 'The server carries as many event streams as it can; try again later');
  return true;
}

/**
 * Sends what was missed since `lastId`, then what arrived meanwhile: live events are held back until
 * the replay is out, so the order stays the ids' order.
 */
async function replayThenLive(ctx: Ctx, request: FastifyRequest, stream: EventStream, thread: string, lastId: number | null): Promise<void> {
  let replaying = lastId !== null;
  const buffered: ThreadEvent[] = [];
  const unsubscribe = ctx.events.subscribe(thread, (e) => (replaying ? buffered.push(e) : stream.write(e)));
  stream.onClose(unsubscribe);
  if (lastId === null) return;
  try {
    for (const e of await ctx.events.since(thread, lastId)) stream.write(e);
  } catch (err) {
    request.log.error({ err }, 'event replay failed');
  }
  replaying = false;
  for (const e of buffered.splice(0)) stream.write(e);
}

/**
 * `GET /v1/threads/{thread}/events`: server-sent events. Only what the public may see is sent
 * (EventSource cannot send a bearer token): payloads are `publicView`s, so held text (pending
 * comments, edits awaiting approval, rejected and spam ones) is never streamed.
 */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.inkwell;
  const streams = new StreamCount();
  app.addHook('preClose', async () => {
    // The retry hint spreads the readers' reconnections (to the other processes, or this one restarted).
    for (const s of streams.open) s.res.end(`retry: ${1000 + Math.floor(Math.random() * 4000)}\n\n`);
    streams.open.clear();
  });

  /** Opens a stream of `channel` within the limits, replaying from `Last-Event-ID`. */
  const open = async (request: FastifyRequest, reply: FastifyReply, channel: string, query: { lastEventId?: string }) => {
    const address = request.addressHash;
    if (refused(ctx, streams, address, reply)) return reply;
    const lastId = lastEventId(request, query);
    const stream = new EventStream(reply, ctx.config, lastId);
    streams.add(stream, address);
    const streamClosed = ctx.metrics.streamOpened(request);
    stream.onClose(() => {
      streams.remove(stream, address);
      streamClosed();
    });
    await replayThenLive(ctx, request, stream, channel, lastId);
  };

  app.get('/threads/:thread/events', { exposeHeadRoute: false, schema: threadEventsRoute }, (request, reply) =>
    open(request, reply, request.params.thread, request.query));

  // The moderators' inbox: held comments, edits awaiting approval and typo reports as they arrive (kind and id only).
  app.get('/moderation/events', { exposeHeadRoute: false, schema: inboxEventsRoute, preHandler: guards(ctx.auth).requireModerator }, (request, reply) =>
    open(request, reply, INBOX_CHANNEL, {}));
};

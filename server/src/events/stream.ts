import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.js';
import type { ThreadEvent } from './bus.js';

/**
 * One open event stream on a hijacked reply. A client that stops reading would have every later
 * event queued in memory for it: once a write is refused, the stream is dropped unless the client
 * drains it within INKWELL_SSE_STALL_MS. A comment line is sent as a heartbeat.
 */
export class EventStream {
  readonly res: ServerResponse;
  private stall: NodeJS.Timeout | undefined;
  private closed = false;
  private sent: number;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closers: Array<() => void> = [];

  /** Sends the headers (and the ones the reply had gathered, CORS and security) and the retry hint. */
  constructor(reply: FastifyReply, private readonly config: Config, lastId: number | null) {
    this.sent = lastId ?? 0;
    reply.hijack();
    this.res = reply.raw;
    // A stream may be silent for a heartbeat interval; the stall rule watches it instead.
    this.res.socket?.setTimeout(0);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = String(v);
    this.res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    this.res.on('drain', () => {
      clearTimeout(this.stall);
      this.stall = undefined;
    });
    this.send('retry: 3000\n\n');
    this.heartbeat = setInterval(() => this.send(': ping\n\n'), config.sseHeartbeatSeconds * 1000);
    this.res.on('close', () => this.close());
    this.res.on('error', () => this.close());
  }

  /** `fn` runs once when the stream closes, however it closes; at once if it already has. */
  onClose(fn: () => void): void {
    if (this.closed || this.res.destroyed) {
      this.close();
      fn();
      return;
    }
    this.closers.push(fn);
  }

  /** Sends an event once, in id order: replayed and live copies of one event never both go out. */
  write(e: ThreadEvent): void {
    if (e.id <= this.sent) return;
    this.sent = e.id;
    this.send(`id: ${e.id}\nevent: ${e.type}\ndata: ${e.payload}\n\n`);
  }

  private send(text: string): void {
    if (this.closed) return;
    if (!this.res.write(text) && !this.stall) this.stall = setTimeout(() => this.res.destroy(), this.config.sseStallMs);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.stall);
    for (const fn of this.closers.splice(0)) fn();
  }
}

import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';

export type WebhookEvent = 'comment.created' | 'typo-report.created';

/**
 * Fire-and-forget webhook deliveries: `send` returns at once; delivery happens in the background with
 * exponential backoff. The queue lives in memory, so deliveries pending when the process stops are
 * lost (see server/README.md).
 *
 * Signature: `X-Inkwell-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`,
 * keyed with INKWELL_WEBHOOK_SECRET; the timestamp lets receivers refuse replays.
 */
export class Webhooks {
  private readonly pending = new Set<Promise<void>>();
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly config: Config,
    private readonly log: FastifyBaseLogger,
  ) {}

  get enabled(): boolean {
    return this.config.webhookUrl !== null;
  }

  send(event: WebhookEvent, data: unknown): void {
    if (!this.config.webhookUrl || this.closed) return;
    const body = JSON.stringify({ id: randomUUID(), type: event, createdAt: new Date().toISOString(), data });
    const p = this.deliver(event, body, 0).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  static sign(secret: string, timestamp: number, body: string): string {
    return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  }

  private async deliver(event: WebhookEvent, body: string, attempt: number): Promise<void> {
    const url = this.config.webhookUrl!;
    const t = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'inkwell-webhooks/1',
      'x-inkwell-event': event,
      'x-inkwell-attempt': String(attempt + 1),
    };
    if (this.config.webhookSecret) headers['x-inkwell-signature'] = `t=${t},v1=${Webhooks.sign(this.config.webhookSecret, t, body)}`;
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000), redirect: 'manual' });
      await res.body?.cancel().catch(() => {});
      if (res.status >= 200 && res.status < 300) return;
      throw new Error(`HTTP ${res.status}`);
    } catch (err) {
      if (this.closed || attempt + 1 >= this.config.webhookRetries) {
        this.log.warn({ err: String(err), event, attempts: attempt + 1 }, 'webhook delivery failed; giving up');
        return;
      }
      const delay = this.config.webhookBackoffMs * 2 ** attempt;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => { this.timers.delete(timer); resolve(); }, delay);
        this.timers.add(timer);
      });
      if (this.closed) return;
      return this.deliver(event, body, attempt + 1);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

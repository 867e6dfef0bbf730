import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { DB, Database_, OutboxTable } from './db.js';
import { postWebhook, type WebhookEvent } from './webhooks.js';
import type { Mailer, MailMessage } from './mail/mailer.js';

/** The row type of e-mails; every other type is a webhook event. */
export const MAIL = 'mail';

/** Most deliveries one process runs at once. */
const MAX_IN_FLIGHT = 16;
/** Every process looks for due rows this often (rows of other processes, expired leases). */
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 3_600_000;
/** Dead letters are kept this long for operators, then pruned. */
export const DEAD_LETTER_MS = 7 * 86_400_000;

export interface OutboxStats {
  /** Events waiting for delivery (or being delivered). */
  depth: number;
  /** Age of the oldest of them; 0 when there are none. */
  oldestAgeSeconds: number;
  /** Events given up after the last retry, kept as dead letters. */
  dead: number;
}

interface Claimed {
  lease: string;
  done: Promise<void>;
}

/**
 * Webhook events and e-mails through an outbox table: `enqueue` (`enqueueMail`) writes the event (the
 * whole mail) in the caller's transaction, so it exists exactly when the change it announces does; a
 * delivery loop in every process claims due rows (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so two
 * processes never take the same row) with a lease, POSTs (sends) them and deletes them once answered
 * 2xx (once the mail server said 250). A failed attempt is retried after
 * INKWELL_WEBHOOK_BACKOFF_MS, doubling each time (at most an hour), until INKWELL_WEBHOOK_RETRIES
 * attempts; then the row stays as a `dead` letter for operators. The rows of a process that died are
 * claimed again once their lease runs out: delivery is at least once.
 */
export class Outbox {
  private closed = false;
  private claiming: Promise<void> | null = null;
  private again = false;
  private poller: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAt = Infinity;
  private readonly abort = new AbortController();
  private readonly inFlight = new Map<string, Claimed>();

  constructor(
    private readonly database: Database_,
    private readonly config: Config,
    private readonly log: FastifyBaseLogger,
    private readonly mailer: Mailer | null = null,
  ) {}

  get enabled(): boolean {
    return this.config.webhookUrl !== null || this.mailer !== null;
  }

  /** Whether mails can be queued (SMTP, or the development mail log). */
  get mailEnabled(): boolean {
    return this.mailer !== null;
  }

  start(): void {
    if (!this.enabled || this.closed) return;
    this.poller = setInterval(() => this.wake(), POLL_MS);
    this.poller.unref();
    this.wake();
  }

  /**
   * Stores an event inside the caller's transaction (nothing without INKWELL_WEBHOOK_URL: no process
   * would ever claim it); answers whether it did, and then the caller calls `wake` after commit.
   */
  async enqueue(trx: Transaction<DB>, event: WebhookEvent, data: unknown): Promise<boolean> {
    if (this.config.webhookUrl === null) return false;
    const id = randomUUID();
    const now = Date.now();
    const payload = JSON.stringify({ id, type: event, createdAt: new Date(now).toISOString(), data });
    await trx.insertInto('outbox').values({
      id, type: event, payload, status: 'pending', attempts: 0, next_attempt_at: now, lease: null, last_error: null, created_at: now,
    }).execute();
    return true;
  }

  /** Stores a mail inside the caller's transaction (nothing without a mailer); answers whether it did: then call `wake` after commit. */
  async enqueueMail(trx: Transaction<DB>, mail: MailMessage): Promise<boolean> {
    if (!this.mailer) return false;
    const now = Date.now();
    await trx.insertInto('outbox').values({
      id: randomUUID(), type: MAIL, payload: JSON.stringify(mail), status: 'pending', attempts: 0, next_attempt_at: now, lease: null, last_error: null, created_at: now,
    }).execute();
    return true;
  }

  /** Looks for due rows now (after a commit that enqueued one, or when a delivery slot frees up). */
  wake(): void {
    if (this.closed || !this.enabled) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = this.claimAndDeliver().finally(() => (this.claiming = null));
  }

  private async claimAndDeliver(): Promise<void> {
    do {
      this.again = false;
      const room = MAX_IN_FLIGHT - this.inFlight.size;
      if (room <= 0) return;
      let rows: OutboxTable[];
      try {
        rows = await this.claim(room);
      } catch (err) {
        if (!this.closed) this.log.warn({ err }, 'outbox: claiming due deliveries failed');
        return;
      }
      for (const row of rows) {
        const claimed: Claimed = { lease: row.lease!, done: Promise.resolve() };
        this.inFlight.set(row.id, claimed);
        // Rows claimed while closing are not sent; close() hands them back.
        if (!this.closed) claimed.done = this.deliver(row);
      }
      if (rows.length === room) this.again = true;
    } while (this.again && !this.closed);
  }

  private async claim(limit: number): Promise<OutboxTable[]> {
    const now = Date.now();
    const postgres = this.database.dialect === 'postgres';
    const webhooks = this.config.webhookUrl !== null;
    const mails = this.mailer !== null;
    return this.database.db
      .updateTable('outbox')
      .set({ lease: randomUUID(), next_attempt_at: now + this.config.outboxLeaseMs, attempts: sql<number>`attempts + 1` })
      .where('id', 'in', (eb) =>
        eb.selectFrom('outbox').select('id')
          .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
          // Rows of a channel that is off here (no webhook URL, no mailer) wait for a process that has it.
          .$if(!webhooks, (q) => q.where('type', '=', MAIL))
          .$if(!mails, (q) => q.where('type', '!=', MAIL))
          .orderBy('next_attempt_at').limit(limit)
          .$if(postgres, (q) => q.forUpdate().skipLocked()))
      .returningAll()
      .execute();
  }

  private async deliver(row: OutboxTable): Promise<void> {
    const { db } = this.database;
    let error: string | null = null;
    try {
      if (row.type === MAIL) {
        await this.mailer!.send(row.id, Number(row.created_at), JSON.parse(row.payload) as MailMessage, this.abort.signal);
      } else {
        await postWebhook({
          url: this.config.webhookUrl!, secret: this.config.webhookSecret, type: row.type, body: row.payload,
          attempt: Number(row.attempts), signal: this.abort.signal,
        });
      }
    } catch (err) {
      error = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
    }
    // Aborted by close(): the row is handed back there.
    if (error !== null && this.closed) return;
    try {
      if (error === null) {
        await db.deleteFrom('outbox').where('id', '=', row.id).where('lease', '=', row.lease).execute();
      } else {
        const attempts = Number(row.attempts);
        const dead = attempts >= Math.max(1, this.config.webhookRetries);
        const nextAt = Date.now() + Math.min(MAX_BACKOFF_MS, this.config.webhookBackoffMs * 2 ** (attempts - 1));
        await db.updateTable('outbox')
          .set({ status: dead ? 'dead' : 'pending', lease: null, next_attempt_at: nextAt, last_error: error.slice(0, 500) })
          .where('id', '=', row.id).where('lease', '=', row.lease).execute();
        if (dead) {
          this.log.warn({ eventId: row.id, event: row.type, attempts, err: error }, `${row.type === MAIL ? 'mail' : 'webhook'} delivery failed; kept as a dead letter in the outbox`);
        } else {
          this.retryLater(nextAt);
        }
      }
    } catch (err) {
      // The lease runs out and the row is tried again.
      if (!this.closed) this.log.warn({ err, eventId: row.id }, 'outbox: recording a delivery failed');
    }
    this.inFlight.delete(row.id);
    this.wake();
  }

  private retryLater(at: number) {
    if (this.closed || at >= this.retryAt) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryAt = Infinity;
      this.wake();
    }, Math.max(0, at - Date.now()));
    this.retryTimer.unref();
  }

  /** Depth and age of the queue, for metrics. */
  async stats(): Promise<OutboxStats> {
    const rows = await this.database.db.selectFrom('outbox')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .groupBy('status').execute();
    const pending = rows.find((r) => r.status === 'pending');
    const dead = rows.find((r) => r.status === 'dead');
    return {
      depth: Number(pending?.n ?? 0),
      oldestAgeSeconds: pending ? Math.max(0, (Date.now() - Number(pending.oldest)) / 1000) : 0,
      dead: Number(dead?.n ?? 0),
    };
  }

  /** Drops dead letters older than DEAD_LETTER_MS (run by the hourly cleanup). */
  async prune(now = Date.now()): Promise<void> {
    await this.database.db.deleteFrom('outbox').where('status', '=', 'dead').where('created_at', '<', now - DEAD_LETTER_MS).execute();
  }

  /**
   * Stops claiming, gives deliveries in flight `graceMs` to finish, aborts the rest and hands their
   * rows back (due at once, lease cleared) so another process, or the next start, sends them without
   * waiting for the lease to run out.
   */
  async close(graceMs = 2000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.claiming;
    const all = Promise.allSettled([...this.inFlight.values()].map((c) => c.done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    this.abort.abort();
    await all;
    this.mailer?.close();
    if (!this.inFlight.size) return;
    const held = [...this.inFlight];
    this.inFlight.clear();
    try {
      await this.database.db.updateTable('outbox')
        .set({ lease: null, next_attempt_at: Date.now() })
        .where('id', 'in', held.map(([id]) => id))
        .where('lease', 'in', held.map(([, c]) => c.lease))
        .execute();
    } catch (err) {
      this.log.warn({ err }, 'outbox: handing back claimed deliveries failed; they are sent again when their lease runs out');
    }

  }
}

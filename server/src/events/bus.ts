import { EventEmitter } from 'node:events';
import pg from 'pg';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DB, Database_ } from '../db.js';
import type { FastifyBaseLogger } from 'fastify';

export interface ThreadEvent {
  id: number;
  thread: string;
  type: 'comment-created' | 'comment-updated' | 'comment-deleted' | 'reactions-changed' | 'pin-changed' | 'authors-changed' | 'inbox-changed';
  /** JSON text of the public comment view (`reactions-changed`: the target's new counts). */
  payload: string;
}

/**
 * Live updates per thread. Every change is written to the `events` table in the same transaction as
 * the change itself (so `Last-Event-ID` can replay it). On SQLite the writer emits it in-process after
 * commit; on PostgreSQL the transaction sends NOTIFY with the event id and every node, the writer
 * included, hears it on a dedicated LISTEN connection and reads the row.
 */
/** Own events remembered until their NOTIFY comes back; far more than commit in the time it takes. */
const OWN_KEPT = 1024;

export class EventBus {
  private readonly emitter = new EventEmitter();
  private listener: pg.Client | null = null;
  private closed = false;
  private readonly channel: string;
  private readonly insertSql: string;
  private readonly changeListeners: Array<(thread: string | null) => void> = [];
  private delivering: Promise<void> = Promise.resolve();
  /** PostgreSQL: this process's own events by id, with their thread, until their NOTIFY comes back. */
  private readonly own = new Map<number, string>();

  constructor(
    private readonly database: Database_,
    private readonly log: FastifyBaseLogger,
  ) {
    this.emitter.setMaxListeners(0);
    this.channel = 'inkwell_events' + (database.pgConfig && schemaOf(database) ? '_' + schemaOf(database) : '');
    // Fixed SQL: built once, not by Kysely on every event. PostgreSQL notifies in the same statement (sent at commit).
    this.insertSql = database.dialect === 'postgres'
      ? 'insert into events (thread, type, payload, created_at) values ($1, $2, $3, $4) returning id, pg_notify($5, id::text)'
      : 'insert into events (thread, type, payload, created_at) values (?, ?, ?, ?) returning id';
  }

  async start(): Promise<void> {
    if (this.database.dialect === 'postgres') await this.connectListener();
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client(this.database.pgConfig);
    client.on('error', (err) => {
      this.log.warn({ err }, 'LISTEN connection lost; reconnecting');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || !msg.payload) return;
      const id = Number(msg.payload);
      if (!Number.isSafeInteger(id)) return;
      const thread = this.own.get(id);
      this.own.delete(id);
      // One at a time, in the order notified: a stream drops an id below the last it sent.
      this.delivering = this.delivering.then(() => this.deliver([id], thread));
    });
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    this.listener = client;
    // Notifications may have been missed while disconnected.
    this.changed(null);
  }

  private reconnect(old: pg.Client) {
    if (this.closed || this.listener !== old) return;
    this.listener = null;
    const attempt = () => {
      if (this.closed) return;
      this.connectListener().catch((err) => {
        this.log.error({ err }, 'LISTEN reconnect failed; retrying');
        setTimeout(attempt, 2000).unref();
      });
    };
    setTimeout(attempt, 500).unref();
  }

  /** Records an event inside the caller's transaction; returns its id for `afterCommit`. */
  async record(trx: Transaction<DB>, thread: string, type: ThreadEvent['type'], payload: unknown): Promise<number> {
    const params = [thread, type, JSON.stringify(payload), Date.now()];
    if (this.database.dialect === 'postgres') params.push(this.channel);
    const { rows } = await trx.executeQuery<{ id: number | string }>(CompiledQuery.raw(this.insertSql, params));
    return Number(rows[0]!.id);
  }

  /** Call after the transaction that recorded `ids` (events of `thread`) committed. */
  afterCommit(ids: number[], thread: string): void {
    if (!ids.length) return;
    this.changed(thread);
    if (this.database.dialect === 'sqlite') {
      this.delivering = this.delivering.then(() => this.deliver(ids, thread));
      return;
    }
    // Its NOTIFY then needs no read when nobody here listens to the thread. A NOTIFY that came back
    // before this leaves its entry behind: the oldest go past OWN_KEPT.
    for (const id of ids) this.own.set(id, thread);
    while (this.own.size > OWN_KEPT) this.own.delete(this.own.keys().next().value!);
  }

  /** `afterCommit` for events of several threads. */
  afterCommitAll(events: Array<{ thread: string; id: number }>): void {
    const byThread = new Map<string, number[]>();
    for (const e of events) byThread.set(e.thread, [...(byThread.get(e.thread) ?? []), e.id]);
    for (const [thread, ids] of byThread) this.afterCommit(ids, thread);
  }

  /** `fn(thread)` runs when a thread's public content changed; `fn(null)` means "anything may have". */
  onChange(fn: (thread: string | null) => void): void {
    this.changeListeners.push(fn);
  }

  private changed(thread: string | null) {
    for (const fn of this.changeListeners) fn(thread);
  }

  /**
   * `thread`: the events' thread when this process wrote them (afterCommit already told the change
   * listeners); with nobody here listening to it, there is nothing to read.
   */
  private async deliver(ids: number[], thread?: string) {
    if (thread !== undefined && this.emitter.listenerCount(thread) === 0) return;
    try {
      const rows = await this.database.db.selectFrom('events').selectAll().where('id', 'in', ids).orderBy('id').execute();
      for (const r of rows) {
        this.changed(r.thread);
        this.emitter.emit(r.thread, { ...r, id: Number(r.id) } as ThreadEvent);
      }
    } catch (err) {
      if (!this.closed) this.log.error({ err }, 'failed to deliver live events');
    }
  }

  subscribe(thread: string, fn: (e: ThreadEvent) => void): () => void {
    this.emitter.on(thread, fn);
    return () => this.emitter.off(thread, fn);
  }

  async since(thread: string, lastId: number, limit = 500): Promise<ThreadEvent[]> {
    const rows = await this.database.db
      .selectFrom('events').selectAll()
      .where('thread', '=', thread).where('id', '>', lastId)
      .orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }) as ThreadEvent);
  }

  /** Drops events older than a day; replay further back is not offered. */
  async prune(db: Kysely<DB>): Promise<void> {
    await db.deleteFrom('events').where('created_at', '<', Date.now() - 86_400_000).execute();
  }

  async close(): Promise<void> {
    this.closed = true;
    const l = this.listener;
    this.listener = null;
    if (l) await l.end().catch(() => {});
    this.emitter.removeAllListeners();
  }
}

function schemaOf(database: Database_): string | null {
  const opt = database.pgConfig?.options;
  const m = opt ? /search_path=([a-z0-9_]+)/.exec(opt) : null;
  return m ? m[1]! : null;
}

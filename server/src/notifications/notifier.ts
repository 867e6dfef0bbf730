import type { Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { CommentTable, DB, Database_, NotifyQueueTable } from '../db.js';
import type { Outbox } from '../outbox.js';
import type { MailLinks } from './links.js';
import * as store from './store.js';
import { MODERATORS } from './store.js';
import { confirmMail, digestMail, pageOf, replyMail } from './render.js';

/** How often every process looks for due batches (other processes' too). */
const POLL_MS = 1000;
/** Items taken per transaction. */
const TAKE = 500;
/** At most one confirmation mail per address per day, however often a guest (or someone using their address) posts. */
const CONFIRM_EVERY_MS = 86_400_000;

/** What a post asks for: a subscription to replies in its thread (or its end). */
export interface NotifyRequest {
  on: boolean;
  /** The reader (`u_…`) or the guest's address key (`e:…`). */
  subscriber: string;
  email: string;
  /** Signed-in readers' addresses come from the site's token; guests' need the double opt-in. */
  vouched: boolean;
  lang: string;
  pageUrl: string | null;
}

/** What a post's transaction left for the delivery loops: after commit, wake only those that have work. */
export interface Queued {
  /** A mail in the outbox (wake the outbox). */
  mail: boolean;
  /** A notification item due already (wake the notifier). */
  due: boolean;
}

/**
 * Reply notifications and the moderators' digest. What happens to a comment queues items in the same
 * transaction (a reply for its parent's subscriber, a held comment or typo report for the moderators);
 * a loop in every process turns due batches into mails in the outbox, again in one transaction, so an
 * item becomes exactly one mail whatever crashes; the outbox sends them.
 */
export class Notifier {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly database: Database_,
    private readonly config: Config,
    private readonly outbox: Outbox,
    readonly links: MailLinks,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.outbox.mailEnabled;
  }

  /** The key replies to `comment` are notified under: its reader, a guest's address, or null (a guest without one). */
  subscriberOf(comment: Pick<CommentTable, 'guest' | 'author_id' | 'author_email'>): string | null {
    if (!comment.guest) return comment.author_id;
    return comment.author_email ? 'e:' + this.links.emailHash(comment.author_email) : null;
  }

  /** In the post's transaction: the subscription it asks for, then what its status means for others. */
  async onNewComment(trx: Transaction<DB>, row: CommentTable, request: NotifyRequest | null): Promise<Queued> {
    const queued = { mail: false, due: false };
    if (!this.enabled) return queued;
    if (request) queued.mail = await this.subscribe(trx, row.thread, request);
    if (row.status === 'published') queued.due = await this.onPublished(trx, row);
    else if (row.status === 'pending') queued.due = await this.onHeld(trx, row);
    return queued;
  }

  /** Answers whether it queued a confirmation mail. */
  private async subscribe(trx: Transaction<DB>, thread: string, r: NotifyRequest): Promise<boolean> {
    if (!r.on) {
      await store.dropSubscription(trx, thread, r.subscriber);
      return false;
    }
    const now = this.now();
    const emailHash = this.links.emailHash(r.email);
    let confirmed = r.vouched;
    if (r.vouched) {
      await store.optIn(trx, emailHash, now, false);
    } else {
      const state = await store.addressState(trx, emailHash);
      confirmed = state?.confirmed_at != null && state.opted_out_at == null;
    }
    await store.saveSubscription(trx, {
      thread, subscriber: r.subscriber, email: r.email, email_hash: emailHash, lang: r.lang, page_url: r.pageUrl, confirmed: confirmed ? 1 : 0, created_at: now,
    });
    if (!confirmed && (await store.claimConfirmation(trx, emailHash, now, CONFIRM_EVERY_MS))) {
      const link = this.links.url({ do: 'confirm', email: emailHash, at: now });
      return this.outbox.enqueueMail(trx, confirmMail(r.email, r.lang, pageOf({ page_url: r.pageUrl, thread }) ?? thread, link));
    }
    return false;
  }

  /**
   * A comment became public: its parent's writer hears of it, if subscribed, confirmed, not unsubscribed
   * and not its writer. Answers whether the item is due already.
   */
  async onPublished(trx: Transaction<DB>, row: CommentTable): Promise<boolean> {
    if (!this.enabled || !row.parent_id) return false;
    const parent = await trx.selectFrom('comments').select(['guest', 'author_id', 'author_email']).where('id', '=', row.parent_id).executeTakeFirst();
    const target = parent ? this.subscriberOf(parent) : null;
    if (!target || target === this.subscriberOf(row)) return false;
    const sub = await store.findSubscription(trx, row.thread, target);
    if (!sub || !sub.confirmed) return false;
    // A signed-in replier whose address is the subscriber's (a guest earlier, say) is the same person.
    if (row.author_email && this.links.emailHash(row.author_email) === sub.email_hash) return false;
    if (await store.optedOut(trx, sub.email_hash)) return false;
    const now = this.now();
    return (await store.enqueueItem(trx, { kind: 'reply', thread: row.thread, subscriber: target, item_id: row.id }, now, this.config.notifyBatchMs)) <= now;
  }

  /** Answers whether the item is due already. */
  private async onHeld(trx: Transaction<DB>, row: CommentTable): Promise<boolean> {
    if (!this.config.moderatorEmails.length) return false;
    const now = this.now();
    return (await store.enqueueItem(trx, { kind: 'held', thread: row.thread, subscriber: MODERATORS, item_id: row.id }, now, this.config.moderatorDigestMs)) <= now;
  }

  /** In the report's transaction: a new typo report goes into the moderators' digest. */
  async onTypoReport(trx: Transaction<DB>, reportId: string): Promise<void> {
    if (!this.enabled || !this.config.moderatorEmails.length) return;
    await store.enqueueItem(trx, { kind: 'typo', thread: '', subscriber: MODERATORS, item_id: reportId }, this.now(), this.config.moderatorDigestMs);
  }

  start(): void {
    if (!this.enabled || this.closed) return;
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due batches now (after a commit that queued one with no delay). */
  wake(): void {
    if (this.closed || !this.enabled) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.flush().catch((err) => {
      if (!this.closed) this.log.warn({ err }, 'notifications: turning due batches into mails failed');
    }).finally(() => (this.running = null));
  }

  private async flush(): Promise<void> {
    do {
      this.again = false;
      const taken = await this.database.db.transaction().execute(async (trx) => {
        const items = await store.takeDue(trx, this.now(), TAKE, this.database.dialect === 'postgres');
        await this.mailBatches(trx, items);
        return items.length;
      });
      if (taken) this.outbox.wake();
      if (taken === TAKE) this.again = true;
    } while (this.again && !this.closed);
  }

  /** One mail per subscriber and thread, one digest per moderator address; items whose comment is no longer public are dropped. */
  private async mailBatches(trx: Transaction<DB>, items: NotifyQueueTable[]): Promise<void> {
    const batches = new Map<string, NotifyQueueTable[]>();
    for (const item of items) {
      const key = item.subscriber === MODERATORS ? MODERATORS : JSON.stringify([item.subscriber, item.thread]);
      batches.set(key, [...(batches.get(key) ?? []), item]);
    }
    for (const [key, batch] of batches) {
      if (key === MODERATORS) await this.mailDigest(trx, batch);
      else await this.mailReplies(trx, batch);
    }
  }

  private async mailReplies(trx: Transaction<DB>, batch: NotifyQueueTable[]): Promise<void> {
    const { thread, subscriber } = batch[0]!;
    const sub = await store.findSubscription(trx, thread, subscriber);
    if (!sub || !sub.confirmed || (await store.optedOut(trx, sub.email_hash))) return;
    const replies = await store.commentsIn(trx, [...new Set(batch.map((i) => i.item_id))], 'published');
    if (!replies.length) return;
    await this.outbox.enqueueMail(trx, replyMail(sub, replies, {
      thread: this.links.url({ do: 'thread', thread, subscriber, email: sub.email_hash }),
      all: this.links.url({ do: 'all', email: sub.email_hash }),
    }));
  }

  private async mailDigest(trx: Transaction<DB>, batch: NotifyQueueTable[]): Promise<void> {
    const ids = (kind: string) => [...new Set(batch.filter((i) => i.kind === kind).map((i) => i.item_id))];
    // Decided in the meantime: nothing left to ask a moderator.
    const held = await store.commentsIn(trx, ids('held'), 'pending');
    const reports = await store.openTypoReports(trx, ids('typo'));
    if (!held.length && !reports.length) return;
    for (const to of this.config.moderatorEmails) await this.outbox.enqueueMail(trx, digestMail(to, this.config.moderatorLang, held, reports));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

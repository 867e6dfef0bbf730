/** The notification tables: subscriptions, addresses, the batch queue. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CommentTable, DB, NotifyQueueTable, NotifySubscriptionTable } from '../db.js';
import { newId } from '../ids.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The moderators' digest is one batch across threads, under this subscriber name. */
export const MODERATORS = 'moderators';

export async function saveSubscription(trx: Db, sub: NotifySubscriptionTable): Promise<void> {
  const { thread: _t, subscriber: _s, created_at: _c, page_url: pageUrl, ...rest } = sub;
  // A later post that names no page keeps the page known so far.
  const changes = pageUrl === null ? rest : { ...rest, page_url: pageUrl };
  await trx.insertInto('notify_subscriptions').values(sub)
    .onConflict((oc) => oc.columns(['thread', 'subscriber']).doUpdateSet(changes))
    .execute();
}

export async function findSubscription(db: Db, thread: string, subscriber: string): Promise<NotifySubscriptionTable | undefined> {
  return db.selectFrom('notify_subscriptions').selectAll().where('thread', '=', thread).where('subscriber', '=', subscriber).executeTakeFirst();
}

/** Ends one subscription and drops what was waiting for it. */
export async function dropSubscription(trx: Db, thread: string, subscriber: string): Promise<void> {
  await trx.deleteFrom('notify_subscriptions').where('thread', '=', thread).where('subscriber', '=', subscriber).execute();
  await trx.deleteFrom('notify_queue').where('thread', '=', thread).where('subscriber', '=', subscriber).where('kind', '=', 'reply').execute();
}

/** Unsubscribes an address from everything: its subscriptions and queued replies go, and it is remembered as opted out. */
export async function optOut(trx: Db, emailHash: string, now: number): Promise<void> {
  const subscribers = trx.selectFrom('notify_subscriptions').select('subscriber').where('email_hash', '=', emailHash);
  await trx.deleteFrom('notify_queue').where('kind', '=', 'reply').where('subscriber', 'in', subscribers).execute();
  await trx.deleteFrom('notify_subscriptions').where('email_hash', '=', emailHash).execute();
  await trx.insertInto('mail_addresses').values({ email_hash: emailHash, confirmed_at: null, opted_out_at: now, confirm_sent_at: null })
    .onConflict((oc) => oc.column('email_hash').doUpdateSet({ opted_out_at: now }))
    .execute();
}

/** A new, deliberate subscription lifts an earlier opt-out (signed-in readers; guests through the confirmation). */
export async function optIn(trx: Db, emailHash: string, now: number, confirmed: boolean): Promise<void> {
  await trx.insertInto('mail_addresses').values({ email_hash: emailHash, confirmed_at: confirmed ? now : null, opted_out_at: null, confirm_sent_at: null })
    .onConflict((oc) => oc.column('email_hash').doUpdateSet(confirmed ? { opted_out_at: null, confirmed_at: now } : { opted_out_at: null }))
    .execute();
}

export async function addressState(db: Db, emailHash: string) {
  return db.selectFrom('mail_addresses').selectAll().where('email_hash', '=', emailHash).executeTakeFirst();
}

/** Notes that a confirmation mail went out now, unless one did within `sinceMs`: answers whether to send it. */
export async function claimConfirmation(trx: Db, emailHash: string, now: number, sinceMs: number): Promise<boolean> {
  const state = await addressState(trx, emailHash);
  if (state?.confirm_sent_at != null && now - Number(state.confirm_sent_at) < sinceMs) return false;
  await trx.insertInto('mail_addresses').values({ email_hash: emailHash, confirmed_at: null, opted_out_at: null, confirm_sent_at: now })
    .onConflict((oc) => oc.column('email_hash').doUpdateSet({ confirm_sent_at: now }))
    .execute();
  return true;
}

/** The guest's address is theirs: every subscription under it starts. */
export async function confirmAddress(trx: Db, emailHash: string, now: number): Promise<void> {
  await optIn(trx, emailHash, now, true);
  await trx.updateTable('notify_subscriptions').set({ confirmed: 1 }).where('email_hash', '=', emailHash).execute();
}

/**
 * Queues an item for `subscriber`'s next batch in `thread` (all threads for the moderators): it
 * goes out with the batch already waiting, else `windowMs` from now. Answers when it is due.
 */
export async function enqueueItem(trx: Db, item: Pick<NotifyQueueTable, 'kind' | 'thread' | 'subscriber' | 'item_id'>, now: number, windowMs: number): Promise<number> {
  const waiting = await trx.selectFrom('notify_queue').select((eb) => eb.fn.min('due_at').as('due'))
    .where('subscriber', '=', item.subscriber)
    .$if(item.subscriber !== MODERATORS, (q) => q.where('thread', '=', item.thread))
    .executeTakeFirst();
  const due = waiting?.due != null ? Number(waiting.due) : now + windowMs;
  await trx.insertInto('notify_queue').values({ id: newId('n_'), ...item, due_at: due, created_at: now }).execute();
  return due;
}

/** Takes (deletes and returns) up to `limit` items that are due; on PostgreSQL rows another process holds are skipped. */
export async function takeDue(trx: Transaction<DB>, now: number, limit: number, postgres: boolean): Promise<NotifyQueueTable[]> {
  return trx.deleteFrom('notify_queue')
    .where('id', 'in', (eb) => eb.selectFrom('notify_queue').select('id').where('due_at', '<=', now)
      .orderBy('due_at').orderBy('subscriber').orderBy('thread').limit(limit)
      .$if(postgres, (q) => q.forUpdate().skipLocked()))
    .returningAll()
    .execute();
}

/** The comments of `ids` still in `status`, oldest first. */
export async function commentsIn(db: Db, ids: string[], status: string): Promise<CommentTable[]> {
  if (!ids.length) return [];
  return db.selectFrom('comments').selectAll().where('id', 'in', ids).where('status', '=', status).orderBy('created_at').orderBy('id').execute();
}

export async function openTypoReports(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('typo_reports').selectAll().where('id', 'in', ids).where('status', '=', 'open').orderBy('created_at').execute();
}

/** Whether an address has unsubscribed from everything. */
export async function optedOut(db: Db, emailHash: string): Promise<boolean> {
  const row = await db.selectFrom('mail_addresses').select('opted_out_at').where('email_hash', '=', emailHash).executeTakeFirst();
  return row?.opted_out_at != null;
}

// Kept for callers that count what waits (tests, metrics).
export async function queued(db: Db): Promise<number> {
  const row = await db.selectFrom('notify_queue').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

import type { Transaction } from 'kysely';
import type { DB } from '../db.js';
import type { EventBus } from './bus.js';

/**
 * The event bus key of the moderators' inbox stream. Longer than any thread id the API accepts
 * (ThreadParam: at most 256 characters), so no public thread stream can subscribe to it or replay it.
 */
export const INBOX_CHANNEL = 'inkwell:moderation-inbox:'.padEnd(257, '~');

/** What reached the moderation inbox: only the kind and the id, never the text, which moderators list through the API. */
export interface InboxArrival {
  kind: 'comment' | 'typo-report';
  id: string;
}

/** Records, inside the caller's transaction, that an item now awaits a decision; pass the id to `afterInboxCommit`. */
export function recordArrival(events: EventBus, trx: Transaction<DB>, item: InboxArrival): Promise<number> {
  return events.record(trx, INBOX_CHANNEL, 'inbox-changed', item);
}

/** Call after the transaction that recorded `ids` committed. */
export function afterInboxCommit(events: EventBus, ids: number[]): void {
  events.afterCommit(ids, INBOX_CHANNEL);
}

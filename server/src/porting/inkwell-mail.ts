/**
 * Reply notifications in Inkwell's export, both ways: who asked to hear of replies, and what is known of
 * each address (confirmed by a guest, unsubscribed from everything).
 *
 * ```
 * "mailKeyId": "<a fingerprint of the mail link key the hashes below were made with (not the key)>",
 * "mailLinkKey": "<only with --with-mail-link-key: the key itself>",
 * "notifySubscriptions": [{ "thread", "subscriber", "email", "lang", "pageUrl", "confirmed", "createdAt" }, …],
 * "mailAddresses": [{ "emailHash", "confirmedAt", "optedOutAt", "confirmSentAt" }, …]
 * ```
 * Both lists hold e-mail addresses (or their hashes): with --omit-emails they are not written. A
 * subscription names its address, so it is hashed again with the importing server's key (a guest's
 * subscriber id, `e:<hash>`, too). An address record only has the hash: it is read back where the hashes
 * match, that is when the key moved with the file or both servers have the same one.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, MailAddressTable, NotifySubscriptionTable } from '../db.js';
import { MailLinks } from '../notifications/links.js';
import { Fields, iso, type Json } from './fields.js';
import type { Placed } from './inkwell-moderation.js';
import type { Summary } from './summary.js';

/** Names a key without giving it away (an HMAC of a fixed text), so an import can tell whether hashes were made with its own. */
export function mailKeyId(key: string): string {
  return createHmac('sha256', key).update('inkwell mail key id').digest('base64url').slice(0, 16);
}

export function subscriptionRecord(r: NotifySubscriptionTable) {
  return {
    thread: r.thread, subscriber: r.subscriber, email: r.email, lang: r.lang, pageUrl: r.page_url,
    confirmed: r.confirmed === 1, createdAt: iso(r.created_at),
  };
}

export function mailAddressRecord(r: MailAddressTable) {
  return { emailHash: r.email_hash, confirmedAt: iso(r.confirmed_at), optedOutAt: iso(r.opted_out_at), confirmSentAt: iso(r.confirm_sent_at) };
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function subscriptionRow(value: unknown): NotifySubscriptionTable | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const f = new Fields(value as Json);
  const row: NotifySubscriptionTable = {
    thread: f.str('thread'), subscriber: f.str('subscriber'), email: f.str('email'), email_hash: '', lang: f.str('lang'),
    page_url: f.optStr('pageUrl'), confirmed: f.bool('confirmed') ? 1 : 0, created_at: f.time('createdAt'),
  };
  if (f.problem) return f.problem;
  if (!row.thread) return 'thread is empty';
  if (!/^(u_|e:)./.test(row.subscriber)) return 'subscriber is neither a reader\'s id (u_…) nor a guest\'s address (e:…)';
  if (!EMAIL.test(row.email)) return 'email is not an e-mail address';
  return row;
}

export function mailAddressRow(value: unknown): MailAddressTable | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const f = new Fields(value as Json);
  const row: MailAddressTable = {
    email_hash: f.str('emailHash'), confirmed_at: f.optTime('confirmedAt'), opted_out_at: f.optTime('optedOutAt'), confirm_sent_at: f.optTime('confirmSentAt'),
  };
  if (f.problem) return f.problem;
  if (!row.email_hash) return 'emailHash is empty';
  return row;
}

const subscriptionKey = (r: Pick<NotifySubscriptionTable, 'thread' | 'subscriber'>) => JSON.stringify([r.thread, r.subscriber]);

/**
 * Writes subscriptions not there yet, the address hashed with this database's key. A subscription
 * already here (the same reader or guest address in the thread) stays as it is.
 */
export async function importSubscriptions(db: Kysely<DB>, batch: Array<Placed<NotifySubscriptionTable>>, key: string,
  summary: Summary, dryRun: boolean): Promise<void> {
  const links = new MailLinks(key, () => '');
  const rows = batch.map(({ row }) => {
    const hash = links.emailHash(row.email);
    return { ...row, email_hash: hash, subscriber: row.subscriber.startsWith('e:') ? 'e:' + hash : row.subscriber };
  });
  const there = new Set((await db.selectFrom('notify_subscriptions').select(['thread', 'subscriber'])
    .where('thread', 'in', [...new Set(rows.map((r) => r.thread))]).execute()).map(subscriptionKey));
  const fresh: NotifySubscriptionTable[] = [];
  for (const row of rows) {
    if (there.has(subscriptionKey(row))) summary.notifySubscriptions.present++;
    else {
      there.add(subscriptionKey(row));
      fresh.push(row);
      summary.notifySubscriptions.added++;
    }
  }
  if (!dryRun && fresh.length) {
    await db.transaction().execute((trx) => trx.insertInto('notify_subscriptions').values(fresh)
      .onConflict((oc) => oc.columns(['thread', 'subscriber']).doNothing()).execute());
  }
}

/**
 * Writes address records not there yet, when their hashes were made with this database's key (else they
 * name nobody here, and are passed over with why). An address this database knows already keeps what
 * it has here (a later opt-in here outweighs an older opt-out in the file).
 */
export async function importMailAddresses(db: Kysely<DB>, batch: Array<Placed<MailAddressTable>>, sameKey: boolean,
  summary: Summary, dryRun: boolean): Promise<void> {
  if (!sameKey) {
    for (const { where } of batch) {
      summary.skipped(where, 'an address known by its hash under the old server\'s mail link key, which this database does not have ' +
        '(export with --with-mail-link-key to keep confirmations and opt-outs)');
    }
    return;
  }
  const there = new Set((await db.selectFrom('mail_addresses').select('email_hash').where('email_hash', 'in', batch.map((a) => a.row.email_hash)).execute())
    .map((a) => a.email_hash));
  const fresh: MailAddressTable[] = [];
  for (const { row } of batch) {
    if (there.has(row.email_hash)) summary.mailAddresses.present++;
    else {
      there.add(row.email_hash);
      fresh.push(row);
      summary.mailAddresses.added++;
    }
  }
  if (!dryRun && fresh.length) {
    await db.transaction().execute((trx) => trx.insertInto('mail_addresses').values(fresh).onConflict((oc) => oc.column('email_hash').doNothing()).execute());
  }
}

/**
 * Inkwell's own export: one JSON document, written and read as a stream.
 *
 * ```
 * { "format": "inkwell-export", "version": 1, "exportedAt": "<ISO time>",
 *   "leftOut": ["…what is not in the file, and why"],
 *   "authorIdKey": "<only with --with-author-key: the key that turns readers' subs into author ids>",
 *   "addressKey": "<only with --with-address-key: the key that hashes guests' browser ids (and client addresses)>",
 *   "threads": [{ "id": "<thread>", "comments": <rows> }, …],
 *   "comments": [{ "id", "thread", "parentId", "rootId", "authorId", "authorName", "authorPicture",
 *                  "authorEmail", "guest", "body", "status", "createdAt", "editedAt", "pendingBody",
 *                  "pendingEditedAt", "sourceKey" }, …],
 *   "reactions": [{ "thread", "commentId" (null: the thread itself), "kind", "reactor", "createdAt" }, …],
 *   "typoReports": [{ "id", "fingerprint", "url", "title", "lang", "selection", "prefix", "suffix",
 *                     "fragment", "suggestion", "comment", "modifiedAt", "status", "count",
 *                     "createdAt", "updatedAt" }, …],
 *   "bans": [{ "readerId", "hideComments", "createdAt" }, …],
 *   "pins": [{ "thread", "commentId", "pinnedAt" }, …],
 *   "threadAuthors": [{ "thread", "authorId" }, …],
 *   "mailKeyId", "mailLinkKey" (only with --with-mail-link-key), "notifySubscriptions", "mailAddresses":
 *     reply notifications, not written with --omit-emails (see inkwell-mail.ts) }
 * ```
 * Times are ISO 8601 in UTC with milliseconds; absent values are null. `body_hash` is not written: it is
 * derived from the body and computed again on import. Reactions and pins come after the comments they
 * belong to (see inkwell-moderation.ts for bans, pins and thread authors).
 */
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import {
  readMeta, type BanTable, type CommentTable, type DB, type MailAddressTable, type NotifySubscriptionTable, type ReactionTable, type ThreadAuthorTable, type ThreadPinTable, type TypoReportTable,
} from '../db.js';
import { REACTION_KINDS } from '../reactions/schemas.js';
import { THREAD_TARGET } from '../reactions/store.js';
import { bodyHash } from '../comments/rules.js';
import { jsonValues } from './waline.js';
import { Fields, iso, type Json } from './fields.js';
import {
  banRecord, banRow, importBans, importPins, importThreadAuthors, pinRecord, pinRow, threadAuthorRecord, threadAuthorRow, type Placed,
} from './inkwell-moderation.js';
import {
  importMailAddresses, importSubscriptions, mailAddressRecord, mailAddressRow, mailKeyId, subscriptionRecord, subscriptionRow,
} from './inkwell-mail.js';
import type { Summary } from './summary.js';

export const FORMAT = 'inkwell-export';
export const VERSION = 1;

/** What the file leaves out; also written into it, so whoever reads it knows. */
export const LEFT_OUT = [
  'idempotency keys, post counters, the webhook and mail outbox, replies waiting for the next notification mail, and live-update events: short-lived state, not content',
];
const AUTHOR_KEY_LEFT_OUT = 'author_id_key: a secret (with it, guessed reader ids can be tested against author ids); without it the new server ' +
  'makes its own, and signed-in readers no longer own their old comments and reactions there. Export with --with-author-key to keep them.';
const ADDRESS_KEY_LEFT_OUT = 'address_key: a secret (with it, the client addresses behind the hashes in the old server\'s logs can be found by ' +
  'trying every address); without it guests\' reactions still count on the new server, but their browsers no longer see them as ' +
  'their own ("mine") and can add them again. Export with --with-address-key to keep them.';

const MAIL_KEY_LEFT_OUT = 'mail_link_key: a secret (with it, anyone can forge unsubscribe and confirmation links, and test guessed addresses ' +
  'against the hashes); without it the new server signs with its own key, so the links in mails already sent stop working there, and guests\' ' +
  'confirmations and readers\' opt-outs, known only by hashes made with this key, are not carried (subscriptions are: they are hashed again). ' +
  'Export with --with-mail-link-key to keep them.';
const MAIL_LEFT_OUT = 'reply notifications (subscriptions with their addresses, guests\' confirmations, opt-outs): they hold e-mail addresses, ' +
  'left out on request (--omit-emails); nobody is notified of replies on the new server until they ask again';

const PAGE = 1000;

export function commentRecord(r: CommentTable, withEmails: boolean) {
  return {
    id: r.id, thread: r.thread, parentId: r.parent_id, rootId: r.root_id,
    authorId: r.author_id, authorName: r.author_name, authorPicture: r.author_picture,
    authorEmail: withEmails ? r.author_email : null, guest: r.guest === 1,
    body: r.body, status: r.status, createdAt: iso(r.created_at), editedAt: iso(r.edited_at),
    pendingBody: r.pending_body, pendingEditedAt: iso(r.pending_edited_at), sourceKey: r.source_key ?? null,
  };
}

export function reactionRecord(r: ReactionTable) {
  return { thread: r.thread, commentId: r.target === '' ? null : r.target, kind: r.kind, reactor: r.reactor, createdAt: iso(r.created_at) };
}

export function typoRecord(r: TypoReportTable) {
  return {
    id: r.id, fingerprint: r.fingerprint, url: r.url, title: r.title, lang: r.lang, selection: r.selection,
    prefix: r.prefix, suffix: r.suffix, fragment: r.fragment, suggestion: r.suggestion, comment: r.comment,
    modifiedAt: r.modified_at, status: r.status, count: r.count, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

/** Writes, waiting whenever the stream's buffer is full, so memory stays flat however large the database. */
class Out {
  constructor(private readonly stream: NodeJS.WritableStream) {}
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
}

/** Every row of a table, a page at a time in key order: `fetch` gives the page after the row it is passed. */
async function* pages<T>(fetch: (after: T | null) => Promise<T[]>): AsyncGenerator<T> {
  let after: T | null = null;
  for (;;) {
    const rows: T[] = await fetch(after);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!;
  }
}

async function writeArray<T>(out: Out, name: string, rows: AsyncIterable<T>, first: boolean): Promise<number> {
  await out.write(`${first ? '' : ','}\n"${name}":[`);
  let n = 0;
  for await (const row of rows) await out.write((n++ ? ',\n' : '\n') + JSON.stringify(row));
  await out.write(n ? '\n]' : ']');
  return n;
}

export interface ExportCounts {
  threads: number;
  comments: number;
  reactions: number;
  typoReports: number;
  bans: number;
  pins: number;
  threadAuthors: number;
  notifySubscriptions: number;
  mailAddresses: number;
}

export interface ExportOptions {
  withEmails: boolean;
  withAuthorKey: boolean;
  withAddressKey: boolean;
  withMailKey: boolean;
  now: number;
}

export async function writeExport(db: Kysely<DB>, stream: NodeJS.WritableStream, options: ExportOptions): Promise<ExportCounts> {
  const out = new Out(stream);
  const leftOut = [...LEFT_OUT];
  if (!options.withAuthorKey) leftOut.push(AUTHOR_KEY_LEFT_OUT);
  if (!options.withAddressKey) leftOut.push(ADDRESS_KEY_LEFT_OUT);
  if (!options.withEmails) leftOut.push('guests\' e-mail addresses: left out on request (--omit-emails)', MAIL_LEFT_OUT);
  else if (!options.withMailKey) leftOut.push(MAIL_KEY_LEFT_OUT);
  await out.write(`{"format":"${FORMAT}","version":${VERSION},"exportedAt":"${new Date(options.now).toISOString()}",\n"leftOut":${JSON.stringify(leftOut)}`);
  if (options.withAuthorKey) await out.write(`,\n"authorIdKey":${JSON.stringify(await readMeta(db, 'author_id_key'))}`);
  if (options.withAddressKey) await out.write(`,\n"addressKey":${JSON.stringify(await readMeta(db, 'address_key'))}`);
  if (options.withEmails) {
    const mailKey = await readMeta(db, 'mail_link_key');
    await out.write(`,\n"mailKeyId":${JSON.stringify(mailKeyId(mailKey))}`);
    if (options.withMailKey) await out.write(`,\n"mailLinkKey":${JSON.stringify(mailKey)}`);
  }
  const threads = pages<{ id: string; comments: number }>(async (after) => {
    let q = db.selectFrom('comments').select(['thread as id', (eb) => eb.fn.countAll<number>().as('comments')]).groupBy('thread').orderBy('thread').limit(PAGE);
    if (after !== null) q = q.where('thread', '>', after.id);
    return (await q.execute()).map((t) => ({ id: t.id, comments: Number(t.comments) }));
  });
  const comments = pages<CommentTable>(async (after) => {
    let q = db.selectFrom('comments').selectAll().orderBy('id').limit(PAGE);
    if (after !== null) q = q.where('id', '>', after.id);
    return q.execute();
  });
  const reactions = pages<ReactionTable>(async (after) => {
    let q = db.selectFrom('reactions').selectAll().orderBy('thread').orderBy('target').orderBy('kind').orderBy('reactor').limit(PAGE);
    if (after !== null) {
      q = q.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('thread', 'target', 'kind', 'reactor'), '>', tuple(after.thread, after.target, after.kind, after.reactor)));
    }
    return q.execute();
  });
  const reports = pages<TypoReportTable>(async (after) => {
    let q = db.selectFrom('typo_reports').selectAll().orderBy('id').limit(PAGE);
    if (after !== null) q = q.where('id', '>', after.id);
    return q.execute();
  });
  const counts: ExportCounts = {
    threads: await writeArray(out, 'threads', threads, false),
    comments: await writeArray(out, 'comments', map(comments, (r) => commentRecord(r, options.withEmails)), false),
    reactions: await writeArray(out, 'reactions', map(reactions, reactionRecord), false),
    typoReports: await writeArray(out, 'typoReports', map(reports, typoRecord), false),
    ...await writeModeration(db, out),
    ...options.withEmails ? await writeMail(db, out) : { notifySubscriptions: 0, mailAddresses: 0 },
  };
  await out.write('\n}\n');
  return counts;
}

/** Bans, pins and thread authors, after the comments (a pin names its comment). */
async function writeModeration(db: Kysely<DB>, out: Out): Promise<Pick<ExportCounts, 'bans' | 'pins' | 'threadAuthors'>> {
  const bans = pages<BanTable>(async (after) => {
    let q = db.selectFrom('bans').selectAll().orderBy('author_id').limit(PAGE);
    if (after !== null) q = q.where('author_id', '>', after.author_id);
    return q.execute();
  });
  const pins = pages<ThreadPinTable>(async (after) => {
    let q = db.selectFrom('thread_pins').selectAll().orderBy('thread').limit(PAGE);
    if (after !== null) q = q.where('thread', '>', after.thread);
    return q.execute();
  });
  const authors = pages<ThreadAuthorTable>(async (after) => {
    let q = db.selectFrom('thread_authors').selectAll().orderBy('thread').orderBy('author_id').limit(PAGE);
    if (after !== null) q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('thread', 'author_id'), '>', tuple(after.thread, after.author_id)));
    return q.execute();
  });
  return {
    bans: await writeArray(out, 'bans', map(bans, banRecord), false),
    pins: await writeArray(out, 'pins', map(pins, pinRecord), false),
    threadAuthors: await writeArray(out, 'threadAuthors', map(authors, threadAuthorRecord), false),
  };
}

/** Reply subscriptions and what is known of each address (only when e-mail addresses are exported). */
async function writeMail(db: Kysely<DB>, out: Out): Promise<Pick<ExportCounts, 'notifySubscriptions' | 'mailAddresses'>> {
  const subscriptions = pages<NotifySubscriptionTable>(async (after) => {
    let q = db.selectFrom('notify_subscriptions').selectAll().orderBy('thread').orderBy('subscriber').limit(PAGE);
    if (after !== null) q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('thread', 'subscriber'), '>', tuple(after.thread, after.subscriber)));
    return q.execute();
  });
  const addresses = pages<MailAddressTable>(async (after) => {
    let q = db.selectFrom('mail_addresses').selectAll().orderBy('email_hash').limit(PAGE);
    if (after !== null) q = q.where('email_hash', '>', after.email_hash);
    return q.execute();
  });
  return {
    notifySubscriptions: await writeArray(out, 'notifySubscriptions', map(subscriptions, subscriptionRecord), false),
    mailAddresses: await writeArray(out, 'mailAddresses', map(addresses, mailAddressRecord), false),
  };
}

async function* map<T, U>(rows: AsyncIterable<T>, f: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield f(row);
}

// —— reading it back ——

// `hidden`: hidden with its writer's ban; lifting the ban on the new server (DELETE /v1/bans/{id}) publishes it again.
const STATUSES = new Set(['published', 'pending', 'rejected', 'spam', 'hidden', 'deleted']);
const REPORT_STATUSES = new Set(['open', 'fixed', 'dismissed']);

export function commentRow(value: unknown): CommentTable | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const f = new Fields(value as Json);
  const status = f.str('status');
  const body = f.str('body');
  const row: CommentTable = {
    id: f.str('id'), thread: f.str('thread'), parent_id: f.optStr('parentId'), root_id: f.str('rootId'),
    author_id: f.str('authorId'), author_name: f.str('authorName'), author_picture: f.optStr('authorPicture'),
    author_email: f.optStr('authorEmail'), guest: (value as Json).guest === true ? 1 : 0,
    body, body_hash: typeof body === 'string' ? bodyHash(body) : '', status,
    created_at: f.time('createdAt'), edited_at: f.optTime('editedAt'),
    pending_body: f.optStr('pendingBody'), pending_edited_at: f.optTime('pendingEditedAt'), source_key: f.optStr('sourceKey'),
  };
  if (f.problem) return f.problem;
  if (!STATUSES.has(status)) return `unknown status "${status}"`;
  return row;
}

const KINDS = new Set<string>(REACTION_KINDS);

export function reactionRow(value: unknown): ReactionTable | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const f = new Fields(value as Json);
  const row: ReactionTable = {
    thread: f.str('thread'), target: f.optStr('commentId') ?? THREAD_TARGET, kind: f.str('kind'), reactor: f.str('reactor'),
    created_at: f.time('createdAt'),
  };
  if (f.problem) return f.problem;
  if ((value as Json).commentId === '') return 'commentId is empty (null stands for the thread)';
  if (!KINDS.has(row.kind)) return `unknown kind "${row.kind}"`;
  if (!row.reactor) return 'reactor is empty';
  return row;
}

export function typoRow(value: unknown): TypoReportTable | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const r = value as Json;
  const f = new Fields(r);
  const row: TypoReportTable = {
    id: f.str('id'), fingerprint: f.str('fingerprint'), url: f.str('url'), title: f.optStr('title'), lang: f.optStr('lang'),
    selection: f.str('selection'), prefix: f.str('prefix'), suffix: f.str('suffix'), fragment: f.str('fragment'),
    suggestion: f.optStr('suggestion'), comment: f.optStr('comment'), modified_at: f.optStr('modifiedAt'), status: f.str('status'),
    count: r.count as number, created_at: f.time('createdAt'), updated_at: f.time('updatedAt'),
  };
  if (f.problem) return f.problem;
  if (!Number.isInteger(row.count) || row.count < 1) return 'count is not a positive integer';
  if (!REPORT_STATUSES.has(row.status)) return `unknown status "${row.status}"`;
  return row;
}

/** The lists of an export that hold rows, and how each record becomes one. */
const LISTS = {
  comments: commentRow, reactions: reactionRow, typoReports: typoRow, bans: banRow, pins: pinRow, threadAuthors: threadAuthorRow,
  notifySubscriptions: subscriptionRow, mailAddresses: mailAddressRow,
};
type List = keyof typeof LISTS;
type Batches = { [K in List]: Array<Placed<Exclude<ReturnType<(typeof LISTS)[K]>, string>>> };
const emptyBatches = (): Batches => ({ comments: [], reactions: [], typoReports: [], bans: [], pins: [], threadAuthors: [], notifySubscriptions: [], mailAddresses: [] });

/** Which mail link key the file's address hashes were made with, and which one this database hashes with. */
interface MailKeys {
  fileKeyId: string | null;
  /** The export's key when a dry run would have taken it. */
  taken: string | null;
}

/**
 * Reads an export back: rows are written as they were (ids, authors, times), a batch per transaction;
 * rows whose id (or source key, or typo fingerprint) is already there are left alone, so a second run
 * adds nothing. A record that does not fit is reported and passed over, and so is a reaction or a pin
 * of a comment that is neither in the database nor among the comments read before it.
 */
export async function readExport(db: Kysely<DB>, file: string, summary: Summary, dryRun: boolean): Promise<void> {
  let batches = emptyBatches();
  let size = 0;
  // A dry run writes no comments, so the reactions and pins to them are checked against what it read.
  const unwritten = dryRun ? new Map<string, string>() : null;
  let format: unknown;
  const flush = async () => {
    const b = batches;
    batches = emptyBatches();
    size = 0;
    await writeBatches(db, b, unwritten, mailKeys, summary, dryRun);
  };
  const index: Record<List, number> = { comments: 0, reactions: 0, typoReports: 0, bans: 0, pins: 0, threadAuthors: 0, notifySubscriptions: 0, mailAddresses: 0 };
  const mailKeys: MailKeys = { fileKeyId: null, taken: null };
  const paths = ['$.format', '$.version', '$.authorIdKey', '$.addressKey', '$.mailLinkKey', '$.mailKeyId', ...Object.keys(LISTS).map((list) => `$.${list}.*`)];
  for await (const { path, value } of jsonValues(file, paths)) {
    const [top] = path;
    if (top === 'format') {
      format = value;
      if (value !== FORMAT) throw new Error(`${file} is not an Inkwell export: its "format" is ${JSON.stringify(value)}`);
      continue;
    }
    if (format === undefined) throw new Error(`${file} is not an Inkwell export: it does not start with "format": "${FORMAT}"`);
    if (top === 'version') {
      if (value !== VERSION) throw new Error(`${file} is an Inkwell export of version ${JSON.stringify(value)}; this server reads version ${VERSION}`);
      continue;
    }
    if (top === 'authorIdKey' || top === 'addressKey' || top === 'mailLinkKey') {
      await restoreKey(db, top, value, summary, dryRun);
      if (top === 'mailLinkKey' && dryRun && summary.mailLinkKey) mailKeys.taken = value as string;
      continue;
    }
    if (top === 'mailKeyId') {
      mailKeys.fileKeyId = typeof value === 'string' ? value : null;
      continue;
    }
    const list = top as List;
    const where = `${list}[${index[list]++}]`;
    const row = LISTS[list](value);
    if (typeof row === 'string') summary.skipped(where, row);
    else {
      (batches[list] as Array<Placed<typeof row>>).push({ row, where });
      if (list === 'comments') unwritten?.set((row as CommentTable).id, (row as CommentTable).thread);
      if (++size >= 500) await flush();
    }
  }
  if (format === undefined) throw new Error(`${file} is not an Inkwell export`);
  await flush();
}

/** Writes what was read, comments first: reactions and pins name them. */
async function writeBatches(db: Kysely<DB>, b: Batches, unwritten: Map<string, string> | null, mailKeys: MailKeys,
  summary: Summary, dryRun: boolean): Promise<void> {
  const c = b.comments.map((p) => p.row);
  const t = b.typoReports.map((p) => p.row);
  if (c.length) {
    const existing = new Set((await db.selectFrom('comments').select('id').where('id', 'in', c.map((r) => r.id)).execute()).map((r) => r.id));
    for (const r of c) summary.counted(r.thread, r.status, !existing.has(r.id));
    if (!dryRun) await db.transaction().execute((trx) => trx.insertInto('comments').values(c).onConflict((oc) => oc.doNothing()).execute());
  }
  if (t.length) {
    const existing = new Set((await db.selectFrom('typo_reports').select('id').where('id', 'in', t.map((r) => r.id)).execute()).map((r) => r.id));
    for (const r of t) summary.typoReports[existing.has(r.id) ? 'present' : 'added']++;
    if (!dryRun) await db.transaction().execute((trx) => trx.insertInto('typo_reports').values(t).onConflict((oc) => oc.doNothing()).execute());
  }
  if (b.reactions.length) await importReactions(db, b.reactions, unwritten, summary, dryRun);
  if (b.bans.length) await importBans(db, b.bans, summary, dryRun);
  if (b.pins.length) await importPins(db, b.pins, unwritten, summary, dryRun);
  if (b.threadAuthors.length) await importThreadAuthors(db, b.threadAuthors, summary, dryRun);
  if (b.notifySubscriptions.length || b.mailAddresses.length) {
    const key = mailKeys.taken ?? await readMeta(db, 'mail_link_key');
    if (b.notifySubscriptions.length) await importSubscriptions(db, b.notifySubscriptions, key, summary, dryRun);
    if (b.mailAddresses.length) await importMailAddresses(db, b.mailAddresses, mailKeys.fileKeyId === mailKeyId(key), summary, dryRun);
  }
}

const reactionKey = (r: ReactionTable) => JSON.stringify([r.thread, r.target, r.kind, r.reactor]);

/** Writes a batch of reactions (the comments read before them are written already); ones already there are left alone. */
async function importReactions(db: Kysely<DB>, batch: Array<Placed<ReactionTable>>, unwritten: Map<string, string> | null,
  summary: Summary, dryRun: boolean): Promise<void> {
  const targets = [...new Set(batch.map((r) => r.row.target).filter((t) => t !== THREAD_TARGET))];
  const found = targets.length ? await db.selectFrom('comments').select(['id', 'thread']).where('id', 'in', targets).execute() : [];
  const threadOf = new Map(found.map((c) => [c.id, c.thread]));
  const rows: ReactionTable[] = [];
  for (const { row, where } of batch) {
    const t = row.target;
    if (t === THREAD_TARGET || (threadOf.get(t) ?? unwritten?.get(t)) === row.thread) rows.push(row);
    else summary.skipped(`${where} (comment ${t})`, 'a reaction to a comment that is not in the database and was not imported');
  }
  if (!rows.length) return;
  const there = await db.selectFrom('reactions').select(['thread', 'target', 'kind', 'reactor'])
    .where('reactor', 'in', [...new Set(rows.map((r) => r.reactor))]).where('thread', 'in', [...new Set(rows.map((r) => r.thread))]).execute();
  const existing = new Set(there.map((r) => reactionKey(r as ReactionTable)));
  const fresh: ReactionTable[] = [];
  for (const row of rows) {
    const key = reactionKey(row);
    if (existing.has(key)) summary.reactions.present++;
    else {
      existing.add(key);
      fresh.push(row);
      summary.reactions.added++;
    }
  }
  if (!dryRun && fresh.length) {
    await db.transaction().execute((trx) => trx.insertInto('reactions').values(fresh)
      .onConflict((oc) => oc.columns(['thread', 'target', 'kind', 'reactor']).doNothing()).execute());
  }
}

interface ServerKey {
  meta: 'author_id_key' | 'address_key' | 'mail_link_key';
  taken: 'authorKey' | 'addressKey' | 'mailLinkKey';
  /** Whether the database already holds rows derived with its own key, which would change hands. */
  inUse: (db: Kysely<DB>) => Promise<unknown>;
  inUseReason: string;
}

const KEYS: Record<'authorIdKey' | 'addressKey' | 'mailLinkKey', ServerKey> = {
  authorIdKey: {
    meta: 'author_id_key', taken: 'authorKey',
    inUse: async (db) => (await db.selectFrom('comments').select('id').where('guest', '=', 0).limit(1).executeTakeFirst()) ??
      db.selectFrom('reactions').select('reactor').where('reactor', 'not like', 'guest:%').limit(1).executeTakeFirst(),
    inUseReason: 'this database already has signed-in readers\' comments or reactions, whose author ids would change; kept its own key',
  },
  addressKey: {
    meta: 'address_key', taken: 'addressKey',
    inUse: (db) => db.selectFrom('reactions').select('reactor').where('reactor', 'like', 'guest:%').limit(1).executeTakeFirst(),
    inUseReason: 'this database already has guests\' reactions, which would no longer be theirs; kept its own key',
  },
  mailLinkKey: {
    meta: 'mail_link_key', taken: 'mailLinkKey',
    inUse: async (db) => (await db.selectFrom('notify_subscriptions').select('email_hash').limit(1).executeTakeFirst()) ??
      db.selectFrom('mail_addresses').select('email_hash').limit(1).executeTakeFirst(),
    inUseReason: 'this database already has reply subscriptions or known addresses, whose hashes and links would change; kept its own key',
  },
};

/**
 * Takes one of the old server's keys: the author key, so signed-in readers own their comments here as
 * they did there; the address key, so guests' browsers find their reactions. Only where nothing here was
 * derived with this database's own key yet, which would otherwise change hands.
 */
async function restoreKey(db: Kysely<DB>, field: keyof typeof KEYS, key: unknown, summary: Summary, dryRun: boolean): Promise<void> {
  const which = KEYS[field];
  if (typeof key !== 'string' || key.length < 32) return summary.skipped(field, 'not a key');
  if (key === await readMeta(db, which.meta)) return;
  if (await which.inUse(db)) return summary.skipped(field, which.inUseReason);
  if (!dryRun) await db.updateTable('meta').set({ value: key }).where('key', '=', which.meta).execute();
  summary[which.taken] = true;
}

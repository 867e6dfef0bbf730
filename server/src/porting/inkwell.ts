/**
 * Inkwell's own export: one JSON document, written and read as a stream.
 *
 * ```
 * { "format": "inkwell-export", "version": 1, "exportedAt": "<ISO time>",
 *   "leftOut": ["…what is not in the file, and why"],
 *   "authorIdKey": "<only with --with-author-key: the key that turns readers' subs into author ids>",
 *   "threads": [{ "id": "<thread>", "comments": <rows> }, …],
 *   "comments": [{ "id", "thread", "parentId", "rootId", "authorId", "authorName", "authorPicture",
 *                  "authorEmail", "guest", "body", "status", "createdAt", "editedAt", "pendingBody",
 *                  "pendingEditedAt", "sourceKey" }, …],
 *   "typoReports": [{ "id", "fingerprint", "url", "title", "lang", "selection", "prefix", "suffix",
 *                     "fragment", "suggestion", "comment", "modifiedAt", "status", "count",
 *                     "createdAt", "updatedAt" }, …] }
 * ```
 * Times are ISO 8601 in UTC with milliseconds; absent values are null. `body_hash` is not written: it is
 * derived from the body and computed again on import.
 */
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { readMeta, type CommentTable, type DB, type TypoReportTable } from '../db.js';
import { bodyHash } from '../comments/rules.js';
import { jsonValues } from './waline.js';
import type { Summary } from './summary.js';

export const FORMAT = 'inkwell-export';
export const VERSION = 1;

/** What the file leaves out; also written into it, so whoever reads it knows. */
export const LEFT_OUT = [
  'reactions: not exported yet',
  'address_key (the key of hashed client addresses): a secret, and only short-lived records use it',
  'idempotency keys, post counters, the webhook outbox and live-update events: short-lived state, not content',
];
const AUTHOR_KEY_LEFT_OUT = 'author_id_key: a secret (with it, guessed reader ids can be tested against author ids); without it the new server ' +
  'makes its own, and signed-in readers no longer own their old comments there. Export with --with-author-key to keep them.';

const PAGE = 1000;
const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function commentRecord(r: CommentTable, withEmails: boolean) {
  return {
    id: r.id, thread: r.thread, parentId: r.parent_id, rootId: r.root_id,
    authorId: r.author_id, authorName: r.author_name, authorPicture: r.author_picture,
    authorEmail: withEmails ? r.author_email : null, guest: r.guest === 1,
    body: r.body, status: r.status, createdAt: iso(r.created_at), editedAt: iso(r.edited_at),
    pendingBody: r.pending_body, pendingEditedAt: iso(r.pending_edited_at), sourceKey: r.source_key ?? null,
  };
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

/** Every row of a table, a page at a time in id order. */
async function* pages<T extends { id: string }>(fetch: (after: string | null) => Promise<T[]>): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
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
  typoReports: number;
}

export interface ExportOptions {
  withEmails: boolean;
  withAuthorKey: boolean;
  now: number;
}

export async function writeExport(db: Kysely<DB>, stream: NodeJS.WritableStream, options: ExportOptions): Promise<ExportCounts> {
  const out = new Out(stream);
  const leftOut = [...LEFT_OUT];
  if (!options.withAuthorKey) leftOut.push(AUTHOR_KEY_LEFT_OUT);
  if (!options.withEmails) leftOut.push('guests\' e-mail addresses: left out on request (--omit-emails)');
  await out.write(`{"format":"${FORMAT}","version":${VERSION},"exportedAt":"${new Date(options.now).toISOString()}",\n"leftOut":${JSON.stringify(leftOut)}`);
  if (options.withAuthorKey) await out.write(`,\n"authorIdKey":${JSON.stringify(await readMeta(db, 'author_id_key'))}`);
  const threads = pages(async (after) => {
    let q = db.selectFrom('comments').select(['thread as id', (eb) => eb.fn.countAll<number>().as('comments')]).groupBy('thread').orderBy('thread').limit(PAGE);
    if (after !== null) q = q.where('thread', '>', after);
    return (await q.execute()).map((t) => ({ id: t.id, comments: Number(t.comments) }));
  });
  const comments = pages(async (after) => {
    let q = db.selectFrom('comments').selectAll().orderBy('id').limit(PAGE);
    if (after !== null) q = q.where('id', '>', after);
    return q.execute();
  });
  const reports = pages(async (after) => {
    let q = db.selectFrom('typo_reports').selectAll().orderBy('id').limit(PAGE);
    if (after !== null) q = q.where('id', '>', after);
    return q.execute();
  });
  const counts: ExportCounts = {
    threads: await writeArray(out, 'threads', threads, false),
    comments: await writeArray(out, 'comments', map(comments, (r) => commentRecord(r, options.withEmails)), false),
    typoReports: await writeArray(out, 'typoReports', map(reports, typoRecord), false),
  };
  await out.write('\n}\n');
  return counts;
}

async function* map<T, U>(rows: AsyncIterable<T>, f: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield f(row);
}

// —— reading it back ——

type Json = Record<string, unknown>;
const STATUSES = new Set(['published', 'pending', 'rejected', 'spam', 'deleted']);
const REPORT_STATUSES = new Set(['open', 'fixed', 'dismissed']);

/** A field check: the record's value if it has the type, else a message naming the field. */
class Fields {
  problem: string | undefined;
  constructor(private readonly r: Json) {}
  str(name: string): string {
    const v = this.r[name];
    if (typeof v !== 'string') this.problem ??= `${name} is not a string`;
    return v as string;
  }
  optStr(name: string): string | null {
    const v = this.r[name];
    if (v === null || v === undefined) return null;
    return this.str(name);
  }
  time(name: string): number {
    const ms = Date.parse(this.str(name));
    if (Number.isNaN(ms)) this.problem ??= `${name} is not a date`;
    return ms;
  }
  optTime(name: string): number | null {
    return this.r[name] === null || this.r[name] === undefined ? null : this.time(name);
  }
}

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

/**
 * Reads an export back: rows are written as they were (ids, authors, times), a batch per transaction;
 * rows whose id (or source key, or typo fingerprint) is already there are left alone, so a second run
 * adds nothing. A record that does not fit is reported and passed over.
 */
export async function readExport(db: Kysely<DB>, file: string, summary: Summary, dryRun: boolean): Promise<void> {
  let comments: CommentTable[] = [];
  let reports: TypoReportTable[] = [];
  let format: unknown;
  const flush = async () => {
    const c = comments;
    const t = reports;
    comments = [];
    reports = [];
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
  };
  const index = { comments: 0, typoReports: 0 };
  for await (const { path, value } of jsonValues(file, ['$.format', '$.version', '$.authorIdKey', '$.comments.*', '$.typoReports.*'])) {
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
    if (top === 'authorIdKey') {
      await restoreAuthorKey(db, value, summary, dryRun);
      continue;
    }
    const list = top === 'comments' ? 'comments' : 'typoReports';
    const where = `${list}[${index[list]++}]`;
    const row = list === 'comments' ? commentRow(value) : typoRow(value);
    if (typeof row === 'string') summary.skipped(where, row);
    else if (list === 'comments') comments.push(row as CommentTable);
    else reports.push(row as TypoReportTable);
    if (comments.length + reports.length >= 500) await flush();
  }
  if (format === undefined) throw new Error(`${file} is not an Inkwell export`);
  await flush();
}

/**
 * Takes the old server's author key, so signed-in readers own their comments here as they did there;
 * only where no reader has commented yet, whose comments would otherwise change hands.
 */
async function restoreAuthorKey(db: Kysely<DB>, key: unknown, summary: Summary, dryRun: boolean): Promise<void> {
  if (typeof key !== 'string' || key.length < 32) return summary.skipped('authorIdKey', 'not a key');
  if (key === await readMeta(db, 'author_id_key')) return;
  const readers = await db.selectFrom('comments').select('id').where('guest', '=', 0).limit(1).executeTakeFirst();
  if (readers) return summary.skipped('authorIdKey', 'this database already has signed-in readers\' comments, whose author ids would change; kept its own key');
  if (!dryRun) await db.updateTable('meta').set({ value: key }).where('key', '=', 'author_id_key').execute();
  summary.authorKey = true;
}

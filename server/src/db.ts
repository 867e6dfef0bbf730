import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import { keepingStatements } from './sqlite-statements.js';
import type { Config } from './config.js';
import { PLAIN_JSON_INDEX, plainJsonSql, topJsonIndexSql } from './comments/listing-json.js';

export interface CommentTable {
  id: string;
  thread: string;
  parent_id: string | null;
  /** The top-level comment of the conversation (its own id for top-level comments). */
  root_id: string;
  /** Opaque author id: HMAC of the token's `sub`, or `g_…` for guests. Never the `sub` itself. */
  author_id: string;
  author_name: string;
  author_picture: string | null;
  /** Guests only; stored for the site owner, never returned by the API. */
  author_email: string | null;
  guest: number;
  body: string;
  body_hash: string;
  status: string;
  created_at: number;
  edited_at: number | null;
  /** An author's edit of a published comment under pre-moderation, shown to the public once approved. */
  pending_body: string | null;
  pending_edited_at: number | null;
  /** Where an imported comment came from (`disqus:…`, `wordpress:…`, `waline:…`); null (or left out) for comments posted here. Unique: re-imports skip it. */
  source_key?: string | null;
}

export interface TypoReportTable {
  id: string;
  fingerprint: string;
  url: string;
  title: string | null;
  lang: string | null;
  selection: string;
  prefix: string;
  suffix: string;
  fragment: string;
  suggestion: string | null;
  comment: string | null;
  modified_at: string | null;
  status: string;
  count: number;
  created_at: number;
  updated_at: number;
}

export interface EventTable {
  id: number;
  thread: string;
  type: string;
  payload: string;
  created_at: number;
}

export interface IdempotencyTable {
  principal: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: number;
}

/** Webhook events waiting for delivery, written in the same transaction as the change they announce. */
export interface OutboxTable {
  /** The event id, also in the payload: stable across retries so receivers can de-duplicate. */
  id: string;
  type: string;
  /** The exact JSON body POSTed (and signed) on every attempt. */
  payload: string;
  /** `pending` (waiting or being delivered) or `dead` (gave up after the last retry; kept for operators). */
  status: string;
  /** Attempts started so far. */
  attempts: number;
  /** When the row may be claimed: the next retry, or the end of a delivering process's lease. */
  next_attempt_at: number;
  /** Random token of the claim being delivered; null when nobody holds it. */
  lease: string | null;
  last_error: string | null;
  created_at: number;
}

/** Post counters per (hashed) key and fixed window, shared by every process on the database. */
export interface PostLimitTable {
  key: string;
  window_start: number;
  count: number;
}

/** One reader's reaction of one kind to a comment (target: its id) or to a whole thread (target ''). */
export interface ReactionTable {
  thread: string;
  target: string;
  kind: string;
  /** The reader: an author id (u_…), or a guest's hashed browser id (guest:…). */
  reactor: string;
  created_at: number;
}

/** A banned reader: their posts, edits and reactions are refused; `hid_comments`: their published comments were hidden with the ban. */
export interface BanTable {
  author_id: string;
  hid_comments: number;
  created_at: number;
}

/** The one comment a moderator pinned in a thread (listed first). */
export interface ThreadPinTable {
  thread: string;
  comment_id: string;
  pinned_at: number;
}

/** The article's authors in a thread: their comments carry the "Author" label. */
export interface ThreadAuthorTable {
  thread: string;
  author_id: string;
}

/** A reader who asked to hear of replies to their comments in a thread. */
export interface NotifySubscriptionTable {
  thread: string;
  /** The reader's author id (`u_…`), or `e:<e-mail hash>` for a guest. */
  subscriber: string;
  email: string;
  /** HMAC of the lower-cased address (mail_addresses' key). */
  email_hash: string;
  /** The language mails to them are written in (the post's `lang`, else its Accept-Language). */
  lang: string;
  /** The page the thread is on, as the reader's browser sent it; replies are linked as `<page_url>#comment-<id>`. */
  page_url: string | null;
  /** 1 once the address is confirmed (signed-in readers: the host site vouches for it; guests: the double opt-in link). */
  confirmed: number;
  created_at: number;
}

/** What is known of an address: confirmed by its owner (guests), unsubscribed from everything. */
export interface MailAddressTable {
  email_hash: string;
  confirmed_at: number | null;
  opted_out_at: number | null;
  /** When the last confirmation mail went out: at most one a day per address. */
  confirm_sent_at: number | null;
}

/** A reply (or, for moderators, a held comment or typo report) waiting to go out in the next batch mail. */
export interface NotifyQueueTable {
  id: string;
  /** `reply`, `held` or `typo`. */
  kind: string;
  thread: string;
  /** The subscriber (see NotifySubscriptionTable), or `moderators` for the digest. */
  subscriber: string;
  /** The comment or typo report. */
  item_id: string;
  /** When the batch it belongs to is mailed. */
  due_at: number;
  created_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface DB {
  comments: CommentTable;
  typo_reports: TypoReportTable;
  events: EventTable;
  idempotency_keys: IdempotencyTable;
  meta: MetaTable;
  outbox: OutboxTable;
  post_limits: PostLimitTable;
  reactions: ReactionTable;
  bans: BanTable;
  thread_pins: ThreadPinTable;
  thread_authors: ThreadAuthorTable;
  notify_subscriptions: NotifySubscriptionTable;
  mail_addresses: MailAddressTable;
  notify_queue: NotifyQueueTable;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Database_ {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The pg pool (PostgreSQL only): the event bus takes its connection settings from it. */
  pgConfig?: pg.PoolConfig;
  /** The pg pool (PostgreSQL only), for its use figures in the metrics. */
  pool?: pg.Pool;
  /** The raw better-sqlite3 handle (SQLite only), for pragmas and checks. */
  sqlite?: Database.Database;
  /**
   * A read statement prepared once and kept (on PostgreSQL: once per pooled connection, by `name`),
   * for hot paths where building and preparing the query on every call would cost more than running it.
   * `text` numbers its parameters `$1`, `$2`, … as PostgreSQL does; a number may appear more than once.
   * Rows come as arrays of column values, in the order selected: drivers make them faster than objects.
   */
  prepare<Row extends unknown[]>(name: string, text: string): PreparedQuery<Row>;
  close(): Promise<void>;
}

export type PreparedQuery<Row extends unknown[]> = (params: readonly unknown[]) => Promise<Row[]>;

/**
 * SQLite: one statement per handle. A read through the handle while a Kysely transaction holds it
 * would see that transaction's uncommitted rows, so it then waits for the connection like any query.
 */
function sqlitePrepare<Row extends unknown[]>(db: Kysely<DB>, sqlite: Database.Database, text: string): PreparedQuery<Row> {
  let statement: Database.Statement | undefined;
  const run = (params: readonly unknown[]) => {
    statement ??= sqlite.prepare(text.replace(/\$(\d+)/g, '@p$1')).raw(true);
    const named: Record<string, unknown> = {};
    for (let i = 0; i < params.length; i++) named['p' + (i + 1)] = params[i];
    return statement.all(named) as Row[];
  };
  return async (params) => (sqlite.inTransaction ? db.connection().execute(async () => run(params)) : run(params));
}

function pgPrepare<Row extends unknown[]>(pool: pg.Pool, name: string, text: string): PreparedQuery<Row> {
  return async (params) => (await pool.query({ name, text, values: params as unknown[], rowMode: 'array' })).rows as Row[];
}

/** 0001: comments and the indexes listings, moderation and duplicate checks read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createComments(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('root_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_picture', 'text')
    .addColumn('author_email', 'text')
    .addColumn('guest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addColumn('edited_at', bigint)
    .execute();
  await db.schema.createIndex('comments_thread_top').on('comments')
    .columns(['thread', 'parent_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('comments_root').on('comments').columns(['root_id', 'created_at']).execute();
  await db.schema.createIndex('comments_status').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_author').on('comments').columns(['author_id', 'thread', 'body_hash']).execute();
}

/** 0001: typo reports, merged by fingerprint. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createTypoReports(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('typo_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('lang', 'text')
    .addColumn('selection', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('suffix', 'text', (c) => c.notNull())
    .addColumn('fragment', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('comment', 'text')
    .addColumn('modified_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('typo_reports_status').on('typo_reports').columns(['status', 'updated_at']).execute();
}

/** 0001: thread events for live updates and replay. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createEvents(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('events')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement())
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_thread').on('events').columns(['thread', 'id']).execute();
}

/** 0001: stored answers of keyed writes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createIdempotencyKeys(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal', 'key'])
    .execute();
}

/** 0001: server-wide keys (meta). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createMeta(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  // The key that turns a token's `sub` into a public author id. Kept in the database so every
  // node derives the same ids, and random so ids cannot be matched against guessed subs.
  await db.insertInto('meta').values({ key: 'author_id_key', value: randomBytes(32).toString('base64url') }).execute();
}

/** 0002: edits awaiting approval. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addPendingEdits(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  // SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('comments').addColumn('pending_body', 'text').execute();
  await db.schema.alterTable('comments').addColumn('pending_edited_at', bigint).execute();
  // The moderation inbox finds edits awaiting approval through this index.
  await db.schema.createIndex('comments_pending_edit').on('comments').column('pending_edited_at').execute();
}

/** 0003: the webhook outbox and post counters in the database, and hashed client addresses. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addOutboxAndLimits(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', bigint, (c) => c.notNull())
    .addColumn('lease', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('post_limits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', bigint, (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_limits_pk', ['key', 'window_start'])
    .execute();

  // The key of the client-address hash (privacy.ts); shared by all processes like author_id_key.
  await db.insertInto('meta').values({ key: 'address_key', value: randomBytes(32).toString('base64url') }).execute();
  // Idempotency records of guests and typo reports were keyed by the client address in clear.
  await db.deleteFrom('idempotency_keys')
    .where((eb) => eb.or([eb('principal', 'like', 'ip:%'), eb('principal', 'like', 'typo:%')]))
    .execute();
}

/** 0005: reactions to comments and threads, one per reader and kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createReactions(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('reactions')
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reactor', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    // Also the index of counts per target (listings, the "top" sort).
    .addPrimaryKeyConstraint('reactions_pk', ['thread', 'target', 'kind', 'reactor'])
    .execute();
  // A reader's own reactions in a thread (`mine` in listings).
  await db.schema.createIndex('reactions_reactor').on('reactions').columns(['reactor', 'thread']).execute();
}

/** 0006: where an imported comment came from, unique so that running an import again adds nothing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addImportSource(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('comments').addColumn('source_key', 'text').execute();
  // Both databases allow many NULLs under a unique index: comments posted here have none.
  await db.schema.createIndex('comments_source_key').on('comments').column('source_key').unique().execute();
}

/** 0007: banned readers, the pinned comment of a thread, a thread's authors. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addBansPinsAuthors(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('bans')
    .addColumn('author_id', 'text', (c) => c.primaryKey())
    .addColumn('hid_comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('thread_pins')
    .addColumn('thread', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addColumn('pinned_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('thread_authors')
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_authors_pk', ['thread', 'author_id'])
    .execute();
}

/** 0008: reply notifications by e-mail: subscriptions, addresses (confirmed, unsubscribed), the batch queue, the link key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addNotifications(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('notify_subscriptions')
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('subscriber', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('page_url', 'text')
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('notify_subscriptions_pk', ['thread', 'subscriber'])
    .execute();
  await db.schema.createIndex('notify_subscriptions_email').on('notify_subscriptions').column('email_hash').execute();
  await db.schema
    .createTable('mail_addresses')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('confirmed_at', bigint)
    .addColumn('opted_out_at', bigint)
    .addColumn('confirm_sent_at', bigint)
    .execute();
  await db.schema
    .createTable('notify_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('subscriber', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('due_at', bigint, (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notify_queue_due').on('notify_queue').column('due_at').execute();
  await db.schema.createIndex('notify_queue_batch').on('notify_queue').columns(['subscriber', 'thread']).execute();
  // Signs confirmation and unsubscribe links; shared by all processes like author_id_key.
  await db.insertInto('meta').values({ key: 'mail_link_key', value: randomBytes(32).toString('base64url') }).execute();
}

/**
 * 0009 (SQLite): comments' JSON kept in an index for listings (comments/listing-json.ts). PostgreSQL
 * writes a listing in its own process, and its expression indexes hold only immutable functions.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addListingJsonIndex(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql.raw(`CREATE INDEX ${PLAIN_JSON_INDEX} ON comments (id, ${plainJsonSql()})`).execute(db);
}

/**
 * 0010 (SQLite): top-level comments' JSON in an index in the page's order, with what the listing
 * checks (comments/listing-json.ts, TOP_JSON_INDEX), in place of 0009's index by id: a page is read
 * as one range of it. A reply writes no JSON entry now.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addTopJsonIndex(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql.raw(topJsonIndexSql()).execute(db);
  await sql.raw(`DROP INDEX ${PLAIN_JSON_INDEX}`).execute(db);
}

// Migrations see the schema as it is then, not as the current types describe it.
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db) {
        for (const step of [createComments, createTypoReports, createEvents, createIdempotencyKeys, createMeta]) await step(db, dialect);
      },
    },
    '0002_moderation': { up: (db) => addPendingEdits(db, dialect) },
    '0003_outbox_and_limits': { up: (db) => addOutboxAndLimits(db, dialect) },
    '0005_reactions': { up: (db) => createReactions(db, dialect) },
    '0006_import_source': { up: (db) => addImportSource(db, dialect) },
    '0007_bans_pins_authors': { up: (db) => addBansPinsAuthors(db, dialect) },
    '0008_notifications': { up: (db) => addNotifications(db, dialect) },
    '0009_listing_json_index': { up: (db) => addListingJsonIndex(db, dialect) },
    '0010_listing_top_json_index': { up: (db) => addTopJsonIndex(db, dialect) },
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations() {
    return this.list;
  }
}

export async function openDatabase(config: Config): Promise<Database_> {
  let result: Database_;
  if (config.databaseUrl) {
    const schema = config.databaseSchema;
    const pgConfig: pg.PoolConfig = {
      connectionString: config.databaseUrl,
      max: 10,
      // bigint columns (timestamps in ms, counts) fit a JS number; pg hands them out as strings otherwise.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    };
    if (schema) {
      const c = new pg.Client({ connectionString: config.databaseUrl });
      await c.connect();
      try {
        await c.query(`create schema if not exists "${schema}"`);
      } catch (err) {
        // Processes starting together on a new schema: IF NOT EXISTS does not stop another's concurrent create.
        if ((err as { code?: string }).code !== '23505') throw err;
      } finally {
        await c.end();
      }
    }
    const pool = new pg.Pool(pgConfig);
    // An idle client that loses its connection emits 'error' on the pool; unhandled, it would end the
    // process. The pool replaces the client; queries in flight fail on their own.
    pool.on('error', (err) => process.emitWarning(`idle PostgreSQL connection failed: ${err.message}`));
    // A client that loses its connection in the middle of a query emits 'error' too, and a checked-out
    // client has no pool listener: that would end the process. The query itself fails (500 or 503) and
    // the pool drops the broken client when it comes back.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const prepare = <Row extends unknown[]>(name: string, text: string) => pgPrepare<Row>(pool, name, text);
    result = { db, dialect: 'postgres', pgConfig, pool, prepare, close: () => db.destroy() };
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const sqlite = new Database(path.join(config.dataDir, 'inkwell.db'));
    // Durability: in WAL mode a transaction is complete once its frames are written to the WAL file
    // by write(2). A killed process (kill -9) loses nothing the OS has received, so a comment
    // acknowledged with 201 after COMMIT survives a crash of the server. synchronous=NORMAL skips
    // the fsync at each commit; only a power loss or kernel crash could drop the last commits, and
    // even then the database stays consistent. Set INKWELL_SQLITE_SYNC=FULL to fsync every commit.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${config.sqliteSync}`);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
    const prepare = <Row extends unknown[]>(_name: string, text: string) => sqlitePrepare<Row>(db, sqlite, text);
    result = { db, dialect: 'sqlite', sqlite, prepare, close: () => db.destroy() };
  }
  // Kysely looks for its migration tables in every schema unless told which: another schema's
  // tables in the same database would make it skip creating ours.
  const migrationTableSchema = result.dialect === 'postgres' && config.databaseSchema ? config.databaseSchema : undefined;
  const migrator = new Migrator({ db: result.db, provider: new StaticProvider(migrations(result.dialect)), migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await result.close();
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
  return result;
}

export async function readMeta(db: Kysely<DB>, key: string): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}

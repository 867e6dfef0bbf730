/**
 * A page of a thread as a viewer sees it: the top-level comments of the page, their replies and the
 * thread's visible total, from statements prepared once per database (listing-sql.ts; the viewer is a
 * parameter) whose rows come as arrays. Building and preparing queries on every listing cost more
 * than running them.
 */
import type { Kysely } from 'kysely';
import type { DB, Database_ } from '../db.js';
import { isModerator, type Viewer } from '../auth.js';
import { decodeCursor, decodeOffsetCursor, encodeCursor, encodeOffsetCursor } from '../http/pagination.js';
import type { Comment, CommentPage, ThreadQuery } from './schemas.js';
import type { ReactionKind } from '../reactions/schemas.js';
import { byKind } from '../reactions/store.js';
import { postgresStatement, readerStateSql, REPLIES_PER_PAGE, sqliteStatements, type Order } from './listing-sql.js';
import { viewFor, type ViewRow } from './views.js';
import { partsOfPostgres, partsOfSqlite, postgresJsonStatement, sqliteJsonStatements, threadHasSql, type JsonParts, type ThreadHas } from './listing-json.js';

/** A listed row: the columns of listing-sql.ts, in order (PostgreSQL adds `part` and `n`). */
type Row = [
  id: string, parent_id: string | null, root_id: string, author_id: string, author_name: string,
  author_picture: string | null, guest: number, body: string, status: string, created_at: number,
  edited_at: number | null, pending_body: string | null, pending_edited_at: number | null, by_author: number, pinned: number,
  part?: number, n?: number,
];

interface Listed {
  top: Row[];
  replies: Row[];
  total: number;
}

type Fetch = (params: unknown[]) => Promise<Listed>;

function sqliteFetch(database: Database_, order: Order, afterCursor: boolean): Fetch {
  const text = sqliteStatements(order, afterCursor);
  const topLevel = database.prepare<Row>('', text.topLevel);
  const replies = database.prepare<Row>('', text.replies);
  const total = database.prepare<[number]>('', text.total);
  return async (params) => {
    const top = await topLevel(params);
    const viewer = params.slice(1, 3);
    // Not the extra row that only tells whether a next page exists.
    const listedIds = top.slice(0, Number(params[3]) - 1).map((r) => r[0]);
    return {
      top,
      replies: listedIds.length ? await replies([JSON.stringify(listedIds), ...viewer]) : [],
      total: Number((await total([params[0], ...viewer]))[0]![0]),
    };
  };
}

function postgresFetch(database: Database_, order: Order, afterCursor: boolean): Fetch {
  const name = `inkwell_listing_${order}_${afterCursor ? 'after' : 'first'}`;
  const query = database.prepare<Row>(name, postgresStatement(order, afterCursor));
  return async (params) => {
    const listed: Listed = { top: [], replies: [], total: 0 };
    for (const row of await query(params)) {
      if (Number(row[15]) === 0) listed.top.push(row);
      else if (Number(row[15]) === 1) listed.replies.push(row);
      else listed.total = Number(row[16]);
    }
    return listed;
  };
}

const prepared = new WeakMap<Database_, Map<string, unknown>>();

/** What `make` prepares on `database`, made on first use and kept. */
function once<T>(database: Database_, key: string, make: () => T): T {
  let forDatabase = prepared.get(database);
  if (!forDatabase) prepared.set(database, (forDatabase = new Map()));
  if (!forDatabase.has(key)) forDatabase.set(key, make());
  return forDatabase.get(key) as T;
}

/** The listing's statements: oldest, newest or top first, from the start or after a cursor. */
function fetcher(database: Database_, order: Order, afterCursor: boolean): Fetch {
  const fetch = database.dialect === 'postgres' ? postgresFetch : sqliteFetch;
  return once(database, `listing ${order} ${afterCursor}`, () => fetch(database, order, afterCursor));
}

/** The parts of a listing's JSON (listing-json.ts): one statement on PostgreSQL, two on SQLite. */
async function jsonParts(database: Database_, order: Order, afterCursor: boolean, params: unknown[]): Promise<JsonParts> {
  const key = `listing json ${order} ${afterCursor}`;
  if (database.dialect === 'postgres') {
    const query = once(database, key, () => database.prepare<unknown[]>(`inkwell_listing_json_${order}_${afterCursor ? 'after' : 'first'}`, postgresJsonStatement(order, afterCursor)));
    return partsOfPostgres((await query(params))[0]!);
  }
  // The statements for what the thread holds: those of a thread without replies look up no replies.
  const hasQuery = once(database, 'thread has', () => database.prepare<[number, number, number, number]>('', threadHasSql));
  const flags = (await hasQuery([params[0]]))[0]!;
  const has: ThreadHas = { reactions: flags[0] === 1, authors: flags[1] === 1, replies: flags[2] === 1, pin: flags[3] === 1 };
  const [page, replies] = once(database, `${key} ${flags.join('')}`, () => {
    const text = sqliteJsonStatements(order, afterCursor, has);
    return [database.prepare<unknown[]>('', text.page), database.prepare<unknown[]>('', text.replies)];
  });
  const row = (await page(params))[0]!;
  const replyRow = has.replies ? (await replies([params[0], params[1], params[2], params[3], params[4], row[3]]))[0]! : null;
  return partsOfSqlite(row, Number(params[3]) - 1, replyRow);
}

/** A reader's state in a thread: pending comments or edits (then they see more than the public), and their own reactions by target. */
export interface ReaderState {
  pending: boolean;
  mine: Map<string, ReactionKind[]>;
}

/** The state of reader `authorId` (null: a guest) and of `reactor` in the thread, in one statement. */
export async function readerState(database: Database_, thread: string, authorId: string | null, reactor: string | null): Promise<ReaderState> {
  const query = once(database, 'reader state', () => database.prepare<[number | string, string | null]>('inkwell_reader_state', readerStateSql(database.dialect)));
  const [pending, pairs] = (await query([authorId, thread, reactor]))[0]!;
  const mine = new Map<string, ReactionKind[]>();
  for (const [target, kind] of pairs === null ? [] : (JSON.parse(pairs) as [string, ReactionKind][])) {
    const kinds = mine.get(target);
    if (kinds) kinds.push(kind);
    else mine.set(target, [kind]);
  }
  for (const kinds of mine.values()) kinds.sort(byKind);
  return { pending: Number(pending) === 1, mine };
}

/**
 * A page of a thread as `viewer` sees it, with `reactor`'s own reactions marked, as the JSON text the
 * route's response schema makes of `listThread` and `withReactions` (reactions/listing.ts): written by
 * the database (listing-json.ts). Null when a listed reply hangs below a comment that
 * is not listed; `listThread` then adds the placeholders that keep its place.
 */
export async function listThreadJson(
  database: Database_, thread: string, viewer: Viewer | null, reactor: string | null, q: ThreadQuery,
): Promise<string | null> {
  const params: unknown[] = [thread, viewer?.authorId ?? null, isModerator(viewer) ? 1 : 0, q.limit + 1, reactor];
  const offset = q.sort === 'top' && q.cursor ? decodeOffsetCursor(q.cursor) : 0;
  if (q.cursor) params.push(...(q.sort === 'top' ? [offset] : decodeCursor(q.cursor)));
  const parts = await jsonParts(database, q.sort, q.cursor !== undefined, params);
  // Placeholders to add, or more replies than a page lists (the counts then count only those listed).
  if (parts.hiddenParents > 0 || parts.replyCount >= REPLIES_PER_PAGE) return null;
  const { tops, replies, total, fetched, lastCreatedAt, lastId, threadReactions } = parts;
  let nextCursor: string | null = null;
  if (fetched > q.limit) {
    if (q.sort === 'top') nextCursor = encodeOffsetCursor(offset + q.limit);
    else if (lastId !== null) nextCursor = encodeCursor(lastCreatedAt!, lastId);
    else nextCursor = q.sort === 'newest' ? encodeCursor(Number.MAX_SAFE_INTEGER, '') : encodeCursor(-1, '');
  }
  const comments = tops === null ? replies ?? '' : replies === null ? tops : tops + ',' + replies;
  return `{"comments":[${comments}],"total":${total},"nextCursor":${nextCursor === null ? 'null' : JSON.stringify(nextCursor)}` +
    (threadReactions === null ? '}' : `,"reactions":${threadReactions}}`);
}

function viewRow(r: Row, thread: string): ViewRow {
  return {
    id: r[0], thread, parent_id: r[1], root_id: r[2], author_id: r[3], author_name: r[4], author_picture: r[5],
    guest: Number(r[6]), body: r[7], status: r[8], created_at: Number(r[9]), edited_at: r[10] === null ? null : Number(r[10]),
    pending_body: r[11], pending_edited_at: r[12] === null ? null : Number(r[12]), by_author: Number(r[13]), pinned: Number(r[14]),
  };
}

/** A page of a thread as `viewer` sees it: top-level comments, then their replies (and placeholders) oldest first. */
export async function listThread(database: Database_, thread: string, viewer: Viewer | null, q: ThreadQuery): Promise<CommentPage> {
  const params: unknown[] = [thread, viewer?.authorId ?? null, isModerator(viewer) ? 1 : 0, q.limit + 1];
  // `top` pages by offset: its order moves as readers react.
  const offset = q.sort === 'top' && q.cursor ? decodeOffsetCursor(q.cursor) : 0;
  if (q.cursor) params.push(...(q.sort === 'top' ? [offset] : decodeCursor(q.cursor)));
  const listed = await fetcher(database, q.sort, q.cursor !== undefined)(params);
  const more = listed.top.length > q.limit;
  if (more) listed.top.pop();
  const replies = listed.replies.map((row) => viewRow(row, thread));
  const replyCounts = new Map<string, number>();
  for (const r of replies) replyCounts.set(r.root_id, (replyCounts.get(r.root_id) ?? 0) + 1);
  const comments: Comment[] = listed.top.map((row) => {
    const top = viewRow(row, thread);
    return viewFor(top, viewer, replyCounts.get(top.id) ?? 0);
  });
  const hidden = await hiddenParents(database.db, comments, replies);
  const below = hidden.length ? [...replies, ...hidden].sort(byTime) : replies;
  for (const r of below) comments.push(viewFor(r, viewer));
  const nextCursor = !more ? null : q.sort === 'top' ? encodeOffsetCursor(offset + q.limit) : keysetCursor(listed.top, q.sort);
  return { comments, total: listed.total, nextCursor };
}

/**
 * Where the next page starts: after the last comment listed in order. The pinned comment, listed
 * first out of order, is no place to start from; a page holding only it starts the next from the beginning.
 */
function keysetCursor(top: Row[], sort: 'oldest' | 'newest'): string {
  const last = [...top].reverse().find((r) => Number(r[14]) !== 1);
  if (last) return encodeCursor(Number(last[9]), last[0]);
  return sort === 'newest' ? encodeCursor(Number.MAX_SAFE_INTEGER, '') : encodeCursor(-1, '');
}

const byTime = (a: ViewRow, b: ViewRow) => a.created_at - b.created_at || (a.id < b.id ? -1 : 1);

/**
 * The parents of listed replies that are not listed themselves, up to the top: replies the viewer may
 * not read (held, removed, deleted) come out as placeholders, so the replies below keep their place.
 * Rare, so not part of the listing's statements.
 */
async function hiddenParents(db: Kysely<DB>, tops: Comment[], replies: ViewRow[]): Promise<ViewRow[]> {
  const known = new Set(tops.map((c) => c.id));
  for (const r of replies) known.add(r.id);
  const hidden: ViewRow[] = [];
  let missing = replies;
  for (;;) {
    const ids = [...new Set(missing.map((r) => r.parent_id!).filter((id) => !known.has(id)))];
    if (!ids.length) return hidden;
    missing = await db.selectFrom('comments').selectAll().where('id', 'in', ids).execute();
    for (const r of missing) known.add(r.id);
    hidden.push(...missing);
  }
}

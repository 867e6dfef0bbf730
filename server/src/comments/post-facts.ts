/**
 * What a new comment's checks read, in one statement prepared once per database: the stored answer
 * to a retry under the same Idempotency-Key, whether the writer is banned, whether they are one of
 * the thread's authors, the parent replied to, and whether they already posted the same text there.
 * On PostgreSQL the same statement counts the post against its rate limits, unless what it read
 * refuses the post first (a stored answer, a ban), as the route would. Read one by one these were
 * six round trips per post (on PostgreSQL most of a post's time); the route still decides in its own
 * order, so what a post is answered does not change.
 */
import type { Database_, PreparedQuery } from '../db.js';
import type { IdempotentWrite, StoredResponse } from '../http/idempotency.js';
import type { Hit } from '../limits.js';

/** The parent's columns a reply's checks read (rules.mayReplyTo, placeReply). */
export interface ParentFacts {
  id: string;
  thread: string;
  root_id: string;
  author_id: string;
  status: string;
}

export interface PostFacts {
  /** The response stored under the write's key, if any. */
  stored: StoredResponse | undefined;
  /** Only readers can be banned or authors; always false for guests. */
  banned: boolean;
  author: boolean;
  parent: ParentFacts | undefined;
  duplicate: boolean;
  /** The post's rate-limit hits, when this statement counted them (PostgreSQL, and nothing refused the post before). */
  counted: Hit[] | undefined;
}

/** The rate limits to count the post against (address first, then reader: the order every statement locks them in). */
export interface Limiting {
  keys: string[];
  windowStart: number;
  /** A ban refuses the writer (a reader, not a moderator): then nothing is counted. */
  refusedIfBanned: boolean;
}

/** Who writes: a reader by id, or a guest by the name they give (guests' duplicates are told apart by name). */
export type Writer = { authorId: string } | { guestName: string };

type Row = [
  request_hash: string | null, status_code: number | null, response: string | null,
  parent_id: string | null, parent_thread: string | null, parent_root: string | null, parent_author: string | null, parent_status: string | null,
  banned: boolean | number, author: boolean | number, duplicate: boolean | number, counted?: Array<[string, number]> | null,
];

// $1 principal, $2 idempotency key, $3 parent id, $4 reader id or guest name, $5 thread, $6 body hash.
const JOINS = `from (select 1 as one) as here
  left join idempotency_keys k on k.principal = $1 and k.key = $2
  left join comments p on p.id = $3`;
const STORED_AND_PARENT = 'k.request_hash, k.status_code, k.response, p.id, p.thread, p.root_id, p.author_id, p.status';
const SAME_TEXT = "select 1 from comments c where c.thread = $5 and c.body_hash = $6 and c.status <> 'deleted'";

const READER_SQL = `select ${STORED_AND_PARENT},
  exists (select 1 from bans b where b.author_id = $4) as banned,
  exists (select 1 from thread_authors a where a.thread = $5 and a.author_id = $4) as author,
  exists (${SAME_TEXT} and c.author_id = $4) as duplicate
  ${JOINS}`;

const GUEST_SQL = `select ${STORED_AND_PARENT}, false as banned, false as author,
  exists (${SAME_TEXT} and c.guest = 1 and c.author_name = $4) as duplicate
  ${JOINS}`;

/**
 * PostgreSQL: the facts, and the hits of limits $8 in window $7 counted (as PostLimiter.hit does)
 * unless the facts refuse the post; $9: whether a ban refuses this writer.
 */
const countingSql = (facts: string) => `with facts as (${facts}),
  hit as (
    insert into post_limits (key, window_start, count)
    select u.key, $7::bigint, 1 from unnest($8::text[]) with ordinality as u(key, i)
    where not exists (select 1 from facts f where f.request_hash is not null or (f.banned and $9::boolean))
    order by u.i
    on conflict (key, window_start) do update set count = post_limits.count + 1
    returning key, count)
  select facts.*, (select json_agg(json_build_array(h.key, h.count)) from hit h) from facts`;

const prepared = new WeakMap<Database_, { reader: PreparedQuery<Row>; guest: PreparedQuery<Row>; counting: boolean }>();

function statements(database: Database_) {
  let s = prepared.get(database);
  if (!s) {
    // SQLite has no writing WITH: the route counts the hits with PostLimiter (no round trip to save there).
    const counting = database.dialect === 'postgres';
    const text = counting ? countingSql : (facts: string) => facts;
    s = {
      reader: database.prepare<Row>(`inkwell_post_facts_reader${counting ? '_counting' : ''}`, text(READER_SQL)),
      guest: database.prepare<Row>(`inkwell_post_facts_guest${counting ? '_counting' : ''}`, text(GUEST_SQL)),
      counting,
    };
    prepared.set(database, s);
  }
  return s;
}

export async function postFacts(
  database: Database_, write: IdempotentWrite, writer: Writer, thread: string, bodyHash: string, parentId: string | undefined, limiting: Limiting,
): Promise<PostFacts> {
  const s = statements(database);
  const reader = 'authorId' in writer;
  const query = reader ? s.reader : s.guest;
  const params: unknown[] = [write.principal, write.key ?? null, parentId ?? null, reader ? writer.authorId : writer.guestName, thread, bodyHash];
  if (s.counting) params.push(limiting.windowStart, limiting.keys, limiting.refusedIfBanned);
  const [row] = await query(params);
  const [requestHash, statusCode, response, parent, parentThread, parentRoot, parentAuthor, parentStatus, banned, author, duplicate, counted] = row!;
  return {
    stored: requestHash === null ? undefined : { request_hash: requestHash, status_code: Number(statusCode), response: response! },
    banned: Boolean(banned),
    author: Boolean(author),
    parent: parent === null ? undefined : { id: parent, thread: parentThread!, root_id: parentRoot!, author_id: parentAuthor!, status: parentStatus! },
    duplicate: Boolean(duplicate),
    counted: counted ? counted.map(([key, count]) => ({ key, count })) : undefined,
  };
}

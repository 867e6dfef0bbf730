/**
 * The statements that write a thread listing's JSON in the database: the page's comments, their
 * replies, reply counts and reactions come out as JSON text, in the order and form the route's
 * response schema serialises the listing's objects (views.ts, reactions/listing.ts; checked byte for
 * byte by listing-json.test.ts). Handing the driver a few strings instead of fifteen values per row,
 * and the serializer nothing, is most of what an uncached listing used to cost.
 *
 * Parameters: $1 thread, $2 the viewer's author id (null for anonymous readers), $3 1 for moderators
 * else 0, $4 the page size plus one (the extra row tells whether a next page exists), $5 the reactor
 * whose own reactions are `mine` (null: none), $6 and $7 the cursor's time and id (for the `top`
 * order: $6 the offset). SQLite's replies statement takes the listed ids as a JSON array in $6.
 */
import { REACTION_KINDS } from '../reactions/schemas.js';
import { REPLIES_PER_PAGE, type Order } from './listing-sql.js';


export type JsonDialect = 'sqlite' | 'postgres';

/** A listing's parts as the statements select them (counts may come as strings). */
export interface JsonParts {
  tops: string | null;
  fetched: number;
  lastCreatedAt: number | null;
  lastId: string | null;
  replies: string | null;
  replyCount: number;
  hiddenParents: number;
  total: number;
  threadReactions: string | null;
}

const num = (x: unknown) => (x === null ? null : Number(x));

/**
 * SQLite's page row and, in threads with replies, its replies row (sqliteJsonStatements). The page's
 * JSON holds one comment more than `limit` when there is a next page: that one is cut off, and the
 * last listed one gives the cursor's keys. Comments are joined by `},{"id":`, which occurs nowhere
 * else: inside a JSON string every quote is escaped, and an author object follows a colon.
 */
export function partsOfSqlite(row: unknown[], limit: number, replyRow: unknown[] | null): JsonParts {
  let tops = row[0] as string | null;
  const fetched = Number(row[1]);
  let last: { id: string; createdAt: string } | null = null;
  if (fetched > limit && tops !== null) {
    tops = tops.slice(0, tops.lastIndexOf(COMMENT_JOINT) + 1);
    const at = tops.lastIndexOf(COMMENT_JOINT);
    last = JSON.parse(at < 0 ? tops : tops.slice(at + 2)) as { id: string; createdAt: string };
    if (last.id === row[2]) last = null;
  }
  return {
    tops, fetched, lastCreatedAt: last && Date.parse(last.createdAt), lastId: last && last.id,
    replies: replyRow ? (replyRow[0] as string | null) : null, replyCount: replyRow ? Number(replyRow[1]) : 0,
    hiddenParents: replyRow ? Number(replyRow[2] ?? 0) : 0, total: Number(row[4]), threadReactions: row[5] as string | null,
  };
}

const COMMENT_JOINT = '},{"id":';

/** PostgreSQL's one row. */
export function partsOfPostgres(row: unknown[]): JsonParts {
  return {
    tops: row[0] as string | null, fetched: Number(row[1]), lastCreatedAt: num(row[2]), lastId: row[3] as string | null,
    replies: row[4] as string | null, replyCount: Number(row[5]), hiddenParents: Number(row[6] ?? 0),
    total: Number(row[7]), threadReactions: row[8] as string | null,
  };
}

/** An ISO 8601 time (Date#toISOString) of milliseconds since the epoch, quoted as JSON. */
export function isoTimeSql(dialect: JsonDialect, ms: string): string {
  return dialect === 'postgres'
    ? `'"' || to_char(timestamp 'epoch' + ${ms} * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'`
    // One call: SQLite keeps times as whole milliseconds, so %f prints exactly the milliseconds given.
    : `strftime('"%Y-%m-%dT%H:%M:%fZ"', ${ms} / 1000.0, 'unixepoch')`;
}

function sqlFor(dialect: JsonDialect) {
  const pg = dialect === 'postgres';
  /** A JSON string literal of a text value, escaped as JSON.stringify escapes it. */
  const quote = (x: string) => (pg ? `to_json(${x}::text)::text` : `json_quote(${x})`);
  const iso = (ms: string) => isoTimeSql(dialect, ms);
  const agg = (x: string, order: string) => (pg ? `string_agg(${x}, ',' ORDER BY ${order})` : `group_concat(${x}, ',' ORDER BY ${order})`);
  const kindRank = `CASE kind ${REACTION_KINDS.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END`;
  return { pg, quote, iso, agg, kindRank };
}

/** Rows the viewer may see: published, their own pending ones, all pending ones for moderators. */
const visible = (alias: string) =>
  `(${alias}.status = 'published' OR (${alias}.status = 'pending' AND ($3 = 1 OR ${alias}.author_id = $2)))`;

/** Expressions of what a comment's JSON reads besides its stored columns. */
interface Extras {
  byAuthor: string;
  pinned: string;
  rc: string;
  rj: string;
}

/**
 * SQLite: the index that holds every comment's JSON up to its last stored property, as a reader who
 * sees the comment as stored reads it (no pending edit shown): `{"id":…, …,"status":…,"editedAt":…`
 * without the closing brace. SQLite keeps an indexed expression's value in the index, and a statement
 * that reads the row through that index and names the same expression reads the value instead of
 * writing it again: what a listed comment costs is then mostly its labels and counts. A post writes
 * the entry once (about the size of the comment). The expression is fixed by the migration that made
 * the index (db.ts): a changed expression still lists correctly, but writes every comment again
 * until a migration builds the index anew.
 */
export const PLAIN_JSON_INDEX = 'comments_plain_json';

export function plainJsonSql(): string {
  const { quote, iso } = sqlFor('sqlite');
  return `concat('{"id":', ${quote('id')}, ',"thread":', ${quote('thread')}, ',"parentId":', COALESCE(${quote('parent_id')}, 'null'),
    ',"author":{"id":', ${quote('author_id')}, ',"name":', ${quote('author_name')},
    CASE WHEN guest = 1 THEN ',"guest":true' ELSE ',"guest":false' END,
    CASE WHEN author_picture <> '' THEN ',"picture":' || ${quote('author_picture')} END,
    '},"body":', ${quote('body')}, ',"createdAt":', ${iso('created_at')}, ',"status":', ${quote('status')},
    CASE WHEN edited_at IS NOT NULL THEN ',"editedAt":' || ${iso('edited_at')} END)`;
}

/**
 * One comment as the viewer sees it (views.ts `viewFor`): the whole comment, or a placeholder. Reads
 * the row's columns, `rc` (its reply count, top-level comments only) and `rj` (its reactions' JSON).
 * `indexed`: the row is read through PLAIN_JSON_INDEX, whose stored JSON starts every comment shown
 * without a pending edit.
 */
function commentJson(dialect: JsonDialect, topLevel: boolean, x: Extras = { byAuthor: 'by_author', pinned: 'pinned', rc: 'rc', rj: 'rj' }, indexed = false): string {
  const { quote, iso } = sqlFor(dialect);
  const mayRead = `(status = 'published' OR $3 = 1 OR (status = 'pending' AND author_id = $2))`;
  const showsEdit = `(pending_body IS NOT NULL AND (author_id = $2 OR $3 = 1))`;
  // concat() writes its parts once (each || would copy the text so far) and takes NULL for nothing.
  const head = [`'{"id":'`, quote('id'), `',"thread":'`, quote('$1'), `',"parentId":'`, `COALESCE(${quote('parent_id')}, 'null')`];
  const replyCount = topLevel ? [`',"replyCount":'`, `COALESCE(${x.rc}, 0)`] : [];
  // The order of the schema serializer: required properties first, then the optional ones, each in schema order.
  const full = [...head, `',"author":{"id":'`, quote('author_id'), `',"name":'`, quote('author_name'),
    `CASE WHEN guest = 1 THEN ',"guest":true' ELSE ',"guest":false' END`,
    `CASE WHEN author_picture <> '' THEN ',"picture":' || ${quote('author_picture')} END`,
    `'},"body":'`, quote(`CASE WHEN ${showsEdit} THEN pending_body ELSE body END`),
    `',"createdAt":'`, iso('created_at'), `',"status":'`, quote('status'),
    `CASE WHEN ${showsEdit} AND pending_edited_at IS NOT NULL THEN ',"editedAt":' || ${iso('pending_edited_at')}
       WHEN edited_at IS NOT NULL THEN ',"editedAt":' || ${iso('edited_at')} END`,
    `CASE WHEN ${x.byAuthor} = 1 THEN ',"byAuthor":true' END`,
    `CASE WHEN ${x.pinned} = 1 THEN ',"pinned":true' END`, ...replyCount,
    `CASE WHEN author_id = $2 THEN ',"own":true' END`,
    `CASE WHEN ${showsEdit} THEN ',"editPending":true,"publishedBody":' || ${quote('body')} END`,
    `CASE WHEN status = 'published' THEN ',"reactions":' || ${x.rj} END`, `'}'`];
  // The same text when no edit is shown: the stored part, then the labels, counts and reactions, without
  // what the thread cannot have (each part costs every comment).
  const labels = [
    ...(x.byAuthor === '0' ? [] : [`CASE WHEN ${x.byAuthor} = 1 THEN ',"byAuthor":true' END`]),
    `CASE WHEN ${x.pinned} = 1 THEN ',"pinned":true' END`, ...(x.rc === '0' && topLevel ? [`',"replyCount":0'`] : replyCount),
    `CASE WHEN author_id = $2 THEN ',"own":true' END`,
    ...(x.rj === 'NULL' ? [] : [`CASE WHEN status = 'published' THEN ',"reactions":' || ${x.rj} END`]), `'}'`];
  if (indexed) {
    // Every other case (a placeholder, a pending edit shown) written from the table row by a subquery:
    // in the expression itself, even branches not taken cost SQLite about a third more per comment.
    const plain = `status <> 'deleted' AND ${mayRead} AND NOT ${showsEdit}`;
    return `CASE WHEN ${plain} THEN concat(${[plainJsonSql(), ...labels].join(', ')})
      ELSE (SELECT ${commentJson(dialect, topLevel, x)} FROM comments x WHERE x.id = c.id) END`;
  }
  const shown = `concat(${full.join(', ')})`;
  // `hidden` (by a ban) reads as `removed`, like a moderator's decision.
  const placeholder = [...head, `',"author":{"id":"","name":"","guest":false},"body":"","createdAt":'`, iso('created_at'),
    `',"status":'`, `CASE status WHEN 'deleted' THEN '"deleted"' WHEN 'pending' THEN '"held"' ELSE '"removed"' END`, ...replyCount, `'}'`];
  return `CASE WHEN status <> 'deleted' AND ${mayRead} THEN ${shown} ELSE concat(${placeholder.join(', ')}) END`;
}

/** The order of top-level comments (as `orderBy` in listing-sql.ts), of rows with `pinned` and `score` columns. */
function orderBy(order: Order): string {
  if (order === 'top') return `pinned DESC, score DESC, created_at DESC, id DESC`;
  const dir = order === 'newest' ? 'DESC' : 'ASC';
  return `pinned DESC, created_at ${dir}, id ${dir}`;
}

/** A comment's reactions as JSON (null when it has none), looked up only in threads with any reactions. */
function reactionsJson(dialect: JsonDialect, target: string): string {
  const { pg, quote, agg, kindRank } = sqlFor(dialect);
  return `CASE WHEN (SELECT 1 FROM reactions WHERE thread = $1 LIMIT 1) IS NOT NULL THEN (
      SELECT '{"counts":{' || ${agg(`${quote('kind')} || ':' || k`, 'rank')} || '}'
        || CASE WHEN max(mine) = 1 THEN ',"mine":[' || ${agg(`CASE WHEN mine = 1 THEN ${quote('kind')} END`, 'rank')} || ']' ELSE '' END || '}'
      FROM (SELECT kind, count(*) AS k, max(CASE WHEN reactor = ${pg ? '$5::text' : '$5'} THEN 1 ELSE 0 END) AS mine, ${kindRank} AS rank
        FROM reactions WHERE thread = $1 AND target = ${target} GROUP BY kind) kinds) END`;
}

const pinnedId = `(SELECT p.comment_id FROM thread_pins p WHERE p.thread = $1)`;

/**
 * Whether thread $1 has any replies. Uncorrelated, so PostgreSQL evaluates it once per statement (an
 * InitPlan): in a thread without replies each comment's reply count and the replies' lookups are
 * skipped (about a fifth of the 100-comment page's time in PostgreSQL).
 */
const threadHasReplies = `EXISTS (SELECT 1 FROM comments x WHERE x.thread = $1 AND x.parent_id IS NOT NULL)`;

const byAuthorOf = (alias: string) => `CASE WHEN ${alias}.author_id IN (SELECT a.author_id FROM thread_authors a WHERE a.thread = $1) THEN 1 ELSE 0 END`;
const replyCountOf = (alias: string) =>
  `(SELECT count(*) FROM comments r WHERE r.root_id = ${alias}.id AND r.parent_id IS NOT NULL AND ${visible('r')})`;

/**
 * What a thread holds besides top-level comments. SQLite's statements are written for what the thread
 * has (listing.ts asks first, by three index seeks): in a thread without reactions, authors or replies,
 * the lookups of each per comment are left out, and cost nothing.
 */
export interface ThreadHas {
  reactions: boolean;
  /** A pinned comment (SQLite's page statements only). */
  pin?: boolean;
  authors: boolean;
  replies: boolean;
}

const EVERYTHING: ThreadHas = { reactions: true, authors: true, replies: true, pin: true };

/** Whether thread $1 has reactions, authors, replies and a pinned comment (1 or 0 each), in that order. */
export const threadHasSql = `SELECT EXISTS (SELECT 1 FROM reactions WHERE thread = $1), EXISTS (SELECT 1 FROM thread_authors WHERE thread = $1),
  EXISTS (SELECT 1 FROM comments WHERE thread = $1 AND parent_id IS NOT NULL), EXISTS (SELECT 1 FROM thread_pins WHERE thread = $1)`;

/** What the JSON of a listed comment `c` reads besides its stored columns. */
const extras = (dialect: JsonDialect, has = EVERYTHING) => `${has.authors ? byAuthorOf('c') : '0'} AS by_author,
      CASE WHEN c.id = ${pinnedId} THEN 1 ELSE 0 END AS pinned, ${has.reactions ? reactionsJson(dialect, 'c.id') : 'NULL'} AS rj`;

/**
 * The page's top-level comments `c` (all columns, `n` their place, `rc` their visible replies), one
 * more than the page when there is a next page. Replies counted here, not from the listed replies:
 * the same unless the page has more replies than it lists (then listing.ts counts them itself).
 */
function topLevel(dialect: JsonDialect, order: Order, afterCursor: boolean): string {
  const op = order === 'newest' ? '<' : '>';
  const after = afterCursor && order !== 'top'
    ? `AND (c.created_at ${op} $6 OR (c.created_at = $6 AND c.id ${op} $7)) AND c.id IS DISTINCT FROM ${pinnedId}` : '';
  const score = order === 'top' ? `, (SELECT count(*) FROM reactions x WHERE x.thread = $1 AND x.target = c.id) AS score` : '';
  // Placed by their keys alone: a window over whole rows cost more than the rest of the statement.
  // The outer LIMIT keeps SQLite from flattening this into the aggregate that reads it, which would
  // evaluate the correlated subqueries once for each use of their column instead of once.
  return `SELECT c.*, k.n, ${extras(dialect)},
      CASE WHEN ${threadHasReplies} THEN ${replyCountOf('c')} ELSE 0 END AS rc
    FROM (SELECT id, row_number() OVER (ORDER BY ${orderBy(order)}) AS n FROM (
      SELECT c.id, c.created_at, CASE WHEN c.id = ${pinnedId} THEN 1 ELSE 0 END AS pinned${score} FROM comments c
      WHERE c.thread = $1 AND c.parent_id IS NULL ${after}
        AND (${visible('c')} OR EXISTS (
          SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.parent_id IS NOT NULL AND ${visible('r')}))
      ORDER BY ${orderBy(order)} LIMIT $4${afterCursor && order === 'top' ? ' OFFSET $6' : ''}) c) k
    JOIN comments c ON c.id = k.id LIMIT $4`;
}

/** The visible replies to the top-level comments whose ids `ids` selects, oldest first, at most REPLIES_PER_PAGE. */
function replies(dialect: JsonDialect, ids: string, has = EVERYTHING): string {
  return `SELECT c.*, ${extras(dialect, has)} FROM (
    SELECT r.* FROM (${ids}) top CROSS JOIN comments r
    WHERE ${dialect === 'postgres' ? `${threadHasReplies} AND ` : ''}r.root_id = top.id AND r.parent_id IS NOT NULL AND ${visible('r')}
    ORDER BY r.created_at, r.id LIMIT ${REPLIES_PER_PAGE}) c LIMIT ${REPLIES_PER_PAGE}`;
}

/**
 * Of the top-level rows `t`: their JSON in order (the page), how many were fetched, the time and id of
 * the last one listed when there is a next page (null when that is the pinned one), and the listed ids
 * as a JSON array.
 */
function topSelect(dialect: JsonDialect): string {
  const { agg } = sqlFor(dialect);
  return `${agg(`CASE WHEN n < $4 THEN ${commentJson(dialect, true)} END`, 'n')}, count(*),
    max(CASE WHEN n = $4 - 1 AND pinned = 0 THEN created_at END), max(CASE WHEN n = $4 - 1 AND pinned = 0 THEN id END)`;
}

/** Of the reply rows: their JSON (oldest first), their number, and how many hang below a comment the viewer may not read. */
function replySelect(dialect: JsonDialect): string {
  const { agg } = sqlFor(dialect);
  return `${agg(commentJson(dialect, false), 'created_at, id')}, count(*),
    sum(CASE WHEN parent_id <> root_id AND NOT EXISTS (SELECT 1 FROM comments p WHERE p.id = c.parent_id AND ${visible('p')}) THEN 1 ELSE 0 END)`;
}

/** The total, and the thread's own reactions as JSON (null when none). */
const threadSelect = (dialect: JsonDialect, has = EVERYTHING) =>
  `(SELECT count(*) FROM comments c WHERE c.thread = $1 AND ${visible('c')}), ${has.reactions ? reactionsJson(dialect, "''") : 'NULL'}`;

/**
 * SQLite: the index of top-level comments that holds, in the page's order (thread, time, id), what a
 * listing reads of them: status, writer, a pending edit, and the JSON up to the last stored property
 * (plainJsonSql). A page is one range scan of it, without the table: no sort, no lookups. `parent_id`
 * (null in all of them) is a column too, and `pending_body` (null but for pending edits): without
 * them SQLite reads each row. Replies are not in it (they are found by their root and written whole).
 */
export const TOP_JSON_INDEX = 'comments_top_json';

export function topJsonIndexSql(): string {
  return `CREATE INDEX ${TOP_JSON_INDEX} ON comments (thread, parent_id, created_at, id, status, author_id, pending_body, ${plainJsonSql()}) WHERE parent_id IS NULL`;
}

/** The visible total: top-level comments from TOP_JSON_INDEX, replies (if any) from the table. */
const sqliteTotal = (has: ThreadHas) =>
  `(SELECT count(*) FROM comments c INDEXED BY ${TOP_JSON_INDEX} WHERE c.thread = $1 AND c.parent_id IS NULL AND ${visible('c')})` +
  (has.replies ? ` + (SELECT count(*) FROM comments c WHERE c.thread = $1 AND c.parent_id IS NOT NULL AND ${visible('c')})` : '');

/** Top-level comment `c` is listed: visible, or holding visible replies (then as a placeholder). */
const listedTop = (has: ThreadHas) => has.replies
  ? `(${visible('c')} OR EXISTS (SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.parent_id IS NOT NULL AND ${visible('r')}))`
  : visible('c');

/**
 * SQLite: the page as one row: its comments' JSON (one more than the page when there is a next page),
 * how many were fetched, the pinned comment's id, the fetched ids as a JSON array (threads with
 * replies, for the replies statement), the visible total and the thread's own reactions. Then, in
 * threads with replies, the replies statement (the fetched ids in $6, the first $4 - 1 listed). One
 * aggregate row costs SQLite less than a row per comment, and the driver one string instead of a
 * hundred. The oldest and newest orders read the index in its order, the pinned comment put first by
 * a compound select (SQLite runs its parts in order); `top` sorts the keys by score, then reads each
 * comment's JSON from the index by its keys.
 */
export function sqliteJsonStatements(order: Order, afterCursor: boolean, has: ThreadHas = EVERYTHING) {
  return { page: sqlitePage(order, afterCursor, has), replies: sqliteReplies(has) };
}

/**
 * A LIMIT or OFFSET of parameter $n in SQLite. SQLite (3.53 here) reads the value of a plain `LIMIT $n`
 * when it plans a statement, and therefore plans it again whenever $n is bound, which better-sqlite3
 * does on every run: the page statement was prepared anew on every listing, about half its time.
 * A CAST is no plain parameter to it; the plan (the index's order, no sort) is the same.
 */
const bound = (n: number) => `CAST($${n} AS INTEGER)`;

function sqlitePage(order: Order, afterCursor: boolean, has: ThreadHas): string {
  const json = (pinned: string) => commentJson('sqlite', true, {
    byAuthor: has.authors ? byAuthorOf('c') : '0', pinned, rc: has.replies ? replyCountOf('c') : '0',
    rj: has.reactions ? reactionsJson('sqlite', 'c.id') : 'NULL',
  }, true);
  const from = `comments c INDEXED BY ${TOP_JSON_INDEX}`;
  let rows: string;
  if (order === 'top') {
    const score = has.reactions ? `(SELECT count(*) FROM reactions x WHERE x.thread = $1 AND x.target = c.id)` : '0';
    // CROSS JOIN: the keys in their order drive the loop.
    rows = `SELECT ${json('k.pinned')} AS j, c.id FROM (
        SELECT c.id AS key, c.created_at AS at, CASE WHEN c.id = ${pinnedId} THEN 1 ELSE 0 END AS pinned, ${score} AS score FROM ${from}
        WHERE c.thread = $1 AND c.parent_id IS NULL AND ${listedTop(has)}
        ORDER BY ${orderBy(order)} LIMIT ${bound(4)}${afterCursor ? ` OFFSET ${bound(6)}` : ''}) k
      CROSS JOIN ${from} WHERE c.thread = $1 AND c.parent_id IS NULL AND c.created_at = k.at AND c.id = k.key`;
  } else {
    const op = order === 'newest' ? '<' : '>';
    const dir = order === 'newest' ? 'DESC' : 'ASC';
    const after = afterCursor ? `AND (c.created_at ${op} $6 OR (c.created_at = $6 AND c.id ${op} $7))` : '';
    const rest = `SELECT * FROM (SELECT ${json('0')} AS j, c.id FROM ${from}
        WHERE c.thread = $1 AND c.parent_id IS NULL ${after} ${has.pin ? `AND c.id IS NOT ${pinnedId}` : ''} AND ${listedTop(has)}
        ORDER BY c.created_at ${dir}, c.id ${dir} LIMIT ${bound(4)})`;
    // The pinned comment's part made the whole statement cost SQLite half as much again: only where there is one.
    rows = afterCursor || !has.pin ? rest : `SELECT ${json('1')} AS j, c.id FROM comments c
        WHERE c.id = ${pinnedId} AND c.thread = $1 AND c.parent_id IS NULL AND ${listedTop(has)}
      UNION ALL ${rest}`;
  }
  // A first page without replies that holds every listed comment counts the total itself: no second scan.
  const total = afterCursor || has.replies ? sqliteTotal(has) : `CASE WHEN count(*) < $4 THEN count(*) ELSE ${sqliteTotal(has)} END`;
  return `SELECT group_concat(j, ','), count(*), ${has.pin ? pinnedId : 'NULL'}, ${has.replies ? 'json_group_array(id)' : 'NULL'}, ${total},
        ${has.reactions ? reactionsJson('sqlite', "''") : 'NULL'}
      FROM (${rows} LIMIT ${bound(4)})`;
}

const sqliteReplies = (has: ThreadHas) =>
  `SELECT ${replySelect('sqlite')} FROM (${replies('sqlite', 'SELECT value AS id FROM json_each($6) WHERE key < $4 - 1', has)}) c`;

/** PostgreSQL: one statement, one round trip; the same row as both SQLite statements' together (without the ids). */
export function postgresJsonStatement(order: Order, afterCursor: boolean): string {
  return `WITH t AS (${topLevel('postgres', order, afterCursor)})
SELECT p.*, r.*, ${threadSelect('postgres')}
FROM (SELECT ${topSelect('postgres')} FROM t c) p,
  (SELECT ${replySelect('postgres')} FROM (${replies('postgres', 'SELECT id FROM t WHERE n < $4')}) c) r`;
}

/**
 * A page of a thread as a viewer sees it, in one prepared statement: the top-level comments of the
 * page, their replies and the thread's visible total. Building and preparing the query each time
 * cost more than running it, so the four forms (oldest or newest first, from the start or after a
 * cursor) are prepared once per database and the viewer is a parameter.
 */
import type { Kysely } from 'kysely';
import type { DB, Database_, PreparedQuery } from '../db.js';
import { isModerator, type Viewer } from '../auth.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import type { Comment, CommentPage, ThreadQuery } from './schemas.js';
import { viewFor, type ViewRow } from './views.js';

const REPLIES_PER_PAGE = 1000;

const COLUMNS = 'id, thread, parent_id, root_id, author_id, author_name, author_picture, guest, body, status, created_at, edited_at, pending_body, pending_edited_at';
const NO_COLUMNS = COLUMNS.split(', ').map(() => 'NULL').join(', ');

/** A row of the listing: `part` 0 a top-level comment (`n` its place), 1 a reply, 2 the total (`n`). */
type ListedRow = ViewRow & { part: number; n: number };

/**
 * Rows `$2` (an author id, or null) may see: published, their own pending ones, all pending ones when
 * `$3` is 1 (moderators).
 */
const visible = (alias: string) =>
  `(${alias}.status = 'published' OR (${alias}.status = 'pending' AND ($3 = 1 OR ${alias}.author_id = $2)))`;

/**
 * Parameters: $1 thread, $2 and $3 the viewer (see `visible`), $4 the page size plus one (the extra
 * row tells whether a next page exists), $5 and $6 the cursor's time and id. Top-level comments are
 * listed when visible or when they hold visible replies (as placeholders then).
 */
function listingSql(desc: boolean, afterCursor: boolean): string {
  const dir = desc ? 'DESC' : 'ASC';
  const op = desc ? '<' : '>';
  const after = afterCursor ? `AND (c.created_at ${op} $5 OR (c.created_at = $5 AND c.id ${op} $6))` : '';
  return `WITH top AS (
  SELECT ${COLUMNS} FROM comments c
  WHERE c.thread = $1 AND c.parent_id IS NULL ${after}
    AND (${visible('c')} OR EXISTS (
      SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.parent_id IS NOT NULL AND ${visible('r')}))
  ORDER BY c.created_at ${dir}, c.id ${dir} LIMIT $4
), listed AS (
  SELECT top.*, row_number() OVER (ORDER BY created_at ${dir}, id ${dir}) AS n FROM top
), replies AS (
  SELECT ${COLUMNS} FROM comments r
  WHERE r.root_id IN (SELECT id FROM listed WHERE n < $4) AND r.parent_id IS NOT NULL AND ${visible('r')}
  ORDER BY r.created_at, r.id LIMIT ${REPLIES_PER_PAGE}
)
SELECT 0 AS part, ${COLUMNS}, n FROM listed
UNION ALL SELECT 1, ${COLUMNS}, row_number() OVER (ORDER BY created_at, id) FROM replies
UNION ALL SELECT 2, ${NO_COLUMNS}, count(*) FROM comments c WHERE c.thread = $1 AND ${visible('c')}
ORDER BY part, n`;
}

const statements = new WeakMap<Database_, Map<string, PreparedQuery<ListedRow>>>();

function statement(database: Database_, desc: boolean, afterCursor: boolean): PreparedQuery<ListedRow> {
  let forDatabase = statements.get(database);
  if (!forDatabase) statements.set(database, (forDatabase = new Map()));
  const name = `inkwell_listing_${desc ? 'newest' : 'oldest'}_${afterCursor ? 'after' : 'first'}`;
  let query = forDatabase.get(name);
  if (!query) forDatabase.set(name, (query = database.prepare<ListedRow>(name, listingSql(desc, afterCursor))));
  return query;
}

/** A page of a thread as `viewer` sees it: top-level comments, then their replies (and placeholders) oldest first. */
export async function listThread(database: Database_, thread: string, viewer: Viewer | null, q: ThreadQuery): Promise<CommentPage> {
  const params: unknown[] = [thread, viewer?.authorId ?? null, isModerator(viewer) ? 1 : 0, q.limit + 1];
  if (q.cursor) params.push(...decodeCursor(q.cursor));
  const rows = await statement(database, q.sort === 'newest', q.cursor !== undefined)(params);
  const comments: Comment[] = [];
  const tops = new Map<string, Comment>();
  const replies: ViewRow[] = [];
  let total = 0;
  let more = false;
  let last: ListedRow | undefined;
  for (const row of rows) {
    if (row.part === 2) total = Number(row.n);
    else if (row.part === 1) replies.push(row);
    else if (row.n > q.limit) more = true;
    else {
      const view = viewFor(row, viewer);
      view.replyCount = 0;
      tops.set(row.id, view);
      comments.push(view);
      last = row;
    }
  }
  for (const r of replies) tops.get(r.root_id)!.replyCount!++;
  const hidden = await hiddenParents(database.db, tops, replies);
  const below = hidden.length ? [...replies, ...hidden].sort(byTime) : replies;
  for (const r of below) comments.push(viewFor(r, viewer));
  return { comments, total, nextCursor: more && last ? encodeCursor(Number(last.created_at), last.id) : null };
}

const byTime = (a: ViewRow, b: ViewRow) => Number(a.created_at) - Number(b.created_at) || (a.id < b.id ? -1 : 1);

/**
 * The parents of listed replies that are not listed themselves, up to the top: replies the viewer may
 * not read (held, removed, deleted) come out as placeholders, so the replies below keep their place.
 * Rare, so not part of the statement above.
 */
async function hiddenParents(db: Kysely<DB>, tops: Map<string, Comment>, replies: ViewRow[]): Promise<ViewRow[]> {
  const known = new Set(tops.keys());
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

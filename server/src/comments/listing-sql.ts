/**
 * The statements of a thread listing. Parameters, as numbered in `visible` and `topLevel`: $1 thread,
 * $2 the viewer's author id (null for anonymous readers), $3 1 for moderators else 0, $4 the page size
 * plus one (the extra row tells whether a next page exists), $5 and $6 the cursor's time and id (for
 * the `top` order: $5 the offset). Every statement selects COLUMNS first, in that order.
 */

/** `top`: the most reactions first, then the newest. */
export type Order = 'oldest' | 'newest' | 'top';

export const REPLIES_PER_PAGE = 1000;

// Not `thread`: every listed row is in the thread asked for.
const STORED = ['id', 'parent_id', 'root_id', 'author_id', 'author_name', 'author_picture', 'guest', 'body', 'status', 'created_at', 'edited_at', 'pending_body', 'pending_edited_at'];
const COLUMNS = [...STORED, 'by_author', 'pinned'];

/** 1 when the row is the thread's pinned comment, else 0 (a primary-key lookup). */
const isPinned = (alias: string) => `EXISTS (SELECT 1 FROM thread_pins p WHERE p.thread = ${alias}.thread AND p.comment_id = ${alias}.id)`;
const byAuthor = (alias: string) => `EXISTS (SELECT 1 FROM thread_authors a WHERE a.thread = ${alias}.thread AND a.author_id = ${alias}.author_id)`;
const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const columns = (alias: string) =>
  `${STORED.map((c) => `${alias}.${c}`).join(', ')}, ${flag(byAuthor(alias))} AS by_author, ${flag(isPinned(alias))} AS pinned`;

/** Rows the viewer may see: published, their own pending ones, all pending ones for moderators. */
const visible = (alias: string) =>
  `(${alias}.status = 'published' OR (${alias}.status = 'pending' AND ($3 = 1 OR ${alias}.author_id = $2)))`;

/** The order of top-level comments, of rows selected by `topLevel` (no alias) or of `c` itself. */
function orderBy(order: Order, alias = ''): string {
  // The pinned comment first, whatever the order (pages after the first leave it out, or, by offset, keep this order).
  if (order === 'top') return `pinned DESC, score DESC, ${alias}created_at DESC, ${alias}id DESC`;
  const dir = order === 'newest' ? 'DESC' : 'ASC';
  return `pinned DESC, ${alias}created_at ${dir}, ${alias}id ${dir}`;
}

/** Reactions to a top-level comment: what the `top` order ranks by (an index-only count). */
const score = `(SELECT count(*) FROM reactions x WHERE x.thread = $1 AND x.target = c.id)`;

/**
 * Top-level comments of the page: visible, or holding visible replies (listed as placeholders then).
 * The `top` order pages by offset and selects its `score` after COLUMNS.
 */
function topLevel(order: Order, afterCursor: boolean): string {
  const op = order === 'newest' ? '<' : '>';
  const after = afterCursor && order !== 'top' ? `AND (c.created_at ${op} $5 OR (c.created_at = $5 AND c.id ${op} $6)) AND NOT ${isPinned('c')}` : '';
  return `SELECT ${columns('c')}${order === 'top' ? `, ${score} AS score` : ''} FROM comments c
    WHERE c.thread = $1 AND c.parent_id IS NULL ${after}
      AND (${visible('c')} OR EXISTS (
        SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.parent_id IS NOT NULL AND ${visible('r')}))
    ORDER BY ${orderBy(order, order === 'top' ? '' : 'c.')} LIMIT $4${afterCursor && order === 'top' ? ' OFFSET $5' : ''}`;
}

const total = `SELECT count(*) FROM comments c WHERE c.thread = $1 AND ${visible('c')}`;

// CROSS JOIN keeps SQLite from walking the status index (every published comment) instead of the few replies.
const repliesWhere = `r.root_id = top.id AND r.parent_id IS NOT NULL AND ${visible('r')}
    ORDER BY r.created_at, r.id LIMIT ${REPLIES_PER_PAGE}`;

/**
 * SQLite: three statements. They run in the process, without round trips, and each costs less alone
 * than as one compound statement. The replies statement takes the page's ids as a JSON array in $1.
 */
export function sqliteStatements(order: Order, afterCursor: boolean) {
  return {
    topLevel: topLevel(order, afterCursor),
    replies: `SELECT ${columns('r')} FROM (SELECT value AS id FROM json_each($1)) top CROSS JOIN comments r WHERE ${repliesWhere}`,
    total,
  };
}

/**
 * PostgreSQL: one statement, one round trip. After COLUMNS come `part` (0 a top-level comment, 1 a
 * reply, 2 the total) and `n` (the place in its part, or the total).
 */
export function postgresStatement(order: Order, afterCursor: boolean): string {
  const nothing = COLUMNS.map(() => 'NULL').join(', ');
  return `WITH top_page AS (${topLevel(order, afterCursor)}),
  listed AS (SELECT top_page.*, row_number() OVER (ORDER BY ${orderBy(order)}) AS n FROM top_page),
  replies AS (SELECT ${columns('r')} FROM (SELECT id FROM listed WHERE n < $4) top CROSS JOIN comments r WHERE ${repliesWhere})
SELECT ${COLUMNS.join(', ')}, 0 AS part, n FROM listed
UNION ALL SELECT ${COLUMNS.join(', ')}, 1, row_number() OVER (ORDER BY created_at, id) FROM replies
UNION ALL SELECT ${nothing}, 2, (${total})
ORDER BY part, n`;
}


/**
 * What a reader has in thread $2: whether author $1 has comments or edits awaiting moderation there
 * (1 or 0; then they see more than the public), and reactor $3's own reactions as a JSON array of
 * [target, kind] pairs (null when none). One statement: on PostgreSQL one round trip instead of two.
 */
export function readerStateSql(dialect: 'sqlite' | 'postgres'): string {
  const pairs = dialect === 'postgres' ? 'json_agg(json_build_array(target, kind))::text' : 'json_group_array(json_array(target, kind))';
  return `SELECT CASE WHEN EXISTS (SELECT 1 FROM comments WHERE author_id = CAST($1 AS text) AND thread = $2
      AND (status = 'pending' OR pending_body IS NOT NULL)) THEN 1 ELSE 0 END,
    (SELECT ${pairs} FROM reactions WHERE reactor = CAST($3 AS text) AND thread = $2 HAVING count(*) > 0)`;
}

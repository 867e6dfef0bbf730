import { sql, type SelectQueryBuilder } from 'kysely';
import { ApiError } from './errors.js';

/** Opaque position after a row, in (created_at, id) order. */
export function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

/** Accepts only the exact text encodeCursor gives: base64 decoding skips stray characters, so a padded cursor would otherwise pass as a different string. */
export function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string' && encodeCursor(v[0], v[1]) === cursor) {
      return [v[0], v[1]];
    }
  } catch {
    /* fall through */
  }
  throw new ApiError(400, 'invalid_input', 'cursor is not a cursor this server issued', 'cursor');
}

const OFFSET = '#offset';

/** Opaque position in a listing paged by offset (a cursor of the same form, so no cursor passes for the other kind). */
export function encodeOffsetCursor(offset: number): string {
  return encodeCursor(offset, OFFSET);
}

export function decodeOffsetCursor(cursor: string): number {
  const [offset, tag] = decodeCursor(cursor);
  if (tag !== OFFSET || offset < 0) throw new ApiError(400, 'invalid_input', 'cursor is not a cursor of this order', 'cursor');
  return offset;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
  /** Newest first. */
  desc: boolean;
}

/** Columns of the keyset, as the query names them (`created_at` or `c.created_at`). */
export interface KeysetColumns {
  createdAt: string;
  id: string;
}

/**
 * One page of `query` by keyset (created_at, id): rows after the cursor, in order, and the cursor of
 * the next page (null at the end). Stable while rows are added, unlike an offset.
 */
export async function keysetPage<DB, TB extends keyof DB, Row extends { created_at: number; id: string }>(
  query: SelectQueryBuilder<DB, TB, Row>,
  page: PageRequest,
  columns: KeysetColumns = { createdAt: 'created_at', id: 'id' },
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const createdAt = sql.ref(columns.createdAt);
  const id = sql.ref(columns.id);
  const direction = page.desc ? 'desc' : 'asc';
  let q = query;
  if (page.cursor) {
    const [t, after] = decodeCursor(page.cursor);
    const op = sql.raw(page.desc ? '<' : '>');
    q = q.where(sql<boolean>`(${createdAt} ${op} ${t} or (${createdAt} = ${t} and ${id} ${op} ${after}))`);
  }
  const rows = (await q.orderBy(createdAt, direction).orderBy(id, direction).limit(page.limit + 1).execute()) as Row[];
  const more = rows.length > page.limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return { rows, nextCursor: more && last ? encodeCursor(Number(last.created_at), last.id) : null };
}

/** The typo_reports table: every query the typo-report routes make. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, TypoReportTable } from '../db.js';
import { keysetPage } from '../http/pagination.js';
import type { ReportQuery } from './schemas.js';

/** Inserts the report, or counts it once more on the identical one (same fingerprint); returns the stored row. */
export async function insertOrCount(trx: Transaction<DB>, row: TypoReportTable): Promise<TypoReportTable> {
  return trx.insertInto('typo_reports').values(row)
    .onConflict((oc) => oc.column('fingerprint').doUpdateSet({
      count: sql<number>`typo_reports.count + 1`,
      updated_at: row.created_at,
    }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Reports by status (or all) and page URL, newest first. */
export async function listReports(db: Kysely<DB>, q: ReportQuery) {
  let base = db.selectFrom('typo_reports');
  if (q.status !== 'all') base = base.where('status', '=', q.status);
  if (q.url) base = base.where('url', '=', q.url.split('#')[0]!);
  const { rows, nextCursor } = await keysetPage(base.selectAll(), { limit: q.limit, cursor: q.cursor, desc: q.sort !== 'oldest' });
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n), nextCursor };
}

export async function setStatus(db: Kysely<DB>, id: string, status: string, now: number): Promise<TypoReportTable | undefined> {
  return db.updateTable('typo_reports').set({ status, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirst();
}

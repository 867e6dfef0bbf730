import type { TypoReportTable } from '../db.js';
import type { TypoReport } from './schemas.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** A stored report as the API gives it: optional fields only when set. */
export function reportView(r: TypoReportTable): TypoReport {
  const v: TypoReport = {
    id: r.id, url: r.url, selection: r.selection, prefix: r.prefix, suffix: r.suffix, fragment: r.fragment,
    status: r.status as TypoReport['status'], count: Number(r.count),
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
  for (const [k, col] of [['title', 'title'], ['lang', 'lang'], ['suggestion', 'suggestion'], ['comment', 'comment'], ['modifiedAt', 'modified_at']] as const) {
    const value = r[col];
    if (value !== null) v[k] = value;
  }
  return v;
}

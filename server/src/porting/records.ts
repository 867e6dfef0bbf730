/** What every source reader yields: comments in one shape, or entries it had to pass over, with why. */
import type { PageRef } from './mapping.js';

/** Statuses an imported comment can have; `deleted` ones keep only their place (no text, no e-mail). */
export type ImportStatus = 'published' | 'pending' | 'spam' | 'rejected' | 'deleted';

export interface SourceComment {
  kind: 'comment';
  /** Unique across sources and runs (`disqus:123`): the comment's id here is derived from it. */
  key: string;
  parentKey: string | null;
  page: PageRef;
  authorName: string;
  authorEmail: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Already in Inkwell's markdown. */
  body: string;
  status: ImportStatus;
}

export interface SourceSkip {
  kind: 'skip';
  /** Where in the file: the entry's id or its line. */
  where: string;
  reason: string;
}

export type SourceItem = SourceComment | SourceSkip;

export const skip = (where: string, reason: string): SourceSkip => ({ kind: 'skip', where, reason });

/** A plausible e-mail address, or null: stored for the site owner only. */
export function cleanEmail(value: string | undefined): string | null {
  const email = value?.trim() ?? '';
  return /^[^\s@]{1,64}@[^\s@]{1,255}$/.test(email) ? email : null;
}

/** The author's name as shown: trimmed, without control characters, at most 100 characters. */
export function cleanName(value: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const name = (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return [...name].slice(0, 100).join('') || 'Anonymous';
}

/** A time in milliseconds from an ISO 8601 date, or `YYYY-MM-DD HH:MM:SS` read as UTC; NaN when neither. */
export function parseTime(value: string | undefined): number {
  const text = value?.trim() ?? '';
  if (!/^\d{4}-\d\d-\d\d/.test(text)) return NaN;
  const iso = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(text) ? text.replace(' ', 'T') + 'Z' : text.replace(' ', 'T');
  const ms = Date.parse(iso);
  // The zero dates WordPress writes for some drafts are not times.
  return ms > 0 ? ms : NaN;
}

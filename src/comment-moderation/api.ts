import { request } from '../core/http.js';
import type { Ban, Comment, CommentPage, Filters, TypoReport, TypoReportPage } from './types.js';

/** The comment statuses the inbox lists, by the inbox's own filter. */
const COMMENT_STATUS = { held: 'pending', approved: 'published', rejected: 'rejected', spam: 'spam', hidden: 'hidden' } as const;
/** The typo-report statuses, by the same filter (reports have no spam and are not hidden by bans). */
const REPORT_STATUS = { held: 'open', approved: 'fixed', rejected: 'dismissed', spam: undefined, hidden: undefined } as const;

export const PAGE_SIZE = 20;

/** Only http(s) URLs: a typo report's page and fragment come from readers. */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The moderator's side of the Inkwell API: every URL the inbox calls is built here. */
export class ModerationApi {
  constructor(
    private readonly base: string,
    private readonly token: () => string | undefined,
  ) {}

  private comment(id: string): string {
    return `${this.base}/comments/${encodeURIComponent(id)}`;
  }

  /** Whether typo reports take part in a listing with these filters (not for spam, nor for a reader, nor for a thread that is no page URL). */
  static reportsIn(filters: Filters): boolean {
    if (filters.show === 'comments' || REPORT_STATUS[filters.status] === undefined || filters.reader) return false;
    return !filters.thread || httpUrl(filters.thread) !== undefined;
  }

  static commentsIn(filters: Filters): boolean {
    return filters.show !== 'reports';
  }

  comments(filters: Filters, cursor: string | null, signal?: AbortSignal): Promise<CommentPage> {
    const query = new URLSearchParams({ status: COMMENT_STATUS[filters.status], sort: filters.sort, limit: String(PAGE_SIZE) });
    if (filters.thread) query.set('thread', filters.thread);
    if (filters.reader) query.set('reader', filters.reader);
    if (cursor) query.set('cursor', cursor);
    return request<CommentPage>(`${this.base}/comments?${query}`, { token: this.token(), signal });
  }

  /** Typo reports come newest first; the inbox orders what it has loaded. */
  reports(filters: Filters, cursor: string | null, signal?: AbortSignal): Promise<TypoReportPage> {
    const query = new URLSearchParams({ status: REPORT_STATUS[filters.status] ?? 'open', sort: filters.sort, limit: String(PAGE_SIZE) });
    if (filters.thread) query.set('url', filters.thread);
    if (cursor) query.set('cursor', cursor);
    return request<TypoReportPage>(`${this.base}/typo-reports?${query}`, { token: this.token(), signal });
  }

  /** The comment a reply answers, for its context. */
  parent(id: string): Promise<Comment> {
    return request<Comment>(this.comment(id), { token: this.token() });
  }

  setCommentStatus(id: string, status: 'published' | 'pending' | 'rejected' | 'spam'): Promise<Comment> {
    return request<Comment>(this.comment(id), { method: 'PATCH', body: { status }, token: this.token() });
  }

  deleteComment(id: string): Promise<void> {
    return request<void>(this.comment(id), { method: 'DELETE', token: this.token() });
  }

  setReportStatus(id: string, status: 'open' | 'fixed' | 'dismissed'): Promise<TypoReport> {
    return request<TypoReport>(`${this.base}/typo-reports/${encodeURIComponent(id)}`, { method: 'PATCH', body: { status }, token: this.token() });
  }

  ban(readerId: string, hideComments: boolean): Promise<Ban> {
    return request<Ban>(`${this.base}/bans/${encodeURIComponent(readerId)}`, { method: 'PUT', body: { hideComments }, token: this.token() });
  }

  unban(readerId: string): Promise<void> {
    return request<void>(`${this.base}/bans/${encodeURIComponent(readerId)}`, { method: 'DELETE', token: this.token() });
  }

  pin(id: string, on: boolean): Promise<{ commentId: string | null }> {
    return request<{ commentId: string | null }>(`${this.comment(id)}/pin`, { method: on ? 'PUT' : 'DELETE', token: this.token() });
  }

  /** The moderators' live stream of arrivals (`GET /v1/moderation/events`). */
  eventsUrl(): string {
    return `${this.base}/moderation/events`;
  }
}

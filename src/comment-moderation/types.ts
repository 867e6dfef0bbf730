import type { components } from '../core/api-types.js';

type Schemas = components['schemas'];

/** A comment as the inbox lists it (generated from the server's schema, src/core/api-types.ts). */
export type Comment = Schemas['Comment'];
export type CommentPage = Schemas['CommentPage'];
/** A typo report: the passage (`prefix`, `selection`, `suffix`), the page and its text-fragment link. */
export type TypoReport = Schemas['TypoReport'];
export type TypoReportPage = Schemas['TypoReportPage'];
export type Ban = Schemas['Ban'];

/** One entry of the inbox: a comment or a typo report. */
export type Item = { kind: 'comment'; id: string; at: string; comment: Comment } | { kind: 'typo-report'; id: string; at: string; report: TypoReport };

/** What the inbox shows: everything, comments only, or typo reports only. */
export type Show = 'all' | 'comments' | 'reports';

/**
 * The inbox's status filter, one for both kinds: `held` is a held comment (or an edit awaiting approval)
 * and an open report; `approved` a published comment and a fixed report; `rejected` a rejected comment and
 * a dismissed report; `spam` comments marked as spam (typo reports have no spam); `hidden` comments hidden
 * with their writer's ban (back when the ban is lifted, or one by one with Approve).
 */
export type StatusFilter = 'held' | 'approved' | 'rejected' | 'spam' | 'hidden';

export interface Filters {
  show: Show;
  status: StatusFilter;
  sort: 'newest' | 'oldest';
  /** A thread id; typo reports are filtered by it when it is a page URL. */
  thread: string;
  /** A reader's id (`author.id`): only their comments. */
  reader: string;
}

/** A moderator's decision on an item. */
export type Action = 'approve' | 'reject' | 'spam' | 'delete' | 'restore' | 'ban' | 'pin' | 'unpin';

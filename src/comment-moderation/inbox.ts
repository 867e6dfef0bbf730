import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../core/http.js';
import { ModerationApi } from './api.js';
import type { Action, Comment, Filters, Item, TypoReport } from './types.js';

/** Where the inbox stands: signed out and refused are the moderator's to fix, `error` is the network's or the server's. */
export type InboxPhase = 'signed-out' | 'forbidden' | 'expired' | 'loading' | 'ready' | 'error';

export const keyOf = (item: Pick<Item, 'kind' | 'id'>) => `${item.kind}:${item.id}`;

export const fromComment = (comment: Comment): Item => ({ kind: 'comment', id: comment.id, at: comment.createdAt, comment });
export const fromReport = (report: TypoReport): Item => ({ kind: 'typo-report', id: report.id, at: report.createdAt, report });

/** A decision that can be taken back: what it removed, where, and how to revert it on the server. */
export interface Undoable {
  action: Action;
  items: Item[];
  positions: number[];
  revert: () => Promise<void>;
}

/** What an action does to an item: its request, the request that takes it back (none: no undo), and whether the item leaves the list. */
export interface Effect {
  run: () => Promise<void>;
  undo?: () => Promise<void>;
  leaves: boolean;
}

/** The comment and typo-report statuses each action leads to. */
const COMMENT_TO = { approve: 'published', reject: 'rejected', spam: 'spam', restore: 'pending' } as const;
const REPORT_TO = { approve: 'fixed', reject: 'dismissed', restore: 'open' } as const;

/** Which actions an item offers, in the order of its buttons. */
export function actionsFor(item: Item): Action[] {
  if (item.kind === 'typo-report') {
    const status = item.report.status;
    return [status !== 'fixed' && 'approve', status !== 'dismissed' && 'reject', status !== 'open' && 'restore'].filter(Boolean) as Action[];
  }
  const c = item.comment;
  const held = c.status === 'pending' || !!c.editPending;
  const list: Action[] = [];
  if (held || c.status !== 'published') list.push('approve');
  if (held || c.status === 'published' || c.status === 'hidden') list.push('reject');
  if (c.status !== 'spam') list.push('spam');
  if (c.status === 'rejected' || c.status === 'spam') list.push('restore');
  list.push('delete');
  if (c.status === 'published' && !c.parentId) list.push(c.pinned ? 'unpin' : 'pin');
  if (!c.author.guest && c.author.id.startsWith('u_')) list.push('ban');
  return list;
}

/**
 * The inbox's data: the items of the current filters (comments and typo reports merged in time order,
 * each kind paged by its own cursor), the moderator's selection and the last decision to undo. Every
 * change asks the host to render.
 */
export class Inbox implements ReactiveController {
  phase: InboxPhase = 'loading';
  items: Item[] = [];
  total = 0;
  error?: unknown;
  loadingMore = false;
  readonly selected = new Set<string>();
  /** Replied-to comments by id: the comment, or null when it cannot be read. */
  readonly parents = new Map<string, Comment | null>();
  undoable?: Undoable;
  private cursors: { comments: string | null; reports: string | null } = { comments: null, reports: null };
  private filters?: Filters;
  private controller?: AbortController;
  /** Items decided here: a live refresh must not bring them back while the server still lists them. */
  private readonly decided = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly api: () => ModerationApi | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  get hasMore(): boolean {
    return this.cursors.comments !== null || this.cursors.reports !== null;
  }

  /** Lists the first page of both kinds for `filters`. */
  async load(filters: Filters): Promise<void> {
    const api = this.api();
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.filters = filters;
    this.phase = 'loading';
    this.items = [];
    this.selected.clear();
    this.decided.clear();
    this.host.requestUpdate();
    if (!api) return;
    try {
      const { items, total, cursors } = await this.fetchPages(api, filters, { comments: null, reports: null }, controller.signal);
      if (controller.signal.aborted) return;
      this.items = this.sorted(items);
      this.total = total;
      this.cursors = cursors;
      this.phase = 'ready';
      void this.loadParents(items);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.fail(error);
    }
    this.host.requestUpdate();
  }

  /** The next page of each kind that has one. */
  async loadMore(): Promise<number> {
    const api = this.api();
    if (!api || !this.filters || !this.hasMore || this.loadingMore) return 0;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const { items, cursors } = await this.fetchPages(api, this.filters, this.cursors, this.controller?.signal, true);
      const known = new Set(this.items.map(keyOf));
      const added = items.filter((item) => !known.has(keyOf(item)));
      this.items = this.sorted([...this.items, ...added]);
      this.cursors = cursors;
      void this.loadParents(added);
      return added.length;
    } catch (error) {
      this.error = error;
      throw error;
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** After a live arrival: the first pages again, adding what is new. Answers how many items came. */
  async refresh(): Promise<number> {
    const api = this.api();
    if (!api || !this.filters || this.phase !== 'ready') return 0;
    const { items, total } = await this.fetchPages(api, this.filters, { comments: null, reports: null }, this.controller?.signal);
    const known = new Set(this.items.map(keyOf));
    const added = items.filter((item) => !known.has(keyOf(item)) && !this.decided.has(keyOf(item)));
    if (!added.length) return 0;
    this.items = this.sorted([...this.items, ...added]);
    this.total = Math.max(total, this.items.length);
    void this.loadParents(added);
    this.host.requestUpdate();
    return added.length;
  }

  /**
   * Applies a decision at once on screen (the items leave the list, or change), then on the server; when a
   * request fails, its item comes back where it was. Answers the items the server took and the first error.
   */
  async act(items: Item[], action: Action, effect: (item: Item) => Effect): Promise<{ done: Item[]; error?: unknown }> {
    const effects = items.map((item) => ({ item, effect: effect(item), at: this.items.indexOf(item) }));
    const leaving = new Set(effects.filter((e) => e.effect.leaves).map((e) => e.item));
    this.items = this.items.filter((item) => !leaving.has(item));
    this.total = Math.max(0, this.total - leaving.size);
    for (const { item } of effects) {
      this.selected.delete(keyOf(item));
      this.decided.add(keyOf(item));
    }
    this.undoable = undefined;
    this.host.requestUpdate();
    const results = await Promise.allSettled(effects.map((e) => e.effect.run()));
    const done = effects.filter((_, i) => results[i]!.status === 'fulfilled');
    const failed = effects.filter((_, i) => results[i]!.status === 'rejected');
    if (failed.length) this.putBack(failed.filter((e) => e.effect.leaves).map((e) => e.item), failed.map((e) => e.at));
    for (const { item } of failed) this.decided.delete(keyOf(item));
    const undos = done.map((e) => e.effect.undo);
    if (done.length && undos.every(Boolean)) {
      this.undoable = {
        action,
        items: done.filter((e) => e.effect.leaves).map((e) => e.item),
        positions: done.filter((e) => e.effect.leaves).map((e) => e.at),
        revert: async () => {
          await Promise.all(undos.map((undo) => undo!()));
        },
      };
    }
    this.host.requestUpdate();
    const error = failed.length ? (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason : undefined;
    return { done: done.map((e) => e.item), error };
  }

  /** Takes the last decision back: on the server first, then its items return to the list. */
  async undo(): Promise<Undoable | undefined> {
    const last = this.undoable;
    if (!last) return undefined;
    this.undoable = undefined;
    this.host.requestUpdate();
    try {
      await last.revert();
    } catch (error) {
      this.undoable = last;
      this.host.requestUpdate();
      throw error;
    }
    this.putBack(last.items, last.positions);
    for (const item of last.items) this.decided.delete(keyOf(item));
    this.host.requestUpdate();
    return last;
  }

  /** Replaces an item by its new state (a pin, a status that stays in the list). */
  replace(item: Item, next: Item): void {
    this.items = this.items.map((existing) => (existing === item ? next : existing));
    this.host.requestUpdate();
  }

  /** The default effect of a status decision, which the element completes for pins and bans. */
  statusEffect(item: Item, action: 'approve' | 'reject' | 'spam' | 'restore'): Effect {
    const api = this.api()!;
    if (item.kind === 'typo-report') {
      const to = action === 'spam' ? undefined : REPORT_TO[action];
      const from = item.report.status;
      return {
        run: async () => {
          if (to) await api.setReportStatus(item.id, to);
        },
        undo: () => api.setReportStatus(item.id, from).then(() => undefined),
        leaves: true,
      };
    }
    const c = item.comment;
    // A decision on an edit awaiting approval cannot be taken back (the server keeps one text), nor one on a
    // comment hidden by a ban (only lifting the ban hides or shows comments by it).
    const from = c.editPending || c.status === 'hidden' ? undefined : (c.status as 'published' | 'pending' | 'rejected' | 'spam');
    return {
      run: () => api.setCommentStatus(item.id, COMMENT_TO[action]).then(() => undefined),
      undo: from ? () => api.setCommentStatus(item.id, from).then(() => undefined) : undefined,
      leaves: true,
    };
  }

  private putBack(items: Item[], positions: number[]): void {
    const list = [...this.items];
    items.forEach((item, i) => list.splice(Math.min(positions[i] ?? list.length, list.length), 0, item));
    this.items = list;
    this.total += items.length;
  }

  private fail(error: unknown): void {
    this.error = error;
    const status = error instanceof ApiError && error.kind === 'http' ? error.status : 0;
    const expired = error instanceof ApiError && error.code === 'token_expired';
    this.phase = status === 401 ? (expired ? 'expired' : 'signed-out') : status === 403 ? 'forbidden' : 'error';
  }

  private sorted(items: Item[]): Item[] {
    const newest = this.filters?.sort !== 'oldest';
    return [...items].sort((a, b) => (a.at === b.at ? 0 : (a.at < b.at) === newest ? 1 : -1));
  }

  private async fetchPages(api: ModerationApi, filters: Filters, from: { comments: string | null; reports: string | null }, signal?: AbortSignal, more = false) {
    const wantComments = ModerationApi.commentsIn(filters) && (!more || from.comments !== null);
    const wantReports = ModerationApi.reportsIn(filters) && (!more || from.reports !== null);
    const [comments, reports] = await Promise.all([
      wantComments ? api.comments(filters, from.comments, signal) : undefined,
      wantReports ? api.reports(filters, from.reports, signal) : undefined,
    ]);
    const items = [...(comments?.comments.map(fromComment) ?? []), ...(reports?.reports.map(fromReport) ?? [])];
    const total = (comments?.total ?? 0) + (reports?.total ?? 0);
    const cursors = {
      comments: comments ? comments.nextCursor : more ? from.comments : null,
      reports: reports ? reports.nextCursor : more ? from.reports : null,
    };
    return { items, total, cursors };
  }

  /** The comments replies answer, each fetched once. */
  private async loadParents(items: Item[]): Promise<void> {
    const api = this.api();
    const ids = new Set(items.flatMap((item) => (item.kind === 'comment' && item.comment.parentId ? [item.comment.parentId] : [])));
    await Promise.all(
      [...ids].filter((id) => !this.parents.has(id)).map(async (id) => {
        this.parents.set(id, null);
        try {
          this.parents.set(id, await api!.parent(id));
        } catch {
          // Shown as "in reply to a comment" without its text.
        }
      }),
    );
    if (ids.size) this.host.requestUpdate();
  }
}

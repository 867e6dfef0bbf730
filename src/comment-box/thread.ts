import { mergeComments, placeThread, type Placed } from './tree.js';
import type { Comment, CommentPage, Reactions } from './types.js';

/** What the live stream's public view does not carry: that a comment is the reader's, and its reactions. */
const readerFlags = ['own', 'reactions'] as const satisfies readonly (keyof Comment)[];

/**
 * A thread's comments as the reader sees them: the pages loaded so far, what the live stream holds back
 * behind "N new comments", and the order and depth they are shown in. Every change asks the host to update. What
 * only the reader's own writing changes is thread-writes.ts's, with the forms' code.
 */
export class ThreadState {
  top: Comment[] = [];
  replies: Comment[] = [];
  total = 0;
  /** Reactions to the thread itself (the article). */
  reactions?: Reactions;
  nextCursor: string | null = null;
  /** Others' new comments, waiting until the reader asks for them. */
  incoming: Comment[] = [];
  loadingMore = false;
  private placedFor?: { top: Comment[]; replies: Comment[]; maxDepth: number; placed: Placed[] };

  /** Asked to update on every change (also by thread-writes.ts). */
  constructor(readonly host: { requestUpdate(): void }) {}

  /** The thread in display order, placed once per change of its comments or depth. */
  placed(maxDepth: number): Placed[] {
    const cached = this.placedFor;
    if (cached && cached.top === this.top && cached.replies === this.replies && cached.maxDepth === maxDepth) return cached.placed;
    const placed = placeThread(this.top, this.replies, maxDepth);
    this.placedFor = { top: this.top, replies: this.replies, maxDepth, placed };
    return placed;
  }

  get size(): number {
    return this.top.length + this.replies.length;
  }

  find(id: string): Comment | undefined {
    return this.top.find((comment) => comment.id === id) ?? this.replies.find((comment) => comment.id === id);
  }

  has(id: string): boolean {
    return this.find(id) !== undefined;
  }

  /** The first page: replaces whatever was shown. */
  reset(page: CommentPage): void {
    this.top = page.comments.filter((comment) => !comment.parentId);
    this.replies = page.comments.filter((comment) => comment.parentId);
    this.total = page.total;
    this.reactions = page.reactions;
    this.nextCursor = page.nextCursor;
    this.incoming = [];
    this.host.requestUpdate();
  }

  /** A further page; returns the comments that were not shown before. */
  append(page: CommentPage): Comment[] {
    const added = page.comments.filter((comment) => !this.has(comment.id));
    this.top = mergeComments(this.top, page.comments.filter((comment) => !comment.parentId));
    this.replies = mergeComments(this.replies, page.comments.filter((comment) => comment.parentId));
    this.nextCursor = page.nextCursor;
    this.total = page.total;
    this.host.requestUpdate();
    return added;
  }

  setLoadingMore(loading: boolean): void {
    this.loadingMore = loading;
    this.host.requestUpdate();
  }

  /** A comment the live stream announces; false when it is already known (the reader's own, say). */
  receive(comment: Comment): boolean {
    if (this.has(comment.id) || this.incoming.some((waiting) => waiting.id === comment.id)) return false;
    this.incoming = [...this.incoming, comment];
    this.host.requestUpdate();
    return true;
  }

  /** Shows the comments held back; returns them. */
  showIncoming(newestFirst: boolean): Comment[] {
    const arrived = this.incoming;
    this.incoming = [];
    const top = arrived.filter((comment) => !comment.parentId);
    this.top = newestFirst ? mergeComments(top.reverse(), this.top) : mergeComments(this.top, top);
    this.replies = mergeComments(this.replies, arrived.filter((comment) => comment.parentId));
    this.total += arrived.length;
    this.host.requestUpdate();
    return arrived;
  }

  /**
   * A new version of a shown comment (an edit, a moderation, a deletion), from the server or the live stream.
   * What only the reader's own view says (that it is theirs) is kept when the new version does not say it.
   */
  replace(comment: Comment): void {
    const list = comment.parentId ? 'replies' : 'top';
    const known = this[list].find((existing) => existing.id === comment.id);
    if (!known) return;
    const kept: Record<string, unknown> = {};
    for (const flag of readerFlags) if (comment[flag] === undefined && known[flag] !== undefined) kept[flag] = known[flag];
    this[list] = mergeComments(this[list], [{ ...comment, ...(kept as Partial<Comment>) }]);
    this.host.requestUpdate();
  }

  /** The thread's pinned comment changed (`id` null: none is): it is marked and shown first; the one before stays where it is. */
  setPin(id: string | null): void {
    const top = this.top.map((comment) => {
      if (comment.id === id) return comment.pinned ? comment : { ...comment, pinned: true };
      if (!comment.pinned) return comment;
      const { pinned: _, ...unpinned } = comment;
      return unpinned;
    });
    const at = top.findIndex((comment) => comment.id === id);
    if (at > 0) top.unshift(...top.splice(at, 1));
    this.top = top;
    this.host.requestUpdate();
  }

  /** The reactions to a shown comment, or to the thread (`target` empty). */
  reactionsOf(target: string): Reactions | undefined {
    return target ? this.find(target)?.reactions : this.reactions;
  }

  setReactions(target: string, reactions: Reactions): void {
    const comment = target ? this.find(target) : undefined;
    if (comment) this.replace({ ...comment, reactions });
    else if (!target) this.reactions = reactions;
    this.host.requestUpdate();
  }
}

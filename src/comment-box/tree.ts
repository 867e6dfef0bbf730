import type { Comment } from './types.js';

/** A comment placed in the thread: its depth, and whom it answers. */
export interface Placed {
  comment: Comment;
  depth: number;
  /** The name of the author a reply answers, when that comment is loaded. */
  replyingTo?: string;
  /** Set when the comment sits deeper than `maxDepth` and is shown at that depth. */
  flattened?: boolean;
}

/** A placed comment with the replies shown nested under it. */
export interface Branch {
  entry: Placed;
  replies: Branch[];
}

/**
 * Orders a thread for display: each top-level comment in the given order, followed by its replies
 * (oldest first, depth first). Replies deeper than `maxDepth` are shown at `maxDepth`, saying whom they
 * answer, as every reply does. Replies whose parent is unknown (not loaded, or gone) are shown under the top level.
 */
export function placeThread(top: Comment[], replies: Comment[], maxDepth: number): Placed[] {
  const children = new Map<string, Comment[]>();
  const byId = new Map<string, Comment>();
  for (const comment of [...top, ...replies]) byId.set(comment.id, comment);
  const orphans: Comment[] = [];
  // ISO 8601 times in UTC sort as plain strings; localeCompare would make a collator (10 ms on a page's first use).
  for (const reply of [...replies].sort((a, b) => +(a.createdAt > b.createdAt) || -(a.createdAt < b.createdAt))) {
    const parent = reply.parentId && byId.get(reply.parentId);
    if (!parent) {
      orphans.push(reply);
      continue;
    }
    const siblings = children.get(parent.id) ?? [];
    siblings.push(reply);
    children.set(parent.id, siblings);
  }
  const placed: Placed[] = [];
  const visit = (comment: Comment, depth: number, parent?: Comment) => {
    const shown = Math.min(depth, maxDepth);
    placed.push({ comment, depth: shown, ...(parent ? { replyingTo: parent.author.name } : {}), ...(shown < depth ? { flattened: true } : {}) });
    for (const child of children.get(comment.id) ?? []) visit(child, depth + 1, comment);
  };
  for (const comment of [...top, ...orphans]) visit(comment, 0);
  return placed;
}

/** Nests placed comments (in thread order) by depth, so each level of replies is a list of its own. */
export function nest(placed: Placed[]): Branch[] {
  const top: Branch[] = [];
  const open: Branch[] = [];
  for (const entry of placed) {
    const branch = { entry, replies: [] };
    open.length = Math.min(open.length, entry.depth);
    (open.at(-1)?.replies ?? top).push(branch);
    open.push(branch);
  }
  return top;
}

/** Adds or replaces comments by id, keeping the order of those already present. */
export function mergeComments(existing: Comment[], incoming: Comment[]): Comment[] {
  const index = new Map(existing.map((comment, i) => [comment.id, i]));
  const merged = [...existing];
  for (const comment of incoming) {
    const at = index.get(comment.id);
    if (at === undefined) {
      index.set(comment.id, merged.length);
      merged.push(comment);
    } else merged[at] = comment;
  }
  return merged;
}

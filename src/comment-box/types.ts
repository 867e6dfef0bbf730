/** A comment as the Inkwell API returns it (see /v1/openapi.json). */
export interface Comment {
  id: string;
  thread: string;
  parentId: string | null;
  author: { id: string; name: string; picture?: string; guest: boolean };
  /** Markdown source, as the reader wrote it. */
  body: string;
  createdAt: string;
  editedAt?: string;
  /** `held`, `removed` and `deleted` are placeholders: no body, no author. */
  status: 'published' | 'pending' | 'rejected' | 'spam' | 'deleted' | 'held' | 'removed';
  replyCount?: number;
  /** The signed-in reader wrote it. */
  own?: boolean;
  /** Author and moderators: an edit awaits approval; `body` is the edit, `publishedBody` what the public reads. */
  editPending?: boolean;
  publishedBody?: string;
}

export interface CommentPage {
  comments: Comment[];
  total: number;
  nextCursor: string | null;
}

export type Sort = 'oldest' | 'newest';

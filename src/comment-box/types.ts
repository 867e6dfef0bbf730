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
  status: 'published' | 'pending' | 'rejected' | 'spam' | 'deleted';
  replyCount?: number;
  /** The signed-in reader wrote it. */
  own?: boolean;
}

export interface CommentPage {
  comments: Comment[];
  total: number;
  nextCursor: string | null;
}

export type Sort = 'oldest' | 'newest';

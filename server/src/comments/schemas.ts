/** The comments API's shapes: validation, TypeScript types and the OpenAPI document from one definition. */
import { Type, type Static } from '@sinclair/typebox';
import {
  errorRef, errorResponses, IdParam, Nullable, pageFields, Ref, StringEnum, ThreadParam, tokenOptional, tokenRequired, WriteHeaders, type Defaulted,
} from '../http/schemas.js';
import { ReactionsSchema } from '../reactions/schemas.js';

export const CommentSchema = Type.Object({
  id: Type.String(),
  thread: Type.String(),
  parentId: Nullable(Type.String(), { description: 'The comment this one answers; null for top-level comments.' }),
  author: Type.Object({
    id: Type.String({ description: 'Opaque, stable per reader; not the token `sub`.' }),
    name: Type.String(),
    picture: Type.Optional(Type.String({ description: 'https URL of an avatar, from the token.' })),
    guest: Type.Boolean(),
  }),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  editedAt: Type.Optional(Type.String({ format: 'date-time' })),
  status: StringEnum(['published', 'pending', 'rejected', 'spam', 'hidden', 'deleted', 'held', 'removed'], {
    description: '`held`, `removed` and `deleted` mark placeholders, which carry no text and no author. `hidden` (moderators only): hidden with its writer\'s ban, back when they are unbanned.',
  }),
  byAuthor: Type.Optional(Type.Boolean({
    description: 'Present and true when the writer is one of the article\'s authors (the `authorOf` claim of their token, or `PUT /v1/threads/{thread}/authors`): the "Author" label.',
  })),
  pinned: Type.Optional(Type.Boolean({ description: 'Present and true on the comment a moderator pinned: listed first on the first page, whatever the sort.' })),
  replyCount: Type.Optional(Type.Integer({ description: 'Top-level comments in listings: visible replies.' })),
  own: Type.Optional(Type.Boolean({ description: 'Present and true when the signed-in viewer wrote it.' })),
  editPending: Type.Optional(Type.Boolean({
    description: 'Author and moderators only: an edit awaits approval (pre-moderation). `body` is then the edited text; the public still reads `publishedBody`.',
  })),
  publishedBody: Type.Optional(Type.String({ description: 'With `editPending`: the approved text the public reads until the edit is approved.' })),
  reactions: Type.Optional(Ref(ReactionsSchema, 'Listings: the reactions to a published comment, when it has any (with the viewer\'s `mine`).')),
}, {
  $id: 'Comment',
  description:
    'A comment or reply. `body` is the markdown source as the reader wrote it; clients render it. ' +
    'A comment the viewer may not read that still has visible replies is listed as a placeholder, so the replies keep their place: ' +
    '`id`, `thread`, `parentId`, `createdAt`, empty `body`, an author with empty `id` and `name`, and status `held` (awaiting moderation), ' +
    '`removed` (rejected or marked as spam) or `deleted`.',
});

export type Comment = Static<typeof CommentSchema>;
export type CommentStatus = Comment['status'];

export const CommentPageSchema = Type.Object({
  comments: Type.Array(Ref(CommentSchema)),
  total: Type.Integer(),
  nextCursor: Nullable(Type.String()),
  reactions: Type.Optional(Ref(ReactionsSchema, 'Thread listings: the reactions to the thread itself (the article), with the viewer\'s `mine`.')),
}, {
  $id: 'CommentPage',
  description:
    'One page of top-level comments (in the requested order) followed by all visible replies to them ' +
    '(oldest first, at most 1000 per page), each reply with its `parentId`. `total` counts every visible comment ' +
    'of the thread, replies included. Pass `nextCursor` as `cursor` to get the next page; null at the end.',
});

export type CommentPage = Static<typeof CommentPageSchema>;

export const CountsSchema = Type.Unsafe<{ counts: Record<string, number> }>({
  $id: 'Counts',
  type: 'object',
  required: ['counts'],
  properties: { counts: { type: 'object', additionalProperties: { type: 'integer' } } },
  description: 'Published comments (replies included) per requested thread; 0 for a thread without any.',
});

const Sort = (byDefault: 'oldest' | 'newest') => Type.Optional(StringEnum(['oldest', 'newest'], { default: byDefault }));

const ThreadQuery = Type.Object({
  sort: Type.Optional(StringEnum(['oldest', 'newest', 'top'], {
    default: 'oldest',
    description: '`top`: the most reactions first (then the newest). Its pages go by position, so as counts change between two pages a comment may come twice or not at all; clients merge pages by id.',
  })),
  ...pageFields,
});
export type ThreadQuery = Defaulted<Static<typeof ThreadQuery>, 'sort' | 'limit'>;

const InboxQuery = Type.Object({
  status: Type.Optional(StringEnum(['pending', 'published', 'rejected', 'spam', 'hidden'], { default: 'pending' })),
  thread: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  reader: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Only the comments of this reader (`author.id`).' })),
  sort: Sort('newest'),
  ...pageFields,
});
export type InboxQuery = Defaulted<Static<typeof InboxQuery>, 'status' | 'sort' | 'limit'>;

/** A comment's text as sent: at least one visible character, at most INKWELL_MAX_COMMENT_LENGTH. */
const CommentText = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

const newComment = (maxLength: number) => Type.Object({
  body: CommentText(maxLength),
  parentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  author: Type.Optional(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    email: Type.Optional(Type.String({ maxLength: 254, format: 'email' })),
  }, { additionalProperties: false })),
  website: Type.Optional(Type.String({ maxLength: 2048 })),
  formStartedAt: Type.Optional(Type.Integer({ minimum: 0 })),
  notifyReplies: Type.Optional(Type.Boolean({
    description: '`true`: e-mail the writer when someone replies to their comments in this thread (signed-in readers need an `email` claim in their token; ' +
      'guests need `author.email` and confirm it through a link first). `false`: stop those e-mails for this thread. Left out: no change.',
  })),
  pageUrl: Type.Optional(Type.String({ minLength: 8, maxLength: 2048, pattern: '^https?://', description: 'The page the thread is on; reply e-mails link to `<pageUrl>#comment-<id>`.' })),
  lang: Type.Optional(Type.String({ maxLength: 35, pattern: '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$', description: 'The page\'s language (BCP 47): reply e-mails are written in it (else the Accept-Language, else English).' })),
}, { additionalProperties: false });
export type NewComment = Static<ReturnType<typeof newComment>>;

const commentChange = (maxLength: number) => Type.Object({
  body: Type.Optional(CommentText(maxLength)),
  status: Type.Optional(StringEnum(['published', 'pending', 'rejected', 'spam'])),
}, { additionalProperties: false, minProperties: 1 });
export type CommentChange = Static<ReturnType<typeof commentChange>>;

export const listThreadRoute = {
  tags: ['comments'],
  summary: 'A page of a thread\'s comments with their replies',
  description:
    'A reader sees published comments, their own pending ones (and their own edits awaiting approval, `editPending`); moderators see all pending ones. ' +
    'A comment the viewer may not read is listed only while it has listed replies, as a placeholder with no body and no author: ' +
    'status `held` (awaiting moderation), `removed` (rejected or spam) or `deleted`; moderators get rejected and spam ones in full instead. ' +
    'Carries ETag and Cache-Control; answers 304 to If-None-Match.',
  params: ThreadParam,
  querystring: ThreadQuery,
  response: { 200: Ref(CommentPageSchema), ...errorResponses },
  security: tokenOptional,
};

export const getCommentRoute = {
  tags: ['comments'],
  summary: 'One comment',
  params: IdParam,
  response: { 200: Ref(CommentSchema), ...errorResponses },
  security: tokenOptional,
};

export const postCommentRoute = (maxLength: number) => ({
  tags: ['comments'],
  summary: 'Post a comment or a reply',
  description:
    'Signed-in readers send a bearer token; guests (when enabled) send `author.name` and optionally `author.email` (stored, never returned). ' +
    '`website` is a honeypot that must stay empty; `formStartedAt` (ms since epoch when the form was shown) enables the minimum-time check. ' +
    'Send an `Idempotency-Key` header so a retried post never creates a second comment; a replay answers with the first response and `Idempotency-Replayed: true`. ' +
    'Guests\' keys are kept per `Inkwell-Client` id (a random id the browser keeps), else per client address.',
  params: ThreadParam,
  headers: WriteHeaders,
  body: newComment(maxLength),
  response: { 201: Ref(CommentSchema), 409: errorRef, ...errorResponses },
  security: tokenOptional,
});

export const changeCommentRoute = (maxLength: number) => ({
  tags: ['comments'],
  summary: 'Edit one\'s own comment, or moderate any comment',
  description:
    'Authors may change `body` within the edit window (INKWELL_EDIT_WINDOW). With pre-moderation, an author\'s edit of a published comment ' +
    'waits for approval: the public keeps reading the approved text, the author and moderators get the new text as `body` with ' +
    '`editPending: true` and `publishedBody`. Moderators may change `body` (published at once) and `status` (approve: `published`, ' +
    'which also publishes a pending edit; reject: `rejected`, which on a published comment with a pending edit drops only the edit; ' +
    'mark spam: `spam`; hold: `pending`).',
  params: IdParam,
  body: commentChange(maxLength),
  response: { 200: Ref(CommentSchema), 409: errorRef, ...errorResponses },
  security: tokenRequired,
});

export const deleteCommentRoute = {
  tags: ['comments'],
  summary: 'Delete one\'s own comment (moderators: any comment)',
  description: 'The text (an edit awaiting approval included) and guest e-mail are erased; a deleted comment with visible replies stays as a tombstone.',
  params: IdParam,
  response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses },
  security: tokenRequired,
};

export const inboxRoute = {
  tags: ['moderation'],
  summary: 'Moderators: comments across threads by status (the moderation inbox)',
  description:
    '`status=pending` lists what awaits a decision: held comments and published comments with an edit awaiting approval ' +
    '(`editPending: true`; `body` is the new text, `publishedBody` what the public reads). `status=hidden`: comments hidden with ' +
    'their writer\'s ban (published again when the ban is lifted, or one by one with `PATCH` `status: published`).',
  querystring: InboxQuery,
  response: { 200: Ref(CommentPageSchema), ...errorResponses },
  security: tokenRequired,
};

export const countsRoute = {
  tags: ['comments'],
  summary: 'Published comment counts (replies included) for many threads at once',
  description: 'What an anonymous reader is shown: the `total` of an anonymous listing. Held, removed and deleted comments are not counted, placeholders included.',
  querystring: Type.Object({
    thread: Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { minItems: 1, maxItems: 100 }),
  }),
  response: { 200: Ref(CountsSchema), ...errorResponses },
};

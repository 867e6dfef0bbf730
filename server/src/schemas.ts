/** JSON Schemas shared by routes and published in the OpenAPI document. */

export const commentSchema = {
  $id: 'Comment',
  type: 'object',
  description:
    'A comment or reply. `body` is the markdown source as the reader wrote it; clients render it. ' +
    'A comment the viewer may not read that still has visible replies is listed as a placeholder, so the replies keep their place: ' +
    '`id`, `thread`, `parentId`, `createdAt`, empty `body`, an author with empty `id` and `name`, and status `held` (awaiting moderation), ' +
    '`removed` (rejected or marked as spam) or `deleted`.',
  required: ['id', 'thread', 'parentId', 'author', 'body', 'createdAt', 'status'],
  properties: {
    id: { type: 'string' },
    thread: { type: 'string' },
    parentId: { type: ['string', 'null'], description: 'The comment this one answers; null for top-level comments.' },
    author: {
      type: 'object',
      required: ['id', 'name', 'guest'],
      properties: {
        id: { type: 'string', description: 'Opaque, stable per reader; not the token `sub`.' },
        name: { type: 'string' },
        picture: { type: 'string', description: 'https URL of an avatar, from the token.' },
        guest: { type: 'boolean' },
      },
    },
    body: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    editedAt: { type: 'string', format: 'date-time' },
    status: {
      type: 'string',
      enum: ['published', 'pending', 'rejected', 'spam', 'deleted', 'held', 'removed'],
      description: '`held`, `removed` and `deleted` mark placeholders, which carry no text and no author.',
    },
    replyCount: { type: 'integer', description: 'Top-level comments in listings: visible replies.' },
    own: { type: 'boolean', description: 'Present and true when the signed-in viewer wrote it.' },
    editPending: {
      type: 'boolean',
      description: 'Author and moderators only: an edit awaits approval (pre-moderation). `body` is then the edited text; the public still reads `publishedBody`.',
    },
    publishedBody: { type: 'string', description: 'With `editPending`: the approved text the public reads until the edit is approved.' },
  },
} as const;

export const commentPageSchema = {
  $id: 'CommentPage',
  type: 'object',
  required: ['comments', 'total', 'nextCursor'],
  description:
    'One page of top-level comments (in the requested order) followed by all visible replies to them ' +
    '(oldest first, at most 1000 per page), each reply with its `parentId`. `total` counts every visible comment ' +
    'of the thread, replies included. Pass `nextCursor` as `cursor` to get the next page; null at the end.',
  properties: {
    comments: { type: 'array', items: { $ref: 'Comment#' } },
    total: { type: 'integer' },
    nextCursor: { type: ['string', 'null'] },
  },
} as const;

export const typoReportSchema = {
  $id: 'TypoReport',
  type: 'object',
  required: ['id', 'url', 'selection', 'prefix', 'suffix', 'fragment', 'status', 'count', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    title: { type: 'string' },
    lang: { type: 'string' },
    selection: { type: 'string' },
    prefix: { type: 'string' },
    suffix: { type: 'string' },
    fragment: { type: 'string', description: 'A text-fragment URL (`#:~:text=`) that scrolls to the selection.' },
    suggestion: { type: 'string' },
    comment: { type: 'string' },
    modifiedAt: { type: 'string' },
    status: { type: 'string', enum: ['open', 'fixed', 'dismissed'] },
    count: { type: 'integer', description: 'How many identical reports were merged into this one.' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const threadParam = {
  type: 'object',
  required: ['thread'],
  properties: { thread: { type: 'string', minLength: 1, maxLength: 256 } },
} as const;

export const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const errorResponses = {
  400: { $ref: 'Error#' },
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  422: { $ref: 'Error#' },
  429: { $ref: 'Error#' },
} as const;

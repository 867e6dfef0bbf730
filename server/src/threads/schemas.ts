/** A thread's settings that moderators and the site make: its pinned comment, its authors. */
import { Type } from '@sinclair/typebox';
import { errorResponses, IdParam, Ref, ThreadParam, tokenRequired } from '../http/schemas.js';

export const PinChangedSchema = Type.Object({
  thread: Type.String(),
  commentId: Type.Union([Type.String(), Type.Null()], { description: 'The pinned comment; null when none is.' }),
}, { $id: 'PinChanged', description: 'The live event `pin-changed`, and the answer to pinning or unpinning.' });

export const pinRoute = {
  tags: ['moderation'],
  summary: 'Moderators: pin a comment (one per thread)',
  description:
    'The comment is listed first on the first page of its thread, whatever the sort, with `pinned: true`. Pinning another comment of ' +
    'the thread unpins this one. Only a published top-level comment can be pinned (422 `not_pinnable`); a pinned comment that is later ' +
    'held, removed or hidden simply is not listed. Sent live as `pin-changed`.',
  params: IdParam,
  response: { 200: Ref(PinChangedSchema), ...errorResponses },
  security: tokenRequired,
};

export const unpinRoute = {
  tags: ['moderation'],
  summary: 'Moderators: unpin a comment',
  description: 'Answers the thread\'s pin afterwards (null when this comment was the pinned one; unchanged otherwise).',
  params: IdParam,
  response: { 200: Ref(PinChangedSchema), ...errorResponses },
  security: tokenRequired,
};

export const setAuthorsRoute = {
  tags: ['moderation'],
  summary: 'Moderators: set the article\'s authors in a thread',
  description:
    'Their comments in the thread carry `byAuthor: true` (the "Author" label). Replaces the list. A reader whose token carries ' +
    '`authorOf: ["<thread>"]` (signed by the site) is added when they comment there. A page\'s own claims are never taken: ' +
    'anybody can change a page\'s attributes.',
  params: ThreadParam,
  body: Type.Object({
    authors: Type.Array(Type.String({ minLength: 1, maxLength: 64, pattern: '^u_' }), { maxItems: 20, description: 'Author ids (`author.id`).' }),
  }, { additionalProperties: false }),
  response: { 200: Type.Object({ authors: Type.Array(Type.String()) }), ...errorResponses },
  security: tokenRequired,
};

import { Type } from '@sinclair/typebox';
import { errorRef, ThreadParam } from '../http/schemas.js';

export const threadEventsRoute = {
  tags: ['comments'],
  summary: 'Live updates of a thread (server-sent events)',
  description:
    'Events `comment-created`, `comment-updated` and `comment-deleted`; `data` is the public comment JSON ' +
    '(for `comment-deleted`, sent when a comment is deleted, held, rejected or marked as spam, a placeholder: status `deleted`, `held` or `removed`, ' +
    'no text, no author). Held comments and edits awaiting approval are never sent; they arrive as `comment-created` / `comment-updated` once approved. ' +
    '`pin-changed` carries `{thread, commentId}` when a moderator pins a comment (commentId null when unpinned); `authors-changed` `{thread}` when the thread\'s authors were set (list again for the labels). ' +
    '`reactions-changed` carries `{thread, commentId, counts}` (commentId null for the thread\'s own reactions) whenever a published comment\'s or the thread\'s reactions change; never who reacted. ' +
    'Each event has an `id`; reconnecting with `Last-Event-ID` (or `?lastEventId=`) ' +
    'replays what was missed in the last day. A comment line is sent as a heartbeat. ' +
    'At most INKWELL_SSE_PER_ADDRESS streams per client address (429 beyond) and INKWELL_SSE_MAX in all (503 beyond), both with Retry-After.',
  params: ThreadParam,
  querystring: Type.Object({ lastEventId: Type.Optional(Type.String({ maxLength: 20 })) }),
  response: { 200: Type.String({ description: 'text/event-stream' }), 429: errorRef, 503: errorRef },
};

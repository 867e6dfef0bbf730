import { Type } from '@sinclair/typebox';
import { errorRef, errorResponses, ThreadParam, tokenRequired } from '../http/schemas.js';

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
export const inboxEventsRoute = {
  tags: ['moderation'],
  summary: 'Moderators: live arrivals in the moderation inbox (server-sent events)',
  description:
    'Event `inbox-changed` with `data` `{"kind": "comment" | "typo-report", "id"}` whenever a comment is held for approval, an edit ' +
    'awaits approval, or a typo report arrives (or an identical one is counted again). Only the kind and the id are sent: list the ' +
    'inbox (`GET /v1/comments`, `GET /v1/typo-reports`) for the items. Needs a moderator\'s bearer token, so it is read with fetch ' +
    'rather than EventSource. Reconnecting with `Last-Event-ID` replays what was missed in the last day; a comment line is sent as a heartbeat. ' +
    'Counts towards INKWELL_SSE_PER_ADDRESS and INKWELL_SSE_MAX like the thread streams.',
  headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ maxLength: 20 })) }),
  response: { 200: Type.String({ description: 'text/event-stream' }), ...errorResponses },
  security: tokenRequired,
};

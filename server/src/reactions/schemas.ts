/** The reactions API's shapes: the fixed set of kinds is defined here, once. */
import { Type, type Static } from '@sinclair/typebox';
import { ClientIdHeader, errorResponses, IdParam, Ref, StringEnum, ThreadParam, tokenOptional } from '../http/schemas.js';

/** The kinds a reader may react with; the browser draws each as an emoji with a localized name. */
export const REACTION_KINDS = ['like', 'love', 'laugh', 'celebrate', 'insightful'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

const count = Type.Optional(Type.Integer({ minimum: 1 }));

export const ReactionsSchema = Type.Object({
  counts: Type.Object(Object.fromEntries(REACTION_KINDS.map((kind) => [kind, count])) as Record<ReactionKind, typeof count>, {
    additionalProperties: false,
    description: 'Readers who reacted, per kind; kinds nobody chose are left out.',
  }),
  mine: Type.Optional(Type.Array(StringEnum(REACTION_KINDS), {
    description: 'The kinds the viewer chose (signed in, or a guest sending `Inkwell-Client`); left out when none.',
  })),
}, {
  $id: 'Reactions',
  description: `Reactions to a comment or to a whole thread. Kinds: ${REACTION_KINDS.map((k) => `\`${k}\``).join(', ')}.`,
});

export type Reactions = Static<typeof ReactionsSchema>;
export type ReactionCounts = Reactions['counts'];

/** The live event `reactions-changed`: a target's new counts (never who reacted). */
export interface ReactionsChanged {
  thread: string;
  /** The comment, or null for the thread's own reactions. */
  commentId: string | null;
  counts: ReactionCounts;
}

const Kind = Type.Object({ kind: StringEnum(REACTION_KINDS) });

/** Guests (with INKWELL_GUEST_REACTIONS=on) react as their browser's id: one reaction per kind per id. */
const headers = Type.Object({ 'inkwell-client': Type.Optional(ClientIdHeader) });

const description = (target: string) =>
  `PUT adds the viewer's reaction of that kind to ${target}, DELETE takes it back; both are idempotent (adding twice or ` +
  'removing what is not there changes nothing) and answer the target\'s reactions with `mine`. Signed-in readers send a bearer token; ' +
  'guests only where INKWELL_GUEST_REACTIONS=on, identified by their `Inkwell-Client` header (else 401 `auth_required`). ' +
  'Rate-limited per reader and per client address (INKWELL_REACTION_LIMIT per INKWELL_POST_LIMIT_WINDOW; 429 with Retry-After). ' +
  'Every change is sent live as a `reactions-changed` event.';

const commentParams = Type.Composite([IdParam, Kind]);
const threadParams = Type.Composite([ThreadParam, Kind]);

const reactionRoute = <P extends typeof commentParams | typeof threadParams>(summary: string, params: P, target: string, more = '') => ({
  tags: ['reactions'],
  summary,
  description: description(target) + more,
  params,
  headers,
  response: { 200: Ref(ReactionsSchema), ...errorResponses },
  security: tokenOptional,
});

export const reactToCommentRoute = reactionRoute('Add one\'s reaction to a comment', commentParams, 'a comment',
  ' Only published comments take reactions: a held, removed or deleted one answers 404.');
export const unreactToCommentRoute = reactionRoute('Take back one\'s reaction to a comment', commentParams, 'a comment',
  ' 404 for a deleted comment, whose reactions are gone with it.');
export const reactToThreadRoute = reactionRoute('Add one\'s reaction to a whole thread (the article)', threadParams, 'the thread');
export const unreactToThreadRoute = reactionRoute('Take back one\'s reaction to a whole thread', threadParams, 'the thread');

/** The bans API's shapes. */
import { Type, type Static } from '@sinclair/typebox';
import { errorResponses, Ref, tokenRequired } from '../http/schemas.js';

export const BanSchema = Type.Object({
  readerId: Type.String({ description: 'The banned reader\'s author id (`author.id` of their comments).' }),
  hideComments: Type.Boolean({ description: 'Whether their published comments were hidden with the ban (they come back when unbanned).' }),
  createdAt: Type.String({ format: 'date-time' }),
  hidden: Type.Optional(Type.Integer({ description: 'After a ban: how many comments it hid.' })),
}, { $id: 'Ban', description: 'A banned reader: their new comments, edits and reactions are refused with 403 `banned`.' });
export type Ban = Static<typeof BanSchema>;

const ReaderParam = Type.Object({ readerId: Type.String({ minLength: 1, maxLength: 64, pattern: '^u_' }) });

export const banRoute = {
  tags: ['moderation'],
  summary: 'Moderators: ban a reader',
  description:
    'From now on the reader\'s posts, edits and reactions are refused with 403 and the code `banned`. With `hideComments`, their ' +
    'published comments disappear from listings (replies to them stay, under a `removed` placeholder) until they are unbanned. ' +
    'Banning again changes nothing but can add `hideComments`. Only signed-in readers (`u_…` ids) can be banned: guests have no lasting identity.',
  params: ReaderParam,
  body: Type.Object({ hideComments: Type.Optional(Type.Boolean({ default: false })) }, { additionalProperties: false }),
  response: { 200: Ref(BanSchema), ...errorResponses },
  security: tokenRequired,
};

export const unbanRoute = {
  tags: ['moderation'],
  summary: 'Moderators: lift a reader\'s ban',
  description: 'Comments the ban hid are published again (not those a moderator rejected or marked as spam meanwhile).',
  params: ReaderParam,
  response: { 204: Type.Null({ description: 'Not banned (any more)' }), ...errorResponses },
  security: tokenRequired,
};

export const listBansRoute = {
  tags: ['moderation'],
  summary: 'Moderators: the banned readers, newest ban first',
  response: { 200: Type.Object({ bans: Type.Array(Ref(BanSchema)) }), ...errorResponses },
  security: tokenRequired,
};

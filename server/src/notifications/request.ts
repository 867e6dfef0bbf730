import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import type { Viewer } from '../auth.js';
import { ApiError } from '../http/errors.js';
import type { NewComment } from '../comments/schemas.js';
import { languageFromHeader, mailLanguage } from '../mail/messages.js';
import type { NotifyRequest } from './notifier.js';

/**
 * What a post's `notifyReplies` asks for, checked before anything is stored: signed-in readers need an
 * address in their token, guests one in the form. Null when the post says nothing about it, or when
 * this server sends no mail (production without INKWELL_SMTP_URL): the comment is posted all the same.
 */
export function notifyRequest(ctx: Ctx, request: FastifyRequest, viewer: Viewer | null, input: NewComment): NotifyRequest | null {
  if (input.notifyReplies === undefined || !ctx.notifier.enabled) return null;
  const email = viewer ? viewer.email : input.author?.email;
  if (input.notifyReplies && !email) {
    throw new ApiError(422, 'email_required', viewer
      ? 'Reply notifications need an e-mail address: the site\'s token carries none ("email" claim)'
      : 'Reply notifications need your e-mail address', viewer ? 'notifyReplies' : 'author.email');
  }
  const subscriber = viewer ? viewer.authorId : email ? 'e:' + ctx.notifier.links.emailHash(email) : null;
  // A guest without an address has no subscription to end.
  if (!subscriber) return null;
  return {
    on: input.notifyReplies,
    subscriber,
    email: email ?? '',
    vouched: viewer !== null,
    lang: input.lang ? mailLanguage(input.lang) : languageFromHeader(request.headers['accept-language']),
    pageUrl: input.pageUrl ?? null,
  };
}

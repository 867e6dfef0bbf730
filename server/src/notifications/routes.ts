/**
 * The pages behind the links in notification mails: `GET` shows what the link does and a button,
 * `POST` does it (a link scanner that follows every GET unsubscribes nobody). `POST /mail/unsubscribe`
 * is also the RFC 8058 one-click target of `List-Unsubscribe-Post`. No sign-in: the signed link is
 * the permission.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isRtl, languageFromHeader, mailMessages, type MailMessages } from '../mail/messages.js';
import type { LinkAction } from './links.js';
import { escapeHtml } from './render.js';
import * as store from './store.js';

type Query = { t?: string };

export const mailRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.inkwell;
  const { notifier } = ctx;
  // Mail providers post the one-click form as either type; the link itself carries everything.
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, null));

  const language = async (request: FastifyRequest, action: LinkAction | null) => {
    if (action?.do === 'thread') {
      const sub = await store.findSubscription(ctx.db, action.thread, action.subscriber);
      if (sub) return sub.lang;
    }
    return languageFromHeader(request.headers['accept-language']);
  };

  const page = async (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, kind: 'confirm' | 'unsubscribe', post: boolean) => {
    const action = notifier.links.read(request.query.t);
    const lang = await language(request, action);
    const m = mailMessages(lang);
    const valid = action !== null && (kind === 'confirm' ? action.do === 'confirm' : action.do !== 'confirm');
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8');
    if (!valid) return reply.code(400).send(pageHtml(lang, m.invalidLink, null));
    if (!post) {
      const question = action.do === 'confirm' ? m.confirmButton + '?' : action.do === 'all' ? m.unsubscribeAllQuestion : m.unsubscribeThreadQuestion;
      return reply.send(pageHtml(lang, question, action.do === 'confirm' ? m.confirmButton : m.unsubscribeButton));
    }
    await apply(app, action);
    return reply.send(pageHtml(lang, doneText(action, m), null));
  };

  app.get<{ Querystring: Query }>('/mail/unsubscribe', { schema: { hide: true } }, (request, reply) => page(request, reply, 'unsubscribe', false));
  app.post<{ Querystring: Query }>('/mail/unsubscribe', { schema: { hide: true } }, (request, reply) => page(request, reply, 'unsubscribe', true));
  app.get<{ Querystring: Query }>('/mail/confirm', { schema: { hide: true } }, (request, reply) => page(request, reply, 'confirm', false));
  app.post<{ Querystring: Query }>('/mail/confirm', { schema: { hide: true } }, (request, reply) => page(request, reply, 'confirm', true));
};

async function apply(app: FastifyInstance, action: LinkAction): Promise<void> {
  const { db } = app.inkwell;
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    if (action.do === 'thread') await store.dropSubscription(trx, action.thread, action.subscriber);
    else if (action.do === 'all') await store.optOut(trx, action.email, now);
    else await store.confirmAddress(trx, action.email, now);
  });
}

function doneText(action: LinkAction, m: MailMessages): string {
  return action.do === 'confirm' ? m.confirmDone : m.unsubscribeDone;
}

/** A small page: the question and its button (a form that posts to the same address), or the outcome. */
function pageHtml(lang: string, text: string, button: string | null): string {
  const form = button ? `<form method="post"><button type="submit">${escapeHtml(button)}</button></form>` : '';
  return `<!doctype html><html lang="${escapeHtml(lang)}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(text)}</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:32em;margin:4em auto;padding:0 1em;line-height:1.5}button{font:inherit;padding:.4em 1.2em}</style>' +
    `</head><body><main><p>${escapeHtml(text)}</p>${form}</main></body></html>`;
}

/** The notification mails as text and HTML: user content is escaped in HTML and never trusted as markup. */
import type { CommentTable, NotifySubscriptionTable, TypoReportTable } from '../db.js';
import type { MailMessage } from '../mail/mailer.js';
import { fill, isRtl, mailMessages, type MailMessages } from '../mail/messages.js';

/** Longest excerpt of a comment quoted in a mail. */
const EXCERPT = 1000;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function excerpt(text: string): string {
  return text.length > EXCERPT ? text.slice(0, EXCERPT).trimEnd() + '…' : text;
}

/** Only http(s) URLs become links. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Where the thread's page is: the address the subscriber's browser gave, else the thread id when it is a URL. */
export function pageOf(sub: Pick<NotifySubscriptionTable, 'page_url' | 'thread'>): string | null {
  const url = safeHttpUrl(sub.page_url) ?? safeHttpUrl(sub.thread);
  return url ? url.split('#')[0]! : null;
}

function quote(text: string): string {
  return text.split('\n').map((line) => '> ' + line).join('\n');
}

function paragraphs(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function htmlDocument(lang: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"></head>` +
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;
}

export interface ReplyMailLinks {
  thread: string;
  all: string;
}

/** One mail with every reply of a batch, a link to each, and the two unsubscribe links (also as RFC 8058 headers). */
export function replyMail(sub: NotifySubscriptionTable, replies: CommentTable[], links: ReplyMailLinks): MailMessage {
  const m = mailMessages(sub.lang);
  const page = pageOf(sub);
  const label = page ?? sub.thread;
  const subject = replies.length === 1 ? fill(m.replySubject, { name: replies[0]!.author_name }) : fill(m.repliesSubject, { n: replies.length });
  const link = (c: CommentTable) => (page ? `${page}#comment-${encodeURIComponent(c.id)}` : null);

  const text = [
    fill(m.intro, { page: label }),
    ...replies.map((c) => [fill(m.wrote, { name: c.author_name }), quote(excerpt(c.body)), link(c) ? `${m.open}: ${link(c)}` : ''].filter(Boolean).join('\n')),
    footerText(m, links),
  ].join('\n\n');

  const items = replies.map((c) => {
    const href = link(c);
    return `<div style="margin:1.5em 0"><p style="margin:0"><strong>${escapeHtml(fill(m.wrote, { name: c.author_name }))}</strong></p>` +
      `<blockquote style="margin:.5em 0;padding-inline-start:1em;border-inline-start:3px solid #ccc" dir="auto">${paragraphs(excerpt(c.body))}</blockquote>` +
      (href ? `<p style="margin:0"><a href="${escapeHtml(href)}">${escapeHtml(m.open)}</a></p>` : '') + '</div>';
  }).join('');
  const pageHtml = page ? `<a href="${escapeHtml(page)}">${escapeHtml(label)}</a>` : escapeHtml(label);
  const intro = escapeHtml(fill(m.intro, { page: '\u0000' })).replace('\u0000', pageHtml);
  const html = htmlDocument(sub.lang, `<p>${intro}</p>${items}${footerHtml(m, links)}`);

  return {
    to: [sub.email], subject, text, html, lang: sub.lang,
    headers: {
      'List-Unsubscribe': `<${links.thread}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

function footerText(m: MailMessages, links: ReplyMailLinks): string {
  return `--\n${m.why}\n${m.unsubscribeThread}: ${links.thread}\n${m.unsubscribeAll}: ${links.all}`;
}

function footerHtml(m: MailMessages, links: ReplyMailLinks): string {
  return `<hr><p style="font-size:.9em;color:#555">${escapeHtml(m.why)}<br>` +
    `<a href="${escapeHtml(links.thread)}">${escapeHtml(m.unsubscribeThread)}</a> · <a href="${escapeHtml(links.all)}">${escapeHtml(m.unsubscribeAll)}</a></p>`;
}

/** The guest's double opt-in: one link, nothing else until it is followed. */
export function confirmMail(to: string, lang: string, pageLabel: string, confirmUrl: string): MailMessage {
  const m = mailMessages(lang);
  const body = fill(m.confirmBody, { page: pageLabel });
  return {
    to: [to], subject: m.confirmSubject, lang,
    text: `${body}\n\n${confirmUrl}\n\n${m.confirmIgnore}`,
    html: htmlDocument(lang, `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(confirmUrl)}">${escapeHtml(m.confirmButton)}</a></p><p>${escapeHtml(m.confirmIgnore)}</p>`),
    headers: {},
  };
}

/** Where a held comment can be seen: its page when the thread id is a URL. */
function commentLink(c: CommentTable): string | null {
  const page = safeHttpUrl(c.thread);
  return page ? `${page.split('#')[0]}#comment-${encodeURIComponent(c.id)}` : null;
}

/** A heading in plain text (no colon: its place differs between languages). */
function underlined(heading: string): string {
  return `${heading}\n${'='.repeat([...heading].length)}`;
}

/** A catalogue text with `{key}` placeholders, escaped, with some placeholders replaced by ready-made HTML. */
function fillHtml(text: string, values: Record<string, string>, html: Record<string, string>): string {
  const marks = Object.keys(html);
  const withMarks = fill(text, { ...values, ...Object.fromEntries(marks.map((key, i) => [key, `\uE000${i}\uE000`])) });
  return escapeHtml(withMarks).replace(/\uE000(\d+)\uE000/g, (_, i: string) => html[marks[Number(i)]!]!);
}

/**
 * The moderators' digest, in the language of INKWELL_MODERATOR_LANG (moderators configure the
 * server: no page tells their language).
 */
export function digestMail(to: string, lang: string, held: CommentTable[], reports: TypoReportTable[]): MailMessage {
  const m = mailMessages(lang);
  const parts: string[] = [];
  const htmlParts: string[] = [];
  const counts = [
    held.length ? fill(m.digestHeldCount, { n: held.length }) : '',
    reports.length ? fill(m.digestReportsCount, { n: reports.length }) : '',
  ].filter(Boolean);
  const subject = fill(m.digestSubject, { counts: new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(counts) });
  if (held.length) {
    parts.push(underlined(m.digestHeld));
    htmlParts.push(`<h2>${escapeHtml(m.digestHeld)}</h2>`);
    for (const c of held) {
      const href = commentLink(c);
      const name = c.guest ? `${c.author_name} (${m.digestGuest})` : c.author_name;
      parts.push(`${fill(m.digestIn, { name, thread: c.thread })}\n${quote(excerpt(c.body))}${href ? `\n${href}` : ''}`);
      const nameHtml = `<strong>${escapeHtml(c.author_name)}</strong>${c.guest ? ` (${escapeHtml(m.digestGuest)})` : ''}`;
      const threadHtml = href ? `<a href="${escapeHtml(href)}">${escapeHtml(c.thread)}</a>` : escapeHtml(c.thread);
      htmlParts.push(`<div style="margin:1em 0"><p style="margin:0">${fillHtml(m.digestIn, {}, { name: nameHtml, thread: threadHtml })}</p>` +
        `<blockquote style="margin:.5em 0;padding-inline-start:1em;border-inline-start:3px solid #ccc" dir="auto">${paragraphs(excerpt(c.body))}</blockquote></div>`);
    }
  }
  if (reports.length) {
    parts.push(underlined(m.digestReports));
    htmlParts.push(`<h2>${escapeHtml(m.digestReports)}</h2>`);
    for (const r of reports) {
      // The text-fragment link opens the page with the passage marked.
      const href = safeHttpUrl(r.fragment) ?? safeHttpUrl(r.url);
      const line = `"${r.selection}"${r.suggestion ? ` → "${r.suggestion}"` : ''}${r.comment ? ` (${r.comment})` : ''}`;
      parts.push(`${line}\n${href ?? r.url}`);
      htmlParts.push(`<p><q dir="auto">${escapeHtml(r.selection)}</q>${r.suggestion ? ` → <q dir="auto">${escapeHtml(r.suggestion)}</q>` : ''}` +
        `${r.comment ? ` (${escapeHtml(r.comment)})` : ''}<br>${href ? `<a href="${escapeHtml(href)}">${escapeHtml(r.title ?? r.url)}</a>` : escapeHtml(r.url)}</p>`);
    }
  }
  const why = fill(m.digestWhy, { setting: 'INKWELL_MODERATOR_EMAILS' });
  return {
    to: [to], subject, lang,
    text: parts.join('\n\n') + `\n\n--\n${why}`,
    html: htmlDocument(lang, htmlParts.join('') + `<hr><p style="font-size:.9em;color:#555">${escapeHtml(why)}</p>`),
    headers: {},
  };
}

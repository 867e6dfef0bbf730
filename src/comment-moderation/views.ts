import { html, nothing, type TemplateResult } from 'lit';
import { fill, formatPlural, type Messages } from '../core/i18n.js';
import { formatPublished, parseDate } from '../core/dates.js';
import { formatDateTime } from '../core/timestamps.js';
import { httpUrl } from './api.js';
import { actionsFor, keyOf } from './inbox.js';
import type { Action, Comment, Filters, Item, TypoReport } from './types.js';

/** What the templates need from the element: words, language, state and the handlers. */
export interface ViewContext {
  m: Messages;
  lang: string;
  selected: ReadonlySet<string>;
  current?: string;
  parents: ReadonlyMap<string, Comment | null>;
  onAct: (item: Item, action: Action) => void;
  onSelect: (item: Item, on: boolean) => void;
  onFocusItem: (item: Item) => void;
}

/** An action's button label, for comments and typo reports. */
export function actionLabel(m: Messages, action: Action, kind: Item['kind'] = 'comment'): string {
  if (kind === 'typo-report' && action === 'approve') return m.modFixed;
  if (kind === 'typo-report' && action === 'reject') return m.modDismiss;
  const labels: Record<Action, string> = {
    approve: m.approve, reject: m.reject, spam: m.spam, delete: m.delete, restore: m.modRestore, ban: m.modBan, pin: m.pin, unpin: m.unpin,
  };
  return labels[action];
}

/** The status filter's words for an item's own status. */
function statusLabel(m: Messages, item: Item): string {
  if (item.kind === 'typo-report') return { open: m.modHeld, fixed: m.modApproved, dismissed: m.modRejected }[item.report.status];
  const c = item.comment;
  if (c.editPending) return m.editAwaitingModeration;
  return ({ pending: m.modHeld, published: m.modApproved, rejected: m.modRejected, spam: m.spam, hidden: m.modHidden } as Record<string, string>)[c.status] ?? c.status;
}

function when(iso: string, lang: string): TemplateResult | typeof nothing {
  const date = parseDate(iso);
  return date ? html`<time datetime=${iso} title=${formatDateTime(date, lang)}>${formatPublished(date, lang)}</time>` : nothing;
}

/** A thread id as a link when it is a page URL, else as text. */
function threadRef(thread: string): TemplateResult {
  const url = httpUrl(thread);
  return url ? html`<a href=${url} part="link"><bdi>${thread}</bdi></a>` : html`<bdi class="thread">${thread}</bdi>`;
}

/** A message with one placeholder filled by a template (a link): the words on either side stay text. */
function around(message: string, name: string, filler: TemplateResult): TemplateResult {
  const [before = '', after = ''] = message.split(`{${name}}`);
  return html`${before}${filler}${after}`;
}

function commentBody(c: Comment, ctx: ViewContext): TemplateResult {
  const parent = c.parentId ? ctx.parents.get(c.parentId) : undefined;
  return html`
    ${c.parentId
      ? html`<blockquote class="context" part="context">
          <p class="context-label">${fill(ctx.lang, ctx.m.modReplyTo, { name: parent?.author.name || '…' })}</p>
          ${parent?.body ? html`<p class="text quoted" dir="auto">${parent.body}</p>` : nothing}
        </blockquote>`
      : nothing}
    <p class="text" dir="auto">${c.body}</p>
    ${c.editPending && c.publishedBody !== undefined
      ? html`<p class="context-label">${ctx.m.modPublicText}</p><p class="text quoted" dir="auto">${c.publishedBody}</p>`
      : nothing}
  `;
}

function reportBody(r: TypoReport, ctx: ViewContext): TemplateResult {
  const fragment = httpUrl(r.fragment);
  return html`
    <p class="text passage" dir="auto" part="context">…${r.prefix}<mark part="selection">${r.selection}</mark>${r.suffix}…</p>
    ${r.suggestion ? html`<p class="text" dir="auto">${fill(ctx.lang, ctx.m.modSuggestion, { text: r.suggestion })}</p>` : nothing}
    ${r.comment ? html`<p class="text" dir="auto">${fill(ctx.lang, ctx.m.modNote, { text: r.comment })}</p>` : nothing}
    ${fragment ? html`<p><a href=${fragment} target="_blank" rel="noopener noreferrer" part="link">${ctx.m.modOpenPassage}</a></p>` : nothing}
  `;
}

function meta(item: Item, ctx: ViewContext, headingId: string): TemplateResult {
  const { m, lang } = ctx;
  if (item.kind === 'typo-report') {
    const r = item.report;
    const page = httpUrl(r.url);
    return html`<p class="meta" id=${headingId}>
      <strong>${m.modTypo}</strong>
      <span>${page ? html`<a href=${page} part="link"><bdi>${r.title || r.url}</bdi></a>` : html`<bdi>${r.title || r.url}</bdi>`}</span>
      <span>${when(r.createdAt, lang)}</span>
      ${r.count > 1 ? html`<span>${formatPlural(lang, m.modReported, r.count, { n: r.count })}</span>` : nothing}
      <span class="status" part="status">${statusLabel(m, item)}</span>
    </p>`;
  }
  const c = item.comment;
  return html`<p class="meta" id=${headingId}>
    <strong><bdi>${c.author.name}</bdi></strong>${c.author.guest ? html` <span>(${m.modGuest})</span>` : nothing}
    <span>${around(m.modInThread, 'thread', threadRef(c.thread))}</span>
    <span>${when(c.createdAt, lang)}</span>
    ${c.pinned ? html`<span>${m.pinned}</span>` : nothing}
    <span class="status" part="status">${statusLabel(m, item)}</span>
  </p>`;
}

/** One inbox entry: its selection box, who and where, the text in its context, its actions. */
export function itemView(item: Item, index: number, ctx: ViewContext): TemplateResult {
  const key = keyOf(item);
  const headingId = `h-${index}`;
  const current = ctx.current === key;
  return html`<li
    class="item"
    part=${current ? 'item current-item' : 'item'}
    data-key=${key}
    tabindex=${current ? 0 : -1}
    aria-labelledby=${headingId}
    aria-current=${current ? 'true' : 'false'}
    @focusin=${() => ctx.onFocusItem(item)}
  >
    <label class="select"
      ><input
        type="checkbox"
        aria-describedby=${headingId}
        .checked=${ctx.selected.has(key)}
        @change=${(e: Event) => ctx.onSelect(item, (e.target as HTMLInputElement).checked)}
      /><span class="visually-hidden">${ctx.m.modSelect}</span></label
    >
    <div class="content">
      ${meta(item, ctx, headingId)} ${item.kind === 'comment' ? commentBody(item.comment, ctx) : reportBody(item.report, ctx)}
      <p class="actions">
        ${actionsFor(item).map(
          (action) => html`<button type="button" part="action" data-action=${action} @click=${() => ctx.onAct(item, action)}>
            ${actionLabel(ctx.m, action, item.kind)}
          </button>`,
        )}
      </p>
    </div>
  </li>`;
}

/** The filters form; it applies on submit and on each change of a select. */
export function filtersView(filters: Filters, m: Messages, onChange: (next: Filters) => void): TemplateResult {
  const read = (form: HTMLFormElement): Filters => {
    const data = new FormData(form);
    return {
      show: data.get('show') as Filters['show'],
      status: data.get('status') as Filters['status'],
      sort: data.get('sort') as Filters['sort'],
      thread: String(data.get('thread') ?? '').trim(),
      reader: String(data.get('reader') ?? '').trim(),
    };
  };
  const option = (value: string, label: string, current: string) => html`<option value=${value} ?selected=${value === current}>${label}</option>`;
  return html`<form
    class="filters"
    part="filters"
    @submit=${(e: Event) => {
      e.preventDefault();
      onChange(read(e.currentTarget as HTMLFormElement));
    }}
    @change=${(e: Event) => {
      if ((e.target as Element).localName === 'select') onChange(read(e.currentTarget as HTMLFormElement));
    }}
  >
    <label>${m.modShow}
      <select name="show">
        ${option('all', m.modAll, filters.show)} ${option('comments', m.modComments, filters.show)} ${option('reports', m.modReports, filters.show)}
      </select></label
    >
    <label>${m.modStatus}
      <select name="status">
        ${option('held', m.modHeld, filters.status)} ${option('approved', m.modApproved, filters.status)}
        ${option('rejected', m.modRejected, filters.status)} ${option('spam', m.spam, filters.status)}
        ${option('hidden', m.modHidden, filters.status)}
      </select></label
    >
    <label>${m.modSort}
      <select name="sort">${option('newest', m.sortNewest, filters.sort)} ${option('oldest', m.sortOldest, filters.sort)}</select></label
    >
    <label>${m.modThread} <input name="thread" .value=${filters.thread} autocomplete="off" /></label>
    <label>${m.modReader} <input name="reader" .value=${filters.reader} autocomplete="off" /></label>
    <button type="submit" part="action">${m.modApply}</button>
  </form>`;
}

/** The keyboard help's rows: keys and what they do. */
export function shortcutRows(m: Messages): [string, string][] {
  return [
    ['j', m.modKeyNext],
    ['k', m.modKeyPrevious],
    ['x', m.modKeySelect],
    ['a', m.approve],
    ['r', m.reject],
    ['s', m.spam],
    ['u', m.modKeyUndo],
    ['?', m.modKeyHelp],
  ];
}

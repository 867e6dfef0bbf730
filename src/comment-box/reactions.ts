import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../core/i18n.js';
import { formatNumber } from '../core/locale.js';
import type { ReactionKind, Reactions } from './types.js';

/** What a reader sees of each of the server's kinds (its Reactions schema): a kind it adds fails the typecheck here. */
const EMOJI: Record<ReactionKind, string> = { like: '👍', love: '❤️', laugh: '😄', celebrate: '🎉', insightful: '💡' };

/** The kinds, in the server's order. */
export const REACTION_KINDS = Object.keys(EMOJI) as ReactionKind[];

const NAMES = {
  like: 'reactionLike',
  love: 'reactionLove',
  laugh: 'reactionLaugh',
  celebrate: 'reactionCelebrate',
  insightful: 'reactionInsightful',
} as const satisfies Record<ReactionKind, keyof Messages>;

/** What a reaction bar shows besides the counts: every kind or the few in use, and a message under it. */
export interface ReactionBar {
  m: Messages;
  lang: string;
  /** Every kind (the article's bar, or a comment whose "More reactions" is open); else those in use and Like. */
  all: boolean;
  /** A comment's bar has a "More reactions" toggle; the article's shows every kind already. */
  toggle: boolean;
  label: string;
  /** Why the last toggle failed (rolled back), or that signing in is needed; with a sign-in link then. */
  note?: unknown;
}

/** `reactions` after the reader adds (`on`) or takes back their `kind`. */
export function toggled(reactions: Reactions | undefined, kind: ReactionKind, on: boolean): Reactions {
  const counts = { ...reactions?.counts };
  const mine = (reactions?.mine ?? []).filter((k) => k !== kind);
  if (on === Boolean(reactions?.mine?.includes(kind))) return { counts, mine: reactions?.mine ?? [] };
  const n = (counts[kind] ?? 0) + (on ? 1 : -1);
  if (n > 0) counts[kind] = n;
  else delete counts[kind];
  return { counts, mine: on ? [...mine, kind] : mine };
}

/** New counts from the live stream; the reader's own choices stay as they were. */
export function withCounts(reactions: Reactions | undefined, counts: Reactions['counts']): Reactions {
  return { counts, mine: reactions?.mine ?? [] };
}

/**
 * A bar of reaction buttons: native toggle buttons (`aria-pressed`), named by the reaction and its count
 * ("Like, 3"), the emoji hidden from screen readers. The buttons carry data attributes; one listener
 * handles them all (see `reactionHit`).
 */
export function reactionsTemplate(bar: ReactionBar, reactions: Reactions | undefined): TemplateResult {
  const { m, lang } = bar;
  const counts = reactions?.counts ?? {};
  const mine = reactions?.mine ?? [];
  // Like is always first; the others when in use (or all shown). Like is drawn inside the bar's own template,
  // so a comment without reactions costs Lit one instance for its bar, not one per button.
  const others = REACTION_KINDS.slice(1).filter((kind) => bar.all || counts[kind] || mine.includes(kind));
  const pressed = (kind: ReactionKind) => (mine.includes(kind) ? 'true' : 'false');
  const name = (kind: ReactionKind) => {
    const n = counts[kind];
    return n ? `${m[NAMES[kind]]}, ${formatNumber(lang, n)}` : m[NAMES[kind]];
  };
  const shownCount = (kind: ReactionKind) => (counts[kind] ? ` ${formatNumber(lang, counts[kind])}` : '');
  return html`<div class="reactions" part="reactions" role="group" aria-label=${bar.label}>
    <button type="button" class="reaction" data-kind="like" aria-pressed=${pressed('like')} aria-label=${name('like')} title=${m.reactionLike}>
      <span aria-hidden="true">👍${shownCount('like')}</span>
    </button>${others.map(
      (kind) => html`<button type="button" class="reaction" data-kind=${kind} aria-pressed=${pressed(kind)} aria-label=${name(kind)} title=${m[NAMES[kind]]}>
        <span aria-hidden="true">${EMOJI[kind]}${shownCount(kind)}</span>
      </button>`,
    )}${bar.toggle && (bar.all || others.length < REACTION_KINDS.length - 1)
      ? html`<button type="button" class="reaction more" data-kind="more" aria-expanded=${bar.all ? 'true' : 'false'} aria-label=${m.moreReactions} title=${m.moreReactions}><span aria-hidden="true">${bar.all ? '−' : '+'}</span></button>`
      : nothing}${bar.note ? html`<span class="note error" role="alert">${bar.note}</span>` : nothing}
  </div>`;
}

/** The reaction button `event` hit: a kind, or `more` (the toggle). */
export function reactionHit(event: Event): ReactionKind | 'more' | undefined {
  const button = (event.target as Element).closest?.<HTMLElement>('button[data-kind]');
  return button?.dataset.kind as ReactionKind | 'more' | undefined;
}

import type { Messages } from '../core/i18n.js';
import { formatNumber } from '../core/locale.js';
import { patch, type View } from '../core/view.js';
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
  note?: View[];
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
 * handles them all (see `reactionHit`). Made as DOM nodes, and changed in place when drawn again into the
 * same `div`: the button a reader pressed stays the focused one while its count and state change.
 */
export function drawReactionBar(bar: ReactionBar, reactions: Reactions | undefined, div?: HTMLElement): HTMLElement {
  const { m, lang } = bar;
  const counts = reactions?.counts ?? {};
  const mine = reactions?.mine ?? [];
  if (!div && !bar.all && !bar.note && !mine.length && !Object.keys(counts).length) {
    // Most comments have no reactions yet: their bar is a copy of one drawn before.
    const key = [bar.label, bar.toggle, m.reactionLike, m.moreReactions].join('\0');
    let plain = plainBars.get(key);
    if (!plain) plainBars.set(key, (plain = drawReactionBar(bar, reactions, newBar())));
    return plain.cloneNode(true) as HTMLElement;
  }
  div ??= newBar();
  changeAttribute(div, 'aria-label', bar.label);
  // Like is always first; the others when in use (or all shown).
  const kinds: (ReactionKind | 'more')[] = REACTION_KINDS.filter((kind, i) => !i || bar.all || counts[kind] || mine.includes(kind));
  if (bar.toggle && (bar.all || kinds.length < REACTION_KINDS.length)) kinds.push('more');
  const buttons = new Map<string, HTMLElement>();
  for (const button of div.querySelectorAll<HTMLElement>(':scope > button')) buttons.set(button.dataset.kind!, button);
  let next: ChildNode | null = div.firstChild;
  for (const kind of kinds) {
    let button = buttons.get(kind);
    buttons.delete(kind);
    if (!button) button = reactionButton(kind);
    if (button === next) next = next.nextSibling;
    else div.insertBefore(button, next);
    if (kind === 'more') {
      changeAttribute(button, 'aria-expanded', bar.all ? 'true' : 'false');
      changeAttribute(button, 'aria-label', m.moreReactions);
      changeAttribute(button, 'title', m.moreReactions);
      changeText(button.firstChild!, bar.all ? '−' : '+');
      continue;
    }
    const n = counts[kind];
    const shown = n ? formatNumber(lang, n) : '';
    changeAttribute(button, 'aria-pressed', mine.includes(kind) ? 'true' : 'false');
    changeAttribute(button, 'aria-label', n ? `${m[NAMES[kind]]}, ${shown}` : m[NAMES[kind]]);
    changeAttribute(button, 'title', m[NAMES[kind]]);
    changeText(button.firstChild!, n ? `${EMOJI[kind]} ${shown}` : EMOJI[kind]);
  }
  for (const gone of buttons.values()) gone.remove();
  // The note, when there is one, is the bar's last child; it may hold a sign-in link.
  let note = div.lastElementChild?.localName === 'span' ? (div.lastElementChild as HTMLElement) : undefined;
  if (bar.note && !note) {
    note = div.appendChild(document.createElement('span'));
    note.className = 'note error';
    note.setAttribute('role', 'alert');
  }
  if (bar.note) patch(note!, bar.note);
  else note?.remove();
  return div;
}

const plainBars = new Map<string, HTMLElement>();

function newBar(): HTMLElement {
  const div = document.createElement('div');
  div.className = 'reactions';
  div.setAttribute('part', 'reactions');
  div.setAttribute('role', 'group');
  return div;
}

/** A reaction's button, its emoji (and count) hidden from screen readers: the button's name says them. */
function reactionButton(kind: ReactionKind | 'more'): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = kind === 'more' ? 'reaction more' : 'reaction';
  button.dataset.kind = kind;
  button.appendChild(document.createElement('span')).setAttribute('aria-hidden', 'true');
  return button;
}

/** Sets an attribute only when its value differs: a screen reader hears a change, not a redraw. */
export function changeAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

function changeText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** The reaction button `event` hit: a kind, or `more` (the toggle). */
export function reactionHit(event: Event): ReactionKind | 'more' | undefined {
  const button = (event.target as Element).closest?.<HTMLElement>('button[data-kind]');
  return button?.dataset.kind as ReactionKind | 'more' | undefined;
}

import { registerMessages, type Messages } from './i18n.js';
import { enCore } from './messages/en-core.js';
import { languageOf } from './locale.js';

const SELECTOR = 'script[type="application/json"][data-inkwell-messages]';
const read = new WeakSet<Element>();
let waitingForParser = false;

/**
 * Registers the strings a site declares without a build step or inline script (JSON is never executed,
 * so a strict Content-Security-Policy allows it), in the language of the script's `lang`, else the page's:
 * `<script type="application/json" data-inkwell-messages lang="en">{"signIn": "Log in"}</script>`.
 * Each script is read once; ones later in the page are read at DOMContentLoaded, ones added after that
 * when the next element connects.
 */
export function readDeclaredMessages(root: ParentNode = document): void {
  if (document.readyState === 'loading' && !waitingForParser) {
    waitingForParser = true;
    document.addEventListener('DOMContentLoaded', () => readDeclaredMessages(), { once: true });
  }
  for (const script of root.querySelectorAll(SELECTOR)) {
    if (read.has(script)) continue;
    read.add(script);
    const partial = parse(script);
    if (partial) registerMessages(languageOf(script), partial);
  }
}

function parse(script: Element): Partial<Messages> | undefined {
  const where = `[inkwell] <script data-inkwell-messages lang="${languageOf(script)}">`;
  let json: unknown;
  try {
    json = JSON.parse(script.textContent ?? '');
  } catch {
    // Reported below, like any other JSON that is not an object.
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    console.warn(`${where} is not a JSON object of strings; it is ignored.`);
    return undefined;
  }
  const partial: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    const problem = checkValue(key, value);
    if (problem) console.warn(`${where} "${key}": ${problem}; ignored.`);
    else partial[key] = value;
  }
  return partial as Partial<Messages>;
}

/**
 * The keys of the strings that come with the typo reporter's and the comment box's code (messages/en.ts
 * beyond en-core.ts and the inbox's), so that a page may declare them before that code loads; '+' marks plural
 * forms. test/core/english-by-element.test.ts checks the list against the catalogue.
 */
export const LATER_KEYS =
  'typoHint typoReport typoQuote typoNoSelection typoCorrection typoComment typoSent typoTooLong+ typoMailSubject send sending cancel close retry errorNetwork errorRateLimited+ errorFailed commentsTitle commentsHeading+ noComments loadingComments formLoading loadFailed loginRequired signIn signUp sessionExpired signInUnverified signedInAs yourComment replyTo post preview reply edit editComment save delete confirmDelete commentDeleted awaitingModeration editAwaitingModeration approve reject spam loadMore moreLoaded+ newComments+ sortOldest sortNewest sortBy posted postedHeld charactersLeft+ replyingTo deletedComment heldComment removedComment edited guestName guestEmail tooManyAttempts+ reactions articleReactions reactionLike reactionLove reactionLaugh reactionCelebrate reactionInsightful moreReactions loginToReact sortTop pinned pin unpin authorLabel banned notifyReplies notifyConfirm';

let laterShapes: Map<string, 'string' | 'plural'> | undefined;

/** Whether `key` names one of Inkwell's strings, and whether that is a string or plural forms. */
function shapeOf(key: string): 'string' | 'plural' | undefined {
  if (Object.prototype.hasOwnProperty.call(enCore, key)) return typeof enCore[key as keyof typeof enCore] === 'string' ? 'string' : 'plural';
  laterShapes ??= new Map(LATER_KEYS.split(' ').map((name) => (name.endsWith('+') ? [name.slice(0, -1), 'plural'] : [name, 'string'])));
  return laterShapes.get(key);
}

/** Why `value` cannot stand for the string `key`, or undefined when it can. */
function checkValue(key: string, value: unknown): string | undefined {
  const shape = shapeOf(key);
  if (!shape) return 'not one of Inkwell’s strings';
  if (shape === 'string') return typeof value === 'string' ? undefined : 'must be a string';
  const forms = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return typeof forms.other === 'string' && Object.values(forms).every((form) => typeof form === 'string') ? undefined : 'must be plural forms, {"one": "…", "other": "…"}';
}

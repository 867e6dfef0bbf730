import { registerMessages, type Messages } from './i18n.js';
import { en } from './messages/en.js';
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

/** Why `value` cannot stand for the string `key`, or undefined when it can. */
function checkValue(key: string, value: unknown): string | undefined {
  const english: unknown = Object.prototype.hasOwnProperty.call(en, key) ? en[key as keyof Messages] : undefined;
  if (!english) return 'not one of Inkwell’s strings';
  if (typeof english === 'string') return typeof value === 'string' ? undefined : 'must be a string';
  const forms = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return typeof forms.other === 'string' && Object.values(forms).every((form) => typeof form === 'string') ? undefined : 'must be plural forms, {"one": "…", "other": "…"}';
}

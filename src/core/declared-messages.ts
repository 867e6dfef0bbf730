import { registerMessages, type Messages } from './i18n.js';
import { en } from './messages/en.js';
import { languageOf } from './locale.js';

const SELECTOR = 'script[type="application/json"][data-inkwell-messages]';
const read = new WeakSet<Element>();

/**
 * Registers the strings a site declares without a build step or inline script (JSON is never executed,
 * so a strict Content-Security-Policy allows it), in the language of the script's `lang`, else the page's:
 * `<script type="application/json" data-inkwell-messages lang="en">{"signIn": "Log in"}</script>`.
 * Each script is read once; ones added later are read when the next element connects.
 */
export function readDeclaredMessages(root: ParentNode = document): void {
  for (const script of root.querySelectorAll(SELECTOR)) {
    if (read.has(script)) continue;
    read.add(script);
    const partial = parse(script);
    if (partial) registerMessages(languageOf(script), partial);
  }
}

function parse(script: Element): Partial<Messages> | undefined {
  const where = `<script data-inkwell-messages${script.hasAttribute('lang') ? ` lang="${script.getAttribute('lang')}"` : ''}>`;
  let json: unknown;
  try {
    json = JSON.parse(script.textContent ?? '');
  } catch (error) {
    console.warn(`[inkwell] ${where} is not valid JSON; its strings are ignored.`, error);
    return undefined;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    console.warn(`[inkwell] ${where} must hold one JSON object of strings; it is ignored.`);
    return undefined;
  }
  const partial: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    const problem = checkValue(key, value);
    if (problem) console.warn(`[inkwell] ${where} "${key}": ${problem}; ignored.`);
    else partial[key] = value;
  }
  return partial as Partial<Messages>;
}

/** Why `value` cannot stand for the string `key`, or undefined when it can. */
function checkValue(key: string, value: unknown): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(en, key)) return 'not one of Inkwell’s strings (see the Messages type)';
  const english: unknown = en[key as keyof Messages];
  if (typeof english === 'string') return typeof value === 'string' ? undefined : 'must be a string';
  const forms = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (!forms || !Object.values(forms).every((form) => typeof form === 'string') || typeof forms.other !== 'string') {
    return 'must be an object of plural forms ({"one": "…", "other": "…"}), with at least "other"';
  }
  return undefined;
}

// A theme page (test/themes/pages.ts) in an iframe of its own: its own root font size, its own classes, and
// its own copy of the elements, registered when the test says so (at once, or late, as a slow script would).
import { emulateMedia } from '@web/test-runner-commands';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';
import { THEME_PAGES, pageDocument, readmeCss, type ThemePageName } from '../themes/pages.js';
import { textContrast } from './contrast.js';

export const TAGS = ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box'] as const;

type Updatable = Element & { updateComplete?: Promise<unknown> };
type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean };

let readme: string | undefined;
export async function readmeText(): Promise<string> {
  readme ??= await (await fetch('/README.md')).text();
  return readme;
}

export interface ThemeFrame {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  api: FakeApi;
  /** Registers the elements in the page (the drop-in arriving) and waits until every one has drawn itself. */
  define(): Promise<void>;
  /** Starts adding up layout shifts; undefined where the browser does not report them. */
  watchShifts(): (() => number) | undefined;
  remove(): Promise<void>;
}

export interface FrameOptions {
  width?: number;
  height?: number;
  /** Extra markup for the head, e.g. a recipe's style element. */
  head?: string;
  /** Attributes of the comment box. */
  comments?: string;
  /** Comments in the thread, and the fake API's delay. */
  thread?: number;
  delayMs?: number;
  /** Register the elements once the page is loaded (default), or leave that to `define()`. */
  late?: boolean;
}

export const signedIn = () => `api="/fake/v1" thread="t1" eager token="${fakeToken('Ada')}"`;

/** Every custom element of ours in `root`, including those inside other elements' shadow roots (the card's badge). */
export function hosts(root: Document | ShadowRoot): Updatable[] {
  const found: Updatable[] = [];
  for (const el of root.querySelectorAll<Updatable>(TAGS.join(','))) {
    found.push(el);
    if (el.shadowRoot) found.push(...hosts(el.shadowRoot));
  }
  return found;
}

export const frames = (win: Window, count = 2) =>
  (async () => {
    for (let i = 0; i < count; i++) await new Promise((resolve) => win.requestAnimationFrame(resolve));
  })();

let canEmulate = true;
/** Makes the reader's system report `scheme`, where the browser driver can (Firefox's cannot: the page's own scheme is still the one tested). */
async function emulateSystem(scheme: 'light' | 'dark'): Promise<void> {
  if (canEmulate) canEmulate = await emulateMedia({ colorScheme: scheme }).then(() => true, () => false);
}

export async function openThemePage(name: ThemePageName, options: FrameOptions = {}): Promise<ThemeFrame> {
  const { width = 1100, height = 900, head = '', comments = signedIn(), thread = 12, delayMs = 0, late = false } = options;
  await emulateSystem(THEME_PAGES[name].system);
  const reserveCss = readmeCss(await readmeText(), 'reserve');
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block`;
  frame.srcdoc = pageDocument(name, { image: (i) => `/__slow-image.svg?ms=0&w=1600&h=900&n=${i}`, comments, reserveCss, head });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;

  // The comment box in the frame talks to a fake API through the frame's own fetch.
  const api = new FakeApi({ base: '/fake/v1', comments: sampleThread('t1', thread), delayMs }).install();
  win.fetch = window.fetch;
  api.uninstall();

  const define = async () => {
    const script = doc.createElement('script');
    script.type = 'module';
    script.textContent = `import '/src/index.ts';`;
    doc.head.append(script);
    await Promise.all(TAGS.map((tag) => win.customElements.whenDefined(tag)));
    // Nested elements (the card's badge) appear as their hosts draw; settle until no new one shows up.
    for (let seen = -1; seen !== hosts(doc).length; ) {
      seen = hosts(doc).length;
      await Promise.all(hosts(doc).map((el) => el.updateComplete));
    }
    await frames(win);
  };

  const watchShifts = () => {
    if (!win.PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return undefined;
    let total = 0;
    const observer = new win.PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        if (!entry.hadRecentInput) total += entry.value;
        if ((win as unknown as { __debugShifts?: boolean }).__debugShifts) console.log('shift', entry.value.toFixed(4), win.scrollY, JSON.stringify((entry as unknown as { sources: { node?: Element; previousRect: DOMRect; currentRect: DOMRect }[] }).sources.map((s) => [s.node?.localName, (s.node as Element)?.className, (s.node?.getRootNode() as ShadowRoot)?.host?.localName, Math.round(s.previousRect.y), Math.round(s.currentRect.y)])));
      }
    });
    observer.observe({ type: 'layout-shift', buffered: false });
    return () => {
      for (const entry of observer.takeRecords() as LayoutShift[]) if (!entry.hadRecentInput) total += entry.value;
      observer.disconnect();
      return total;
    };
  };

  await frames(win);
  if (!late) await define();
  return {
    frame,
    win,
    doc,
    api,
    define,
    watchShifts,
    remove: async () => {
      frame.remove();
      await emulateSystem('light');
    },
  };
}

/** Where `el` starts on the page (scrolling aside). */
function place(el: Element): string {
  const rect = el.getBoundingClientRect();
  const view = el.ownerDocument.defaultView!;
  return `${Math.round(rect.left + view.scrollX)},${Math.round(rect.top + view.scrollY)}`;
}

/** Where each visible element of the page's own markup starts on the page. */
export function visibleBoxes(doc: Document): Map<Element, string> {
  const view = doc.defaultView!;
  const boxes = new Map<Element, string>();
  for (const el of doc.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.bottom <= 0 || rect.top >= view.innerHeight || rect.width === 0 || rect.height === 0) continue;
    boxes.set(el, place(el));
  }
  return boxes;
}

/**
 * The elements of `before` that moved since, described for an assertion message: a layout shift, measured
 * the same way in browsers that do not report layout shifts.
 */
export function moved(before: Map<Element, string>): string[] {
  return [...before].filter(([el, box]) => place(el) !== box).map(([el, box]) => `<${el.localName} class="${el.className}"> ${box} → ${place(el)}`);
}

export const px = (el: Element, property: string) => parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).getPropertyValue(property));

export interface Measured {
  size: number;
  contrast: number;
}

/** Opens the typo dialog on a few words of the article, after measuring the touch button that appears first. */
export async function openTypoDialog(page: ThemeFrame): Promise<{ float?: Measured }> {
  const { doc, win } = page;
  const reporter = doc.querySelector('typo-reporter') as HTMLElement & { report(): boolean; updateComplete: Promise<unknown> };
  const text = doc.querySelector('#story p')!.firstChild!;
  doc.dispatchEvent(new win.PointerEvent('pointerdown', { pointerType: 'touch' }));
  const range = doc.createRange();
  range.setStart(text, 6);
  range.setEnd(text, 16);
  win.getSelection()!.removeAllRanges();
  win.getSelection()!.addRange(range);
  const float = await new Promise<Element | null>((resolve) => {
    const started = Date.now();
    const poll = () => {
      const found = reporter.shadowRoot!.querySelector('.float, [part="button"]');
      if (found || Date.now() - started > 3000) resolve(found);
      else setTimeout(poll, 50);
    };
    poll();
  });
  const measured = float ? { size: px(float, 'font-size'), contrast: textContrast(float) } : undefined;
  if (!reporter.report()) throw new Error('the typo reporter took no selection');
  await reporter.updateComplete;
  await frames(win);
  return { float: measured };
}

/** Types a few words in the comment form, so its Post button is enabled. */
export async function typeComment(page: ThemeFrame) {
  const box = page.doc.querySelector('comment-box') as HTMLElement & { updateComplete: Promise<unknown> };
  const start = Date.now();
  while (!box.shadowRoot!.querySelector('textarea') && Date.now() - start < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
  const field = box.shadowRoot!.querySelector('textarea')!;
  field.value = 'A kind word about commas.';
  field.dispatchEvent(new page.win.Event('input', { bubbles: true, composed: true }));
  await box.updateComplete;
}


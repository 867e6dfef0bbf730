import type { CSSResult } from 'lit';
import type { Locale } from './i18n.js';
import { readDeclaredScripts } from './declared-scripts.js';
import { localeOf, stringsReady, unwatchLanguage, watchLanguage } from './localization.js';
import { patch, views, type Children, type View } from './view.js';
import { SERVER_SIDE } from './server.js';

/** How a property is declared, as Lit's @property declares it (the part of it these elements use). */
export interface PropertyDeclaration {
  /** Number or Boolean converts the attribute; without it the attribute's string is the value. */
  type?: typeof Number | typeof Boolean | typeof String;
  /** The attribute's name; by default the property's name in lower case; false for none. */
  attribute?: string | false;
  /** Writes the value back to the attribute after each change. */
  reflect?: boolean;
  /** Internal state: no attribute. */
  state?: boolean;
}

/** What `willUpdate` is told: the properties changed since the last draw, with their values before. */
export type PropertyValues = Map<PropertyKey, unknown>;

/** Called on connect and disconnect, as Lit's reactive controllers are. */
export interface Controller {
  hostConnected?(): void;
  hostDisconnected?(): void;
}

type Declaration = PropertyDeclaration & { attributeName?: string };
type Declarations = Map<string, Declaration>;
type LightClass = typeof LightElement & { properties?: Record<string, PropertyDeclaration> };
type Values = Record<string, unknown>;

/** Each class's declarations, with its parents'. */
const declared = new WeakMap<object, Declarations>();

// In Node, without a DOM, a class to extend all the same (the server render makes the DOM shim's HTMLElement global first: src/ssr/dom.ts).
const Base = (SERVER_SIDE ? (globalThis.HTMLElement ?? class {}) : HTMLElement) as typeof HTMLElement;

/**
 * The base of the elements that draw without Lit (`<reading-time>`, `<author-badge>`, `<article-card>`, `<typo-reporter>`, `<comment-box>`), so
 * that a page with only them does not download Lit. It keeps Lit's contract for them: declared properties
 * with attribute conversion and reflection, one draw a microtask after changes, `willUpdate`/`updated`,
 * `updateComplete`, properties set before the upgrade taken over. Like LocalizedElement it speaks its
 * language and draws only when that language's strings are here (the light-DOM fallback shows until then).
 * `render()` returns views (view.ts), which are patched over the shadow root: a server-rendered root's nodes
 * are kept where they match, so the upgrade draws nothing twice and moves nothing.
 */
export class LightElement extends Base {
  static styles: CSSResult | CSSResult[] = [];

  /** The class's declarations (the decorators' `createProperty` calls, or the `properties` object the build writes), with its parents'. */
  private static declarations(): Declarations {
    let found = declared.get(this);
    if (!found) {
      // A subclass (a site's `class extends ReadingTime`) has its parent's, and its own.
      const parent = Object.getPrototypeOf(this) as typeof LightElement;
      declared.set(this, (found = new Map(parent.declarations?.() ?? [])));
      for (const [name, options] of Object.entries((Object.hasOwn(this, 'properties') && (this as LightClass).properties) || {})) this.createProperty(name, options);
    }
    return found;
  }

  /** Declares a property, as Lit's @property decorator does (src/core/decorators.ts calls this). @internal */
  static createProperty(name: string, options: PropertyDeclaration = {}): void {
    const attributeName = options.state || options.attribute === false ? undefined : options.attribute || name.toLowerCase();
    this.declarations().set(name, { ...options, attributeName });
    Object.defineProperty(this.prototype, name, {
      get(this: LightElement) {
        return this.lightValues.get(name);
      },
      set(this: LightElement, value: unknown) {
        const old = this.lightValues.get(name);
        if (old !== value && (old === old || value === value)) {
          this.lightValues.set(name, value);
          this.requestUpdate(name, old);
        }
      },
      configurable: true,
    });
  }

  static get observedAttributes(): string[] {
    return [...this.declarations().values()].map((declared) => declared.attributeName!).filter(Boolean);
  }

  /**
   * True on the server (set by its renderer), which knows only the element's attributes: no page, no
   * ancestors' `lang`, no light-DOM children.
   * @internal
   */
  serverView = false;

  private readonly lightValues = new Map<string, unknown>();
  private lightChanged: PropertyValues = new Map();
  private readonly lightReflected = new Set<string>();
  private readonly lightSaved: [string, unknown][] = [];
  private readonly lightControllers: Controller[] = [];
  private lightReflecting?: string;
  private drawPending = false;
  private enableDrawing!: (value?: unknown) => void;
  private drawCycle: Promise<unknown> = new Promise((resolve) => (this.enableDrawing = resolve));
  private waitingSlot?: HTMLSlotElement;
  private drawRoot?: ShadowRoot;

  constructor() {
    super();
    // Values a page set before the upgrade hide the accessors: taken over at the first draw.
    for (const name of (this.constructor as typeof LightElement).declarations().keys()) {
      if (Object.hasOwn(this, name)) {
        this.lightSaved.push([name, (this as unknown as Values)[name]]);
        delete (this as unknown as Values)[name];
      }
    }
    this.requestUpdate();
    if (SERVER_SIDE) {
      this.serverDraw = () => {
        this.prepareDraw();
        return views(this.render());
      };
    }
  }

  /**
   * Settles after the element has drawn what was asked of it (in its language); true when nothing more is pending.
   * As LitElement's (not listed in the manifest, as LitElement's was not).
   * @internal
   */
  get updateComplete(): Promise<unknown> {
    return this.drawCycle;
  }

  /** The shadow root the element draws in. @internal */
  get renderRoot(): ShadowRoot | undefined {
    return this.drawRoot;
  }

  /** @internal */
  addController(controller: Controller): void {
    this.lightControllers.push(controller);
  }

  connectedCallback(): void {
    // Before the root is made, so that it shows the light-DOM fallback while declared strings load.
    readDeclaredScripts();
    this.drawRoot ??= this.createDrawRoot();
    watchLanguage(this);
    for (const controller of this.lightControllers) controller.hostConnected?.();
    this.enableDrawing();
  }

  disconnectedCallback(): void {
    unwatchLanguage(this);
    for (const controller of this.lightControllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    for (const [name, { attributeName, type }] of (this.constructor as typeof LightElement).declarations()) {
      if (attributeName === attribute && this.lightReflecting !== name) {
        this.lightReflecting = name;
        (this as unknown as Values)[name] = type === Boolean ? value !== null : type === Number && value !== null ? Number(value) : value;
        this.lightReflecting = undefined;
      }
    }
  }

  /** Asks for a draw (after `name` changed from `old`). */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined) {
      if (!this.lightChanged.has(name)) this.lightChanged.set(name, old);
      if ((this.constructor as typeof LightElement).declarations().get(name)?.reflect && this.lightReflecting !== name) this.lightReflected.add(name);
    }
    if (!this.drawPending) {
      this.drawPending = true;
      this.drawCycle = this.enqueueDraw(this.drawCycle);
    }
  }

  private async enqueueDraw(previous: Promise<unknown>): Promise<boolean> {
    await previous.catch(() => undefined);
    // Every draw waits for the language's strings, so updateComplete also means "shown in the right language".
    for (let pending; (pending = stringsReady(this)); ) await pending;
    if (this.drawPending) {
      const changed = this.prepareDraw();
      this.waitingSlot?.remove();
      const root = this.drawRoot!;
      // A server-rendered root starts with its <style>: kept, and the drawing goes after it.
      const first = root.firstChild;
      patch(root, views(this.render()), first instanceof HTMLStyleElement ? first.nextSibling : first);
      this.updated(changed);
    }
    return !this.drawPending;
  }

  /** What a draw does before drawing: the saved values taken over, `willUpdate`, reflection. The server does it too. */
  private prepareDraw(): PropertyValues {
    for (const [name, value] of this.lightSaved.splice(0)) (this as unknown as Values)[name] = value;
    const changed = this.lightChanged;
    try {
      this.willUpdate(changed);
      for (const name of this.lightReflected) {
        const { type, attributeName } = (this.constructor as typeof LightElement).declarations().get(name)!;
        const value = this.lightValues.get(name);
        this.lightReflecting = name;
        if (type === Boolean || value === undefined || value === null) this.toggleAttribute(attributeName!, !!value);
        else this.setAttribute(attributeName!, `${value as string}`);
        this.lightReflecting = undefined;
      }
    } finally {
      this.lightReflected.clear();
      this.lightChanged = new Map();
      this.drawPending = false;
    }
    return changed;
  }

  private createDrawRoot(): ShadowRoot {
    const rendered = this.shadowRoot;
    const root = rendered ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [(this.constructor as LightClass).styles].flat().map((style) => style.styleSheet!);
    // Until the first draw, which waits for the strings, the light-DOM fallback shows as before the upgrade (or the server's drawing).
    if (!rendered && stringsReady(this)) root.append((this.waitingSlot = document.createElement('slot')));
    return root;
  }

  /** The words and the `Intl` language to show them in. @internal */
  protected get locale(): Locale {
    return localeOf(this);
  }

  /** Before each draw: derive state from the changed properties (setting properties here asks for no other draw). */
  protected willUpdate(_changed: PropertyValues): void {}

  /** After each draw. */
  protected updated(_changed: PropertyValues): void {}

  /** What the shadow root shows. */
  protected render(): Children {
    return undefined;
  }

  /** What the server draws: the first draw's views, without a DOM. Not in the drop-in files (server.ts). @internal */
  declare readonly serverDraw: () => View[];
}

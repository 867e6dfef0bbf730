/** Colours as browsers compute them, and the WCAG contrast between what is painted. */

export interface Rgba {
  /** Gamma-encoded sRGB, 0..1 (clipped), as painted. */
  r: number;
  g: number;
  b: number;
  a: number;
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?%?|none`;

function channel(token: string, percentScale = 1): number {
  if (token === 'none') return 0;
  return token.endsWith('%') ? (parseFloat(token) / 100) * percentScale : parseFloat(token);
}

function clip(value: number): number {
  return Math.min(1, Math.max(0, value));
}

const encode = (linear: number) => (linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055);
const decode = (value: number) => (value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4));

function fromOklab(L: number, a: number, b: number, alpha: number): Rgba {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return {
    r: clip(encode(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s)),
    g: clip(encode(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s)),
    b: clip(encode(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s)),
    a: alpha,
  };
}

/**
 * Parses a computed colour: `rgb()`/`rgba()`, `color(srgb …)`, `color(srgb-linear …)`, `oklch()`, `oklab()`
 * (what color-mix and relative colours compute to), or `transparent`. Anything else throws, so a test
 * never measures a colour it did not understand.
 */
export function parseColor(text: string): Rgba {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const match = /^([a-z-]+)\((.*)\)$/.exec(value);
  if (!match) throw new Error(`cannot parse colour "${text}"`);
  const [, fn, inner] = match;
  const tokens = inner.replace(/[,/]/g, ' ').split(/\s+/).filter(Boolean);
  const numbers = (list: string[]) => {
    for (const token of list) if (!new RegExp(`^(?:${NUMBER})$`).test(token)) throw new Error(`cannot parse colour "${text}"`);
    return list;
  };
  const alphaOf = (token: string | undefined) => (token === undefined ? 1 : channel(token));
  if (fn === 'rgb' || fn === 'rgba') {
    const [r, g, b, a] = numbers(tokens);
    return { r: channel(r, 255) / 255, g: channel(g, 255) / 255, b: channel(b, 255) / 255, a: alphaOf(a) };
  }
  if (fn === 'color') {
    const [space, ...rest] = tokens;
    const [r, g, b, a] = numbers(rest).map((token, i) => (i < 3 ? channel(token) : alphaOf(token)));
    if (space === 'srgb') return { r: clip(r), g: clip(g), b: clip(b), a: a ?? 1 };
    if (space === 'srgb-linear') return { r: clip(encode(r)), g: clip(encode(g)), b: clip(encode(b)), a: a ?? 1 };
    throw new Error(`cannot parse colour "${text}" (space ${space})`);
  }
  if (fn === 'oklch') {
    const [L, C, H, a] = numbers(tokens);
    const hue = (channel(H) * Math.PI) / 180;
    const chroma = channel(C, 0.4);
    return fromOklab(channel(L), chroma * Math.cos(hue), chroma * Math.sin(hue), alphaOf(a));
  }
  if (fn === 'oklab') {
    const [L, A, B, a] = numbers(tokens);
    return fromOklab(channel(L), channel(A, 0.4), channel(B, 0.4), alphaOf(a));
  }
  throw new Error(`cannot parse colour "${text}"`);
}

/** `top` painted over `bottom` (alpha compositing in sRGB, as browsers blend). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

export function luminance({ r, g, b }: Rgba): number {
  return 0.2126 * decode(r) + 0.7152 * decode(g) + 0.0722 * decode(b);
}

export function contrastRatio(one: Rgba, two: Rgba): number {
  const [light, dark] = [luminance(one), luminance(two)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The parent in the rendered (flat) tree: the slot a light-DOM child is shown in, or a shadow root's host. */
export function renderedParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  // Not \`instanceof ShadowRoot\`: the element may live in an iframe, another realm.
  const root = el.getRootNode() as Partial<ShadowRoot>;
  return root.host ?? null;
}

const WHITE: Rgba = { r: 1, g: 1, b: 1, a: 1 };

/** What is painted behind `el`'s content: its own and its ancestors' background colours, down to the first opaque one. */
export function backgroundBehind(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = renderedParent(node)) {
    const style = node.ownerDocument.defaultView!.getComputedStyle(node);
    const layer = parseColor(style.backgroundColor);
    if (layer.a > 0) layers.push(layer);
    if (layer.a >= 1) break;
    // A top-layer dialog's ancestors are not behind it: its ::backdrop and the page are.
    if (node.localName === 'dialog' && node.hasAttribute('open')) break;
  }
  return layers.reduceRight((below, layer) => over(layer, below), WHITE);
}

/** The contrast of `el`'s text colour (composited over its background) against that background. */
export function textContrast(el: Element): number {
  const background = backgroundBehind(el);
  const color = parseColor(el.ownerDocument.defaultView!.getComputedStyle(el).color);
  return contrastRatio(over(color, background), background);
}

/** The contrast of a colour painted on `el` (a border, an outline) against what is behind `el`. */
export function paintContrast(el: Element, painted: string): number {
  const background = backgroundBehind(renderedParent(el) ?? el);
  return contrastRatio(over(parseColor(painted), background), background);
}

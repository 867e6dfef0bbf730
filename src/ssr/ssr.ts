/**
 * `inkwell-elements/ssr`: Inkwell's elements rendered in Node (a CMS's templates, Eleventy, Astro …) to
 * declarative shadow DOM, which browsers show without JavaScript and the drop-in loader hydrates.
 * `@lit-labs/ssr` is an optional peer dependency: only sites that render on the server install it.
 */
import './dom.js';
import { LitElementRenderer, render, html as serverHtml } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import type { TemplateResult } from 'lit';
import { catalogues } from '../core/messages/catalogues.js';
import { loadLanguages, localeReady } from '../core/i18n.js';
import { loadWarningTexts } from '../core/warn.js';
import { LightElementRenderer } from './light-renderer.js';
import '../reading-time/define.js';
import '../author-badge/define.js';
import '../article-card/define.js';
import '../typo-reporter/define.js';
import '../comment-box/define.js';

export { estimateReadingTime, countText, type ReadingEstimate, type EstimateOptions, type Genre } from '../reading-time/estimate.js';
export { registerMessages, type Messages } from '../core/i18n.js';

// A server render cannot wait for a catalogue to arrive: every shipped language is loaded before the first.
// Nor for the words of a warning about a template's attribute, so that it is written during the render.
await loadLanguages();
await Promise.all([...Object.keys(catalogues).map((tag) => localeReady(tag)), loadWarningTexts()]);

/**
 * Rendered HTML as `@lit-labs/ssr` streams it: strings, and promises of more. Declared here, not imported,
 * so that the types of `inkwell-elements` compile where the optional `@lit-labs/ssr` is not installed.
 */
export type RenderResult = Iterable<string | Promise<RenderResult>>;

/** HTML (a fragment or a whole page) or a Lit template that holds Inkwell's elements. */
export type InkwellInput = string | TemplateResult;

/**
 * A string becomes a server-only template without bindings: its markup is kept as it is (a whole page
 * with `<!doctype html>` too), and each Inkwell element in it is rendered with its shadow root.
 */
function asTemplate(input: InkwellInput): TemplateResult {
  if (typeof input !== 'string') return input;
  const strings = Object.assign([input], { raw: [input] }) as unknown as TemplateStringsArray;
  return serverHtml(strings);
}

/** Renders `input` as a stream of strings, for a server that sends the page as it is rendered. */
export function renderInkwellStream(input: InkwellInput): RenderResult {
  // Lit's elements by Lit's renderer; the others (LightElement) by Inkwell's, which writes what they draw.
  return render(asTemplate(input), { elementRenderers: [LitElementRenderer, LightElementRenderer] });
}

/** Renders `input` to HTML in which every Inkwell element carries its declarative shadow root. */
export function renderInkwell(input: InkwellInput): Promise<string> {
  return collectResult(renderInkwellStream(input));
}

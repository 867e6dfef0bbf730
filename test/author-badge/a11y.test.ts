// The clamped bio's "more" toggle on any surface (WCAG 1.4.3): the text fades out under it, no colour is painted.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/author-badge/define.js';
import type { AuthorBadge } from '../../src/author-badge/author-badge.js';
import { backgroundBehind, type Rgba } from '../helpers/contrast.js';

const LONG_BIO =
  'Nushama is a pioneering collective, comprising medical experts, researchers and writers who study how people heal, rest and recover. They write for readers who would rather understand their own bodies than be told what to do with them.';

const SURFACES = [
  ['a dark page that declares no colour scheme', 'color: #e8e6e1; background: #1b1b1d', ''],
  ['a dark page in a dark colour scheme', 'color-scheme: dark; color: #e8e6e1; background: #1b1b1d', ''],
  ['its own dark theme', '', 'dark'],
  ['a tinted box (--inkwell-color-surface)', '--inkwell-color-surface: #f3e3c3', ''],
] as const;

async function badgeOn(style: string, theme: string): Promise<AuthorBadge> {
  scrollTo(0, 0);
  const holder = await fixture<HTMLElement>(html`<div style="width: 360px; padding: 8px; ${style}">
    <author-badge size="large" name="Nushama Wellness" bio=${LONG_BIO}></author-badge>
  </div>`);
  const el = holder.querySelector('author-badge') as AuthorBadge;
  if (theme) el.setAttribute('theme', theme);
  await waitUntil(() => el.shadowRoot!.querySelector('[part="toggle"]'), 'no toggle');
  await new Promise(requestAnimationFrame);
  return el;
}

/** The pixels painted in `rect` (viewport CSS pixels), from a screenshot of the page. */
async function paintedIn(rect: DOMRect): Promise<Uint8ClampedArray> {
  const box = { x: Math.round(rect.left), y: Math.round(rect.top), width: Math.round(rect.width), height: Math.round(rect.height) };
  const png = (await executeServerCommand('screenshot', box)) as string;
  const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}

const close = (data: Uint8ClampedArray, at: number, colour: Rgba) =>
  [colour.r, colour.g, colour.b].every((channel, i) => Math.abs(data[at + i] - channel * 255) <= 4);

describe('<author-badge> "more" over a clamped bio', () => {
  for (const [surface, style, theme] of SURFACES) {
    it(`paints nothing behind the toggle and fades the text under it instead, on ${surface}`, async () => {
      const el = await badgeOn(style, theme);
      const toggle = getComputedStyle(el.shadowRoot!.querySelector('[part="toggle"]')!);
      expect(toggle.backgroundImage).to.equal('none');
      expect(toggle.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      const bio = getComputedStyle(el.shadowRoot!.querySelector('[part="bio"]')!);
      expect(bio.maskImage).to.include('linear-gradient');
    });

    it(`shows the box's own surface under the fade, no patch of another colour, on ${surface}`, async () => {
      const el = await badgeOn(style, theme);
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      const expected = backgroundBehind(base);
      const bio = el.shadowRoot!.querySelector('[part="bio"]')!.getBoundingClientRect();
      const toggle = el.shadowRoot!.querySelector('[part="toggle"]')!.getBoundingClientRect();
      // The last line, from where the fade begins (6em before the end) to its end, toggle included.
      const em = parseFloat(getComputedStyle(el).fontSize);
      const line = new DOMRect(bio.right - 6 * em, toggle.top, 6 * em, toggle.height);
      const data = await paintedIn(line);
      let surfacePixels = 0;
      for (let at = 0; at < data.length; at += 4) if (close(data, at, expected)) surfacePixels++;
      const share = surfacePixels / (data.length / 4);
      // Text and the toggle's letters cover some of it; a painted patch would cover most of it.
      expect(share, `share of the box's surface colour under the fade (${JSON.stringify(expected)})`).to.be.greaterThan(0.6);
      // The box's surface reaches past the end of the line, where only the toggle's letters are.
      const corner = await paintedIn(new DOMRect(toggle.right - 3, toggle.top, 3, 3));
      expect(close(corner, 0, expected), `corner of the toggle: ${[...corner.slice(0, 3)]}`).to.equal(true);
    });
  }
});

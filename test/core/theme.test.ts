import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/author-badge/define.js';
import '../../src/article-card/define.js';
import '../../src/comment-box/define.js';
import '../../src/typo-reporter/define.js';
import type { AuthorBadge } from '../../src/author-badge/author-badge.js';
import { FakeApi, fakeToken, sampleThread } from '../../mocks/inkwell-api.js';
import { luminance, parseColor, textContrast } from '../helpers/contrast.js';
import { contrastFailures } from '../helpers/rendered.js';

const LONG_BIO = 'A bio long enough to need a "more" button in a narrow column. '.repeat(6);

/** The "more" button of a badge in a page region painted `page` (text colour, background). */
async function toggle(page: { color: string; background: string }, theme?: 'light' | 'dark') {
  const holder = await fixture<HTMLElement>(
    html`<div style="width: 300px; color: ${page.color}; background: ${page.background}"><author-badge name="A" bio=${LONG_BIO} theme=${theme ?? ''}></author-badge></div>`,
  );
  const badge = holder.querySelector('author-badge') as AuthorBadge;
  if (!theme) badge.removeAttribute('theme');
  await waitUntil(() => badge.shadowRoot!.querySelector('[part="toggle"]'));
  return badge.shadowRoot!.querySelector('[part="toggle"]')!;
}

const LIGHT_PAGE = { color: 'rgb(31, 35, 40)', background: 'rgb(255, 255, 255)' };
const DARK_PAGE = { color: 'rgb(230, 230, 230)', background: 'rgb(21, 23, 26)' };
const isLight = (el: Element) => luminance(parseColor(getComputedStyle(el).color)) > 0.4;

describe('colour scheme', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }).catch(() => undefined));

  it("follows the page the element sits on, not the reader's system", async () => {
    for (const wanted of ['dark', 'light'] as const) {
      // A driver that cannot emulate the scheme (Firefox's) still tests the system's own.
      const emulated = await emulateMedia({ colorScheme: wanted }).then(() => true, () => false);
      const system = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
      if (emulated) expect(system).to.equal(wanted);
      const onLight = await toggle(LIGHT_PAGE);
      expect(isLight(onLight), `an accent for a light page, the system ${system}`).to.equal(false);
      expect(textContrast(onLight)).to.be.at.least(4.5);
      const onDark = await toggle(DARK_PAGE);
      expect(isLight(onDark), `an accent for a dark page, the system ${system}`).to.equal(true);
      expect(textContrast(onDark)).to.be.at.least(4.5);
    }
  });

  it('lets theme force a scheme, with a surface of its own', async () => {
    const dark = await toggle(LIGHT_PAGE, 'dark');
    expect(isLight(dark)).to.equal(true);
    const light = await toggle(DARK_PAGE, 'light');
    expect(isLight(light)).to.equal(false);
    // Each forced scheme paints its own surface, so the accent reads on it.
    const surface = (el: Element) => getComputedStyle((el.getRootNode() as ShadowRoot).querySelector('[part="base"]')!).backgroundColor;
    expect(luminance(parseColor(surface(dark)))).to.be.below(0.1);
    expect(luminance(parseColor(surface(light)))).to.be.above(0.9);
  });

  for (const [theme, page] of [['dark', LIGHT_PAGE], ['light', DARK_PAGE]] as const) {
    it(`keeps every element readable with theme="${theme}" on a page of the other scheme`, async () => {
      const api = new FakeApi({ base: '/fake/v1', comments: sampleThread('t1', 3) }).install();
      try {
        const holder = await fixture<HTMLElement>(html`<div style="width: 600px; color: ${page.color}; background: ${page.background}">
          <author-badge theme=${theme} name="A" posts="2" bio="A short bio."></author-badge>
          <article-card theme=${theme} headline="A headline" href="/a" excerpt="An excerpt." minutes="3" tags="one, two"></article-card>
          <typo-reporter theme=${theme} email="a@example.com"></typo-reporter>
          <comment-box theme=${theme} api="/fake/v1" thread="t1" eager token=${fakeToken('Ada')}></comment-box>
        </div>`);
        const box = holder.querySelector('comment-box')!;
        await waitUntil(() => box.shadowRoot!.querySelector('article'), 'the thread did not load');
        expect(contrastFailures(holder)).to.deep.equal([]);
      } finally {
        api.uninstall();
      }
    });
  }

  it('takes the accent from the library token', async () => {
    const holder = await fixture<HTMLElement>(html`<div style="width: 300px; --inkwell-color-accent: rgb(200, 0, 100)"><author-badge name="A" bio=${LONG_BIO}></author-badge></div>`);
    const badge = holder.querySelector('author-badge') as AuthorBadge;
    await waitUntil(() => badge.shadowRoot!.querySelector('[part="toggle"]'));
    expect(getComputedStyle(badge.shadowRoot!.querySelector('[part="toggle"]')!).color).to.equal('rgb(200, 0, 100)');
  });
});

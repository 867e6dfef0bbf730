import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/author-badge/define.js';
import type { AuthorBadge } from '../../src/author-badge/author-badge.js';

const LONG_BIO = 'A bio long enough to need a "more" button in a narrow column. '.repeat(6);

async function toggleColor(theme?: 'light' | 'dark') {
  const holder = await fixture<HTMLElement>(html`<div style="width: 300px"><author-badge name="A" bio=${LONG_BIO} theme=${theme ?? ''}></author-badge></div>`);
  const badge = holder.querySelector('author-badge') as AuthorBadge;
  if (!theme) badge.removeAttribute('theme');
  await waitUntil(() => badge.shadowRoot!.querySelector('[part="toggle"]'));
  return getComputedStyle(badge.shadowRoot!.querySelector('[part="toggle"]')!).color;
}

describe('colour scheme', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }).catch(() => undefined));

  it("follows the reader's dark scheme, unless theme forces one", async function () {
    try {
      await emulateMedia({ colorScheme: 'dark' });
    } catch {
      this.skip(); // this browser driver cannot emulate the scheme
    }
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    expect(await toggleColor()).to.equal('rgb(138, 180, 255)');
    expect(await toggleColor('light')).to.equal('rgb(29, 78, 216)');
    await emulateMedia({ colorScheme: 'light' });
    expect(await toggleColor()).to.equal('rgb(29, 78, 216)');
    expect(await toggleColor('dark')).to.equal('rgb(138, 180, 255)');
  });

  it('takes the accent from the library token', async () => {
    const holder = await fixture<HTMLElement>(html`<div style="width: 300px; --inkwell-color-accent: rgb(200, 0, 100)"><author-badge name="A" bio=${LONG_BIO}></author-badge></div>`);
    const badge = holder.querySelector('author-badge') as AuthorBadge;
    await waitUntil(() => badge.shadowRoot!.querySelector('[part="toggle"]'));
    expect(getComputedStyle(badge.shadowRoot!.querySelector('[part="toggle"]')!).color).to.equal('rgb(200, 0, 100)');
  });
});

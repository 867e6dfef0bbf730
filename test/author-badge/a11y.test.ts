// The clamped bio's "more" toggle on any surface (WCAG 1.4.3): the text fades out under it, no colour is painted.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/author-badge/define.js';
import type { AuthorBadge } from '../../src/author-badge/author-badge.js';

const LONG_BIO =
  'Nushama is a pioneering collective, comprising medical experts, researchers and writers who study how people heal, rest and recover. They write for readers who would rather understand their own bodies than be told what to do with them.';

describe('<author-badge> "more" over a clamped bio', () => {
  for (const [surface, attributes] of [
    ['a dark page that declares no colour scheme', { style: 'color: #e8e6e1; background: #1b1b1d' }],
    ['its own dark theme', { theme: 'dark' }],
  ] as const) {
    it(`paints nothing behind the toggle and fades the text under it instead, on ${surface}`, async () => {
      const holder = await fixture<HTMLElement>(html`<div style="width: 360px; ${'style' in attributes ? attributes.style : ''}">
        <author-badge size="large" name="Nushama Wellness" bio=${LONG_BIO} theme=${'theme' in attributes ? attributes.theme : ''}></author-badge>
      </div>`);
      const el = holder.querySelector('author-badge') as AuthorBadge;
      if (!('theme' in attributes)) el.removeAttribute('theme');
      await waitUntil(() => el.shadowRoot!.querySelector('[part="toggle"]'), 'no toggle');
      const toggle = getComputedStyle(el.shadowRoot!.querySelector('[part="toggle"]')!);
      expect(toggle.backgroundImage).to.equal('none');
      expect(toggle.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      const bio = getComputedStyle(el.shadowRoot!.querySelector('[part="bio"]')!);
      expect(bio.maskImage).to.include('linear-gradient');
    });
  }
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/author-badge/define.js';
import { AuthorBadge } from '../../src/author-badge/author-badge.js';
import { captureWarnings } from '../helpers/warnings.js';

const AVATAR = '/__slow-image.svg?ms=0&w=80&h=80';
const LONG_BIO =
  'Nushama is a pioneering collective, comprising medical experts, researchers and writers who study ' +
  'how people heal, rest and recover, and who write about it for readers who would rather understand ' +
  'their own bodies than be told what to do with them. '.repeat(3);

const part = (el: AuthorBadge, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | null;

describe('<author-badge>', () => {
  describe('construction', () => {
    it('upgrades from markup, createElement and new', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge name="Nushama Wellness"></author-badge>`);
      expect(el).to.be.instanceOf(AuthorBadge);
      const created = document.createElement('author-badge');
      const constructed = new AuthorBadge();
      created.name = constructed.name = 'Ada Lovelace';
      el.after(created, constructed);
      await created.updateComplete;
      await constructed.updateComplete;
      expect(part(created, 'name')!.textContent!.trim()).to.equal('Ada Lovelace');
      expect(part(constructed, 'name')!.textContent!.trim()).to.equal('Ada Lovelace');
      expect(AuthorBadge.version).to.match(/^\d+\.\d+\.\d+/);
    });
  });

  describe('from attributes', () => {
    it('shows avatar, linked name, post count and bio', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge
        name="Nushama Wellness"
        href="/authors/nushama"
        avatar=${AVATAR}
        posts="2"
        bio="Nushama is a collective."
      ></author-badge>`);
      const link = part(el, 'name')!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('/authors/nushama');
      expect(link.textContent).to.equal('Nushama Wellness');
      const avatar = part(el, 'avatar') as HTMLImageElement;
      expect(avatar.tagName).to.equal('IMG');
      expect(avatar.getAttribute('alt')).to.equal('');
      expect(avatar.getAttribute('loading')).to.equal('lazy');
      expect(avatar.getAttribute('decoding')).to.equal('async');
      expect(part(el, 'meta')!.textContent!.trim()).to.equal('2 posts');
      expect(part(el, 'bio')!.textContent!.trim()).to.equal('Nushama is a collective.');
    });

    it('uses plural rules and the page language', async () => {
      const one = await fixture<AuthorBadge>(html`<author-badge name="A" posts="1"></author-badge>`);
      expect(part(one, 'meta')!.textContent!.trim()).to.equal('1 post');
      const holder = await fixture<HTMLElement>(html`<div lang="de"><author-badge name="A" posts="1200"></author-badge></div>`);
      const german = holder.querySelector('author-badge')!;
      await german.updateComplete;
      expect(part(german, 'meta')!.textContent!.trim()).to.equal('1.200 Beiträge');
    });

    it('passes srcset, sizes and eager loading to the picture', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge name="A" avatar=${AVATAR} srcset="${AVATAR} 1x, ${AVATAR} 2x" sizes="48px" loading="eager"></author-badge>`);
      const avatar = part(el, 'avatar') as HTMLImageElement;
      expect(avatar.getAttribute('srcset')).to.equal(`${AVATAR} 1x, ${AVATAR} 2x`);
      expect(avatar.getAttribute('sizes')).to.equal('48px');
      expect(avatar.getAttribute('loading')).to.equal('eager');
    });

    it('shows only avatar and name when small', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge size="small" name="A B" posts="3" bio="Bio"></author-badge>`);
      expect(part(el, 'meta')).to.equal(null);
      expect(part(el, 'bio')).to.equal(null);
      expect(part(el, 'avatar')!.getBoundingClientRect().height).to.be.closeTo(24, 1);
    });
  });

  describe('avatar fallback', () => {
    it('shows initials on a colour from the name when there is no picture', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge name="Nushama Wellness"></author-badge>`);
      const avatar = part(el, 'avatar')!;
      expect(avatar.tagName).to.equal('SPAN');
      expect(avatar.textContent!.trim()).to.equal('NW');
      expect(avatar.getAttribute('aria-hidden')).to.equal('true');
      expect(getComputedStyle(avatar).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    });

    it('falls back to initials when the picture fails, and tries again for a new one', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge name="王小明" avatar="/no-such-avatar.png"></author-badge>`);
      await waitUntil(() => part(el, 'avatar')!.tagName === 'SPAN', 'the broken picture was not replaced');
      expect(part(el, 'avatar')!.textContent!.trim()).to.equal('王');
      el.avatar = AVATAR;
      await el.updateComplete;
      expect(part(el, 'avatar')!.tagName).to.equal('IMG');
    });

    it('keeps the avatar box the same size whether the picture loads or not', async () => {
      const withPicture = await fixture<AuthorBadge>(html`<author-badge name="A B" avatar=${'/__slow-image.svg?ms=400&w=80&h=80'}></author-badge>`);
      const initials = await fixture<AuthorBadge>(html`<author-badge name="A B"></author-badge>`);
      const before = part(withPicture, 'avatar')!.getBoundingClientRect();
      expect(before.width).to.be.closeTo(48, 1);
      expect(before.height).to.be.closeTo(48, 1);
      expect(part(initials, 'avatar')!.getBoundingClientRect().height).to.be.closeTo(48, 1);
      await waitUntil(() => (part(withPicture, 'avatar') as HTMLImageElement).complete, 'the picture did not load', { timeout: 3000 });
      expect(part(withPicture, 'avatar')!.getBoundingClientRect().height).to.be.closeTo(48, 1);
    });
  });

  describe('light DOM from a CMS', () => {
    it('lets slotted name and bio win over attributes', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge class="h-card" name="Attribute name" bio="Attribute bio">
        <a slot="name" class="p-name u-url" href="/authors/nushama">Nushama Wellness</a>
        <p slot="bio" class="p-note">Slotted bio.</p>
      </author-badge>`);
      const nameSlot = part(el, 'name')!.querySelector('slot') as HTMLSlotElement;
      expect(nameSlot.assignedElements()[0].textContent).to.equal('Nushama Wellness');
      // The attribute's name is the slot's fallback (what a server renders), not shown beside the CMS link.
      expect(nameSlot.querySelector('a')?.checkVisibility() ?? false).to.equal(false, 'the attribute link is hidden');
      expect(nameSlot.closest('a')).to.equal(null, 'no link around the CMS link');
      const bioSlot = part(el, 'bio')!.querySelector('slot') as HTMLSlotElement;
      expect(bioSlot.assignedElements()[0].textContent).to.equal('Slotted bio.');
      expect(part(el, 'avatar')!.textContent!.trim()).to.equal('NW');
    });

    it('notices children added after the upgrade', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge name="Old"></author-badge>`);
      const bio = document.createElement('p');
      bio.slot = 'bio';
      bio.textContent = 'Late bio.';
      el.append(bio);
      await waitUntil(() => part(el, 'bio') !== null);
      expect((part(el, 'bio')!.querySelector('slot') as HTMLSlotElement).assignedElements()[0]).to.equal(bio);
    });
  });

  describe('bio clamp', () => {
    it('offers "more" only when the bio overflows, as a real toggle button', async () => {
      const short = await fixture<AuthorBadge>(html`<author-badge name="A" bio="Short."></author-badge>`);
      await short.updateComplete;
      expect(part(short, 'toggle')).to.equal(null);

      const holder = await fixture<HTMLElement>(html`<div style="width: 320px"><author-badge name="A" bio=${LONG_BIO}></author-badge></div>`);
      const el = holder.querySelector('author-badge')!;
      await waitUntil(() => part(el, 'toggle') !== null, 'no toggle for a long bio');
      const toggle = part(el, 'toggle') as HTMLButtonElement;
      expect(toggle.tagName).to.equal('BUTTON');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.textContent!.trim()).to.equal('more');
      const clampedHeight = part(el, 'bio')!.getBoundingClientRect().height;
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(toggle.textContent!.trim()).to.equal('less');
      expect(part(el, 'bio')!.getBoundingClientRect().height).to.be.greaterThan(clampedHeight);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    });

    it('clamps to bio-lines', async () => {
      const holder = await fixture<HTMLElement>(html`<div style="width: 320px">
        <author-badge name="A" bio=${LONG_BIO} bio-lines="1"></author-badge>
        <author-badge name="A" bio=${LONG_BIO} bio-lines="4"></author-badge>
      </div>`);
      const [one, four] = [...holder.querySelectorAll('author-badge')];
      await one.updateComplete;
      await four.updateComplete;
      const h1 = part(one, 'bio')!.getBoundingClientRect().height;
      const h4 = part(four, 'bio')!.getBoundingClientRect().height;
      expect(h4 / h1).to.be.closeTo(4, 0.5);
    });
  });

  describe('bad input', () => {
    it('drops a javascript: profile link and a data: avatar, naming element and attribute', async () => {
      let el!: AuthorBadge;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AuthorBadge>(html`<author-badge name="Eve" href="javascript:alert(1)" avatar=${'data:image/svg+xml,<svg onload=alert(1)>'}></author-badge>`);
      });
      expect(part(el, 'name')!.querySelector('a')).to.equal(null);
      expect(part(el, 'name')!.textContent!.trim()).to.equal('Eve');
      expect(part(el, 'avatar')!.tagName).to.equal('SPAN');
      expect(warnings.some((w) => w.includes('<author-badge> href'))).to.equal(true);
      expect(warnings.some((w) => w.includes('<author-badge> avatar'))).to.equal(true);
    });

    it('warns about a bad size, posts and bio-lines, and renders sensibly', async () => {
      let el!: AuthorBadge;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AuthorBadge>(html`<author-badge name="A" size="huge" posts="-3" bio-lines="0" bio="Bio"></author-badge>`);
      });
      expect(warnings.some((w) => w.includes('<author-badge> size') && w.includes('"huge"'))).to.equal(true);
      expect(warnings.some((w) => w.includes('<author-badge> posts') && w.includes('"-3"'))).to.equal(true);
      expect(warnings.some((w) => w.includes('<author-badge> bio-lines') && w.includes('"0"'))).to.equal(true);
      expect(part(el, 'meta')).to.equal(null);
      expect(part(el, 'bio')!.style.getPropertyValue('--_lines')).to.equal('2');
    });

    it('renders user text as text', async () => {
      const el = await fixture<AuthorBadge>(html`<author-badge name=${'<img src=x onerror=alert(1)>'} bio=${'<script>alert(1)</script>'}></author-badge>`);
      expect(el.shadowRoot!.querySelector('script, img[src="x"]')).to.equal(null);
      expect(part(el, 'name')!.textContent).to.include('<img src=x onerror=alert(1)>');
    });
  });

  describe('theme', () => {
    it('follows theme="dark" with its own colours', async () => {
      const light = await fixture<AuthorBadge>(html`<author-badge theme="light" name="A" size="large" bio="b"></author-badge>`);
      const dark = await fixture<AuthorBadge>(html`<author-badge theme="dark" name="A" size="large" bio="b"></author-badge>`);
      expect(getComputedStyle(part(dark, 'base')!).backgroundColor).to.not.equal(getComputedStyle(part(light, 'base')!).backgroundColor);
      expect(getComputedStyle(dark).color).to.equal('rgb(230, 230, 230)');
    });
  });

  it('is accessible', async () => {
    const holder = await fixture<HTMLElement>(html`<div style="width: 320px">
      <author-badge name="Nushama Wellness" href="/authors/nushama" posts="2" bio=${LONG_BIO} size="large">
        <button slot="actions">Follow</button>
      </author-badge>
      <author-badge name="Ada Lovelace" size="small" avatar=${AVATAR}></author-badge>
    </div>`);
    const badge = holder.querySelector('author-badge')!;
    await waitUntil(() => part(badge, 'toggle') !== null);
    await expect(holder).to.be.accessible();
  });
});

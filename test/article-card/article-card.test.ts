import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/article-card/define.js';
import { ArticleCard } from '../../src/article-card/article-card.js';
import { AuthorBadge } from '../../src/author-badge/author-badge.js';
import { captureWarnings } from '../helpers/warnings.js';

const IMAGE = '/__slow-image.svg?ms=0';
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | null;

function fullCard(extra = '') {
  const holder = document.createElement('div');
  holder.style.width = '360px';
  holder.innerHTML = `<article-card href="/posts/quiet-craft" headline="The quiet craft of proofreading"
    excerpt="Every publication has a moment it would rather forget." image="${IMAGE}" image-alt="A boat in a harbour"
    published="2026-01-20T10:00:00Z" minutes="3" author="Nushama Wellness" author-href="/authors/nushama"
    tags="editing, craft" tag-href="/tags/{tag}" comments="4" ${extra}></article-card>`;
  return holder;
}

async function mount(holder: HTMLElement) {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(holder);
  const card = holder.querySelector('article-card')!;
  await card.updateComplete;
  return card;
}

describe('<article-card>', () => {
  it('upgrades from markup, createElement and new', async () => {
    const card = await mount(fullCard());
    expect(card).to.be.instanceOf(ArticleCard);
    const created = document.createElement('article-card');
    const constructed = new ArticleCard();
    created.headline = constructed.headline = 'Made in code';
    card.after(created, constructed);
    await created.updateComplete;
    await constructed.updateComplete;
    expect(part(created, 'headline')!.textContent!.trim()).to.equal('Made in code');
    expect(part(constructed, 'headline')!.textContent!.trim()).to.equal('Made in code');
  });

  describe('from attributes', () => {
    it('renders headline link, excerpt, image and metadata', async () => {
      const card = await mount(fullCard());
      const headline = part(card, 'headline')!;
      expect(headline.getAttribute('role')).to.equal('heading');
      expect(headline.getAttribute('aria-level')).to.equal('3');
      expect(headline.querySelector('a')!.getAttribute('href')).to.equal('/posts/quiet-craft');
      expect(part(card, 'excerpt')!.textContent!.trim()).to.equal('Every publication has a moment it would rather forget.');
      const img = part(card, 'image')!.querySelector('img')!;
      expect(img.getAttribute('alt')).to.equal('A boat in a harbour');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      const meta = part(card, 'meta')!;
      const badge = meta.querySelector('author-badge') as AuthorBadge;
      expect(badge.size).to.equal('small');
      expect(badge.name).to.equal('Nushama Wellness');
      expect(badge.href).to.equal('/authors/nushama');
      expect(meta.querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-20T10:00:00Z');
      expect(meta.textContent).to.include('3 min read').and.include('4 comments');
      const tags = [...part(card, 'tags')!.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
      expect(tags).to.deep.equal([
        ['editing', '/tags/editing'],
        ['craft', '/tags/craft'],
      ]);
    });

    it('shows recent dates relative and older ones as dates, in the page language', async () => {
      const recent = await fixture<ArticleCard>(html`<article-card headline="h" published=${daysAgo(2)}></article-card>`);
      expect(part(recent, 'meta')!.querySelector('time')!.textContent).to.equal('2 days ago');
      const yesterday = await fixture<ArticleCard>(html`<article-card headline="h" published=${daysAgo(1.2)}></article-card>`);
      expect(part(yesterday, 'meta')!.querySelector('time')!.textContent).to.equal('yesterday');
      const holder = await fixture<HTMLElement>(html`<div lang="de"><article-card headline="h" published="2025-03-04" comments="1" minutes="2"></article-card></div>`);
      const german = holder.querySelector('article-card')!;
      await german.updateComplete;
      const time = part(german, 'meta')!.querySelector('time')!;
      expect(time.textContent).to.equal('04.03.2025');
      expect(time.getAttribute('title')).to.equal('4. März 2025');
      expect(part(german, 'meta')!.textContent).to.include('1 Kommentar').and.include('2 Min. Lesezeit');
    });

    it('loads the first card eagerly and passes srcset and sizes', async () => {
      const card = await fixture<ArticleCard>(html`<article-card headline="h" image=${IMAGE} image-alt="" loading="eager" srcset="${IMAGE} 800w, ${IMAGE} 1600w" sizes="(max-width: 600px) 100vw, 33vw"></article-card>`);
      const img = part(card, 'image')!.querySelector('img')!;
      expect(img.getAttribute('loading')).to.equal('eager');
      expect(img.getAttribute('srcset')).to.equal(`${IMAGE} 800w, ${IMAGE} 1600w`);
      expect(img.getAttribute('sizes')).to.equal('(max-width: 600px) 100vw, 33vw');
    });

    it('shows tags as text without tag-href, and takes a heading level', async () => {
      const card = await fixture<ArticleCard>(html`<article-card headline="h" tags=" one ,two,, " heading-level="2"></article-card>`);
      const items = [...part(card, 'tags')!.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(items).to.deep.equal(['one', 'two']);
      expect(part(card, 'tags')!.querySelector('a')).to.equal(null);
      expect(part(card, 'headline')!.getAttribute('aria-level')).to.equal('2');
    });

    it('keeps the image box when the image fails to load', async () => {
      const card = await fixture<ArticleCard>(html`<article-card style="width: 320px" headline="h" image="/missing.png" image-alt="x"></article-card>`);
      const box = part(card, 'image')!;
      const height = box.getBoundingClientRect().height;
      await waitUntil(() => !box.querySelector('img'), 'the broken image stays');
      expect(box.getBoundingClientRect().height).to.equal(height);
      expect(height).to.be.closeTo((320 * 9) / 16, 1);
    });
  });

  describe('one primary link', () => {
    it('opens the article from anywhere on the card, while author and tag links stay their own', async () => {
      const card = await mount(fullCard());
      const root = card.shadowRoot!;
      const excerptBox = part(card, 'excerpt')!.getBoundingClientRect();
      const hit = root.elementFromPoint(excerptBox.left + 5, excerptBox.top + 5) as HTMLAnchorElement;
      expect(hit.classList.contains('cover')).to.equal(true);
      expect(hit.getAttribute('href')).to.equal('/posts/quiet-craft');
      expect(hit.getAttribute('tabindex')).to.equal('-1');
      expect(hit.getAttribute('aria-hidden')).to.equal('true');

      const tag = part(card, 'tags')!.querySelector('a')!;
      const tagBox = tag.getBoundingClientRect();
      expect(root.elementFromPoint(tagBox.left + 3, tagBox.top + 3)).to.equal(tag);

      const badge = part(card, 'meta')!.querySelector('author-badge')!;
      await badge.updateComplete;
      const badgeBox = badge.getBoundingClientRect();
      expect(root.elementFromPoint(badgeBox.right - 3, badgeBox.top + badgeBox.height / 2)).to.equal(badge);
    });

    it('reads headline first, then metadata, then the image', async () => {
      const card = await mount(fullCard());
      const order = [...card.shadowRoot!.querySelectorAll('[part]')].map((el) => el.getAttribute('part'));
      expect(order.indexOf('headline')).to.be.lessThan(order.indexOf('meta'));
      expect(order.indexOf('meta')).to.be.lessThan(order.indexOf('image'));
      const media = part(card, 'image')!.getBoundingClientRect();
      const headline = part(card, 'headline')!.getBoundingClientRect();
      expect(media.bottom).to.be.at.most(headline.top + 1, 'the image still shows above the headline');
    });
  });

  describe('light DOM from a CMS', () => {
    it('lets slotted headline, excerpt and image win, and links the card to the slotted link', async () => {
      const card = await fixture<ArticleCard>(html`<article-card class="h-entry" headline="Attribute" excerpt="Attribute excerpt" image=${IMAGE} image-alt="x">
        <a slot="headline" class="p-name u-url" href="/posts/from-cms">From the CMS</a>
        <p slot="excerpt" class="p-summary">CMS excerpt.</p>
        <img slot="image" class="u-photo" src=${IMAGE} alt="A boat in the harbour" width="1600" height="900" />
      </article-card>`);
      const headlineSlot = part(card, 'headline')!.querySelector('slot')!;
      expect(headlineSlot.assignedElements()[0].textContent).to.equal('From the CMS');
      // The attribute's headline is the slot's fallback (what a server renders), not shown beside the CMS link.
      expect(headlineSlot.querySelector('a')?.checkVisibility() ?? false).to.equal(false, 'the attribute link is hidden');
      expect(headlineSlot.closest('a')).to.equal(null, 'no link around the CMS link');
      expect((part(card, 'excerpt')!.querySelector('slot') as HTMLSlotElement).assignedElements()[0].textContent).to.equal('CMS excerpt.');
      expect((part(card, 'image')!.querySelector('slot') as HTMLSlotElement).assignedElements()[0].getAttribute('alt')).to.equal('A boat in the harbour');
      expect(card.shadowRoot!.querySelector('.cover')!.getAttribute('href')).to.equal('/posts/from-cms');
    });
  });

  describe('layout', () => {
    it('puts image and text side by side when horizontal, and stacks them when narrow', async () => {
      const wide = await mount(fullCard('layout="horizontal"'));
      (wide.parentElement as HTMLElement).style.width = '700px';
      await waitUntil(() => part(wide, 'image')!.getBoundingClientRect().right <= part(wide, 'headline')!.getBoundingClientRect().left + 1, 'not side by side at 700px');
      (wide.parentElement as HTMLElement).style.width = '300px';
      await waitUntil(() => part(wide, 'image')!.getBoundingClientRect().bottom <= part(wide, 'headline')!.getBoundingClientRect().top + 1, 'not stacked at 300px');
    });

    it('shows a small square image beside the text when compact', async () => {
      const card = await mount(fullCard('layout="compact"'));
      const media = part(card, 'image')!.getBoundingClientRect();
      expect(media.width).to.be.closeTo(media.height, 1);
      expect(media.left).to.be.greaterThan(part(card, 'headline')!.getBoundingClientRect().left);
    });
  });

  describe('the metadata line', () => {
    const sameLine = (a: DOMRect, b: DOMRect) => a.top < b.bottom - 1 && b.top < a.bottom - 1;
    /** What an item shows after its separator. */
    const contentOf = (item: Element) => {
      const range = document.createRange();
      range.setStartAfter(item.querySelector('.sep')!);
      range.setEndAfter(item.lastChild!);
      return range.getBoundingClientRect();
    };

    for (const dir of ['ltr', 'rtl']) {
      it(`never starts or ends a line with a "·", at widths from 200 to 560 px (${dir})`, async () => {
        const card = await mount(fullCard(`published="${daysAgo(3)}" comments="1234" dir="${dir}"`));
        await (part(card, 'meta')!.querySelector('author-badge') as AuthorBadge).updateComplete;
        const holder = card.parentElement as HTMLElement;
        holder.style.margin = '0 60px';
        const rtl = dir === 'rtl';
        let lineStarts = 0;
        for (let width = 200; width <= 560; width += 15) {
          holder.style.width = `${width}px`;
          await new Promise(requestAnimationFrame);
          const meta = part(card, 'meta')!;
          const box = meta.getBoundingClientRect();
          const items = [...meta.querySelectorAll('.item')];
          expect(items.length).to.equal(4);
          items.forEach((item, i) => {
            const sep = item.querySelector('.sep')!.getBoundingClientRect();
            const content = contentOf(item);
            const before = i > 0 ? contentOf(items[i - 1]) : undefined;
            const startsLine = !before || !sameLine(before, content);
            // Painted where it is, or clipped away (hit testing follows clipping; the card's cover link lies above it).
            const shown = card.shadowRoot!.elementsFromPoint(sep.left + sep.width / 2, sep.top + sep.height / 2).includes(item.querySelector('.sep')!);
            if (!shown) expect(sep.right <= box.left + 0.5 || sep.left >= box.right - 0.5, `${width}px, item ${i}: hidden separator inside the line`).to.equal(true);
            const where = `${width}px, item ${i} ("${item.textContent!.trim()}")`;
            expect(shown, `${where}: separator ${shown ? 'shown at a line start' : 'hidden mid-line'}`).to.equal(!startsLine);
            if (!shown) return;
            expect(sameLine(sep, content), `${where}: separator on another line than its item`).to.equal(true);
            expect(sameLine(sep, before!), `${where}: separator on another line than the item before`).to.equal(true);
            if (rtl) expect(before!.left >= sep.right - 0.5 && sep.left >= content.right - 0.5, `${where}: separator not between its neighbours`).to.equal(true);
            else expect(before!.right <= sep.left + 0.5 && sep.right <= content.left + 0.5, `${where}: separator not between its neighbours`).to.equal(true);
          });
          lineStarts += items.filter((item, i) => i > 0 && !sameLine(contentOf(items[i - 1]), contentOf(item))).length;
          if (width === 350) expect(lineStarts, 'the line wraps at 350px').to.be.greaterThan(0);
        }
      });
    }
  });

  describe('featured', () => {
    it('reflects the attribute', async () => {
      const card = await mount(fullCard());
      expect(card.featured).to.equal(false);
      card.featured = true;
      await card.updateComplete;
      expect(card.hasAttribute('featured')).to.equal(true);
      expect(part(card, 'base')!.classList.contains('featured')).to.equal(true);
    });

    it('gives the lead story a larger headline and image, beside the text when wide and above it when narrow', async () => {
      const plain = await mount(fullCard('layout="horizontal"'));
      const lead = await mount(fullCard('featured layout="compact"'));
      for (const card of [plain, lead]) (card.parentElement as HTMLElement).style.width = '800px';
      await new Promise(requestAnimationFrame);
      const size = (card: ArticleCard) => parseFloat(getComputedStyle(part(card, 'headline')!).fontSize);
      expect(size(lead) / size(plain)).to.be.closeTo(1.4, 0.01);
      const [media, text] = [part(lead, 'image')!.getBoundingClientRect(), part(lead, 'headline')!.getBoundingClientRect()];
      expect(media.right, 'image beside the text').to.be.at.most(text.left);
      expect(media.width, 'the image larger than a horizontal card’s').to.be.greaterThan(part(plain, 'image')!.getBoundingClientRect().width * 1.3);
      expect(media.width / media.height).to.be.closeTo(16 / 9, 0.02);
      (lead.parentElement as HTMLElement).style.width = '360px';
      await waitUntil(() => part(lead, 'image')!.getBoundingClientRect().bottom <= part(lead, 'headline')!.getBoundingClientRect().top + 1, 'not stacked at 360px');
      expect(part(lead, 'image')!.getBoundingClientRect().width).to.be.closeTo(360, 1);
    });
  });

  describe('bad input', () => {
    it('drops unsafe URLs with a warning naming element and attribute', async () => {
      let card!: ArticleCard;
      const warnings = await captureWarnings(async () => {
        card = await fixture<ArticleCard>(html`<article-card headline="h" href="javascript:alert(1)" image="data:image/png;base64,AAAA" image-alt="x" author="A" author-href="javascript:alert(2)" tags="t" tag-href="javascript:{tag}"></article-card>`);
        await (part(card, 'meta')!.querySelector('author-badge') as AuthorBadge).updateComplete;
      });
      expect(card.shadowRoot!.querySelector('a[href^="javascript"], img')).to.equal(null);
      expect(card.shadowRoot!.querySelector('.cover')).to.equal(null);
      for (const attribute of ['href', 'image', 'tag-href']) {
        expect(warnings.some((w) => w.includes(`<article-card> ${attribute}:`)), attribute).to.equal(true);
      }
      expect(warnings.some((w) => w.includes('<author-badge> href:'))).to.equal(true);
    });

    it('warns about a missing alt, a missing headline, a bad date, layout and counts', async () => {
      let card!: ArticleCard;
      const warnings = await captureWarnings(async () => {
        card = await fixture<ArticleCard>(html`<article-card image=${IMAGE} published="last tuesday" layout="grid" minutes="soon" comments="-1" heading-level="9"></article-card>`);
      });
      for (const [attribute, value] of [['image-alt', 'missing'], ['headline', 'missing'], ['published', '"last tuesday"'], ['layout', '"grid"'], ['minutes', '"soon"'], ['comments', '"-1"']]) {
        expect(warnings.some((w) => w.includes(`<article-card> ${attribute}:`) && w.includes(value)), attribute).to.equal(true);
      }
      expect(part(card, 'image')!.querySelector('img')!.getAttribute('alt')).to.equal('');
      expect(part(card, 'meta')!.textContent!.trim()).to.equal('');
      expect(part(card, 'headline')!.getAttribute('aria-level')).to.equal('3');
      expect(card.shadowRoot!.querySelector('.card')!.classList.contains('stacked')).to.equal(true);
    });

    it('renders user text as text', async () => {
      const card = await fixture<ArticleCard>(html`<article-card headline=${'<img src=x onerror=alert(1)>'} excerpt=${'<script>alert(1)</script>'} tags=${'<b>x</b>'}></article-card>`);
      expect(card.shadowRoot!.querySelector('script, img[src="x"], b')).to.equal(null);
      expect(part(card, 'headline')!.textContent).to.include('<img src=x onerror=alert(1)>');
    });
  });

  it('is accessible', async () => {
    const holder = document.createElement('div');
    holder.append(fullCard(), fullCard('layout="horizontal"'), fullCard('layout="compact" theme="dark"'));
    const card = await mount(holder);
    await card.updateComplete;
    await expect(holder).to.be.accessible();
  });
});

import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import '../../src/reading-time/define.js';
import { ReadingTime } from '../../src/reading-time/reading-time.js';
import { wordsPerMinute, imageSeconds } from '../../src/reading-time/estimate.js';
import { captureWarnings } from '../helpers/warnings.js';
import { registerMessages } from '../../src/core/i18n.js';
import { fr } from '../../src/core/messages/fr.js';
import { ja } from '../../src/core/messages/ja.js';
import { ar } from '../../src/core/messages/ar.js';
import { ru } from '../../src/core/messages/ru.js';

const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');
const shown = (el: ReadingTime) => el.shadowRoot!.querySelector('time')?.textContent?.trim() ?? '';

async function articleWith(content: ReturnType<typeof html>, lang = 'en') {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><article>${content}</article></div>`);
  const el = wrapper.querySelector('reading-time')!;
  await el.updateComplete;
  return el;
}

describe('<reading-time>', () => {
  const english = wordsPerMinute('en');

  describe('construction', () => {
    it('upgrades from markup', async () => {
      const el = await articleWith(html`<reading-time></reading-time><p>${words(10)}</p>`);
      expect(el).to.be.instanceOf(ReadingTime);
      expect(shown(el)).to.equal('1 min read');
    });

    it('works when made with document.createElement and with new', async () => {
      const article = await fixture<HTMLElement>(html`<article><p>${words(english * 2)}</p></article>`);
      const created = document.createElement('reading-time');
      const constructed = new ReadingTime();
      article.append(created, constructed);
      await created.updateComplete;
      await constructed.updateComplete;
      expect(shown(created)).to.equal('2 min read');
      expect(shown(constructed)).to.equal('2 min read');
    });

    it('keeps attributes set before the upgrade', async () => {
      const article = await fixture<HTMLElement>(html`<article><p>${words(10)}</p></article>`);
      const holder = document.createElement('div');
      holder.innerHTML = '<reading-time minutes="7" range></reading-time>';
      const el = holder.firstElementChild as ReadingTime;
      article.append(el);
      await el.updateComplete;
      expect(shown(el)).to.equal('7 min read');
    });

    it('states its version', () => {
      expect(ReadingTime.version).to.match(/^\d+\.\d+\.\d+/);
    });
  });

  describe('counting', () => {
    it('rounds up and renders a machine-readable duration', async () => {
      const exact = await articleWith(html`<reading-time></reading-time><p>${words(english)}</p>`);
      expect(shown(exact)).to.equal('1 min read');
      expect(exact.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('PT1M');
      const over = await articleWith(html`<reading-time></reading-time><p>${words(english + 1)}</p>`);
      expect(shown(over)).to.equal('2 min read');
      expect(over.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('PT2M');
    });

    it('never shows 0 min for a few words', async () => {
      const el = await articleWith(html`<reading-time></reading-time><p>Hi.</p>`);
      expect(shown(el)).to.equal('1 min read');
    });

    it('counts the element named by for, not the nearest article', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <article><reading-time for="story"></reading-time><p>short</p></article>
        <section id="story"><p>${words(english * 3)}</p></section>
      </div>`);
      const el = wrapper.querySelector('reading-time')!;
      await el.updateComplete;
      expect(shown(el)).to.equal('3 min read');
    });

    it('falls back to <main> when there is no article', async () => {
      const main = document.createElement('main');
      main.innerHTML = `<p>${words(english * 2)}</p>`;
      const el = document.createElement('reading-time');
      const aside = document.createElement('aside');
      aside.append(el);
      document.body.append(main, aside);
      try {
        await el.updateComplete;
        expect(shown(el)).to.equal('2 min read');
      } finally {
        main.remove();
        aside.remove();
      }
    });

    it('skips scripts, styles, templates, noscript, hidden content and itself', async () => {
      const unread = words(english * 5);
      const article = await fixture<HTMLElement>(html`<article></article>`);
      article.innerHTML = `
        <reading-time>${unread}</reading-time>
        <p>${words(english)}</p>
        <script type="text/plain">${unread}</script>
        <style>/* ${unread} */</style>
        <template>${unread}</template>
        <noscript>${unread}</noscript>
        <svg><text>${unread}</text></svg>
        <div hidden>${unread}</div>
        <div style="display: none">${unread}</div>
        <div style="visibility: hidden">${unread}</div>
        <div aria-hidden="true">${unread}</div>`;
      const el = article.querySelector('reading-time')!;
      await el.updateComplete;
      expect(shown(el)).to.equal('1 min read');
    });

    it('adds time for images', async () => {
      // 12 s for the first image, 11 s for the second, ...: ten images add more than a minute.
      const images = Array.from({ length: 10 }, () => html`<img alt="" width="10" height="10" />`);
      const el = await articleWith(html`<reading-time></reading-time><p>${words(english - 10)}</p>${images}`);
      expect(imageSeconds(10)).to.be.greaterThan(60);
      expect(shown(el)).to.equal(`${Math.ceil(1 + imageSeconds(10) / 60)} min read`);
    });

    it('reads code more slowly than prose', async () => {
      const prose = await articleWith(html`<reading-time></reading-time><p>${words(english * 2)}</p>`);
      const code = await articleWith(html`<reading-time></reading-time><pre><code>${words(english * 2)}</code></pre>`);
      expect(shown(prose)).to.equal('2 min read');
      const codeMinutes = parseInt(shown(code), 10);
      expect(codeMinutes).to.be.greaterThan(2);
    });

    it('uses the reading rate of the target language', async () => {
      const german = wordsPerMinute('de');
      expect(german).to.be.lessThan(english);
      const count = Math.ceil(german) * 3;
      const el = await articleWith(html`<reading-time></reading-time><p>${words(count, 'Wort')}</p>`, 'de');
      expect(shown(el)).to.equal(`${Math.ceil(count / german)} Min. Lesezeit`);
    });

    it('counts Chinese by characters', async () => {
      const el = await articleWith(html`<reading-time></reading-time><p>${'读'.repeat(600)}</p>`, 'zh');
      const minutes = Number(/\d+/.exec(shown(el))?.[0]);
      expect(minutes).to.be.within(2, 3);
    });

    it('says the minutes in the words of the language, with its plural forms', async () => {
      registerMessages('fr', fr);
      registerMessages('ja', ja);
      registerMessages('ar', ar);
      registerMessages('ru', ru);
      const minutes = async (lang: string, count: number) =>
        shown(await articleWith(html`<reading-time minutes=${count}></reading-time><p>${words(5)}</p>`, lang));
      expect(await minutes('fr', 3)).to.equal('3 min de lecture');
      expect(await minutes('ja', 3)).to.equal('3分で読めます');
      expect(await minutes('ar', 1)).to.equal('دقيقة قراءة واحدة');
      expect(await minutes('ar', 2)).to.equal('دقيقتا قراءة');
      expect(await minutes('ar', 3)).to.match(/^\S+ دقائق قراءة$/);
      expect(await minutes('ar', 11)).to.match(/^\S+ دقيقة قراءة$/);
      expect(await minutes('ru', 21)).to.equal('21 мин чтения');
    });

    it('shows a range of reading speeds with range', async () => {
      const el = await articleWith(html`<reading-time range></reading-time><p>${words(english * 4)}</p>`);
      expect(shown(el)).to.match(/^\d+–\d+ min read$/);
      const [low, high] = shown(el).split(/[–\s]/).map(Number);
      expect(low).to.be.lessThan(high);
      expect(low).to.be.at.most(4);
      expect(high).to.be.at.least(4);
    });
  });

  describe('attributes', () => {
    it('takes minutes from the CMS without counting', async () => {
      const el = await articleWith(html`<reading-time minutes="5"></reading-time><p>${words(5)}</p>`);
      expect(shown(el)).to.equal('5 min read');
      el.minutes = 2.2;
      await el.updateComplete;
      expect(shown(el)).to.equal('3 min read');
    });

    it('uses wpm over the research rate', async () => {
      const el = await articleWith(html`<reading-time wpm="50"></reading-time><p>${words(100)}</p>`);
      expect(shown(el)).to.equal('2 min read');
      el.wpm = 25;
      await el.updateComplete;
      expect(shown(el)).to.equal('4 min read');
    });

    it('reads fiction faster', async () => {
      const fiction = wordsPerMinute('en', 'fiction');
      expect(fiction).to.be.greaterThan(english);
      const count = Math.floor(fiction);
      const el = await articleWith(html`<reading-time genre="fiction"></reading-time><p>${words(count)}</p>`);
      expect(shown(el)).to.equal('1 min read');
      el.genre = 'nonfiction';
      await el.updateComplete;
      expect(shown(el)).to.equal('2 min read');
    });

    it('recounts when for changes', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <section id="one"><p>${words(english)}</p></section>
        <section id="two"><p>${words(english * 3)}</p></section>
        <reading-time for="one"></reading-time>
      </div>`);
      const el = wrapper.querySelector('reading-time')!;
      await el.updateComplete;
      expect(shown(el)).to.equal('1 min read');
      el.setAttribute('for', 'two');
      await el.updateComplete;
      expect(shown(el)).to.equal('3 min read');
    });

    it('shows the light-DOM fallback until there is a count', async () => {
      let el!: ReadingTime;
      await captureWarnings(async () => {
        const holder = await fixture<HTMLElement>(html`<div><reading-time for="missing">4 min read</reading-time></div>`);
        el = holder.querySelector('reading-time')!;
        await el.updateComplete;
      });
      expect(el.shadowRoot!.querySelector('time')).to.equal(null);
      expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
    });
  });

  describe('events and live updates', () => {
    it('fires reading-time-updated with the count', async () => {
      const article = await fixture<HTMLElement>(html`<article><p>${words(english + 1)}</p><img alt="" /></article>`);
      const el = document.createElement('reading-time');
      const event = oneEvent(article, 'reading-time-updated');
      article.prepend(el);
      const { detail, bubbles, composed } = await event;
      expect(detail).to.deep.equal({ minutes: Math.ceil((english + 1) / english + imageSeconds(1) / 60), words: english + 1, images: 1 });
      expect(bubbles).to.equal(true);
      expect(composed).to.equal(true);
    });

    it('recounts, debounced, when the target changes with live', async () => {
      const el = await articleWith(html`<reading-time live></reading-time><p id="body">${words(10)}</p>`);
      expect(shown(el)).to.equal('1 min read');
      const updated = oneEvent(el, 'reading-time-updated');
      const article = el.closest('article')!;
      for (let i = 0; i < 3; i++) article.insertAdjacentHTML('beforeend', `<p>${words(english)}</p>`);
      const { detail } = await updated;
      expect(detail.words).to.equal(10 + english * 3);
      await el.updateComplete;
      expect(shown(el)).to.equal('4 min read');
    });

    it('does not recount without live, and stops observing when removed', async () => {
      const el = await articleWith(html`<reading-time></reading-time><p>${words(10)}</p>`);
      const article = el.closest('article')!;
      article.insertAdjacentHTML('beforeend', `<p>${words(english * 3)}</p>`);
      await aTimeout(400);
      expect(shown(el)).to.equal('1 min read');

      el.live = true;
      await el.updateComplete;
      el.remove();
      let fired = false;
      el.addEventListener('reading-time-updated', () => (fired = true));
      article.insertAdjacentHTML('beforeend', `<p>${words(english * 3)}</p>`);
      await aTimeout(400);
      expect(fired).to.equal(false);
    });
  });

  describe('bad input', () => {
    it('warns about a for that names no element, and counts the nearest article', async () => {
      let el!: ReadingTime;
      const warnings = await captureWarnings(async () => {
        el = await articleWith(html`<reading-time for="nope"></reading-time><p>${words(english * 2)}</p>`);
      });
      expect(warnings.some((w) => w.includes('<reading-time>') && w.includes('for') && w.includes('"nope"'))).to.equal(true);
      expect(shown(el)).to.equal('2 min read');
    });

    it('warns about wpm="fast" and uses the research rate', async () => {
      let el!: ReadingTime;
      const warnings = await captureWarnings(async () => {
        el = await articleWith(html`<reading-time wpm="fast"></reading-time><p>${words(english * 2)}</p>`);
      });
      expect(warnings.some((w) => w.includes('<reading-time> wpm') && w.includes('"fast"'))).to.equal(true);
      expect(shown(el)).to.equal('2 min read');
    });

    it('warns about minutes="-2" and counts instead', async () => {
      let el!: ReadingTime;
      const warnings = await captureWarnings(async () => {
        el = await articleWith(html`<reading-time minutes="-2"></reading-time><p>${words(english * 3)}</p>`);
      });
      expect(warnings.some((w) => w.includes('<reading-time> minutes') && w.includes('"-2"'))).to.equal(true);
      expect(shown(el)).to.equal('3 min read');
    });

    it('warns about an unknown genre', async () => {
      const warnings = await captureWarnings(() => articleWith(html`<reading-time genre="poetry"></reading-time><p>x</p>`));
      expect(warnings.some((w) => w.includes('<reading-time> genre') && w.includes('"poetry"'))).to.equal(true);
    });

    it('warns, and shows nothing, when there is nothing to count', async () => {
      const holder = await fixture<HTMLElement>(html`<div></div>`);
      const warnings = await captureWarnings(async () => {
        const el = document.createElement('reading-time');
        holder.append(el);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('time')).to.equal(null);
      });
      expect(warnings.some((w) => w.includes('<reading-time> for') && w.includes('no element to count'))).to.equal(true);
    });

    it('survives a malformed lang', async () => {
      const el = await articleWith(html`<reading-time></reading-time><p>${words(english)}</p>`, 'not a language!');
      expect(shown(el)).to.equal('1 min read');
    });

    it('shows an empty article as nothing, never as 0 min', async () => {
      const el = await articleWith(html`<reading-time></reading-time>`);
      expect(el.shadowRoot!.querySelector('time')).to.equal(null);
    });
  });

  it('is accessible', async () => {
    const el = await articleWith(html`<h1>Title</h1><reading-time></reading-time><p>${words(400)}</p>`);
    await expect(el).to.be.accessible();
    await expect(el.closest('article')!).to.be.accessible();
  });
});

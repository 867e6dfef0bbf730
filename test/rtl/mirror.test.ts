// The screenshot tests of right to left, compared geometrically rather than pixel by pixel (pixel
// baselines break with every font update): each element's page in Arabic and Hebrew is rendered left to
// right and right to left, and every part that lays out in blocks or flex lines must sit at its mirror image.
// Chromium only, like the rest of the screenshot work (`npm run screenshots -- rtl` takes the pictures).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { FakeApi, fakeToken } from '../../mocks/inkwell-api.js';
import type { TypoReporter } from '../../src/typo-reporter/typo-reporter.js';
import { isFirefox } from '../helpers/a11y.js';
import { RTL_LANGS, RTL_TAGS, rtlPage, rtlThread, type RtlLang, type RtlTag } from './pages.js';

type Box = { x: number; y: number; width: number; height: number };

/** The parts compared, per element: selectors inside the element's shadow root (in document order). */
const PROBES: Record<RtlTag, string> = {
  'reading-time': 'time',
  'author-badge': '.avatar, .text, .name, .meta, #bio, .toggle, .actions',
  'article-card': '.media, .body, .headline, .excerpt, .meta, .item, .tags li',
  'typo-reporter': '.hint',
  'comment-box': 'h2, .bar, article, header .avatar, .body, .actions, textarea, .row',
};

async function ready(page: HTMLElement, tag: RtlTag) {
  const hosts = [...page.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(tag)];
  await Promise.all(hosts.map((host) => host.updateComplete));
  // The real form (its Post button), not the stand-in shown while the forms' code loads: both directions measure the same.
  if (tag === 'comment-box') await waitUntil(() => hosts[0].shadowRoot!.querySelectorAll('article').length === 3 && hosts[0].shadowRoot!.querySelector('button[type="submit"]'), 'the comments and the form load');
  if (tag === 'article-card') await waitUntil(() => [...page.querySelectorAll('article-card')].every((card) => [...card.shadowRoot!.querySelectorAll('img')].every((img) => img.complete)), 'the pictures load');
  if (tag === 'author-badge') await waitUntil(() => hosts[0].shadowRoot!.querySelector('.toggle'), 'the long bio gets "more"');
  await new Promise(requestAnimationFrame);
}

/** Boxes of the probed parts, relative to `frame` (the page wrapper, or the dialog for what is inside it). */
function measure(page: HTMLElement, tag: RtlTag, selector = PROBES[tag], frameOf = (_: Element) => page as Element): Box[] {
  const boxes: Box[] = [];
  for (const host of page.querySelectorAll(tag)) {
    for (const part of host.shadowRoot!.querySelectorAll(selector)) {
      const frame = frameOf(part).getBoundingClientRect();
      const r = part.getBoundingClientRect();
      boxes.push({ x: r.left - frame.left, y: r.top - frame.top, width: r.width, height: r.height, ...{ frameWidth: frame.width } } as Box & { frameWidth: number });
    }
  }
  return boxes;
}

function expectMirrored(ltr: Box[], rtl: Box[], what: string) {
  expect(rtl.length, `${what}: as many parts`).to.equal(ltr.length);
  expect(ltr.length, `${what}: parts found`).to.be.greaterThan(0);
  ltr.forEach((l, i) => {
    const r = rtl[i];
    const frameWidth = (l as Box & { frameWidth: number }).frameWidth;
    const round = (b: Box) => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
    const mirrorX = frameWidth - l.x - l.width;
    const ok = Math.abs(r.x - mirrorX) <= 1.5 && Math.abs(r.y - l.y) <= 1.5 && Math.abs(r.width - l.width) <= 1.5 && Math.abs(r.height - l.height) <= 1.5;
    expect(ok, `${what}, part ${i}: ltr ${round(l)} mirrors to x=${Math.round(mirrorX)}, rtl is ${round(r)}`).to.equal(true);
  });
}

async function render(tag: RtlTag, lang: RtlLang, dir: 'ltr' | 'rtl') {
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = rtlPage(tag, lang, { dir, image: '/__slow-image.svg?ms=0', comments: `api="/fake/v1" thread="rtl" eager token="${fakeToken(SAMPLE_READER)}"` });
  const page = holder.firstElementChild as HTMLElement;
  await ready(page, tag);
  return page;
}
const SAMPLE_READER = 'Ada Okafor';

describe('right to left, compared with its mirror image (Chromium)', function () {
  let api: FakeApi;
  before(function () {
    if (isFirefox) this.skip();
  });
  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi({ base: '/fake/v1' }).install();
  });
  afterEach(() => api.uninstall());

  for (const lang of RTL_LANGS) {
    for (const tag of RTL_TAGS) {
      it(`${tag} in ${lang}`, async () => {
        api.comments = rtlThread('rtl', lang);
        const ltr = measure(await render(tag, lang, 'ltr'), tag);
        const rtl = measure(await render(tag, lang, 'rtl'), tag);
        expectMirrored(ltr, rtl, `${tag} (${lang})`);
      });
    }

    it(`typo-reporter's dialog in ${lang}`, async () => {
      const boxes = [];
      for (const dir of ['ltr', 'rtl'] as const) {
        const page = await render('typo-reporter', lang, dir);
        const text = page.querySelector('article p')!.firstChild!;
        const at = text.nodeValue!.indexOf(SAMPLES_MISTAKE[lang]);
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + SAMPLES_MISTAKE[lang].length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        const reporter = page.querySelector('typo-reporter') as TypoReporter;
        expect(reporter.report()).to.equal(true);
        await waitUntil(() => reporter.shadowRoot!.querySelector('dialog[open]'), 'the dialog opens');
        await new Promise(requestAnimationFrame);
        boxes.push(measure(page, 'typo-reporter', 'h2, blockquote, label, input, textarea, .actions, .status, .actions button', (part) => part.closest('form')!));
        reporter.shadowRoot!.querySelector('dialog')!.close();
      }
      expectMirrored(boxes[0], boxes[1], `typo-reporter dialog (${lang})`);
    });
  }
});

const SAMPLES_MISTAKE: Record<RtlLang, string> = { ar: 'الخطا', he: 'הטעות' };

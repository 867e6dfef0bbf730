import { expect, fixture, html } from '@open-wc/testing';
import { startLoader } from '../../src/loader/start.js';

/** Counts the Intl.DateTimeFormat objects made while `work` runs and one task after it. */
async function dateFormatsMadeDuring(work: () => unknown): Promise<number> {
  const original = Intl.DateTimeFormat;
  let made = 0;
  Intl.DateTimeFormat = new Proxy(original, {
    construct: (target, args) => (made++, Reflect.construct(target, args)),
    apply: (target, self, args) => (made++, Reflect.apply(target, self, args)),
  });
  try {
    await work();
    await new Promise((next) => setTimeout(next, 20));
  } finally {
    Intl.DateTimeFormat = original;
  }
  return made;
}

describe('startLoader', () => {
  it("makes the page's first Intl object while the comment box's chunk downloads", async () => {
    let imported = 0;
    await fixture(html`<div><comment-box eager></comment-box></div>`);
    const made = await dateFormatsMadeDuring(() => startLoader(['comment-box'], () => Promise.resolve(imported++), () => Promise.resolve(), []));
    expect(imported).to.equal(1);
    expect(made).to.equal(1);
  });

  it('leaves Intl alone on a page without a comment box', async () => {
    let imported = 0;
    await fixture(html`<div><reading-time-test-only></reading-time-test-only></div>`);
    const made = await dateFormatsMadeDuring(() => startLoader(['reading-time-test-only'], () => Promise.resolve(imported++), () => Promise.resolve(), []));
    expect(imported).to.equal(1);
    expect(made).to.equal(0);
  });
});

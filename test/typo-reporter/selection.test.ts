import { expect, fixture, html } from '@open-wc/testing';
import { readSelection, type ReadSelection } from '../../src/typo-reporter/selection.js';
import { TextIndex } from '../../src/typo-reporter/text-index.js';

const selection = (): Selection => document.getSelection()!;

function select(anchor: Node, anchorOffset: number, focus: Node, focusOffset: number): Selection {
  selection().setBaseAndExtent(anchor, anchorOffset, focus, focusOffset);
  return selection();
}

function read(scope: Element, options?: { maxLength?: number }): ReadSelection | { problem: string } {
  return readSelection(new TextIndex(scope), scope, selection(), options);
}

/** The selection as a Selection without getComposedRanges, as in browsers that lack it. */
function withoutComposedRanges(real: Selection): Selection {
  return new Proxy(real, {
    get(target, key) {
      if (key === 'getComposedRanges') return undefined;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('readSelection', () => {
  afterEach(() => selection().removeAllRanges());

  it('reads a selection inside one text node as offsets into the index text', async () => {
    const scope = await fixture(html`<div><p>The quick brown fox.</p></div>`);
    const text = scope.querySelector('p')!.firstChild!;
    select(text, 4, text, 9);
    const result = read(scope) as ReadSelection;
    expect(result.start).to.equal(4);
    expect(result.end).to.equal(9);
    expect(result.text).to.equal('quick');
    expect(result.range.startContainer).to.equal(text);
  });

  it('reads a backwards selection, a single character, and the very start and end of the scope', async () => {
    const scope = await fixture(html`<div><p>Start and end</p></div>`);
    const text = scope.querySelector('p')!.firstChild!;
    select(text, 5, text, 0);
    expect(read(scope)).to.include({ start: 0, end: 5, text: 'Start' });
    select(text, 10, text, 13);
    expect(read(scope)).to.include({ start: 10, end: 13, text: 'end' });
    select(text, 6, text, 7);
    expect(read(scope)).to.include({ start: 6, end: 7, text: 'a' });
  });

  it('trims whitespace at the ends by moving start and end', async () => {
    const scope = await fixture(html`<div><p>one   two   three</p></div>`);
    const text = scope.querySelector('p')!.firstChild!;
    select(text, 3, text, 11);
    expect(read(scope)).to.include({ start: 6, end: 9, text: 'two' });
  });

  it('reads across element boundaries and across paragraphs', async () => {
    const scope = await fixture(html`<div><p>a <em>b</em> c</p><p>second   paragraph</p></div>`);
    const [p1, p2] = scope.querySelectorAll('p');
    select(p1.firstChild!, 0, p1.lastChild!, 2);
    expect(read(scope)).to.include({ start: 0, end: 5, text: 'a b c' });
    select(scope.querySelector('em')!.firstChild!, 0, p2.firstChild!, 6);
    expect(read(scope)).to.include({ start: 2, end: 12, text: 'b c second' });
    select(scope, 0, scope, 2); // element boundary points: the whole scope
    expect(read(scope)).to.include({ start: 0, end: 24, text: 'a b c second paragraph' });
  });

  it('keeps punctuation and right-to-left text as selected', async () => {
    const scope = await fixture(html`<div><p>He said: "wrogn".</p><p dir="rtl" lang="ar">كتب الطالب الدرس</p></div>`);
    const [p1, p2] = scope.querySelectorAll('p');
    select(p1.firstChild!, 9, p1.firstChild!, 17);
    expect(read(scope)).to.include({ text: '"wrogn".' });
    select(p2.firstChild!, 4, p2.firstChild!, 10);
    expect(read(scope)).to.include({ text: 'الطالب' });
  });

  it('reads a selection inside an open shadow root', async () => {
    const scope = await fixture(html`<div><p>before</p><x-typo-host></x-typo-host></div>`);
    const shadow = scope.querySelector('x-typo-host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside the shadow</p>';
    const text = shadow.querySelector('p')!.firstChild!;
    select(text, 7, text, 10);
    const index = new TextIndex(scope);
    const result = readSelection(index, scope, selection()) as ReadSelection;
    expect(result).to.include({ text: 'the' });
    expect(index.text.slice(result.start, result.end)).to.equal('the');
    expect(result.start).to.equal(index.text.indexOf('the shadow'));
  });

  it('reads a shadow root selection through getRangeAt where getComposedRanges is missing', async () => {
    const scope = await fixture(html`<div><p>before</p><x-typo-host></x-typo-host></div>`);
    const shadow = scope.querySelector('x-typo-host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside the shadow</p>';
    const text = shadow.querySelector('p')!.firstChild!;
    select(text, 7, text, 10);
    const range = selection().getRangeAt(0);
    const result = readSelection(new TextIndex(scope), scope, withoutComposedRanges(selection()));
    if (range.startContainer === text) {
      expect(result).to.include({ text: 'the' });
    } else {
      // This browser's getRangeAt reports the host instead: the selection reads as the host's text.
      expect(result).to.have.property('text');
    }
    const light = scope.querySelector('p')!.firstChild!;
    select(light, 0, light, 6);
    expect(readSelection(new TextIndex(scope), scope, withoutComposedRanges(selection()))).to.include({ text: 'before' });
  });

  it('accepts the older getComposedRanges that takes shadow roots as arguments', async () => {
    const scope = await fixture(html`<div><p>one two</p></div>`);
    const text = scope.querySelector('p')!.firstChild!;
    select(text, 4, text, 7);
    const real = selection();
    let calledWith: unknown[] = [];
    const positional = new Proxy(real, {
      get(target, key) {
        if (key === 'getComposedRanges') {
          return (...args: unknown[]) => {
            if (args.some((arg) => !(arg instanceof ShadowRoot))) throw new TypeError('not a ShadowRoot');
            calledWith = args;
            return [new StaticRange({ startContainer: text, startOffset: 4, endContainer: text, endOffset: 7 })];
          };
        }
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    expect(readSelection(new TextIndex(scope), scope, positional, { shadowRoots: [root] })).to.include({ text: 'two' });
    expect(calledWith).to.deep.equal([root]);
  });

  it('reports empty for no selection, a caret, or only whitespace', async () => {
    const scope = await fixture(html`<div><p>one <span> </span> two</p></div>`);
    expect(readSelection(new TextIndex(scope), scope, null)).to.deep.equal({ problem: 'empty' });
    expect(read(scope)).to.deep.equal({ problem: 'empty' });
    const text = scope.querySelector('p')!.firstChild!;
    select(text, 2, text, 2);
    expect(read(scope)).to.deep.equal({ problem: 'empty' });
    select(text, 3, scope.querySelector('p')!.lastChild!, 1);
    expect(read(scope)).to.deep.equal({ problem: 'empty' });
  });

  it('reports outside when either end is outside the scope or in skipped content', async () => {
    const page = await fixture(html`<div><p>outside</p><article><p>inside</p><script>var x;</script></article></div>`);
    const scope = page.querySelector('article')!;
    const outside = page.querySelector('p')!.firstChild!;
    const inside = scope.querySelector('p')!.firstChild!;
    select(outside, 0, outside, 7);
    expect(read(scope)).to.deep.equal({ problem: 'outside' });
    select(outside, 2, inside, 3);
    expect(read(scope)).to.deep.equal({ problem: 'outside' });
    select(inside, 0, scope.querySelector('script')!.firstChild!, 3);
    expect(read(scope)).to.deep.equal({ problem: 'outside' });
  });

  it('reports in-field inside fields, editable regions and Inkwell’s own UI', async () => {
    const scope = await fixture(html`<div>
      <p>text</p>
      <div contenteditable="true"><p>editable</p></div>
      <div data-inkwell-ignore><p>our dialog</p></div>
      <textarea>area</textarea>
    </div>`);
    const editable = scope.querySelector('[contenteditable] p')!.firstChild!;
    select(editable, 0, editable, 4);
    expect(read(scope)).to.deep.equal({ problem: 'in-field' });
    const ours = scope.querySelector('[data-inkwell-ignore] p')!.firstChild!;
    select(ours, 0, ours, 3);
    expect(read(scope)).to.deep.equal({ problem: 'in-field' });
    const textarea = scope.querySelector('textarea')!;
    textarea.focus();
    textarea.setSelectionRange(0, 4);
    const result = read(scope);
    // Browsers disagree on what document.getSelection() says about a field's selection; it is never reportable.
    expect(['in-field', 'empty']).to.include((result as { problem: string }).problem);
    textarea.blur();
  });

  it('reports too-long above maxLength (300 by default), counting collapsed whitespace', async () => {
    const long = 'word '.repeat(70); // 350 characters
    const scope = await fixture(html`<div><p></p></div>`);
    scope.querySelector('p')!.textContent = long;
    const text = scope.querySelector('p')!.firstChild!;
    select(text, 0, text, long.length);
    expect(read(scope)).to.deep.equal({ problem: 'too-long' });
    expect(read(scope, { maxLength: 400 })).to.include({ start: 0, end: 349 });
    select(text, 0, text, 20);
    expect(read(scope, { maxLength: 10 })).to.deep.equal({ problem: 'too-long' });
  });
});

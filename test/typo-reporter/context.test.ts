import { expect } from '@open-wc/testing';
import { contextFor } from '../../src/typo-reporter/context.js';
import { TextIndex } from '../../src/typo-reporter/text-index.js';

/** Context for the `nth` (0-based) occurrence of `needle` in `text`. */
function contextOf(text: string, needle: string, nth = 0, chars?: number) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle} #${nth}`);
  return contextFor(text, at, at + needle.length, chars === undefined ? {} : { chars });
}

/** How often the context's joined string occurs in the text (whitespace collapsed). */
function occurrences(text: string, { prefix, selection, suffix }: { prefix: string; selection: string; suffix: string }): number {
  const flat = text.replace(/\s+/g, ' ');
  const needle = prefix + selection + suffix;
  let count = 0;
  for (let at = flat.indexOf(needle); at >= 0; at = flat.indexOf(needle, at + 1)) count++;
  return count;
}

describe('contextFor', () => {
  it('takes about 60 characters on each side, widened to whole words', () => {
    const text =
      'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of ' +
      'foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light.';
    const context = contextOf(text, 'foolishness');
    expect(context).to.deep.equal({
      prefix: 'worst of times, it was the age of wisdom, it was the age of ',
      selection: 'foolishness',
      suffix: ', it was the epoch of belief, it was the epoch of incredulity,',
    });
    expect(context.prefix.length).to.be.within(60, 75);
  });

  it('uses the chars option and stops at the start and end of the text', () => {
    expect(contextOf('one two three four five', 'three', 0, 5)).to.deep.equal({
      prefix: 'one two ',
      selection: 'three',
      suffix: ' four',
    });
    expect(contextOf('one two three four five', 'three', 0, 4)).to.deep.equal({
      prefix: 'two ',
      selection: 'three',
      suffix: ' four',
    });
  });

  it('handles a selection at the very start and the very end of the text', () => {
    expect(contextOf('Start here and go on.', 'Start', 0, 8)).to.deep.equal({
      prefix: '',
      selection: 'Start',
      suffix: ' here and',
    });
    expect(contextOf('Start here and go on.', 'on.', 0, 6)).to.deep.equal({
      prefix: 'and go ',
      selection: 'on.',
      suffix: '',
    });
  });

  it('handles a selection of one character, even inside a word', () => {
    const text = 'Teh cat sat on teh mat.';
    const context = contextOf(text, 'e', 1, 4);
    expect(context).to.deep.equal({ prefix: 'on t', selection: 'e', suffix: 'h mat.' });
    expect(occurrences(text, context)).to.equal(1);
  });

  it('widens "the the" until the doubled word is the one meant', () => {
    const text = 'I saw the cat. Then the the dog ran. And the dog sat.';
    const context = contextOf(text, 'the the', 0, 0);
    expect(context).to.deep.equal({ prefix: '', selection: 'the the', suffix: '' });
    // "the dog" twice: one word of prefix is cheaper than the suffix that would also tell them apart
    expect(contextOf(text, 'the dog', 0, 0)).to.deep.equal({ prefix: 'the ', selection: 'the dog', suffix: '' });
    expect(contextOf(text, 'the dog', 1, 0)).to.deep.equal({ prefix: 'And ', selection: 'the dog', suffix: '' });
  });

  it('widens a word that appears five times, on the side that helps, until its context is unique', () => {
    const text = 'alpha beta gamma. delta beta gamma. delta beta epsilon. zeta beta gamma. delta beta gamma!';
    for (let nth = 0; nth < 5; nth++) {
      const context = contextOf(text, 'beta', nth, 0);
      expect(occurrences(text, context), `occurrence ${nth}`).to.equal(1);
    }
    expect(contextOf(text, 'beta', 0, 0)).to.deep.equal({ prefix: 'alpha ', selection: 'beta', suffix: '' });
    expect(contextOf(text, 'beta', 2, 0)).to.deep.equal({ prefix: '', selection: 'beta', suffix: ' epsilon.' });
    expect(contextOf(text, 'beta', 3, 0)).to.deep.equal({ prefix: 'zeta ', selection: 'beta', suffix: '' });
    expect(contextOf(text, 'beta', 4, 0)).to.deep.equal({ prefix: '', selection: 'beta', suffix: ' gamma!' });
    // "beta gamma." occurs three times and "delta beta" three times, "delta beta gamma." once
    expect(contextOf(text, 'beta', 1, 0)).to.deep.equal({ prefix: 'delta ', selection: 'beta', suffix: ' gamma.' });
  });

  it('keeps punctuation next to the selection', () => {
    const text = 'He said: "wrogn", and left (quickly).';
    expect(contextOf(text, 'wrogn', 0, 3)).to.deep.equal({ prefix: 'said: "', selection: 'wrogn', suffix: '", and' });
    expect(contextOf(text, 'quickly', 0, 1)).to.deep.equal({ prefix: '(', selection: 'quickly', suffix: ').' });
  });

  it('collapses whitespace runs and newlines, and trims the selection', () => {
    const text = 'first\n\n  line   here\tand\nthere';
    expect(contextFor(text, text.indexOf('line') - 2, text.indexOf('here') + 5, { chars: 3 })).to.deep.equal({
      prefix: 'first ',
      selection: 'line here',
      suffix: ' and',
    });
  });

  it('treats right-to-left text (Arabic, Hebrew) in logical order', () => {
    const arabic = 'كتب الطالب الدرس في الكتاب ثم قرأ الطالب الدرس مرة أخرى';
    const first = contextOf(arabic, 'الطالب', 0, 0);
    expect(first).to.deep.equal({ prefix: 'كتب ', selection: 'الطالب', suffix: '' });
    const second = contextOf(arabic, 'الطالب', 1, 0);
    expect(second).to.deep.equal({ prefix: 'قرأ ', selection: 'الطالب', suffix: '' });
    const hebrew = 'שלום עולם, שלום לכולם. שלום עולם!';
    const third = contextOf(hebrew, 'שלום', 2, 0);
    expect(third).to.deep.equal({ prefix: '', selection: 'שלום', suffix: ' עולם!' });
    expect(contextOf(hebrew, 'לכולם', 0, 1)).to.deep.equal({ prefix: 'שלום ', selection: 'לכולם', suffix: '.' });
  });

  it('cuts Chinese and Japanese at any character, Thai without splitting a mark from its letter', () => {
    const chinese = '我爱北京天安门。天安门上太阳升。';
    expect(contextOf(chinese, '天安门', 1, 2)).to.deep.equal({ prefix: '门。', selection: '天安门', suffix: '上太' });
    expect(contextOf(chinese, '天安门', 0, 1)).to.deep.equal({ prefix: '京', selection: '天安门', suffix: '。' });
    const japanese = 'きょうは いい てんきです。あしたも いい てんきです。';
    const context = contextOf(japanese, 'てんき', 1, 2);
    expect(occurrences(japanese, context)).to.equal(1);
    expect(context.suffix).to.equal('です');
    const thai = 'แมวกินปลา หมากินข้าว';
    const thaiContext = contextOf(thai, 'ข้าว', 0, 1);
    expect(thaiContext.prefix).to.equal('น');
    const split = contextOf(thai, 'าว', 0, 1); // a one-character window would cut after the mark ้
    expect(split.prefix).to.equal('ข้');
  });

  it('returns the bare surroundings for an empty selection', () => {
    expect(contextFor('one two three', 4, 4, { chars: 2 })).to.deep.equal({ prefix: 'one ', selection: '', suffix: 'two' });
    expect(contextFor('one two three', 3, 4, { chars: 2 })).to.deep.equal({ prefix: 'one ', selection: '', suffix: 'two' });
  });

  it('indexes and contextualises a 10,000-word scope in under 50 ms', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const vocabulary = 'the of and a to in is was he for it with as his on be at by had not are but from or have'.split(' ');
    for (let i = 0; i < 400; i++) vocabulary.push(`w${i.toString(36)}`);
    const root = document.createElement('div');
    for (let p = 0; p < 250; p++) {
      const paragraph = document.createElement('p');
      paragraph.textContent = Array.from({ length: 40 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
      root.append(paragraph);
    }
    document.body.append(root);
    const started = performance.now();
    const index = new TextIndex(root);
    const middle = index.text.indexOf(' the ', index.text.length / 2) + 1;
    const context = contextFor(index.text, middle, middle + 3);
    const elapsed = performance.now() - started;
    root.remove();
    expect(index.text.split(/\s+/).length).to.equal(10000);
    expect(occurrences(index.text, context)).to.equal(1);
    expect(elapsed).to.be.below(50);
  });

  it('stays fast when the same paragraph repeats throughout, widening to the text’s ends if it must', () => {
    const paragraph = 'The quick brown fox jumps over the lazy dog and keeps on running through the night. ';
    const text = paragraph.repeat(600);
    const at = text.indexOf('lazy', text.length / 2);
    const started = performance.now();
    const context = contextFor(text, at, at + 4);
    const elapsed = performance.now() - started;
    expect(occurrences(text, context)).to.equal(1);
    expect(elapsed).to.be.below(100);
  });
});

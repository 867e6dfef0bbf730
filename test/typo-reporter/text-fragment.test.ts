import { expect, fixture, html } from '@open-wc/testing';
import { textFragment, textFragmentUrl } from '../../src/typo-reporter/text-fragment.js';
import { TextIndex } from '../../src/typo-reporter/text-index.js';

/** The directive for the `nth` (0-based) occurrence of `needle` in `text`. */
function fragmentOf(text: string, needle: string, nth = 0, isBlockBoundary?: (offset: number) => boolean): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle} #${nth}`);
  return textFragment(text, at, at + needle.length, isBlockBoundary);
}

describe('textFragment', () => {
  it('uses the selection itself when it is short and occurs once', () => {
    expect(fragmentOf('The quick brown fox jumps.', 'brown')).to.equal(':~:text=brown');
    expect(fragmentOf('The quick brown fox jumps.', 'quick brown fox')).to.equal(':~:text=quick%20brown%20fox');
  });

  it('needs no context for the first of several occurrences, since a browser takes the first match', () => {
    expect(fragmentOf('I saw the the cat.', 'the', 0)).to.equal(':~:text=the');
  });

  it('adds a prefix for the second "the" of "the the"', () => {
    expect(fragmentOf('I saw the the cat.', 'the', 1)).to.equal(':~:text=the-,the');
  });

  it('adds a prefix or a suffix, whichever tells a word that occurs five times apart', () => {
    const text = 'alpha beta gamma. delta beta gamma. delta beta epsilon. zeta beta gamma. delta beta gamma!';
    expect(fragmentOf(text, 'beta', 0)).to.equal(':~:text=beta');
    expect(fragmentOf(text, 'beta', 1)).to.equal(':~:text=delta-,beta');
    expect(fragmentOf(text, 'beta', 2)).to.equal(':~:text=beta,-epsilon.');
    expect(fragmentOf(text, 'beta', 3)).to.equal(':~:text=zeta-,beta');
    expect(fragmentOf(text, 'beta', 4)).to.equal(':~:text=beta,-gamma!');
  });

  it('widens the context word by word until this occurrence is the first match', () => {
    const text = 'one two x three. one two x four. zero two x three.';
    // "two x" three times, "two x three." twice: the prefix needs two words, and then no suffix
    expect(fragmentOf(text, 'x', 2)).to.equal(':~:text=zero%20two-,x');
    expect(fragmentOf(text, 'x', 1)).to.equal(':~:text=x,-four.');
    expect(fragmentOf(text, 'x', 0)).to.equal(':~:text=x');
  });

  it('keeps punctuation next to the selection as part of the terms', () => {
    const text = 'He said: "wrogn", and left (quickly).';
    expect(fragmentOf(text, 'wrogn')).to.equal(':~:text=wrogn');
    expect(fragmentOf(text, '"wrogn",')).to.equal(':~:text=%22wrogn%22%2C');
    expect(fragmentOf(text, '(quickly).')).to.equal(':~:text=(quickly).');
  });

  it('widens a selection that starts or ends inside a word to whole words, which is all a browser matches', () => {
    expect(fragmentOf('Teh cat sat on teh mat.', 'e', 1)).to.equal(':~:text=on-,teh');
    expect(fragmentOf('The quick brown fox.', 'ick bro')).to.equal(':~:text=quick%20brown');
  });

  it('percent-encodes "-", ",", "&", spaces, "%" and non-ASCII text', () => {
    const text = 'A well-known, fast & cheap fix: 100% café 日本語 done.';
    expect(fragmentOf(text, 'well-known, fast & cheap')).to.equal(':~:text=well%2Dknown%2C%20fast%20%26%20cheap');
    expect(fragmentOf(text, '100% café')).to.equal(':~:text=100%25%20caf%C3%A9');
    expect(fragmentOf(text, '日本語')).to.equal(':~:text=%E6%97%A5%E6%9C%AC%E8%AA%9E');
  });

  it('matches as browsers do, without case or accents', () => {
    expect(fragmentOf('Resume the résumé. RÉSUMÉ again.', 'RÉSUMÉ')).to.equal(
      ':~:text=r%C3%A9sum%C3%A9.-,R%C3%89SUM%C3%89',
    );
  });

  it('handles right-to-left text in logical order', () => {
    const arabic = 'كتب الطالب الدرس في الكتاب ثم قرأ الطالب الدرس مرة أخرى';
    const e = encodeURIComponent;
    expect(fragmentOf(arabic, 'الطالب', 0)).to.equal(`:~:text=${e('الطالب')}`);
    expect(fragmentOf(arabic, 'الطالب', 1)).to.equal(`:~:text=${e('قرأ')}-,${e('الطالب')}`);
    const hebrew = 'שלום עולם, שלום לכולם. שלום עולם!';
    expect(fragmentOf(hebrew, 'שלום', 2)).to.equal(`:~:text=${e('לכולם.')}-,${e('שלום')}`);
    expect(fragmentOf(hebrew, 'עולם', 1)).to.equal(`:~:text=${e('לכולם.')}%20${e('שלום')}-,${e('עולם')}`);
  });

  it('splits a long selection into textStart and textEnd, the first and last words', () => {
    const text =
      'Alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa.';
    expect(fragmentOf(text, 'bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar')).to.equal(
      ':~:text=bravo%20charlie%20delta,mike%20november%20oscar',
    );
  });

  it('adds words to textEnd when the last words also occur inside the selection', () => {
    const text =
      'Start: alpha beta gamma delta epsilon zeta eta theta lambda mu nu iota kappa xi omicron pi rho sigma lambda mu nu';
    expect(fragmentOf(text, text.slice(7))).to.equal(':~:text=alpha%20beta%20gamma%20delta,sigma%20lambda%20mu%20nu');
  });

  it('never lets a term cross a block boundary', async () => {
    const root = await fixture(html`<div><p>First paragraph ends here.</p><p>Second one starts here.</p></div>`);
    const index = new TextIndex(root);
    const boundary = (offset: number): boolean => index.isBlockBoundary(offset);
    const start = index.text.indexOf('ends');
    const end = index.text.indexOf('one') + 3;
    expect(textFragment(index.text, start, end, boundary)).to.equal(':~:text=ends%20here.,Second%20one');
    // a short selection across the boundary is still two terms
    expect(textFragment(index.text, index.text.indexOf('here.'), index.text.indexOf(' one'), boundary)).to.equal(
      ':~:text=here.,Second',
    );
  });

  it('takes context only from the same block', async () => {
    const root = await fixture(html`<div><p>cat</p><p>cat dog</p></div>`);
    const index = new TextIndex(root);
    expect(fragmentOf(index.text, 'cat', 1, (offset) => index.isBlockBoundary(offset))).to.equal(':~:text=cat,-dog');
    expect(fragmentOf('cat\ncat dog', 'cat', 1)).to.equal(':~:text=cat,-dog');
  });

  it('reads an inline element as part of its block', async () => {
    const root = await fixture(html`<p>a <em>b</em> c</p>`);
    const index = new TextIndex(root);
    expect(textFragment(index.text, 0, 5, (offset) => index.isBlockBoundary(offset))).to.equal(':~:text=a%20b%20c');
  });

  it('works at the very start and end of the text, and for one character', () => {
    expect(fragmentOf('a b a', 'a', 0)).to.equal(':~:text=a');
    expect(fragmentOf('a b a', 'a', 1)).to.equal(':~:text=b-,a');
    expect(fragmentOf('x y z x y', 'y', 1)).to.equal(':~:text=z%20x-,y'); // "x y" occurs twice
  });

  it('returns an empty string for an empty or blank selection', () => {
    expect(textFragment('one two', 3, 3)).to.equal('');
    expect(textFragment('one  two', 3, 5)).to.equal('');
  });

  it('handles Chinese, where the browser finds words without spaces', () => {
    const text = '我爱北京天安门。天安门上太阳升。';
    const second = fragmentOf(text, '天安门', 1);
    expect(second.startsWith(':~:text=')).to.equal(true);
    expect(second).to.include(encodeURIComponent('天安门'));
    expect(second).not.to.equal(`:~:text=${encodeURIComponent('天安门')}`);
  });

  it('builds a fragment for a 10,000-word text quickly', () => {
    let seed = 11;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const vocabulary = 'the of and a to in is was he for it with as his on be at by had not'.split(' ');
    for (let i = 0; i < 400; i++) vocabulary.push(`w${i.toString(36)}`);
    const words = Array.from({ length: 10000 }, (_, i) => vocabulary[Math.floor(random() * vocabulary.length)] + (i % 40 === 39 ? '\n' : ' '));
    const text = words.join('').trim();
    const at = text.indexOf(' the ', text.length / 2) + 1;
    const started = performance.now();
    const directive = textFragment(text, at, at + 3);
    expect(performance.now() - started).to.be.below(100);
    expect(directive).to.match(/^:~:text=(.+-,)?the(,-.+)?$/);
  });

  it('gives up after ten words of context when a passage repeats word for word, and still returns', () => {
    const text = Array.from({ length: 10000 }, (_, i) => ['the', 'cat', 'sat', `w${i % 977}`][i % 4]).join(' ');
    const at = text.indexOf(' sat ', text.length / 2) + 1;
    const started = performance.now();
    const directive = textFragment(text, at, at + 3);
    expect(performance.now() - started).to.be.below(2000);
    expect(directive.split('%20').length).to.be.at.most(21);
  });
});

describe('textFragmentUrl', () => {
  it('replaces the page’s own fragment with the directive', () => {
    expect(textFragmentUrl('https://example.com/a?b=1#section', ':~:text=x')).to.equal('https://example.com/a?b=1#:~:text=x');
    expect(textFragmentUrl('https://example.com/a', ':~:text=x')).to.equal('https://example.com/a#:~:text=x');
    expect(textFragmentUrl('https://example.com/a#s', '')).to.equal('https://example.com/a');
  });
});

// Every element's stylesheet speaks in logical directions (inline start/end), so one stylesheet serves
// left-to-right and right-to-left pages. Physical left/right appears only where the allow-list says why.
import { expect } from '@open-wc/testing';
import type { CSSResultGroup } from 'lit';
import { ReadingTime, AuthorBadge, ArticleCard, TypoReporter, CommentBox, CommentModeration } from '../../src/elements.js';

const ELEMENTS = { 'reading-time': ReadingTime, 'author-badge': AuthorBadge, 'article-card': ArticleCard, 'typo-reporter': TypoReporter, 'comment-box': CommentBox, 'comment-moderation': CommentModeration };

/** Physical left/right in a declaration: properties, values and transforms that move sideways. */
const PHYSICAL = [
  /(?:^|[\s;{])(left|right)\s*:/g,
  /(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right)\b/g,
  /border-(?:top|bottom)-(left|right)-radius/g,
  /(?:float|clear|text-align)\s*:\s*(left|right)\b/g,
  /translateX\(/g,
  /(?:linear|conic)-gradient\(\s*to (left|right)\b/g,
];

/**
 * Where physical is right: a gradient has no logical direction, so the author badge's fade is written
 * "to left" and turned "to right" by a `:dir(rtl)` rule (checked below).
 */
const ALLOWED: Record<string, RegExp[]> = {
  'author-badge': [/--_fade: linear-gradient\(to (left|right), transparent 4em, #000 6em\)/g],
};

const flatten = (styles: CSSResultGroup | undefined): string[] =>
  styles === undefined ? [] : Array.isArray(styles) ? styles.flatMap((s) => flatten(s as CSSResultGroup)) : ['cssText' in styles ? styles.cssText : ''];

describe('element stylesheets use logical directions', () => {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    it(`${tag}: no physical left/right outside the allow-list`, () => {
      let css = flatten(element.styles).join('\n').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const allowed of ALLOWED[tag] ?? []) css = css.replace(allowed, '');
      const found = PHYSICAL.flatMap((pattern) => [...css.matchAll(pattern)].map((m) => m[0].trim()));
      expect(found, `${tag} uses ${found.join(', ')}`).to.deep.equal([]);
    });
  }

  it('the allowed gradient is turned for right to left', () => {
    const css = flatten(AuthorBadge.styles).join('\n');
    expect(css).to.match(/\.faded\s*{[^}]*to left/);
    expect(css).to.match(/:host\(:dir\(rtl\)\) \.faded\s*{[^}]*to right/);
  });

  it('the check finds physical properties (it can fail)', () => {
    const css = '.a { margin-left: 1em; right: 0 } .b { text-align: left; transform: translateX(-50%) }';
    const found = PHYSICAL.flatMap((pattern) => [...css.matchAll(pattern)].map((m) => m[0].trim()));
    expect(found).to.have.length(4);
  });
});

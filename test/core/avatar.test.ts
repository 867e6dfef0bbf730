import { expect } from '@open-wc/testing';
import { colorOf, initialsOf } from '../../src/core/avatar.js';
import { safeSrcset, safeUrl } from '../../src/core/url.js';
import { captureWarnings } from '../helpers/warnings.js';

describe('initials', () => {
  it('takes the first letters of the first and last word', () => {
    expect(initialsOf('Nushama Wellness')).to.equal('NW');
    expect(initialsOf('  ada   king lovelace ')).to.equal('AL');
    expect(initialsOf('Prince')).to.equal('P');
    expect(initialsOf('')).to.equal('');
  });

  it('is Unicode-aware', () => {
    expect(initialsOf('王小明')).to.equal('王');
    expect(initialsOf('山田 太郎')).to.equal('山');
    expect(initialsOf('김민준')).to.equal('김');
    expect(initialsOf('Émile Zola')).to.equal('ÉZ');
    expect(initialsOf('𝓐lice 𝓑ob')).to.equal('𝓐𝓑');
    expect(initialsOf('Zoë ǅemal')).to.equal('ZǄ');
  });

  it('derives a stable colour from the name', () => {
    expect(colorOf('Nushama Wellness')).to.equal(colorOf('Nushama Wellness'));
    expect(colorOf('Nushama Wellness')).to.not.equal(colorOf('Ada Lovelace'));
    expect(colorOf('x')).to.match(/^hsl\(\d+ 45% 30%\)$/);
  });
});

describe('URL safety', () => {
  const el = document.createElement('author-badge');

  it('keeps http, https and relative URLs', async () => {
    const warnings = await captureWarnings(() => {
      expect(safeUrl('https://example.com/a', el, 'href')).to.equal('https://example.com/a');
      expect(safeUrl('http://example.com/a', el, 'href')).to.equal('http://example.com/a');
      expect(safeUrl('/authors/nushama', el, 'href')).to.equal('/authors/nushama');
      expect(safeUrl('../up', el, 'href')).to.equal('../up');
      expect(safeUrl('', el, 'href')).to.equal(undefined);
    });
    expect(warnings).to.deep.equal([]);
  });

  it('drops javascript:, data: and others with a warning naming element and attribute', async () => {
    const warnings = await captureWarnings(() => {
      expect(safeUrl('javascript:alert(1)', el, 'href')).to.equal(undefined);
      expect(safeUrl(' JaVaScRiPt:alert(1)', el, 'avatar')).to.equal(undefined);
      expect(safeUrl('data:image/svg+xml,<svg onload=alert(1)>', el, 'image')).to.equal(undefined);
      expect(safeUrl('vbscript:x', el, 'image')).to.equal(undefined);
      expect(safeUrl('http://[::1', el, 'image')).to.equal(undefined);
    });
    expect(warnings).to.have.length(5);
    expect(warnings[0]).to.include('<author-badge> href').and.include('javascript:');
    expect(warnings[1]).to.include('<author-badge> avatar');
    expect(warnings[4]).to.include('not a URL');
  });

  it('checks every candidate of a srcset', async () => {
    const warnings = await captureWarnings(() => {
      expect(safeSrcset('/a.jpg 1x, /b.jpg 2x', el, 'srcset')).to.equal('/a.jpg 1x, /b.jpg 2x');
      expect(safeSrcset('/a.jpg 1x, javascript:alert(1) 2x', el, 'srcset')).to.equal(undefined);
    });
    expect(warnings).to.have.length(1);
  });
});

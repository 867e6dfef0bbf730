import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/core/define.js';
import { captureWarnings } from '../helpers/warnings.js';

class First extends HTMLElement {
  static readonly version = '1.0.0';
}
class Second extends HTMLElement {
  static readonly version = '2.0.0';
}
class Unversioned extends HTMLElement {}

describe('defineElement', () => {
  it('registers a free tag', () => {
    defineElement('inkwell-test-free', First);
    expect(customElements.get('inkwell-test-free')).to.equal(First);
  });

  it('is silent when the same class is registered again', async () => {
    defineElement('inkwell-test-same', First);
    const warnings = await captureWarnings(() => defineElement('inkwell-test-same', First));
    expect(warnings).to.deep.equal([]);
  });

  it('never throws on a taken tag, and warns once naming the tag', async () => {
    defineElement('inkwell-test-taken', First);
    const warnings = await captureWarnings(() => {
      defineElement('inkwell-test-taken', Second);
      defineElement('inkwell-test-taken', Second);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('<inkwell-test-taken>');
    expect(warnings[0]).to.include('1.0.0');
    expect(customElements.get('inkwell-test-taken')).to.equal(First);
  });

  it('names another script when the tag was taken outside Inkwell', async () => {
    customElements.define('inkwell-test-foreign', Unversioned);
    const warnings = await captureWarnings(() => defineElement('inkwell-test-foreign', First));
    expect(warnings[0]).to.include('another script');
  });
});

import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/core/define.js';
import { captureWarnings } from '../helpers/warnings.js';

// A constructor can be registered under one tag only, so every test makes its own classes.
const versioned = (version: string) =>
  class extends HTMLElement {
    static readonly version = version;
  };

describe('defineElement', () => {
  it('registers a free tag', () => {
    const First = versioned('1.0.0');
    defineElement('inkwell-test-free', First);
    expect(customElements.get('inkwell-test-free')).to.equal(First);
  });

  it('is silent when the same class is registered again', async () => {
    const First = versioned('1.0.0');
    defineElement('inkwell-test-same', First);
    const warnings = await captureWarnings(() => defineElement('inkwell-test-same', First));
    expect(warnings).to.deep.equal([]);
  });

  it('never throws on a taken tag, and warns once naming the tag', async () => {
    const First = versioned('1.0.0');
    const Second = versioned('2.0.0');
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
    customElements.define('inkwell-test-foreign', class extends HTMLElement {});
    const warnings = await captureWarnings(() => defineElement('inkwell-test-foreign', versioned('1.0.0')));
    expect(warnings[0]).to.include('another script');
  });
});

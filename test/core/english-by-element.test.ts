// English strings travel with the elements that show them: lit.js, which every page loads, holds only
// those of reading time, badge and card; the typo reporter's and the comment box's come with their code.
// Its own file, so that no element with a form has been loaded yet.
import { expect } from '@open-wc/testing';
import { messagesFor } from '../../src/core/i18n.js';
import { LATER_KEYS, readDeclaredMessages } from '../../src/core/declared-messages.js';
import { en } from '../../src/core/messages/en.js';
import { enCore } from '../../src/core/messages/en-core.js';
import { enModeration } from '../../src/comment-moderation/en.js';
import { captureWarnings } from '../helpers/warnings.js';

describe('English strings by element', () => {
  it('lists every string beyond the core ones, with its shape, for checking what a page declares', () => {
    const later = Object.entries(en)
      // The moderation inbox's strings come with its own chunk, not with the forms (src/comment-moderation/en.ts).
      .filter(([key]) => !Object.hasOwn(enCore, key) && !Object.hasOwn(enModeration, key))
      .map(([key, value]) => (typeof value === 'string' ? key : `${key}+`));
    expect(LATER_KEYS.split(' ')).to.deep.equal(later);
  });

  it('holds the core strings until an element with a form loads, and checks the strings a page declares for it before', async () => {
    expect(messagesFor('en').minutesRead).to.deep.equal(enCore.minutesRead);
    expect(messagesFor('en').signIn, 'the comment box’s words are not loaded yet').to.equal(undefined);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.dataset.inkwellMessages = '';
    script.lang = 'en';
    script.textContent = '{"signIn": "Log in", "moreLoaded": "x", "sigIn": "x"}';
    document.head.append(script);
    const warnings = await captureWarnings(() => readDeclaredMessages());
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.include('"moreLoaded": must be plural forms');
    expect(warnings[1]).to.include('"sigIn": not one of');
    await import('../../src/core/form-strings.js');
    expect(messagesFor('en').signUp).to.equal('Sign Up');
    expect(messagesFor('en').signIn, 'the page’s own string applies over the words that came later').to.equal('Log in');
    expect(messagesFor('en').moreLoaded).to.deep.equal(en.moreLoaded);
    script.remove();
  });
});

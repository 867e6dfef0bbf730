import { expect } from '@open-wc/testing';
import { fill, formatPlural, messagesFor, registerMessages } from '../../src/core/i18n.js';
import { canonicalLanguage, languageFallbacks, languageOf } from '../../src/core/locale.js';
import { en } from '../../src/core/messages/en.js';

describe('string catalogue', () => {
  it("keeps the seed's wording as the default English copy", () => {
    const m = messagesFor('en');
    expect(messagesFor('xx')).to.equal(m);
    expect(m.loginRequired).to.equal('You must be logged in to comment.');
    expect(`${m.signIn} / ${m.signUp}`).to.equal('Sign In / Sign Up');
    expect(m.noComments).to.equal('No comments yet');
    expect([1, 5].map((n) => formatPlural('en', m.minutesRead, n, { n }))).to.deep.equal(['1 min read', '5 min read']);
    expect(fill('en', m.typoHint, { keys: 'Ctrl+Enter' }).replace(/\.$/, '')).to.equal('Found a mistake? Select it and press Ctrl+Enter');
  });

  it('falls back from region to language to English', () => {
    expect(messagesFor('de-AT').minutesRead.other).to.include('Lesezeit');
    expect(messagesFor('DE').minutesRead.other).to.include('Lesezeit');
    expect(messagesFor('xx-YY')).to.equal(en);
  });

  it('takes catalogues registered later (locales loaded on demand)', () => {
    registerMessages('fr', { ...en, minutesRead: { one: '{n} min de lecture', other: '{n} min de lecture' } });
    expect(formatPlural('fr', messagesFor('fr-CA').minutesRead, 2, { n: 2 })).to.equal('2 min de lecture');
  });

  it('chooses the plural form by the language rules and formats numbers', () => {
    const message = { one: '{n} comment', other: '{n} comments' };
    expect(formatPlural('en', message, 1, { n: 1 })).to.equal('1 comment');
    expect(formatPlural('en', message, 1200, { n: 1200 })).to.equal('1,200 comments');
    expect(formatPlural('de', message, 1200, { n: 1200 })).to.equal('1.200 comments');
    expect(formatPlural('en', { other: '{missing} x' }, 2, {})).to.equal('{missing} x');
  });
});

describe('language of an element', () => {
  it('reads the nearest lang attribute, else the document', () => {
    const outer = document.createElement('div');
    outer.lang = 'ja';
    const inner = document.createElement('span');
    outer.append(inner);
    document.body.append(outer);
    try {
      expect(languageOf(inner)).to.equal('ja');
      expect(languageOf(null)).to.equal(canonicalLanguage(document.documentElement.lang || navigator.language || 'en'));
    } finally {
      outer.remove();
    }
  });

  it('turns a malformed tag into English instead of throwing', () => {
    expect(canonicalLanguage('not a language!')).to.equal('en');
    expect(canonicalLanguage('zh-hant-tw')).to.equal('zh-Hant-TW');
  });

  it('lists fallbacks from specific to general', () => {
    expect(languageFallbacks('de-AT')).to.deep.equal(['de-at', 'de']);
    expect(languageFallbacks('de')).to.deep.equal(['de']);
  });
});

import { expect } from '@open-wc/testing';
import { addEnglish, fill, formatPlural, localeFor, localeReady, messagesFor, registerMessages } from '../../src/core/i18n.js';
import { canonicalLanguage, languageOf } from '../../src/core/locale.js';
import { languageFallbacks } from '../../src/core/languages.js';
import { en } from '../../src/core/messages/en.js';
import { captureWarnings } from '../helpers/warnings.js';

// The typo reporter's and the comment box's English strings come with their code (english-by-element.test.ts): all of them here.
addEnglish(en);

/** The locale for `tag` once its catalogue is here. */
async function ready(tag: string) {
  await localeReady(tag);
  return localeFor(tag)!;
}

describe('string catalogue', () => {
  it("keeps the seed's wording as the default English copy", () => {
    const m = messagesFor('en');
    expect(m.loginRequired).to.equal('You must be logged in to comment.');
    expect(`${m.signIn} / ${m.signUp}`).to.equal('Sign In / Sign Up');
    expect(m.noComments).to.equal('No comments yet');
    expect([1, 5].map((n) => formatPlural('en', m.minutesRead, n, { n }))).to.deep.equal(['1 min read', '5 min read']);
    expect(fill('en', m.typoHint, { keys: 'Ctrl+Enter' }).replace(/\.$/, '')).to.equal('Found a mistake? Select it and press Ctrl+Enter');
  });

  it('loads a catalogue on demand, once, and falls back from region to language', async () => {
    expect(localeReady('de-AT')).to.equal(localeReady('de'), 'one request for de and de-AT');
    const austrian = await ready('de-AT');
    expect(austrian.lang).to.equal('de-AT');
    expect(austrian.messages.minutesRead.other).to.include('Lesezeit');
    expect(localeReady('de-CH')).to.equal(undefined, 'already here');
    expect((await ready('DE')).messages).to.equal(localeFor('de')!.messages);
  });

  it('speaks English entirely, words and formatting, for a language it has no strings for, and says so once', async () => {
    const warnings = await captureWarnings(async () => {
      const locale = await ready('hy');
      // Armenian counts 0 as "one" and groups digits with a space: neither may leak into English words.
      expect(locale.lang).to.equal('en');
      expect(locale.messages).to.deep.equal(localeFor('en')!.messages);
      expect(formatPlural(locale.lang, en.comments, 0, { n: 0 })).to.equal('0 comments');
      expect(formatPlural(locale.lang, en.comments, 1200, { n: 1200 })).to.equal('1,200 comments');
      localeFor('hy');
      localeFor('hy-AM');
    });
    expect(warnings.filter((w) => w.includes('"hy"'))).to.have.length(1);
    expect(warnings.filter((w) => w.includes('"hy-AM"'))).to.have.length(1);
    expect(warnings[0]).to.include('English');
  });

  it('chooses plural forms by the rules of the words, formatting numbers in the same language', async () => {
    const message = { one: '{n} comment', other: '{n} comments' };
    expect(formatPlural('en', message, 1, { n: 1 })).to.equal('1 comment');
    expect(formatPlural('en', message, 1200, { n: 1200 })).to.equal('1,200 comments');
    await localeReady('de');
    expect(formatPlural('de-AT', message, 1200, { n: 1200 })).to.match(/^1.200 comments$/);
    expect(formatPlural('en', { other: '{missing} x' }, 2, {})).to.equal('{missing} x');
  });

  it('uses every plural category a language has (Arabic six, Polish four)', async () => {
    const arabic = { zero: 'z{n}', one: 'o{n}', two: 't{n}', few: 'f{n}', many: 'm{n}', other: 'x{n}' };
    registerMessages('ar', { comments: arabic });
    const ar = await ready('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => formatPlural(ar.lang, ar.messages.comments, n, { n }).charAt(0))).to.deep.equal(['z', 'o', 't', 'f', 'm', 'x']);
    registerMessages('pl', { comments: { one: 'o', few: 'f', many: 'm', other: 'x' } });
    const pl = await ready('pl');
    expect([1, 3, 5, 1.5].map((n) => formatPlural(pl.lang, pl.messages.comments, n, {}))).to.deep.equal(['o', 'f', 'm', 'x']);
  });
});

describe('registerMessages', () => {
  it('changes one string and leaves the others, for the language and its regions', () => {
    registerMessages('en-ZA', { signIn: 'Log in' });
    const m = messagesFor('en-ZA');
    expect(m.signIn).to.equal('Log in');
    expect(m.signUp).to.equal('Sign Up');
    expect(m.loginRequired).to.equal('You must be logged in to comment.');
    expect(messagesFor('en').signIn).to.equal('Sign In');
    registerMessages('en-ZA', { signUp: 'Join' });
    expect([messagesFor('en-ZA').signIn, messagesFor('en-ZA').signUp]).to.deep.equal(['Log in', 'Join']);
  });

  it('applies over a catalogue loaded on demand', async () => {
    registerMessages('de', { signIn: 'Einloggen' });
    const de = await ready('de-AT');
    expect(de.messages.signIn).to.equal('Einloggen');
    expect(de.messages.signUp).to.equal('Registrieren');
  });

  it('adds a language Inkwell does not ship, over English, with its own plural rules', async () => {
    registerMessages('fy', { noComments: 'Noch gjin reaksjes' });
    const fy = await ready('fy-NL');
    expect(fy.lang).to.equal('fy-NL');
    expect(fy.messages.noComments).to.equal('Noch gjin reaksjes');
    expect(fy.messages.signIn).to.equal('Sign In');
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

  it('looks past shadow roots to the hosts', () => {
    const outer = document.createElement('div');
    outer.lang = 'pt-BR';
    const host = document.createElement('div');
    outer.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    const nested = document.createElement('div');
    inner.append(nested);
    const deepest = document.createElement('b');
    nested.attachShadow({ mode: 'open' }).append(deepest);
    document.body.append(outer);
    try {
      expect(languageOf(deepest)).to.equal('pt-BR');
      nested.lang = 'uk';
      expect(languageOf(deepest)).to.equal('uk');
    } finally {
      outer.remove();
    }
  });

  it('turns a malformed tag into English instead of throwing', () => {
    expect(canonicalLanguage('not a language!')).to.equal('en');
    expect(canonicalLanguage('zh-hant-tw')).to.equal('zh-Hant-TW');
  });

  it('lists fallbacks from specific to general, with the script a region implies', () => {
    expect(languageFallbacks('de-AT')).to.deep.equal(['de-at', 'de-latn', 'de']);
    expect(languageFallbacks('pt-BR')).to.deep.equal(['pt-br', 'pt-latn', 'pt']);
    expect(languageFallbacks('zh-TW')).to.deep.equal(['zh-tw', 'zh-hant', 'zh']);
    expect(languageFallbacks('zh-HK')).to.include('zh-hant');
    expect(languageFallbacks('zh-Hant-TW')).to.deep.equal(['zh-hant-tw', 'zh-tw', 'zh-hant', 'zh']);
    expect(languageFallbacks('zh-CN')).to.deep.equal(['zh-cn', 'zh-hans', 'zh']);
    expect(languageFallbacks('zh')).to.deep.equal(['zh', 'zh-hans']);
  });

  it('looks up a likely script only for languages whose catalogues are split by script', async () => {
    const maximize = Intl.Locale.prototype.maximize;
    const maximized: string[] = [];
    Intl.Locale.prototype.maximize = function (this: Intl.Locale) {
      maximized.push(this.toString());
      return maximize.call(this);
    };
    try {
      expect(languageFallbacks('de-AT', () => false)).to.deep.equal(['de-at', 'de']);
      expect(maximized).to.deep.equal([]);
      // The elements' own resolution: fr-CA, es-MX need no script; zh-TW does (zh-hant), and so does a site's sr-Latn.
      expect((await ready('fr-CA')).messages.noComments).to.equal(messagesFor('fr').noComments);
      expect((await ready('es-MX')).messages.noComments).to.equal(messagesFor('es').noComments);
      expect(maximized).to.deep.equal([]);
      expect((await ready('zh-TW')).messages.noComments).to.equal(messagesFor('zh-Hant').noComments);
      registerMessages('sr-Latn', { noComments: 'Nema komentara' });
      expect(localeFor('sr-ME')!.messages.noComments).to.equal('Nema komentara');
      expect([...new Set(maximized)]).to.deep.equal(['zh-TW', 'sr-ME']);
    } finally {
      Intl.Locale.prototype.maximize = maximize;
    }
  });
});

import { expect } from '@open-wc/testing';
import { catalogues, pluralLanguages } from '../../src/core/messages/catalogues.js';
import { en } from '../../src/core/messages/en.js';
import type { Messages, PluralMessage } from '../../src/core/messages/messages.js';

// Words that are the same in English and in the language, on purpose: loanwords and names.
const SAME_AS_ENGLISH = new Set(['Spam']);
const SAME_AS_ENGLISH_IN: Record<string, readonly (keyof Messages)[]> = {
  de: ['guestName'],
};

const CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const keysOf = (messages: object) => Object.keys(messages).sort();

/** Every problem of one catalogue, as "key: problem" lines, so a failure names them all at once. */
function problems(tag: string, messages: Messages): string[] {
  const found: string[] = [];
  const categories = new Intl.PluralRules(pluralLanguages[tag] ?? tag).resolvedOptions().pluralCategories;
  for (const key of keysOf(en) as (keyof Messages)[]) {
    const english = en[key];
    const theirs = messages[key] as Messages[keyof Messages] | undefined;
    if (theirs === undefined) {
      found.push(`${key}: missing`);
    } else if (typeof english === 'string') {
      if (typeof theirs !== 'string') found.push(`${key}: must be a string`);
      else {
        if (placeholders(theirs).join() !== placeholders(english).join()) found.push(`${key}: placeholders ${placeholders(theirs).join()} instead of ${placeholders(english).join()}`);
        if (tag !== 'en' && theirs === english && !SAME_AS_ENGLISH.has(theirs) && !SAME_AS_ENGLISH_IN[tag]?.includes(key)) found.push(`${key}: still English ("${theirs}")`);
      }
    } else if (typeof theirs === 'string') {
      found.push(`${key}: must be plural forms`);
    } else {
      const forms = theirs as PluralMessage;
      for (const category of categories) if (forms[category] === undefined) found.push(`${key}: no "${category}" form`);
      for (const [category, text] of Object.entries(forms) as [Intl.LDMLPluralRule, string][]) {
        // Any category name is fine, not only this browser's: ICU versions differ (Hebrew dropped "many").
        if (!CATEGORIES.includes(category)) found.push(`${key}: "${category}" is not a plural category`);
        // A form may leave the number out ("تعليق واحد", one comment), but may not bring one English lacks.
        const allowed = placeholders(english.other);
        if (category === 'other' ? placeholders(text).join() !== allowed.join() : placeholders(text).some((name) => !allowed.includes(name))) {
          found.push(`${key}.${category}: placeholders ${placeholders(text).join()} instead of ${allowed.join()}`);
        }
        if (tag !== 'en' && Object.values(english).includes(text) && !SAME_AS_ENGLISH.has(text)) found.push(`${key}.${category}: still English ("${text}")`);
      }
    }
  }
  for (const key of keysOf(messages)) if (!(key in en)) found.push(`${key}: not a key of the English catalogue`);
  return found;
}

describe('catalogues', () => {
  it('lists languages by their BCP 47 tags', () => {
    for (const tag of Object.keys(catalogues)) expect(Intl.getCanonicalLocales(tag)[0], tag).to.equal(tag);
  });

  it('has English complete, every plural category present', () => {
    expect(problems('en', en)).to.deep.equal([]);
  });

  for (const [tag, load] of Object.entries(catalogues)) {
    it(`has ${tag} complete: every key, the same placeholders, no English left, every plural category`, async () => {
      expect(problems(tag, await load())).to.deep.equal([]);
    });
  }

  it('finds what it must find (a broken catalogue)', () => {
    const broken = { ...en, signIn: 'Sign In', minutesRead: { other: '{count} Min.', several: '{n}' }, typoHint: 'Fehler?' } as Partial<Messages>;
    delete broken.signUp;
    expect(problems('de', broken as Messages)).to.include.members([
      'signUp: missing',
      'signIn: still English ("Sign In")',
      'minutesRead: no "one" form',
      'minutesRead.other: placeholders count instead of n',
      'typoHint: placeholders  instead of keys',
      'minutesRead: "several" is not a plural category',
    ]);
  });
});

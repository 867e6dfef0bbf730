// English strings travel with the code that shows them: core.js, which every page loads, holds only those of
// reading time, badge and card; the typo reporter's hint, its dialog, the comment box's thread and its forms each
// come with their own code (chunks/typo-reporter.js, machinery.js, comment-box.js, comment-forms.js).
// Its own file, so that no element with words of its own has been loaded yet; the tests run in order.
import { expect } from '@open-wc/testing';
import { messagesFor, onMessagesChanged, type Messages } from '../../src/core/i18n.js';
import { LATER_KEYS, readDeclaredMessages } from '../../src/core/declared-messages.js';
import { en } from '../../src/core/messages/en.js';
import { enCore } from '../../src/core/messages/en-core.js';
import { enHint } from '../../src/core/messages/en-hint.js';
import { enFailure } from '../../src/core/messages/en-failure.js';
import { enTypoDialog } from '../../src/core/messages/en-typo-dialog.js';
import { enThread } from '../../src/core/messages/en-thread.js';
import { enCommentForms } from '../../src/core/messages/en-comment-forms.js';
import { enInboxShared, enModeration } from '../../src/comment-moderation/en.js';
import { captureWarnings } from '../helpers/warnings.js';

/** How often the elements on the page were told to redraw for new strings. */
let redraws = 0;
onMessagesChanged(() => redraws++);

const PARTS = { enCore, enHint, enFailure, enTypoDialog, enThread, enCommentForms, enInboxShared, enModeration };

/** The keys of `part` whose English is loaded now, and those missing. */
function loaded(part: Partial<Messages>): { here: string[]; missing: string[] } {
  const keys = Object.keys(part);
  const shown = messagesFor('en') as unknown as Record<string, unknown>;
  return { here: keys.filter((key) => shown[key] !== undefined), missing: keys.filter((key) => shown[key] === undefined) };
}

/** Only what a part holds beyond the parts already loaded (its shared keys are there already). */
const own = (part: Partial<Messages>, ...before: Partial<Messages>[]) =>
  Object.fromEntries(Object.entries(part).filter(([key]) => !before.some((other) => Object.hasOwn(other, key)))) as Partial<Messages>;

describe('English strings by element', () => {
  it('lists every string beyond the core ones, with its shape, for checking what a page declares', () => {
    const later = Object.entries(en)
      // The moderation inbox's strings come with its own chunk, not with the forms (src/comment-moderation/en.ts).
      .filter(([key]) => !Object.hasOwn(enCore, key) && !Object.hasOwn(enModeration, key))
      .map(([key, value]) => (typeof value === 'string' ? key : `${key}+`));
    expect(LATER_KEYS.split(' ').sort()).to.deep.equal(later.sort());
  });

  it('has parts that agree on every key they share, and together hold every string', () => {
    const union: Record<string, unknown> = {};
    for (const [name, part] of Object.entries(PARTS)) {
      for (const [key, value] of Object.entries(part)) {
        expect(value, `${name}.${key}`).to.deep.equal(en[key as keyof Messages]);
        union[key] = value;
      }
    }
    expect(Object.keys(union).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('holds the core strings until an element with words of its own loads, and checks the strings a page declares for it before', async () => {
    expect(loaded(enCore).missing).to.deep.equal([]);
    for (const part of [enHint, enFailure, enTypoDialog, enThread, enCommentForms]) expect(loaded(part).here, 'not loaded yet').to.deep.equal([]);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.dataset.inkwellMessages = '';
    script.lang = 'en';
    script.textContent = '{"signIn": "Log in", "moreLoaded": "x", "sigIn": "x", "post": "Publish"}';
    document.head.append(script);
    const warnings = await captureWarnings(() => readDeclaredMessages());
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.include('"moreLoaded": must be plural forms');
    expect(warnings[1]).to.include('"sigIn": not one of');
    await import('../../src/comment-box/comment-box.js');
    expect(messagesFor('en').signUp).to.equal('Sign Up');
    expect(messagesFor('en').signIn, 'the page’s own string applies over the words that came later').to.equal('Log in');
    expect(messagesFor('en').moreLoaded).to.deep.equal(en.moreLoaded);
    expect(messagesFor('en').post, 'the page’s own string for a form not loaded yet').to.equal('Publish');
    script.remove();
  });

  it('brings the comment box’s thread words with its element, and its forms’ only with their code', async () => {
    // The element module was imported above (chunks/comment-box.js).
    expect(loaded(enThread).missing).to.deep.equal([]);
    expect(loaded(enFailure).missing, 'its failures’ words (chunks/interactive.js)').to.deep.equal([]);
    expect(loaded(own(enCommentForms, enThread)).here.filter((key) => key !== 'post'), 'the forms’ words wait for their code').to.deep.equal([]);
    expect(loaded(own(enTypoDialog, enThread, enFailure)).here, 'nor the typo dialog’s').to.deep.equal([]);
    const before = redraws;
    await import('../../src/comment-box/comment-forms.js');
    expect(loaded(enCommentForms).missing).to.deep.equal([]);
    expect(redraws - before, 'words no element could show before change nothing on screen: the thread is not redrawn').to.equal(0);
    expect(messagesFor('en').notifyReplies).to.equal(enCommentForms.notifyReplies);
  });

  it('brings the typo reporter’s hint words with its element, and its dialog’s only with the dialog’s code', async () => {
    await import('../../src/typo-reporter/typo-reporter.js');
    expect(loaded(enHint).missing).to.deep.equal([]);
    expect(loaded(own(enTypoDialog, enThread, enFailure, enCommentForms)).here, 'the dialog’s words wait for its code').to.deep.equal([]);
    await import('../../src/typo-reporter/machinery.js');
    expect(loaded(enTypoDialog).missing).to.deep.equal([]);
    const inbox = Object.keys(enModeration);
    expect(Object.keys(messagesFor('en')).filter((key) => !inbox.includes(key)).sort(), 'all but the inbox’s').to.deep.equal(
      Object.keys(en).filter((key) => !inbox.includes(key)).sort(),
    );
  });
});

describe('the words each module shows', () => {
  // Which parts of English are loaded by the time each module's code runs: its chunk's and those loaded before it.
  const core = [enCore, enFailure];
  const thread = [...core, enThread];
  const GROUPS: [string[], Partial<Messages>[]][] = [
    [['typo-reporter/typo-reporter.ts'], [enCore, enHint]],
    [['typo-reporter/dialog.ts', 'typo-reporter/panel.ts'], [...core, enHint, enTypoDialog]],
    [['comment-box/comment-box.ts', 'comment-box/views.ts', 'comment-box/reactions.ts', 'comment-box/sign-in.ts', 'comment-box/formatting.ts'], thread],
    [['comment-box/composer-view.ts', 'comment-box/comment-forms.ts'], [...thread, enCommentForms]],
    [['comment-moderation/comment-moderation.ts', 'comment-moderation/views.ts'], [...core, enInboxShared, enModeration]],
  ];

  it('are loaded with it: no module reads a string its part of English lacks', async () => {
    for (const [files, parts] of GROUPS) {
      const here = new Set(parts.flatMap((part) => Object.keys(part)));
      for (const file of files) {
        const source = await (await fetch(new URL(`../../src/${file}`, import.meta.url))).text();
        const read = [...source.matchAll(/\b(?:m|messages)\.(\w+)\b/g)].map((match) => match[1]).filter((key) => Object.hasOwn(en, key));
        expect(read.length, `${file} reads strings`).to.be.above(0);
        expect(read.filter((key) => !here.has(key)), file).to.deep.equal([]);
      }
    }
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comment-box/define.js';
import type { CommentBox } from '../../src/comment-box/comment-box.js';
import { readDeclaredMessages } from '../../src/core/declared-messages.js';
import { messagesFor } from '../../src/core/i18n.js';
import { FakeApi } from '../../mocks/inkwell-api.js';
import { captureWarnings } from '../helpers/warnings.js';

const BASE = '/fake/v1';

function declare(json: string, lang?: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.dataset.inkwellMessages = '';
  if (lang) script.lang = lang;
  script.textContent = json;
  document.head.append(script);
  return script;
}

describe('a site changes strings', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi({ base: BASE }).install();
  });
  afterEach(() => api.uninstall());

  it('renames "Sign In" with a JSON script (no code, fits a strict CSP), leaving every other string', async () => {
    const holder = await fixture<HTMLElement>(html`<div lang="en-GB"></div>`);
    const box = document.createElement('comment-box') as CommentBox;
    Object.assign(box, { api: BASE, thread: 't1', eager: true, loginUrl: '/sign-in.html' });
    box.setAttribute('login-url', '/sign-in.html');
    holder.append(box);
    const prompt = () => box.shadowRoot!.querySelector('.prompt');
    await waitUntil(() => prompt()?.querySelector('a'), 'no sign-in prompt');
    expect([...prompt()!.querySelectorAll('a')].map((a) => a.textContent)).to.deep.equal(['Sign In', 'Sign Up']);

    // Added after the box rendered: read when the next element connects, and the box renders again.
    declare('{"signIn": "Log in"}', 'en');
    holder.append(Object.assign(document.createElement('comment-box'), { api: BASE, thread: 't2' }));
    await waitUntil(() => prompt()!.querySelector('a')!.textContent === 'Log in', 'not renamed');
    expect([...prompt()!.querySelectorAll('a')].map((a) => a.textContent)).to.deep.equal(['Log in', 'Sign Up']);
    expect(prompt()!.textContent).to.include('You must be logged in to comment.');
    expect(box.shadowRoot!.querySelector('h2')!.textContent).to.equal('Comments (0)');
    expect(box.shadowRoot!.querySelector('.empty')!.textContent).to.equal('No comments yet');
  });

  it('warns about JSON it cannot use, naming the script and the key, and keeps the rest', async () => {
    const warnings = await captureWarnings(() => {
      declare('{"signUp": "Join", "sigIn": "x", "comments": "3 comments", "noComments": 3}', 'en-NZ');
      declare('{not json', 'en-NZ');
      declare('["signIn"]', 'en-NZ');
      readDeclaredMessages();
      readDeclaredMessages();
    });
    expect(messagesFor('en-NZ').signUp).to.equal('Join');
    expect(messagesFor('en-NZ').noComments).to.equal('No comments yet');
    expect(warnings).to.have.length(5);
    expect(warnings[0]).to.include('<script data-inkwell-messages lang="en-NZ">').and.include('"sigIn": not one of');
    expect(warnings[1]).to.include('"comments": must be plural forms');
    expect(warnings[2]).to.include('"noComments": must be a string');
    expect(warnings[3]).to.include('not a JSON object');
    expect(warnings[4]).to.include('not a JSON object');
  });
});

describe('strings a page declares before its elements', () => {
  it('shows them at the first render, though their reader is fetched on demand', async () => {
    declare('{"minutesRead": {"one": "{n} minute of reading", "other": "{n} minutes of reading"}}', 'en-AU');
    await import('../../src/reading-time/define.js');
    const holder = await fixture<HTMLElement>(html`<div lang="en-AU"><reading-time minutes="3"></reading-time></div>`);
    const element = holder.querySelector('reading-time')!;
    await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(element.shadowRoot!.querySelector('time')?.textContent).to.equal('3 minutes of reading');
  });
});

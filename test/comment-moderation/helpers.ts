// Shared by the <comment-moderation> tests: the fake API installed per test and ways to read the element.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comment-moderation/define.js';
import type { CommentModeration } from '../../src/comment-moderation/comment-moderation.js';
import { FakeModerationApi, sampleInbox, type FakeModerationOptions } from '../../mocks/moderation-api.js';

export const BASE = '/mod/v1';
export const TOKEN = 'moderator-token';

let current: FakeModerationApi | undefined;

/** The fake API of the running test. */
export const fake = (): FakeModerationApi => current!;

/** Installs a fake API (the sample inbox unless `options` say otherwise), replacing the previous one. */
export function installFake(options: Partial<FakeModerationOptions> = {}): FakeModerationApi {
  current?.uninstall();
  current = new FakeModerationApi({ base: BASE, ...sampleInbox(), ...options }).install();
  return current;
}

afterEach(() => {
  current?.uninstall();
  current = undefined;
});

/** Mounts the element by markup over a fresh fake API and waits until the inbox is no longer loading. */
export async function mount(attributes = `token="${TOKEN}"`, options: Partial<FakeModerationOptions> = {}): Promise<CommentModeration> {
  installFake(options);
  const holder = await fixture<HTMLElement>(html`<div></div>`);
  holder.innerHTML = `<comment-moderation api="${BASE}" ${attributes}></comment-moderation>`;
  const el = holder.querySelector('comment-moderation') as CommentModeration;
  await waitUntil(() => !el.shadowRoot?.querySelector('section[aria-busy="true"]') && el.shadowRoot?.querySelector('section'), 'did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

export const $ = (el: CommentModeration, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
export const keys = (el: CommentModeration) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.item')].map((li) => li.dataset.key);
export const item = (el: CommentModeration, key: string) => el.shadowRoot!.querySelector<HTMLElement>(`li.item[data-key="${key}"]`)!;
export const button = (el: CommentModeration, key: string, action: string) => item(el, key).querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
/** The live region's words. */
export const status = (el: CommentModeration) => $(el, '[role="status"]')!.textContent!.trim();
/** The requests that change something. */
export const writes = () => fake().requests.filter((r) => r.method !== 'GET');

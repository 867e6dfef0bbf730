import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CommentModeration } from '../../src/comment-moderation/comment-moderation.js';
import { BASE, TOKEN, fake, installFake, mount, $, keys } from './helpers.js';

describe('<comment-moderation> states', () => {
  it('says what to do when signed out, and when the account is not a moderator', async () => {
    const signedOut = await mount('login-url="/sign-in.html"');
    expect($(signedOut, '.state')!.textContent).to.include('Sign in with a moderator account');
    expect(($(signedOut, '.state a') as HTMLAnchorElement).href).to.include('/sign-in.html?return=');
    expect(fake().requests, 'nothing asked without a token').to.deep.equal([]);
    const reader = await mount(`token="reader"`, { refuse: 403 });
    await waitUntil(() => $(reader, '.state')?.textContent?.includes('not a moderator'));
    expect($(reader, 'form.filters')).to.equal(null);
  });

  it('shows loading, then a failure with Try again', async () => {
    installFake({ hang: true });
    const loading = await fixture<CommentModeration>(html`<comment-moderation api=${BASE} token=${TOKEN} no-live></comment-moderation>`);
    expect($(loading, '.state')!.textContent).to.include('Loading the inbox');
    expect($(loading, 'section')!.getAttribute('aria-busy')).to.equal('true');
    installFake();
    fake().fail('offline', 'offline', 'offline', 'offline', 'offline', 'offline');
    const failed = await fixture<CommentModeration>(html`<comment-moderation api=${BASE} token=${TOKEN} no-live></comment-moderation>`);
    await waitUntil(() => $(failed, '.state')?.textContent?.includes('could not be loaded'), 'failure shown', { timeout: 8000 });
    const retry = $(failed, '.state button')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    retry.click();
    await waitUntil(() => keys(failed).length === 4, 'loaded on retry', { timeout: 5000 });
  }).timeout(20000);

});

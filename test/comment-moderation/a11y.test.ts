import { expect } from '@open-wc/testing';
import { mount, $ } from './helpers.js';

describe('<comment-moderation> accessibility', () => {
  it('is accessible, with its list, with the help open and signed out', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    ($(el, 'dialog.help') as HTMLDialogElement).showModal();
    await expect(el).to.be.accessible();
    ($(el, 'dialog.help') as HTMLDialogElement).close();
    const signedOut = await mount('');
    await expect(signedOut).to.be.accessible();
  });

});

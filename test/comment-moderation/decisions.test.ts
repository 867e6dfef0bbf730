import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ItemModeratedEvent } from '../../src/comment-moderation/events.js';
import { TOKEN, fake, mount, $, keys, item, button, status, writes } from './helpers.js';

describe('<comment-moderation> decisions', () => {
  it('approves at once, tells the server, announces it, and takes it back with Undo', async () => {
    const el = await mount(`token="${TOKEN}"`, { delayMs: 150 });
    setTimeout(() => button(el, 'comment:c_1', 'approve').click());
    const event = (await oneEvent(el, 'item-moderated')) as ItemModeratedEvent;
    expect(event.detail).to.deep.equal({ kind: 'comment', id: 'c_1', action: 'approve', undone: false });
    expect(writes().map((r) => [r.method, r.path, r.body])).to.deep.equal([['PATCH', '/comments/c_1', { status: 'published' }]]);
    await waitUntil(() => status(el) === 'Approve: 1 item.', 'announced');
    expect(keys(el)).not.to.include('comment:c_1');
    const undo = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice button')].find((b) => b.textContent!.trim() === 'Undo')!;
    undo.click();
    await waitUntil(() => keys(el).includes('comment:c_1'), 'back in the list');
    expect(writes().at(-1)!.body).to.deep.equal({ status: 'pending' });
    await waitUntil(() => status(el) === 'Undone.');
  });

  it('removes the item before the server answers', async () => {
    const el = await mount(`token="${TOKEN}"`, { delayMs: 0 });
    fake().options.delayMs = 300;
    button(el, 'typo-report:t_1', 'approve').click();
    await el.updateComplete;
    expect(keys(el), 'gone at once').not.to.include('typo-report:t_1');
    await waitUntil(() => writes().length === 1);
    expect(writes()[0]!.body).to.deep.equal({ status: 'fixed' });
  });

  it('puts an item back and says why when the server refuses the decision', async () => {
    const el = await mount();
    await waitUntil(() => item(el, 'comment:c_2').querySelector('blockquote')?.textContent?.includes('aloud'), 'context loaded first');
    fake().fail({ status: 500, body: { error: { code: 'oops', message: 'database away' } } });
    button(el, 'comment:c_2', 'spam').click();
    await waitUntil(() => status(el).startsWith('Not saved'), 'failure announced');
    expect(status(el)).to.include('database away');
    expect(keys(el)).to.include('comment:c_2');
    expect($(el, '.notice button'), 'nothing to undo').to.equal(null);
  });

  it('waits before deleting, so Undo can stop it; leaving the page sends it', async () => {
    const el = await mount();
    button(el, 'comment:c_1', 'delete').click();
    await waitUntil(() => status(el) === 'Delete: 1 item.');
    expect(fake().requests.some((r) => r.method === 'DELETE')).to.equal(false);
    $(el, '.notice button')!.click();
    await waitUntil(() => keys(el).includes('comment:c_1'));
    button(el, 'comment:c_2', 'delete').click();
    await waitUntil(() => !keys(el).includes('comment:c_2'));
    el.remove();
    await waitUntil(() => fake().requests.some((r) => r.method === 'DELETE'));
    expect(fake().requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).to.deep.equal(['/comments/c_2']);
  });

  it('decides for a selection at once, comments and typo reports alike', async () => {
    const el = await mount();
    const all = $(el, '.toolbar input[type="checkbox"]') as HTMLInputElement;
    all.click();
    await el.updateComplete;
    expect($(el, '.toolbar')!.textContent).to.include('4 selected');
    const reject = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent!.trim() === 'Reject')!;
    reject.click();
    await waitUntil(() => writes().length === 4);
    expect(writes().map((r) => [r.path, (r.body as { status: string }).status]).sort()).to.deep.equal([
      ['/comments/c_1', 'rejected'],
      ['/comments/c_2', 'rejected'],
      ['/comments/c_3', 'rejected'],
      ['/typo-reports/t_1', 'dismissed'],
    ]);
    await waitUntil(() => $(el, '.state')?.textContent?.includes('Nothing to moderate'));
    await waitUntil(() => status(el) === 'Reject: 4 items.', 'announced');
  });

  it('bans a reader, hiding their comments when asked, and lifts the ban with Undo', async () => {
    const el = await mount();
    button(el, 'comment:c_1', 'ban').click();
    const dialog = $(el, 'dialog.ban') as HTMLDialogElement;
    await waitUntil(() => dialog.open);
    expect(dialog.querySelector('h2')!.textContent).to.equal('Ban \u2068Grace\u2069?');
    (dialog.querySelector('input[name="hide"]') as HTMLInputElement).click();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => fake().bans.has('u_grace'));
    expect(fake().bans.get('u_grace'), 'hideComments').to.equal(true);
    expect(dialog.open).to.equal(false);
    await waitUntil(() => status(el) === 'Ban reader: 1 item.');
    $(el, '.notice button')!.click();
    await waitUntil(() => !fake().bans.has('u_grace'));
  });

  it('pins a published top-level comment and offers no pin for replies', async () => {
    const el = await mount(`token="${TOKEN}" status="approved"`);
    expect(button(el, "comment:c_parent", "pin")).to.not.equal(null);
    button(el, 'comment:c_parent', 'pin').click();
    await el.updateComplete;
    expect(button(el, "comment:c_parent", "unpin"), "shown at once").to.not.equal(null);
    await waitUntil(() => writes().some((r) => r.method === 'PUT' && r.path === '/comments/c_parent/pin'));
  });

});

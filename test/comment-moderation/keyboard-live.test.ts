import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { heldComment, typoReport } from '../../mocks/moderation-api.js';
import { TOKEN, fake, mount, $, keys, item, status, writes } from './helpers.js';

describe('<comment-moderation> keyboard and live arrivals', () => {
  it('moves with j and k, acts with a, r and s, selects with x, and shows help with ?', async () => {
    const el = await mount();
    item(el, 'comment:c_1').focus();
    await sendKeys({ press: 'j' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(item(el, 'comment:c_2'));
    expect(item(el, 'comment:c_2').getAttribute('aria-current')).to.equal('true');
    await sendKeys({ press: 'k' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'a' });
    await waitUntil(() => writes().length === 1);
    expect(writes()[0]!.path).to.equal('/comments/c_2');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'the next item takes its place').to.equal(item(el, 'typo-report:t_1'));
    await sendKeys({ press: 'x' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'x' });
    await sendKeys({ press: 'r' });
    await waitUntil(() => writes().length === 3);
    expect(writes().slice(1).map((r) => r.path).sort()).to.deep.equal(['/comments/c_3', '/typo-reports/t_1']);
    await sendKeys({ press: 's' });
    await waitUntil(() => writes().length === 4);
    expect(writes()[3]!.body).to.deep.equal({ status: 'spam' });
    await sendKeys({ type: '?' });
    await waitUntil(() => ($(el, 'dialog.help') as HTMLDialogElement).open, 'help opened');
    expect($(el, 'dialog.help')!.textContent).to.include('Next item').and.include('Undo the last decision');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !($(el, 'dialog.help') as HTMLDialogElement).open);
  });

  it('leaves the keys alone while the moderator types in a field', async () => {
    const el = await mount();
    ($(el, 'input[name="thread"]') as HTMLInputElement).focus();
    await sendKeys({ type: 'jars' });
    expect(($(el, 'input[name="thread"]') as HTMLInputElement).value).to.equal('jars');
    expect(writes()).to.deep.equal([]);
    expect(($(el, 'dialog.help') as HTMLDialogElement).open).to.equal(false);
  });

  it('adds items that arrive live and announces them', async () => {
    const el = await mount();
    await waitUntil(() => fake().openStreams === 1, 'the live stream opened');
    const stream = fake().requests.find((r) => r.path === '/moderation/events')!;
    expect(stream.headers.authorization).to.equal(`Bearer ${TOKEN}`);
    fake().arrive({ comment: heldComment('c_new', 'Nadia', 'Just in.', 0) });
    fake().arrive({ report: typoReport('t_new', 'teh', 0) });
    await waitUntil(() => keys(el).includes('comment:c_new') && keys(el).includes('typo-report:t_new'), 'arrived', { timeout: 3000 });
    await waitUntil(() => status(el) === '2 new items');
    el.remove();
    await waitUntil(() => fake().openStreams === 0, 'the stream closed with the element');
  });

  it('opens no live stream with no-live', async () => {
    const el = await mount(`token="${TOKEN}" no-live`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake().requests.some((r) => r.path === '/moderation/events')).to.equal(false);
    expect(keys(el)).to.have.length(4);
  });

});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CommentModeration } from '../../src/comment-moderation/comment-moderation.js';
import { heldComment, typoReport } from '../../mocks/moderation-api.js';
import { captureWarnings } from '../helpers/warnings.js';
import { TOKEN, fake, mount, $, keys, item, button, writes } from './helpers.js';

describe('<comment-moderation>', () => {
  it('is constructed by markup, by createElement and by new', async () => {
    const el = await mount();
    expect(el).to.be.instanceOf(CommentModeration);
    expect(document.createElement('comment-moderation')).to.be.instanceOf(CommentModeration);
    expect(new CommentModeration().localName).to.equal('comment-moderation');
  });

  it('lists held comments and typo reports together, newest first, each in its context', async () => {
    const el = await mount();
    expect(keys(el)).to.deep.equal(['comment:c_1', 'comment:c_2', 'typo-report:t_1', 'comment:c_3']);
    const auth = fake().requests.find((r) => r.path === '/comments')!;
    expect(auth.headers.authorization).to.equal(`Bearer ${TOKEN}`);
    expect(auth.query.get('status')).to.equal('pending');
    await waitUntil(() => item(el, 'comment:c_2').querySelector('blockquote')?.textContent?.includes('aloud'), 'the replied-to comment');
    expect(item(el, 'comment:c_2').querySelector('blockquote')!.textContent).to.include('In reply to Ada');
    const report = item(el, 'typo-report:t_1');
    expect(report.querySelector('mark')!.textContent).to.equal('mistkae');
    expect(report.querySelector('.passage')!.textContent).to.include('before the first edition.');
    expect(report.querySelector<HTMLAnchorElement>('a[target="_blank"]')!.href).to.equal('https://gazette.example/essays/proofreading#:~:text=mistkae');
    expect(report.textContent).to.include('Suggested correction: mistake').and.include('reported 2 times');
    expect(item(el, 'comment:c_3').textContent).to.include('The public reads:').and.include('Ten mistakes');
    expect($(el, '.toolbar')!.textContent).to.include('4 items');
  });

  it('orders oldest first and filters by status, thread and reader', async () => {
    const el = await mount(`token="${TOKEN}" sort="oldest"`);
    expect(keys(el)).to.deep.equal(['comment:c_3', 'typo-report:t_1', 'comment:c_2', 'comment:c_1']);
    expect(fake().requests.find((r) => r.path === '/typo-reports')!.query.get('sort')).to.equal('oldest');
    const select = $(el, 'select[name="status"]') as HTMLSelectElement;
    select.value = 'rejected';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => fake().requests.some((r) => r.path === '/typo-reports' && r.query.get('status') === 'dismissed'));
    expect(fake().requests.some((r) => r.path === '/comments' && r.query.get('status') === 'rejected')).to.equal(true);
    await waitUntil(() => $(el, '.state')?.textContent?.includes('Nothing to moderate'), 'the empty state');
    fake().requests.length = 0;
    ($(el, 'select[name="status"]') as HTMLSelectElement).value = 'held';
    ($(el, 'input[name="reader"]') as HTMLInputElement).value = 'u_grace';
    $(el, 'form.filters button[type="submit"]')!.click();
    await waitUntil(() => keys(el).length === 1, 'one reader');
    expect(keys(el)).to.deep.equal(['comment:c_1']);
    expect(fake().requests.find((r) => r.path === '/comments')!.query.get('reader')).to.equal('u_grace');
    expect(fake().requests.some((r) => r.path === '/typo-reports'), 'typo reports have no reader').to.equal(false);
    expect(el.reader).to.equal('u_grace');
  });

  it('warns about bad attributes and links only http(s) passages', async () => {
    const warnings = await captureWarnings(async () => {
      const el = await mount(`token="${TOKEN}" sort="sideways" status="lost"`, {
        reports: [typoReport('t_bad', 'evil', 1, { fragment: 'javascript:alert(1)', url: 'javascript:alert(2)' })],
      });
      expect(keys(el), 'newest first, as without sort').to.deep.equal(['typo-report:t_bad', 'comment:c_1', 'comment:c_2', 'comment:c_3']);
      const bad = item(el, 'typo-report:t_bad');
      expect(bad.querySelectorAll('a'), 'no link from a javascript: URL').to.have.length(0);
    });
    expect(warnings.some((w) => w.includes('<comment-moderation> sort') && w.includes('sideways'))).to.equal(true);
    expect(warnings.some((w) => w.includes('<comment-moderation> status') && w.includes('lost'))).to.equal(true);
    const noApi = await captureWarnings(async () => {
      const el = await fixture<CommentModeration>(html`<comment-moderation token="x"></comment-moderation>`);
      await el.updateComplete;
      expect($(el, '.state')!.textContent).to.include('could not be loaded');
    });
    expect(noApi.some((w) => w.includes('<comment-moderation> api'))).to.equal(true);
  });
  it('shows what readers wrote as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.__inkwellXss=1"><script>window.__inkwellXss=2</script>';
    const el = await mount(`token="${TOKEN}"`, {
      comments: [heldComment('c_x', '<b>Eve</b>', payload, 1)],
      reports: [typoReport('t_x', '<i>sel</i>', 2, { suggestion: '<u>fix</u>', prefix: '<svg onload=x>', suffix: '</mark>' })],
    });
    const comment = item(el, 'comment:c_x');
    expect(comment.textContent).to.include(payload).and.include('<b>Eve</b>');
    const report = item(el, 'typo-report:t_x');
    expect(report.querySelector('mark')!.textContent).to.equal('<i>sel</i>');
    expect(report.textContent).to.include('<svg onload=x>').and.include('</mark>');
    expect(el.shadowRoot!.querySelectorAll('img, script, b, i, u, svg')).to.have.length(0);
    expect((window as unknown as { __inkwellXss?: number }).__inkwellXss).to.equal(undefined);
  });
  it('lists the comments hidden with a ban, which Approve shows again one by one', async () => {
    const el = await mount(`token="${TOKEN}" status="hidden"`, {
      comments: [heldComment('c_h', 'Mallory', 'Hidden by the ban', 3, { status: 'hidden' }), heldComment('c_p', 'Ada', 'Held', 1)],
    });
    expect(keys(el)).to.deep.equal(['comment:c_h']);
    expect(fake().requests.find((r) => r.path === '/comments')!.query.get('status')).to.equal('hidden');
    expect(fake().requests.some((r) => r.path === '/typo-reports'), 'typo reports are never hidden by a ban').to.equal(false);
    expect(($(el, 'select[name="status"]') as HTMLSelectElement).value).to.equal('hidden');
    const hidden = item(el, 'comment:c_h');
    expect(hidden.textContent).to.include('Hidden with a ban');
    const offered = [...hidden.querySelectorAll<HTMLElement>('[data-action]')].map((b) => b.dataset.action);
    expect(offered).to.include.members(['approve', 'reject', 'delete']).and.not.include('restore');
    button(el, 'comment:c_h', 'approve').click();
    await waitUntil(() => writes().length === 1, 'the decision sent');
    expect(writes()[0]).to.deep.include({ method: 'PATCH', path: '/comments/c_h' });
    expect(writes()[0].body).to.deep.equal({ status: 'published' });
  });
});

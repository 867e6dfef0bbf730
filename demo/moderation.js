// The demo's moderator inbox: held comments and typo reports through the Inkwell API.
// Everything that came from readers is written with textContent; no innerHTML anywhere.
const API = '/v1';
const token = () => localStorage.getItem('inkwell-token');

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'on') for (const [type, fn] of Object.entries(v)) node.addEventListener(type, fn);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

/** Only http(s) links from reports become clickable. */
function safeLink(href, label) {
  try {
    const u = new URL(href);
    if (u.protocol === 'http:' || u.protocol === 'https:') return el('a', { href: u.href, rel: 'noopener noreferrer', target: '_blank', text: label });
  } catch { /* not a URL */ }
  return el('span', { text: label });
}

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(method, path, body) {
  const headers = { authorization: `Bearer ${token()}` };
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(API + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'http_error', data?.error?.message ?? `HTTP ${res.status}`);
  return data;
}

function showAuthProblem(message) {
  const box = $('auth');
  box.replaceChildren(
    document.createTextNode(message + ' '),
    el('a', { href: '/sign-in.html?return=' + encodeURIComponent('/moderation.html'), text: 'Sign in as a moderator' }),
  );
  box.hidden = false;
}

function handleError(err) {
  if (err instanceof ApiError && err.status === 401) {
    showAuthProblem(err.code === 'token_expired' ? 'Your session has expired.' : 'You are not signed in.');
  } else if (err instanceof ApiError && err.status === 403) {
    showAuthProblem('This account is not a moderator.');
  } else {
    $('status').textContent = err.message;
  }
}

const when = (iso) => new Date(iso).toLocaleString();

// --- comments ---
let commentCursor = null;

function commentItem(c) {
  const li = el('li');
  const meta = el('p', { class: 'meta', text: `${c.author.name}${c.author.guest ? ' (guest)' : ''} · ${when(c.createdAt)} · thread “${c.thread}”${c.parentId ? ' · reply' : ''} · ${c.status}${c.editPending ? ' · edit awaiting approval' : ''}` });
  const text = el('p', { class: 'text', text: c.body });
  const actions = el('p', { class: 'actions' });
  const act = (label, status) => el('button', {
    type: 'button', text: label,
    on: { click: async () => {
      try {
        await api('PATCH', `/comments/${encodeURIComponent(c.id)}`, { status });
        $('status').textContent = `Comment by ${c.author.name}: ${status}.`;
        li.remove();
      } catch (err) { handleError(err); }
    } },
  });
  // An edit awaiting approval: approving publishes it, rejecting keeps the text shown now.
  if (c.status !== 'published' || c.editPending) actions.append(act(c.editPending ? 'Approve edit' : 'Approve', 'published'));
  if (c.status !== 'rejected') actions.append(act(c.editPending ? 'Reject edit' : 'Reject', 'rejected'));
  if (c.status !== 'spam') actions.append(act('Mark as spam', 'spam'));
  li.append(meta, text);
  if (c.editPending) li.append(el('p', { class: 'text', text: `Shown now: ${c.publishedBody}` }));
  li.append(actions);
  return li;
}

async function loadComments(more = false) {
  if (!more) { commentCursor = null; $('comments').replaceChildren(); }
  const q = new URLSearchParams({ status: $('comment-status').value, limit: '20' });
  if (commentCursor) q.set('cursor', commentCursor);
  try {
    const page = await api('GET', `/comments?${q}`);
    for (const c of page.comments) $('comments').append(commentItem(c));
    $('comments-total').textContent = `${page.total} in total`;
    commentCursor = page.nextCursor;
    $('comments-more').hidden = !commentCursor;
  } catch (err) { handleError(err); }
}

// --- typo reports ---
let reportCursor = null;

function reportItem(r) {
  const li = el('li');
  const meta = el('p', { class: 'meta' },
    safeLink(r.url, r.title || r.url),
    document.createTextNode(` · ${when(r.updatedAt)} · reported ${r.count}× · ${r.status}`));
  const context = el('p', { class: 'text' },
    document.createTextNode('…' + r.prefix), el('mark', { text: r.selection }), document.createTextNode(r.suffix + '…'));
  li.append(meta, context);
  if (r.suggestion) li.append(el('p', { class: 'text', text: `Suggested: ${r.suggestion}` }));
  if (r.comment) li.append(el('p', { class: 'text', text: `Note: ${r.comment}` }));
  const actions = el('p', { class: 'actions' }, safeLink(r.fragment, 'Show on the page'));
  const act = (label, status) => el('button', {
    type: 'button', text: label,
    on: { click: async () => {
      try {
        await api('PATCH', `/typo-reports/${encodeURIComponent(r.id)}`, { status });
        $('status').textContent = `Typo report “${r.selection}”: ${status}.`;
        if ($('report-status').value === 'all') li.replaceWith(reportItem({ ...r, status })); else li.remove();
      } catch (err) { handleError(err); }
    } },
  });
  if (r.status !== 'fixed') actions.append(act('Fixed', 'fixed'));
  if (r.status !== 'dismissed') actions.append(act('Dismiss', 'dismissed'));
  if (r.status !== 'open') actions.append(act('Reopen', 'open'));
  li.append(actions);
  return li;
}

async function loadReports(more = false) {
  if (!more) { reportCursor = null; $('reports').replaceChildren(); }
  const q = new URLSearchParams({ status: $('report-status').value, limit: '20' });
  if (reportCursor) q.set('cursor', reportCursor);
  try {
    const page = await api('GET', `/typo-reports?${q}`);
    for (const r of page.reports) $('reports').append(reportItem(r));
    $('reports-total').textContent = `${page.total} in total`;
    reportCursor = page.nextCursor;
    $('reports-more').hidden = !reportCursor;
  } catch (err) { handleError(err); }
}

function start() {
  if (!token()) {
    showAuthProblem('You are not signed in.');
    return;
  }
  $('comment-status').addEventListener('change', () => loadComments());
  $('comments-refresh').addEventListener('click', () => loadComments());
  $('comments-more').addEventListener('click', () => loadComments(true));
  $('report-status').addEventListener('change', () => loadReports());
  $('reports-refresh').addEventListener('click', () => loadReports());
  $('reports-more').addEventListener('click', () => loadReports(true));
  loadComments();
  loadReports();
}

start();

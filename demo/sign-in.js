// Demo sign-in: asks the development server for a token for a made-up reader and keeps it in
// localStorage under `inkwell-token`, then returns to the page named by `?return=` (same origin only: a
// path, or the absolute URL that <comment-box> sends).
const KEY = 'inkwell-token';

/**
 * The `return` parameter as a same-origin path, or `/`. It may be a path or, as `<comment-box>` sends it, the
 * page's absolute URL; either way only this origin's http(s) pages are returned to.
 */
export function safeReturn(search, origin) {
  const raw = new URLSearchParams(search).get('return');
  if (!raw) return '/';
  const isPath = raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\');
  if (!isPath && !/^https?:\/\//i.test(raw)) return '/';
  try {
    const url = new URL(raw, origin);
    // A path of `//host` would leave the origin when assigned: `http://this.origin//evil.example/`.
    if (url.origin !== origin || url.pathname.startsWith('//')) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (ch) => ch.charCodeAt(0))));
  } catch {
    return null;
  }
}

function showCurrent() {
  const current = document.getElementById('current');
  const signOut = document.getElementById('sign-out');
  const token = localStorage.getItem(KEY);
  const c = token ? claims(token) : null;
  if (c && c.exp * 1000 > Date.now()) {
    const until = new Date(c.exp * 1000).toLocaleTimeString();
    current.textContent = `Signed in as ${c.name}${c.role ? ` (${c.role})` : ''} until ${until}.`;
    current.hidden = false;
    signOut.hidden = false;
  } else {
    current.hidden = true;
    signOut.hidden = true;
  }
}

function start() {
  const form = document.getElementById('sign-in');
  const status = document.getElementById('status');
  showCurrent();
  document.getElementById('sign-out').addEventListener('click', () => {
    localStorage.removeItem(KEY);
    status.textContent = 'Signed out.';
    showCurrent();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = form.elements.name.value.trim();
    if (!name) return;
    status.textContent = 'Signing in…';
    try {
      const res = await fetch('/demo/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, role: form.elements.moderator.checked ? 'moderator' : 'reader' }),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok || !body || typeof body.token !== 'string') {
        status.textContent = body?.error?.message ?? `Sign-in failed (HTTP ${res.status}).`;
        return;
      }
      localStorage.setItem(KEY, body.token);
      location.assign(safeReturn(location.search, location.origin));
    } catch {
      status.textContent = 'The server did not answer.';
    }
  });
}

if (typeof document !== 'undefined') start();

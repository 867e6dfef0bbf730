const probed = new Set<string>();

/**
 * Tells a refused cross-origin API from one that is down, after a request to `url` failed with no
 * answer: the browser reports both as the same network error. A `no-cors` request gets an (unreadable)
 * answer from a server that is up, so an answer means the server's CORS settings do not list this page's
 * origin. That is said once per API origin, with the setting that fixes it.
 */
export function diagnoseNetworkFailure(url: string): void {
  const target = new URL(url, location.href);
  if (target.origin === location.origin || probed.has(target.origin)) return;
  probed.add(target.origin);
  // The API base ends in /v1 (see endpoint.ts); its health check is the cheapest thing to ask.
  const at = target.pathname.indexOf('/v1/');
  const probe = at < 0 ? target.href : `${target.origin}${target.pathname.slice(0, at)}/v1/health`;
  fetch(probe, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' }).then(
    () =>
      console.error(
        `[inkwell] The Inkwell API at ${target.origin} is up but does not allow this page's origin (${location.origin}), so the browser hides its answers (CORS). ` +
          `Fix: start the server with INKWELL_CORS_ORIGINS=${location.origin} (several sites separated by commas).`,
      ),
    // Down or offline: ask again after a later failure, in case it comes up refusing us.
    () => probed.delete(target.origin),
  );
}

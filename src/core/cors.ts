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
  fetch(target.href.replace(/\/v1\/.*/, '/v1/health'), { mode: 'no-cors', credentials: 'omit' }).then(
    () => console.error(`[inkwell] The API at ${target.origin} is up but refuses this page's origin (CORS). Fix: INKWELL_CORS_ORIGINS=${location.origin} on the server`),
    // Down or offline: ask again after a later failure, in case it comes up refusing us.
    () => probed.delete(target.origin),
  );
}

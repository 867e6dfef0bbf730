import { safeUrl } from './url.js';

function meta(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() || undefined;
}

/**
 * The API base URL: the element's `api` attribute, else `<meta name="inkwell-api">`; checked like any URL.
 * Given with or without the version, it ends in `/v1` without a trailing slash: `https://comments.example`
 * and `https://comments.example/v1/` both become `https://comments.example/v1`.
 */
export function apiBase(element: Element, api: string | undefined): string | undefined {
  const given = api?.trim() ? api : meta('inkwell-api');
  const base = safeUrl(given, element, api?.trim() ? 'api' : 'meta[name=inkwell-api]')?.replace(/\/+$/, '');
  return base === undefined || base.endsWith('/v1') ? base : `${base}/v1`;
}

/** The signed-in reader's token: the element's `token`, else `<meta name="inkwell-token">`. */
export function readerToken(token: string | undefined): string | undefined {
  return token?.trim() || meta('inkwell-token');
}

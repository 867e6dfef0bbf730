import { safeUrl } from './url.js';

function meta(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() || undefined;
}

/** The API base URL: the element's `api` attribute, else `<meta name="inkwell-api">`; checked like any URL. */
export function apiBase(element: Element, api: string | undefined): string | undefined {
  const given = api?.trim() ? api : meta('inkwell-api');
  return safeUrl(given, element, api?.trim() ? 'api' : 'meta[name=inkwell-api]')?.replace(/\/+$/, '');
}

/** The signed-in reader's token: the element's `token`, else `<meta name="inkwell-token">`. */
export function readerToken(token: string | undefined): string | undefined {
  return token?.trim() || meta('inkwell-token');
}

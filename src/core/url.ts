import { warnAbout } from './warn.js';
import { SERVER_SIDE } from './server.js';

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The URL if it may become an `href` or `src`: http(s), or relative to the page. Anything else
 * (`javascript:`, `data:`, `vbscript:` …) is dropped with a warning naming the element and attribute.
 */
export function safeUrl(value: string | null | undefined, element: Element, attribute: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let parsed: URL;
  try {
    // The server (which knows no page) checks a relative URL against a base of its own. The drop-in files, which never
    // run there, always take the page's (a Lit element hydrating has serverView: its relative URLs pass either way).
    parsed = new URL(trimmed, SERVER_SIDE && (element as { serverView?: boolean }).serverView ? 'http://server.invalid/' : element.ownerDocument.baseURI);
  } catch {
    warnAbout(element, attribute, 'notUrl', trimmed);
    return undefined;
  }
  if (SAFE_PROTOCOLS.has(parsed.protocol)) return trimmed;
  warnAbout(element, attribute, 'badProtocol', parsed.protocol);
  return undefined;
}

/** A `srcset` whose every candidate URL passes `safeUrl`; otherwise undefined, with the warning. */
export function safeSrcset(value: string | null | undefined, element: Element, attribute: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const candidates = trimmed.split(/,\s+/);
  const allSafe = candidates.every((candidate) => safeUrl(candidate.trim().split(/\s+/)[0], element, attribute) !== undefined);
  return allSafe ? trimmed : undefined;
}

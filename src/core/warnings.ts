/**
 * What the warnings about bad input say (warn.ts): after the element and the attribute, the value and what
 * is shown instead. A chunk of its own, fetched with the first warning: a page whose markup is right never
 * downloads these words.
 */
export const problems = {
  notOneOf: (value: unknown, allowed: readonly string[], fallback: string) =>
    `"${String(value)}" is not one of ${allowed.join(', ')}; using ${fallback}`,
  notCount: (value: unknown, min: number) => `"${String(value)}" is not a number of at least ${min}; it is ignored`,
  notUrl: (value: string) => `"${value}" is not a URL; it is ignored`,
  badProtocol: (protocol: string) => `"${protocol}" URLs are not allowed (only http:, https: and relative URLs); it is ignored`,
  nothingToCount: () => 'found no element to count: give for="id-of-the-article", or put the element in an <article> or <main>; nothing is shown',
  noTargetCounting: (id: string) => `no element has id "${id}"; counting the nearest <article> or <main> instead`,
  notMinutes: (value: unknown) => `"${String(value)}" is not a positive number of minutes; counting the article instead`,
  notWpm: (value: unknown) => `"${String(value)}" is not a positive number of words per minute; using the research rate for the text's language`,
  noHeadline: () => 'missing: give headline="…" or a child with slot="headline"',
  noImageAlt: () => 'missing: describe the image, or give image-alt="" when it is decorative',
  notDate: (value: string) => `"${value}" is not an ISO 8601 date; it is not shown`,
  nowhereToReport: () =>
    'reports have nowhere to go, so the hint and Ctrl+Enter are off: give api="…" (or <meta name="inkwell-api">), email="…", or site-delivery when the page handles the typo-reported event',
  noTargetReporting: (id: string) => `no element has id "${id}"; the whole page can be reported instead`,
};

/** Another copy of the script, or another library, registered `tag` first (define.ts). */
export const alreadyDefined = (tag: string, theirs: string | undefined, ours: string | undefined) =>
  `[inkwell] <${tag}> is already defined by ${theirs ? `Inkwell ${theirs}` : 'another script'}; this copy (Inkwell ${ours ?? '?'}) ` +
  'was not registered. Is the Inkwell script included twice on this page?';

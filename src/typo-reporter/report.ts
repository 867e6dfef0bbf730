/** What the author receives: enough to find and fix the mistake in seconds. */
export interface TypoReport {
  /** The page's canonical URL (else its address without the #fragment). */
  url: string;
  title: string;
  lang: string;
  selection: string;
  /** Text just before and after the selection, widened until it is unique on the page. */
  prefix: string;
  suffix: string;
  /** The page URL with a text fragment (`#:~:text=…`) that scrolls a browser to the passage. */
  fragment: string;
  /** The reader's correction; empty when it was left as the selected text. */
  suggestion: string;
  comment: string;
  /** The article's modified date, when the page states it. */
  modifiedAt?: string;
}

/** The page's canonical URL, else its own address without the fragment. */
export function pageUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return (canonical && /^https?:/.test(canonical) ? canonical : location.href).split('#')[0];
}

/** The modified date a CMS states in the usual places (Open Graph, schema.org microdata). */
export function modifiedDate(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="article:modified_time"], meta[itemprop="dateModified"]');
  const time = document.querySelector('[itemprop="dateModified"][datetime]');
  return meta?.content || time?.getAttribute('datetime') || undefined;
}

/** A `mailto:` URL with the report written out, for sites without an API. */
export function mailtoUrl(email: string, subject: string, report: TypoReport): string {
  const body = [
    `“…${report.prefix} [${report.selection}] ${report.suffix}…”`,
    '',
    ...(report.suggestion ? [`→ ${report.suggestion}`] : []),
    report.comment,
    '',
    report.fragment,
  ].join('\n');
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

import { readerToken } from '../core/endpoint.js';
import { request } from '../core/http.js';
import { mailtoUrl, type TypoReport } from './report.js';
import type { components } from '../core/api-types.js';

type TypoReceipt = components['schemas']['TypoReceipt'];

/** Where a report goes: the API at `base`, else the mail program for `email`, else nowhere (the site took it). */
export interface Delivery {
  base?: string;
  token?: string;
  idempotencyKey: string;
  email: string;
  mailSubject: string;
  openMail: (url: string) => void;
}

/** Sends `report` to the API, or opens it as an e-mail; resolves with the API's id. */
export async function deliverReport(report: TypoReport, { base, token, idempotencyKey, email, mailSubject, openMail }: Delivery): Promise<string | undefined> {
  if (base) {
    const body: Record<string, string> = { ...report };
    for (const key of ['suggestion', 'comment', 'modifiedAt'] as const) if (!report[key]) delete body[key];
    const receipt = await request<Partial<TypoReceipt>>(`${base}/typo-reports`, {
      method: 'POST',
      body,
      token: readerToken(token),
      idempotencyKey,
      retries: 1,
    });
    return receipt?.id;
  }
  if (email) openMail(mailtoUrl(email, mailSubject, report));
  // Otherwise the site's own listener took the report (site-delivery).
  return undefined;
}

import { createHmac } from 'node:crypto';

export type WebhookEvent = 'comment.created' | 'typo-report.created';

/** What one delivery attempt needs; `body` is the stored JSON, the same on every attempt. */
export interface WebhookAttempt {
  url: string;
  secret: string | null;
  type: string;
  body: string;
  attempt: number;
  signal: AbortSignal;
}

/**
 * One webhook POST. Resolves on a 2xx answer, rejects otherwise; retries are the outbox's business.
 *
 * Signature: `X-Inkwell-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`,
 * keyed with INKWELL_WEBHOOK_SECRET; the timestamp lets receivers refuse replays.
 */
export async function postWebhook(a: WebhookAttempt): Promise<void> {
  const t = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'inkwell-webhooks/1',
    'x-inkwell-event': a.type,
    'x-inkwell-attempt': String(a.attempt),
  };
  if (a.secret) headers['x-inkwell-signature'] = `t=${t},v1=${signWebhook(a.secret, t, a.body)}`;
  const res = await fetch(a.url, {
    method: 'POST', headers, body: a.body, redirect: 'manual',
    signal: AbortSignal.any([a.signal, AbortSignal.timeout(10_000)]),
  });
  await res.body?.cancel().catch(() => {});
  if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed link lets its holder do, without signing in. */
export type LinkAction =
  /** Stop reply mails of one subscription (one thread). */
  | { do: 'thread'; thread: string; subscriber: string; email: string }
  /** Stop every reply mail to an address. */
  | { do: 'all'; email: string }
  /** Confirm a guest's address (double opt-in); `at`: when the link was made. */
  | { do: 'confirm'; email: string; at: number };

/** A confirmation link works for a week; unsubscribe links for ever (an old mail must still stop the next). */
const CONFIRM_VALID_MS = 7 * 86_400_000;

/**
 * Confirmation and unsubscribe links, signed with a server secret (HMAC-SHA256 with `mail_link_key`,
 * kept in the database so every process agrees): `<origin>/mail/<unsubscribe|confirm>?t=<payload>.<signature>`.
 * The payload names an e-mail by its hash, never the address itself.
 */
export class MailLinks {
  constructor(
    private readonly key: string,
    /** The API's public origin (INKWELL_PUBLIC_URL, else the address the server listens on). */
    private readonly origin: () => string,
  ) {}

  /** The key an address is known by: the lower-cased address, hashed with the server's key. */
  emailHash(address: string): string {
    return createHmac('sha256', this.key).update('email:' + address.trim().toLowerCase()).digest('base64url').slice(0, 32);
  }

  url(action: LinkAction): string {
    const payload = Buffer.from(JSON.stringify(action)).toString('base64url');
    const page = action.do === 'confirm' ? 'confirm' : 'unsubscribe';
    return `${this.origin()}/mail/${page}?t=${payload}.${this.sign(payload)}`;
  }

  /** The action of a link's `t`, or null when it is malformed, forged or (confirmation) expired. */
  read(token: unknown, now = Date.now()): LinkAction | null {
    if (typeof token !== 'string' || token.length > 2000) return null;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let action: LinkAction;
    try {
      action = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkAction;
    } catch {
      return null;
    }
    if (action.do === 'confirm' && !(now - action.at <= CONFIRM_VALID_MS)) return null;
    return action;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update('link:' + payload).digest('base64url');
  }
}

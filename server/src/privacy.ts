import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client address as a keyed hash: what limits, idempotency records and logs use instead of the address. */
    addressHash: string;
  }
}

/**
 * Keyed hash (HMAC-SHA256) of client addresses and guests' browser ids. The key is random and kept in
 * the database's meta table (`address_key`), so every process derives the same hashes and nobody
 * without the database can tell which address a hash stands for.
 */
export class AddressHasher {
  constructor(private readonly key: string) {}

  hash(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url').slice(0, 22);
  }
}

/** Addresses whose hashes are kept: far more than the clients a node serves at once, a few hundred KB at most. */
const REMEMBERED_ADDRESSES = 4096;

/**
 * Gives every request `addressHash` (computed when read). The global rate limit reads it on every
 * request, and an HMAC per request cost more than routing it; the hashes of recent addresses are kept
 * (in memory only, forgotten all at once when the table is full).
 */
export function installAddressHashing(app: FastifyInstance, hasher: AddressHasher): void {
  const recent = new Map<string, string>();
  app.decorateRequest('addressHash', {
    getter(this: FastifyRequest) {
      const ip = this.ip;
      let hash = recent.get(ip);
      if (hash === undefined) {
        if (recent.size >= REMEMBERED_ADDRESSES) recent.clear();
        recent.set(ip, (hash = 'a_' + hasher.hash(ip)));
      }
      return hash;
    },
  });
}

/**
 * The idempotency namespace of a writer without a token: their browser's id when it sent one (hashed
 * too, so the database holds no long-lived browser identifier), else their address's hash. Guests
 * behind one address (an office, a mobile carrier's NAT) then never see each other's stored answers.
 */
export function guestPrincipal(request: FastifyRequest, hasher: AddressHasher): string {
  const id = request.headers['inkwell-client'];
  return typeof id === 'string' ? 'guest:' + hasher.hash('client:' + id) : 'addr:' + request.addressHash;
}

/** pino serializer of the request log line: method, URL and the hashed address; never the address or port. */
export function serializeRequest(req: FastifyRequest): { method: string; url: string; address?: string } {
  return { method: req.method, url: req.url, address: req.addressHash };
}

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

/** Gives every request `addressHash` (computed when read: most requests never need it). */
export function installAddressHashing(app: FastifyInstance, hasher: AddressHasher): void {
  app.decorateRequest('addressHash', {
    getter(this: FastifyRequest) {
      return 'a_' + hasher.hash(this.ip);
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

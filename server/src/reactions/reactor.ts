/** Who reacts: a signed-in reader by their author id, a guest (where allowed) by their browser's id. */
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { ApiError } from '../http/errors.js';
import { guestPrincipal } from '../privacy.js';
import { ClientIdHeader } from '../http/schemas.js';

const CLIENT_ID = new RegExp(ClientIdHeader.pattern!);

/**
 * The reactor of a write. A guest's `Inkwell-Client` id is hashed (privacy.ts), so the table holds no
 * browser identifier; it is what "one reaction per kind" means for guests: one per browser, not per
 * person. The per-address limit bounds what a script minting ids can add.
 */
export function reactorOf(ctx: Ctx, request: FastifyRequest): string {
  if (request.viewer) return request.viewer.authorId;
  if (!ctx.config.guestReactions) throw new ApiError(401, 'auth_required', 'Sign in to react');
  if (typeof request.headers['inkwell-client'] !== 'string') {
    throw new ApiError(422, 'invalid_input', 'Guests send the Inkwell-Client header to react', 'inkwell-client');
  }
  return guestPrincipal(request, ctx.addresses);
}

/** The reader whose own reactions a listing marks (`mine`), if any: never an error, a listing is for everyone. */
export function listingReactor(ctx: Ctx, request: FastifyRequest): string | null {
  if (request.viewer) return request.viewer.authorId;
  if (!ctx.config.guestReactions || typeof request.headers['inkwell-client'] !== 'string') return null;
  if (!CLIENT_ID.test(request.headers['inkwell-client'])) return null;
  return guestPrincipal(request, ctx.addresses);
}

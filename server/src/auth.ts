import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { FastifyRequest } from 'fastify';
import { isEmail, type Config } from './config.js';
import { ApiError } from './http/errors.js';

const CLOCK_TOLERANCE = 30;

export type Role = 'reader' | 'moderator' | 'admin';

export interface Viewer {
  /** Opaque public author id derived from `sub`. */
  authorId: string;
  name: string;
  picture: string | null;
  role: Role;
  /** Threads whose article this reader wrote, from the site-signed `authorOf` claim: their comments there carry the "Author" label. */
  authorOf?: string[];
  /** The `email` claim: the host site vouches for the address, so reply notifications need no confirmation. */
  email?: string;
}

export function isModerator(v: Viewer | null): boolean {
  return v !== null && (v.role === 'moderator' || v.role === 'admin');
}

/** The `authorOf` claim: thread ids (at most 100 of at most 256 characters); anything else is ignored. */
function threadList(claim: unknown): string[] {
  if (!Array.isArray(claim)) return [];
  return claim.filter((t): t is string => typeof t === 'string' && t.length > 0 && t.length <= 256).slice(0, 100);
}

export class Authenticator {
  /** A KeyObject, which jose turns into a CryptoKey once and keeps; from bytes it imports the key on every verification. */
  private readonly secret: KeyObject | null;
  private readonly jwks: JWTVerifyGetKey | null;

  constructor(
    private readonly config: Config,
    private readonly authorKey: string,
  ) {
    this.secret = config.jwtSecret ? createSecretKey(new TextEncoder().encode(config.jwtSecret)) : null;
    this.jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  }

  authorIdFor(sub: string): string {
    return 'u_' + createHmac('sha256', this.authorKey).update(sub).digest('base64url').slice(0, 22);
  }

  /** The reader behind the request's bearer token; null without one; ApiError 401 for a bad one. */
  async viewer(request: FastifyRequest): Promise<Viewer | null> {
    const header = request.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new ApiError(401, 'token_invalid', 'The Authorization header must be "Bearer <token>"');
    return this.verify(match[1]!);
  }

  async verify(token: string): Promise<Viewer> {
    let payload;
    try {
      const options = {
        audience: this.config.jwtAudience,
        ...(this.config.jwtIssuer ? { issuer: this.config.jwtIssuer } : {}),
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE,
      };
      // The accepted algorithms are pinned per key type, so a token cannot pick its own (no `none`,
      // no HS256 signed with a public key).
      if (this.jwks) {
        try {
          ({ payload } = await jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256', 'ES256'] }));
        } catch (err) {
          if (!this.secret || !(err instanceof joseErrors.JOSEAlgNotAllowed)) throw err;
          ({ payload } = await jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] }));
        }
      } else {
        ({ payload } = await jwtVerify(token, this.secret!, { ...options, algorithms: ['HS256'] }));
      }
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        throw new ApiError(401, 'token_expired', 'Your session has expired; sign in again');
      }
      if (err instanceof joseErrors.JWTClaimValidationFailed) {
        if (err.claim === 'aud') throw new ApiError(401, 'token_wrong_audience', 'The token was issued for another audience');
        if (err.claim === 'iss') throw new ApiError(401, 'token_wrong_issuer', 'The token was issued by another issuer');
        throw new ApiError(401, 'token_invalid', `The token's "${err.claim}" claim is missing or invalid`);
      }
      throw new ApiError(401, 'token_invalid', 'The token is not valid (bad signature, algorithm or format)');
    }
    const sub: unknown = payload.sub;
    const name = typeof payload.name === 'string' ? payload.name.trim() : '';
    if (typeof sub !== 'string' || !sub || sub.length > 256) throw new ApiError(401, 'token_invalid', 'The token has no usable "sub" claim');
    this.checkLifetime(payload.iat, payload.exp!);
    if (!name || name.length > 100) throw new ApiError(401, 'token_invalid', 'The token needs a "name" claim of 1–100 characters');
    const picture = typeof payload.picture === 'string' && /^https:\/\//.test(payload.picture) && payload.picture.length <= 2048
      ? payload.picture : null;
    const role: Role = payload.role === 'moderator' || payload.role === 'admin' ? payload.role : 'reader';
    const viewer: Viewer = { authorId: this.authorIdFor(sub), name, picture, role };
    const authorOf = threadList(payload.authorOf);
    if (authorOf.length) viewer.authorOf = authorOf;
    // A malformed address is ignored like a bad picture: the reader can still comment, just not be notified.
    if (typeof payload.email === 'string' && isEmail(payload.email.trim())) viewer.email = payload.email.trim();
    return viewer;
  }

  /**
   * A leaked token is only as harmless as it is short-lived, so a token may not be valid for longer
   * than INKWELL_JWT_MAX_AGE: counted from `iat`, or from now when it has none. An `iat` in the
   * future would stretch that window, so it is refused too.
   */
  private checkLifetime(iat: number | undefined, exp: number) {
    const now = Math.floor(Date.now() / 1000);
    if (iat !== undefined && iat > now + CLOCK_TOLERANCE) {
      throw new ApiError(401, 'token_invalid', 'The token\'s "iat" claim is in the future');
    }
    if (exp - (iat ?? now) > this.config.jwtMaxAgeSeconds) {
      throw new ApiError(401, 'token_invalid', `The token is valid for longer than this server accepts (${this.config.jwtMaxAgeSeconds} s, INKWELL_JWT_MAX_AGE)`);
    }
  }
}

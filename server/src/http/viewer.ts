import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isModerator, type Authenticator, type Viewer } from '../auth.js';
import { ApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The reader behind the bearer token, once a guard below has looked (null: no token). */
    viewer: Viewer | null;
  }
}

export function installViewer(app: FastifyInstance): void {
  app.decorateRequest('viewer', null);
}

/** The signed-in reader of a route guarded by `signedIn` or `requireModerator`. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new Error(`${request.routeOptions.url} reads its viewer without a sign-in guard`);
  return request.viewer;
}

/**
 * Route pre-handlers (they run after validation, so a bad body is refused before a bad token):
 * `identify` reads the token when there is one, `signedIn` needs one, `requireModerator` needs a moderator's.
 */
export function guards(auth: Authenticator) {
  const identify = async (request: FastifyRequest) => {
    request.viewer = await auth.viewer(request);
  };
  const signedIn = (message: string) => async (request: FastifyRequest) => {
    await identify(request);
    if (!request.viewer) throw new ApiError(401, 'auth_required', message);
  };
  const requireModerator = async (request: FastifyRequest) => {
    await signedIn('Sign in as a moderator')(request);
    if (!isModerator(request.viewer)) throw new ApiError(403, 'forbidden', 'Moderators only');
  };
  return { identify, signedIn, requireModerator };
}

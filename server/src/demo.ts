import path from 'node:path';
import fs from 'node:fs';
import { SignJWT } from 'jose';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { Ctx } from './context.js';
import { ApiError } from './http/errors.js';

/**
 * Why the demo token mint must stay closed under this configuration; null when it may answer
 * (to this machine only). It signs with the configured secret, so a real key closes it for good.
 */
export function demoRefusal(config: Config): string | null {
  if (!config.demo) return 'The demo sign-in is off (start the server with --demo or INKWELL_DEMO=on)';
  if (config.mode !== 'development') return 'The demo sign-in only works in development mode';
  if (!config.devSecret || config.jwksUrl) {
    return 'The demo sign-in stays closed while a real key is configured (INKWELL_JWT_SECRET or INKWELL_JWKS_URL)';
  }
  return null;
}

/** What `npm start` prints on stderr when the mint is open, so nobody deploys it unawares. */
export const DEMO_BANNER = [
  '',
  '  !!! INKWELL DEMO SIGN-IN IS ON (--demo / INKWELL_DEMO=on)',
  '  !!! POST /demo/token gives anyone on this machine a reader or moderator token.',
  '  !!! For trying Inkwell out only: never expose this server.',
  '',
  '',
].join('\n');

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/i;

/** The socket's own peer, never a forwarded address; a request relayed by any proxy is not local. */
function fromThisMachine(request: FastifyRequest): boolean {
  if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined) return false;
  return LOOPBACK.test(request.socket.remoteAddress ?? '');
}

/** The bundle under /dist/, the demo pages at /, and the development-only token mint. */
export async function registerSite(app: FastifyInstance, ctx: Ctx) {
  const { config } = ctx;
  const refusal = demoRefusal(config);
  if (refusal === null) {
    app.log.warn('demo sign-in is ON: POST /demo/token mints reader and moderator tokens for anyone on this machine; never expose this server');
  } else if (config.demo) {
    app.log.warn(`INKWELL_DEMO is on but the mint stays closed: ${refusal}`);
  }
  // An installed inkwell-server has no dist/ or demo/ beside it and serves only the API: say so only
  // when the demo, which needs them, was asked for.
  const sites: [string, string][] = [[path.join(config.rootDir, 'dist'), '/dist/'], [path.join(config.rootDir, 'demo'), '/']];
  for (const [root, prefix] of sites) {
    if (fs.existsSync(root)) {
      await app.register(fastifyStatic, { root, prefix, decorateReply: false, cacheControl: true, maxAge: 0 });
    } else if (config.demo) {
      app.log.warn(`${root} does not exist; nothing is served under ${prefix} (run \`npm run build\` in the repository for dist/, or set INKWELL_ROOT_DIR)`);
    }
  }

  app.post('/demo/token', {
    schema: {
      hide: true,
      body: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S' },
          role: { type: 'string', enum: ['reader', 'moderator'], default: 'reader' },
        },
      },
    },
  }, async (request) => {
    if (refusal !== null) throw new ApiError(403, 'demo_disabled', refusal);
    if (!fromThisMachine(request)) {
      throw new ApiError(403, 'demo_disabled', 'The demo sign-in answers only to requests from this machine (loopback, no proxy)');
    }
    const lifetime = Math.min(7200, config.jwtMaxAgeSeconds);
    const { name, role } = request.body as { name: string; role: string };
    const clean = name.trim();
    // The same name signs in as the same made-up reader again, so their comments stay theirs.
    // A made-up address (the reserved .invalid domain), so the demo can offer reply notifications; they go to the mail log.
    const jwt = new SignJWT({ name: clean, email: demoAddress(clean), ...(role === 'moderator' ? { role } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('demo:' + clean.toLowerCase())
      .setAudience(config.jwtAudience)
      .setIssuedAt()
      .setExpirationTime(`${lifetime}s`);
    if (config.jwtIssuer) jwt.setIssuer(config.jwtIssuer);
    const token = await jwt.sign(new TextEncoder().encode(config.jwtSecret!));
    return { token, expiresIn: lifetime };
  });
}

/** `Ada Okafor` → `ada.okafor@demo.invalid`; a name with no Latin letters gets a stable hex local part. */
function demoAddress(name: string): string {
  const local = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '').slice(0, 40);
  return `${local || 'reader.' + Buffer.from(name).toString('hex').slice(0, 16)}@demo.invalid`;
}

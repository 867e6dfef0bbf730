import path from 'node:path';
import fs from 'node:fs';
import { SignJWT } from 'jose';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from './context.js';
import { ApiError } from './errors.js';

const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Lit may fall back to <style> elements; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The bundle under /dist/, the demo pages at /, and the development-only token mint. */
export async function registerSite(app: FastifyInstance, ctx: Ctx) {
  const { config } = ctx;
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (request.url.startsWith('/v1/')) {
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    } else {
      reply.header('content-security-policy', PAGE_CSP);
    }
    return payload;
  });

  const distDir = path.join(config.rootDir, 'dist');
  const demoDir = path.join(config.rootDir, 'demo');
  for (const dir of [distDir, demoDir]) {
    if (!fs.existsSync(dir)) app.log.warn(`${dir} does not exist; its files will answer 404 (run the build first for dist/)`);
  }
  await app.register(fastifyStatic, { root: distDir, prefix: '/dist/', decorateReply: false, cacheControl: true, maxAge: 0 });
  await app.register(fastifyStatic, { root: demoDir, prefix: '/', decorateReply: false, cacheControl: true, maxAge: 0 });

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
    if (config.mode !== 'development') {
      throw new ApiError(403, 'demo_disabled', 'The demo sign-in only works in development mode');
    }
    if (!config.jwtSecret) {
      throw new ApiError(403, 'demo_disabled', 'The demo sign-in needs INKWELL_JWT_SECRET (JWKS keys cannot be used to mint)');
    }
    const { name, role } = request.body as { name: string; role: string };
    const clean = name.trim();
    // The same name signs in as the same made-up reader again, so their comments stay theirs.
    const jwt = new SignJWT({ name: clean, ...(role === 'moderator' ? { role } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('demo:' + clean.toLowerCase())
      .setAudience(config.jwtAudience)
      .setIssuedAt()
      .setExpirationTime('2h');
    if (config.jwtIssuer) jwt.setIssuer(config.jwtIssuer);
    const token = await jwt.sign(new TextEncoder().encode(config.jwtSecret));
    return { token, expiresIn: 7200 };
  });
}

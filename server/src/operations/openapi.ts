import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { ErrorSchema } from '../http/schemas.js';
import { CommentPageSchema, CommentSchema, CountsSchema } from '../comments/schemas.js';
import { BanSchema } from '../bans/schemas.js';
import { PinChangedSchema } from '../threads/schemas.js';
import { ReactionsSchema } from '../reactions/schemas.js';
import { TypoReceiptSchema, TypoReportPageSchema, TypoReportSchema } from '../typo-reports/schemas.js';
import { VERSION } from './routes.js';

/** The shapes routes refer to by `$ref`; each is a named schema in the OpenAPI document (and so a generated browser type). */
export const sharedSchemas = [ErrorSchema, ReactionsSchema, CommentSchema, CommentPageSchema, CountsSchema, TypoReportSchema, TypoReceiptSchema, TypoReportPageSchema, BanSchema, PinChangedSchema];

/** The OpenAPI document of every route registered after this (served at /v1/openapi.json). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Inkwell API',
        version: VERSION,
        description: 'Comments and typo reports for Inkwell\'s web components. Errors are `{"error": {"code", "message", "field"?}}`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT signed by the host site: sub, name, optional picture and role (moderator, admin), aud, exp.' },
        },
      },
    },
    hideUntagged: true,
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  for (const s of sharedSchemas) app.addSchema(s);
}

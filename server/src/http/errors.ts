import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** An error with an HTTP status and a stable machine-readable code, rendered as `{"error": {...}}`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  const error: Record<string, string> = { code, message };
  if (field) error.field = field;
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify({ error }));
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function validationField(err: AjvError): string | undefined {
  const parts = (err.instancePath ?? '').split('/').filter(Boolean);
  if (err.params && typeof err.params.missingProperty === 'string') parts.push(err.params.missingProperty);
  if (err.params && typeof err.params.additionalProperty === 'string') parts.push(err.params.additionalProperty);
  return parts.length ? parts.join('.') : undefined;
}

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
};

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { field?: string }, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) {
      return sendError(reply, error.statusCode, error.code, error.message, error.field);
    }
    if (error.validation) {
      const first = error.validation[0] as AjvError;
      const field = validationField(first);
      const where = error.validationContext ?? 'request';
      const what = field ? `${field} ${first.message ?? 'is invalid'}` : `${where} ${first.message ?? 'is invalid'}`;
      const status = where === 'body' ? 422 : 400;
      return sendError(reply, status, 'invalid_input', what, field);
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const message =
        mapped[0] === 413
          ? 'The request body is too large'
          : mapped[0] === 415
            ? 'Send JSON with Content-Type: application/json'
            : error.message;
      return sendError(reply, mapped[0], mapped[1], message, mapped[0] === 413 ? 'body' : undefined);
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return sendError(reply, 400, 'malformed_json', 'The request body is not valid JSON');
    }
    if (error.statusCode === 429) {
      return sendError(reply, 429, 'rate_limited', 'Too many requests; try again later');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'internal', 'Internal server error');
  });
  app.setNotFoundHandler((request, reply) => {
    sendError(reply, 404, 'not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}`);
  });
}

/**
 * Answers what Node refuses before a route sees it (a request that took longer than
 * INKWELL_REQUEST_TIMEOUT_MS to arrive, oversized headers, broken HTTP) in the API's error shape,
 * then closes the connection.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request did not arrive in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large']
        : [400, 'bad_request', 'The request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

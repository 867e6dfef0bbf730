import pretty from 'pino-pretty';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { serializeRequest } from './privacy.js';

/**
 * The Fastify logger: one JSON object per line for log collectors (production's default), or
 * pino-pretty's coloured lines for people reading a terminal (development's default).
 */
export function loggerOptions(config: Config): NonNullable<FastifyServerOptions['logger']> {
  // Requests are logged with a hash of the client address, never the address itself.
  const options = { level: config.logLevel, serializers: { req: serializeRequest } };
  // Nothing to pretty-print when silent (the tests build many servers).
  if (config.logFormat !== 'pretty' || config.logLevel === 'silent') return options;
  return {
    ...options,
    stream: pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }),
  };
}

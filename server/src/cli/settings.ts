import { loadConfig } from '../config.js';

/** One environment variable of the server, as the command line and `--help` show it. */
export interface Setting {
  variable: string;
  /** The default as a reader should see it; checked against loadConfig by server/test/cli.test.ts. */
  default: string;
  about: string;
  /** An on/off switch: `--guests` alone means on. */
  switch?: true;
}

const UNSET = '(unset)';

/** Every setting; the full explanations are in server/README.md's configuration table. */
export const SETTINGS: readonly Setting[] = [
  { variable: 'INKWELL_PORT', default: '8080', about: 'TCP port (0: any free port)' },
  { variable: 'INKWELL_HOST', default: '127.0.0.1', about: 'address to listen on (0.0.0.0: other machines too)' },
  { variable: 'INKWELL_MODE', default: 'development', about: 'development or production (needs its own key and INKWELL_PUBLIC_URL)' },
  { variable: 'INKWELL_PUBLIC_URL', default: UNSET, about: 'origin readers reach the API at, e.g. https://comments.example; required in production' },
  { variable: 'INKWELL_DATA_DIR', default: './data', about: 'directory of the SQLite file inkwell.db' },
  { variable: 'INKWELL_DATABASE_URL', default: UNSET, about: 'postgres://… to use PostgreSQL instead of SQLite' },
  { variable: 'INKWELL_DATABASE_SCHEMA', default: UNSET, about: 'PostgreSQL schema (created if missing; default public)' },
  { variable: 'INKWELL_JWT_SECRET', default: UNSET, about: 'HS256 secret (32+ bytes) the host site signs tokens with; development has a built-in one' },
  { variable: 'INKWELL_JWKS_URL', default: UNSET, about: 'JSON Web Key Set URL for RS256/ES256 tokens' },
  { variable: 'INKWELL_JWT_AUDIENCE', default: 'inkwell', about: 'required aud claim' },
  { variable: 'INKWELL_JWT_ISSUER', default: UNSET, about: 'required iss claim (unset: not checked)' },
  { variable: 'INKWELL_JWT_MAX_AGE', default: '604800', about: 'longest validity a token may have, in seconds' },
  { variable: 'INKWELL_DEMO', default: 'off', about: 'on: the demo token mint (development, this machine, built-in secret only)', switch: true },
  { variable: 'INKWELL_GUESTS', default: 'off', about: 'on: readers without a token may comment with a name', switch: true },
  { variable: 'INKWELL_GUEST_REACTIONS', default: 'off', about: 'on: readers without a token may react (one per kind per browser)', switch: true },
  { variable: 'INKWELL_MODERATION', default: 'off', about: 'off: comments appear at once; pre: held until a moderator approves' },
  { variable: 'INKWELL_EDIT_WINDOW', default: '900', about: 'seconds after posting during which authors may edit' },
  { variable: 'INKWELL_CORS_ORIGINS', default: UNSET, about: 'comma-separated origins whose pages may call the API' },
  { variable: 'INKWELL_TRUSTED_PROXIES', default: UNSET, about: 'comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed' },
  { variable: 'INKWELL_WEBHOOK_URL', default: UNSET, about: 'receives comment.created and typo-report.created' },
  { variable: 'INKWELL_WEBHOOK_SECRET', default: UNSET, about: 'key of the X-Inkwell-Signature HMAC' },
  { variable: 'INKWELL_WEBHOOK_RETRIES', default: '5', about: 'delivery attempts per event' },
  { variable: 'INKWELL_WEBHOOK_BACKOFF_MS', default: '1000', about: 'delay before the first retry (doubles each time)' },
  { variable: 'INKWELL_OUTBOX_LEASE_MS', default: '30000', about: 'how long a process holds a webhook or mail it is sending (longer than one 10 s attempt)' },
  { variable: 'INKWELL_SMTP_URL', default: UNSET, about: 'smtp(s)://user:pass@host:port for e-mail; unset: development writes <data dir>/mail.log, production sends none' },
  { variable: 'INKWELL_MAIL_FROM', default: 'Inkwell <inkwell@localhost>', about: 'sender of notification e-mails (required with INKWELL_SMTP_URL in production)' },
  { variable: 'INKWELL_NOTIFY_BATCH', default: '15', about: 'minutes replies are gathered into one e-mail per reader and thread (0: at once)' },
  { variable: 'INKWELL_MODERATOR_EMAILS', default: UNSET, about: 'comma-separated addresses that get the digest of held comments and typo reports' },
  { variable: 'INKWELL_MODERATOR_DIGEST', default: '60', about: 'minutes held comments and typo reports are gathered into one digest (0: at once)' },
  { variable: 'INKWELL_MODERATOR_LANG', default: 'en', about: 'language of the moderators\' digest (en, ar, de, es, fr, he, hi, it, ja, ko, nl, pl, pt, pt-BR, ru, tr, uk, zh-Hans, zh-Hant)' },
  { variable: 'INKWELL_RATE_LIMIT', default: '1200', about: 'requests per minute per client address, per process' },
  { variable: 'INKWELL_POST_LIMIT_USER', default: '5', about: 'comments per signed-in reader per window' },
  { variable: 'INKWELL_POST_LIMIT_ADDRESS', default: '20', about: 'comments (and typo reports) per client address per window' },
  { variable: 'INKWELL_POST_LIMIT_WINDOW', default: '60', about: 'window of the post limits, in seconds' },
  { variable: 'INKWELL_REACTION_LIMIT', default: '30', about: 'reactions added or taken back per reader per window (4x per address)' },
  { variable: 'INKWELL_MIN_SUBMIT_SECONDS', default: '3', about: 'least time between showing the form and posting (0: off)' },
  { variable: 'INKWELL_MAX_LINKS', default: '3', about: 'most links in one comment' },
  { variable: 'INKWELL_MAX_COMMENT_LENGTH', default: '10000', about: 'most characters in a comment' },
  { variable: 'INKWELL_BODY_LIMIT', default: '65536', about: 'most bytes in a request body' },
  { variable: 'INKWELL_CDN_MAX_AGE', default: '10', about: 's-maxage of anonymous listings and counts' },
  { variable: 'INKWELL_LISTING_CACHE_MS', default: '10000', about: 'how long a listing may stay in memory (0: no cache)' },
  { variable: 'INKWELL_LISTING_CACHE_BYTES', default: '33554432', about: 'ceiling of that cache in bytes (0: no cache)' },
  { variable: 'INKWELL_SSE_HEARTBEAT', default: '15', about: 'seconds between heartbeats on event streams' },
  { variable: 'INKWELL_SSE_PER_ADDRESS', default: '8', about: 'event streams open at once per client address' },
  { variable: 'INKWELL_SSE_MAX', default: '1000', about: 'event streams open at once in all' },
  { variable: 'INKWELL_SSE_STALL_MS', default: '10000', about: 'a stream whose client stops reading is closed after this' },
  { variable: 'INKWELL_REQUEST_TIMEOUT_MS', default: '30000', about: 'time for a request\'s headers and body to arrive (0: off)' },
  { variable: 'INKWELL_CONNECTION_TIMEOUT_MS', default: '60000', about: 'idle connections are closed after this (0: off)' },
  { variable: 'INKWELL_LOG_LEVEL', default: 'info', about: 'fatal, error, warn, info, debug or silent' },
  { variable: 'INKWELL_LOG_FORMAT', default: 'pretty in development, json in production', about: 'pretty or json' },
  { variable: 'INKWELL_LOG_REQUESTS', default: 'on', about: 'off: no per-request log lines', switch: true },
  { variable: 'INKWELL_METRICS_TOKEN', default: UNSET, about: 'bearer token (16+ bytes) that opens GET /metrics' },
  { variable: 'INKWELL_SQLITE_SYNC', default: 'NORMAL', about: 'FULL: fsync every commit' },
  { variable: 'INKWELL_ROOT_DIR', default: 'the repository', about: 'where dist/ and demo/ are served from' },
];

/** `INKWELL_JWT_MAX_AGE` → `--jwt-max-age`. */
export function optionFor(variable: string): string {
  return '--' + variable.replace(/^INKWELL_/, '').toLowerCase().replaceAll('_', '-');
}

/**
 * The variables loadConfig reads, found by watching it read an empty environment, so an option
 * exists for every variable even before SETTINGS describes it.
 */
export function variablesReadByConfig(): string[] {
  const read = new Set<string>();
  const watched = new Proxy({} as Record<string, string | undefined>, {
    get(_target, key) {
      if (typeof key === 'string' && key.startsWith('INKWELL_')) read.add(key);
      return undefined;
    },
  });
  loadConfig(watched, []);
  return [...read];
}

/** Every setting the command line accepts: SETTINGS, then any variable loadConfig reads that it lacks. */
export function allSettings(): Setting[] {
  const known = new Set(SETTINGS.map((s) => s.variable));
  const extra = variablesReadByConfig().filter((v) => !known.has(v))
    .map((variable) => ({ variable, default: '', about: 'see server/README.md' }));
  return [...SETTINGS, ...extra];
}

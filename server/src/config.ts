import path from 'node:path';
import { MAIL_LANGUAGES, mailLanguage } from './mail/messages.js';

export type Mode = 'development' | 'production';
export type Moderation = 'off' | 'pre';
export type LogFormat = 'pretty' | 'json';

export interface Config {
  mode: Mode;
  host: string;
  port: number;
  logLevel: string;
  /** `pretty` (pino-pretty, for people) by default in development, `json` in production. */
  logFormat: LogFormat;
  logRequests: boolean;
  listingCacheMs: number;
  listingCacheBytes: number;
  /** Repository root: `dist/` and `demo/` are served from here. */
  rootDir: string;
  dataDir: string;
  databaseUrl: string | null;
  databaseSchema: string | null;
  /** SQLite's `synchronous` pragma: NORMAL by default, FULL (INKWELL_SQLITE_SYNC=FULL) fsyncs every commit. */
  sqliteSync: 'NORMAL' | 'FULL';
  /** The API's public origin (`https://comments.example`), without a trailing slash; required in production. */
  publicOrigin: string | null;
  jwtSecret: string | null;
  jwksUrl: string | null;
  jwtAudience: string;
  jwtIssuer: string | null;
  /** True when the secret is the built-in development one. */
  devSecret: boolean;
  /** Longest lifetime (`exp` minus `iat`, or minus now without `iat`) a token may have, in seconds. */
  jwtMaxAgeSeconds: number;
  /** The demo token mint was asked for (`INKWELL_DEMO=on` or `--demo`); demo.ts decides whether it may answer. */
  demo: boolean;
  /** Bearer token that opens `/metrics`; null: no metrics endpoint. */
  metricsToken: string | null;
  guests: boolean;
  /** Readers without a token may react, one reaction per kind per browser (its `Inkwell-Client` id). */
  guestReactions: boolean;
  moderation: Moderation;
  editWindowSeconds: number;
  corsOrigins: string[];
  trustedProxies: string[];
  webhookUrl: string | null;
  webhookSecret: string | null;
  webhookRetries: number;
  webhookBackoffMs: number;
  /** How long a delivering process holds an outbox row before another process (or its restart) may take it. */
  outboxLeaseMs: number;
  /** `smtp://…` or `smtps://…` mail goes through; null: development writes mails to `mailLog`, production sends none. */
  smtpUrl: string | null;
  /** The From of every mail. */
  mailFrom: string;
  /** Development without INKWELL_SMTP_URL: the file mails are appended to (`<data dir>/mail.log`); else null. */
  mailLog: string | null;
  /** Replies in one thread are gathered for this long into one mail per reader (0: each at once). */
  notifyBatchMs: number;
  /** Addresses that get the digest of held comments and typo reports. */
  moderatorEmails: string[];
  /** How long held comments and typo reports are gathered into one digest (0: each at once). */
  moderatorDigestMs: number;
  /** The digest's language: a mail catalogue tag (`en`, `fr`, `pt-BR`, …). */
  moderatorLang: string;
  rateLimitPerMinute: number;
  postLimitPerUser: number;
  postLimitPerAddress: number;
  postLimitWindowSeconds: number;
  /** Reactions added or taken back per reader (or guest browser) per post-limit window; four times as many per address. */
  reactionLimit: number;
  minSubmitSeconds: number;
  maxLinks: number;
  maxCommentLength: number;
  bodyLimitBytes: number;
  cdnMaxAge: number;
  sseHeartbeatSeconds: number;
  ssePerAddress: number;
  sseMax: number;
  sseStallMs: number;
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
}

/** Used only in development mode when INKWELL_JWT_SECRET is unset, so the demo works out of the box. */
export const DEV_JWT_SECRET = 'inkwell-development-secret-never-use-in-production';

export class ConfigError extends Error {}

function int(env: Record<string, string | undefined>, name: string, def: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

/** Minutes, fractions allowed (tests use seconds' worth), as milliseconds. */
function minutes(env: Record<string, string | undefined>, name: string, def: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return def * 60_000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a number of minutes >= 0, got "${raw}"`);
  return Math.round(n * 60_000);
}

const EMAIL = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;

/** Whether a string looks like one plain e-mail address (no display name, no list). */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** Webhooks, and the outbox that delivers them and the mails. */
function readWebhooks(env: Record<string, string | undefined>) {
  return {
    webhookUrl: str(env, 'INKWELL_WEBHOOK_URL'),
    webhookSecret: str(env, 'INKWELL_WEBHOOK_SECRET'),
    webhookRetries: int(env, 'INKWELL_WEBHOOK_RETRIES', 5),
    webhookBackoffMs: int(env, 'INKWELL_WEBHOOK_BACKOFF_MS', 1000, 1),
    outboxLeaseMs: int(env, 'INKWELL_OUTBOX_LEASE_MS', 30_000, 1000),
  };
}

/** SMTP, the sender, the development mail log, notification batching and the moderators' digest. */
function readMail(env: Record<string, string | undefined>, mode: Mode, dataDir: string) {
  const smtpUrl = str(env, 'INKWELL_SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new ConfigError('INKWELL_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
  }
  const mailFrom = str(env, 'INKWELL_MAIL_FROM');
  if (smtpUrl && !mailFrom && mode === 'production') {
    throw new ConfigError('INKWELL_SMTP_URL needs INKWELL_MAIL_FROM, the sender address (e.g. "Comments <comments@example.com>")');
  }
  const moderatorEmails = list(env.INKWELL_MODERATOR_EMAILS);
  for (const address of moderatorEmails) {
    if (!isEmail(address)) throw new ConfigError(`INKWELL_MODERATOR_EMAILS: "${address}" is not an e-mail address`);
  }
  const langTag = str(env, 'INKWELL_MODERATOR_LANG');
  const moderatorLang = mailLanguage(langTag);
  if (langTag && moderatorLang === 'en' && !/^en\b/i.test(langTag)) {
    throw new ConfigError(`INKWELL_MODERATOR_LANG: "${langTag}" is not one of the mail languages (${MAIL_LANGUAGES.join(', ')})`);
  }
  return {
    smtpUrl,
    mailFrom: mailFrom ?? 'Inkwell <inkwell@localhost>',
    mailLog: !smtpUrl && mode === 'development' ? path.join(dataDir, 'mail.log') : null,
    notifyBatchMs: minutes(env, 'INKWELL_NOTIFY_BATCH', 15),
    moderatorEmails,
    moderatorDigestMs: minutes(env, 'INKWELL_MODERATOR_DIGEST', 60),
    moderatorLang,
  };
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function str(env: Record<string, string | undefined>, name: string): string | null {
  const v = env[name];
  return v === undefined || v.trim() === '' ? null : v.trim();
}

function onOff(env: Record<string, string | undefined>, name: string, def: boolean): boolean {
  const raw = (str(env, name) ?? (def ? 'on' : 'off')).toLowerCase();
  if (['on', 'true', '1'].includes(raw)) return true;
  if (['off', 'false', '0'].includes(raw)) return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${raw}"`);
}

/** The origin of INKWELL_PUBLIC_URL; a path is allowed (a proxy may mount the API below one) and ignored. */
function publicOrigin(env: Record<string, string | undefined>): string | null {
  const raw = str(env, 'INKWELL_PUBLIC_URL');
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`INKWELL_PUBLIC_URL must be an absolute URL such as https://comments.example, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`INKWELL_PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  }
  return url.origin;
}

function argValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === name) return argv[i + 1];
    if (a.startsWith(name + '=')) return a.slice(name.length + 1);
  }
  return undefined;
}

/** The key readers' tokens are verified with: a shared secret, a JWKS URL, or (development only) the built-in secret. */
function readSecret(env: Record<string, string | undefined>, mode: Mode): Pick<Config, 'jwtSecret' | 'jwksUrl' | 'devSecret'> {
  let jwtSecret = str(env, 'INKWELL_JWT_SECRET');
  const jwksUrl = str(env, 'INKWELL_JWKS_URL');
  if (!jwtSecret && !jwksUrl) {
    if (mode === 'production') {
      throw new ConfigError('production mode needs INKWELL_JWT_SECRET or INKWELL_JWKS_URL to verify readers\' tokens');
    }
    jwtSecret = DEV_JWT_SECRET;
  }
  const devSecret = jwtSecret === DEV_JWT_SECRET;
  if (devSecret && mode === 'production') {
    throw new ConfigError('INKWELL_JWT_SECRET is the built-in development secret, which everyone knows; production needs your own');
  }
  if (jwtSecret && Buffer.byteLength(jwtSecret) < 32) {
    throw new ConfigError('INKWELL_JWT_SECRET must be at least 32 bytes long (HS256)');
  }
  return { jwtSecret, jwksUrl, devSecret };
}

/** PostgreSQL's URL and schema; neither: SQLite. */
function readDatabase(env: Record<string, string | undefined>): Pick<Config, 'databaseUrl' | 'databaseSchema'> {
  const databaseUrl = str(env, 'INKWELL_DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('INKWELL_DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
  }
  const databaseSchema = str(env, 'INKWELL_DATABASE_SCHEMA');
  if (databaseSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new ConfigError('INKWELL_DATABASE_SCHEMA must be a lower-case SQL identifier');
  }
  return { databaseUrl, databaseSchema };
}

function readMetricsToken(env: Record<string, string | undefined>): string | null {
  const metricsToken = str(env, 'INKWELL_METRICS_TOKEN');
  if (metricsToken && Buffer.byteLength(metricsToken) < 16) {
    throw new ConfigError('INKWELL_METRICS_TOKEN must be at least 16 bytes long');
  }
  return metricsToken;
}

/** Rate and size limits, stream limits and timeouts. */
function readLimits(env: Record<string, string | undefined>) {
  return {
    rateLimitPerMinute: int(env, 'INKWELL_RATE_LIMIT', 1200, 1),
    postLimitPerUser: int(env, 'INKWELL_POST_LIMIT_USER', 5, 1),
    postLimitPerAddress: int(env, 'INKWELL_POST_LIMIT_ADDRESS', 20, 1),
    postLimitWindowSeconds: int(env, 'INKWELL_POST_LIMIT_WINDOW', 60, 1),
    reactionLimit: int(env, 'INKWELL_REACTION_LIMIT', 30, 1),
    minSubmitSeconds: int(env, 'INKWELL_MIN_SUBMIT_SECONDS', 3),
    maxLinks: int(env, 'INKWELL_MAX_LINKS', 3),
    maxCommentLength: int(env, 'INKWELL_MAX_COMMENT_LENGTH', 10000, 1),
    bodyLimitBytes: int(env, 'INKWELL_BODY_LIMIT', 65536, 1024),
    cdnMaxAge: int(env, 'INKWELL_CDN_MAX_AGE', 10),
    sseHeartbeatSeconds: int(env, 'INKWELL_SSE_HEARTBEAT', 15, 1),
    ssePerAddress: int(env, 'INKWELL_SSE_PER_ADDRESS', 8, 1),
    sseMax: int(env, 'INKWELL_SSE_MAX', 1000, 1),
    sseStallMs: int(env, 'INKWELL_SSE_STALL_MS', 10_000, 1),
    requestTimeoutMs: int(env, 'INKWELL_REQUEST_TIMEOUT_MS', 30_000),
    connectionTimeoutMs: int(env, 'INKWELL_CONNECTION_TIMEOUT_MS', 60_000),
  };
}

/**
 * Reads the configuration from environment variables (all optional in development), `--port` and `--demo`.
 * Throws ConfigError with a readable message on bad values; production mode without its own key or
 * without INKWELL_PUBLIC_URL is one.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, argv: string[] = []): Config {
  const mode = (str(env, 'INKWELL_MODE') ?? 'development') as Mode;
  if (mode !== 'development' && mode !== 'production') {
    throw new ConfigError(`INKWELL_MODE must be "development" or "production", got "${mode}"`);
  }
  const moderation = (str(env, 'INKWELL_MODERATION') ?? 'off') as Moderation;
  if (moderation !== 'off' && moderation !== 'pre') {
    throw new ConfigError(`INKWELL_MODERATION must be "off" or "pre", got "${moderation}"`);
  }
  const portArg = argValue(argv, '--port');
  const port = portArg !== undefined ? int({ p: portArg }, 'p', 8080) : int(env, 'INKWELL_PORT', 8080);
  if (port > 65535) throw new ConfigError(`port must be <= 65535, got ${port}`);

  const { jwtSecret, jwksUrl, devSecret } = readSecret(env, mode);
  const origin = publicOrigin(env);
  if (!origin && mode === 'production') {
    throw new ConfigError('production mode needs INKWELL_PUBLIC_URL, the origin readers reach the API at (e.g. https://comments.example)');
  }
  const metricsToken = readMetricsToken(env);
  const logFormat = (str(env, 'INKWELL_LOG_FORMAT') ?? (mode === 'production' ? 'json' : 'pretty')) as LogFormat;
  if (logFormat !== 'pretty' && logFormat !== 'json') {
    throw new ConfigError(`INKWELL_LOG_FORMAT must be "pretty" or "json", got "${logFormat}"`);
  }
  const dataDir = path.resolve(str(env, 'INKWELL_DATA_DIR') ?? './data');
  const rootDir = path.resolve(str(env, 'INKWELL_ROOT_DIR') ?? path.join(import.meta.dirname, '..', '..'));

  return {
    mode,
    host: str(env, 'INKWELL_HOST') ?? '127.0.0.1',
    port,
    logLevel: str(env, 'INKWELL_LOG_LEVEL') ?? 'info',
    logFormat,
    logRequests: !['off', 'false', '0'].includes((str(env, 'INKWELL_LOG_REQUESTS') ?? 'on').toLowerCase()),
    listingCacheMs: int(env, 'INKWELL_LISTING_CACHE_MS', 10_000),
    listingCacheBytes: int(env, 'INKWELL_LISTING_CACHE_BYTES', 32 * 1024 * 1024),
    rootDir,
    dataDir,
    ...readDatabase(env),
    sqliteSync: str(env, 'INKWELL_SQLITE_SYNC') === 'FULL' ? 'FULL' : 'NORMAL',
    publicOrigin: origin,
    jwtSecret,
    jwksUrl,
    jwtAudience: str(env, 'INKWELL_JWT_AUDIENCE') ?? 'inkwell',
    jwtIssuer: str(env, 'INKWELL_JWT_ISSUER'),
    devSecret,
    jwtMaxAgeSeconds: int(env, 'INKWELL_JWT_MAX_AGE', 7 * 86_400, 60),
    demo: argv.includes('--demo') || onOff(env, 'INKWELL_DEMO', false),
    metricsToken,
    guests: onOff(env, 'INKWELL_GUESTS', false),
    guestReactions: onOff(env, 'INKWELL_GUEST_REACTIONS', false),
    moderation,
    editWindowSeconds: int(env, 'INKWELL_EDIT_WINDOW', 900),
    corsOrigins: list(env.INKWELL_CORS_ORIGINS),
    trustedProxies: list(env.INKWELL_TRUSTED_PROXIES),
    ...readWebhooks(env),
    ...readMail(env, mode, dataDir),
    ...readLimits(env),
  };
}

import { SignJWT } from 'jose';
import type { Config } from '../config.js';
import { UsageError } from './args.js';

const ROLES = ['reader', 'moderator', 'admin'];
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `90`, `90s`, `30m`, `2h`, `7d` → seconds. */
function seconds(ttl: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(ttl);
  if (!match || Number(match[1]) === 0) throw new UsageError(`--ttl must be a duration such as 3600, 30m, 2h or 7d, got "${ttl}"`);
  return Number(match[1]) * UNITS[match[2] || 's']!;
}

/**
 * Prints a token for a reader, signed as the host site would sign it (HS256 with INKWELL_JWT_SECRET,
 * the configured audience and issuer), for trying the API and the elements by hand.
 */
export async function token(config: Config, flags: Record<string, string>): Promise<number> {
  const { sub, name, role = 'reader', picture } = flags;
  if (!sub?.trim()) throw new UsageError('token needs --sub ID (the reader\'s id at the host site)');
  if (!name?.trim()) throw new UsageError('token needs --name NAME (the name shown beside comments)');
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
  if (picture !== undefined && !/^https:\/\//.test(picture)) throw new UsageError('--picture must be an https:// URL');
  const ttl = seconds(flags.ttl ?? String(Math.min(3600, config.jwtMaxAgeSeconds)));
  if (ttl > config.jwtMaxAgeSeconds) {
    throw new UsageError(`--ttl ${flags.ttl} is longer than the server accepts (INKWELL_JWT_MAX_AGE=${config.jwtMaxAgeSeconds} s)`);
  }
  if (!config.jwtSecret) {
    throw new UsageError('token signs with INKWELL_JWT_SECRET, which is unset; with INKWELL_JWKS_URL alone, tokens come from the host site\'s private key');
  }
  if (config.devSecret) process.stderr.write('inkwell: signed with the built-in development secret: this server accepts it in development mode only\n');
  const jwt = new SignJWT({ name: name.trim(), ...(role !== 'reader' ? { role } : {}), ...(picture ? { picture } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub.trim())
    .setAudience(config.jwtAudience)
    .setIssuedAt()
    .setExpirationTime(`${ttl}s`);
  if (config.jwtIssuer) jwt.setIssuer(config.jwtIssuer);
  process.stdout.write(await jwt.sign(new TextEncoder().encode(config.jwtSecret)) + '\n');
  return 0;
}

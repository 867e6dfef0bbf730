import { randomBytes } from 'node:crypto';

/** A random, URL-safe id with a prefix that says what it names (`c_` comment, `t_` typo report, `g_` guest). */
export function newId(prefix: string): string {
  return prefix + randomBytes(12).toString('base64url');
}

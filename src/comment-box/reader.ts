/** What the page's token says about the reader, for display only: the server verifies it. */
export interface Reader {
  name?: string;
  moderator: boolean;
  /** The token carries an `email` claim: the reader can be told of replies. */
  email?: boolean;
}

export function readerFromToken(token: string | undefined): Reader | undefined {
  if (!token) return undefined;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { name?: unknown; role?: unknown; email?: unknown };
    return {
      name: typeof claims.name === 'string' ? claims.name : undefined,
      moderator: claims.role === 'moderator' || claims.role === 'admin',
      email: typeof claims.email === 'string' && claims.email.includes('@'),
    };
  } catch {
    return { moderator: false };
  }
}

// An in-browser stand-in for the Inkwell API, so stories exercise the elements' real fetch code without a server.
export type MockAnswer = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | 'offline';

const realFetch = window.fetch.bind(window);

/** Answers requests whose path ends with a key of `routes` (e.g. `'/typo-reports'`); passes others through. */
export function mockApi(routes: Record<string, MockAnswer>): void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const route = Object.keys(routes).find((path) => new URL(url, location.href).pathname.endsWith(path));
    if (!route) return realFetch(input, init);
    const answer = routes[route];
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    await new Promise((resolve) => setTimeout(resolve, answer.delayMs ?? 300));
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
}

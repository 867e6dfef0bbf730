/** What arrived in the moderation inbox: a kind and an id, never the text. */
export interface Arrival {
  kind: 'comment' | 'typo-report';
  id: string;
}

const RETRY_MS = [1000, 3000, 10_000, 30_000];

/**
 * The moderators' live stream, read with fetch because it needs the bearer token (EventSource cannot
 * send one). Reconnects with backoff and `Last-Event-ID`; stops for good on 401 or 403, reporting it.
 */
export class InboxStream {
  private controller?: AbortController;
  private lastId?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private failures = 0;

  constructor(
    private readonly url: string,
    private readonly token: () => string | undefined,
    private readonly onArrival: (arrival: Arrival) => void,
    private readonly onRefused: (status: number) => void,
  ) {}

  start(): void {
    this.stop();
    const controller = (this.controller = new AbortController());
    void this.read(controller).catch(() => {
      if (!controller.signal.aborted) this.retry(controller);
    });
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
    clearTimeout(this.timer);
  }

  private retry(controller: AbortController): void {
    if (controller !== this.controller) return;
    const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]!;
    this.timer = setTimeout(() => this.start(), wait);
  }

  private async read(controller: AbortController): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (this.lastId) headers['last-event-id'] = this.lastId;
    const response = await fetch(this.url, { headers, signal: controller.signal });
    if (response.status === 401 || response.status === 403) {
      this.onRefused(response.status);
      return;
    }
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    this.failures = 0;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
    throw new Error('the stream ended');
  }

  private dispatch(block: string): void {
    let type = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data += (data ? '\n' : '') + value;
      else if (field === 'id') this.lastId = value;
    }
    if (type !== 'inbox-changed') return;
    try {
      const arrival = JSON.parse(data) as Arrival;
      if ((arrival.kind === 'comment' || arrival.kind === 'typo-report') && typeof arrival.id === 'string') this.onArrival(arrival);
    } catch {
      // A malformed event is skipped; the next refresh lists the inbox anyway.
    }
  }
}

import { SERVER_SIDE } from './server.js';

/** An element with controllers, as Lit's ReactiveControllerHost and LightElement are. */
interface Host extends HTMLElement {
  addController(controller: LightChildren): void;
  requestUpdate(): void;
  readonly serverView?: boolean;
}

/**
 * Knows which named slots a CMS filled with light-DOM children, and re-renders the host when
 * children are added or removed after the upgrade (a CMS or framework may render them late).
 */
export class LightChildren {
  private observer?: MutationObserver;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer ??= new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { childList: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** The direct child assigned to `slot`, if any; none where the server rendered (it does not see them). */
  get(slot: string): Element | null {
    // Its hosts are LightElements, whose serverView is only ever true on a server (a LitElement's is also while it hydrates).
    if (SERVER_SIDE && this.host.serverView) return null;
    return this.host.querySelector(`:scope > [slot="${slot}"]`);
  }

  has(slot: string): boolean {
    return this.get(slot) !== null;
  }
}

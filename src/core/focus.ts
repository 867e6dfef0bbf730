/** The focused element, looked up through open shadow roots (`document.activeElement` stops at the first host). */
export function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

type Target = () => HTMLElement | null | undefined;

/**
 * Keeps keyboard focus inside a host's shadow root from falling to `<body>` when a render removes
 * or disables the focused control. An action names where focus goes after its render (`next`);
 * otherwise focus that would be lost goes to `fallback`. The host calls `hostUpdate` before each draw and
 * `hostUpdated` after it (a LightElement has no such hooks for controllers: only the comment box needs them).
 */
export class FocusKeeper {
  private had?: Element;
  private wanted?: Target;

  constructor(
    private readonly host: HTMLElement & { requestUpdate(): void },
    private readonly fallback: Target,
  ) {}

  /** Moves focus to what `target` finds once the host has rendered. */
  next(target: Target): void {
    this.wanted = target;
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.had = this.host.shadowRoot?.activeElement ?? undefined;
  }

  hostUpdated(): void {
    const wanted = this.wanted?.();
    this.wanted = undefined;
    if (wanted) {
      wanted.focus();
      return;
    }
    const had = this.had;
    this.had = undefined;
    const active = this.host.shadowRoot?.activeElement ?? null;
    if (had && (active === null || active === had) && (!had.isConnected || had.matches(':disabled'))) this.fallback()?.focus();
  }
}

/**
 * Calls `onIdle` once after `idleMs` without a poke (a key, a click, a mouse move). Timers are
 * injected so that tests can drive time; the UI pokes it from window events.
 */
export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
    private readonly timers: {
      set: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
      clear: (timer: ReturnType<typeof setTimeout>) => void;
    } = { set: (callback, ms) => setTimeout(callback, ms), clear: (timer) => clearTimeout(timer) },
  ) {}

  poke(): void {
    this.stop();
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.onIdle();
    }, this.idleMs);
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }
}

/** Ten minutes, the default for a clinical desk; the installer may set another in the config. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

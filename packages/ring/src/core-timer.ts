/**
 * The one timer a driver keeps for a sans-IO core: armed for the core's next deadline
 * (`pollTimeoutMs`), re-armed only when that deadline changes, fired at most once per arming.
 */
export class CoreTimer {
  private timer: ReturnType<typeof setTimeout> | undefined
  private atMs = Infinity
  private readonly now: () => number
  private readonly fire: () => void

  /** `now` is the driver's clock (the one the core is fed); `fire` runs when the deadline passes. */
  constructor (now: () => number, fire: () => void) {
    this.now = now
    this.fire = fire
  }

  /** Arms for deadline `at` (core time), or disarms when undefined. */
  arm (at: number | undefined): void {
    if ((at ?? Infinity) === this.atMs) { return }
    this.clear()
    if (at === undefined) { return }
    this.atMs = at
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.atMs = Infinity
      this.fire()
    }, Math.max(0, at - this.now()))
  }

  clear (): void {
    if (this.timer !== undefined) { clearTimeout(this.timer) }
    this.timer = undefined
    this.atMs = Infinity
  }
}

/**
 * A delay line: one direction of one emulated link. Items are released in the order they were
 * pushed, each no earlier than its own release time, and the release times never decrease (the
 * emulator makes them so), so one timer armed at the head's time serves the whole line. Many
 * items are in flight at once: an item waits for its own time, not behind the others' delays.
 */
import { assert } from '@selfmgmt/interface'

/**
 * Items released up to this early: timers have 1 ms granularity and fire a little late, so
 * releasing slightly early keeps the mean delay on target (measured: see test/wan.spec.ts).
 */
export const RELEASE_EARLY_MS = 1
/** Items waiting in one line (about 4 GiB/s over a 300 ms link at 64 KiB a chunk needs 20,000). */
export const DELAY_LINE_ITEMS_MAX = 1 << 20

interface Item {
  atMs: number
  bytes: number
  run(): void
}

export interface DelayLineInit {
  /** A released item threw (a listener bug): it is reported here and the line goes on. */
  onError(err: unknown): void
}

export class DelayLine {
  private items: Array<Item | undefined> = []
  private head = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private lastAtMs = -Infinity
  private readonly init: DelayLineInit
  /** Bytes waiting in the line. */
  bytes = 0

  constructor (init: DelayLineInit) {
    this.init = init
  }

  /** Items waiting in the line. */
  get length (): number {
    return this.items.length - this.head
  }

  /** Queues `run` for release at `atMs` (performance.now() time); `bytes` is for accounting only. */
  push (atMs: number, bytes: number, run: () => void): void {
    assert(Number.isFinite(atMs), 'delay line release time must be finite')
    assert(atMs >= this.lastAtMs, 'delay line release times must not decrease (FIFO)')
    assert(this.length < DELAY_LINE_ITEMS_MAX, 'delay line over its item limit')
    this.lastAtMs = atMs
    const nowMs = performance.now()
    // Due already and nothing ahead of it: release at once (a timer would add at least 1 ms).
    if (this.length === 0 && atMs <= nowMs + RELEASE_EARLY_MS) {
      this.runItem(run)
      return
    }
    this.items.push({ atMs, bytes, run })
    this.bytes += bytes
    if (this.length === 1) { this.arm(nowMs) }
  }

  /** Drops everything waiting (the connection was reset). */
  clear (): void {
    if (this.timer !== undefined) { clearTimeout(this.timer) }
    this.timer = undefined
    this.items = []
    this.head = 0
    this.bytes = 0
  }

  private runItem (run: () => void): void {
    try {
      run()
    } catch (err) {
      this.init.onError(err)
    }
  }

  private arm (nowMs: number): void {
    if (this.timer !== undefined || this.length === 0) { return }
    const head = this.items[this.head]
    assert(head !== undefined, 'delay line head missing')
    this.timer = setTimeout(this.release, Math.max(0, Math.ceil(head.atMs - nowMs - RELEASE_EARLY_MS)))
  }

  private readonly release = (): void => {
    this.timer = undefined
    const nowMs = performance.now()
    while (this.head < this.items.length) {
      const item = this.items[this.head]
      assert(item !== undefined, 'delay line item missing')
      if (item.atMs > nowMs + RELEASE_EARLY_MS) { break }
      this.items[this.head++] = undefined
      this.bytes -= item.bytes
      this.runItem(item.run)
    }
    // Compact once the released prefix dominates, so the array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    this.arm(nowMs)
  }
}

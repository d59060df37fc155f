/**
 * Finds time that the monotonic clock did not count: while a machine is suspended, Linux's
 * CLOCK_MONOTONIC (performance.now() in Node) stands still, and the wall clock is set forward on
 * resume. A lease holder that counted only monotonic time would wake trusting grants that ended
 * at their grantors long ago, so the store service compares the two clocks at every entry to
 * its core and reports a gap (the core then drops the leases it holds).
 *
 * Only the wall clock running ahead counts: a wall clock set back, or slewed by NTP (at most
 * 0.5 ms per second), is never a gap. A wall clock stepped forward while the machine ran (NTP
 * correcting a large offset) is reported too: dropping leases then costs a quorum read or two,
 * never a wrong answer. The monotonic clock still rules every timeout (a stepped wall clock
 * must not end a grant early at its grantor).
 */

/** Wall time beyond monotonic time between two readings that counts as a gap. */
export const CLOCK_GAP_MS = 100

export class ClockGapWatch {
  private monoMs: number
  private wallMs: number

  constructor (
    private readonly mono: () => number = () => performance.now(),
    private readonly wall: () => number = () => Date.now(),
    private readonly thresholdMs: number = CLOCK_GAP_MS
  ) {
    this.monoMs = mono()
    this.wallMs = wall()
  }

  /** Milliseconds the wall clock ran ahead of the monotonic one since the last call, if over the threshold; else 0. */
  check (): number {
    const mono = this.mono()
    const wall = this.wall()
    const ahead = (wall - this.wallMs) - (mono - this.monoMs)
    this.monoMs = mono
    this.wallMs = wall
    return ahead > this.thresholdMs ? ahead : 0
  }
}

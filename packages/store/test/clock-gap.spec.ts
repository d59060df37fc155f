import { expect } from 'aegir/chai'
import { CLOCK_GAP_MS, ClockGapWatch } from '../src/clock-gap.ts'

describe('ClockGapWatch', () => {
  it('reports the time the wall clock ran ahead of the monotonic one (a suspend), once, and nothing for slew, a wall clock set back, or a stall both clocks saw', () => {
    let mono = 5_000
    let wall = 1_700_000_000_000
    const w = new ClockGapWatch(() => mono, () => wall)
    expect(w.check()).to.equal(0)
    // Both advance alike (a process stalled by SIGSTOP: the monotonic clock counts it).
    mono += 8_000
    wall += 8_000
    expect(w.check()).to.equal(0)
    // NTP slew: the wall clock a little fast.
    mono += 1_000
    wall += 1_001
    expect(w.check()).to.equal(0)
    // Set back by an hour: never a gap.
    mono += 10
    wall -= 3_600_000
    expect(w.check()).to.equal(0)
    // A suspend of a minute: the monotonic clock stood still.
    mono += 20
    wall += 60_020
    expect(w.check()).to.equal(60_000)
    expect(w.check()).to.equal(0)
    // Just over the threshold counts; at it, not.
    wall += CLOCK_GAP_MS
    expect(w.check()).to.equal(0)
    wall += CLOCK_GAP_MS + 1
    expect(w.check()).to.equal(CLOCK_GAP_MS + 1)
  })
})

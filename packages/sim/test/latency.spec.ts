/* Goal: the PlanetLab-like model is calibrated (RTT median ~120-130 ms, p90 ~200 ms, p99 ~300 ms) and deterministic; the other models and the spec parser behave. Method: 50,000 random pairs over 5,000 nodes. */
import { expect } from 'aegir/chai'
import { PlanetLabLatency, Rng, constantLatency, parseLatency, percentile, uniformLatency } from '../src/index.ts'

describe('latency models', () => {
  it('PlanetLab-like RTTs match the target distribution', () => {
    const m = new PlanetLabLatency(1)
    const r = new Rng(2, 'pairs')
    const rtts: number[] = []
    for (let i = 0; i < 50_000; i++) {
      const a = r.int(5000)
      const b = r.int(5000)
      if (a !== b) { rtts.push(m.rttMs(a, b)) }
    }
    expect(percentile(rtts, 50)).to.be.within(115, 135)
    expect(percentile(rtts, 90)).to.be.within(185, 215)
    expect(percentile(rtts, 99)).to.be.within(270, 330)
  })

  it('placement depends only on (seed, index): adding nodes moves nobody', () => {
    const a = new PlanetLabLatency(9)
    const b = new PlanetLabLatency(9)
    const before = a.rttMs(3, 17)
    for (let i = 0; i < 5000; i++) { b.rttMs(i, (i * 7) % 5000) }
    expect(b.rttMs(3, 17)).to.equal(before)
    expect(new PlanetLabLatency(10).rttMs(3, 17)).to.not.equal(before)
  })

  it('one-way delays are about half the RTT, with small jitter', () => {
    const m = new PlanetLabLatency(3)
    const r = new Rng(4)
    const rtt = m.rttMs(10, 20)
    const samples = Array.from({ length: 2000 }, () => m.oneWayMs(10, 20, r))
    const avg = samples.reduce((x, y) => x + y, 0) / samples.length
    expect(avg).to.be.closeTo(rtt / 2, rtt * 0.02)
    expect(Math.min(...samples)).to.be.greaterThan(rtt / 2 * 0.75)
  })

  it('constant and uniform models, and the parser', () => {
    const r = new Rng(1)
    expect(constantLatency(40).oneWayMs(0, 1, r)).to.equal(40)
    const u = uniformLatency(10, 20)
    for (let i = 0; i < 100; i++) { expect(u.oneWayMs(0, 1, r)).to.be.within(10, 20) }
    expect(parseLatency('constant:25', 1).oneWayMs(0, 1, r)).to.equal(25)
    expect(parseLatency('planetlab', 1).name).to.equal('planetlab')
    expect(() => parseLatency('fast', 1)).to.throw().with.property('name', 'InvalidParametersError')
    expect(() => constantLatency(-1)).to.throw().with.property('name', 'InvalidParametersError')
  })
})

/* Goal: the seeded streams are deterministic, independent by name, and draw from the intended distributions. Method: fixed seeds, large samples, loose statistical bounds. */
import { expect } from 'aegir/chai'
import { Rng } from '../src/index.ts'

describe('prng', () => {
  it('the same seed and stream give the same sequence; another seed does not', () => {
    const a = new Rng(42, 'x')
    const b = new Rng(42, 'x')
    const c = new Rng(43, 'x')
    const sa = Array.from({ length: 20 }, () => a.u32())
    expect(Array.from({ length: 20 }, () => b.u32())).to.deep.equal(sa)
    expect(Array.from({ length: 20 }, () => c.u32())).to.not.deep.equal(sa)
  })

  it('forked streams do not shift each other', () => {
    const root1 = new Rng(7)
    const root2 = new Rng(7)
    const x1 = root1.fork('latency')
    const y1 = root1.fork('churn')
    const y2 = root2.fork('churn')
    for (let i = 0; i < 1000; i++) { x1.next() }
    expect(y1.next()).to.equal(y2.next())
  })

  it('uniform, exponential and Pareto draws have the right centre', () => {
    const r = new Rng(1, 'stats')
    const n = 100_000
    let sum = 0
    for (let i = 0; i < n; i++) { sum += r.next() }
    expect(sum / n).to.be.closeTo(0.5, 0.01)
    let esum = 0
    for (let i = 0; i < n; i++) { esum += r.exp(3) }
    expect(esum / n).to.be.closeTo(3, 0.05)
    const p = Array.from({ length: n }, () => r.paretoMedian(120, 2)).sort((a, b) => a - b)
    expect(p[n >> 1]).to.be.closeTo(120, 3)
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(10)))
    expect([...ints].sort()).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('128-bit draws cover the whole range', () => {
    const r = new Rng(5)
    let high = 0
    for (let i = 0; i < 1000; i++) { if (r.bigint128() >= (1n << 127n)) { high++ } }
    expect(high).to.be.within(430, 570)
  })
})

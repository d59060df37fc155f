/* Goal: the global ring check tells one consistent ring from broken pointers, branches, several rings and interleaved ("loopy") cycles. Method: hand-built member views. */
import { expect } from 'aegir/chai'
import { checkRing } from '../src/index.ts'
import type { RingMemberView } from '../src/index.ts'

const n = (id: number): { id: bigint, addr: string } => ({ id: BigInt(id), addr: `n${id}` })

function ring (ids: number[], succOf: (i: number) => number, predOf: (i: number) => number): RingMemberView[] {
  return ids.map((id, i) => ({ self: n(id), succ: n(ids[succOf(i)]), pred: n(ids[predOf(i)]) }))
}

describe('checkRing', () => {
  const ids = [10, 20, 30, 40, 50, 60]
  const len = ids.length

  it('accepts one consistent ring, in any input order', () => {
    const r = checkRing(ring(ids, i => (i + 1) % len, i => (i + len - 1) % len).reverse())
    expect(r).to.include({ consistent: true, rings: 1, offRing: 0, largestRing: 6, wrongSucc: 0, wrongPred: 0 })
  })

  it('counts wrong pointers and nodes off the ring', () => {
    const views = ring(ids, i => (i + 1) % len, i => (i + len - 1) % len)
    views[2].succ = n(50) // 30 skips 40: 40 hangs off the cycle
    views[4].pred = n(30)
    const r = checkRing(views)
    expect(r.consistent).to.equal(false)
    expect(r.wrongSucc).to.equal(1)
    expect(r.wrongPred).to.equal(1)
    expect(r.rings).to.equal(1)
    expect(r.offRing).to.equal(1)
  })

  it('sees two interleaved cycles (the loopy state) as two rings', () => {
    const r = checkRing(ring(ids, i => (i + 2) % len, i => (i + len - 2) % len))
    expect(r.rings).to.equal(2)
    expect(r.consistent).to.equal(false)
  })

  it('treats pointers to non-members as broken', () => {
    const views = ring(ids, i => (i + 1) % len, i => (i + len - 1) % len)
    views[5].succ = n(999)
    const r = checkRing(views)
    expect(r.rings).to.equal(0)
    expect(r.offRing).to.equal(6)
  })

  it('a single node is one ring', () => {
    expect(checkRing([{ self: n(1) }])).to.include({ consistent: true, rings: 1 })
  })
})

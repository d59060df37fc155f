/* Goal: the network model delivers FIFO per pair, drops and duplicates at the configured rates, and enforces partitions and one-way cuts. Method: drive Network.send directly with a fixed seed. */
import { expect } from 'aegir/chai'
import { Network, Rng, uniformLatency } from '../src/index.ts'

function net (): Network {
  return new Network(uniformLatency(5, 50), new Rng(1, 'j'), new Rng(1, 'f'))
}

describe('network model', () => {
  it('delivers FIFO per ordered pair despite jitter', () => {
    const n = net()
    let last = 0
    for (let t = 0; t < 1000; t++) {
      const [at] = n.send(1, 2, t)
      expect(at).to.be.at.least(last)
      last = at
    }
  })

  it('reordering, when on, lets messages overtake', () => {
    const n = net()
    n.setFaults({ reorderMs: 100 })
    let overtaken = 0
    let last = 0
    for (let t = 0; t < 1000; t++) {
      const [at] = n.send(1, 2, t)
      if (at < last) { overtaken++ }
      last = Math.max(last, at)
    }
    expect(overtaken).to.be.greaterThan(50)
  })

  it('loses and duplicates at about the configured rates', () => {
    const n = net()
    n.setFaults({ lossRate: 0.1, duplicateRate: 0.05 })
    let lost = 0
    let dup = 0
    for (let i = 0; i < 20_000; i++) {
      const r = n.send(i % 50, 50 + (i % 7), i)
      if (r.length === 0) { lost++ }
      if (r.length === 2) { dup++ }
    }
    expect(lost / 20_000).to.be.closeTo(0.1, 0.01)
    expect(dup / 20_000).to.be.closeTo(0.045, 0.01)
    expect(() => n.setFaults({ lossRate: 1.5 })).to.throw().with.property('name', 'InvalidParametersError')
  })

  it('partitions block traffic between groups until healed; cuts block one way', () => {
    const n = net()
    n.setPartition(Int32Array.from([0, 0, 1, 1]))
    expect(n.send(0, 1, 0)).to.have.length(1)
    expect(n.send(0, 2, 0)).to.have.length(0)
    expect(n.reachable(3, 1)).to.equal(false)
    n.setPartition(undefined)
    expect(n.send(0, 2, 0)).to.have.length(1)
    n.setPartition(Int32Array.from([0, 1]))
    n.setPartition(undefined)
    n.cut(0, 0)
    expect(n.reachable(0, 1)).to.equal(false)
    n.healCuts()
    expect(n.reachable(0, 1)).to.equal(true)
  })
})

/* Goal: the MiniNet test harness itself is right, so failures elsewhere point at the core: the ground-truth owner, the global ring check (it must flag broken rings), crash and partition semantics, per-pair delays, and determinism. Method: tiny hand-built rings with hand-picked ids, compared with values worked out by hand. */
import { expect } from 'aegir/chai'
import { keyToId } from '../src/index.ts'
import { MiniNet, frac } from './fixtures/mini-net.ts'

describe('MiniNet harness', () => {
  it('the ground-truth owner is the first live member at or after the key', () => {
    const net = new MiniNet()
    const [a, b, c] = [10n, 20n, 30n].map(id => net.addNode({ id }))
    net.build([a, b, c])
    expect(net.owner(15n)?.addr).to.equal(b.addr)
    expect(net.owner(20n)?.addr).to.equal(b.addr)
    expect(net.owner(21n)?.addr).to.equal(c.addr)
    expect(net.owner(31n)?.addr, 'wraps past the largest id').to.equal(a.addr)
    expect(net.owner(5n)?.addr).to.equal(a.addr)
    expect(net.owner(0n)?.addr).to.equal(a.addr)
    expect(net.owner(5n, [c])?.addr, 'a lone member owns everything').to.equal(c.addr)
    expect(net.owner(5n, [])).to.equal(undefined)
  })

  it('the ring check passes a consistent ring and flags two separate rings', () => {
    const net = new MiniNet()
    const [a, b, c] = [frac(1, 4), frac(2, 4), frac(3, 4)].map(id => net.addNode({ id }))
    net.build([a, b, c])
    net.runFor(1000)
    expect(net.ringProblems()).to.deep.equal([])
    const d = net.addNode({ id: frac(7, 8) })
    net.create(d) // a second, separate one-node ring
    const problems = net.ringProblems()
    expect(problems.length).to.be.greaterThan(0)
    expect(problems.join(' ')).to.contain(d.addr)
    expect(() => { net.assertRing() }).to.throw(/ring not consistent/)
    expect(net.ringProblems([a, b, c]), 'the original ring on its own is fine').to.deep.equal([])
  })

  it('a crash drops the node and everything addressed to it', () => {
    const net = new MiniNet({ delayMs: 50 })
    const [a, b] = [frac(1, 4), frac(3, 4)].map(id => net.addNode({ id }))
    net.build([a, b])
    net.runFor(100)
    const received = b.state().counters.received.route
    const dropped = net.dropped
    net.lookup(a, b.id) // a route to b, in flight for 50 ms
    net.crash(b)
    net.runFor(200)
    expect(net.dropped).to.be.greaterThan(dropped)
    expect(b.state().counters.received.route).to.equal(received)
    expect(net.members().map(n => n.addr)).to.deep.equal([a.addr])
    expect(() => { net.lookup(b, 1n) }).to.throw(/stopped node/)
  })

  it('a partition drops messages between groups until healed', () => {
    const net = new MiniNet()
    const [a, b] = [frac(1, 4), frac(3, 4)].map(id => net.addNode({ id }))
    net.build([a, b])
    net.runFor(100)
    net.partition([[a], [b]])
    const got = b.state().counters.received.route
    net.lookup(a, b.id)
    net.runFor(100)
    expect(b.state().counters.received.route, 'dropped across the partition').to.equal(got)
    net.heal()
    net.lookup(a, b.id)
    net.runFor(100)
    expect(b.state().counters.received.route, 'delivered after healing').to.equal(got + 1)
  })

  it('messages take the per-pair delay, and run in send order', () => {
    const net = new MiniNet({ delayMs: (from, to) => (from.addr < to.addr ? 7 : 30) })
    const [a, b] = [frac(1, 4), frac(3, 4)].map(id => net.addNode({ id, addr: id === frac(1, 4) ? 'a' : 'b' }))
    net.create(a)
    net.join(b, a) // b -> a: 30 ms; a -> b: 7 ms
    const t0 = net.nowMs
    net.runUntilTrue(() => a.state().counters.received.route > 0, 1000)
    expect(net.nowMs - t0).to.equal(30)
    net.runUntilTrue(() => b.core.state === 'member', 1000)
    expect(net.nowMs - t0).to.equal(30 + 7)
  })

  it('replays a run identically (determinism)', () => {
    const trace = (): string => {
      const net = new MiniNet({ geometry: { name: 'dks', k: 4 } })
      const nodes = Array.from({ length: 6 }, (_, i) => net.addNode({ id: keyToId(`det-${i}`) }))
      net.build(nodes, 300)
      net.lookup(nodes[2], 12345n)
      net.leave(nodes[3])
      net.crash(nodes[4])
      net.runFor(30_000)
      return net.sent.map(s => `${s.atMs}:${s.from}>${s.to}:${s.msg.type}`).join('\n')
    }
    const first = trace()
    expect(first.split('\n').length).to.be.greaterThan(50)
    expect(trace()).to.equal(first)
  })
})

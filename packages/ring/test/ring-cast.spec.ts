/* Goal: broadcast reaches every live node exactly once with N−1 messages in a stable ring, range-cast reaches exactly the nodes whose ids lie in its arcs, and a cast survives a relay that crashed before anyone noticed, under every geometry. Method: MiniNet harness (virtual time, assertDeep after every step); count cast-deliver events per (origin, castId) on every node against an independent membership test of the arcs, and count the cast messages in the harness's send log. */
import { expect } from 'aegir/chai'
import { keyToId } from '../src/index.ts'
import { GEOMETRIES, MiniNet, evenIds, frac } from './fixtures/mini-net.ts'
import type { MiniNode } from './fixtures/mini-net.ts'
import type { Arc, GeometryConfig, RingId } from '../src/index.ts'

/** [lo, hi) on the ring; lo === hi is the whole ring. Written independently of arcs.ts. */
function inArc (x: RingId, a: Arc): boolean {
  if (a.lo === a.hi) { return true }
  return a.lo < a.hi ? (x >= a.lo && x < a.hi) : (x >= a.lo || x < a.hi)
}

/** Runs one cast from `origin` and returns, per live node, how many times it got it. */
function castAndCount (net: MiniNet, origin: MiniNode, arcs: Arc[] | undefined, tag: number): { counts: Map<MiniNode, number>, messages: number } {
  const payload = new Uint8Array([tag & 0xff, tag >> 8])
  const mark = net.sent.length
  const before = new Map(net.members().map(n => [n, n.eventsOf('cast-deliver').length]))
  net.command(origin, arcs === undefined ? { type: 'broadcast', payload } : { type: 'rangecast', arcs, payload })
  net.runFor(5000)
  const counts = new Map<MiniNode, number>()
  for (const n of net.members()) {
    const got = n.eventsOf('cast-deliver').slice(before.get(n) ?? 0).filter(e => e.origin.addr === origin.addr && e.payload[0] === payload[0] && e.payload[1] === payload[1])
    counts.set(n, got.length)
  }
  const messages = net.sentSince(mark, 'cast').filter(s => s.msg.payload.kind === 'app' && s.msg.origin.addr === origin.addr).length
  return { counts, messages }
}

function ringOf (net: MiniNet, ids: RingId[]): MiniNode[] {
  const nodes = ids.map(id => net.addNode({ id }))
  net.build(nodes, 200)
  net.runUntilQuiet()
  net.assertRing()
  return net.members()
}

for (const { label, config } of GEOMETRIES) {
  const geometry: GeometryConfig = config

  describe(`ring broadcast and range-cast (${label})`, () => {
    for (const succListLength of [2, 8]) {
      it(`broadcast from every node reaches every node exactly once with N−1 messages (successor list ${succListLength})`, () => {
        const net = new MiniNet({ geometry, ring: { succListLength } })
        const m = ringOf(net, Array.from({ length: 10 }, (_, i) => keyToId(`node-${i}`)))
        m.forEach((origin, i) => {
          const { counts, messages } = castAndCount(net, origin, undefined, i)
          for (const [n, c] of counts) { expect(c, `${n.toString()} from ${origin.toString()}`).to.equal(1) }
          expect(messages, `messages for a broadcast from ${origin.toString()}`).to.equal(m.length - 1)
        })
      })
    }

    it('broadcast in a one-node ring delivers to the origin only', () => {
      const net = new MiniNet({ geometry })
      const [a] = ringOf(net, [frac(1, 3)])
      const { counts, messages } = castAndCount(net, a, undefined, 1)
      expect(counts.get(a)).to.equal(1)
      expect(messages).to.equal(0)
    })

    it('range-cast reaches exactly the nodes inside the arcs, from any origin', () => {
      const net = new MiniNet({ geometry, ring: { succListLength: 2 } })
      const m = ringOf(net, evenIds(8))
      const cases: Array<{ why: string, arcs: Arc[] }> = [
        { why: 'one arc', arcs: [{ lo: frac(1, 4), hi: frac(3, 4) }] },
        { why: 'an arc across zero', arcs: [{ lo: frac(7, 8), hi: m[1].id + 1n }] },
        { why: 'two arcs', arcs: [{ lo: frac(1, 16), hi: frac(3, 16) }, { lo: frac(9, 16), hi: frac(13, 16) }] },
        { why: 'exactly one node id', arcs: [{ lo: m[5].id, hi: m[5].id + 1n }] },
        { why: 'between two nodes: nobody', arcs: [{ lo: m[2].id + 1n, hi: m[3].id }] },
        { why: 'the whole ring', arcs: [{ lo: frac(1, 5), hi: frac(1, 5) }] }
      ]
      let tag = 100
      for (const c of cases) {
        for (const origin of [m[0], m[3], m[6]]) {
          const { counts, messages } = castAndCount(net, origin, c.arcs, tag++)
          for (const [n, got] of counts) {
            const want = c.arcs.some(a => inArc(n.id, a)) ? 1 : 0
            expect(got, `${c.why}: ${n.toString()} from ${origin.toString()}`).to.equal(want)
          }
          expect(messages, `${c.why}: messages`).to.be.at.most(m.length - 1)
        }
      }
    })

    it('a broadcast right after a relay crashed still reaches every live node exactly once', () => {
      const net = new MiniNet({ geometry, ring: { succListLength: 2 } })
      const m = ringOf(net, Array.from({ length: 10 }, (_, i) => keyToId(`node-${i}`)))
      const origin = m[0]
      // Crash the node the origin sends the farthest cell to: it relays for many others.
      const mark = net.sent.length
      castAndCount(net, origin, undefined, 1)
      const relays = net.sentSince(mark, 'cast').filter(s => s.from === origin.addr).map(s => s.to)
      const victim = net.byAddr.get(relays[0])
      expect(victim).to.not.equal(undefined)
      if (victim === undefined) { return }
      net.crash(victim)
      const timeouts = origin.state().counters.hopTimeouts
      const { counts } = castAndCount(net, origin, undefined, 2)
      expect(origin.state().counters.hopTimeouts, 'the dead relay was tried and timed out').to.be.greaterThan(timeouts)
      net.runFor(10_000)
      for (const [n, c] of counts) { expect(c, `${n.toString()} got the cast once`).to.equal(1) }
      expect(counts.has(victim)).to.equal(false)
    })
  })
}

/* Goal: the relaxed ring's membership works on small hand-built rings under every geometry: create, join (pointers and events right after the join), concurrent joins behind one successor, graceful leave, and crash of a successor or predecessor detected by the core's own pings and timeouts, after which the ring heals and stays healed. Method: drive RingNode cores through the deterministic MiniNet harness (virtual time, assertDeep after every step) and compare every pointer with the ground truth. */
import { expect } from 'aegir/chai'
import { PING_INTERVAL_MS, PRED_TIMEOUT_MS } from '../src/core/constants.ts'
import { idAdd } from '../src/index.ts'
import { GEOMETRIES, MiniNet, evenIds, frac } from './fixtures/mini-net.ts'
import type { MiniNode } from './fixtures/mini-net.ts'
import type { GeometryConfig, RingId } from '../src/index.ts'

/** Builds a ring of nodes with the given ids; returns the nodes in id order. */
function buildRing (net: MiniNet, ids: RingId[]): MiniNode[] {
  const nodes = ids.map(id => net.addNode({ id }))
  net.build(nodes, 200)
  net.runUntilQuiet()
  net.assertRing()
  return net.members()
}

/** Everything a live member knows about `x`: lists and table entries. */
function holders (net: MiniNet, x: MiniNode): string[] {
  const out: string[] = []
  for (const m of net.members()) {
    const st = m.state()
    if (st.succList.some(n => n.addr === x.addr)) { out.push(`${m.addr}.succList`) }
    if (st.predList.some(n => n.addr === x.addr)) { out.push(`${m.addr}.predList`) }
    if (st.table.some(s => s.entry?.addr === x.addr)) { out.push(`${m.addr}.table`) }
  }
  return out
}

/** Looks up each key from each member and returns the answers that are not the true owner. */
function wrongLookups (net: MiniNet, keys: RingId[]): string[] {
  const reqs: Array<{ origin: MiniNode, key: RingId, reqId: number }> = []
  for (const origin of net.members()) { for (const key of keys) { reqs.push({ origin, key, reqId: net.lookup(origin, key) }) } }
  net.runFor(20_000)
  const bad: string[] = []
  for (const r of reqs) {
    const ev = net.lookupOutcome(r.origin, r.reqId)
    const truth = net.owner(r.key)
    if (ev?.type !== 'lookup-done' || ev.owner.addr !== truth?.addr) { bad.push(`${r.origin.addr} key ${r.key}: ${ev?.type ?? 'no answer'} ${ev?.type === 'lookup-done' ? ev.owner.addr : ''} expected ${truth?.addr ?? '-'}`) }
  }
  return bad
}

for (const { label, config } of GEOMETRIES) {
  const geometry: GeometryConfig = config

  describe(`ring membership (${label})`, () => {
    it('create makes a one-node ring that owns every key', () => {
      const net = new MiniNet({ geometry })
      const a = net.addNode({ id: frac(1, 3) })
      net.create(a)
      expect(a.eventsOf('joined')).to.have.length(1)
      expect(a.core.succ).to.equal(undefined)
      expect(a.core.pred).to.equal(undefined)
      for (const key of [0n, frac(1, 3), frac(2, 3)]) {
        const reqId = net.lookup(a, key)
        const ev = net.lookupOutcome(a, reqId)
        expect(ev?.type).to.equal('lookup-done')
        if (ev?.type === 'lookup-done') {
          expect(ev.owner.addr).to.equal(a.addr)
          expect(ev.hops).to.equal(0)
        }
      }
      net.assertRing()
    })

    it('a second node joins a one-node ring: each is the other\'s successor and predecessor', () => {
      const net = new MiniNet({ geometry })
      const a = net.addNode({ id: 0n })
      const b = net.addNode({ id: frac(1, 2) })
      net.create(a)
      net.join(b, a)
      net.runFor(100)
      const joined = b.eventsOf('joined')
      expect(joined).to.have.length(1)
      expect(joined[0].pred?.addr).to.equal(a.addr)
      expect(joined[0].succ?.addr).to.equal(a.addr)
      expect(a.core.succ?.addr).to.equal(b.addr)
      expect(a.core.pred?.addr).to.equal(b.addr)
      expect(a.eventsOf('range-changed').map(e => e.pred?.addr)).to.deep.equal([b.addr])
      net.assertRing()
      expect(net.silentPredChanges).to.deep.equal([])
    })

    it('a join sets successor and predecessor pointers at once (no periodic round needed)', () => {
      const net = new MiniNet({ geometry })
      const [a, b, c] = buildRing(net, [0n, frac(2, 8), frac(4, 8), frac(6, 8)])
      const q = net.addNode({ id: frac(3, 8) })
      // Join through a, which is two hops from q's owner c.
      net.join(q, a)
      net.runFor(200) // well below PING_INTERVAL_MS: only the join's own messages ran
      expect(200).to.be.below(PING_INTERVAL_MS)
      const joined = q.eventsOf('joined')
      expect(joined).to.have.length(1)
      expect(joined[0].pred?.addr, 'joined.pred').to.equal(b.addr)
      expect(joined[0].succ?.addr, 'joined.succ').to.equal(c.addr)
      expect(c.core.pred?.addr, 'successor points back').to.equal(q.addr)
      expect(b.core.succ?.addr, 'predecessor points forward').to.equal(q.addr)
      const rc = c.eventsOf('range-changed').at(-1)
      expect(rc?.pred?.addr).to.equal(q.addr)
      expect(rc?.oldPred?.addr).to.equal(b.addr)
      expect(b.eventsOf('succ-changed').at(-1)?.succ?.addr).to.equal(q.addr)
      net.assertRing()
      expect(net.silentPredChanges).to.deep.equal([])
    })

    for (const order of ['ascending', 'descending'] as const) {
      it(`concurrent joins behind the same successor (${order} arrival) form one ring`, () => {
        const net = new MiniNet({ geometry })
        const [a, e] = buildRing(net, [0n, frac(4, 8)])
        const joiners = [1, 2, 3].map(i => net.addNode({ id: frac(i, 8) }))
        if (order === 'descending') { joiners.reverse() }
        // All three join in the same millisecond; all have successor e when they start.
        joiners.forEach((j, i) => { net.join(j, i % 2 === 0 ? a : e) })
        net.runFor(500)
        for (const j of joiners) { expect(j.eventsOf('joined'), `${j.toString()} joined once`).to.have.length(1) }
        expect(net.members()).to.have.length(5)
        net.assertRing()
        expect(net.silentPredChanges).to.deep.equal([])
        expect(wrongLookups(net, [frac(1, 16), frac(3, 16), frac(5, 16), frac(7, 16), frac(15, 16)])).to.deep.equal([])
      })
    }

    it('a join with an id already in the ring is rejected and changes nothing', () => {
      const net = new MiniNet({ geometry })
      const [a, b] = buildRing(net, [frac(1, 4), frac(3, 4)])
      const twin = net.addNode({ id: b.id, addr: 'twin' })
      net.join(twin, a)
      net.runFor(500)
      expect(twin.eventsOf('join-failed').map(e => e.reason)).to.deep.equal(['id-collision'])
      expect(twin.core.state).to.equal('idle')
      net.assertRing()
      expect(a.core.pred?.addr).to.equal(b.addr)
    })

    it('create and join on a member are refused', () => {
      const net = new MiniNet({ geometry })
      const [a, b] = buildRing(net, [frac(1, 4), frac(3, 4)])
      net.create(a)
      expect(a.state().counters.rejected['create-not-idle']).to.equal(1)
      net.join(b, a)
      expect(b.eventsOf('join-failed').map(e => e.reason)).to.deep.equal(['not-idle'])
      net.runFor(1000)
      net.assertRing()
    })

    it('graceful leave: leaving then left, the successor takes the range, nobody suspects', () => {
      const net = new MiniNet({ geometry })
      const m = buildRing(net, evenIds(6))
      const [p, l, s] = [m[1], m[2], m[3]]
      net.leave(l)
      const leaving = l.eventsOf('leaving')
      expect(leaving).to.have.length(1)
      expect(leaving[0].pred?.addr).to.equal(p.addr)
      expect(leaving[0].succ?.addr).to.equal(s.addr)
      net.runFor(200)
      expect(l.events.map(e => e.ev.type).slice(-2)).to.deep.equal(['leaving', 'left'])
      const rc = s.eventsOf('range-changed').at(-1)
      expect(rc?.pred?.addr, 'successor now starts after the leaver\'s predecessor').to.equal(p.addr)
      expect(rc?.oldPred?.addr).to.equal(l.addr)
      expect(p.core.succ?.addr).to.equal(s.addr)
      net.assertRing()
      // Stays healed: the leaver does not come back through gossip.
      const broke = net.runUntilTrue(() => net.ringProblems().length > 0, 60_000)
      expect(broke, `ring broke again at ${net.nowMs} ms: ${net.ringProblems().join('; ')}`).to.equal(false)
      for (const n of net.members()) { expect(n.eventsOf('suspected'), `${n.toString()} suspected nobody`).to.deep.equal([]) }
      expect(holders(net, l), 'nobody keeps the leaver').to.deep.equal([])
      expect(net.silentPredChanges).to.deep.equal([])
      // Keys of the leaver's old range now belong to its successor.
      expect(wrongLookups(net, [idAdd(p.id, 1n), l.id])).to.deep.equal([])
      expect(net.owner(l.id)?.addr).to.equal(s.addr)
    })

    it('graceful leave of one of two nodes leaves the other alone, owning every key', () => {
      const net = new MiniNet({ geometry })
      const [a, b] = buildRing(net, [frac(1, 4), frac(3, 4)])
      net.leave(b)
      net.runFor(200)
      expect(b.events.map(e => e.ev.type).slice(-2)).to.deep.equal(['leaving', 'left'])
      expect(a.core.succ).to.equal(undefined)
      expect(a.core.pred).to.equal(undefined)
      expect(a.eventsOf('range-changed').at(-1)?.oldPred?.addr).to.equal(b.addr)
      const reqId = net.lookup(a, b.id)
      const ev = net.lookupOutcome(a, reqId)
      expect(ev?.type === 'lookup-done' ? ev.owner.addr : ev?.type).to.equal(a.addr)
      net.assertRing()
    })

    it('the last member leaves at once', () => {
      const net = new MiniNet({ geometry })
      const a = net.addNode()
      net.create(a)
      net.leave(a)
      expect(a.events.map(e => e.ev.type)).to.deep.equal(['joined', 'leaving', 'left'])
    })

    for (const size of [4, 9]) {
      it(`crash of a successor (${size}-node ring): detected by pings, the ring heals and stays healed`, () => {
        const net = new MiniNet({ geometry })
        const m = buildRing(net, evenIds(size))
        const [p, x, s] = [m[1], m[2], m[3]]
        const t0 = net.nowMs
        net.crash(x)
        // One missed ping plus its retry: well within two ping intervals.
        const detected = net.runUntilTrue(() => p.eventsOf('suspected').some(e => e.node.addr === x.addr), 2 * PING_INTERVAL_MS + 2000)
        expect(detected, 'predecessor suspects the crashed successor').to.equal(true)
        expect(p.core.succ?.addr, 'predecessor falls back to the next successor').to.equal(s.addr)
        const healed = net.runUntilTrue(() => net.ringProblems().length === 0, 60_000)
        expect(healed, `ring heals: ${net.ringProblems().join('; ')}`).to.equal(true)
        expect(net.nowMs - t0).to.be.below(60_000)
        // Stays healed: no dead node comes back through gossip.
        const broke = net.runUntilTrue(() => net.ringProblems().length > 0, 90_000)
        expect(broke, `ring broke again at ${net.nowMs} ms: ${net.ringProblems().join('; ')}`).to.equal(false)
        expect(net.silentPredChanges).to.deep.equal([])
        expect(wrongLookups(net, [idAdd(p.id, 1n), x.id])).to.deep.equal([])
      })

      it(`crash of a predecessor (${size}-node ring): the successor times it out and takes its range`, () => {
        const net = new MiniNet({ geometry })
        const m = buildRing(net, evenIds(size))
        const [p, x, s] = [m[1], m[2], m[3]]
        net.crash(x)
        const took = net.runUntilTrue(() => s.eventsOf('range-changed').some(e => e.oldPred?.addr === x.addr), PRED_TIMEOUT_MS + 2 * PING_INTERVAL_MS)
        expect(took, 'successor reports its range grew').to.equal(true)
        const rc = s.eventsOf('range-changed').find(e => e.oldPred?.addr === x.addr)
        expect(rc?.pred?.addr).to.equal(p.addr)
        expect(s.eventsOf('suspected').map(e => e.node.addr)).to.include(x.addr)
        const healed = net.runUntilTrue(() => net.ringProblems().length === 0, 60_000)
        expect(healed, `ring heals: ${net.ringProblems().join('; ')}`).to.equal(true)
        const broke = net.runUntilTrue(() => net.ringProblems().length > 0, 90_000)
        expect(broke, `ring broke again at ${net.nowMs} ms: ${net.ringProblems().join('; ')}`).to.equal(false)
        expect(s.core.pred?.addr).to.equal(p.addr)
        expect(net.silentPredChanges).to.deep.equal([])
      })
    }
  })
}

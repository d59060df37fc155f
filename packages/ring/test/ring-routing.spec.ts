/* Goal: routing on small rings under every geometry: lookups and routed payloads reach the true owner in few hops, correction-on-use (a receiver that is not the node a slot should point to answers with the right candidate; a correction is applied only when it improves the entry), correction-on-change (after a join, leave or crash the nodes whose slots start in the changed range re-point), and set-geometry at run time, also in rings that mix tango and dks. Method: MiniNet harness (virtual time, assertDeep after every step); routed messages and corrections are also injected by hand and the node's outputs and routing state inspected. */
import { expect } from 'aegir/chai'
import { RING_SIZE, cwDist, getGeometry, idAdd, idToHex, inOpenClosed, keyToId } from '../src/index.ts'
import { GEOMETRIES, MiniNet, evenIds } from './fixtures/mini-net.ts'
import type { MiniNode } from './fixtures/mini-net.ts'
import type { GeometryConfig, NodeRef, RingId, RouteMsg } from '../src/index.ts'

const KEYS: RingId[] = Array.from({ length: 24 }, (_, i) => keyToId(`key-${i}`))

function ringOf (net: MiniNet, count: number, ids?: RingId[]): MiniNode[] {
  const nodes = (ids ?? Array.from({ length: count }, (_, i) => keyToId(`node-${i}`))).map(id => net.addNode({ id }))
  net.build(nodes, 200)
  net.runUntilQuiet()
  net.assertRing()
  return net.members()
}

interface LookupCheck { wrong: string[], hops: number[] }

/** Looks up every key from every member once the ring is quiet. */
function lookupAll (net: MiniNet, keys: RingId[] = KEYS): LookupCheck {
  const reqs: Array<{ origin: MiniNode, key: RingId, reqId: number }> = []
  for (const origin of net.members()) { for (const key of keys) { reqs.push({ origin, key, reqId: net.lookup(origin, key) }) } }
  net.runFor(20_000)
  const wrong: string[] = []
  const hops: number[] = []
  for (const r of reqs) {
    const outs = net.lookupOutcomes(r.origin, r.reqId)
    const ev = outs[0]
    const truth = net.owner(r.key)
    if (outs.length !== 1 || ev?.type !== 'lookup-done' || ev.owner.addr !== truth?.addr) {
      wrong.push(`${r.origin.addr} key ${idToHex(r.key).slice(0, 8)}: ${outs.length} answers, ${ev?.type ?? 'none'} ${ev?.type === 'lookup-done' ? ev.owner.addr : ''} expected ${truth?.addr ?? '-'}`)
    } else {
      hops.push(ev.hops)
    }
  }
  return { wrong, hops }
}

/** A table view as comparable plain data. */
function tableOf (n: MiniNode): string[] {
  return n.state().table.map(s => `${s.start}:${s.entry?.addr ?? '-'}`)
}

function routeMsg (origin: NodeRef, key: RingId, slot: RingId | undefined): RouteMsg {
  return { type: 'route', hop: 7, kind: 'lookup', key, origin, reqId: 4242, hops: 1, ttl: 10, phase: 0, final: false, slot }
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)

for (const { label, config } of GEOMETRIES) {
  const geometry: GeometryConfig = config

  describe(`ring routing (${label})`, () => {
    for (const succListLength of [2, 8]) {
      it(`lookups from every node find the true owner in few hops (10 nodes, successor list ${succListLength})`, () => {
        const net = new MiniNet({ geometry, ring: { succListLength } })
        ringOf(net, 10)
        const { wrong, hops } = lookupAll(net)
        expect(wrong).to.deep.equal([])
        // Converged tables: at most ceil(log2 n) + 1 hops for every geometry here, log2 n on average.
        expect(Math.max(...hops)).to.be.at.most(Math.ceil(Math.log2(10)) + 1)
        expect(mean(hops)).to.be.at.most(Math.log2(10))
        // A lookup started at the owner itself is answered locally.
        for (const m of net.members()) {
          const reqId = net.lookup(m, m.id)
          const ev = net.lookupOutcome(m, reqId)
          expect(ev?.type === 'lookup-done' ? [ev.owner.addr, ev.hops] : ev).to.deep.equal([m.addr, 0])
        }
      })
    }

    it('a routed payload is delivered once, at the owner only', () => {
      const net = new MiniNet({ geometry, ring: { succListLength: 2 } })
      const m = ringOf(net, 10)
      const key = keyToId('payload-key')
      const owner = net.owner(key)
      const payload = new Uint8Array([1, 2, 3])
      net.command(m[0], { type: 'route', key, reqId: 5, payload })
      net.runFor(5000)
      for (const n of net.members()) {
        const got = n.eventsOf('deliver')
        if (n === owner) {
          expect(got).to.have.length(1)
          expect([...got[0].payload]).to.deep.equal([1, 2, 3])
          expect(got[0].origin.addr).to.equal(m[0].addr)
        } else {
          expect(got, `${n.toString()} got no payload`).to.have.length(0)
        }
      }
      const done = net.lookupOutcome(m[0], 5)
      expect(done?.type === 'lookup-done' ? done.owner.addr : done?.type).to.equal(owner?.addr)
    })

    it('correction-on-use: a receiver that does not own the sender\'s slot answers with the right candidate', () => {
      const net = new MiniNet({ geometry })
      const m = ringOf(net, 8, evenIds(8))
      const r = m[3]
      const x = m[0]
      const cases: Array<{ slot: RingId, expect: MiniNode | undefined, why: string }> = [
        { slot: m[4].id, expect: m[4], why: 'slot owned by the receiver\'s successor' },
        { slot: idAdd(m[5].id, 1n), expect: m[6], why: 'slot owned by a later successor' },
        { slot: idAdd(m[1].id, 1n), expect: m[2], why: 'slot owned by the receiver\'s predecessor' },
        { slot: r.id, expect: undefined, why: 'slot owned by the receiver: no correction' },
        { slot: idAdd(m[2].id, 1n), expect: undefined, why: 'first id of the receiver\'s range: no correction' },
        { slot: x.id, expect: undefined, why: 'slot owned by the sender itself: nothing to tell it' }
      ]
      for (const c of cases) {
        const mark = net.sent.length
        const before = r.state().counters.correctionsSent
        net.inject(r, x.ref, routeMsg(x.ref, r.id, c.slot))
        const corr = net.sentSince(mark, 'correction').filter(s => s.from === r.addr)
        if (c.expect === undefined) {
          expect(corr, c.why).to.have.length(0)
          expect(r.state().counters.correctionsSent, c.why).to.equal(before)
        } else {
          expect(corr.map(s => [s.to, s.msg.slot, s.msg.node.addr]), c.why).to.deep.equal([[x.addr, c.slot, c.expect.addr]])
          expect(r.state().counters.correctionsSent, c.why).to.equal(before + 1)
        }
        net.runFor(100)
      }
      // A final hop carries no slot header and draws no correction.
      const mark = net.sent.length
      net.inject(r, x.ref, { ...routeMsg(x.ref, r.id, undefined), final: true })
      expect(net.sentSince(mark, 'correction')).to.have.length(0)
    })

    it('correction-on-use end to end: a stale finger is repaired by a lookup that uses it', () => {
      // Hand-built: a, b close together; then p < s ≤ q < c where s is one of a's slot starts and
      // the next slot start lies beyond c. q joins while correction-on-change casts to a are
      // dropped, so a's slot s still points at c until a lookup through c corrects it.
      const g = getGeometry(geometry)
      const i = g.slots.findIndex(sl => sl.sign === 1 && sl.offset >= RING_SIZE / 5n)
      const s = g.slots[i].offset
      const next = g.slots[i + 1].offset
      const ids = {
        a: 0n,
        b: RING_SIZE / 32n,
        p: s - RING_SIZE / 16n,
        c: s + (next - s) / 2n,
        d: next + (RING_SIZE - next) / 3n,
        e: next + 2n * (RING_SIZE - next) / 3n
      }
      const net = new MiniNet({ geometry, ring: { succListLength: 1 } })
      const [a, b, p, c, d, e] = [ids.a, ids.b, ids.p, ids.c, ids.d, ids.e].map(id => net.addNode({ id }))
      net.build([a, b, p, c, d, e], 500)
      net.runUntilQuiet()
      net.assertRing()
      const slotView = (): NodeRef | undefined => a.state().table.find(v => v.start === s)?.entry
      // a learns c from the answer to a lookup of c's id (learning from replies).
      const first = net.lookup(a, c.id)
      net.runFor(2000)
      expect(net.lookupOutcome(a, first)?.type).to.equal('lookup-done')
      expect(slotView()?.addr, 'before the join, a\'s slot s points at c').to.equal(c.addr)
      const q = net.addNode({ id: s })
      net.drop = (_from, to, msg) => to === a && msg.type === 'cast'
      net.join(q, e)
      net.runUntilQuiet()
      net.drop = undefined
      net.assertRing()
      expect(slotView()?.addr, 'precondition: a did not learn q by other means').to.equal(c.addr)
      const applied = a.state().counters.correctionsApplied
      const mark = net.sent.length
      const reqId = net.lookup(a, c.id)
      net.runFor(2000)
      const ev = net.lookupOutcome(a, reqId)
      expect(ev?.type === 'lookup-done' ? ev.owner.addr : ev?.type).to.equal(c.addr)
      const corr = net.sentSince(mark, 'correction').map(x => [x.from, x.to, x.msg.slot, x.msg.node.addr])
      expect(corr).to.deep.include([c.addr, a.addr, s, q.addr])
      expect(slotView()?.addr, 'a\'s slot s now points at q').to.equal(q.addr)
      expect(a.state().counters.correctionsApplied).to.equal(applied + 1)
    })

    it('a correction is applied when it improves the entry and ignored otherwise', () => {
      const net = new MiniNet({ geometry, ring: { succListLength: 2 } })
      const m = ringOf(net, 10)
      const x = m[0]
      const from = m[5].ref
      const view = x.state().table
      const slot = view.find(v => v.entry !== undefined && cwDist(v.start, v.entry.id) > 2n)
      expect(slot, 'some slot has room between its start and its entry').to.not.equal(undefined)
      if (slot?.entry === undefined) { return }
      const entry = slot.entry
      const later = net.members().find(n => n.addr !== x.addr && cwDist(slot.start, n.id) > cwDist(slot.start, entry.id))
      const ignored: Array<{ slot: RingId, node: NodeRef, why: string }> = [
        { slot: slot.start, node: { id: idAdd(slot.start, RING_SIZE - 1n), addr: 'before-start' }, why: 'candidate before the slot start' },
        { slot: idAdd(slot.start, 1n), node: { id: idAdd(slot.start, 1n), addr: 'not-a-start' }, why: 'not one of the receiver\'s slot starts' },
        { slot: slot.start, node: entry, why: 'the current entry again' }
      ]
      if (later !== undefined) { ignored.push({ slot: slot.start, node: later.ref, why: 'candidate farther than the current entry' }) }
      for (const c of ignored) {
        const before = tableOf(x)
        const counters = x.state().counters
        net.inject(x, from, { type: 'correction', slot: c.slot, node: c.node })
        expect(tableOf(x), c.why).to.deep.equal(before)
        expect(x.state().counters.correctionsReceived, c.why).to.equal(counters.correctionsReceived + 1)
        expect(x.state().counters.correctionsApplied, c.why).to.equal(counters.correctionsApplied)
      }
      const better: NodeRef = { id: idAdd(slot.start, 1n), addr: 'closer' }
      const applied = x.state().counters.correctionsApplied
      net.inject(x, from, { type: 'correction', slot: slot.start, node: better })
      expect(x.state().table.find(v => v.start === slot.start)?.entry?.addr).to.equal('closer')
      expect(x.state().counters.correctionsApplied).to.equal(applied + 1)
    })

    it('correction-on-change after a join: nodes whose slots start in the joiner\'s range point at it', () => {
      const net = new MiniNet({ geometry, ring: { succListLength: 2 } })
      const m = ringOf(net, 10)
      const q = net.addNode({ id: keyToId('joiner') })
      net.join(q, m[0])
      net.runUntilQuiet()
      net.assertRing()
      const p = q.core.pred
      expect(p).to.not.equal(undefined)
      if (p === undefined) { return }
      const stale: string[] = []
      let inRange = 0
      for (const n of net.members()) {
        if (n === q) { continue }
        for (const v of n.state().table) {
          if (!inOpenClosed(v.start, p.id, q.id)) { continue }
          inRange++
          if (v.entry?.addr !== q.addr) { stale.push(`${n.toString()} slot ${v.level}/${v.sign} -> ${v.entry?.addr ?? '-'}`) }
        }
      }
      expect(inRange, 'some slots start in the joiner\'s range').to.be.greaterThan(0)
      expect(stale).to.deep.equal([])
    })

    it('correction-on-change after a join also reaches nodes whose slot offset is below the joiner\'s successor distance', () => {
      // Hand-built: a (at 0) has slot start s; p < s < c and c's successor x is far away, so the
      // offset of a's slot is shorter than the distance from c to its successor. a is neither
      // c's neighbour nor on its join path: only the range-cast can tell it.
      const g = getGeometry(geometry)
      const i = g.slots.findIndex(sl => sl.sign === 1 && sl.offset >= RING_SIZE / 5n)
      const s = g.slots[i].offset
      const next = g.slots[i + 1].offset
      const net = new MiniNet({ geometry, ring: { succListLength: 1 } })
      const [a, b, p, x] = [0n, RING_SIZE / 32n, s - RING_SIZE / 16n, RING_SIZE * 9n / 10n].map(id => net.addNode({ id }))
      net.build([a, b, p, x], 500)
      net.runUntilQuiet()
      expect(a.state().table.find(v => v.start === s)?.entry?.addr, 'before: the owner of s is x').to.equal(x.addr)
      const c = net.addNode({ id: s + (next - s) / 2n })
      net.join(c, x)
      net.runUntilQuiet()
      net.assertRing()
      expect(c.core.pred?.addr).to.equal(p.addr)
      expect(cwDist(c.id, x.id) > s, 'precondition: c\'s successor is farther than the slot offset').to.equal(true)
      expect(a.state().table.find(v => v.start === s)?.entry?.addr, 'a\'s slot s now points at the joiner').to.equal(c.addr)
    })

    it('correction-on-change after a graceful leave: slots re-point to the successor, nobody keeps the leaver', () => {
      const net = new MiniNet({ geometry, ring: { succListLength: 2 } })
      const m = ringOf(net, 10)
      const [p, l, s] = [m[3], m[4], m[5]]
      net.leave(l)
      net.runUntilQuiet()
      net.assertRing()
      const stale: string[] = []
      for (const n of net.members()) {
        // The successor owns those starts itself now: a node never holds itself in its table.
        if (n === s) { continue }
        for (const v of n.state().table) {
          if (v.entry?.addr === l.addr) { stale.push(`${n.toString()} still points at the leaver`) }
          if (inOpenClosed(v.start, p.id, l.id) && v.entry?.addr !== s.addr) { stale.push(`${n.toString()} slot ${v.level}/${v.sign} -> ${v.entry?.addr ?? '-'}`) }
        }
      }
      expect(stale).to.deep.equal([])
      expect(lookupAll(net, [l.id, idAdd(p.id, 1n)]).wrong).to.deep.equal([])
    })

    it('correction-on-change after a crash: once healed, slots re-point to the successor', () => {
      const net = new MiniNet({ geometry, ring: { succListLength: 2 } })
      const m = ringOf(net, 10)
      const [p, x, s] = [m[6], m[7], m[8]]
      net.crash(x)
      const healed = net.runUntilTrue(() => net.ringProblems().length === 0 && s.core.pred?.addr === p.addr, 60_000)
      expect(healed, net.ringProblems().join('; ')).to.equal(true)
      net.runFor(5000)
      const stale: string[] = []
      for (const n of net.members()) {
        if (n === s) { continue }
        for (const v of n.state().table) {
          if (v.entry?.addr === x.addr) { stale.push(`${n.toString()} still points at the crashed node`) }
          if (inOpenClosed(v.start, p.id, x.id) && v.entry?.addr !== s.addr) { stale.push(`${n.toString()} slot ${v.level}/${v.sign} -> ${v.entry?.addr ?? '-'}`) }
        }
      }
      expect(stale).to.deep.equal([])
    })

    it('set-geometry at run time rebuilds every table and lookups stay right', () => {
      const net = new MiniNet({ geometry, ring: { succListLength: 2 } })
      const m = ringOf(net, 10)
      const others = GEOMETRIES.filter(g => g.label !== label)
      for (const target of others) {
        const tg = getGeometry(target.config)
        for (const n of m) { net.command(n, { type: 'set-geometry', geometry: target.config }) }
        net.runUntilQuiet()
        for (const n of m) {
          const ev = n.eventsOf('geometry-changed').at(-1)
          expect([ev?.name, ev?.k]).to.deep.equal([tg.name, tg.k])
          const st = n.state()
          expect([st.geometry, st.k]).to.deep.equal([tg.name, tg.k])
          const starts = new Set(tg.slots.map(sl => idAdd(n.id, sl.offset)))
          expect(st.table.length, 'the new window is not empty').to.be.greaterThan(0)
          for (const v of st.table) { expect(starts.has(v.start), `${target.label} slot start of ${n.toString()}`).to.equal(true) }
        }
        const { wrong, hops } = lookupAll(net)
        expect(wrong, `after switching to ${target.label}`).to.deep.equal([])
        expect(Math.max(...hops)).to.be.at.most(Math.ceil(Math.log2(10)) + 1)
      }
    })
  })
}

describe('ring routing with mixed geometries', () => {
  it('a ring where half the nodes use tango and half dks answers every lookup right', () => {
    const net = new MiniNet({ ring: { succListLength: 2 } })
    const nodes = Array.from({ length: 10 }, (_, i) => net.addNode({ geometry: i % 2 === 0 ? { name: 'tango' } : { name: 'dks', k: 4 } }))
    net.build(nodes, 200)
    net.runUntilQuiet()
    net.assertRing()
    expect(nodes.map(n => n.state().geometry)).to.include.members(['tango', 'dks'])
    const { wrong, hops } = lookupAll(net)
    expect(wrong).to.deep.equal([])
    expect(Math.max(...hops)).to.be.at.most(Math.ceil(Math.log2(10)) + 1)
  })

  it('switching half of a dks ring to tango at run time keeps lookups right', () => {
    const net = new MiniNet({ geometry: { name: 'dks', k: 16 }, ring: { succListLength: 2 } })
    const nodes = Array.from({ length: 10 }, () => net.addNode())
    net.build(nodes, 200)
    net.runUntilQuiet()
    nodes.forEach((n, i) => { if (i % 2 === 1) { net.command(n, { type: 'set-geometry', geometry: { name: 'tango' } }) } })
    // Lookups while the switched nodes are still re-filling their tables.
    const early = nodes.map((n, i) => ({ n, key: KEYS[i], reqId: net.lookup(n, KEYS[i]) }))
    net.runUntilQuiet()
    for (const r of early) {
      const ev = net.lookupOutcome(r.n, r.reqId)
      expect(ev?.type === 'lookup-done' ? ev.owner.addr : ev?.type).to.equal(net.owner(r.key)?.addr)
    }
    expect(nodes.filter(n => n.state().geometry === 'tango')).to.have.length(5)
    expect(lookupAll(net).wrong).to.deep.equal([])
  })

  it('set-geometry with an invalid arity throws InvalidParametersError and leaves the table alone', () => {
    const net = new MiniNet({ geometry: { name: 'dks', k: 16 } })
    const [a] = ringOf(net, 4)
    const before = tableOf(a)
    let err: any
    try {
      a.core.handleCommand(net.nowMs, { type: 'set-geometry', geometry: { name: 'dks', k: 6 } })
    } catch (e) {
      err = e
    }
    expect(err?.name).to.equal('InvalidParametersError')
    a.core.assertDeep()
    expect(tableOf(a)).to.deep.equal(before)
    expect(a.state().k).to.equal(16)
  })
})

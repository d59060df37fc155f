/* Goal: a ring split by a partition heals into one ring per side, and once the partition heals the rings unify into one consistent ring that answers lookups right, under every geometry, for a split into two arcs and for an interleaved split. Method: MiniNet harness with partition groups (messages between groups dropped, in flight too), virtual time only; the global ring check runs on each side and then on all members, and must keep holding for a minute afterwards. */
import { expect } from 'aegir/chai'
import { PING_INTERVAL_MS, PRED_TIMEOUT_MS, SUSPECT_PROBE_MAX_MS } from '../src/core/constants.ts'
import { keyToId } from '../src/index.ts'
import { GEOMETRIES, MiniNet } from './fixtures/mini-net.ts'
import type { MiniNode } from './fixtures/mini-net.ts'
import type { GeometryConfig, RingId } from '../src/index.ts'

const SPLITS = {
  'two arcs': (m: MiniNode[]) => [m.slice(0, m.length / 2), m.slice(m.length / 2)],
  interleaved: (m: MiniNode[]) => [m.filter((_, i) => i % 2 === 0), m.filter((_, i) => i % 2 === 1)]
} as const

function ringOf (net: MiniNet, count: number): MiniNode[] {
  const nodes = Array.from({ length: count }, (_, i) => net.addNode({ id: keyToId(`node-${i}`) }))
  net.build(nodes, 200)
  net.runUntilQuiet()
  net.assertRing()
  return net.members()
}

function consistent (net: MiniNet, groups: MiniNode[][]): boolean {
  return groups.every(g => net.ringProblems(g).length === 0)
}

function problems (net: MiniNet, groups: MiniNode[][]): string {
  return groups.map(g => net.ringProblems(g).join('; ')).join(' | ')
}

function wrongLookups (net: MiniNet, keys: RingId[]): string[] {
  const reqs = net.members().flatMap(origin => keys.map(key => ({ origin, key, reqId: net.lookup(origin, key) })))
  net.runFor(20_000)
  return reqs.flatMap(r => {
    const ev = net.lookupOutcome(r.origin, r.reqId)
    const truth = net.owner(r.key)
    return ev?.type === 'lookup-done' && ev.owner.addr === truth?.addr ? [] : [`${r.origin.addr}: ${ev?.type ?? 'none'} expected ${truth?.addr ?? '-'}`]
  })
}

for (const { label, config } of GEOMETRIES) {
  const geometry: GeometryConfig = config

  describe(`ring partitions (${label})`, () => {
    for (const [splitName, split] of Object.entries(SPLITS)) {
      it(`each side of a partition (${splitName}) heals into its own ring and stays so`, () => {
        const net = new MiniNet({ geometry })
        const groups = split(ringOf(net, 10))
        net.partition(groups)
        // The first node of a side times out the other side's nodes in its predecessor list one
        // at a time (PRED_TIMEOUT_MS each) before it accepts the last node of its own side.
        const boundMs = (Math.max(...groups.map(g => g.length)) + 1) * PRED_TIMEOUT_MS + 2 * PING_INTERVAL_MS
        const healed = net.runUntilTrue(() => consistent(net, groups), boundMs)
        expect(healed, `sides heal: ${problems(net, groups)}`).to.equal(true)
        const broke = net.runUntilTrue(() => !consistent(net, groups), 60_000)
        expect(broke, `a side broke again at ${net.nowMs} ms: ${problems(net, groups)}`).to.equal(false)
      })

      it(`after a partition (${splitName}) heals, the rings unify into one consistent ring`, () => {
        const net = new MiniNet({ geometry })
        const all = ringOf(net, 10)
        const groups = split(all)
        net.partition(groups)
        net.runFor(60_000)
        net.heal()
        // Suspected nodes are probed with back-off up to SUSPECT_PROBE_MAX_MS: one such period
        // to notice, then the merge itself.
        const unified = net.runUntilTrue(() => net.ringProblems().length === 0, SUSPECT_PROBE_MAX_MS + 60_000)
        expect(unified, `one ring again: ${net.ringProblems().join('; ')}`).to.equal(true)
        expect(net.members()).to.have.length(10)
        expect(all.some(n => n.eventsOf('rediscovered').length > 0), 'some node rediscovered the other side').to.equal(true)
        const broke = net.runUntilTrue(() => net.ringProblems().length > 0, 60_000)
        expect(broke, `the unified ring broke at ${net.nowMs} ms: ${net.ringProblems().join('; ')}`).to.equal(false)
        expect(wrongLookups(net, Array.from({ length: 8 }, (_, i) => keyToId(`key-${i}`)))).to.deep.equal([])
      })
    }

    it('two rings that never knew each other unify when a node of one is told to reunite with a node of the other (a node that created a ring alone, finding its remembered peers later)', () => {
      const net = new MiniNet({ geometry })
      const a = Array.from({ length: 5 }, (_, i) => net.addNode({ id: keyToId(`a-${i}`) }))
      const b = Array.from({ length: 5 }, (_, i) => net.addNode({ id: keyToId(`b-${i}`) }))
      net.build(a, 200)
      net.build(b, 200)
      net.runUntilQuiet()
      expect(net.ringProblems(a)).to.deep.equal([])
      expect(net.ringProblems(b)).to.deep.equal([])
      expect(net.ringProblems().length, 'two rings, not one').to.be.greaterThan(0)
      net.command(b[0], { type: 'reunite', node: a[2].ref })
      expect(b[0].core.counters.reunites).to.equal(1)
      const unified = net.runUntilTrue(() => net.ringProblems().length === 0, 60_000)
      expect(unified, `one ring: ${net.ringProblems().join('; ')}`).to.equal(true)
      expect(wrongLookups(net, Array.from({ length: 8 }, (_, i) => keyToId(`key-${i}`)))).to.deep.equal([])
      // Not a member yet, or itself: refused, nothing sent.
      const lone = net.addNode({ id: keyToId('lone') })
      net.command(lone, { type: 'reunite', node: a[0].ref })
      net.command(a[0], { type: 'reunite', node: a[0].ref })
      expect(lone.core.counters.rejected['reunite-not-member']).to.equal(1)
      expect(a[0].core.counters.rejected['reunite-not-member']).to.equal(1)
    })
  })
}

/** Cuts node `victim` off for `flapMs`, heals for 3 s, cuts it off again for 30 s; the nodes that suspect it then and never probed it meanwhile. */
function unprobedSuspicions (geometry: GeometryConfig, victim: number, flapMs: number): string[] {
  const net = new MiniNet({ geometry })
  const nodes = Array.from({ length: 6 }, (_, i) => net.addNode({ id: keyToId(`node-${i}`) }))
  net.build(nodes, 200)
  net.runUntilQuiet()
  const all = net.members()
  const x = all[victim]
  const rest = all.filter(n => n !== x)
  // A short cut: some nodes suspect x, then hear from it again.
  net.partition([[x], rest])
  net.runFor(flapMs)
  net.heal()
  net.runFor(3000)
  // Cut off again, for 30 s: every node that suspects x probes it meanwhile.
  net.partition([[x], rest])
  const from = net.sent.length
  net.runFor(30_000)
  const suspecting = rest.filter(y => y.core.getRoutingState().suspects.some(s => s.addr === x.addr))
  return suspecting.filter(y => !net.sent.slice(from).some(s => s.from === y.addr && s.to === x.addr && s.msg.type === 'probe')).map(y => `${y.addr} suspects ${x.addr} and never probed it`)
}

describe('suspects after a flapping partition', () => {
  it('a node cut off twice (a short flap, then for good) is probed again by every node that suspects it (a node whose suspects had all come back kept a dead probe timer and never probed a later suspect: 33 of these 54 runs before)', () => {
    const stale: string[] = []
    for (const { label, config } of GEOMETRIES) {
      for (let victim = 0; victim < 6; victim++) {
        for (const flapMs of [1500, 2600, 4000]) {
          stale.push(...unprobedSuspicions(config, victim, flapMs).map(p => `${label}, victim ${victim}, flap ${flapMs} ms: ${p}`))
        }
      }
    }
    expect(stale).to.deep.equal([])
  })
})

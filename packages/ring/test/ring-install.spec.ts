/* Goal: the install command makes a node a member with a given state, validates that state like gossip, and the protocol takes over from there. Method: a hand-installed 8-node ring on the MiniNet harness; lookups, then a crash; bad installs. */
import { expect } from 'aegir/chai'
import { keyToId } from '../src/index.ts'
import { MiniNet } from './fixtures/mini-net.ts'
import type { MiniNode } from './fixtures/mini-net.ts'

function installRing (net: MiniNet, nodes: MiniNode[]): void {
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : 1))
  const n = sorted.length
  sorted.forEach((node, i) => {
    const around = (d: number): typeof node.ref[] => Array.from({ length: n - 1 }, (_, j) => sorted[((i + d * (j + 1)) % n + n) % n].ref)
    net.command(node, { type: 'install', predList: around(-1), succList: around(1), fingers: sorted.filter(x => x !== node).map(x => x.ref) })
  })
}

describe('install', () => {
  for (const geometry of [{ name: 'tango' as const }, { name: 'dks' as const, k: 4 }]) {
    it(`an installed ${geometry.name} ring is consistent, answers lookups and heals a crash`, () => {
      const net = new MiniNet({ geometry })
      const nodes = Array.from({ length: 8 }, (_, i) => net.addNode({ id: keyToId(`install-${i}`) }))
      installRing(net, nodes)
      for (const n of nodes) { expect(n.core.state).to.equal('member') }
      net.assertRing()
      for (let i = 0; i < 20; i++) {
        const key = keyToId(`k${i}`)
        const origin = nodes[i % nodes.length]
        const req = net.lookup(origin, key)
        net.runFor(2000)
        const out = net.lookupOutcome(origin, req)
        expect(out?.type).to.equal('lookup-done')
        if (out?.type === 'lookup-done') { expect(out.owner.addr).to.equal(net.owner(key)?.addr) }
      }
      net.crash(nodes[3])
      net.runUntilTrue(() => net.ringProblems().length === 0, 120_000)
      net.assertRing()
    })
  }

  it('drops refs to self and refs that contradict known nodes; refuses a second install', () => {
    const net = new MiniNet({ geometry: { name: 'tango' } })
    const [a, b, c] = Array.from({ length: 3 }, (_, i) => net.addNode({ id: keyToId(`x-${i}`) }))
    net.command(a, { type: 'install', predList: [b.ref, a.ref], succList: [c.ref, { id: keyToId('other'), addr: c.addr }], fingers: [a.ref] })
    const st = a.core.getRoutingState()
    expect(st.state).to.equal('member')
    expect(st.predList.map(n => n.addr)).to.not.include(a.addr)
    expect(st.succList.filter(n => n.addr === c.addr)).to.have.length(1)
    expect(st.succList.every(n => n.id !== keyToId('other'))).to.equal(true)
    net.command(a, { type: 'install', predList: [], succList: [], fingers: [] })
    expect(a.core.getRoutingState().counters.rejected['install-not-idle']).to.equal(1)
  })
})

/* Goal: a node restarted while every peer it remembers is away creates a ring of its own (so it serves at all), and once those peers are back, as a ring of their own, the two rings become one without anyone's help (before: the node stayed in its own ring for good). Method: two in-process nodes on 127.0.0.1 (ring only, no store): A starts on a fixed port and stops; C starts remembering only A (its peers.json), finds nobody and creates a ring; A starts again on the same port and creates a ring too (it remembers nobody); then each must become the other's neighbour. */
import { expect } from 'aegir/chai'
import { createNode } from '../src/index.ts'
import { savePeers } from '../src/peer-cache.ts'
import { closedPort, removeDir, report, tempDir, waitUntil } from './fixtures/util.ts'
import type { NodeOptions, SelfmgmtNode } from '../src/index.ts'

/** Bound on the merge: the first look for remembered peers comes 1.5-2.5 s after the ring was created, then unification takes a few ring rounds. */
const MERGE_MAX_MS = 30_000

const neighbours = (n: SelfmgmtNode): string[] => {
  const st = n.ring.getRoutingState()
  return [...st.succList, ...st.predList].map(x => x.addr)
}

describe('a node that created a ring alone because the peers it remembers were away', function () {
  this.timeout(90_000)
  const dirs: string[] = []
  const nodes: SelfmgmtNode[] = []

  async function start (dataDir: string, options: Omit<NodeOptions, 'dataDir'>): Promise<SelfmgmtNode> {
    const node = await createNode({ dataDir, dht: false, store: false, ...options })
    nodes.push(node)
    return node
  }

  after(async function () {
    this.timeout(30_000)
    await Promise.all(nodes.map(async n => n.stop()))
    await Promise.all(dirs.map(async d => removeDir(d)))
  })

  it('merges its ring with theirs once they are back', async () => {
    const dirA = await tempDir('reunite-a')
    const dirC = await tempDir('reunite-c')
    dirs.push(dirA, dirC)
    const port = await closedPort()
    const listenA = [`/ip4/127.0.0.1/tcp/${port}`]
    const first = await start(dirA, { listen: listenA })
    await first.waitForJoin()
    const a = first.peerId.toString()
    await first.stop()

    // C remembers A from an earlier run; A is away, so C creates a ring of its own.
    await savePeers(dirC, [{ peerId: a, multiaddrs: [`${listenA[0]}/p2p/${a}`] }])
    const c = await start(dirC, { listen: ['/ip4/127.0.0.1/tcp/0'] })
    await c.waitForJoin()
    expect(neighbours(c), 'C alone in its ring').to.deep.equal([])

    // A comes back on the same address, remembering nobody: a ring of its own too.
    const again = await start(dirA, { listen: listenA })
    await again.waitForJoin()
    expect(again.peerId.toString()).to.equal(a)
    const t0 = performance.now()
    await waitUntil('one ring of A and C', MERGE_MAX_MS, async () => {
      const missing: string[] = []
      if (!neighbours(c).includes(a)) { missing.push('A is not a neighbour of C') }
      if (!neighbours(again).includes(c.peerId.toString())) { missing.push('C is not a neighbour of A') }
      return missing
    }, 200)
    report(`the two rings became one ${Math.round(performance.now() - t0)} ms after A was back`)
    // One ring: each is the other's successor, and a lookup from either finds the same owner.
    expect(again.ring.getRoutingState().succList[0]?.addr).to.equal(c.peerId.toString())
    expect(c.ring.getRoutingState().succList[0]?.addr).to.equal(a)
    for (const key of ['reunite-1', 'reunite-2', 'reunite-3']) {
      const [x, y] = await Promise.all([c.ring.lookup(key), again.ring.lookup(key)])
      expect(x.owner.peerId.toString(), key).to.equal(y.owner.peerId.toString())
    }
  })
})

/* Goal: the ring service on real libp2p nodes (TCP, Noise, Yamux on 127.0.0.1): nodes join, every lookup returns the true owner, libp2p peer and content routing work through the ring beside a stock kad-dht, a graceful stop heals the ring, and garbage on the protocol resets only that stream. Method: eight in-process nodes; ground truth from their ring ids. */
import { lpStream } from '@libp2p/utils'
import { expect } from 'aegir/chai'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { RING_PROTOCOL, encodeMessage, keyToId } from '../src/index.ts'
import { startRing, stopAll, waitFor } from './fixtures/libp2p-nodes.ts'
import type { RingLibp2p } from './fixtures/libp2p-nodes.ts'
import type { RingId } from '../src/index.ts'

function varint (n: number): Uint8Array {
  const out: number[] = []
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return new Uint8Array(out)
}

function owner (nodes: RingLibp2p[], key: RingId): RingLibp2p {
  const sorted = [...nodes].sort((a, b) => (a.services.ring.self.ringId < b.services.ring.self.ringId ? -1 : 1))
  return sorted.find(n => n.services.ring.self.ringId >= key) ?? sorted[0]
}

function consistent (nodes: RingLibp2p[]): boolean {
  const sorted = [...nodes].sort((a, b) => (a.services.ring.self.ringId < b.services.ring.self.ringId ? -1 : 1))
  return sorted.every((n, i) => {
    const st = n.services.ring.getRoutingState()
    return st.succList[0]?.addr === sorted[(i + 1) % sorted.length].peerId.toString() &&
      st.pred?.addr === sorted[(i + sorted.length - 1) % sorted.length].peerId.toString()
  })
}

describe('ring service on libp2p', function () {
  this.timeout(120_000)
  let nodes: RingLibp2p[] = []

  before(async () => {
    nodes = await startRing(8, { dht: true })
    await waitFor(() => consistent(nodes), 30_000, 'a consistent ring of 8')
  })

  after(async () => {
    await stopAll(nodes)
  })

  it('every node finds the true owner of every key', async () => {
    for (const from of nodes) {
      for (let i = 0; i < 10; i++) {
        const key = `key-${i}`
        const r = await from.services.ring.lookup(key)
        expect(r.owner.peerId.toString(), `${key} from ${from.peerId.toString()}`).to.equal(owner(nodes, keyToId(key)).peerId.toString())
        expect(r.hops).to.be.at.most(8)
      }
    }
  })

  it('peer routing: findPeer goes through the ring', async () => {
    const target = nodes[5]
    const info = await nodes[0].services.ring.findPeer(target.peerId)
    expect(info.id.equals(target.peerId)).to.equal(true)
    const viaLibp2p = await nodes[2].peerRouting.findPeer(target.peerId)
    expect(viaLibp2p.id.equals(target.peerId)).to.equal(true)
  })

  it('content routing: put/get and provide/findProviders through the ring', async () => {
    const key = new TextEncoder().encode('/selfmgmt/test/record')
    await nodes[1].services.ring.put(key, new TextEncoder().encode('hello ring'))
    const v = await nodes[6].services.ring.get(key)
    expect(new TextDecoder().decode(v)).to.equal('hello ring')
    const cid = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode('some content')))
    await nodes[3].services.ring.provide(cid)
    const providers = []
    for await (const p of nodes[7].services.ring.findProviders(cid)) { providers.push(p.id.toString()) }
    expect(providers).to.include(nodes[3].peerId.toString())
  })

  it('a stock kad-dht beside the ring still answers', async () => {
    const closest = []
    for await (const ev of nodes[0].services.dht!.getClosestPeers(new TextEncoder().encode('dht-key'))) {
      if (ev.name === 'FINAL_PEER') { closest.push(ev.peer.id.toString()) }
    }
    expect(closest.length).to.be.greaterThan(0)
  })

  it('garbage, truncated, oversized, unknown and wrong-state frames reset only that stream; the node keeps serving', async () => {
    const target = nodes[4]
    const before = target.services.ring.getRoutingState()
    const me = nodes[0].services.ring.self
    const joinReject = encodeMessage({ type: 'join-reject', reqId: 1, reason: 'id-collision' }, {
      toPeer: () => ({ id: new Uint8Array(0), ring: new Uint8Array(0), addrs: [] }),
      fromPeer: () => undefined
    })
    const cases: Array<{ name: string, raw?: Uint8Array, frame?: Uint8Array }> = [
      { name: 'random bytes in a frame', frame: new Uint8Array([1, 2, 3, 4, 5]) },
      { name: 'a frame of 0xff', frame: new Uint8Array(200).fill(0xff) },
      { name: 'an unknown message (an unknown protobuf field)', frame: new Uint8Array([0xfa, 0x01, 0x02, 0x08, 0x01]) },
      { name: 'a wrong-state message (join-reject to a member)', frame: joinReject },
      { name: 'an oversized length prefix', raw: varint(10 * 1024 * 1024) },
      { name: 'a truncated frame', raw: new Uint8Array([...varint(100), 1, 2, 3]) }
    ]
    for (const c of cases) {
      const stream = await nodes[0].dialProtocol(target.getMultiaddrs()[0], RING_PROTOCOL)
      if (c.frame !== undefined) { await lpStream(stream).write(c.frame) }
      if (c.raw !== undefined) {
        stream.send(c.raw)
        await stream.close()
      }
      await waitFor(() => stream.status !== 'open', 5000, `the stream to end after ${c.name}`)
      if (c.frame !== undefined) { expect(stream.status, c.name).to.be.oneOf(['reset', 'aborted']) }
    }
    const after = target.services.ring.getRoutingState()
    // Stabilisation may still lengthen lists in a young ring; the neighbours themselves must not move.
    expect(after.succList[0]?.addr).to.equal(before.succList[0]?.addr)
    expect(after.pred?.addr).to.equal(before.pred?.addr)
    expect(Object.keys(after.counters.rejected)).to.include('join-reject-unexpected')
    expect(me.ringId).to.be.a('bigint')
    const r = await nodes[0].services.ring.lookup('still-serving')
    expect(r.owner.peerId.toString()).to.equal(owner(nodes, keyToId('still-serving')).peerId.toString())
  })

  it('a graceful stop hands over and the ring heals', async () => {
    const leaving = nodes[3]
    nodes = nodes.filter(n => n !== leaving)
    await leaving.stop()
    await waitFor(() => consistent(nodes), 30_000, 'the ring to heal after a graceful leave')
    const r = await nodes[0].services.ring.lookup('after-leave')
    expect(r.owner.peerId.toString()).to.equal(owner(nodes, keyToId('after-leave')).peerId.toString())
  })
})

describe('ring service: stopping', function () {
  this.timeout(120_000)

  it('a stopped ring service handles no more messages and arms no timer, even while its peers still send', async () => {
    const nodes = await startRing(5)
    await waitFor(() => consistent(nodes), 30_000, 'a consistent ring of 5')
    // Every timer a ring's core timer (one per node) arms from here on, while it is pending.
    const pending = new Set<ReturnType<typeof setTimeout>>()
    const realSet = globalThis.setTimeout
    const realClear = globalThis.clearTimeout
    const patchedSet = (fn: (...args: any[]) => void, ms?: number, ...args: any[]): ReturnType<typeof setTimeout> => {
      const fromCore = new Error().stack?.includes('core-timer') === true
      const t: ReturnType<typeof setTimeout> = realSet((...a: any[]) => { pending.delete(t); fn(...a) }, ms, ...args)
      if (fromCore) { pending.add(t) }
      return t
    }
    globalThis.setTimeout = patchedSet as typeof setTimeout
    globalThis.clearTimeout = ((t: ReturnType<typeof setTimeout>) => { pending.delete(t); realClear(t) }) as typeof clearTimeout
    const sleep = async (ms: number): Promise<void> => { await new Promise(resolve => realSet(resolve, ms)) }
    try {
      // Only the ring service of one node stops; its connections stay up, so its neighbours keep
      // pinging it over the streams they have open (a ping every 3 s).
      const before = structuredClone(nodes[0].services.ring.getRoutingState().counters)
      await nodes[0].services.ring.stop()
      await sleep(7_000)
      expect(nodes[0].services.ring.getRoutingState().counters, 'the stopped core handled nothing').to.deep.equal(before)
      expect(pending.size, 'at most one armed core timer per running ring service').to.be.at.most(nodes.length - 1)
      // Then every node stops at once (leaves crossing one another), and no timer stays behind.
      await stopAll(nodes)
      await sleep(7_000)
    } finally {
      globalThis.setTimeout = realSet
      globalThis.clearTimeout = realClear
    }
    const left = [...pending].filter(t => t.hasRef())
    for (const t of left) { realClear(t) }
    expect(left.length, 'ring timers still armed after every node stopped').to.equal(0)
  })
})

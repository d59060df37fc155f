/* Goal: Channels writes every frame queued for a peer, in order, on one stream; frames beyond PEER_QUEUE_MAX are dropped and counted; a stream that breaks is reopened once and the frames are sent again; a peer that cannot be reached is reported and its frames dropped. Method: Channels over @libp2p/utils streamPair (in-memory streams with a small delay), reading the far end with lpStream; a failing open for the unreachable peer. */
import { defaultLogger } from '@libp2p/logger'
import { lpStream, streamPair } from '@libp2p/utils'
import { expect } from 'aegir/chai'
import { Channels } from '../src/channels.ts'
import { FRAME_BYTES_MAX, PEER_QUEUE_MAX } from '../src/constants.ts'
import type { Stream } from '@libp2p/interface'

const log = defaultLogger().forComponent('test:channels')

/** Reads `count` length-prefixed frames from `stream`. */
async function readFrames (stream: Stream, count: number): Promise<Uint8Array[]> {
  const lp = lpStream(stream, { maxDataLength: FRAME_BYTES_MAX })
  const out: Uint8Array[] = []
  while (out.length < count) { out.push((await lp.read({ signal: AbortSignal.timeout(5000) })).subarray()) }
  return out
}

/** Waits until `ch` counts `n` frames written (a write's promise settles after its bytes arrive). */
async function written (ch: Channels, n: number): Promise<void> {
  for (let t = 0; t < 500 && ch.written < n; t++) { await new Promise(resolve => setTimeout(resolve, 10)) }
  expect(ch.written).to.equal(n)
}

function frame (i: number, bytes = 16): Uint8Array {
  const f = new Uint8Array(bytes)
  new DataView(f.buffer).setUint32(0, i)
  return f
}

describe('Channels', () => {
  it('writes the frames queued for a peer in order on one stream, and drops (counting them) those beyond PEER_QUEUE_MAX', async () => {
    const [outbound, inbound] = await streamPair()
    let opens = 0
    const ch = new Channels({ open: async () => { opens++; return outbound }, unreachable: () => { throw new Error('not expected') }, log })
    const n = PEER_QUEUE_MAX + 10
    for (let i = 0; i < n; i++) { ch.send('p', frame(i)) }
    // Queued while the stream opens: the first PEER_QUEUE_MAX are kept.
    expect(ch.dropped).to.equal(10)
    const got = await readFrames(inbound, PEER_QUEUE_MAX)
    expect(got.map(f => new DataView(f.buffer, f.byteOffset).getUint32(0))).to.deep.equal(Array.from({ length: PEER_QUEUE_MAX }, (_, i) => i))
    await written(ch, PEER_QUEUE_MAX)
    expect(opens).to.equal(1)
    await ch.closeAll()
  })

  it('reopens a broken stream once and sends the frames again; a peer it cannot reach is reported, its frames dropped', async () => {
    const [first] = await streamPair()
    const [second, inbound] = await streamPair()
    first.abort(new Error('broken'))
    let opens = 0
    const ch = new Channels({ open: async () => (opens++ === 0 ? first : second), unreachable: () => { throw new Error('not expected') }, log })
    for (let i = 0; i < 5; i++) { ch.send('p', frame(i)) }
    const got = await readFrames(inbound, 5)
    expect(got.map(f => new DataView(f.buffer, f.byteOffset).getUint32(0))).to.deep.equal([0, 1, 2, 3, 4])
    expect(opens).to.equal(2)

    const unreachable: string[] = []
    const dead = new Channels({ open: async () => { throw new Error('dial refused') }, unreachable: addr => { unreachable.push(addr) }, log })
    for (let i = 0; i < 3; i++) { dead.send('q', frame(i)) }
    for (let t = 0; t < 100 && unreachable.length === 0; t++) { await new Promise(resolve => setTimeout(resolve, 10)) }
    expect(unreachable).to.deep.equal(['q'])
    expect(dead.dropped).to.equal(3)
    await ch.closeAll()
  })
})

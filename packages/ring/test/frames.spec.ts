/* Goal: readFrames hands over every length-prefixed frame of an inbound stream in order, whatever the chunks its bytes come in (several frames in one chunk, a frame and a length prefix cut across chunks, a long frame in many pieces, bytes sent before it listened), resolves when the remote end closes (dropping a truncated last frame), and rejects on a frame longer than the limit, on a handler that throws (no frame after it) and on a reset. Method: @libp2p/utils streamPair (in-memory streams), raw bytes written on one end. */
import { streamPair } from '@libp2p/utils'
import { expect } from 'aegir/chai'
import { Uint8ArrayList } from 'uint8arraylist'
import { readFrames } from '../src/frames.ts'

/** The unsigned varint of n (below 2^14 here). */
function varint (n: number): Uint8Array {
  return n < 0x80 ? Uint8Array.of(n) : Uint8Array.of((n & 0x7f) | 0x80, n >> 7)
}

function lp (...frames: Uint8Array[]): Uint8Array {
  return new Uint8ArrayList(...frames.flatMap(f => [varint(f.byteLength), f])).subarray()
}

function frame (i: number, bytes: number): Uint8Array {
  const f = new Uint8Array(bytes).fill(i & 0xff)
  new DataView(f.buffer).setUint32(0, i)
  return f
}

const idOf = (f: Uint8Array): number => new DataView(f.buffer, f.byteOffset).getUint32(0)
const pause = async (ms = 5): Promise<void> => { await new Promise(resolve => setTimeout(resolve, ms)) }

describe('readFrames', () => {
  it('hands over every frame in order, however the bytes are cut, and resolves when the remote end closes', async () => {
    const [out, inbound] = await streamPair()
    const got: Uint8Array[] = []
    const done = readFrames(inbound, { maxDataLength: 10_000, onFrame: f => { got.push(f.subarray()) } })
    // Three frames in one chunk, then one cut in the middle of its length prefix (300 bytes: a
    // two-byte varint) and of its body, then one more.
    out.send(lp(frame(0, 10), frame(1, 20), frame(2, 30)))
    const long = lp(frame(3, 300))
    out.send(long.subarray(0, 1))
    await pause()
    out.send(long.subarray(1, 100))
    await pause()
    out.send(long.subarray(100))
    // A frame in many pieces, the last of them carrying the start of the next frame; an empty frame.
    const longer = lp(frame(4, 5000), frame(5, 8), new Uint8Array(0))
    for (let at = 0; at < longer.length; at += 700) {
      out.send(longer.subarray(at, at + 700))
      await pause(1)
    }
    await out.close()
    await done
    expect(got.map(f => f.byteLength)).to.deep.equal([10, 20, 30, 300, 5000, 8, 0])
    expect(got.slice(0, 6).map(idOf)).to.deep.equal([0, 1, 2, 3, 4, 5])
    expect(got[4].subarray(4)).to.deep.equal(new Uint8Array(4996).fill(4))
  })

  it('reads what came before it listened, even when the remote end has already closed; a truncated last frame is dropped', async () => {
    const [out, inbound] = await streamPair()
    out.send(lp(frame(7, 12), frame(8, 12)))
    out.send(lp(frame(9, 50)).subarray(0, 20))
    await out.close()
    await pause(20)
    const got: number[] = []
    await readFrames(inbound, { maxDataLength: 1000, onFrame: f => { got.push(idOf(f.subarray())) } })
    expect(got).to.deep.equal([7, 8])
  })

  it('rejects a frame longer than maxDataLength, a handler that throws (handing over nothing after it), and a reset', async () => {
    {
      const [out, inbound] = await streamPair()
      const done = readFrames(inbound, { maxDataLength: 100, onFrame: () => {} })
      out.send(lp(frame(1, 101)))
      await expect(done).to.eventually.be.rejected()
    }
    {
      const [out, inbound] = await streamPair()
      const got: number[] = []
      const done = readFrames(inbound, {
        maxDataLength: 100,
        onFrame: f => {
          got.push(idOf(f.subarray()))
          if (got.length === 2) { throw new Error('refused') }
        }
      })
      out.send(lp(frame(1, 10), frame(2, 10), frame(3, 10)))
      await expect(done).to.eventually.be.rejectedWith('refused')
      out.send(lp(frame(4, 10)))
      await pause(20)
      expect(got).to.deep.equal([1, 2])
    }
    {
      const [out, inbound] = await streamPair()
      const done = readFrames(inbound, { maxDataLength: 100, onFrame: () => {} })
      out.abort(new Error('gone'))
      await expect(done).to.eventually.be.rejected()
    }
    {
      // A length prefix of six bytes (every one with its continuation bit) is refused before the body.
      const [out, inbound] = await streamPair()
      const done = readFrames(inbound, { maxDataLength: 100, onFrame: () => {} })
      out.send(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x01))
      await expect(done).to.eventually.be.rejectedWith(/prefix/)
    }
  })

  it('a chunk that arrives while a frame is being handled (a synchronous transport) is taken after it, in order', async () => {
    // A stand-in for a stream whose transport delivers in the sender's turn.
    const stream = Object.assign(new EventTarget(), { status: 'open', remoteWriteStatus: 'writable' })
    const deliver = (bytes: Uint8Array): void => { stream.dispatchEvent(Object.assign(new Event('message'), { data: bytes })) }
    const got: number[] = []
    const done = readFrames(stream as any, {
      maxDataLength: 100,
      onFrame: f => {
        const id = idOf(f.subarray())
        got.push(id)
        if (id === 1) { deliver(lp(frame(3, 10))) }
      }
    })
    deliver(lp(frame(1, 10), frame(2, 10)))
    stream.dispatchEvent(new Event('remoteCloseWrite'))
    await done
    expect(got).to.deep.equal([1, 2, 3])
  })
})

/* Goal: the WAN emulator gives real libp2p nodes (TCP + Noise + Yamux on 127.0.0.1) propagation delays from the latency model: a 50 ms one-way link has a 100 ms ping RTT, an echo on an open stream costs 1 RTT and on a new stream 2 RTT, bytes keep their order, many chunks are in flight at once (bursts and bulk transfers are not serialised behind per-chunk delays), and PlanetLab-like pairs see the model's RTTs. Method: a few in-process nodes per model; each figure is the median of several round trips, timed with performance.now(). */
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { expect } from 'aegir/chai'
import { createLibp2p } from 'libp2p'
import { PlanetLabLatency, WanEmulator, constantLatency, wanTransport } from '../src/index.ts'
import type { LatencyModel } from '../src/index.ts'
import type { Libp2p, Stream } from '@libp2p/interface'
import type { Ping } from '@libp2p/ping'

const ECHO = '/selfmgmt/test/echo/1.0.0'
const SINK = '/selfmgmt/test/sink/1.0.0'

type Node = Libp2p<{ ping: Ping }>

async function startNodes (emulator: WanEmulator, indexes: number[]): Promise<Node[]> {
  const nodes: Node[] = []
  for (const index of indexes) {
    const node = await createLibp2p({
      addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
      transports: [wanTransport(tcp(), { emulator, index })],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      connectionManager: { inboundConnectionThreshold: 10_000 },
      services: { ping: ping({ maxInboundStreams: 8, maxOutboundStreams: 8 }) }
    })
    await node.handle(ECHO, async (stream) => {
      for await (const chunk of stream) {
        if (!stream.send(chunk)) { await stream.onDrain() }
      }
      await stream.close()
    })
    await node.handle(SINK, async (stream) => {
      let n = 0
      for await (const chunk of stream) { n += chunk.byteLength }
      stream.send(new TextEncoder().encode(String(n)))
      await stream.close()
    })
    nodes.push(node)
  }
  return nodes
}

async function stopAll (nodes: Libp2p[]): Promise<void> {
  await Promise.all(nodes.map(async n => Promise.race([n.stop(), new Promise(resolve => setTimeout(resolve, 5000))])))
}

function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Resolves with the time until `bytes` bytes came back on the stream. */
async function readBytes (stream: Stream, bytes: number): Promise<Uint8Array> {
  const out = new Uint8Array(bytes)
  let got = 0
  return new Promise((resolve, reject) => {
    const onMessage = (evt: { data: { subarray(): Uint8Array } }): void => {
      const b = evt.data.subarray()
      out.set(b.subarray(0, Math.min(b.length, bytes - got)), got)
      got += b.length
      if (got >= bytes) {
        stream.removeEventListener('message', onMessage as any)
        resolve(out)
      }
    }
    stream.addEventListener('message', onMessage as any)
    stream.addEventListener('close', () => { reject(new Error(`stream closed after ${got}/${bytes} bytes`)) }, { once: true })
  })
}

async function echoMs (stream: Stream, payload: Uint8Array): Promise<number> {
  const start = performance.now()
  const back = readBytes(stream, payload.length)
  stream.send(payload)
  const got = await back
  const ms = performance.now() - start
  expect(got).to.deep.equal(payload)
  return ms
}

async function macrotask (): Promise<void> {
  await new Promise(resolve => setImmediate(resolve))
}

describe('WAN emulation on libp2p', function () {
  this.timeout(120_000)

  describe('constant 50 ms one-way', () => {
    const model: LatencyModel = constantLatency(50)
    const emulator = new WanEmulator({ model })
    let nodes: Node[] = []

    before(async () => {
      nodes = await startNodes(emulator, [0, 1])
      await nodes[0].dial(nodes[1].getMultiaddrs()[0])
    })

    after(async () => { await stopAll(nodes) })

    it('places both nodes by their listen addresses', () => {
      expect(emulator.indexOf(nodes[0].getMultiaddrs()[0])).to.equal(0)
      expect(emulator.indexOf(nodes[1].getMultiaddrs()[0])).to.equal(1)
      expect(emulator.stats().unplacedDials).to.equal(0)
    })

    it('a ping RTT is one propagation RTT (about 100 ms), and a ping on a new stream takes 2 RTT', async () => {
      const rtts: number[] = []
      const walls: number[] = []
      for (let i = 0; i < 7; i++) {
        const start = performance.now()
        rtts.push(await nodes[0].services.ping.ping(nodes[1].peerId))
        walls.push(performance.now() - start)
      }
      expect(median(rtts)).to.be.within(98, 108)
      // Wall time on a new stream adds this process's own work (dial, two protocol negotiations)
      // to the 2 RTT: 226 ms once on a clean-clone CI run while other jobs loaded both cores.
      // 3 RTT (a delay applied twice) would be 300.
      expect(median(walls)).to.be.within(196, 240)
    })

    it('an echo on an open stream takes 1 RTT', async () => {
      const stream = await nodes[0].dialProtocol(nodes[1].peerId, ECHO)
      const ms: number[] = []
      for (let i = 0; i < 7; i++) { ms.push(await echoMs(stream, new Uint8Array(100).fill(i))) }
      await stream.close()
      expect(median(ms)).to.be.within(98, 106)
    })

    it('an echo on a new stream takes 2 RTT (multistream-select waits for its answer)', async () => {
      const ms: number[] = []
      for (let i = 0; i < 5; i++) {
        const start = performance.now()
        const stream = await nodes[0].dialProtocol(nodes[1].peerId, ECHO)
        await echoMs(stream, new Uint8Array(100).fill(i))
        ms.push(performance.now() - start)
        await stream.close()
      }
      expect(median(ms)).to.be.within(196, 240)
    })

    it('keeps byte order across thousands of chunks of mixed sizes', async () => {
      const stream = await nodes[0].dialProtocol(nodes[1].peerId, ECHO)
      const parts: Uint8Array[] = []
      let total = 0
      for (let i = 0; i < 2000; i++) {
        const p = new Uint8Array(1 + (i * 7919) % 3000)
        for (let j = 0; j < p.length; j++) { p[j] = (i + j * 31) & 0xff }
        parts.push(p)
        total += p.length
      }
      const expected = new Uint8Array(total)
      let off = 0
      for (const p of parts) { expected.set(p, off); off += p.length }
      const back = readBytes(stream, total)
      for (let i = 0; i < parts.length; i++) {
        if (!stream.send(parts[i])) { await stream.onDrain() }
        if (i % 10 === 0) { await macrotask() }
      }
      expect(await back).to.deep.equal(expected)
      await stream.close()
    })

    it('many chunks are in flight at once: a burst of 200 separate writes comes back in about 1 RTT', async () => {
      const stream = await nodes[0].dialProtocol(nodes[1].peerId, ECHO)
      const before = emulator.stats()
      const start = performance.now()
      const back = readBytes(stream, 200 * 64)
      for (let i = 0; i < 200; i++) {
        stream.send(new Uint8Array(64).fill(i))
        await macrotask()
      }
      await back
      const ms = performance.now() - start
      const chunks = emulator.stats().chunks - before.chunks
      await stream.close()
      expect(chunks).to.be.at.least(400, 'each write crossed the link as its own chunk, both ways')
      // Serialised per-chunk delays would take 200 × 50 ms = 10 s.
      expect(ms).to.be.below(250)
    })

    it('bulk throughput is bounded by windows per RTT, not by a delay per chunk', async () => {
      const bytes = 16 * 1024 * 1024
      const stream = await nodes[0].dialProtocol(nodes[1].peerId, SINK)
      const before = emulator.stats()
      const start = performance.now()
      const reply = readBytes(stream, String(bytes).length)
      const block = new Uint8Array(64 * 1024)
      for (let sent = 0; sent < bytes; sent += block.length) {
        if (!stream.send(block)) { await stream.onDrain() }
      }
      await stream.close()
      expect(new TextDecoder().decode(await reply)).to.equal(String(bytes))
      const s = (performance.now() - start) / 1000
      const chunks = emulator.stats().chunks - before.chunks
      const mibPerS = bytes / 2 ** 20 / s
      // One chunk per 50 ms in turn would give under 1.3 MiB/s with 64 KiB chunks.
      expect(chunks).to.be.at.least(16)
      expect(mibPerS).to.be.above(8)
    })

    it('counts the bytes that cross the link', async () => {
      const before = emulator.stats()
      const stream = await nodes[0].dialProtocol(nodes[1].peerId, ECHO)
      await echoMs(stream, new Uint8Array(1000))
      await stream.close()
      const after = emulator.stats()
      expect(after.bytes - before.bytes).to.be.within(2000, 4000)
    })
  })

  describe('PlanetLab-like model', () => {
    const model = new PlanetLabLatency(7)
    const emulator = new WanEmulator({ model, seed: 3 })
    const indexes = [0, 1, 2, 3, 4, 5]
    let nodes: Node[] = []

    before(async () => {
      nodes = await startNodes(emulator, indexes)
    })

    after(async () => { await stopAll(nodes) })

    it('ping RTTs between pairs match model.rttMs within a few ms', async () => {
      const errors: number[] = []
      const bands = new Set<number>()
      for (const [a, b] of [[0, 1], [0, 2], [1, 3], [2, 4], [3, 5], [4, 5], [5, 0]]) {
        const rtts: number[] = []
        await nodes[a].dial(nodes[b].getMultiaddrs()[0])
        for (let i = 0; i < 7; i++) { rtts.push(await nodes[a].services.ping.ping(nodes[b].peerId)) }
        const want = model.rttMs(indexes[a], indexes[b])
        bands.add(Math.round(want / 50))
        errors.push(median(rtts) - want)
        // Per-chunk jitter (σ 5 % of each one-way delay, so σ 3.5 % of a round trip) spreads a
        // median of 7 by σ ≈ 1.25 × 3.5 % / √7 ≈ 1.7 % of the RTT: the bound is over 4 σ, plus
        // 4 ms of this process's own work (with 3 % there, about 2.7 σ, a clean-clone CI run
        // read 266 for 253.9 ms). A delay applied twice or not at all is still far outside.
        expect(median(rtts), `${model.regionOf(indexes[a])} → ${model.regionOf(indexes[b])}`).to.be.within(want - 4 - 0.07 * want, want + 4 + 0.07 * want)
      }
      expect(bands.size, 'the pairs span several RTT bands').to.be.at.least(3)
      // libp2p's own processing adds about 1-2 ms per round trip on loopback; the mean of the 7
      // medians spreads by about 1.2 ms (σ), so a systematic error of a few ms still shows.
      expect(errors.reduce((x, y) => x + y) / errors.length).to.be.within(-3, 6)
    })
  })

  describe('addresses outside the emulation', () => {
    const emulator = new WanEmulator({ model: constantLatency(50) })
    let nodes: Libp2p[] = []

    before(async () => {
      const wrapped = (await startNodes(emulator, [0]))[0]
      const plain = await createLibp2p({
        addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
        transports: [tcp()],
        connectionEncrypters: [noise()],
        streamMuxers: [yamux()]
      })
      await plain.handle(ECHO, async (stream) => {
        for await (const chunk of stream) { stream.send(chunk) }
        await stream.close()
      })
      nodes = [wrapped, plain]
    })

    after(async () => { await stopAll(nodes) })

    it('a dial to an address no wrapped listener registered is counted and not delayed', async () => {
      const stream = await nodes[0].dialProtocol(nodes[1].getMultiaddrs()[0], ECHO)
      const ms = await echoMs(stream, new Uint8Array(100))
      await stream.close()
      expect(emulator.stats().unplacedDials).to.equal(1)
      expect(emulator.stats().connections).to.equal(0)
      expect(ms).to.be.below(50)
    })
  })
})

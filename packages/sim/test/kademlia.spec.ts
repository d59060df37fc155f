/* Goal: the Kademlia baseline builds correct tables, finds the true XOR-closest node, counts hops
 * and latency consistently, and replays exactly from its seed. Method: small seeded networks
 * (200 to 20,000 nodes) checked against brute-force ground truth computed here from the ids. */
import { expect } from 'aegir/chai'
import { KademliaSim, PlanetLabLatency, RingSim, constantLatency } from '../src/index.ts'
import type { KademliaLookupStats, LatencyModel } from '../src/index.ts'

const ONE_WAY_MS = 10
const RATE_PER_S = 100
/** The bucket test scans all pairs for every OWNER_STRIDE-th owner only: the scan is quadratic. */
const OWNER_STRIDE = 4

function mean (xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length
}

/** Leading bits shared by two 128-bit ids, by brute force. */
function commonPrefix (a: bigint, b: bigint): number {
  const x = a ^ b
  return x === 0n ? 128 : 128 - x.toString(2).length
}

function built (seed: number, nodes: number, latency: LatencyModel, k?: number, alpha?: number): KademliaSim {
  const sim = new KademliaSim({ seed, nodes, latency, k, alpha })
  sim.build()
  return sim
}

function run (sim: KademliaSim, lookups: number): KademliaLookupStats {
  return sim.runLookups(lookups, RATE_PER_S)
}

describe('Kademlia baseline', function () {
  this.timeout(60_000)

  it('gives node i the id of node i of the ring simulation with the same seed', () => {
    const seed = 11
    const ring = new RingSim({ seed, geometry: { name: 'dks', k: 16 } })
    const kad = built(seed, 50, constantLatency(ONE_WAY_MS))
    for (let i = 0; i < 50; i++) { expect(kad.idOf(i), `node ${i} SEED=${seed}`).to.equal(ring.addNode().ref.id) }
  })

  it('finds the true closest node on every lookup (200 and 2,000 nodes, constant and planetlab)', () => {
    for (const nodes of [200, 2000]) {
      for (const seed of [1, 2]) {
        for (const latency of [constantLatency(ONE_WAY_MS), new PlanetLabLatency(seed)]) {
          const st = run(built(seed, nodes, latency), 300)
          const what = `${nodes} nodes, ${latency.name}, SEED=${seed}`
          expect(st.issued, what).to.equal(300)
          expect(st.ok, what).to.equal(300)
          expect(st.wrongOwner + st.failed, what).to.equal(0)
          expect(st.hops, what).to.have.length(300)
          expect(st.latencyMs.every(x => x > 0), what).to.equal(true)
        }
      }
    }
  })

  it('ground truth is the XOR-closest node by brute force', () => {
    const seed = 3
    const sim = built(seed, 2000, constantLatency(ONE_WAY_MS))
    const ids = Array.from({ length: 2000 }, (_, i) => sim.idOf(i))
    let probe = 0x1234_5678_9abc_def0_1122_3344_5566_7788n
    for (let t = 0; t < 200; t++) {
      // Half the probes sit next to a node id, where XOR and numeric order disagree most.
      const key = t % 2 === 0 ? probe : ids[t] ^ BigInt(t)
      let best = 0
      for (let i = 1; i < ids.length; i++) { if ((ids[i] ^ key) < (ids[best] ^ key)) { best = i } }
      expect(sim.closestNode(key), `key ${key.toString(16)} SEED=${seed}`).to.equal(best)
      probe = (probe * 6364136223846793005n + 1442695040888963407n) & ((1n << 128n) - 1n)
    }
  })

  it('tables follow the bucket rule: exactly p shared bits, min(k, candidates) entries, uniform picks', () => {
    const seed = 4
    const nodes = 2000
    const k = 20
    const sim = built(seed, nodes, constantLatency(ONE_WAY_MS), k)
    const ids = Array.from({ length: nodes }, (_, i) => sim.idOf(i))
    const picksInBucket0 = new Array<number>(nodes).fill(0)
    let entries = 0
    for (let x = 0; x < nodes; x++) {
      for (let p = 0; p < sim.bucketCount(x); p++) { entries += sim.bucket(x, p).length }
      for (const e of sim.bucket(x, 0)) { picksInBucket0[e]++ }
      if (x % OWNER_STRIDE !== 0) { continue }
      const candidates = new Array<number>(128).fill(0)
      for (let y = 0; y < nodes; y++) { if (y !== x) { candidates[commonPrefix(ids[x], ids[y])]++ } }
      const seen = new Set<number>()
      for (let p = 0; p < 128; p++) {
        const bucket = sim.bucket(x, p)
        const what = `node ${x} bucket ${p} SEED=${seed}`
        expect(bucket.length, what).to.equal(Math.min(k, candidates[p]))
        for (const e of bucket) {
          expect(commonPrefix(ids[x], ids[e]), what).to.equal(p)
          expect(seen.has(e), what).to.equal(false)
          seen.add(e)
        }
      }
      expect(sim.bucketCount(x)).to.be.at.most(128)
    }
    expect(sim.tableSizeMean()).to.equal(entries / nodes)
    // About half the owners see a node in bucket 0 (~1,000 candidates), each picking 20: about
    // 20 picks per node. Taking the first k of the range instead would give most nodes 0.
    expect(mean(picksInBucket0)).to.be.closeTo(k, 0.5)
    expect(Math.min(...picksInBucket0), `SEED=${seed}`).to.be.at.least(3)
    expect(Math.max(...picksInBucket0), `SEED=${seed}`).to.be.at.most(45)
  })

  it('mean hops grows with log n and stays well under log2(n)', () => {
    const seed = 5
    const means: number[] = []
    for (const nodes of [200, 2000, 20000]) {
      const st = run(built(seed, nodes, constantLatency(ONE_WAY_MS)), 500)
      const m = mean(st.hops)
      expect(st.ok, `${nodes} nodes SEED=${seed}`).to.equal(500)
      expect(m, `${nodes} nodes SEED=${seed}`).to.be.below(Math.log2(nodes) / 3)
      means.push(m)
    }
    // Observed ~0.5 more hops per tenfold growth.
    expect(means[1] - means[0], `SEED=${seed}`).to.be.above(0.2)
    expect(means[2] - means[1], `SEED=${seed}`).to.be.above(0.2)
  })

  it('with constant delay d every lookup costs a whole number of 2d rounds, at least its hops', () => {
    const seed = 6
    const k = 20
    for (const alpha of [1, 3, k]) {
      const st = run(built(seed, 2000, constantLatency(ONE_WAY_MS), k, alpha), 300)
      const rounds = st.latencyMs.map(ms => ms / (2 * ONE_WAY_MS))
      rounds.forEach((r, i) => {
        const what = `lookup ${i} alpha ${alpha} SEED=${seed}`
        expect(Math.abs(r - Math.round(r)), what).to.be.below(1e-6)
        expect(Math.round(r), what).to.be.at.least(st.hops[i])
        // The k closest must all be queried, at most alpha per round.
        expect(Math.round(r), what).to.be.at.least(Math.ceil(k / alpha))
        // All shortlist members queried at once: rounds track hops (observed ≤ hops + 1).
        if (alpha === k) { expect(Math.round(r), what).to.be.at.most(st.hops[i] + 2) }
      })
      // One request at a time: every request/response pair is one sequential round.
      if (alpha === 1) { expect(st.messages, `SEED=${seed}`).to.equal(2 * rounds.reduce((a, r) => a + Math.round(r), 0)) }
    }
  })

  it('replays exactly from the seed; another seed gives another run', () => {
    const runOnce = (seed: number): { hash: string, events: number, st: KademliaLookupStats } => {
      const sim = built(seed, 1000, new PlanetLabLatency(seed))
      const st = run(sim, 200)
      return { hash: sim.traceHash, events: sim.events, st }
    }
    const a = runOnce(7)
    const b = runOnce(7)
    const c = runOnce(8)
    expect(a.events).to.be.above(0)
    expect(b.hash, 'SEED=7').to.equal(a.hash)
    expect(b.events, 'SEED=7').to.equal(a.events)
    expect(b.st, 'SEED=7').to.deep.equal(a.st)
    expect(c.hash, 'SEED=8').to.not.equal(a.hash)
  })

  it('rejects bad parameters', () => {
    const latency = constantLatency(ONE_WAY_MS)
    expect(() => new KademliaSim({ seed: 1, nodes: 0, latency })).to.throw().with.property('name', 'InvalidParametersError')
    expect(() => new KademliaSim({ seed: 1, nodes: 10, latency, k: 0 })).to.throw().with.property('name', 'InvalidParametersError')
    expect(() => new KademliaSim({ seed: 1, nodes: 10, latency, alpha: 1.5 })).to.throw().with.property('name', 'InvalidParametersError')
    const sim = built(1, 10, latency)
    expect(() => sim.runLookups(10, 0)).to.throw().with.property('name', 'InvalidParametersError')
  })
})

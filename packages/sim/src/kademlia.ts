/**
 * A Kademlia baseline, used only to compare ring (Tango/DKS) lookups against in benchmarks.
 *
 * Nodes: the same fabricated ids and the same indexes as {@link RingSim} for the same seed (node
 * i's id is `keyToId` of the i-th 32 bytes of the `ids` stream of `new Rng(seed, 'root')`), so
 * with the same latency model node i sits in the same place in both simulations.
 *
 * Routing tables are those of a well-populated, stable DHT, built from global knowledge: bucket p
 * of node x holds up to k nodes drawn uniformly (seeded) from the nodes sharing exactly p leading
 * bits with x. All ids are sorted once; the nodes sharing at least p bits with x form a contiguous
 * range around x, found by binary search inside the range for p - 1, and bucket p is the range for
 * p minus the range for p + 1. A table is one Int32Array: `[P, end_0 .. end_{P-1}, entries]`, the
 * entries of bucket p at `[end_{p-1}, end_p)` (end_{-1} = 0), P the number of bucket slots.
 *
 * Lookups are iterative, as in Kademlia and libp2p kad-dht: the querier keeps a shortlist of the
 * k closest nodes it has seen (starting with the k closest in its own table; the querier itself is
 * never in it), keeps up to α FIND_NODE requests in flight to the closest unqueried shortlist
 * members, and ends when the k closest nodes seen have all answered. Each message travels one-way
 * through the latency model; a target answers with the k closest nodes of its own table. Answers
 * arriving after the end are still sent and counted, and ignored. Everything runs on one
 * {@link EventQueue} in virtual time, and depends only on the seed.
 *
 * Result: the closest answering node by XOR (the querier counts, with 0 hops, when it is the
 * closest); `ok` when it is the true XOR-closest node. `hops` = discovery chain of that node:
 * 1 when it was in the querier's table, else 1 + the hops of the node that told us of it.
 */
import { assert, InvalidParametersError } from '@selfmgmt/interface'
import { keyToId } from '@selfmgmt/ring'
import { EventQueue } from './event-queue.ts'
import { Rng, mix32 } from './prng.ts'
import type { SimEvent } from './event-queue.ts'
import type { LatencyModel } from './latency.ts'

/** Bucket size: Kademlia's and libp2p kad-dht's k. */
export const KADEMLIA_K_DEFAULT = 20
/** Requests in flight per lookup: Kademlia's and libp2p kad-dht's α. */
export const KADEMLIA_ALPHA_DEFAULT = 3
/** Largest k: tables are ~k·log2(n/k) entries, and answers are scanned per request. */
export const KADEMLIA_K_MAX = 256
/** Largest α: more than k in flight can never be useful (only the k closest are queried). */
export const KADEMLIA_ALPHA_MAX = KADEMLIA_K_MAX
/** Nodes per model: 2^21 tables of ~300 entries take ~2.5 GiB. */
export const KADEMLIA_NODES_MAX = 2 ** 21
/** Lookups per run: their hop and latency figures are kept in arrays. */
export const KADEMLIA_LOOKUPS_MAX = 10_000_000

/** Id width in bits and in 32-bit words: the ring's 128-bit ids. */
const ID_BITS = 128
const ID_WORDS = 4
/** Bytes of fabricated public key per node, as RingSim.addNode draws them. */
const NODE_KEY_BYTES = 32
/** Progress callbacks per build or run, at most (plus the last). */
const PROGRESS_STEPS = 100

const UNQUERIED = 0
const IN_FLIGHT = 1
const ANSWERED = 2

/** Trace codes of the events mixed into the trace hash. */
const TRACE_REQUEST = 0
const TRACE_RESPONSE = 1
const TRACE_START = 2
const TRACE_END = 3

export interface KademliaOptions {
  seed: number
  nodes: number
  /** One-way delays by node index: pass the ring simulation's model for like-for-like figures. */
  latency: LatencyModel
  /** Bucket size and answer size (default 20). */
  k?: number
  /** Requests in flight per lookup (default 3). */
  alpha?: number
  /**
   * How many of the closest nodes seen must have answered before a lookup ends: k (the default)
   * is Kademlia's and js-libp2p kad-dht's rule; 3 is go-libp2p-kad-dht's resiliency β.
   */
  quorum?: number
}

export interface KademliaLookupStats {
  issued: number
  ok: number
  wrongOwner: number
  failed: number
  hops: number[]
  latencyMs: number[]
  /** Requests plus responses sent during the run. */
  messages: number
}

interface Candidate {
  readonly node: number
  /** XOR distance to the lookup's key. */
  readonly dist: bigint
  state: typeof UNQUERIED | typeof IN_FLIGHT | typeof ANSWERED
  /** Discovery chain length plus one (querying it); the querier itself has 0. */
  readonly hops: number
}

interface Lookup {
  readonly origin: number
  readonly key: bigint
  readonly truth: number
  readonly startMs: number
  /** The k closest nodes seen (querier excluded), closest first. */
  readonly shortlist: Candidate[]
  readonly queried: Set<number>
  best: Candidate
  inFlight: number
  done: boolean
}

interface KadMessage {
  readonly request: boolean
  readonly lookup: Lookup
  /** The querier's record of the target. */
  readonly cand: Candidate
  /** Response only: the target's k closest table entries to the key. */
  readonly nodes: Int32Array | undefined
}

export class KademliaSim {
  readonly seed: number
  readonly nodeCount: number
  readonly k: number
  readonly alpha: number
  readonly quorum: number
  readonly latency: LatencyModel
  private readonly jitter: Rng
  private readonly lookupRng: Rng
  private readonly tableRng: Rng
  private readonly queue = new EventQueue()
  /** Ids by node index. */
  private ids: bigint[] = []
  /** Sorted position → node index, and node index → sorted position. */
  private order = new Int32Array(0)
  private position = new Int32Array(0)
  /** Ids in sorted order as big-endian 32-bit words, ID_WORDS per id. */
  private words = new Uint32Array(0)
  private tables: Int32Array[] = []
  private entriesTotal = 0
  private nowMs = 0
  private eventsCount = 0
  private hashA = 0x811c9dc5
  private hashB = 0x01000193
  private stats: KademliaLookupStats = newKademliaStats()
  private readonly pickNodes: Int32Array
  private readonly pickDists: bigint[]

  constructor (opts: KademliaOptions) {
    const k = opts.k ?? KADEMLIA_K_DEFAULT
    const alpha = opts.alpha ?? KADEMLIA_ALPHA_DEFAULT
    const intIn = (x: number, lo: number, hi: number): boolean => Number.isInteger(x) && x >= lo && x <= hi
    if (!intIn(opts.nodes, 1, KADEMLIA_NODES_MAX)) { throw new InvalidParametersError(`nodes must be an integer in 1..${KADEMLIA_NODES_MAX}, got ${opts.nodes}`) }
    if (!intIn(k, 1, KADEMLIA_K_MAX)) { throw new InvalidParametersError(`k must be an integer in 1..${KADEMLIA_K_MAX}, got ${k}`) }
    if (!intIn(alpha, 1, KADEMLIA_ALPHA_MAX)) { throw new InvalidParametersError(`alpha must be an integer in 1..${KADEMLIA_ALPHA_MAX}, got ${alpha}`) }
    const quorum = opts.quorum ?? k
    if (!intIn(quorum, 1, k)) { throw new InvalidParametersError(`quorum must be an integer in 1..k (${k}), got ${quorum}`) }
    this.quorum = quorum
    this.seed = opts.seed >>> 0
    this.nodeCount = opts.nodes
    this.k = k
    this.alpha = alpha
    this.latency = opts.latency
    const root = new Rng(this.seed, 'root')
    this.jitter = root.fork('kad-jitter')
    this.lookupRng = root.fork('kad-lookups')
    this.tableRng = root.fork('kad-tables')
    this.pickNodes = new Int32Array(k)
    this.pickDists = new Array<bigint>(k).fill(0n)
  }

  /** Events processed so far. */
  get events (): number { return this.eventsCount }

  /** A hash of every event and outcome so far: the same seed must give the same value. */
  get traceHash (): string {
    return (this.hashA >>> 0).toString(16).padStart(8, '0') + (this.hashB >>> 0).toString(16).padStart(8, '0')
  }

  /** True once build() has run. */
  get built (): boolean { return this.tables.length === this.nodeCount }

  /** Builds the nodes and their tables; onProgress(done, total) optional. */
  build (onProgress?: (done: number, total: number) => void): void {
    assert(!this.built, 'build() runs once')
    const n = this.nodeCount
    const idRng = new Rng(this.seed, 'root').fork('ids')
    const ids = new Array<bigint>(n)
    for (let i = 0; i < n; i++) { ids[i] = keyToId(idRng.bytes(NODE_KEY_BYTES)) }
    this.ids = ids
    this.sortIds()
    const step = Math.max(1, Math.ceil(n / PROGRESS_STEPS))
    const tables = new Array<Int32Array>(n)
    let total = 0
    for (let i = 0; i < n; i++) {
      tables[i] = this.buildTable(this.position[i])
      total += tables[i].length - 1 - tables[i][0]
      if (onProgress !== undefined && ((i + 1) % step === 0 || i + 1 === n)) { onProgress(i + 1, n) }
    }
    this.tables = tables
    this.entriesTotal = total
    assert(this.built, 'a table per node')
  }

  /** Mean number of entries per routing table. */
  tableSizeMean (): number {
    assert(this.built, 'build() first')
    return this.entriesTotal / this.nodeCount
  }

  /** The id of node `i` (the same as node i's of a RingSim with the same seed). */
  idOf (i: number): bigint {
    assert(this.built && i >= 0 && i < this.nodeCount, 'node index in range after build()')
    return this.ids[i]
  }

  /** Number of bucket slots of node i's table: buckets 0 .. P-1 (later ones are empty). */
  bucketCount (i: number): number {
    assert(this.built && i >= 0 && i < this.nodeCount, 'node index in range after build()')
    return this.tables[i][0]
  }

  /** Node indexes in bucket p of node i's table (a view: do not modify). */
  bucket (i: number, p: number): Int32Array {
    const t = this.tables[i]
    assert(t !== undefined && p >= 0 && p < ID_BITS, 'node index and prefix length in range')
    const slots = t[0]
    if (p >= slots) { return t.subarray(0, 0) }
    const start = p === 0 ? 0 : t[p]
    return t.subarray(1 + slots + start, 1 + slots + t[1 + p])
  }

  /** Ground truth: the node whose id is XOR-closest to `key`. */
  closestNode (key: bigint): number {
    assert(this.built, 'build() first')
    const w = this.words
    let lo = 0
    let hi = this.nodeCount
    for (let p = 0; p < ID_BITS && hi - lo > 1; p++) {
      const word = p >>> 5
      const mask = (1 << (31 - (p & 31))) >>> 0
      let a = lo
      let b = hi
      while (a < b) {
        const m = (a + b) >>> 1
        if ((w[m * ID_WORDS + word] & mask) !== 0) { b = m } else { a = m + 1 }
      }
      const keyBit = Number((key >> BigInt(ID_BITS - 1 - p)) & 1n)
      if (keyBit === 0 && a > lo) { hi = a }
      if (keyBit === 1 && a < hi) { lo = a }
    }
    assert(hi - lo === 1, 'ids are distinct')
    return this.order[lo]
  }

  /** Runs `count` lookups at `ratePerS` Poisson arrivals and returns their statistics. */
  runLookups (count: number, ratePerS: number, onProgress?: (done: number, total: number) => void): KademliaLookupStats {
    assert(this.built, 'build() first')
    if (!(Number.isInteger(count) && count >= 0 && count <= KADEMLIA_LOOKUPS_MAX)) { throw new InvalidParametersError(`count must be an integer in 0..${KADEMLIA_LOOKUPS_MAX}, got ${count}`) }
    if (!(ratePerS > 0 && Number.isFinite(ratePerS))) { throw new InvalidParametersError(`ratePerS must be a positive finite number, got ${ratePerS}`) }
    assert(this.queue.size === 0, 'no run in progress')
    const stats = newKademliaStats()
    this.stats = stats
    const gapMeanMs = 1000 / ratePerS
    const step = Math.max(1, Math.ceil(count / PROGRESS_STEPS))
    let started = 0
    let done = 0
    if (count > 0) { this.schedule(this.nowMs + this.lookupRng.exp(gapMeanMs), 2, -1, -1, undefined) }
    for (let ev = this.queue.pop(); ev !== undefined; ev = this.queue.pop()) {
      assert(ev.at >= this.nowMs, 'time never goes back')
      this.nowMs = ev.at
      this.eventsCount++
      if (ev.kind === 2) {
        this.startLookup()
        if (++started < count) { this.schedule(this.nowMs + this.lookupRng.exp(gapMeanMs), 2, -1, -1, undefined) }
      } else if (this.handleMessage(ev)) {
        done++
        if (onProgress !== undefined && (done % step === 0 || done === count)) { onProgress(done, count) }
      }
    }
    assert(stats.issued === count && stats.ok + stats.wrongOwner + stats.failed === count, 'every lookup has an outcome')
    return stats
  }

  private schedule (at: number, kind: 0 | 2, node: number, from: number, msg: KadMessage | undefined): void {
    this.queue.push({ at, kind, node, from, msg, fn: undefined })
  }

  /** Sorts node indexes by id and lays the sorted ids out as words. */
  private sortIds (): void {
    const n = this.nodeCount
    const ids = this.ids
    const order = Int32Array.from({ length: n }, (_, i) => i)
    order.sort((a, b) => {
      if (ids[a] === ids[b]) { return 0 }
      return ids[a] < ids[b] ? -1 : 1
    })
    const position = new Int32Array(n)
    const words = new Uint32Array(n * ID_WORDS)
    for (let s = 0; s < n; s++) {
      const id = ids[order[s]]
      position[order[s]] = s
      for (let w = 0; w < ID_WORDS; w++) { words[s * ID_WORDS + w] = Number((id >> BigInt(32 * (ID_WORDS - 1 - w))) & 0xffffffffn) }
    }
    this.order = order
    this.position = position
    this.words = words
    for (let s = 1; s < n; s++) { assert(this.commonPrefix(s - 1, s) < ID_BITS, 'node ids are distinct') }
  }

  /** Leading bits shared by the ids at sorted positions a and b. */
  private commonPrefix (a: number, b: number): number {
    const w = this.words
    for (let i = 0; i < ID_WORDS; i++) {
      const x = (w[a * ID_WORDS + i] ^ w[b * ID_WORDS + i]) >>> 0
      if (x !== 0) { return 32 * i + Math.clz32(x) }
    }
    return ID_BITS
  }

  /** The first sorted position in [lo, s] sharing at least q bits with s. */
  private rangeStart (s: number, lo: number, q: number): number {
    let a = lo
    let b = s
    while (a < b) {
      const m = (a + b) >>> 1
      if (this.commonPrefix(m, s) >= q) { b = m } else { a = m + 1 }
    }
    return a
  }

  /** One past the last sorted position in [s, hi) sharing at least q bits with s. */
  private rangeEnd (s: number, hi: number, q: number): number {
    let a = s + 1
    let b = hi
    while (a < b) {
      const m = (a + b) >>> 1
      if (this.commonPrefix(m, s) >= q) { a = m + 1 } else { b = m }
    }
    return a
  }

  /** The routing table of the node at sorted position s (layout in the file comment). */
  private buildTable (s: number): Int32Array {
    const ends: number[] = []
    const entries: number[] = []
    let lo = 0
    let hi = this.nodeCount
    for (let p = 0; hi - lo > 1; p++) {
      assert(p < ID_BITS, 'only the node itself shares all bits with itself')
      const lo2 = this.rangeStart(s, lo, p + 1)
      const hi2 = this.rangeEnd(s, hi, p + 1)
      assert(lo <= lo2 && lo2 <= s && s < hi2 && hi2 <= hi, 'range for p + 1 inside range for p')
      assert(lo2 === lo || hi2 === hi, 'bucket p lies on one side: bit p differs from the owner')
      if (lo2 > lo) { this.sample(lo, lo2, entries) } else { this.sample(hi2, hi, entries) }
      ends.push(entries.length)
      lo = lo2
      hi = hi2
    }
    const table = new Int32Array(1 + ends.length + entries.length)
    table[0] = ends.length
    table.set(ends, 1)
    table.set(entries, 1 + ends.length)
    return table
  }

  /** Appends up to k node indexes drawn uniformly from sorted positions [a, b) (Floyd's method). */
  private sample (a: number, b: number, out: number[]): void {
    const m = b - a
    const k = this.k
    if (m <= k) {
      for (let i = a; i < b; i++) { out.push(this.order[i]) }
      return
    }
    const picked: number[] = []
    for (let j = m - k; j < m; j++) {
      const r = this.tableRng.int(j + 1)
      picked.push(picked.includes(r) ? j : r)
    }
    assert(picked.length === k && new Set(picked).size === k, 'k distinct draws')
    for (const off of picked) { out.push(this.order[a + off]) }
  }

  /** Fills pickNodes/pickDists with node's table entries closest to key, closest first; returns how many. */
  private closestInTable (node: number, key: bigint): number {
    const t = this.tables[node]
    const nodes = this.pickNodes
    const dists = this.pickDists
    const k = this.k
    let count = 0
    for (let i = 1 + t[0]; i < t.length; i++) {
      const e = t[i]
      const d = this.ids[e] ^ key
      if (count === k && d >= dists[k - 1]) { continue }
      let j = count < k ? count++ : k - 1
      for (; j > 0 && dists[j - 1] > d; j--) {
        dists[j] = dists[j - 1]
        nodes[j] = nodes[j - 1]
      }
      dists[j] = d
      nodes[j] = e
    }
    assert(count === Math.min(k, t.length - 1 - t[0]), 'answer holds min(k, table size) entries')
    return count
  }

  private startLookup (): void {
    const n = this.nodeCount
    const origin = this.lookupRng.int(n)
    const key = this.lookupRng.bigint128()
    const self: Candidate = { node: origin, dist: this.ids[origin] ^ key, state: ANSWERED, hops: 0 }
    const l: Lookup = {
      origin, key, truth: this.closestNode(key), startMs: this.nowMs, shortlist: [], queried: new Set(), best: self, inFlight: 0, done: false
    }
    this.stats.issued++
    this.mixTrace(TRACE_START, origin, -1)
    const count = this.closestInTable(origin, key)
    this.learn(l, this.pickNodes.subarray(0, count), 1)
    this.advance(l)
  }

  /** Merges nodes heard of into the shortlist (closest k kept; once out, a node never re-enters). */
  private learn (l: Lookup, nodes: Int32Array, hops: number): void {
    const s = l.shortlist
    const k = this.k
    for (const e of nodes) {
      if (e === l.origin) { continue }
      const d = this.ids[e] ^ l.key
      if (s.length === k && d >= s[k - 1].dist) { continue }
      if (s.some(c => c.node === e)) { continue }
      let j = s.length
      while (j > 0 && s[j - 1].dist > d) { j-- }
      s.splice(j, 0, { node: e, dist: d, state: UNQUERIED, hops })
      if (s.length > k) { s.pop() }
    }
    assert(s.length <= k, 'shortlist holds at most k nodes')
  }

  /** Ends the lookup when the `quorum` closest seen have answered; else tops up the requests in flight. */
  private advance (l: Lookup): void {
    const s = l.shortlist
    let answered = true
    for (let i = 0; i < s.length && i < this.quorum; i++) { if (s[i].state !== ANSWERED) { answered = false; break } }
    if (answered) {
      this.finish(l)
      return
    }
    for (const c of l.shortlist) {
      if (l.inFlight >= this.alpha) { break }
      if (c.state === UNQUERIED) { this.sendRequest(l, c) }
    }
    assert(l.inFlight > 0, 'a lookup that has not ended waits for an answer')
  }

  private sendRequest (l: Lookup, c: Candidate): void {
    assert(!l.queried.has(c.node) && c.node !== l.origin, 'each node is queried at most once per lookup')
    l.queried.add(c.node)
    c.state = IN_FLIGHT
    l.inFlight++
    this.stats.messages++
    const msg: KadMessage = { request: true, lookup: l, cand: c, nodes: undefined }
    this.schedule(this.nowMs + this.latency.oneWayMs(l.origin, c.node, this.jitter), 0, c.node, l.origin, msg)
  }

  /** Delivers a request or a response; returns true when a lookup ended. */
  private handleMessage (ev: SimEvent): boolean {
    const msg = ev.msg as KadMessage
    const l = msg.lookup
    if (msg.request) {
      assert(ev.node === msg.cand.node && ev.from === l.origin, 'request reaches its target')
      this.mixTrace(TRACE_REQUEST, ev.node, ev.from)
      const count = this.closestInTable(ev.node, l.key)
      const answer: KadMessage = { request: false, lookup: l, cand: msg.cand, nodes: this.pickNodes.slice(0, count) }
      this.stats.messages++
      this.schedule(this.nowMs + this.latency.oneWayMs(ev.node, ev.from, this.jitter), 0, ev.from, ev.node, answer)
      return false
    }
    assert(ev.node === l.origin && msg.cand.state === IN_FLIGHT && msg.nodes !== undefined, 'response reaches a waiting querier')
    this.mixTrace(TRACE_RESPONSE, ev.node, ev.from)
    msg.cand.state = ANSWERED
    l.inFlight--
    if (l.done) { return false }
    if (msg.cand.dist < l.best.dist) { l.best = msg.cand }
    this.learn(l, msg.nodes, msg.cand.hops + 1)
    this.advance(l)
    return l.done
  }

  private finish (l: Lookup): void {
    assert(!l.done, 'a lookup ends once')
    l.done = true
    const s = this.stats
    const best = l.best
    if (best.node === l.truth) { s.ok++ } else { s.wrongOwner++ }
    s.hops.push(best.hops)
    s.latencyMs.push(this.nowMs - l.startMs)
    this.mixTrace(TRACE_END, best.node, best.hops)
  }

  private mixTrace (code: number, node: number, other: number): void {
    const t = Math.round(this.nowMs * 1000)
    this.hashA = mix32(this.hashA ^ (t >>> 0) ^ Math.imul(node + 1, 0x9e3779b1))
    this.hashB = mix32(this.hashB ^ Math.floor(t / 4294967296) ^ (code << 24) ^ Math.imul(other + 2, 0x85ebca6b) ^ Math.imul(this.hashA, 31))
  }
}

export function newKademliaStats (): KademliaLookupStats {
  return { issued: 0, ok: 0, wrongOwner: 0, failed: 0, hops: [], latencyMs: [], messages: 0 }
}

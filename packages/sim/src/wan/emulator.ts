/**
 * The WAN emulator shared by every node in one process: it places each node (an index the
 * latency model understands), maps listen addresses to nodes, and turns the model into a
 * propagation delay per peer pair and direction:
 *
 * `deliverAt = max(now + d(src, dst), lastDeliverAt[src, dst])`,
 *
 * so chunks keep their order on a pair and many of them are in flight at once (a 100 ms link
 * carries a whole window, not one buffer per 100 ms; the memory transport's `latency` option is
 * the latter, reference/perf.md §3c finding 3). It also counts what crosses the emulated links.
 */
import { InvalidParametersError, assert } from '@selfmgmt/interface'
import { Rng } from '../prng.ts'
import type { LatencyModel } from '../latency.ts'
import type { Multiaddr } from '@multiformats/multiaddr'

/** Node indexes are below this (pair keys pack two indexes in one safe integer). */
export const WAN_NODES_MAX = 1 << 20
/** Listen addresses remembered for placing dialled peers. */
export const WAN_ADDRESSES_MAX = 1 << 16
/** Pairs with a pending delivery time kept before the expired ones are swept. */
export const WAN_PAIRS_SWEEP = 1 << 14
/** The multicodec of /p2p, removed from addresses before they are looked up. */
const CODE_P2P = 421

export interface WanEmulatorInit {
  /** One-way delays by node index. */
  model: LatencyModel
  /** Seed of the jitter stream (default 1). */
  seed?: number
  /** Draw each chunk's delay with the model's jitter (default true); false uses RTT / 2 exactly. */
  jitter?: boolean
  /**
   * Places a dialled address (default: the registry of listen addresses that wrapped transports
   * fill as their listeners start). Return undefined for an address outside the emulation.
   */
  indexOf?(ma: Multiaddr): number | undefined
}

export interface WanStats {
  /** Bytes sent over emulated links, both directions, payload of the underlying transport. */
  bytes: number
  /** Chunks (transport writes) sent over emulated links. */
  chunks: number
  /** Connections dialled through the emulation. */
  connections: number
  /** Dials to addresses the emulator could not place: not delayed. */
  unplacedDials: number
}

export class WanEmulator {
  readonly model: LatencyModel
  private readonly rng: Rng
  private readonly jitter: boolean
  private readonly customIndexOf?: (ma: Multiaddr) => number | undefined
  private readonly addresses = new Map<string, number>()
  private readonly lastAtMs = new Map<number, number>()
  private nextFree = 0
  private readonly counters: WanStats = { bytes: 0, chunks: 0, connections: 0, unplacedDials: 0 }

  constructor (init: WanEmulatorInit) {
    this.model = init.model
    this.rng = new Rng(init.seed ?? 1, 'wan-jitter')
    this.jitter = init.jitter !== false
    this.customIndexOf = init.indexOf
  }

  /**
   * Claims a node index: the given one, or a fresh one (0, 1, 2, ... in call order) for nodes
   * created without one. Fresh indexes are above every index claimed so far.
   */
  allocate (index?: number): number {
    if (index !== undefined) {
      checkIndex(index)
      this.nextFree = Math.max(this.nextFree, index + 1)
      return index
    }
    assert(this.nextFree < WAN_NODES_MAX, `more than ${WAN_NODES_MAX} emulated nodes`)
    return this.nextFree++
  }

  /** Records that `index` listens on these addresses, so dials to them are placed. */
  register (index: number, addrs: Multiaddr[]): void {
    this.allocate(index)
    for (const ma of addrs) {
      const key = addressKey(ma)
      this.addresses.delete(key)
      this.addresses.set(key, index)
      if (this.addresses.size > WAN_ADDRESSES_MAX) {
        const oldest = this.addresses.keys().next().value
        if (oldest !== undefined) { this.addresses.delete(oldest) }
      }
    }
  }

  /** Forgets listen addresses (a listener closed). */
  unregister (addrs: Multiaddr[]): void {
    for (const ma of addrs) { this.addresses.delete(addressKey(ma)) }
  }

  /** The node an address belongs to, or undefined when it is not emulated. */
  indexOf (ma: Multiaddr): number | undefined {
    if (this.customIndexOf !== undefined) { return this.customIndexOf(ma) }
    return this.addresses.get(addressKey(ma))
  }

  /** The jitter-free one-way delay from `src` to `dst`. */
  baseOneWayMs (src: number, dst: number): number {
    return this.model.rttMs(src, dst) / 2
  }

  /**
   * When a chunk of `bytes` sent now from `src` reaches `dst`: the pair's propagation delay,
   * never before the pair's previous chunk. Counts the chunk.
   */
  deliverAtMs (src: number, dst: number, nowMs: number, bytes: number): number {
    const d = this.jitter ? this.model.oneWayMs(src, dst, this.rng) : this.baseOneWayMs(src, dst)
    assert(d >= 0 && Number.isFinite(d), `latency model gave ${d} ms from ${src} to ${dst}`)
    const key = src * WAN_NODES_MAX + dst
    const atMs = Math.max(nowMs + d, this.lastAtMs.get(key) ?? -Infinity)
    this.lastAtMs.set(key, atMs)
    if (this.lastAtMs.size > WAN_PAIRS_SWEEP) { this.sweep(nowMs) }
    if (bytes > 0) {
      this.counters.bytes += bytes
      this.counters.chunks++
    }
    return atMs
  }

  /** Counts a connection dialled through the emulation (placed or not). */
  countDial (placed: boolean): void {
    if (placed) { this.counters.connections++ } else { this.counters.unplacedDials++ }
  }

  /** A copy of the counters; subtract two copies to measure a phase. */
  stats (): WanStats {
    return { ...this.counters }
  }

  /** A pair whose last chunk has arrived constrains nothing: forget it. */
  private sweep (nowMs: number): void {
    for (const [key, atMs] of this.lastAtMs) {
      if (atMs <= nowMs) { this.lastAtMs.delete(key) }
    }
  }
}

function checkIndex (index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= WAN_NODES_MAX) {
    throw new InvalidParametersError(`a WAN node index must be an integer in [0, ${WAN_NODES_MAX}), got ${index}`)
  }
}

function addressKey (ma: Multiaddr): string {
  return ma.getComponents().some(c => c.code === CODE_P2P) ? ma.decapsulateCode(CODE_P2P).toString() : ma.toString()
}

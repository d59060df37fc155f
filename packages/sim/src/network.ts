/**
 * The network model: a function of (source, target, message) that returns the delivery times of
 * a message (none when dropped, two when duplicated). Latency comes from a {@link LatencyModel};
 * on top: loss, duplication, reordering, partitions (groups that cannot reach each other) and
 * one-way cuts. Delivery is FIFO per ordered pair unless reordering is on, as over one TCP
 * connection.
 */
import { InvalidParametersError } from '@selfmgmt/interface'
import type { LatencyModel } from './latency.ts'
import type { Rng } from './prng.ts'

export interface FaultConfig {
  /** Probability that a message is lost. */
  lossRate?: number
  /** Probability that a message is delivered twice. */
  duplicateRate?: number
  /** Extra uniform delay in [0, reorderMs) without the FIFO rule: messages may overtake. */
  reorderMs?: number
}

export class Network {
  readonly latency: LatencyModel
  private readonly jitter: Rng
  private readonly faults: Rng
  private lossRate = 0
  private duplicateRate = 0
  private reorderMs = 0
  private groups: Int32Array | undefined
  private cutGroups: Int32Array | undefined
  private readonly cuts = new Set<number>()
  /** FIFO state: last delivery time per (src, dst), by src index then dst index (small-int keys). */
  private readonly lastAt = new Map<number, Map<number, number>>()
  private sends = 0
  dropped = 0
  duplicated = 0

  constructor (latency: LatencyModel, jitter: Rng, faults: Rng) {
    this.latency = latency
    this.jitter = jitter
    this.faults = faults
  }

  setFaults (f: FaultConfig): void {
    const rate = (x: number | undefined, name: string): number => {
      const v = x ?? 0
      if (!(v >= 0 && v < 1)) { throw new InvalidParametersError(`${name} must be in [0, 1), got ${v}`) }
      return v
    }
    this.lossRate = rate(f.lossRate, 'lossRate')
    this.duplicateRate = rate(f.duplicateRate, 'duplicateRate')
    this.reorderMs = f.reorderMs ?? 0
  }

  /**
   * Partitions nodes into groups (group[i] for node index i; nodes past the end are in group 0).
   * Messages between different groups are dropped. `undefined` heals.
   */
  setPartition (groups: Int32Array | undefined): void {
    this.groups = groups
  }

  /**
   * Assigns nodes to groups for `cut` without partitioning them (group[i] for node index i;
   * nodes past the end are in group 0): non-transitive partitions (a bridge, majorities in a
   * ring) are built from these groups and one-way cuts between them.
   */
  setCutGroups (groups: Int32Array | undefined): void {
    this.cutGroups = groups
  }

  /** Blocks messages from group `a` to group `b` (one way). */
  cut (a: number, b: number): void {
    this.cuts.add(a * 65536 + b)
  }

  healCuts (): void {
    this.cuts.clear()
    this.cutGroups = undefined
  }

  groupOf (i: number): number {
    const g = this.groups
    return g !== undefined && i < g.length ? g[i] : 0
  }

  /** True when src can currently reach dst. */
  reachable (src: number, dst: number): boolean {
    if (this.groups === undefined && this.cuts.size === 0) { return true }
    const a = this.groupOf(src)
    const b = this.groupOf(dst)
    if (this.groups !== undefined && a !== b) { return false }
    if (this.cuts.size === 0) { return true }
    const cg = this.cutGroups
    if (cg === undefined) { return !this.cuts.has(a * 65536 + b) }
    const x = src < cg.length ? cg[src] : 0
    const y = dst < cg.length ? cg[dst] : 0
    return !this.cuts.has(x * 65536 + y)
  }

  /** Delivery times for a message sent now; empty when it is lost. */
  send (src: number, dst: number, nowMs: number): number[] {
    if (!this.reachable(src, dst)) { this.dropped++; return [] }
    if (this.lossRate > 0 && this.faults.next() < this.lossRate) { this.dropped++; return [] }
    const first = this.deliverAt(src, dst, nowMs)
    if (this.duplicateRate > 0 && this.faults.next() < this.duplicateRate) {
      this.duplicated++
      return [first, this.deliverAt(src, dst, nowMs)]
    }
    return [first]
  }

  private deliverAt (src: number, dst: number, nowMs: number): number {
    const d = this.latency.oneWayMs(src, dst, this.jitter)
    if (this.reorderMs > 0) { return nowMs + d + this.faults.next() * this.reorderMs }
    let bySrc = this.lastAt.get(src)
    if (bySrc === undefined) {
      bySrc = new Map()
      this.lastAt.set(src, bySrc)
    }
    const last = bySrc.get(dst) ?? 0
    const at = last > nowMs + d ? last : nowMs + d
    bySrc.set(dst, at)
    if (++this.sends % 262144 === 0) { this.prune(nowMs) }
    return at
  }

  /** Forgets FIFO state of pairs with nothing in flight. */
  private prune (nowMs: number): void {
    for (const [src, bySrc] of this.lastAt) {
      for (const [dst, at] of bySrc) { if (at < nowMs) { bySrc.delete(dst) } }
      if (bySrc.size === 0) { this.lastAt.delete(src) }
    }
  }
}

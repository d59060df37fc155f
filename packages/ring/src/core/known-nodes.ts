/**
 * Every node this node knows (finger table, successors, predecessors), kept sorted by clockwise
 * distance from self and updated incrementally, so routing and casts choose among them by binary
 * search instead of rebuilding and sorting a candidate list per message. Each node is counted
 * once per source that holds it and leaves when the last source drops it.
 */
import { assert } from '@selfmgmt/interface'
import { cwDist } from './id.ts'
import type { RingId } from './id.ts'
import type { NodeRef } from './node-ref.ts'

export class KnownNodes {
  private readonly selfId: RingId
  /** Sorted by `dists`, ascending; parallel arrays. */
  readonly nodes: NodeRef[] = []
  readonly dists: bigint[] = []
  /** Incremented whenever a node enters or leaves. */
  version = 0
  private readonly counts = new Map<string, number>()
  private readonly byAddr = new Map<string, NodeRef>()

  constructor (selfId: RingId) {
    this.selfId = selfId
  }

  get size (): number { return this.nodes.length }

  has (addr: string): boolean { return this.counts.has(addr) }

  get (addr: string): NodeRef | undefined { return this.byAddr.get(addr) }

  /**
   * True when `n` contradicts a known node: a known address with another id. (A known id at
   * another address would need a SHA-256 collision once drivers bind ids to keys; lists drop
   * such duplicates anyway.)
   */
  conflicts (n: NodeRef): boolean {
    const known = this.byAddr.get(n.addr)
    return known !== undefined && known.id !== n.id
  }

  add (n: NodeRef): void {
    assert(n.id !== this.selfId, 'self among known nodes')
    const c = this.counts.get(n.addr)
    if (c !== undefined) {
      this.counts.set(n.addr, c + 1)
      return
    }
    assert(!this.conflicts(n), 'a conflicting node ref reached the known-node index')
    this.counts.set(n.addr, 1)
    this.byAddr.set(n.addr, n)
    this.version++
    const d = cwDist(this.selfId, n.id)
    const i = this.lowerBound(d)
    this.nodes.splice(i, 0, n)
    this.dists.splice(i, 0, d)
  }

  remove (n: NodeRef): void {
    const c = this.counts.get(n.addr)
    assert(c !== undefined, 'removing an unknown node')
    if (c > 1) {
      this.counts.set(n.addr, c - 1)
      return
    }
    this.counts.delete(n.addr)
    this.byAddr.delete(n.addr)
    this.version++
    let i = this.lowerBound(cwDist(this.selfId, n.id))
    while (i < this.nodes.length && this.nodes[i].addr !== n.addr) { i++ }
    assert(i < this.nodes.length, 'known node missing from the sorted list')
    this.nodes.splice(i, 1)
    this.dists.splice(i, 1)
  }

  /** Checks order and counts; O(n). For tests. */
  assertDeep (): void {
    assert(this.nodes.length === this.dists.length && this.nodes.length === this.counts.size, 'known nodes out of step')
    for (let i = 0; i < this.nodes.length; i++) {
      assert(this.dists[i] === cwDist(this.selfId, this.nodes[i].id), 'stale known distance')
      assert(i === 0 || this.dists[i - 1] < this.dists[i], 'known nodes not sorted')
    }
  }

  private lowerBound (d: bigint): number {
    let lo = 0
    let hi = this.dists.length
    while (lo < hi) {
      const m = (lo + hi) >>> 1
      if (this.dists[m] < d) { lo = m + 1 } else { hi = m }
    }
    return lo
  }
}

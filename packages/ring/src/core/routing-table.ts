/**
 * A node's finger table for one geometry: for each slot in the node's window, the entry that
 * serves it (by default the owner of the slot's start, the "ideal"; under proximity the
 * lowest-RTT node known inside the slot's interval). Entries are learned, never probed
 * periodically: from message senders and origins (correction-on-use), corrections, join state
 * and topology events (correction-on-change).
 *
 * Slots are sorted by clockwise offset; a node at clockwise distance d can only improve slots
 * with offset ≤ d, found by binary search, so learning costs O(log S) plus the slots it changes.
 */
import { assert } from '@selfmgmt/interface'
import { SLOT_CANDIDATES_MAX, TABLE_NODES_MAX } from './constants.ts'
import { slotWindow } from './geometry.ts'
import { RING_SIZE, cwDist, idAdd } from './id.ts'
import type { Geometry, Slot } from './geometry.ts'
import type { RingId } from './id.ts'
import type { NodeRef } from './node-ref.ts'

/** Returns the smoothed RTT to a node in ms, or undefined when never measured. */
export type RttLookup = (addr: string) => number | undefined

/** Told when a node enters (true) or leaves (false) the set of distinct table entries. */
export type MembershipListener = (node: NodeRef, added: boolean) => void

export interface SlotView {
  level: number
  sign: 1 | -1
  start: RingId
  entry?: NodeRef
  candidates: number
}

export class RoutingTable {
  readonly geometry: Geometry
  readonly self: RingId
  readonly proximity: boolean
  private readonly rttOf: RttLookup
  private lo = 0
  private hi = 0
  private starts: RingId[] = []
  private entries: Array<NodeRef | undefined> = []
  /** Clockwise distance self → entry, kept to avoid recomputing bigints. */
  private dists: bigint[] = []
  private cands: Array<NodeRef[] | undefined> = []
  private readonly refs = new Map<string, { node: NodeRef, count: number }>()
  private list: NodeRef[] | undefined
  /** Incremented whenever the set of distinct nodes changes, so users can cache derived views. */
  version = 0

  private readonly listener: MembershipListener | undefined

  constructor (geometry: Geometry, self: RingId, proximity: boolean, rttOf: RttLookup, listener?: MembershipListener) {
    this.geometry = geometry
    this.self = self
    this.proximity = proximity
    this.rttOf = rttOf
    this.listener = listener
  }

  /** Drops every entry (the listener hears each removal). */
  clear (): void {
    for (let j = 0; j < this.entries.length; j++) { if (this.entries[j] !== undefined) { this.setEntry(j, undefined, 0n) } }
    this.cands.fill(undefined)
  }

  /** Number of slots in the current window. */
  get size (): number { return this.hi - this.lo }

  /** Distinct nodes serving at least one slot (the table size reported by introspection). */
  nodes (): readonly NodeRef[] {
    if (this.list === undefined) { this.list = [...this.refs.values()].map(r => r.node) }
    return this.list
  }

  has (addr: string): boolean { return this.refs.has(addr) }

  /**
   * Moves the window to the slots that matter given the neighbour distances; new slots are
   * filled from `known`. Returns true when the window changed.
   */
  setWindow (dSucc: bigint, dPred: bigint, known: Iterable<NodeRef>): boolean {
    const w = slotWindow(this.geometry, dSucc, dPred)
    if (w.lo === this.lo && w.hi === this.hi) { return false }
    const old = { lo: this.lo, entries: this.entries, cands: this.cands }
    const n = w.hi - w.lo
    this.lo = w.lo
    this.hi = w.hi
    this.starts = new Array<RingId>(n)
    this.entries = new Array<NodeRef | undefined>(n).fill(undefined)
    this.dists = new Array<bigint>(n).fill(0n)
    this.cands = new Array<NodeRef[] | undefined>(n).fill(undefined)
    for (const r of this.refs.values()) { this.listener?.(r.node, false) }
    this.refs.clear()
    this.list = undefined
    this.version++
    const slots = this.geometry.slots
    for (let j = 0; j < n; j++) { this.starts[j] = idAdd(this.self, slots[w.lo + j].offset) }
    for (let j = 0; j < old.entries.length; j++) {
      const e = old.entries[j]
      if (e !== undefined) { this.offer(e) }
      for (const c of old.cands[j] ?? []) { this.offer(c) }
    }
    for (const k of known) { this.offer(k) }
    return true
  }

  /** Learns a node. Returns true when some slot changed. */
  offer (node: NodeRef): boolean {
    if (node.id === this.self) { return false }
    const d = cwDist(this.self, node.id)
    let j = this.lastSlotAtOrBefore(d)
    if (j < 0) { return false }
    let changed = false
    if (this.proximity) {
      const slot = this.slot(j)
      if (d < slot.offset + slot.span) { changed = this.addCandidate(j, node) }
      // Slots without an in-interval candidate keep the ideal rule below.
      if (this.cands[j] !== undefined && d < slot.offset + slot.span) { j-- }
    }
    return this.idealDownFrom(j, node, d) || changed
  }

  /**
   * The ideal rule from slot j down: a slot whose entry is missing, lies before the slot's start,
   * or lies beyond `node` takes `node`; the walk stops at a slot already served by a valid node at
   * or before it (slots below start even earlier).
   */
  private idealDownFrom (j: number, node: NodeRef, d: bigint): boolean {
    let changed = false
    for (; j >= 0; j--) {
      if (this.proximity && this.cands[j] !== undefined) { break }
      const e = this.entries[j]
      if (e !== undefined && e.addr === node.addr) { continue }
      if (e !== undefined && this.dists[j] >= this.slot(j).offset && this.dists[j] <= d) { break }
      this.setEntry(j, node, d)
      changed = true
    }
    return changed
  }

  /**
   * A correction for the slot starting at `start`: `cand` is closer to the slot's ideal node.
   * Returns true when applied.
   */
  correct (start: RingId, cand: NodeRef): boolean {
    const j = this.slotIndexOfStart(start)
    if (j < 0 || cand.id === this.self) { return false }
    if (this.proximity) { return this.offer(cand) }
    const d = cwDist(this.self, cand.id)
    const off = this.slot(j).offset
    if (d < off) { return false }
    const e = this.entries[j]
    if (e !== undefined && e.addr === cand.addr) { return false }
    if (e === undefined || this.dists[j] < off || d < this.dists[j]) {
      // The slot and, by the same rule, the slots below it that cand also serves better.
      this.setEntry(j, cand, d)
      this.idealDownFrom(j - 1, cand, d)
      return true
    }
    return false
  }

  /**
   * Forgets a node (failed or left). Slots it served fall back to another candidate or to the
   * entry of the next slot clockwise, which is a valid (later) node for them. Returns true when
   * the node was in the table.
   */
  remove (addr: string): boolean {
    let found = false
    for (let j = this.entries.length - 1; j >= 0; j--) {
      const c = this.cands[j]
      if (c !== undefined) {
        const i = c.findIndex(n => n.addr === addr)
        if (i >= 0) {
          c.splice(i, 1)
          if (c.length === 0) { this.cands[j] = undefined }
          found = true
        }
      }
      const e = this.entries[j]
      if (e === undefined || e.addr !== addr) { continue }
      found = true
      if (this.cands[j] !== undefined) {
        this.choose(j)
        continue
      }
      const next = j + 1 < this.entries.length ? this.entries[j + 1] : undefined
      if (next !== undefined && next.addr !== addr && this.slot(j + 1).sign === this.slot(j).sign) {
        this.setEntry(j, next, this.dists[j + 1])
      } else {
        this.setEntry(j, undefined, 0n)
      }
    }
    return found
  }

  /** Re-chooses the slot a node is a candidate of, after its RTT estimate changed. */
  rttUpdated (node: NodeRef): void {
    if (!this.proximity) { return }
    const j = this.lastSlotAtOrBefore(cwDist(this.self, node.id))
    if (j >= 0 && this.cands[j]?.some(c => c.addr === node.addr) === true) { this.choose(j) }
  }

  /**
   * Up to `max` proximity candidates for which `skip` is false (typically: no RTT yet), coarsest
   * levels first, where a good choice saves the most.
   */
  unmeasured (max: number, skip: (n: NodeRef) => boolean): NodeRef[] {
    const out: NodeRef[] = []
    if (!this.proximity || max <= 0) { return out }
    const order = [...this.cands.keys()].filter(j => this.cands[j] !== undefined)
    order.sort((a, b) => this.slot(a).level - this.slot(b).level)
    const seen = new Set<string>()
    for (const j of order) {
      for (const c of this.cands[j] ?? []) {
        if (seen.has(c.addr) || skip(c)) { continue }
        seen.add(c.addr)
        out.push(c)
        if (out.length >= max) { return out }
      }
    }
    return out
  }

  /** True when `node` is a proximity candidate (so measuring its RTT is useful). */
  isCandidate (node: NodeRef): boolean {
    if (!this.proximity) { return false }
    const j = this.lastSlotAtOrBefore(cwDist(this.self, node.id))
    return j >= 0 && this.cands[j]?.some(c => c.addr === node.addr) === true
  }

  /**
   * The start of the most specific slot `node` serves, for the correction-on-use header; undefined
   * when the node serves no slot, or (under proximity) sits inside the slot's interval, where any
   * node is acceptable.
   */
  slotStartFor (node: NodeRef): RingId | undefined {
    const d = cwDist(this.self, node.id)
    for (let j = this.lastSlotAtOrBefore(d); j >= 0; j--) {
      const e = this.entries[j]
      if (e === undefined || e.addr !== node.addr) { continue }
      if (this.proximity && this.cands[j] !== undefined) { return undefined }
      return this.starts[j]
    }
    return undefined
  }

  /** Slot starts served by each distinct entry, for finger queries at join. */
  startsByEntry (): Map<string, { node: NodeRef, starts: RingId[] }> {
    const out = new Map<string, { node: NodeRef, starts: RingId[] }>()
    for (let j = 0; j < this.entries.length; j++) {
      const e = this.entries[j]
      if (e === undefined) { continue }
      let g = out.get(e.addr)
      if (g === undefined) {
        g = { node: e, starts: [] }
        out.set(e.addr, g)
      }
      g.starts.push(this.starts[j])
    }
    return out
  }

  /**
   * Offsets of the geometry's slots that reach farther than `minReach` (for correction-on-change
   * ranges: other nodes' windows differ from ours, so this goes below our own window).
   */
  offsets (minReach = 0n): bigint[] {
    const out: bigint[] = []
    for (const s of this.geometry.slots) {
      const reach = s.sign === 1 ? s.offset : RING_SIZE - s.offset
      if (reach > minReach) { out.push(s.offset) }
    }
    return out
  }

  view (): SlotView[] {
    const out: SlotView[] = []
    for (let j = 0; j < this.entries.length; j++) {
      const s = this.slot(j)
      out.push({ level: s.level, sign: s.sign, start: this.starts[j], entry: this.entries[j], candidates: this.cands[j]?.length ?? 0 })
    }
    return out
  }

  /** Cheap checks, run after every step: window bookkeeping and limits. */
  assertInvariants (): void {
    assert(this.entries.length === this.hi - this.lo && this.starts.length === this.entries.length, 'table window arrays out of step')
    assert(this.dists.length === this.entries.length && this.cands.length === this.entries.length, 'table window arrays out of step')
    assert(this.refs.size <= TABLE_NODES_MAX && this.refs.size <= this.entries.length, 'table holds more nodes than slots')
  }

  /** Full consistency check, O(window): refcounts, no self, candidate bounds. For tests. */
  assertDeep (): void {
    this.assertInvariants()
    let counted = 0
    for (let j = 0; j < this.entries.length; j++) {
      const e = this.entries[j]
      const c = this.cands[j]
      assert(c === undefined || (c.length > 0 && c.length <= SLOT_CANDIDATES_MAX), 'candidate list out of bounds')
      if (e === undefined) { continue }
      counted++
      assert(e.id !== this.self, 'table holds self')
      assert(this.refs.get(e.addr)?.node === e, 'table entry missing from refs')
      assert(this.dists[j] === cwDist(this.self, e.id), 'stale entry distance')
    }
    let total = 0
    for (const r of this.refs.values()) { total += r.count }
    assert(total === counted, 'table refcounts out of step')
  }

  private slot (j: number): Slot {
    return this.geometry.slots[this.lo + j]
  }

  /** Largest window index j with offset_j ≤ d, or −1. */
  private lastSlotAtOrBefore (d: bigint): number {
    const slots = this.geometry.slots
    let a = this.lo
    let b = this.hi - 1
    let found = -1
    while (a <= b) {
      const m = (a + b) >>> 1
      if (slots[m].offset <= d) {
        found = m
        a = m + 1
      } else {
        b = m - 1
      }
    }
    return found < 0 ? -1 : found - this.lo
  }

  private slotIndexOfStart (start: RingId): number {
    const d = cwDist(this.self, start)
    const j = this.lastSlotAtOrBefore(d)
    return j >= 0 && this.slot(j).offset === d ? j : -1
  }

  private addCandidate (j: number, node: NodeRef): boolean {
    let c = this.cands[j]
    if (c === undefined) {
      c = []
      this.cands[j] = c
    }
    if (c.some(n => n.addr === node.addr)) { return false }
    if (c.length >= SLOT_CANDIDATES_MAX) {
      // Evict the worst: unmeasured first, then the highest RTT.
      let worst = 0
      for (let i = 1; i < c.length; i++) { if (this.rank(c[i]) > this.rank(c[worst])) { worst = i } }
      if (this.rank(node) >= this.rank(c[worst])) { return false }
      c.splice(worst, 1)
    }
    c.push(node)
    return this.choose(j)
  }

  private rank (n: NodeRef): number {
    return this.rttOf(n.addr) ?? Number.MAX_SAFE_INTEGER
  }

  /** Picks the lowest-RTT candidate of slot j (ties and unmeasured: closest to the start). */
  private choose (j: number): boolean {
    const c = this.cands[j]
    assert(c !== undefined && c.length > 0, 'choose on a slot without candidates')
    let best = c[0]
    let bestRank = this.rank(best)
    let bestD = cwDist(this.self, best.id)
    for (let i = 1; i < c.length; i++) {
      const r = this.rank(c[i])
      const d = cwDist(this.self, c[i].id)
      if (r < bestRank || (r === bestRank && d < bestD)) {
        best = c[i]
        bestRank = r
        bestD = d
      }
    }
    if (this.entries[j]?.addr === best.addr) { return false }
    this.setEntry(j, best, bestD)
    return true
  }

  private setEntry (j: number, node: NodeRef | undefined, d: bigint): void {
    const old = this.entries[j]
    if (old !== undefined) {
      const r = this.refs.get(old.addr)
      assert(r !== undefined, 'refcount missing')
      if (--r.count === 0) {
        this.refs.delete(old.addr)
        this.list = undefined
        this.version++
        this.listener?.(r.node, false)
      }
    }
    let canonical = node
    if (node !== undefined) {
      // One object per node, so entries compare by identity with the refcount map.
      const r = this.refs.get(node.addr)
      if (r === undefined) {
        this.refs.set(node.addr, { node, count: 1 })
        this.list = undefined
        this.version++
        this.listener?.(node, true)
      } else {
        r.count++
        canonical = r.node
      }
    }
    this.entries[j] = canonical
    this.dists[j] = d
  }
}

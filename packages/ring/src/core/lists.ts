/**
 * Successor and predecessor lists: deduplicated by address, without self, sorted by distance
 * (clockwise for successors, counter-clockwise for predecessors), truncated to their maximum.
 */
import { compareBig, cwDist, inOpenOpen } from './id.ts'
import type { RingId } from './id.ts'
import type { NodeRef } from './node-ref.ts'

function normalize (self: NodeRef, nodes: Iterable<NodeRef>, max: number, exclude: (n: NodeRef) => boolean, dist: (n: NodeRef) => bigint): NodeRef[] {
  const seen = new Set<string>()
  const seenIds = new Set<bigint>()
  const out: Array<{ n: NodeRef, d: bigint }> = []
  for (const n of nodes) {
    // One entry per address and per id: refs that disagree on either are dropped.
    if (n.addr === self.addr || n.id === self.id || seen.has(n.addr) || seenIds.has(n.id) || exclude(n)) { continue }
    seen.add(n.addr)
    seenIds.add(n.id)
    out.push({ n, d: dist(n) })
  }
  out.sort((a, b) => compareBig(a.d, b.d))
  return out.slice(0, max).map(x => x.n)
}

export function normalizeSuccs (self: NodeRef, nodes: Iterable<NodeRef>, max: number, exclude: (n: NodeRef) => boolean = () => false): NodeRef[] {
  return normalize(self, nodes, max, exclude, n => cwDist(self.id, n.id))
}

export function normalizePreds (self: NodeRef, nodes: Iterable<NodeRef>, max: number, exclude: (n: NodeRef) => boolean = () => false): NodeRef[] {
  return normalize(self, nodes, max, exclude, n => cwDist(n.id, self.id))
}

/**
 * True when a list is strictly sorted by distance from `selfId` in the given direction, without
 * self or duplicates. Comparisons only (no bigint arithmetic): it runs after every step.
 */
export function isSortedList (selfId: RingId, list: readonly NodeRef[], clockwise: boolean): boolean {
  for (let i = 0; i < list.length; i++) {
    const n = list[i]
    if (n.id === selfId) { return false }
    for (let j = 0; j < i; j++) { if (list[j].addr === n.addr) { return false } }
    if (i === 0) { continue }
    // Successors: list[i-1] ∈ (self, list[i]); predecessors: list[i-1] ∈ (list[i], self).
    const ok = clockwise ? inOpenOpen(list[i - 1].id, selfId, n.id) : inOpenOpen(list[i - 1].id, n.id, selfId)
    if (!ok) { return false }
  }
  return true
}

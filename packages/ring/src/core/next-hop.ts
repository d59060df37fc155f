/**
 * The routing decision, as pure functions over the nodes a node knows, sorted by clockwise
 * distance from it (so each decision is a binary search, without bigint arithmetic per
 * candidate).
 *
 * A routed message is in phase 2 (bidirectional: tango starts here), phase 0 (approaching the
 * key from its left, clockwise) or phase 1 (from its right, counter-clockwise). In phase 2 the
 * circular distance |d(x)| = min(l, r) strictly decreases at every hop, in phase 0 the clockwise
 * distance l(x) = cw(x, key), in phase 1 the counter-clockwise distance r(x) = cw(key, x); a
 * message only moves 2 → 0 → 1 (or 2 → 1), never back. So no message can loop, whatever the
 * tables hold and whatever geometries the nodes on the path use.
 *
 * - dks and chord take, in phase 0, the closest preceding node (c ∈ (self, key], max progress):
 * they never overshoot the owner.
 * - tango takes the node nearest the key on either side (strict progress in |d|), crossing the
 * key as often as that helps (balanced ternary digits are ±1); a clockwise node on the path turns
 * phase 2 into phase 0. In phase 0 a tango node landing right of the key switches to phase 1,
 * where the owner is the closest node at or after the key.
 */
import { RING_SIZE } from './id.ts'
import type { NodeRef } from './node-ref.ts'

/** Known nodes and their clockwise distances from self: ascending, all > 0. */
export interface SortedCandidates {
  readonly nodes: readonly NodeRef[]
  readonly dists: readonly bigint[]
}

export interface Hop {
  node: NodeRef
  phase: 0 | 1 | 2
}

/** Index of the first distance > d. */
function upper (dists: readonly bigint[], d: bigint): number {
  let lo = 0
  let hi = dists.length
  while (lo < hi) {
    const m = (lo + hi) >>> 1
    if (dists[m] <= d) { lo = m + 1 } else { hi = m }
  }
  return lo
}

/** Phase 0, clockwise geometries: the node in (self, key] closest to the key. */
export function closestPreceding (c: SortedCandidates, dKey: bigint): NodeRef | undefined {
  const i = upper(c.dists, dKey) - 1
  return i >= 0 ? c.nodes[i] : undefined
}

/** Phase 1: the node in [key, self) closest to the key (the owner, when known). */
export function closestFollowing (c: SortedCandidates, dKey: bigint): NodeRef | undefined {
  const i = upper(c.dists, dKey - 1n)
  return i < c.nodes.length ? c.nodes[i] : undefined
}

/**
 * Phase 0, tango: of the key's two circular neighbours among the known nodes, the nearer one,
 * if strictly nearer than self. One right of the key (at or after it) moves the message to
 * phase 1.
 */
export function nearestEitherSide (c: SortedCandidates, dKey: bigint): Hop | undefined {
  const lSelf = dKey
  const rSelf = RING_SIZE - dKey
  let bestD = lSelf < rSelf ? lSelf : rSelf
  let best: Hop | undefined
  const iAbove = upper(c.dists, dKey - 1n)
  if (iAbove > 0) {
    const l = dKey - c.dists[iAbove - 1]
    if (l < bestD) {
      bestD = l
      best = { node: c.nodes[iAbove - 1], phase: 0 }
    }
  }
  if (iAbove < c.nodes.length) {
    const r = c.dists[iAbove] - dKey
    if (r < bestD) { best = { node: c.nodes[iAbove], phase: 1 } }
  }
  return best
}

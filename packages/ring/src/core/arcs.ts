/**
 * Arcs of the ring as half-open intervals [lo, hi), clockwise; lo === hi denotes the whole ring
 * (there is no empty arc: empty intersections are simply absent). Range-casts carry lists of
 * arcs; correction-on-change targets, broadcast cells and symmetric-replication ranges are arcs.
 */
import { RING_SIZE, compareBig, cwDist, idAdd, inClosedOpen } from './id.ts'
import type { RingId } from './id.ts'

export interface Arc {
  readonly lo: RingId
  readonly hi: RingId
}

export const FULL_RING: Arc = Object.freeze({ lo: 0n, hi: 0n })

export function isFull (a: Arc): boolean {
  return a.lo === a.hi
}

/** The arc (a, b] as [a + 1, b + 1); (a, a] is the whole ring. */
export function openClosed (a: RingId, b: RingId): Arc {
  return { lo: idAdd(a, 1n), hi: idAdd(b, 1n) }
}

export function arcContains (arc: Arc, x: RingId): boolean {
  return inClosedOpen(x, arc.lo, arc.hi)
}

/** Length of an arc (N for the whole ring). */
export function arcLength (a: Arc): bigint {
  return isFull(a) ? RING_SIZE : cwDist(a.lo, a.hi)
}

/** Intersection of two arcs: zero, one or two arcs. */
export function intersect (a: Arc, b: Arc): Arc[] {
  if (isFull(a)) { return [b] }
  if (isFull(b)) { return [a] }
  // Unroll the ring at a.lo: a becomes [0, la), b becomes [bs, bs + lb), which may pass N.
  const la = cwDist(a.lo, a.hi)
  const bs = cwDist(a.lo, b.lo)
  const lb = cwDist(b.lo, b.hi)
  const out: Arc[] = []
  const pieces: Array<[bigint, bigint]> = bs + lb > RING_SIZE
    ? [[bs, RING_SIZE], [0n, bs + lb - RING_SIZE]]
    : [[bs, bs + lb]]
  for (const [s, e] of pieces) {
    const lo = s
    const hi = e < la ? e : la
    if (lo < hi) { out.push({ lo: idAdd(a.lo, lo), hi: idAdd(a.lo, hi) }) }
  }
  return out
}

/** Intersection of a list of arcs with one arc. */
export function clip (arcs: readonly Arc[], cell: Arc): Arc[] {
  const out: Arc[] = []
  for (const a of arcs) { for (const p of intersect(a, cell)) { out.push(p) } }
  return out
}

/** True when some arc of the list contains x. */
export function anyContains (arcs: readonly Arc[], x: RingId): boolean {
  for (const a of arcs) { if (arcContains(a, x)) { return true } }
  return false
}

/**
 * Arcs as distances from `origin`, sorted by start: [a, b) with 0 ≤ a < b ≤ N. An arc that wraps
 * past `origin` is split in two; the whole ring becomes [1, N) (origin itself excluded).
 */
export function relativeArcs (origin: RingId, arcs: readonly Arc[]): Array<{ a: bigint, b: bigint }> {
  const out: Array<{ a: bigint, b: bigint }> = []
  for (const arc of arcs) {
    if (isFull(arc)) {
      out.push({ a: 1n, b: RING_SIZE })
      continue
    }
    const a = cwDist(origin, arc.lo)
    const b = a + cwDist(arc.lo, arc.hi)
    if (b <= RING_SIZE) {
      out.push({ a, b })
    } else {
      out.push({ a, b: RING_SIZE })
      out.push({ a: 0n, b: b - RING_SIZE })
    }
  }
  out.sort((x, y) => compareBig(x.a, y.a))
  return out
}

/** Index of the first element > x in a sorted array. */
export function upperBound (sorted: readonly bigint[], x: bigint): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const m = (lo + hi) >>> 1
    if (sorted[m] <= x) { lo = m + 1 } else { hi = m }
  }
  return lo
}

/**
 * Incarnation epochs of replica arcs, and what a node knows of them.
 *
 * Every ring position a node serves belongs to one *incarnation* of the acceptors there: the
 * node that created the ring (epoch zero), or the node that rebuilt the arc from the other slots
 * (a fresh epoch, higher than any it found). A hand-off moves an incarnation, with its epoch, to
 * the next owner (the old owner stops first, so the acceptor state travels unchanged).
 *
 * A rebuild *fences* the arc at the replicas it reads: each source records "these positions now
 * belong to incarnation e" atomically with the read. Replies to coordinators carry the replier's
 * own epoch and the highest epoch it knows for each other slot of the key; a coordinator counts a
 * reply only when no reply of the operation knows a higher epoch for that slot. Since the
 * fenced sources are a majority of the other slots, any operation quorum that still includes
 * the old incarnation also includes a fenced source, unless it finished before the fence: and
 * then the rebuild read saw its result. So two nodes that both believe they hold a slot (a
 * non-transitive partition, a false suspicion) can never both be in quorums: the consistent
 * quorums of CATS, for symmetric replication.
 *
 * {@link EpochMap} keeps epochs by position: disjoint inclusive intervals of absolute ring ids.
 */
import { ID_MASK, compareBig } from '@selfmgmt/ring'
import { compareBallots } from './ballot.ts'
import type { Ballot } from './backend.ts'
import type { RingId } from '@selfmgmt/ring'

/** An epoch: compared as a ballot (number, then the ring id in hex of the node that made it). */
export type Epoch = Ballot

export const ZERO_EPOCH: Epoch = Object.freeze({ n: 0, by: '' })

/** An epoch over the arc (lo, hi] (lo === hi: the whole ring), as carried in messages. */
export interface EpochArc {
  lo: RingId
  hi: RingId
  e: Epoch
}

interface Span { a: bigint, b: bigint, e: Epoch }

/** The arc (lo, hi] as one or two inclusive spans of absolute ids. */
export function spansOf (lo: RingId, hi: RingId): Array<[bigint, bigint]> {
  if (lo === hi) { return [[0n, ID_MASK]] }
  const a = (lo + 1n) & ID_MASK
  if (a <= hi) { return [[a, hi]] }
  const out: Array<[bigint, bigint]> = [[a, ID_MASK]]
  if (hi >= 0n) { out.push([0n, hi]) }
  return out
}

/**
 * Epochs by ring position (absent positions are epoch zero). `raise` keeps the maximum,
 * `assign` overwrites. Linear in the number of spans, which callers keep small (`prune`,
 * `cap`).
 */
export class EpochMap {
  private spans: Span[] = []
  /** Counts changes of the content (callers compare it to know whether to save). */
  version = 0

  get size (): number { return this.spans.length }

  /** The epoch at x. */
  at (x: RingId): Epoch {
    for (const s of this.spans) {
      if (s.a > x) { break }
      if (x <= s.b) { return s.e }
    }
    return ZERO_EPOCH
  }

  /** Whether some position of (lo, hi] has an epoch below the one `other` has there (positions without one are epoch zero). */
  below (other: EpochMap, lo: RingId, hi: RingId): boolean {
    for (const c of other.entries(lo, hi)) {
      if (compareBallots(c.e, ZERO_EPOCH) <= 0) { continue }
      for (const [a, b] of spansOf(c.lo, c.hi)) {
        let cursor = a
        for (const s of this.spans) {
          if (s.a > b) { break }
          if (s.b < cursor) { continue }
          if (s.a > cursor || compareBallots(s.e, c.e) < 0) { return true }
          cursor = s.b + 1n
          if (cursor > b) { break }
        }
        if (cursor <= b) { return true }
      }
    }
    return false
  }

  /** The highest epoch anywhere in (lo, hi]. */
  maxIn (lo: RingId, hi: RingId): Epoch {
    let m = ZERO_EPOCH
    for (const [a, b] of spansOf(lo, hi)) {
      for (const s of this.spans) {
        if (s.a > b) { break }
        if (s.b >= a && compareBallots(s.e, m) > 0) { m = s.e }
      }
    }
    return m
  }

  /** Positions of (lo, hi] take e where it is higher than what they have. */
  raise (lo: RingId, hi: RingId, e: Epoch): void {
    if (compareBallots(e, ZERO_EPOCH) <= 0) { return }
    for (const [a, b] of spansOf(lo, hi)) { this.apply(a, b, e, true) }
  }

  /** Positions of (lo, hi] take e. */
  assign (lo: RingId, hi: RingId, e: Epoch): void {
    for (const [a, b] of spansOf(lo, hi)) { this.apply(a, b, e, false) }
  }

  /** The epochs over (lo, hi] (zero parts left out), clipped to it. */
  entries (lo: RingId, hi: RingId): EpochArc[] {
    const out: EpochArc[] = []
    for (const [a, b] of spansOf(lo, hi)) {
      for (const s of this.spans) {
        if (s.a > b) { break }
        if (s.b < a) { continue }
        const x = s.a > a ? s.a : a
        const y = s.b < b ? s.b : b
        out.push({ lo: (x - 1n) & ID_MASK, hi: y, e: s.e })
      }
    }
    return out
  }

  /** Forgets every position outside the given arcs. */
  prune (keep: Array<{ lo: RingId, hi: RingId }>): void {
    const ranges = keep.flatMap(k => spansOf(k.lo, k.hi))
    const out: Span[] = []
    for (const s of this.spans) {
      for (const [a, b] of ranges) {
        if (s.b < a || s.a > b) { continue }
        out.push({ a: s.a > a ? s.a : a, b: s.b < b ? s.b : b, e: s.e })
      }
    }
    out.sort((x, y) => compareBig(x.a, y.a))
    const before = this.version
    const old = this.spans
    this.spans = []
    for (const s of out) { this.apply(s.a, s.b, s.e, true) }
    const next = this.spans
    this.spans = old
    this.version = before
    this.setSpans(next)
  }

  /**
   * Keeps at most `max` spans by merging neighbours into one span at the higher epoch. Only for
   * fences: a higher fence can only exclude more replies (never admit a stale one); a current
   * incarnation it wrongly excludes is told and rebuilds above it.
   */
  cap (max: number): void {
    while (this.spans.length > max) {
      const out: Span[] = []
      for (let i = 0; i < this.spans.length; i += 2) {
        const x = this.spans[i]
        const y = this.spans[i + 1]
        if (y === undefined) {
          out.push(x)
          continue
        }
        out.push({ a: x.a, b: y.b, e: compareBallots(x.e, y.e) >= 0 ? x.e : y.e })
      }
      this.setSpans(out)
    }
  }

  private apply (a: bigint, b: bigint, e: Epoch, raise: boolean): void {
    const out: Span[] = []
    let placed = false
    const put = (x: Span): void => {
      const last = out[out.length - 1]
      if (last !== undefined && last.b + 1n === x.a && compareBallots(last.e, x.e) === 0) {
        last.b = x.b
        return
      }
      out.push({ ...x })
    }
    let cursor = a
    for (const s of this.spans) {
      if (s.b < a || s.a > b) {
        if (s.a > b && !placed) {
          if (cursor <= b) { put({ a: cursor, b, e }) }
          placed = true
        }
        put(s)
        continue
      }
      if (s.a < a) { put({ a: s.a, b: a - 1n, e: s.e }) }
      // The gap before s inside [a, b] takes e.
      const lo = s.a > a ? s.a : a
      if (cursor < lo) { put({ a: cursor, b: lo - 1n, e }) }
      const hi = s.b < b ? s.b : b
      put({ a: lo, b: hi, e: raise && compareBallots(s.e, e) > 0 ? s.e : e })
      cursor = hi + 1n
      if (s.b > b) {
        if (!placed) { placed = true }
        put({ a: b + 1n, b: s.b, e: s.e })
      }
    }
    if (!placed && cursor <= b) { put({ a: cursor, b, e }) }
    this.setSpans(out.filter(s => compareBallots(s.e, ZERO_EPOCH) > 0))
  }

  /** Takes `next` as the spans, counting a change (in `version`) only if they differ. */
  private setSpans (next: Span[]): void {
    const old = this.spans
    this.spans = next
    if (old.length !== next.length) {
      this.version++
      return
    }
    for (let i = 0; i < next.length; i++) {
      const x = old[i]
      const y = next[i]
      if (x.a !== y.a || x.b !== y.b || compareBallots(x.e, y.e) !== 0) {
        this.version++
        return
      }
    }
  }
}

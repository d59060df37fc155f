/**
 * An in-memory {@link ReplicaBackend} for the simulator and unit tests: a sorted array of
 * records, ordered by (rid, key).
 */
import { ID_MASK } from '@selfmgmt/ring'
import { compare } from 'uint8arrays/compare'
import { toString } from 'uint8arrays/to-string'
import type { ReplicaBackend, ReplicaMeta, ReplicaRecord } from './backend.ts'
import type { RingId } from '@selfmgmt/ring'

function cmp (a: { rid: RingId, key: Uint8Array }, b: { rid: RingId, key: Uint8Array }): number {
  if (a.rid !== b.rid) { return a.rid < b.rid ? -1 : 1 }
  return compare(a.key, b.key)
}

/** A deep copy, bytes included, so neither the caller's arrays nor ours alias stored state (as with the SQLite backend). */
function copy (r: ReplicaRecord): ReplicaRecord {
  const c = { ...r, key: new Uint8Array(r.key), promised: { ...r.promised }, accepted: { ...r.accepted } }
  if (r.value !== undefined) { c.value = new Uint8Array(r.value) }
  return c
}

export class MemoryBackend implements ReplicaBackend {
  private readonly recs: ReplicaRecord[] = []
  /** "hex(key)/slot" → record, for point reads. */
  private readonly index = new Map<string, ReplicaRecord>()
  private meta: ReplicaMeta | undefined

  get (key: Uint8Array, slot: number): ReplicaRecord | undefined {
    const r = this.index.get(indexKey(key, slot))
    return r === undefined ? undefined : copy(r)
  }

  put (rec: ReplicaRecord): void {
    const k = indexKey(rec.key, rec.slot)
    const old = this.index.get(k)
    if (old !== undefined) { this.recs.splice(this.find(old), 1) }
    const r = copy(rec)
    this.recs.splice(this.lowerBound(r), 0, r)
    this.index.set(k, r)
  }

  putMany (recs: readonly ReplicaRecord[]): void {
    // Copy the whole batch first: a record that cannot be read fails the batch before anything changes.
    const copies = recs.map(copy)
    for (const r of copies) { this.put(r) }
  }

  range (lo: RingId, hi: RingId, limit: number, after?: { rid: RingId, key: Uint8Array }): ReplicaRecord[] {
    const out: ReplicaRecord[] = []
    for (const [a, b] of arcSegments(lo, hi)) {
      // Segments are [a, b] inclusive, in ring order from lo.
      let i = this.lowerBound({ rid: a, key: new Uint8Array(0) })
      for (; i < this.recs.length && out.length < limit; i++) {
        const r = this.recs[i]
        if (r.rid > b) { break }
        if (after !== undefined && inSegmentsBefore(lo, r, after)) { continue }
        out.push(copy(r))
      }
    }
    return out
  }

  deleteRange (lo: RingId, hi: RingId): number {
    let n = 0
    for (const r of this.range(lo, hi, Number.MAX_SAFE_INTEGER)) {
      const k = indexKey(r.key, r.slot)
      const cur = this.index.get(k)
      if (cur === undefined) { continue }
      this.recs.splice(this.find(cur), 1)
      this.index.delete(k)
      n++
    }
    return n
  }

  size (): number { return this.recs.length }

  loadMeta (): ReplicaMeta | undefined { return this.meta === undefined ? undefined : copyMeta(this.meta) }

  saveMeta (meta: ReplicaMeta): void { this.meta = copyMeta(meta) }

  close (): void {}

  private lowerBound (x: { rid: RingId, key: Uint8Array }): number {
    let a = 0
    let b = this.recs.length
    while (a < b) {
      const m = (a + b) >>> 1
      if (cmp(this.recs[m], x) < 0) { a = m + 1 } else { b = m }
    }
    return a
  }

  private find (r: ReplicaRecord): number {
    let i = this.lowerBound(r)
    while (this.recs[i] !== r) { i++ }
    return i
  }
}

function copyMeta (m: ReplicaMeta): ReplicaMeta {
  const arcs = <T extends { lo: RingId, hi: RingId }>(xs: readonly T[]): T[] => xs.map(x => ({ ...x }))
  return { ready: arcs(m.ready), own: arcs(m.own).map(x => ({ ...x, e: { ...x.e } })), fences: arcs(m.fences).map(x => ({ ...x, e: { ...x.e } })), ...(m.committed === undefined ? {} : { committed: arcs(m.committed).map(x => ({ ...x, e: { ...x.e } })) }) }
}

function indexKey (key: Uint8Array, slot: number): string {
  return `${toString(key, 'base16')}/${slot}`
}

/** The arc (lo, hi] as inclusive segments in ring order (one, or two when it wraps past 0). */
export function arcSegments (lo: RingId, hi: RingId): Array<[RingId, RingId]> {
  if (lo < hi) { return [[lo + 1n, hi]] }
  // lo === hi is the whole ring, starting after lo.
  const out: Array<[RingId, RingId]> = []
  if (lo < ID_MASK) { out.push([lo + 1n, ID_MASK]) }
  out.push([0n, hi])
  return out
}

/** True when record r comes at or before `after` in the ring order of the arc starting after lo. */
function inSegmentsBefore (lo: RingId, r: { rid: RingId, key: Uint8Array }, after: { rid: RingId, key: Uint8Array }): boolean {
  const pos = (x: RingId): bigint => (x - lo - 1n) & ID_MASK
  const pr = pos(r.rid)
  const pa = pos(after.rid)
  if (pr !== pa) { return pr < pa }
  return compare(r.key, after.key) <= 0
}

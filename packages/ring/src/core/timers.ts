/**
 * A min-heap of deadlines for the pure core. Entries are never removed early: the owner checks on
 * pop whether the entry is still live (lazy deletion), and the heap is rebuilt without dead
 * entries when they outnumber live ones.
 */
import { assert } from '@selfmgmt/interface'

export interface TimerEntry<K extends string> {
  atMs: number
  seq: number
  kind: K
  id: number
}

export class TimerHeap<K extends string> {
  private heap: Array<TimerEntry<K>> = []
  private seq = 0

  get size (): number { return this.heap.length }

  push (atMs: number, kind: K, id: number): void {
    assert(Number.isFinite(atMs), 'timer deadline must be finite')
    this.heap.push({ atMs, seq: this.seq++, kind, id })
    this.up(this.heap.length - 1)
  }

  peek (): TimerEntry<K> | undefined {
    return this.heap[0]
  }

  pop (): TimerEntry<K> | undefined {
    const h = this.heap
    if (h.length === 0) { return undefined }
    const top = h[0]
    const last = h.pop()
    if (h.length > 0 && last !== undefined) {
      h[0] = last
      this.down(0)
    }
    return top
  }

  /** Drops every entry for which `live` is false. */
  compact (live: (e: TimerEntry<K>) => boolean): void {
    this.heap = this.heap.filter(live)
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) { this.down(i) }
  }

  private less (a: TimerEntry<K>, b: TimerEntry<K>): boolean {
    return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq)
  }

  private up (i: number): void {
    const h = this.heap
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(h[i], h[p])) { break }
      const t = h[i]; h[i] = h[p]; h[p] = t
      i = p
    }
  }

  private down (i: number): void {
    const h = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && this.less(h[l], h[m])) { m = l }
      if (r < h.length && this.less(h[r], h[m])) { m = r }
      if (m === i) { return }
      const t = h[i]; h[i] = h[m]; h[m] = t
      i = m
    }
  }
}

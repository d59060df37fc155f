/**
 * The simulator's single event queue, ordered by (time, sequence): equal times run in the order
 * they were scheduled, so a run depends only on its seed.
 */

export interface SimEvent {
  at: number
  seq: number
  /** 0 = deliver a message, 1 = a node's timer, 2 = a scheduled call. */
  kind: 0 | 1 | 2
  node: number
  from: number
  msg: unknown
  fn: (() => void) | undefined
}

export class EventQueue {
  private heap: SimEvent[] = []
  private seq = 0

  get size (): number { return this.heap.length }

  push (ev: Omit<SimEvent, 'seq'>): void {
    const e = ev as SimEvent
    e.seq = this.seq++
    const h = this.heap
    h.push(e)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      const q = h[p]
      if (q.at < e.at || (q.at === e.at && q.seq < e.seq)) { break }
      h[i] = q
      i = p
    }
    h[i] = e
  }

  peekTime (): number {
    return this.heap.length > 0 ? this.heap[0].at : Infinity
  }

  pop (): SimEvent | undefined {
    const h = this.heap
    const n = h.length
    if (n === 0) { return undefined }
    const top = h[0]
    const last = h.pop() as SimEvent
    if (n > 1) {
      let i = 0
      const m = n - 1
      for (;;) {
        const l = 2 * i + 1
        if (l >= m) { break }
        const r = l + 1
        let c = l
        if (r < m && (h[r].at < h[l].at || (h[r].at === h[l].at && h[r].seq < h[l].seq))) { c = r }
        const x = h[c]
        if (last.at < x.at || (last.at === x.at && last.seq < x.seq)) { break }
        h[i] = x
        i = c
      }
      h[i] = last
    }
    return top
  }
}

/**
 * Global ring checks over a snapshot of live members (the simulator's ground truth, or the
 * states of real nodes): is every successor and predecessor pointer right, and how many rings
 * (cycles of successor pointers) are there? One consistent ring is the convergence target after
 * churn stops and after a partition heals.
 */

export interface NodeRefLike {
  readonly id: bigint
  readonly addr: string
}

export interface RingMemberView {
  self: NodeRefLike
  succ?: NodeRefLike
  pred?: NodeRefLike
}

export interface RingCheck {
  members: number
  /** Every member's successor is the next member by id and its predecessor the previous one. */
  consistent: boolean
  wrongSucc: number
  wrongPred: number
  /** Cycles in the graph of successor pointers among members. */
  rings: number
  /** Members on no cycle (pointing at a dead node, or into a branch). */
  offRing: number
  largestRing: number
}

/** Checks a set of members; `members` need not be sorted. */
export function checkRing (members: readonly RingMemberView[]): RingCheck {
  const sorted = [...members].sort((a, b) => {
    if (a.self.id === b.self.id) { return 0 }
    return a.self.id < b.self.id ? -1 : 1
  })
  const n = sorted.length
  const index = new Map<string, number>()
  sorted.forEach((m, i) => index.set(m.self.addr, i))
  let wrongSucc = 0
  let wrongPred = 0
  for (let i = 0; i < n; i++) {
    const m = sorted[i]
    const next = sorted[(i + 1) % n].self.addr
    const prev = sorted[(i + n - 1) % n].self.addr
    if (n === 1) {
      if (m.succ !== undefined && m.succ.addr !== m.self.addr) { wrongSucc++ }
      continue
    }
    if (m.succ?.addr !== next) { wrongSucc++ }
    if (m.pred?.addr !== prev) { wrongPred++ }
  }
  const { rings, onRing, largest } = countCycles(sorted, index)
  return {
    members: n,
    consistent: wrongSucc === 0 && wrongPred === 0,
    wrongSucc,
    wrongPred,
    rings: n === 1 ? 1 : rings,
    offRing: n === 1 ? 0 : n - onRing,
    largestRing: n === 1 ? 1 : largest
  }
}

function countCycles (sorted: readonly RingMemberView[], index: Map<string, number>): { rings: number, onRing: number, largest: number } {
  const n = sorted.length
  const next = new Int32Array(n).fill(-1)
  for (let i = 0; i < n; i++) {
    const s = sorted[i].succ
    const j = s !== undefined ? index.get(s.addr) : undefined
    if (j !== undefined && j !== i) { next[i] = j }
  }
  // 0 = unvisited, 1 = on the current path, 2 = done.
  const color = new Uint8Array(n)
  const pathPos = new Int32Array(n)
  let rings = 0
  let onRing = 0
  let largest = 0
  for (let start = 0; start < n; start++) {
    if (color[start] !== 0) { continue }
    const path: number[] = []
    let v = start
    while (v >= 0 && color[v] === 0) {
      color[v] = 1
      pathPos[v] = path.length
      path.push(v)
      v = next[v]
    }
    if (v >= 0 && color[v] === 1) {
      const size = path.length - pathPos[v]
      rings++
      onRing += size
      if (size > largest) { largest = size }
    }
    for (const u of path) { color[u] = 2 }
  }
  return { rings, onRing, largest }
}

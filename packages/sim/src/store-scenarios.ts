/**
 * Fault families for the store, each a safety phase (faults on, clients running, every
 * operation recorded) followed by a liveness phase (faults healed, clients stopped; the run must
 * converge: every range ready and every key back to r up-to-date copies within a bound). The
 * history then goes to the linearizability checker. A failing seed replays exactly.
 */
import { InvalidParametersError, unreachable } from '@selfmgmt/interface'
import { quantiles } from '@selfmgmt/testkit'
import { StoreSim } from './store-sim.ts'
import type { StoreSimNode, WorkloadStats } from './store-sim.ts'
import type { LinearizabilityResult, Quantiles } from '@selfmgmt/testkit'

export const STORE_FAMILIES = ['none', 'crash', 'churn', 'partition', 'isolate', 'bridge', 'majorities', 'packet', 'restart', 'cold', 'pause', 'swarm'] as const
export type StoreFamily = typeof STORE_FAMILIES[number]

export interface StoreScenarioOptions {
  family: StoreFamily
  seed: number
  nodes?: number
  r?: number
  keys?: number
  clients?: number
  /** Length of the safety phase (virtual ms). */
  faultMs?: number
  /** Bound on the liveness phase (virtual ms). */
  convergeMaxMs?: number
  /** Read leases on (the store's `leases` option). */
  leases?: boolean
  /** The store's `homeWrites` option (default: on). */
  homeWrites?: boolean
  /** A deliberately weakened store (StoreSimOptions.weakQuorum), for the checker's own tests. */
  weakQuorum?: number
}

export interface StoreScenarioResult {
  family: StoreFamily
  seed: number
  nodes: number
  r: number
  verdict: LinearizabilityResult['verdict']
  linearizability: LinearizabilityResult
  stats: Omit<WorkloadStats, 'latencyMs'>
  latencyMs: Quantiles | null
  /** Answered operations (ok, or a cas whose comparison failed) / all completed, during the safety phase. */
  availability: number
  /** Liveness: ms after the heal until every range was ready and every key had r copies; -1 if not within the bound. */
  convergedMs: number
  /** Recovery: ms after the heal until a get of every key had succeeded (probes, not in the history); -1 if not within the bound. */
  answeredMs: number
  /** Keys below r up-to-date copies at the end. */
  underReplicated: number
  /** Parts of ranges not ready at the end: rebuildable (a liveness bug) or with a majority of their replicas lost. */
  stuck: { recoverable: number, majorityLost: number }
  /** Final reads (one per key, after the heal, recorded in the history) that did not succeed. */
  finalUnavailable: number
  virtualMs: number
  traceHash: string
  /** Read leases (option `leases`), over every node of the run: gets answered by a home from its own copy, operations that revoked a lease. */
  leases: { reads: number, revokes: number }
}

/** Runs one family on one seed. */
export function runStoreScenario (o: StoreScenarioOptions): StoreScenarioResult {
  if (!(STORE_FAMILIES as readonly string[]).includes(o.family)) { throw new InvalidParametersError(`unknown family "${o.family}" (one of ${STORE_FAMILIES.join(', ')})`) }
  const nodes = o.nodes ?? 16
  const r = o.r ?? 4
  const keys = o.keys ?? 12
  const faultMs = o.faultMs ?? 60_000
  const sim = new StoreSim({ seed: o.seed, r, clockSkew: o.family === 'packet' || o.family === 'swarm', store: { ...(o.leases === true ? { leases: true } : {}), ...(o.homeWrites === undefined ? {} : { homeWrites: o.homeWrites }) }, ...(o.weakQuorum === undefined ? {} : { weakQuorum: o.weakQuorum }) })
  const members = sim.build(nodes)
  const rng = sim.rng
  const live = (): StoreSimNode[] => sim.members()
  const pick = (): StoreSimNode | undefined => { const m = live(); return m.length === 0 ? undefined : m[rng.int(m.length)] }
  sim.startWorkload({ clients: o.clients ?? 5, keys, thinkMs: 150 })
  const t0 = sim.nowMs
  const at = (ms: number, fn: () => void): void => sim.engine.at(t0 + ms, fn)
  scheduleFaults(o.family, sim, faultMs, at, pick)
  sim.engine.runUntil(t0 + faultMs)
  // Liveness phase: heal everything, stop the clients, let in-flight operations finish, measure
  // recovery (see recover).
  sim.engine.net.setPartition(undefined)
  sim.engine.net.healCuts()
  sim.engine.net.setFaults({})
  sim.stopWorkload()
  const bound = o.convergeMaxMs ?? 120_000
  const keyNames = Array.from({ length: keys }, (_, i) => `k${i}`)
  const { convergedMs, answeredMs } = recover(sim, keyNames, r, bound)
  sim.drain(60_000)
  // What blocks convergence, as the bound passed (nothing when it converged).
  const stuck = convergedMs >= 0 ? { recoverable: 0, majorityLost: 0 } : sim.stuckArcs()
  // A final read of every key, recorded in the history: an acknowledged write that was lost
  // makes it illegal.
  const finalUnavailable = sim.finalReads(keyNames, 30_000)
  const linearizability = sim.check()
  const { latencyMs, ...stats } = sim.stats
  const done = stats.ok + stats.fail + stats.info
  void members
  return {
    family: o.family,
    seed: o.seed,
    nodes,
    r,
    verdict: linearizability.verdict,
    linearizability,
    stats,
    latencyMs: quantiles(latencyMs),
    availability: done === 0 ? 1 : (stats.ok + stats.casMismatch) / done,
    convergedMs,
    answeredMs,
    underReplicated: keyNames.filter(k => { const c = sim.copies(k); return c.version > 0 && c.upToDate < r }).length,
    finalUnavailable,
    stuck,
    virtualMs: sim.nowMs,
    traceHash: sim.engine.traceHash,
    leases: {
      reads: sim.engine.nodes.reduce((a, n) => a + n.core.store.counters.leaseReads, 0),
      revokes: sim.engine.nodes.reduce((a, n) => a + n.core.store.counters.leaseRevokes, 0)
    }
  }
}

export interface ForcedRebuildResult {
  seed: number
  r: number
  k: number
  verdict: LinearizabilityResult['verdict']
  linearizability: LinearizabilityResult
  stats: Omit<WorkloadStats, 'latencyMs'>
  /** As in StoreScenarioResult, from the force-rebuild; -1: not within the bound. */
  convergedMs: number
  answeredMs: number
  /** Arcs rebuilt without some slot's copy (every node's forcedRebuilds). */
  forcedRebuilds: number
  /** Keys a final read did not get an answer for. */
  finalUnavailable: number
}

/**
 * An operator's force-rebuild after replica holders were lost for good: clients on 12 keys
 * throughout; at 5 s, k holders of one of them crash at once (never to come back); 20 s later
 * the operator forces the rebuild on every node; 35 s after that the clients stop, and then
 * recovery is measured as in the fault families (bound 120 s), the final reads recorded, and the
 * history checked. With at least r − W + 1 holders left every key must answer
 * again with its last acknowledged write; with fewer left the keys concerned stay unavailable,
 * never wrong.
 */
export function runForcedRebuild (o: { seed: number, r: number, k: number, leases?: boolean }): ForcedRebuildResult {
  const keys = 12
  const sim = new StoreSim({ seed: o.seed, r: o.r, store: o.leases === true ? { leases: true } : {} })
  sim.build(16)
  sim.startWorkload({ clients: 5, keys, thinkMs: 150 })
  sim.engine.runUntil(sim.nowMs + 5000)
  const keyNames = Array.from({ length: keys }, (_, i) => `k${i}`)
  const key = keyNames.find(kk => sim.holders(kk).length >= o.k)
  if (key === undefined) { throw new InvalidParametersError(`seed ${o.seed}: no key has ${o.k} holders on distinct nodes`) }
  for (const n of sim.holders(key).slice(0, o.k)) { sim.crash(n) }
  sim.engine.runUntil(sim.nowMs + 20_000)
  sim.forceRebuild()
  sim.engine.runUntil(sim.nowMs + 35_000)
  sim.stopWorkload()
  const { convergedMs, answeredMs } = recover(sim, keyNames, o.r, 120_000)
  sim.drain(60_000)
  const finalUnavailable = sim.finalReads(keyNames, 30_000)
  const linearizability = sim.check()
  const { latencyMs, ...stats } = sim.stats
  void latencyMs
  return {
    seed: o.seed,
    r: o.r,
    k: o.k,
    verdict: linearizability.verdict,
    linearizability,
    stats,
    convergedMs,
    answeredMs,
    forcedRebuilds: sim.engine.nodes.reduce((a, n) => a + n.core.store.counters.forcedRebuilds, 0),
    finalUnavailable
  }
}

/**
 * After the heal: how soon a get of every key succeeds again (probes, from the heal), and how
 * soon every range is ready, no client's operation is in flight any more, and every key written
 * has r up-to-date copies (checked each second); -1 where not within `bound`.
 */
function recover (sim: StoreSim, keyNames: string[], r: number, bound: number): { convergedMs: number, answeredMs: number } {
  const healMs = sim.nowMs
  const probe = sim.startProbe(keyNames, bound)
  let convergedMs = -1
  let checkAt = healMs + 1000
  while (sim.nowMs - healMs <= bound && (convergedMs < 0 || probe.left() > 0)) {
    sim.engine.runUntil(sim.nowMs + 100)
    if (convergedMs >= 0 || sim.nowMs < checkAt) { continue }
    checkAt += 1000
    // Not while a client's operation still runs: a write that lands after the check (one that
    // waited for a home's ping, say: pause SEED=21 once the pings came in) could leave a copy behind.
    if (sim.inFlight() === 0 && sim.allReady() && sim.supersededServed() === 0 && keyNames.every(k => { const c = sim.copies(k); return c.version === 0 || c.upToDate === r })) {
      convergedMs = sim.nowMs - healMs
    }
  }
  return { convergedMs, answeredMs: probe.left() === 0 ? Math.max(...probe.ms) : -1 }
}

/** Partition groups that cut node n off from every other node. */
function isolating (sim: StoreSim, n: StoreSimNode): Int32Array {
  const g = new Int32Array(sim.engine.nodes.length + 64)
  g[n.index] = 1
  return g
}

/** Partition groups of two random halves (one draw per entry, in order: seeds replay as before). */
function randomHalves (sim: StoreSim): Int32Array {
  const g = new Int32Array(sim.engine.nodes.length + 64)
  for (let i = 0; i < g.length; i++) { g[i] = sim.rng.int(2) }
  return g
}

/** Schedules the faults of a family over the safety phase. */
function scheduleFaults (family: StoreFamily, sim: StoreSim, faultMs: number, at: (ms: number, fn: () => void) => void, pick: () => StoreSimNode | undefined): void {
  const rng = sim.rng
  const live = (): StoreSimNode[] => sim.members()
  switch (family) {
    case 'none':
      break
    case 'crash':
      // One crash at a time, spaced out so the ring and the store can rebuild in between.
      for (let i = 0; i < 3; i++) { at((i + 1) * faultMs / 4, () => { const n = pick(); if (n !== undefined && live().length > 3) { sim.crash(n) } }) }
      break
    case 'churn':
      for (let t = 3000; t < faultMs; t += 4000 + rng.int(4000)) {
        const what = rng.int(3)
        at(t, () => {
          if (what === 0) { sim.join(sim.addNode()) } else {
            const n = pick()
            if (n === undefined || live().length <= 4) { return }
            if (what === 1) { sim.leave(n) } else { sim.crash(n) }
          }
        })
      }
      break
    case 'partition':
      // Halves: neither side holds a majority of every key's slots for long; heal, repeat.
      for (let k = 0; k < 2; k++) {
        at(k * faultMs / 2 + 5000, () => { sim.engine.net.setPartition(randomHalves(sim)) })
        at(k * faultMs / 2 + faultMs / 2 - 5000, () => sim.engine.net.setPartition(undefined))
      }
      break
    case 'isolate':
      // One node cut off from all others, then another; plus one crash.
      for (let k = 0; k < 2; k++) {
        at(k * faultMs / 2 + 3000, () => {
          const n = pick()
          if (n !== undefined) { sim.engine.net.setPartition(isolating(sim, n)) }
        })
        at(k * faultMs / 2 + faultMs / 2 - 8000, () => sim.engine.net.setPartition(undefined))
      }
      at(faultMs * 0.8, () => { const n = pick(); if (n !== undefined) { sim.crash(n) } })
      break
    case 'bridge': {
    // Two halves that cannot reach each other, and one bridge node that reaches both; then heal.
      at(5000, () => {
        const g = new Int32Array(sim.engine.nodes.length + 64)
        for (let i = 0; i < g.length; i++) { g[i] = 1 + rng.int(2) }
        const b = pick()
        if (b !== undefined) { g[b.index] = 0 }
        sim.engine.net.setCutGroups(g)
        sim.engine.net.cut(1, 2)
        sim.engine.net.cut(2, 1)
      })
      at(faultMs - 10_000, () => sim.engine.net.healCuts())
      at(faultMs / 2, () => { const n = pick(); if (n !== undefined) { sim.crash(n) } })
      break
    }
    case 'majorities': {
    // Five groups on a circle; each reaches itself and its two neighbours on either side, so
    // every node sees a majority of the nodes, but not the same majority (non-transitive).
      at(5000, () => {
        const g = new Int32Array(sim.engine.nodes.length + 64)
        for (let i = 0; i < g.length; i++) { g[i] = rng.int(5) }
        sim.engine.net.setCutGroups(g)
        for (let a = 0; a < 5; a++) {
          for (let b = 0; b < 5; b++) {
            const d = Math.min((a - b + 5) % 5, (b - a + 5) % 5)
            if (d > 1) { sim.engine.net.cut(a, b) }
          }
        }
      })
      at(faultMs - 10_000, () => sim.engine.net.healCuts())
      break
    }
    case 'packet':
      sim.engine.net.setFaults({ lossRate: 0.03, duplicateRate: 0.03, reorderMs: 40 })
      at(faultMs / 3, () => { const n = pick(); if (n !== undefined) { sim.crash(n) } })
      at(faultMs / 2, () => sim.join(sim.addNode()))
      break
    case 'restart':
      // Crash a node and restart it from its records (as from disk) with the same id.
      for (let i = 0; i < 2; i++) {
        at((i + 1) * faultMs / 3, () => {
          const n = pick()
          if (n === undefined) { return }
          sim.crash(n)
          at((i + 1) * faultMs / 3 + 5000, () => sim.join(sim.addNode(n)))
        })
      }
      break
    case 'cold': {
      // A node cut off (its copies fall behind), then the whole ring crashes at once and restarts
      // from its records (as from disk): the cut-off node first, creating the ring alone, then the
      // others one by one, in random order, 0.1 to 1.6 s apart.
      let stale: StoreSimNode | undefined
      at(faultMs / 6, () => {
        stale = pick()
        if (stale !== undefined) { sim.engine.net.setPartition(isolating(sim, stale)) }
      })
      at(faultMs / 2, () => {
        const down = live()
        for (const n of down) { sim.crash(n) }
        sim.engine.net.setPartition(undefined)
        const rest = down.filter(n => n !== stale)
        for (let i = rest.length - 1; i > 0; i--) {
          const j = rng.int(i + 1)
          const t = rest[i]
          rest[i] = rest[j]
          rest[j] = t
        }
        const order = stale !== undefined && down.includes(stale) ? [stale, ...rest] : rest
        let t = faultMs / 2 + 2000
        order.forEach((n, i) => {
          t += 100 + rng.int(1500)
          at(t, () => {
            const back = sim.addNode(n)
            if (i === 0) { sim.create(back) } else { sim.join(back) }
          })
        })
      })
      break
    }
    case 'pause': {
      // Nodes paused (SIGSTOP) for 0.5 to 12 s, one at a time, some long enough to be suspected
      // and have their ranges taken over, then resumed (SIGCONT) with everything that waited;
      // and, as in the real-process test, a node killed and restarted from its records.
      for (let t = 3000; t < faultMs - 12_000; t += 13_000 + rng.int(4000)) {
        const ms = 500 + rng.int(11_500)
        at(t, () => { const n = pick(); if (n !== undefined) { sim.pause(n, ms) } })
      }
      at(faultMs * 0.4, () => {
        const n = pick()
        if (n === undefined) { return }
        sim.crash(n)
        at(faultMs * 0.4 + 5000, () => sim.join(sim.addNode(n)))
      })
      break
    }
    case 'swarm': {
      // A mix drawn from the seed (swarm testing, as TigerBeetle's VOPR): every 2-8 s one of
      // pause, a long pause, two pauses, crash, restart from records, isolate a node, halves,
      // graceful leave, join, or 5 s of loss, duplication and reordering; clocks skewed.
      const kinds = ['pause', 'long-pause', 'two-pauses', 'crash', 'restart', 'isolate', 'halves', 'leave', 'join', 'packet'] as const
      const cut = (g: Int32Array, ms: number): void => {
        sim.engine.net.setPartition(g)
        sim.engine.at(sim.nowMs + ms, () => { sim.engine.net.setPartition(undefined) })
      }
      for (let t = 2000; t < faultMs - 8000; t += 2000 + rng.int(6000)) {
        const kind = kinds[rng.int(kinds.length)]
        at(t, () => {
          const n = pick()
          if (n === undefined) { return }
          const few = live().length <= 6
          switch (kind) {
            case 'pause': sim.pause(n, 300 + rng.int(6000)); break
            case 'long-pause': sim.pause(n, 8000 + rng.int(15_000)); break
            case 'two-pauses': {
              sim.pause(n, 2000 + rng.int(8000))
              const m = pick()
              if (m !== undefined) { sim.pause(m, 2000 + rng.int(8000)) }
              break
            }
            case 'crash': if (!few) { sim.crash(n) } break
            case 'restart':
              if (!few) {
                sim.crash(n)
                sim.engine.at(sim.nowMs + 2000 + rng.int(6000), () => sim.join(sim.addNode(n)))
              }
              break
            case 'isolate': cut(isolating(sim, n), 1000 + rng.int(8000)); break
            case 'halves': cut(randomHalves(sim), 1000 + rng.int(8000)); break
            case 'leave': if (!few) { sim.leave(n) } break
            case 'join': sim.join(sim.addNode()); break
            case 'packet':
              sim.engine.net.setFaults({ lossRate: 0.05, duplicateRate: 0.05, reorderMs: 50 })
              sim.engine.at(sim.nowMs + 5000, () => { sim.engine.net.setFaults({}) })
              break
            default: unreachable(kind, 'unknown fault')
          }
        })
      }
      break
    }
    default:
      unreachable(family, 'unknown family')
  }
}

export interface FailureMatrixCell {
  r: number
  /** Replicas of one key crashed at the same moment (on k distinct nodes). */
  k: number
  seeds: number
  /** Seeds where a read / a write of that key succeeded within 20 s of the crashes. */
  readsNow: number
  writesNow: number
  /** Seeds where they succeeded 60 s later (after rebuild, if one was possible). */
  readsLater: number
  writesLater: number
  /** Seeds where a read returned something other than the last acknowledged write. */
  lost: number
  /** Seeds skipped: no key had k replicas on distinct nodes. */
  skipped: number
}

/**
 * One cell of the failure matrix: in a 16-node ring with degree r, k of one key's replica
 * holders crash at once; then a read and a write of the key are tried at once and 60 s later,
 * and a final read is compared with the last acknowledged write. `force`: 20 s after the crash
 * an operator forces the rebuild of what is still pending, on every node (force-rebuild).
 */
export function runFailureCell (r: number, k: number, seeds: number[], nodes = 16, leases = false, force = false): FailureMatrixCell {
  const cell: FailureMatrixCell = { r, k, seeds: seeds.length, readsNow: 0, writesNow: 0, readsLater: 0, writesLater: 0, lost: 0, skipped: 0 }
  for (const seed of seeds) {
    const sim = new StoreSim({ seed, r, ...(leases ? { store: { leases: true } } : {}) })
    sim.build(nodes)
    const keys = Array.from({ length: 16 }, (_, i) => `m${i}`)
    // Values a read of the key may return: the last acknowledged write, plus writes since whose
    // outcome is unknown. A read outside this set is a lost (or resurrected) write.
    const possible = new Map<string, Set<string | undefined>>()
    const write = (key: string, value: string): boolean => {
      const w = sim.request('put', key, value)
      const p = possible.get(key) ?? new Set([undefined])
      possible.set(key, w.ok ? new Set([value]) : p.add(value))
      return w.ok
    }
    const read = (key: string): boolean => {
      const x = sim.request('get', key)
      if (!x.ok) { return false }
      if (!(possible.get(key) ?? new Set([undefined])).has(x.value)) { lost = true }
      possible.set(key, new Set([x.value]))
      return true
    }
    let lost = false
    for (const key of keys) { write(key, `v-${key}`) }
    const key = keys.find(kk => sim.holders(kk).length >= k)
    if (key === undefined) {
      cell.skipped++
      continue
    }
    for (const n of sim.holders(key).slice(0, k)) { sim.crash(n) }
    const crashedMs = sim.nowMs
    if (read(key)) { cell.readsNow++ }
    if (write(key, 'now')) { cell.writesNow++ }
    if (force) {
      // The operator, told that the crashed holders are gone for good, forces the rebuild of
      // what is still pending 20 s after the crash (what the read and write above waited of it).
      sim.engine.runUntil(Math.max(sim.nowMs, crashedMs + 20_000))
      sim.forceRebuild()
    }
    sim.engine.runUntil(sim.nowMs + 60_000)
    if (read(key)) { cell.readsLater++ }
    if (write(key, 'later')) { cell.writesLater++ }
    read(key)
    if (lost) { cell.lost++ }
  }
  return cell
}

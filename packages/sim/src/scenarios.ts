/**
 * Scenarios as data, run on a {@link RingSim}: building a stable ring by joins (Poisson
 * arrivals), lookups at a rate, churn with session times (exponential or Pareto, given median;
 * crashes and graceful leaves; joins keep the population near N), partitions into groups and
 * their heal. Each returns plain figures; the CLI prints them.
 */
import { InvalidParametersError } from '@selfmgmt/interface'
import { compareBig, cwDist, getGeometry, idAdd, limits, slotWindow } from '@selfmgmt/ring'
import { newLookupStats } from './ring-sim.ts'
import type { LookupStats, RingSim, RingSimNode } from './ring-sim.ts'
import type { NodeRef } from '@selfmgmt/ring'

export type Progress = (done: number, total: number, label: string) => void

export interface BuildOptions {
  nodes: number
  /** Joins per second of virtual time during the build. */
  joinRatePerS?: number
  /** Quiet time after the last join, for corrections to settle. */
  settleMs?: number
  onProgress?: Progress
}

/** Default join rate: fast enough to keep builds short, slow enough not to swamp one successor. */
export function defaultJoinRate (nodes: number): number {
  return Math.min(2000, Math.max(100, nodes / 20))
}

/** Builds a ring of `nodes` members: one creates, the others join through random members. */
export function buildRing (sim: RingSim, opts: BuildOptions): void {
  if (!Number.isInteger(opts.nodes) || opts.nodes < 1) { throw new InvalidParametersError(`--nodes must be a positive integer, got ${opts.nodes}`) }
  const rate = opts.joinRatePerS ?? defaultJoinRate(opts.nodes)
  const first = sim.addNode()
  sim.create(first)
  let t = sim.nowMs
  for (let i = 1; i < opts.nodes; i++) {
    t += sim.rng.exp(1000 / rate)
    sim.engine.at(t, () => sim.join(sim.addNode()))
  }
  runWithProgress(sim, t, opts.onProgress, 'build', () => sim.memberCount, opts.nodes)
  // Joins that failed (a bootstrap crashed mid-join) are retried until the ring is complete.
  for (let round = 0; round < 10 && sim.memberCount < opts.nodes; round++) {
    for (const n of sim.engine.nodes) { if (n.alive && n.core.state === 'idle') { sim.join(n) } }
    sim.runFor(10_000)
  }
  sim.runFor(opts.settleMs ?? 30_000)
}

/**
 * Builds a stable ring of `nodes` members from global knowledge instead of joins: each node is
 * installed with its true neighbour lists and, for every slot of its window, the true owner of
 * the slot start (plus the next nodes inside the slot's interval as proximity candidates). This
 * is the state the join protocol converges to; it makes 100,000-node rings affordable. The
 * protocol then runs as usual (pings, lookups, corrections, probes).
 */
export function buildRingOracle (sim: RingSim, opts: BuildOptions): void {
  if (!Number.isInteger(opts.nodes) || opts.nodes < 1) { throw new InvalidParametersError(`--nodes must be a positive integer, got ${opts.nodes}`) }
  const created: RingSimNode[] = []
  for (let i = 0; i < opts.nodes; i++) { created.push(sim.addNode()) }
  const sorted = [...created].sort((a, b) => compareBig(a.ref.id, b.ref.id))
  const ids = sorted.map(n => n.ref.id)
  const n = sorted.length
  const geometry = getGeometry(sim.geometry)
  const ownerIndex = (x: bigint): number => {
    let lo = 0
    let hi = n
    while (lo < hi) {
      const m = (lo + hi) >>> 1
      if (ids[m] < x) { lo = m + 1 } else { hi = m }
    }
    return lo === n ? 0 : lo
  }
  const extra = sim.proximity ? limits.SLOT_CANDIDATES_MAX - 1 : 0
  for (let i = 0; i < n; i++) {
    const node = sorted[i]
    const around = (d: number): NodeRef[] => Array.from({ length: Math.min(limits.SUCC_LIST_MAX, n - 1) }, (_, j) => sorted[((i + d * (j + 1)) % n + n) % n].ref)
    const succList = around(1)
    const predList = around(-1)
    const dSucc = n > 1 ? cwDist(ids[i], ids[(i + 1) % n]) : 0n
    const dPred = n > 1 ? cwDist(ids[(i - 1 + n) % n], ids[i]) : 0n
    const w = slotWindow(geometry, dSucc, dPred)
    const fingers = new Map<string, NodeRef>()
    for (let j = w.lo; j < w.hi; j++) {
      const first = ownerIndex(idAdd(node.ref.id, geometry.slots[j].offset))
      for (let e = 0; e <= extra && e < n; e++) {
        const f = sorted[(first + e) % n]
        if (f !== node) { fingers.set(f.ref.addr, f.ref) }
      }
    }
    const install = { type: 'install' as const, predList, succList, fingers: [...fingers.values()].slice(0, limits.TABLE_NODES_MAX) }
    sim.engine.call(node, (c, now) => c.handleCommand(now, install))
    if (i % 1000 === 0) { opts.onProgress?.(i, n, 'install') }
  }
  sim.runFor(opts.settleMs ?? 5_000)
}

/** Runs virtual time to `untilMs` in slices, reporting progress. */
export function runWithProgress (sim: RingSim, untilMs: number, onProgress: Progress | undefined, label: string, done: () => number, total: number): void {
  const slice = 1000
  while (sim.nowMs < untilMs) {
    sim.engine.runUntil(Math.min(untilMs, sim.nowMs + slice))
    onProgress?.(done(), total, label)
  }
}

/** Issues `count` lookups from random members for random keys, `ratePerS` per second (Poisson). */
export function scheduleLookups (sim: RingSim, count: number, ratePerS: number, stats: LookupStats): number {
  let t = sim.nowMs
  for (let i = 0; i < count; i++) {
    t += sim.rng.exp(1000 / ratePerS)
    sim.engine.at(t, () => {
      const o = sim.randomMember()
      if (o !== undefined) { sim.lookup(o, sim.randomKey(), stats) }
    })
  }
  return t
}

export type SessionDistribution = 'exponential' | 'pareto'

export interface ChurnOptions {
  sessionMedianS: number
  durationS: number
  lookupRatePerS: number
  distribution?: SessionDistribution
  /** Pareto shape (heavy tail); 2 by default. */
  paretoAlpha?: number
  /** Fraction of departures that are graceful leaves (the rest crash). */
  leaveFraction?: number
  /** Give up waiting for convergence after this long. */
  convergeTimeoutS?: number
  onProgress?: Progress
}

export interface ChurnResult {
  lookups: LookupStats
  joins: number
  leaves: number
  crashes: number
  maintenanceMsgs: number
  nodeSeconds: number
  convergedAfterS: number | null
  ringConsistentAtEnd: boolean
}

/** Messages that are ring maintenance rather than lookup traffic (see ring-sim's classifier). */
export function maintenanceCount (sim: RingSim): number {
  return sim.traffic.maintenance
}

/**
 * Churn at a median session time with a population kept near its current size, lookups
 * throughout; then churn stops and the run goes on until the ring is one consistent ring.
 */
export function runChurn (sim: RingSim, opts: ChurnOptions): ChurnResult {
  const n0 = sim.memberCount
  if (n0 < 2) { throw new InvalidParametersError('churn needs a ring of at least 2 nodes') }
  const session = (): number => sessionMs(sim, opts)
  const leaveFraction = opts.leaveFraction ?? 0.5
  const depart = (node: RingSimNode): void => {
    if (!node.alive || sim.memberCount <= 2) { return }
    if (sim.rng.next() < leaveFraction) { sim.leave(node) } else { sim.crash(node) }
  }
  const endMs = sim.nowMs + opts.durationS * 1000
  for (const node of sim.members()) {
    const at = sim.nowMs + session()
    if (at < endMs) { sim.engine.at(at, () => depart(node)) }
  }
  // Arrivals at rate N / mean session keep the population steady.
  const meanSessionMs = meanOfSession(opts)
  let t = sim.nowMs
  for (;;) {
    t += sim.rng.exp(meanSessionMs / n0)
    if (t >= endMs) { break }
    sim.engine.at(t, () => {
      const node = sim.addNode()
      sim.join(node)
      const at = sim.nowMs + session()
      if (at < endMs) { sim.engine.at(at, () => depart(node)) }
    })
  }
  const before = { joins: sim.joins, leaves: sim.leaves, crashes: sim.crashes, maint: sim.traffic.maintenance }
  const stats = newLookupStats()
  scheduleLookups(sim, Math.floor(opts.lookupRatePerS * opts.durationS), opts.lookupRatePerS, stats)
  let nodeSeconds = 0
  while (sim.nowMs < endMs) {
    sim.engine.runUntil(Math.min(endMs, sim.nowMs + 1000))
    nodeSeconds += sim.memberCount
    opts.onProgress?.(opts.durationS * 1000 - (endMs - sim.nowMs), opts.durationS * 1000, 'churn')
  }
  const maintenanceMsgs = sim.traffic.maintenance - before.maint
  sim.drainLookups(60_000)
  const convergedAfterS = waitConverged(sim, (opts.convergeTimeoutS ?? 300) * 1000, endMs)
  return {
    lookups: stats,
    joins: sim.joins - before.joins,
    leaves: sim.leaves - before.leaves,
    crashes: sim.crashes - before.crashes,
    maintenanceMsgs,
    nodeSeconds,
    convergedAfterS,
    ringConsistentAtEnd: sim.check().consistent
  }
}

function meanOfSession (opts: ChurnOptions): number {
  const m = opts.sessionMedianS * 1000
  if ((opts.distribution ?? 'exponential') === 'exponential') { return m / Math.LN2 }
  const a = opts.paretoAlpha ?? 2
  if (a <= 1) { throw new InvalidParametersError('Pareto shape must be > 1 for a finite mean session') }
  return (m / 2 ** (1 / a)) * a / (a - 1)
}

function sessionMs (sim: RingSim, opts: ChurnOptions): number {
  const m = opts.sessionMedianS * 1000
  if ((opts.distribution ?? 'exponential') === 'exponential') { return sim.rng.exp(m / Math.LN2) }
  return sim.rng.paretoMedian(m, opts.paretoAlpha ?? 2)
}

/**
 * Runs until the live members form one consistent ring (checked every simulated second);
 * returns the seconds since `sinceMs`, or null after `timeoutMs`.
 */
export function waitConverged (sim: RingSim, timeoutMs: number, sinceMs: number): number | null {
  const end = sim.nowMs + timeoutMs
  for (;;) {
    const c = sim.check()
    if (c.consistent && c.rings === 1) { return (sim.nowMs - sinceMs) / 1000 }
    if (sim.nowMs >= end) { return null }
    sim.runFor(1000)
  }
}

export interface PartitionOptions {
  parts: number
  partitionS: number
  lookupRatePerS: number
  lookupsAfterHeal: number
  healTimeoutS?: number
  onProgress?: Progress
}

export interface PartitionResult {
  ringsDuringPartition: number
  ringsAfterHeal: number
  healMs: number | null
  duringPartition: LookupStats
  afterHeal: LookupStats
}

/**
 * Splits the members into `parts` random groups that cannot reach each other, keeps them apart
 * with lookups inside each group (judged against the group's own ring), heals, and measures
 * the merge: time to one consistent ring, then lookups.
 */
export function runPartition (sim: RingSim, opts: PartitionOptions): PartitionResult {
  if (!Number.isInteger(opts.parts) || opts.parts < 2) { throw new InvalidParametersError(`--parts must be an integer ≥ 2, got ${opts.parts}`) }
  const groups = new Int32Array(sim.engine.nodes.length)
  for (let i = 0; i < groups.length; i++) { groups[i] = sim.rng.int(opts.parts) }
  sim.engine.net.setPartition(groups)
  sim.truth = (key, origin) => sim.truthOwnerWhere(key, n => groups[n.index] === groups[origin.index])
  const during = newLookupStats()
  const end = sim.nowMs + opts.partitionS * 1000
  scheduleLookups(sim, Math.floor(opts.lookupRatePerS * opts.partitionS), opts.lookupRatePerS, during)
  while (sim.nowMs < end) {
    sim.engine.runUntil(Math.min(end, sim.nowMs + 1000))
    opts.onProgress?.(opts.partitionS * 1000 - (end - sim.nowMs), opts.partitionS * 1000, 'partition')
  }
  sim.drainLookups(30_000)
  const ringsDuringPartition = sim.check().rings
  sim.engine.net.setPartition(undefined)
  sim.truth = undefined
  const healedAt = sim.nowMs
  const converged = waitConverged(sim, (opts.healTimeoutS ?? 300) * 1000, healedAt)
  const healMs = converged === null ? null : converged * 1000
  const afterHeal = newLookupStats()
  const last = scheduleLookups(sim, opts.lookupsAfterHeal, Math.max(10, opts.lookupsAfterHeal / 10), afterHeal)
  sim.runFor(last - sim.nowMs + 1)
  sim.drainLookups(60_000)
  return { ringsDuringPartition, ringsAfterHeal: sim.check().rings, healMs, duringPartition: during, afterHeal }
}

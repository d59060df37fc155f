/**
 * The experiments behind the `selfmgmt-sim` subcommands, as functions that return the report
 * objects the CLI prints with --json. Benchmarks and tests call them directly.
 */
import { InvalidParametersError } from '@selfmgmt/interface'
import { GEOMETRY_NAMES } from '@selfmgmt/ring'
import { KademliaSim } from './kademlia.ts'
import { parseLatency } from './latency.ts'
import { RingSim, newLookupStats } from './ring-sim.ts'
import { buildRing, buildRingOracle, runChurn, runPartition, scheduleLookups } from './scenarios.ts'
import { max, mean, percentile, round } from './stats.ts'
import type { Progress } from './scenarios.ts'
import type { GeometryName } from '@selfmgmt/ring'

export type LookupGeometry = GeometryName | 'kademlia'

export const LOOKUP_GEOMETRIES: readonly LookupGeometry[] = [...GEOMETRY_NAMES, 'kademlia']

export interface LookupRunOptions {
  nodes: number
  geometry: LookupGeometry
  k?: number
  lookups: number
  seed: number
  latency?: string
  proximity?: boolean
  /** Lookups per second of virtual time (Poisson). */
  ratePerS?: number
  /** Lookups run before the measured ones (proximity learns from traffic). */
  warmup?: number
  /** Joins per second while building. */
  joinRatePerS?: number
  /** Kademlia only: closest nodes that must answer before a lookup ends (default k). */
  kadQuorum?: number
  /** How the stable ring is built: by joins (the protocol, default) or installed from global knowledge. */
  build?: 'joins' | 'oracle'
  checkInvariants?: boolean
  onProgress?: Progress
}

export interface LookupReport {
  nodes: number
  geometry: LookupGeometry
  k: number
  /** Kademlia only: how many of the closest nodes had to answer. */
  kadQuorum?: number
  build: 'joins' | 'oracle'
  seed: number
  latency: string
  proximity: boolean
  lookups: number
  ok: number
  wrongOwner: number
  failed: number
  hopsMean: number
  hopsP50: number
  hopsP99: number
  hopsMax: number
  latencyMsP50: number
  latencyMsP90: number
  latencyMsP99: number
  msgsPerLookup: number
  tableSizeMean: number
  /** Ring maintenance in a quiet period (pings and pongs only when nothing changes). */
  maintenanceMsgsPerNodePerS: number
  events: number
  wallMs: number
  rssMb: number
  traceHash: string
}

function checkCommon (o: { nodes: number, seed: number }): void {
  if (!Number.isInteger(o.nodes) || o.nodes < 1) { throw new InvalidParametersError(`--nodes must be a positive integer, got ${o.nodes}`) }
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) { throw new InvalidParametersError(`--seed must be an integer in 0..4294967295, got ${o.seed}`) }
}

function arityOf (geometry: LookupGeometry, k: number | undefined): number {
  if (geometry === 'dks') { return k ?? 16 }
  if (geometry === 'tango') { return 3 }
  if (geometry === 'chord') { return 2 }
  return k ?? 20
}

/** Window for the quiet-period maintenance figure: five ping intervals. */
const QUIET_WINDOW_MS = 15_000

/** Builds a stable ring (or a Kademlia network) and runs lookups from random nodes for random keys. */
export function runLookup (o: LookupRunOptions): LookupReport {
  checkCommon(o)
  if (!LOOKUP_GEOMETRIES.includes(o.geometry)) { throw new InvalidParametersError(`--geometry must be one of ${LOOKUP_GEOMETRIES.join(', ')}, got ${o.geometry}`) }
  if (!Number.isInteger(o.lookups) || o.lookups < 1) { throw new InvalidParametersError(`--lookups must be a positive integer, got ${o.lookups}`) }
  const started = performance.now()
  const latencySpec = o.latency ?? 'planetlab'
  if (o.geometry === 'kademlia') { return runKademlia(o, latencySpec, started) }
  const k = arityOf(o.geometry, o.k)
  const sim = new RingSim({ seed: o.seed, latency: latencySpec, geometry: { name: o.geometry, k }, proximity: o.proximity, checkInvariants: o.checkInvariants })
  const build = o.build ?? 'joins'
  if (build === 'oracle') {
    buildRingOracle(sim, { nodes: o.nodes, onProgress: o.onProgress })
  } else {
    buildRing(sim, { nodes: o.nodes, joinRatePerS: o.joinRatePerS, onProgress: o.onProgress })
  }
  const m0 = sim.traffic.maintenance
  sim.runFor(QUIET_WINDOW_MS)
  const maintenance = (sim.traffic.maintenance - m0) / sim.memberCount / (QUIET_WINDOW_MS / 1000)
  const rate = o.ratePerS ?? 1000
  if ((o.warmup ?? 0) > 0) {
    const warm = newLookupStats()
    const end = scheduleLookups(sim, o.warmup ?? 0, rate, warm)
    sim.runFor(end - sim.nowMs + 1)
    sim.drainLookups(60_000)
  }
  const stats = newLookupStats()
  const t0 = sim.traffic.lookup
  const end = scheduleLookups(sim, o.lookups, rate, stats)
  while (sim.nowMs < end) {
    sim.engine.runUntil(Math.min(end, sim.nowMs + 1000))
    o.onProgress?.(stats.issued - sim.pendingLookups, o.lookups, 'lookups')
  }
  sim.drainLookups(60_000)
  const answered = stats.ok + stats.wrongOwner + stats.failed
  return {
    nodes: o.nodes,
    geometry: o.geometry,
    k,
    build,
    seed: o.seed,
    latency: latencySpec,
    proximity: o.proximity === true,
    lookups: answered,
    ok: stats.ok,
    wrongOwner: stats.wrongOwner,
    failed: stats.failed,
    hopsMean: round(mean(stats.hops), 3),
    hopsP50: percentile(stats.hops, 50),
    hopsP99: percentile(stats.hops, 99),
    hopsMax: max(stats.hops),
    latencyMsP50: round(percentile(stats.latencyMs, 50), 1),
    latencyMsP90: round(percentile(stats.latencyMs, 90), 1),
    latencyMsP99: round(percentile(stats.latencyMs, 99), 1),
    msgsPerLookup: round((sim.traffic.lookup - t0) / Math.max(1, answered), 2),
    tableSizeMean: round(mean(sim.members().map(n => n.core.tableSize)), 2),
    maintenanceMsgsPerNodePerS: round(maintenance, 3),
    events: sim.engine.events,
    wallMs: Math.round(performance.now() - started),
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    traceHash: sim.engine.traceHash
  }
}

function runKademlia (o: LookupRunOptions, latencySpec: string, started: number): LookupReport {
  const k = arityOf('kademlia', o.k)
  const kad = new KademliaSim({ seed: o.seed, nodes: o.nodes, latency: parseLatency(latencySpec, o.seed), k, quorum: o.kadQuorum })
  kad.build((d, t) => o.onProgress?.(d, t, 'build'))
  const s = kad.runLookups(o.lookups, o.ratePerS ?? 1000, (d, t) => o.onProgress?.(d, t, 'lookups'))
  const answered = s.ok + s.wrongOwner + s.failed
  return {
    nodes: o.nodes,
    geometry: 'kademlia',
    k,
    kadQuorum: kad.quorum,
    build: 'oracle',
    seed: o.seed,
    latency: latencySpec,
    proximity: false,
    lookups: answered,
    ok: s.ok,
    wrongOwner: s.wrongOwner,
    failed: s.failed,
    hopsMean: round(mean(s.hops), 3),
    hopsP50: percentile(s.hops, 50),
    hopsP99: percentile(s.hops, 99),
    hopsMax: max(s.hops),
    latencyMsP50: round(percentile(s.latencyMs, 50), 1),
    latencyMsP90: round(percentile(s.latencyMs, 90), 1),
    latencyMsP99: round(percentile(s.latencyMs, 99), 1),
    msgsPerLookup: round(s.messages / Math.max(1, answered), 2),
    tableSizeMean: round(kad.tableSizeMean(), 2),
    maintenanceMsgsPerNodePerS: 0,
    events: kad.events,
    wallMs: Math.round(performance.now() - started),
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    traceHash: kad.traceHash
  }
}

export interface ChurnRunOptions {
  nodes: number
  geometry: GeometryName
  k?: number
  seed: number
  latency?: string
  sessionMedianS: number
  durationS: number
  lookupRatePerS: number
  distribution?: 'exponential' | 'pareto'
  leaveFraction?: number
  proximity?: boolean
  checkInvariants?: boolean
  onProgress?: Progress
}

export interface ChurnReport {
  nodes: number
  geometry: GeometryName
  k: number
  seed: number
  sessionMedianS: number
  durationS: number
  lookups: number
  ok: number
  wrongOwner: number
  failed: number
  joins: number
  leaves: number
  crashes: number
  maintenanceMsgsPerNodePerS: number
  convergedAfterS: number | null
  ringConsistentAtEnd: boolean
  wallMs: number
  traceHash: string
}

export function runChurnCommand (o: ChurnRunOptions): ChurnReport {
  checkCommon(o)
  if (!(o.sessionMedianS > 0) || !(o.durationS > 0) || !(o.lookupRatePerS >= 0)) {
    throw new InvalidParametersError('--session-median-s and --duration-s must be > 0, --lookup-rate ≥ 0')
  }
  const started = performance.now()
  const k = arityOf(o.geometry, o.k)
  const sim = new RingSim({ seed: o.seed, latency: o.latency ?? 'planetlab', geometry: { name: o.geometry, k }, proximity: o.proximity, checkInvariants: o.checkInvariants })
  buildRing(sim, { nodes: o.nodes, onProgress: o.onProgress })
  const r = runChurn(sim, {
    sessionMedianS: o.sessionMedianS,
    durationS: o.durationS,
    lookupRatePerS: o.lookupRatePerS,
    distribution: o.distribution,
    leaveFraction: o.leaveFraction,
    onProgress: o.onProgress
  })
  const s = r.lookups
  return {
    nodes: o.nodes,
    geometry: o.geometry,
    k,
    seed: o.seed,
    sessionMedianS: o.sessionMedianS,
    durationS: o.durationS,
    lookups: s.ok + s.wrongOwner + s.failed,
    ok: s.ok,
    wrongOwner: s.wrongOwner,
    failed: s.failed,
    joins: r.joins,
    leaves: r.leaves,
    crashes: r.crashes,
    maintenanceMsgsPerNodePerS: round(r.maintenanceMsgs / Math.max(1, r.nodeSeconds), 3),
    convergedAfterS: r.convergedAfterS,
    ringConsistentAtEnd: r.ringConsistentAtEnd,
    wallMs: Math.round(performance.now() - started),
    traceHash: sim.engine.traceHash
  }
}

export interface PartitionRunOptions {
  nodes: number
  parts: number
  partitionS: number
  seed: number
  geometry?: GeometryName
  k?: number
  latency?: string
  lookupRatePerS?: number
  lookupsAfterHeal?: number
  checkInvariants?: boolean
  onProgress?: Progress
}

export interface PartitionReport {
  nodes: number
  parts: number
  seed: number
  geometry: GeometryName
  partitionS: number
  ringsDuringPartition: number
  ringsAfterHeal: number
  healMs: number | null
  lookupsDuringPartition: number
  okDuringPartition: number
  lookupsAfterHeal: number
  okAfterHeal: number
  wrongOwnerAfterHeal: number
  wallMs: number
  traceHash: string
}

export function runPartitionCommand (o: PartitionRunOptions): PartitionReport {
  checkCommon(o)
  if (!(o.partitionS > 0)) { throw new InvalidParametersError(`--partition-s must be > 0, got ${o.partitionS}`) }
  const started = performance.now()
  const geometry = o.geometry ?? 'tango'
  const sim = new RingSim({ seed: o.seed, latency: o.latency ?? 'planetlab', geometry: { name: geometry, k: arityOf(geometry, o.k) }, checkInvariants: o.checkInvariants })
  buildRing(sim, { nodes: o.nodes, onProgress: o.onProgress })
  const r = runPartition(sim, {
    parts: o.parts,
    partitionS: o.partitionS,
    lookupRatePerS: o.lookupRatePerS ?? 10,
    lookupsAfterHeal: o.lookupsAfterHeal ?? 1000,
    onProgress: o.onProgress
  })
  const d = r.duringPartition
  const a = r.afterHeal
  return {
    nodes: o.nodes,
    parts: o.parts,
    seed: o.seed,
    geometry,
    partitionS: o.partitionS,
    ringsDuringPartition: r.ringsDuringPartition,
    ringsAfterHeal: r.ringsAfterHeal,
    healMs: r.healMs,
    lookupsDuringPartition: d.ok + d.wrongOwner + d.failed,
    okDuringPartition: d.ok,
    lookupsAfterHeal: a.ok + a.wrongOwner + a.failed,
    okAfterHeal: a.ok,
    wrongOwnerAfterHeal: a.wrongOwner,
    wallMs: Math.round(performance.now() - started),
    traceHash: sim.engine.traceHash
  }
}

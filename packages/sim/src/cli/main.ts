/**
 * `selfmgmt-sim`: the simulator's command line. Subcommands `lookup`, `churn`, `partition` and
 * `start` (the demo behind `npm start`). With --json each prints one JSON object on stdout and
 * nothing else there; without it, a human-readable summary, with progress on stderr.
 */
import { parseArgs } from 'node:util'
import { InvalidParametersError } from '@selfmgmt/interface'
import { SimulationError } from '../engine.ts'
import { LOOKUP_GEOMETRIES, runChurnCommand, runLookup, runPartitionCommand } from '../runs.ts'
import { ProgressBar } from './progress.ts'
import { runStart } from './start.ts'
import type { ChurnReport, LookupGeometry, LookupReport, PartitionReport } from '../runs.ts'
import type { GeometryName } from '@selfmgmt/ring'

const USAGE = `Usage: selfmgmt-sim <command> [options]

Commands:
  lookup     build a stable ring and run lookups
             --nodes N --geometry tango|dks|chord|kademlia [--k K] --lookups L --seed S
             [--latency planetlab|constant:MS|uniform:MIN-MAX] [--proximity] [--warmup W]
             [--rate LOOKUPS_PER_S] [--join-rate JOINS_PER_S]
             [--kad-quorum Q]  kademlia: end a lookup when the Q closest answered (default k=20)
             [--build joins|oracle]  build by joins (default) or install the converged state
  churn      churn at a median session time with lookups throughout, then wait for convergence
             --nodes N --geometry tango|dks|chord [--k K] --session-median-s S --duration-s D
             --lookup-rate R --seed S [--latency ...] [--pareto] [--leave-fraction F]
  partition  split into groups, keep them apart, heal and measure the merge
             --nodes N --parts P --partition-s T --seed S [--geometry G] [--k K] [--latency ...]
             [--lookups-after-heal L]
  start      the demo: a 2,000-node PlanetLab-like ring, lookups, churn and a partition
             [--nodes N] [--seed S]

Common options:
  --json              print one JSON object on stdout, nothing else there
  --no-check          skip per-step invariant checks (faster; the default checks every step)
  -h, --help          this text

A failed invariant stops the run and prints SEED=<n>; the same command with --seed <n> replays it.`

const OPTIONS = {
  nodes: { type: 'string' },
  geometry: { type: 'string' },
  k: { type: 'string' },
  lookups: { type: 'string' },
  seed: { type: 'string' },
  latency: { type: 'string' },
  proximity: { type: 'boolean' },
  warmup: { type: 'string' },
  rate: { type: 'string' },
  'join-rate': { type: 'string' },
  'kad-quorum': { type: 'string' },
  build: { type: 'string' },
  'session-median-s': { type: 'string' },
  'duration-s': { type: 'string' },
  'lookup-rate': { type: 'string' },
  pareto: { type: 'boolean' },
  'leave-fraction': { type: 'string' },
  parts: { type: 'string' },
  'partition-s': { type: 'string' },
  'lookups-after-heal': { type: 'string' },
  json: { type: 'boolean' },
  'no-check': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

type Values = Partial<Record<keyof typeof OPTIONS, string | boolean>>

function num (v: Values, name: keyof typeof OPTIONS, fallback?: number): number {
  const raw = v[name]
  if (raw === undefined || raw === false) {
    if (fallback !== undefined) { return fallback }
    throw new InvalidParametersError(`--${name} is required`)
  }
  const x = Number(raw)
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(x)) { throw new InvalidParametersError(`--${name} must be a number, got "${String(raw)}"`) }
  return x
}

function optNum (v: Values, name: keyof typeof OPTIONS): number | undefined {
  return v[name] === undefined ? undefined : num(v, name)
}

function buildOf (v: Values): 'joins' | 'oracle' {
  const b = v.build ?? 'joins'
  if (b !== 'joins' && b !== 'oracle') { throw new InvalidParametersError(`--build must be joins or oracle, got "${String(b)}"`) }
  return b
}

function geometryOf (v: Values, allowKademlia: boolean): LookupGeometry {
  const g = v.geometry
  if (typeof g !== 'string') { throw new InvalidParametersError('--geometry is required') }
  const allowed: readonly string[] = allowKademlia ? LOOKUP_GEOMETRIES : LOOKUP_GEOMETRIES.filter(x => x !== 'kademlia')
  if (!allowed.includes(g)) { throw new InvalidParametersError(`--geometry must be one of ${allowed.join(', ')}, got "${g}"`) }
  return g as LookupGeometry
}

/** Runs the command line; returns the process exit code. */
export async function main (argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err: any) {
    process.stderr.write(`selfmgmt-sim: ${String(err.message)}\n\n${USAGE}\n`)
    return 2
  }
  const v = parsed.values as Values
  const cmd = parsed.positionals[0]
  if (v.help === true || cmd === undefined || cmd === 'help') {
    process.stdout.write(USAGE + '\n')
    return cmd === undefined && v.help !== true ? 2 : 0
  }
  const json = v.json === true
  const bar = new ProgressBar(!json)
  const onProgress = (d: number, t: number, label: string): void => bar.update(d, t, label)
  const check = v['no-check'] !== true
  try {
    switch (cmd) {
      case 'lookup': {
        const r = runLookup({
          nodes: num(v, 'nodes'),
          geometry: geometryOf(v, true),
          k: optNum(v, 'k'),
          lookups: num(v, 'lookups'),
          seed: num(v, 'seed', 1),
          latency: v.latency as string | undefined,
          proximity: v.proximity === true,
          warmup: optNum(v, 'warmup'),
          ratePerS: optNum(v, 'rate'),
          joinRatePerS: optNum(v, 'join-rate'),
          kadQuorum: optNum(v, 'kad-quorum'),
          build: buildOf(v),
          checkInvariants: check,
          onProgress
        })
        bar.done()
        print(json, r, describeLookup)
        return 0
      }
      case 'churn': {
        const r = runChurnCommand({
          nodes: num(v, 'nodes'),
          geometry: geometryOf(v, false) as GeometryName,
          k: optNum(v, 'k'),
          seed: num(v, 'seed', 1),
          latency: v.latency as string | undefined,
          sessionMedianS: num(v, 'session-median-s'),
          durationS: num(v, 'duration-s'),
          lookupRatePerS: num(v, 'lookup-rate'),
          distribution: v.pareto === true ? 'pareto' : 'exponential',
          leaveFraction: optNum(v, 'leave-fraction'),
          checkInvariants: check,
          onProgress
        })
        bar.done()
        print(json, r, describeChurn)
        return 0
      }
      case 'partition': {
        const r = runPartitionCommand({
          nodes: num(v, 'nodes'),
          parts: num(v, 'parts'),
          partitionS: num(v, 'partition-s'),
          seed: num(v, 'seed', 1),
          geometry: v.geometry === undefined ? undefined : geometryOf(v, false) as GeometryName,
          k: optNum(v, 'k'),
          latency: v.latency as string | undefined,
          lookupsAfterHeal: optNum(v, 'lookups-after-heal'),
          checkInvariants: check,
          onProgress
        })
        bar.done()
        print(json, r, describePartition)
        return 0
      }
      case 'start':
        await runStart({ nodes: num(v, 'nodes', 2000), seed: num(v, 'seed', 1), json, checkInvariants: check, bar })
        return 0
      default:
        process.stderr.write(`selfmgmt-sim: unknown command "${cmd}"\n\n${USAGE}\n`)
        return 2
    }
  } catch (err: any) {
    bar.done()
    if (err?.name === 'InvalidParametersError') {
      process.stderr.write(`selfmgmt-sim: ${String(err.message)}\n`)
      return 2
    }
    if (err instanceof SimulationError) {
      process.stderr.write(`selfmgmt-sim: invariant failed: ${err.message}\n${String(err.cause instanceof Error ? err.cause.stack : '')}\n`)
      return 1
    }
    throw err
  }
}

function print<T> (json: boolean, r: T, describe: (r: T) => string): void {
  process.stdout.write(json ? JSON.stringify(r) + '\n' : describe(r) + '\n')
}

export function describeLookup (r: LookupReport): string {
  const okPct = (100 * r.ok / Math.max(1, r.lookups)).toFixed(2)
  return [
    `lookup: ${r.nodes} nodes, ${r.geometry}${r.geometry === 'dks' ? ` k=${r.k}` : ''}${r.proximity ? ' + proximity' : ''}, ${r.latency} latency, built by ${r.build}, seed ${r.seed}`,
    `  lookups       ${r.lookups}: ${r.ok} ok (${okPct}%), ${r.wrongOwner} wrong owner, ${r.failed} failed`,
    `  hops          mean ${r.hopsMean}, p50 ${r.hopsP50}, p99 ${r.hopsP99}, max ${r.hopsMax}`,
    `  latency       p50 ${r.latencyMsP50} ms, p90 ${r.latencyMsP90} ms, p99 ${r.latencyMsP99} ms`,
    `  messages      ${r.msgsPerLookup} per lookup; table ${r.tableSizeMean} nodes; maintenance ${r.maintenanceMsgsPerNodePerS} msg/node/s`,
    `  run           ${r.events} events in ${(r.wallMs / 1000).toFixed(1)} s, ${r.rssMb} MiB, trace ${r.traceHash}`
  ].join('\n')
}

export function describeChurn (r: ChurnReport): string {
  const okPct = (100 * r.ok / Math.max(1, r.lookups)).toFixed(3)
  return [
    `churn: ${r.nodes} nodes, ${r.geometry}, median session ${r.sessionMedianS} s for ${r.durationS} s, seed ${r.seed}`,
    `  membership    ${r.joins} joins, ${r.leaves} leaves, ${r.crashes} crashes`,
    `  lookups       ${r.lookups}: ${r.ok} ok (${okPct}%), ${r.wrongOwner} wrong owner, ${r.failed} failed`,
    `  maintenance   ${r.maintenanceMsgsPerNodePerS} msg/node/s`,
    `  convergence   ${r.convergedAfterS === null ? 'NOT converged' : `one consistent ring ${r.convergedAfterS} s after churn stopped`}; consistent at end: ${r.ringConsistentAtEnd}`,
    `  run           ${(r.wallMs / 1000).toFixed(1)} s, trace ${r.traceHash}`
  ].join('\n')
}

export function describePartition (r: PartitionReport): string {
  return [
    `partition: ${r.nodes} nodes (${r.geometry}) split into ${r.parts} for ${r.partitionS} s, seed ${r.seed}`,
    `  during        ${r.ringsDuringPartition} rings; ${r.okDuringPartition}/${r.lookupsDuringPartition} lookups ok within their group`,
    `  heal          ${r.healMs === null ? 'NOT merged' : `one consistent ring after ${(r.healMs / 1000).toFixed(1)} s`}; rings after heal: ${r.ringsAfterHeal}`,
    `  after heal    ${r.okAfterHeal}/${r.lookupsAfterHeal} lookups ok, ${r.wrongOwnerAfterHeal} wrong owner`,
    `  run           ${(r.wallMs / 1000).toFixed(1)} s, trace ${r.traceHash}`
  ].join('\n')
}

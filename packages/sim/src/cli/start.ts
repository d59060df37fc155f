/**
 * The demo behind `npm start`: a 2,000-node PlanetLab-like network in the simulator. It compares
 * lookups across geometries and against the Kademlia baseline, runs churn at a 2-minute median
 * session (the Bamboo stress point) and a partition into two halves that heals, with progress
 * on stderr, and prints the figures.
 */
import { runChurnCommand, runLookup, runPartitionCommand } from '../runs.ts'
import { describeChurn, describePartition } from './main.ts'
import type { ProgressBar } from './progress.ts'
import type { LookupReport } from '../runs.ts'

export interface StartOptions {
  nodes: number
  seed: number
  json: boolean
  checkInvariants: boolean
  bar: ProgressBar
}

const LOOKUPS = 5000

export async function runStart (o: StartOptions): Promise<void> {
  const onProgress = (d: number, t: number, label: string): void => o.bar.update(d, t, label)
  const base = { nodes: o.nodes, seed: o.seed, lookups: LOOKUPS, checkInvariants: o.checkInvariants, onProgress }
  const configs = [
    { name: 'tango', run: () => runLookup({ ...base, geometry: 'tango' }) },
    { name: 'tango + proximity', run: () => runLookup({ ...base, geometry: 'tango', proximity: true }) },
    { name: 'dks k=16', run: () => runLookup({ ...base, geometry: 'dks', k: 16 }) },
    { name: 'dks k=16 + proximity', run: () => runLookup({ ...base, geometry: 'dks', k: 16, proximity: true }) },
    { name: 'chord', run: () => runLookup({ ...base, geometry: 'chord' }) },
    { name: 'kademlia (k=20, α=3)', run: () => runLookup({ ...base, geometry: 'kademlia' }) }
  ]
  const lookups: Array<{ name: string, report: LookupReport }> = []
  for (const c of configs) {
    o.bar.note(`» lookups: ${c.name}`)
    lookups.push({ name: c.name, report: c.run() })
    o.bar.done()
  }
  o.bar.note('» churn: median session 120 s for 300 s, 20 lookups/s')
  const churn = runChurnCommand({ nodes: o.nodes, geometry: 'tango', seed: o.seed, sessionMedianS: 120, durationS: 300, lookupRatePerS: 20, checkInvariants: o.checkInvariants, onProgress })
  o.bar.done()
  o.bar.note('» partition: two halves for 300 s, then heal')
  const partition = runPartitionCommand({ nodes: o.nodes, parts: 2, partitionS: 300, seed: o.seed, checkInvariants: o.checkInvariants, onProgress })
  o.bar.done()
  if (o.json) {
    process.stdout.write(JSON.stringify({ lookups: lookups.map(l => ({ name: l.name, ...l.report })), churn, partition }) + '\n')
    return
  }
  const out: string[] = []
  out.push(`selfmgmt simulator: ${o.nodes} nodes, PlanetLab-like latency (median RTT ≈ 125 ms), seed ${o.seed}`, '')
  out.push('Stable ring, ' + LOOKUPS + ' lookups from random nodes for random keys:')
  out.push('  system                  ok      hops mean/p99/max   latency p50/p99 ms   msgs/lookup  table')
  const kad = lookups[lookups.length - 1].report
  for (const { name, report: r } of lookups) {
    const ratio = r === kad ? '' : `  (p50 ${(r.latencyMsP50 / kad.latencyMsP50).toFixed(2)}× kademlia)`
    out.push(`  ${name.padEnd(22)}  ${(100 * r.ok / r.lookups).toFixed(1).padStart(5)}%  ${`${r.hopsMean}/${r.hopsP99}/${r.hopsMax}`.padEnd(18)}  ${`${r.latencyMsP50}/${r.latencyMsP99}`.padEnd(19)}  ${String(r.msgsPerLookup).padEnd(11)}  ${r.tableSizeMean}${ratio}`)
  }
  out.push('', describeChurn(churn), '', describePartition(partition), '')
  out.push('Try next:')
  out.push('  npx selfmgmt-sim lookup --nodes 10000 --geometry dks --k 16 --lookups 10000 --seed 1')
  out.push('  npx selfmgmt-sim churn --nodes 2000 --geometry tango --session-median-s 120 --duration-s 600 --lookup-rate 20 --seed 2 --json')
  out.push('  npx selfmgmt-sim partition --nodes 2000 --parts 3 --partition-s 300 --seed 3')
  out.push('  npm run bench:sim        (the full table: 1,000 to 100,000 nodes, every geometry)')
  process.stdout.write(out.join('\n') + '\n')
}

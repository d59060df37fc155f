/**
 * `npm run bench:sim`: one table, side by side in one run, of stable-ring lookups in the
 * simulator for n ∈ {1,000, 10,000, 100,000} × {tango, dks k=4, dks k=16, chord, kademlia},
 * under the PlanetLab-like latency model: hops, messages per lookup, table size, latency, events
 * per second and memory per node; then proximity on and off at 10,000 nodes. Every configuration
 * runs in its own process (`selfmgmt-sim lookup --json`), so memory figures do not mix.
 *
 * Rings of up to 10,000 nodes are built by joins (the protocol); larger ones are installed in
 * their converged state (`--build oracle`), because a 100,000-node build by joins takes longer
 * than the benchmark's budget (see benchmarks/README.md for that figure). The `build` column says
 * which.
 *
 * Options: --sizes 1000,10000 (default 1000,10000,100000), --lookups N (default 10000),
 * --seed S (default 1), --oracle-above N (default 10000), --markdown (print the table as
 * Markdown for benchmarks/README.md).
 */
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

// The command line sits next to the package's entry point (dist/src/index.js → bin.js).
const bin = fileURLToPath(new URL('./bin.js', import.meta.resolve('@selfmgmt/sim')))

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    lookups: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'oracle-above': { type: 'string', default: '10000' },
    markdown: { type: 'boolean', default: false }
  }
})
const sizes = values.sizes.split(',').map(Number)
const lookups = Number(values.lookups)
const seed = Number(values.seed)
const oracleAbove = Number(values['oracle-above'])

const systems = [
  { label: 'tango', args: ['--geometry', 'tango'] },
  { label: 'dks k=4', args: ['--geometry', 'dks', '--k', '4'] },
  { label: 'dks k=16', args: ['--geometry', 'dks', '--k', '16'] },
  { label: 'chord', args: ['--geometry', 'chord'] },
  { label: 'kademlia', args: ['--geometry', 'kademlia'] },
  { label: 'kademlia β=3', args: ['--geometry', 'kademlia', '--kad-quorum', '3'] }
]

function run (nodes, args) {
  const build = nodes > oracleAbove ? ['--build', 'oracle'] : []
  const out = execFileSync(process.execPath, ['--max-old-space-size=12288', bin, 'lookup', '--nodes', String(nodes), '--lookups', String(lookups), '--seed', String(seed), '--json', ...build, ...args], {
    encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit']
  })
  return JSON.parse(out)
}

function log (s) { process.stderr.write(s + '\n') }

const baseline = run(10, ['--geometry', 'tango']).rssMb
const rows = []
for (const n of sizes) {
  let kad
  const group = []
  for (const s of systems) {
    log(`» ${s.label}, ${n} nodes`)
    const r = run(n, s.args)
    if (s.label === 'kademlia') { kad = r }
    group.push({ system: s.label, r })
  }
  for (const g of group) { rows.push({ n, ...g, kad }) }
}
const prox = []
const proxN = sizes.includes(10000) ? 10000 : sizes[sizes.length - 1]
for (const s of systems.slice(0, 3)) {
  log(`» ${s.label} with and without proximity, ${proxN} nodes`)
  const off = rows.find(x => x.n === proxN && x.system === s.label)?.r ?? run(proxN, s.args)
  const on = run(proxN, [...s.args, '--proximity'])
  prox.push({ system: s.label, off, on })
}

const md = values.markdown
const cols = ['n', 'system', 'build', 'ok', 'hops mean/p99/max', 'msgs/lookup', 'table', 'latency p50/p99 ms', 'p50 vs kademlia', 'events/s', 'memory/node', 'wall s']
const lines = []
const fmtRow = cells => md ? `| ${cells.join(' | ')} |` : cells.map((c, i) => String(c).padEnd([7, 13, 7, 8, 18, 12, 7, 19, 16, 10, 12, 7][i])).join(' ')
lines.push(`selfmgmt-sim lookups, PlanetLab-like latency, seed ${seed}, ${lookups} lookups per row; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
lines.push('')
lines.push(fmtRow(cols))
if (md) { lines.push(`|${cols.map(() => '---').join('|')}|`) }
for (const { n, system, r, kad } of rows) {
  lines.push(fmtRow([
    n, system, system.startsWith('kademlia') ? 'tables' : r.build, `${(100 * r.ok / r.lookups).toFixed(2)}%`, `${r.hopsMean}/${r.hopsP99}/${r.hopsMax}`, r.msgsPerLookup, r.tableSizeMean,
    `${r.latencyMsP50}/${r.latencyMsP99}`, system === 'kademlia' ? '1.00' : (r.latencyMsP50 / kad.latencyMsP50).toFixed(2),
    Math.round(r.events / (r.wallMs / 1000)), `${Math.max(0, ((r.rssMb - baseline) * 1024 / n)).toFixed(1)} KiB`, (r.wallMs / 1000).toFixed(1)
  ]))
}
lines.push('')
lines.push(`Proximity neighbour selection at ${proxN} nodes (same seed, same build):`)
const pcols = ['system', 'latency p50 off → on', 'change', 'p99 off → on', 'hops off → on', 'ok on']
lines.push(md ? `| ${pcols.join(' | ')} |` : pcols.join('   '))
if (md) { lines.push(`|${pcols.map(() => '---').join('|')}|`) }
for (const { system, off, on } of prox) {
  const cells = [system, `${off.latencyMsP50} → ${on.latencyMsP50} ms`, `${(100 * (on.latencyMsP50 / off.latencyMsP50 - 1)).toFixed(1)}%`,
    `${off.latencyMsP99} → ${on.latencyMsP99} ms`, `${off.hopsMean} → ${on.hopsMean}`, `${(100 * on.ok / on.lookups).toFixed(2)}%`]
  lines.push(md ? `| ${cells.join(' | ')} |` : cells.join('   '))
}
process.stdout.write(lines.join('\n') + '\n')

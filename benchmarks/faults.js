/**
 * `npm run bench:faults`: the store under every fault family of the simulator, over a range of
 * seeds, and the failure matrix (r = 3, 4, 5; k replica holders of one key crashed at once; also
 * with an operator's force-rebuild 20 s after the crash).
 *
 * Per family: operations and their outcomes, ops lost (final reads that contradict an
 * acknowledged write: counted by the linearizability checker, which sees the final reads),
 * linearizability verdicts, availability inside the fault window (ok / completed; a cas whose
 * comparison failed counts as completed, not ok), latency p50/p99, convergence after the heal
 * (every range ready and r up-to-date copies of every key) p50/p99, and the seeds whose
 * convergence was blocked because a majority of some key's replicas crashed at once.
 *
 * Then the same checks on real processes (`--real N` runs, default 2; 0 skips them): 7
 * `selfmgmt start` processes on loopback, 6 HTTP clients on 8 keys for ~40 s through a SIGKILL, a
 * SIGSTOP of 8 s and a restart from disk (packages/node/test/fixtures/kv-faults-scenario.ts, the
 * scenario of the kv-faults test), then the linearizability checker over the whole history.
 *
 * Read leases are on everywhere, as the store runs by default (the store's `leases` option; the
 * processes' default); --no-leases turns them off everywhere (`leases: false`,
 * `--no-read-leases`). --leases, the default, is still accepted.
 *
 * Options: --seeds N (default 10) --from S (first seed, default 1) --families a,b,...
 * --matrix-seeds N (default 6) --forced-seeds N (default 10; 0 skips the forced-rebuild table)
 * --real N (default 2) --no-leases --json
 */
import { parseArgs } from 'node:util'
import { STORE_FAMILIES, runFailureCell, runForcedRebuild, runStoreScenario } from '@selfmgmt/sim'
import { operationQuorum } from '@selfmgmt/store'
import { quantile } from './lib.js'

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' },
    from: { type: 'string', default: '1' },
    families: { type: 'string', default: STORE_FAMILIES.join(',') },
    'matrix-seeds': { type: 'string', default: '6' },
    'forced-seeds': { type: 'string', default: '10' },
    real: { type: 'string', default: '2' },
    leases: { type: 'boolean', default: false },
    'no-leases': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false }
  }
})
const SEEDS = Number(values.seeds)
const FROM = Number(values.from)
const MATRIX_SEEDS = Number(values['matrix-seeds'])
const FORCED_SEEDS = Number(values['forced-seeds'])
const families = values.families.split(',')
if (values.leases && values['no-leases']) { throw new Error('--leases and --no-leases contradict each other (leases are on by default)') }
const LEASES = !values['no-leases']
for (const f of families) { if (!STORE_FAMILIES.includes(f)) { throw new Error(`unknown family ${f}; one of ${STORE_FAMILIES.join(', ')}`) } }
const log = (s) => { process.stderr.write(`bench:faults: ${s}\n`) }

const rows = []
const t0 = Date.now()
for (const family of families) {
  const row = { family, seeds: `${FROM}-${FROM + SEEDS - 1}`, ops: 0, ok: 0, fail: 0, info: 0, illegal: 0, unknown: 0, lat: [], conv: [], answered: [], unanswered: 0, blocked: 0, notConverged: 0, avail: [] }
  for (let seed = FROM; seed < FROM + SEEDS; seed++) {
    const r = runStoreScenario({ family, seed, leases: LEASES })
    row.ops += r.stats.invoked
    row.ok += r.stats.ok
    row.fail += r.stats.fail
    row.info += r.stats.info
    if (r.verdict === 'illegal') { row.illegal++; log(`ILLEGAL ${family} SEED=${seed}`) }
    if (r.verdict === 'unknown') { row.unknown++ }
    if (r.latencyMs !== null) { row.lat.push(r.latencyMs.p50) }
    row.avail.push(r.availability)
    if (r.answeredMs >= 0) { row.answered.push(r.answeredMs) } else { row.unanswered++ }
    if (r.stuck.majorityLost > 0) { row.blocked++ } else if (r.convergedMs < 0) { row.notConverged++; log(`NOT CONVERGED ${family} SEED=${seed}`) } else { row.conv.push(r.convergedMs) }
  }
  rows.push(row)
  log(`${family}: ${SEEDS} seeds in ${((Date.now() - t0) / 1000).toFixed(0)} s so far`)
}

const matrix = []
for (const r of [3, 4, 5]) {
  for (let k = 1; k <= r; k++) {
    const seeds = Array.from({ length: MATRIX_SEEDS }, (_, i) => FROM + i)
    // And the same with an operator's force-rebuild 20 s after the crash (holders lost for good).
    matrix.push({ ...runFailureCell(r, k, seeds, 16, LEASES), forced: runFailureCell(r, k, seeds, 16, LEASES, true) })
  }
}
// An operator's force-rebuild with clients throughout (runForcedRebuild): k holders of a key
// crashed for good, the force 20 s later on every node.
const forcedRows = []
for (const [r, k] of [[3, 2], [4, 2], [4, 3], [5, 2], [5, 3]]) {
  const row = { r, k, seeds: FORCED_SEEDS, illegal: [], converged: 0, unanswered: 0, ops: 0, ok: 0 }
  for (let seed = FROM; seed < FROM + FORCED_SEEDS; seed++) {
    const x = runForcedRebuild({ seed, r, k, leases: LEASES })
    if (x.verdict === 'illegal') { row.illegal.push(seed); log(`ILLEGAL forced rebuild r=${r} k=${k} SEED=${seed}`) }
    if (x.convergedMs >= 0) { row.converged++ }
    if (x.finalUnavailable > 0) { row.unanswered++ }
    row.ops += x.stats.invoked
    row.ok += x.stats.ok
  }
  forcedRows.push(row)
}
log(`simulator done in ${((Date.now() - t0) / 1000).toFixed(0)} s`)

// Real processes: the scenario of packages/node/test/kv-faults.spec.ts (built by `npm run build`).
const REAL = Number(values.real)
const real = []
if (REAL > 0) {
  const { runKvFaults } = await import('../packages/node/dist/test/fixtures/kv-faults-scenario.js')
  for (let i = 1; i <= REAL; i++) {
    log(`real processes: run ${i} of ${REAL}`)
    const r = await runKvFaults(line => log(`  ${line}`), { readLeases: LEASES })
    real.push(r)
    if (r.linearizability.verdict !== 'ok') { log(`run ${i}: ${r.linearizability.verdict}; history kept in ${r.keptDir}`) }
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
}

if (values.json) {
  console.log(JSON.stringify({ rows, matrix, forced: forcedRows, real: real.map(r => ({ ...r, failures: Object.fromEntries(r.failures), unavailableByWindow: Object.fromEntries(r.unavailableByWindow) })) }, null, 2))
} else {
  console.log(`Store fault families${LEASES ? ' (read leases on, the default)' : ' (read leases off: --no-leases)'}: 16 nodes, r = 4, 5 clients on 12 keys (get 50 %, put 30 %, cas 15 %, delete 5 %), PlanetLab-like latency, 60 s of faults then heal; seeds ${FROM}-${FROM + SEEDS - 1}.\n`)
  console.log('| family | ops | ok | fail | unknown outcome | illegal histories | availability in faults (mean) | p50 latency (median over seeds) | every key answers after heal p50 / p99 (seeds where some key never did) | converged after heal p50 / p99 | blocked (majority of some replicas crashed) | not converged |')
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|')
  for (const w of rows) {
    const mean = w.avail.reduce((a, b) => a + b, 0) / w.avail.length
    console.log(`| ${w.family} | ${w.ops} | ${w.ok} | ${w.fail} | ${w.info} | ${w.illegal} of ${SEEDS} | ${(100 * mean).toFixed(1)} % | ${quantile(w.lat, 0.5).toFixed(0)} ms | ${w.answered.length ? `${(quantile(w.answered, 0.5) / 1000).toFixed(1)} s / ${(quantile(w.answered, 0.99) / 1000).toFixed(1)} s` : 'n/a'}${w.unanswered > 0 ? ` (${w.unanswered})` : ''} | ${w.conv.length ? `${(quantile(w.conv, 0.5) / 1000).toFixed(0)} s / ${(quantile(w.conv, 0.99) / 1000).toFixed(0)} s` : 'n/a'} | ${w.blocked} | ${w.notConverged} |`)
  }
  console.log(`\nFailure matrix: 16 nodes; k of one key's replica holders crash at once; a read and a write are tried within 20 s, and again 60 s later; seeds ${FROM}-${FROM + MATRIX_SEEDS - 1}. Forced: the same runs where an operator, told that the crashed holders are gone for good, forces the rebuild on every node 20 s after the crash (selfmgmt force-rebuild).\n`)
  console.log('| r | quorum W | k crashed | reads within 20 s | writes within 20 s | reads after 60 s | writes after 60 s | lost | forced: reads after 60 s | forced: writes after 60 s | forced: lost |')
  console.log('|---|---|---|---|---|---|---|---|---|---|---|')
  const W = operationQuorum
  for (const c of matrix) {
    const n = c.seeds - c.skipped
    const f = c.forced
    const nf = f.seeds - f.skipped
    console.log(`| ${c.r} | ${W(c.r)} | ${c.k} | ${c.readsNow}/${n} | ${c.writesNow}/${n} | ${c.readsLater}/${n} | ${c.writesLater}/${n} | ${c.lost} | ${f.readsLater}/${nf} | ${f.writesLater}/${nf} | ${f.lost} |`)
  }
  if (forcedRows.length > 0 && FORCED_SEEDS > 0) {
    console.log(`\nForced rebuild with clients throughout (runForcedRebuild in packages/sim): 16 nodes, 5 clients on 12 keys; at 5 s, k holders of one key crash for good; 20 s later an operator forces the rebuild on every node; seeds ${FROM}-${FROM + FORCED_SEEDS - 1}.\n`)
    console.log('| r | k lost | illegal histories | back to r copies of every key | seeds where some key never answered | ops ok / invoked |')
    console.log('|---|---|---|---|---|---|')
    for (const f of forcedRows) {
      console.log(`| ${f.r} | ${f.k} | ${f.illegal.length} of ${f.seeds} | ${f.converged} of ${f.seeds} | ${f.unanswered} | ${f.ok} / ${f.ops} |`)
    }
  }
  if (real.length > 0) {
    console.log(`\nReal processes: 7 \`selfmgmt start\` processes on loopback (r = 4${LEASES ? ', read leases on (the default)' : ', --no-read-leases'}), 6 HTTP clients on 8 keys for 40 s; SIGKILL of one node at 4 s, SIGSTOP of another from 10 s to 18 s, restart of the killed one from its data dir at 21 s; final reads; one row per run.\n`)
    console.log('| run | ops | ok | fail | unknown outcome | linearizable | ok / completed | not ok, by 5 s window (info and failed reads) | survivors ready after the kill | restarted node a member after | stores ready after the workload | written keys unreadable |')
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|')
    const s = (ms) => ms < 0 ? 'not within the bound' : `${(ms / 1000).toFixed(1)} s`
    real.forEach((r, i) => {
      const c = r.counts.all
      const windows = [...r.unavailableByWindow.entries()].sort((a, b) => a[0] - b[0]).map(([w, n]) => `${w * 5}-${w * 5 + 5} s: ${n}`).join(', ') || 'none'
      console.log(`| ${i + 1} | ${r.ops} | ${c.ok} | ${c.fail} | ${c.info} | ${r.linearizability.verdict} | ${(100 * r.okShare).toFixed(1)} % | ${windows} | ${s(r.readyAfterKillMs)} | ${s(r.rejoinMs)} | ${s(r.readyAfterFaultsMs)} | ${r.unreadable.length} |`)
    })
    const reasons = new Map()
    for (const r of real) { for (const [why, n] of r.failures) { reasons.set(why, (reasons.get(why) ?? 0) + n) } }
    console.log(`\nFailed answers over all runs: ${[...reasons.entries()].map(([why, n]) => `${why} ×${n}`).join(', ') || 'none'}.`)
  }
}

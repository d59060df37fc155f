/**
 * Timing of the linearizability checker on synthetic histories from the register simulator
 * (test/fixtures/register-sim.ts): 5,000 ops over 50 keys from 8 clients (the reference
 * workload), hotter keys, more timeouts, and a broken (lagging) register. Prints one line per
 * case: verdict, states explored, the largest concurrency seen on one key, and the median and
 * max wall time over the runs. Run: `npm run bench` (after `npm run build`).
 */
import { checkLinearizable, registerOperations } from '../src/index.ts'
import { seededChooser, simulateRegister } from '../test/fixtures/register-sim.ts'
import type { RegisterEvent } from '../src/index.ts'
import type { SimParams } from '../test/fixtures/register-sim.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)

interface Case { name: string, params: SimParams }

const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `key${i}`)

const CASES: Case[] = [
  { name: '5000 ops, 50 keys, 8 clients, 1% info, 3% fail', params: { clients: 8, keys: keys(50), ops: 5000, valueDomain: 4, infoPct: 1, failPct: 3 } },
  { name: '5000 ops, 50 keys, 8 clients, unique values', params: { clients: 8, keys: keys(50), ops: 5000, valueDomain: 0, infoPct: 1, failPct: 3 } },
  { name: '5000 ops, 50 keys, 8 clients, 5% info', params: { clients: 8, keys: keys(50), ops: 5000, valueDomain: 4, infoPct: 5, failPct: 3 } },
  { name: '5000 ops, 5 keys, 8 clients', params: { clients: 8, keys: keys(5), ops: 5000, valueDomain: 4, infoPct: 1, failPct: 3 } },
  { name: '5000 ops, 1 key, 10 clients', params: { clients: 10, keys: keys(1), ops: 5000, valueDomain: 4, infoPct: 1, failPct: 3 } },
  { name: '50000 ops, 500 keys, 64 clients', params: { clients: 64, keys: keys(500), ops: 50000, valueDomain: 4, infoPct: 1, failPct: 3 } },
  { name: 'broken: 5000 ops, 50 keys, 8 clients, reads lag 1', params: { clients: 8, keys: keys(50), ops: 5000, valueDomain: 0, infoPct: 1, failPct: 3, lag: 1 } },
  { name: 'broken: 5000 ops, 1 key, 10 clients, lag 1, 4 values', params: { clients: 10, keys: keys(1), ops: 5000, valueDomain: 4, infoPct: 1, failPct: 3, lag: 1 } },
  { name: 'broken: 5000 ops, 50 keys, 8 clients, lag 1, 5% info', params: { clients: 8, keys: keys(50), ops: 5000, valueDomain: 4, infoPct: 5, failPct: 3, lag: 1 } },
  { name: 'broken: 5000 ops, 5 keys, 10 clients, lag 1, 5% info', params: { clients: 10, keys: keys(5), ops: 5000, valueDomain: 4, infoPct: 5, failPct: 3, lag: 1 } },
  { name: 'broken: 5000 ops, 1 key, 10 clients, lag 1, 5% info', params: { clients: 10, keys: keys(1), ops: 5000, valueDomain: 4, infoPct: 5, failPct: 3, lag: 1 } }
]

/** The largest number of ops open at once on one key (info ops count as open until they crash the client). */
function keyConcurrencyMax (events: readonly RegisterEvent[]): number {
  const open = new Map<string, number>()
  let max = 0
  for (const e of events) {
    const n = (open.get(e.key) ?? 0) + (e.type === 'invoke' ? 1 : -1)
    open.set(e.key, n)
    max = Math.max(max, n)
  }
  return max
}

// Warm the JIT up on the first case, so the first figures are not compile time.
const warm = simulateRegister(seededChooser(7), CASES[0].params)
for (let i = 0; i < 5; i++) { checkLinearizable(warm) }

for (const c of CASES) {
  const events = simulateRegister(seededChooser(42), c.params)
  const ops = registerOperations(events)
  const times: number[] = []
  let verdict = ''
  let states = 0
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    const v = checkLinearizable(events)
    times.push(performance.now() - t0)
    verdict = v.verdict
    states = v.statesExplored
  }
  times.sort((a, b) => a - b)
  const info = ops.filter(o => o.status === 'info').length
  // eslint-disable-next-line no-console -- a benchmark prints its figures
  console.log(`${c.name.padEnd(52)} ops=${ops.length} info=${info} keyConcMax=${keyConcurrencyMax(events)} verdict=${verdict} states=${states} median=${times[times.length >> 1].toFixed(1)}ms max=${times[times.length - 1].toFixed(1)}ms`)
}

/**
 * Linearizability of keyed registers (read, write, cas, delete), checked per key: a history of
 * independent registers is linearizable iff each key's sub-history is (P-compositionality, as
 * in porcupine's partitions and Jepsen's `independent`). Each key runs the Wing–Gong search with
 * Lowe's memoization ({@link wglSearch}).
 *
 * Semantics, following Jepsen and porcupine:
 * - `ok` ops took effect exactly once, between their invocation and completion;
 * - `fail` ops never took effect and are dropped (a cas that completes `fail` did not swap);
 * - `info` ops (and ops open at the end) may take effect at any point after their invocation,
 * or never. An `info` read constrains nothing and is dropped, and so is an `info` write or cas
 * whose new value no read returns and no cas expects (never applying it is always at least as
 * good as applying it).
 * - a key holds `initial` (default `null`, absent) before the history; `delete` writes `null`.
 *
 * `unknown` (search budget exhausted) is not a pass: investigate it, or raise the budget.
 */
import { assert } from '@selfmgmt/interface'
import { LINEARIZABLE_STATES_MAX, WITNESS_OPS_MAX } from './constants.ts'
import { registerOperations, validateRegisterHistory } from './history.ts'
import { wglSearch } from './wgl.ts'
import type { RegisterEvent, RegisterOperation, Value } from './history.ts'
import type { WglResult } from './wgl.ts'

/** Options of {@link checkLinearizable}. */
export interface LinearizableOptions {
  /** Search budget per key, in cached states (default {@link LINEARIZABLE_STATES_MAX}). */
  statesMax?: number
  /** The value of every key before the history (default `null`: absent). */
  initial?: Value
  /**
   * The rules that tame pending `info` ops (dropping unobserved ones; symmetry, observer and
   * dominance in {@link wglSearch}) are on by default; `false` runs the plain Wing–Gong–Lowe
   * search, for differential tests.
   */
  infoRules?: boolean
}

/** Why a key's history is not linearizable. */
export interface IllegalWitness {
  /**
   * The op that cannot be linearized: the search reached its completion, at the furthest
   * point in the history it got to, without any order of the earlier ops that lets it take
   * effect.
   */
  op: RegisterOperation
  /** The end of the longest linearization found (its last {@link WITNESS_OPS_MAX} ops), in order. */
  linearized: RegisterOperation[]
  /** Length of the whole longest linearization. */
  linearizedCount: number
  /** The register's value after that linearization; `op` could not take effect in it. */
  state: Value
  /** The ops invoked before `op` completed and not in the linearization (`op` included): the conflicting ops. */
  pending: RegisterOperation[]
}

/** Per-key tallies of a check. */
export interface KeyVerdicts {
  /** Keys in the history. */
  checked: number
  ok: number
  /** Keys proved not linearizable, sorted. */
  illegal: string[]
  /** Keys whose search ran out of budget, sorted. */
  unknown: string[]
}

/** Result of {@link checkLinearizable}. `illegal` wins over `unknown`; the first such key (sorted) is reported. */
export type LinearizabilityResult =
  | { verdict: 'ok', keys: KeyVerdicts, statesExplored: number }
  | { verdict: 'illegal', key: string, witness: IllegalWitness, keys: KeyVerdicts, statesExplored: number }
  | { verdict: 'unknown', key: string, reason: string, keys: KeyVerdicts, statesExplored: number }

const READ = 0
const WRITE = 1
const CAS = 2
const KIND: Record<RegisterOperation['f'], number> = { read: READ, write: WRITE, delete: WRITE, cas: CAS }

/** One key's ops in the form the search wants; `ops[i]` is local op `i`. */
interface KeyProblem {
  ops: RegisterOperation[]
  entries: number[]
}

/**
 * Checks a register history for linearizability, key by key.
 *
 * @example
 * ```ts
 * const h = new RegisterHistory()
 * h.invoke(1, 0, { f: 'write', key: 'k', value: 'a' }); h.ok(1, 1)
 * h.invoke(2, 2, { f: 'read', key: 'k' }); h.ok(2, 3, null) // stale: the write had completed
 * checkLinearizable(h.events).verdict // 'illegal'
 * ```
 */
export function checkLinearizable (history: readonly RegisterEvent[], options: LinearizableOptions = {}): LinearizabilityResult {
  validateRegisterHistory(history)
  const statesMax = options.statesMax ?? LINEARIZABLE_STATES_MAX
  const initial = options.initial ?? null
  assert(Number.isSafeInteger(statesMax) && statesMax > 0, 'statesMax is a positive integer')
  const infoRules = options.infoRules !== false
  const problems = splitByKey(history, infoRules)
  const keys: KeyVerdicts = { checked: problems.size, ok: 0, illegal: [], unknown: [] }
  let statesExplored = 0
  let firstIllegal: { key: string, witness: IllegalWitness } | undefined
  let firstUnknown: { key: string, reason: string } | undefined
  for (const key of [...problems.keys()].sort()) {
    const problem = problems.get(key)
    assert(problem !== undefined, 'every listed key has a problem')
    const { r, valueOf } = searchKey(problem, initial, statesMax, infoRules)
    statesExplored += r.states
    if (r.kind === 'ok') {
      keys.ok++
    } else if (r.kind === 'illegal') {
      keys.illegal.push(key)
      firstIllegal ??= { key, witness: witnessOf(problem, r, valueOf) }
    } else {
      keys.unknown.push(key)
      firstUnknown ??= { key, reason: r.reason }
    }
  }
  assert(keys.ok + keys.illegal.length + keys.unknown.length === keys.checked, 'every key has one verdict')
  if (firstIllegal !== undefined) { return { verdict: 'illegal', ...firstIllegal, keys, statesExplored } }
  if (firstUnknown !== undefined) { return { verdict: 'unknown', ...firstUnknown, keys, statesExplored } }
  return { verdict: 'ok', keys, statesExplored }
}

/** Values some op observes: ok read results and cas expectations. */
function observedValues (ops: readonly RegisterOperation[]): Map<string, Set<Value>> {
  const observed = new Map<string, Set<Value>>()
  const see = (key: string, v: Value): void => {
    let s = observed.get(key)
    if (s === undefined) { observed.set(key, s = new Set()) }
    s.add(v)
  }
  for (const op of ops) {
    if (op.f === 'read' && op.status === 'ok') { see(op.key, op.value) }
    if (op.f === 'cas' && op.status !== 'fail') { see(op.key, op.expected ?? null) }
  }
  return observed
}

/**
 * Drops what cannot matter (fail ops, info reads and, with the info rules, info writes of values
 * nobody observes) and groups the rest by key, entries in history order.
 */
function splitByKey (history: readonly RegisterEvent[], infoRules: boolean): Map<string, KeyProblem> {
  const all = registerOperations(history)
  const observed = observedValues(all)
  const unobserved = (op: RegisterOperation): boolean => infoRules && observed.get(op.key)?.has(op.value) !== true
  const problems = new Map<string, KeyProblem>()
  // Per event: [key problem, local op id, is return], for the ops kept.
  const at: Array<[KeyProblem, number, boolean] | undefined> = new Array(history.length)
  for (const op of all) {
    let problem = problems.get(op.key)
    if (problem === undefined) { problems.set(op.key, problem = { ops: [], entries: [] }) }
    if (op.status === 'fail') { continue }
    if (op.status === 'info' && (op.f === 'read' || unobserved(op))) { continue }
    const local = problem.ops.length
    problem.ops.push(op)
    at[op.invokeIndex] = [problem, local, false]
    if (op.status === 'ok') {
      assert(op.completeIndex !== null, 'an ok op has a completion')
      at[op.completeIndex] = [problem, local, true]
    }
  }
  for (const slot of at) {
    if (slot !== undefined) { slot[0].entries.push(slot[1] * 2 + (slot[2] ? 1 : 0)) }
  }
  return problems
}

/** Runs the search on one key; `valueOf` maps the search's state ids back to values. */
function searchKey (problem: KeyProblem, initial: Value, statesMax: number, infoRules: boolean): { r: WglResult, valueOf: Value[] } {
  const values = new Map<Value, number>([[null, 0]])
  const intern = (v: Value): number => {
    let id = values.get(v)
    if (id === undefined) { values.set(v, id = values.size) }
    return id
  }
  const n = problem.ops.length
  const kind = new Uint8Array(n)
  const arg = new Int32Array(n)
  const exp = new Int32Array(n)
  const required = new Uint8Array(n)
  const observer = new Uint8Array(n)
  // Info ops with the same effect are interchangeable: use them in order of invocation.
  const after = new Int32Array(n).fill(-1)
  const lastOfEffect = new Map<string, number>()
  problem.ops.forEach((op, i) => {
    if (op.status !== 'ok') {
      const effect = JSON.stringify([op.f, op.expected ?? null, op.value])
      after[i] = lastOfEffect.get(effect) ?? -1
      lastOfEffect.set(effect, i)
    }
    kind[i] = KIND[op.f]
    arg[i] = intern(op.value)
    exp[i] = op.f === 'cas' ? intern(op.expected ?? null) : -1
    required[i] = op.status === 'ok' ? 1 : 0
    observer[i] = kind[i] === WRITE ? 0 : 1
  })
  const step = (state: number, op: number): number => {
    switch (kind[op]) {
      case READ: return arg[op] === state ? state : -1
      case CAS: return exp[op] === state ? arg[op] : -1
      default: return arg[op]
    }
  }
  const initialState = intern(initial)
  const entries = Int32Array.from(problem.entries)
  const r = infoRules
    ? wglSearch({ ops: n, entries, required, initialState, step, statesMax, after, observer })
    : wglSearch({ ops: n, entries, required, initialState, step, statesMax, dominance: false })
  return { r, valueOf: [...values.keys()] }
}

function witnessOf (problem: KeyProblem, r: WglResult & { kind: 'illegal' }, valueOf: readonly Value[]): IllegalWitness {
  const state = valueOf[r.prefixState]
  assert(state !== undefined, 'the search state is an interned value')
  return {
    op: problem.ops[r.stuckOp],
    linearized: r.prefix.slice(-WITNESS_OPS_MAX).map(i => problem.ops[i]),
    linearizedCount: r.prefix.length,
    state,
    pending: r.candidates.map(i => problem.ops[i])
  }
}

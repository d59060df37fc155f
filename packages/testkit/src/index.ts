/**
 * @packageDocumentation
 *
 * Checkers for selfmgmt runs, used by the simulator and by tests of real nodes:
 *
 * - {@link checkRing}: the global ring check (successor and predecessor pointers against ground
 * truth, and the number of rings);
 * - {@link RegisterHistory} / {@link SetHistory}: Jepsen-style history recorders (`invoke`, then
 * `ok`, `fail` or `info`), plain JSON-serializable data;
 * - {@link checkLinearizable}: linearizability of keyed registers (read, write, cas, delete),
 * split by key, Wing–Gong search with Lowe's memoization, verdict `ok`, `illegal` with a
 * witness, or `unknown` when the search budget runs out;
 * - {@link checkSetFull}: lost, stale and never-read elements with Jepsen's set-full definitions;
 * - {@link checkReplicaCensus}: time to restore the replication degree after a fault.
 *
 * @example
 * ```ts
 * import { RegisterHistory, checkLinearizable, checkRing } from '@selfmgmt/testkit'
 *
 * const a = { id: 1n, addr: 'a' }
 * const b = { id: 2n, addr: 'b' }
 * const r = checkRing([{ self: a, succ: b, pred: b }, { self: b, succ: a, pred: a }])
 * console.log(r.consistent, r.rings) // true 1
 *
 * const h = new RegisterHistory()
 * h.invoke(1, 0, { f: 'write', key: 'k', value: 'v1' })
 * h.ok(1, 5)
 * h.invoke(2, 6, { f: 'read', key: 'k' })
 * h.ok(2, 9, null) // began after the write completed, yet saw nothing: a stale read
 * const v = checkLinearizable(h.events)
 * console.log(v.verdict) // 'illegal'
 * if (v.verdict === 'illegal') console.log(v.witness.op.f, v.witness.state) // read v1
 * ```
 */
export { checkRing } from './ring-check.ts'
export type { RingCheck, RingMemberView, NodeRefLike } from './ring-check.ts'
export {
  RegisterHistory,
  SetHistory,
  encodeValue,
  validateRegisterHistory,
  validateSetHistory,
  registerOperations
} from './history.ts'
export type {
  EventType,
  Value,
  ValueInput,
  RegisterF,
  RegisterEvent,
  RegisterOpInput,
  RegisterOperation,
  SetF,
  SetEvent
} from './history.ts'
export { checkLinearizable } from './linearizable.ts'
export type { LinearizableOptions, LinearizabilityResult, IllegalWitness, KeyVerdicts } from './linearizable.ts'
export { wglSearch } from './wgl.ts'
export type { WglProblem, WglResult } from './wgl.ts'
export { checkSetFull, compareElements, quantiles } from './set-full.ts'
export type { SetFullResult, SetElementResult, Quantiles } from './set-full.ts'
export { checkReplicaCensus } from './census.ts'
export type { CensusSample, CensusOptions, CensusResult, KeyCensus } from './census.ts'
export { InvalidHistoryError } from './errors.ts'
export {
  HISTORY_EVENTS_MAX,
  LINEARIZABLE_STATES_MAX,
  LINEARIZABLE_CACHE_WORDS_MAX,
  WITNESS_OPS_MAX,
  WORST_STALE_MAX
} from './constants.ts'

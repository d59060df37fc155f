/**
 * Replica census: from time-stamped samples of the number of up-to-date copies of each key, the
 * time to restore replication degree r after a fault.
 *
 * Per key, the samples define a step function: `copies(t)` is the value of the latest sample at
 * or before t (undefined before the first sample). After the fault time F:
 *
 * - *restored at* = the earliest T ≥ F from which `copies(t) ≥ r` for every t ≥ T up to the last
 * sample (it reached r and stayed there); `null` if the last sample is below r: never restored;
 * - *first restored at* = the earliest T ≥ F with `copies(T) ≥ r` (it may dip again later);
 * - *restore time* = restored at − F (0 for a key that never went below r).
 *
 * Times are in the caller's units (ms by convention).
 */
import { assert, InvalidParametersError } from '@selfmgmt/interface'
import { quantiles } from './set-full.ts'

/** One observation: at time `t`, key `key` had `copies` up-to-date replicas. */
export interface CensusSample {
  t: number
  key: string
  copies: number
}

/** Options of {@link checkReplicaCensus}. */
export interface CensusOptions {
  /** The replication degree r to restore. */
  degree: number
  /** The fault time F. */
  faultTime: number
  /** Keys that must be present; a listed key with no samples counts as never restored. */
  keys?: readonly string[]
}

/** One key's census. */
export interface KeyCensus {
  key: string
  restoredAt: number | null
  restoreTime: number | null
  firstRestoredAt: number | null
  /** Fewest copies at or after the fault (`null` without samples). */
  minCopies: number | null
  /** Copies at the last sample (`null` without samples). */
  finalCopies: number | null
}

/** Result of {@link checkReplicaCensus}. */
export interface CensusResult {
  degree: number
  faultTime: number
  /** Every key, sorted. */
  perKey: KeyCensus[]
  /** Restore times over the restored keys (nearest rank), `null` if none was restored. */
  restoreTime: { p50: number, p99: number, max: number, count: number } | null
  /** Keys below r at their last sample, or without samples, sorted. */
  neverRestored: string[]
}

/**
 * Computes restore times per key and over keys.
 *
 * @example
 * ```ts
 * const r = checkReplicaCensus([
 *   { t: 0, key: 'a', copies: 3 }, { t: 10, key: 'a', copies: 2 }, { t: 40, key: 'a', copies: 3 }
 * ], { degree: 3, faultTime: 10 })
 * r.perKey[0].restoreTime // 30
 * ```
 */
export function checkReplicaCensus (samples: readonly CensusSample[], options: CensusOptions): CensusResult {
  const { degree, faultTime } = options
  if (!Number.isSafeInteger(degree) || degree < 1) { throw new InvalidParametersError(`degree must be a positive integer, got ${degree}`) }
  if (!Number.isFinite(faultTime)) { throw new InvalidParametersError('faultTime must be a finite number') }
  const byKey = new Map<string, CensusSample[]>()
  for (const k of options.keys ?? []) { byKey.set(k, []) }
  samples.forEach((s, i) => {
    if (typeof s.key !== 'string' || !Number.isFinite(s.t) || !Number.isSafeInteger(s.copies) || s.copies < 0) {
      throw new InvalidParametersError(`sample ${i}: needs a string key, a finite t and a non-negative integer copies`)
    }
    let list = byKey.get(s.key)
    if (list === undefined) { byKey.set(s.key, list = []) }
    list.push(s)
  })
  const perKey = [...byKey.keys()].sort().map(key => keyCensus(key, byKey.get(key) ?? [], degree, faultTime))
  const times = perKey.flatMap(k => k.restoreTime === null ? [] : [k.restoreTime])
  const q = quantiles(times)
  const neverRestored = perKey.filter(k => k.restoredAt === null).map(k => k.key)
  assert(times.length + neverRestored.length === perKey.length, 'every key is restored or not')
  return {
    degree,
    faultTime,
    perKey,
    restoreTime: q === null ? null : { p50: q.p50, p99: q.p99, max: q.p100, count: times.length },
    neverRestored
  }
}

function keyCensus (key: string, samples: CensusSample[], r: number, f: number): KeyCensus {
  if (samples.length === 0) {
    return { key, restoredAt: null, restoreTime: null, firstRestoredAt: null, minCopies: null, finalCopies: null }
  }
  // Stable sort: samples at the same instant keep their order, the later one wins.
  const s = [...samples].sort((a, b) => a.t - b.t)
  // copies(F): the latest sample at or before F.
  let i = 0
  while (i < s.length && s[i].t <= f) { i++ }
  const atFault = i > 0 ? s[i - 1].copies : undefined
  let minCopies = atFault ?? Infinity
  let firstRestoredAt = atFault !== undefined && atFault >= r ? f : null
  for (let j = i; j < s.length; j++) {
    minCopies = Math.min(minCopies, s[j].copies)
    if (firstRestoredAt === null && s[j].copies >= r) { firstRestoredAt = s[j].t }
  }
  let lastBelow = -1
  for (let j = s.length - 1; j >= 0; j--) {
    if (s[j].copies < r) { lastBelow = j; break }
  }
  let restoredAt: number | null = null
  if (lastBelow < s.length - 1) {
    restoredAt = Math.max(f, s[lastBelow + 1].t)
  }
  assert(restoredAt === null || firstRestoredAt === null || firstRestoredAt <= restoredAt, 'first restore comes no later than the stable one')
  return {
    key,
    restoredAt,
    restoreTime: restoredAt === null ? null : restoredAt - f,
    firstRestoredAt,
    minCopies,
    finalCopies: s[s.length - 1].copies
  }
}

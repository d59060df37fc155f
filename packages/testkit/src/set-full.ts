/**
 * Lost and stale elements of a set workload, with Jepsen's `set-full` definitions
 * (`jepsen/checker.clj`): clients add unique elements and read the whole set. For each element
 * (tracked from its add's invocation):
 *
 * - *known*: the completion of its add (`ok`), or of the first read that saw it, whichever
 * comes first;
 * - *last present* / *last absent*: the latest-invoked `ok` read that saw / did not see it;
 * - **stable**: some read saw it, and the last read that saw it began after the last read that
 * missed it (from then on, every read saw it);
 * - **lost**: known, missed by a read that began after it was known and after every read that
 * saw it began (no read observes it any more);
 * - **never-read**: neither: no read began after it was known (includes elements whose add
 * failed or crashed and that no read saw);
 * - **stale**: stable, but missed by some read that began after it was known (Jepsen: stable
 * latency > 0). A linearizable set has none.
 *
 * Jepsen compares indices for the outcomes and times for stale; here both use history order
 * (the same when timestamps are distinct, and exact when a virtual clock repeats instants).
 * Latencies use the caller's timestamps: stable latency = last-absent invocation − known
 * (or 0), lost latency = last-present invocation − known (or 0).
 *
 * Also reported: *unexpected* elements (read but never added) and *duplicated* elements (seen
 * more than once in one read), both invalid.
 */
import { assert } from '@selfmgmt/interface'
import { WORST_STALE_MAX } from './constants.ts'
import { InvalidHistoryError } from './errors.ts'
import { validateSetHistory } from './history.ts'
import type { SetEvent } from './history.ts'

/** The outcome of one element. */
export interface SetElementResult {
  element: string
  outcome: 'stable' | 'lost' | 'never-read'
  /** Stable, but missed by a read that began after it was known. */
  stale: boolean
  /** Index and time of the event that made it known (add ok or first read that saw it); `null` if never known. */
  knownIndex: number | null
  knownTime: number | null
  /** Stable elements: time from known until the last read that missed it began (0 if none). */
  stableLatency: number | null
  /** Lost elements: time from known until the last read that saw it began (0 if never seen). */
  lostLatency: number | null
}

/** Latency quantiles, in the caller's time units (nearest rank, as Jepsen's `frequency-distribution`). */
export interface Quantiles { p0: number, p50: number, p95: number, p99: number, p100: number }

/** Result of {@link checkSetFull}. */
export interface SetFullResult {
  /** false if any element is lost, unexpected or duplicated (or, with `linearizable`, stale); 'unknown' if no element is stable. */
  valid: boolean | 'unknown'
  /** Elements whose add was invoked. */
  attemptCount: number
  stableCount: number
  lostCount: number
  lost: string[]
  staleCount: number
  stale: string[]
  neverReadCount: number
  neverRead: string[]
  unexpectedCount: number
  unexpected: string[]
  duplicatedCount: number
  /** Element → the most copies of it seen in one read. */
  duplicated: Record<string, number>
  /** The stale elements with the largest stable latencies, worst first. */
  worstStale: SetElementResult[]
  stableLatencies: Quantiles | null
  lostLatencies: Quantiles | null
  /** Every added element, sorted. */
  elements: SetElementResult[]
}

interface ElementState {
  element: string
  known: SetEvent | undefined
  lastPresent: SetEvent | undefined
  lastAbsent: SetEvent | undefined
}

/** Orders elements naturally: integers by value, then strings. */
export function compareElements (a: string, b: string): number {
  const na = /^-?\d+$/.test(a) ? Number(a) : NaN
  const nb = /^-?\d+$/.test(b) ? Number(b) : NaN
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) { return na - nb }
  if (a === b) { return 0 }
  return a < b ? -1 : 1
}

/**
 * Runs the set-full analysis over a set history.
 *
 * @example
 * ```ts
 * const h = new SetHistory()
 * h.invoke(1, 0, { f: 'add', element: 'x' }); h.ok(1, 1)
 * h.invoke(2, 2, { f: 'read' }); h.ok(2, 3, [])  // began after the add was known: x is lost
 * checkSetFull(h.events).lost // ['x']
 * ```
 */
export function checkSetFull (history: readonly SetEvent[], options: { linearizable?: boolean } = {}): SetFullResult {
  validateSetHistory(history)
  const { states, unexpected, duplicated } = track(history)
  const elements = [...states.values()].map(elementResult).sort((a, b) => compareElements(a.element, b.element))
  const of = (o: SetElementResult['outcome']): SetElementResult[] => elements.filter(e => e.outcome === o)
  const stable = of('stable')
  const lost = of('lost')
  const neverRead = of('never-read')
  const stale = stable.filter(e => e.stale)
  assert(stable.length + lost.length + neverRead.length === elements.length, 'each element has one outcome')
  const dupCount = Object.keys(duplicated).length
  let valid: boolean | 'unknown' = true
  if (lost.length > 0 || unexpected.length > 0 || dupCount > 0 || (options.linearizable === true && stale.length > 0)) {
    valid = false
  } else if (stable.length === 0) {
    valid = 'unknown'
  }
  return {
    valid,
    attemptCount: elements.length,
    stableCount: stable.length,
    lostCount: lost.length,
    lost: lost.map(e => e.element),
    staleCount: stale.length,
    stale: stale.map(e => e.element),
    neverReadCount: neverRead.length,
    neverRead: neverRead.map(e => e.element),
    unexpectedCount: unexpected.length,
    unexpected,
    duplicatedCount: dupCount,
    duplicated,
    worstStale: [...stale].sort((a, b) => (b.stableLatency ?? 0) - (a.stableLatency ?? 0)).slice(0, WORST_STALE_MAX),
    stableLatencies: quantiles(stable.map(e => e.stableLatency ?? 0)),
    lostLatencies: quantiles(lost.map(e => e.lostLatency ?? 0)),
    elements
  }
}

interface Tracked { states: Map<string, ElementState>, unexpected: string[], duplicated: Record<string, number> }

/** One pass over the history: element states, unexpected and duplicated elements. */
function track (history: readonly SetEvent[]): Tracked {
  const states = new Map<string, ElementState>()
  const unexpected = new Set<string>()
  const duplicated: Record<string, number> = {}
  const invokes = new Map<number, SetEvent>()
  for (const op of history) {
    if (op.type === 'invoke') { invokes.set(op.process, op) }
    if (op.f === 'add') {
      trackAdd(states, op)
    } else if (op.type === 'ok') {
      const inv = invokes.get(op.process)
      assert(inv !== undefined && inv.f === 'read', 'a read ok follows its invocation')
      trackRead(states, inv, op, unexpected, duplicated)
    }
  }
  // Elements read before their add was invoked are unexpected at that read, but not once added.
  return { states, unexpected: [...unexpected].filter(x => !states.has(x)).sort(compareElements), duplicated }
}

/** An add: its invocation starts tracking the element, its `ok` makes it known. */
function trackAdd (states: Map<string, ElementState>, op: SetEvent): void {
  const element = op.value as string
  if (op.type === 'invoke') {
    if (states.has(element)) { throw new InvalidHistoryError(`event ${op.index}: element ${element} is added twice; set-full needs unique elements`) }
    states.set(element, { element, known: undefined, lastPresent: undefined, lastAbsent: undefined })
    return
  }
  const s = states.get(element)
  assert(s !== undefined, 'an add completes after its invocation')
  if (op.type === 'ok') { s.known ??= op }
}

/** A read ok: every tracked element is present or absent in it, as of its invocation `inv`. */
function trackRead (states: Map<string, ElementState>, inv: SetEvent, op: SetEvent, unexpected: Set<string>, duplicated: Record<string, number>): void {
  const seen = new Map<string, number>()
  for (const x of op.value as string[]) { seen.set(x, (seen.get(x) ?? 0) + 1) }
  for (const [x, n] of seen) {
    if (n > 1) { duplicated[x] = Math.max(duplicated[x] ?? 0, n) }
    if (!states.has(x)) { unexpected.add(x) }
  }
  for (const s of states.values()) {
    if (seen.has(s.element)) {
      s.known ??= op
      if (s.lastPresent === undefined || s.lastPresent.index < inv.index) { s.lastPresent = inv }
    } else if (s.lastAbsent === undefined || s.lastAbsent.index < inv.index) {
      s.lastAbsent = inv
    }
  }
}

/** Jepsen's classification, by event indices (-1 standing for "none"). */
function outcomeOf (s: ElementState): SetElementResult['outcome'] {
  const present = s.lastPresent?.index ?? -1
  const absent = s.lastAbsent?.index ?? -1
  const known = s.known?.index
  if (present >= 0 && absent < present) { return 'stable' }
  if (known !== undefined && absent >= 0 && present < absent && known < absent) { return 'lost' }
  return 'never-read'
}

function elementResult (s: ElementState): SetElementResult {
  const { known, lastPresent, lastAbsent } = s
  const outcome = outcomeOf(s)
  assert(outcome !== 'stable' || known !== undefined, 'a stable element was seen, so it is known')
  const knownTime = known?.time ?? 0
  const stale = outcome === 'stable' && known !== undefined && lastAbsent !== undefined && lastAbsent.index > known.index
  let stableLatency: number | null = null
  let lostLatency: number | null = null
  if (outcome === 'stable') { stableLatency = stale ? Math.max(0, (lastAbsent?.time ?? 0) - knownTime) : 0 }
  if (outcome === 'lost') { lostLatency = lastPresent === undefined ? 0 : Math.max(0, lastPresent.time - knownTime) }
  return {
    element: s.element,
    outcome,
    stale,
    knownIndex: known?.index ?? null,
    knownTime: known?.time ?? null,
    stableLatency,
    lostLatency
  }
}

/** Nearest-rank quantiles of a list (Jepsen: index min(n-1, floor(n·q))); `null` for an empty list. */
export function quantiles (xs: readonly number[]): Quantiles | null {
  if (xs.length === 0) { return null }
  const sorted = [...xs].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]
  return { p0: at(0), p50: at(0.5), p95: at(0.95), p99: at(0.99), p100: at(1) }
}

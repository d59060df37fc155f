/**
 * Histories of concurrent clients, as in Jepsen: every operation is an `invoke` event followed
 * by at most one completion, `ok` (it took place), `fail` (it did not take place) or `info`
 * (unknown, e.g. a timeout: it may have taken effect, at any time after its invocation, or
 * never). A process has at most one outstanding operation; after `info` it is crashed and never
 * invokes again (give the client a fresh process id, as Jepsen does). An op still open at the
 * end of a history counts as `info`.
 *
 * Real-time order is the order of the events in the history (Jepsen's `:index`): op A precedes
 * op B iff A's completion comes before B's invocation. Timestamps are supplied by the caller
 * (virtual or real clock, caller's units, ms by convention), must not decrease along the
 * history, and are used for latencies and reports only. Two events recorded at the same
 * virtual instant are thus still ordered, exactly as they happened in the run.
 *
 * Histories are plain data: arrays of plain objects, JSON-serializable as they are. Register
 * values are strings; byte values are recorded as lowercase hex ({@link encodeValue}), so two
 * byte values are equal iff their hex strings are; `null` is "no value" (an absent or deleted
 * key).
 */
import { assert, unreachable } from '@selfmgmt/interface'
import { HISTORY_EVENTS_MAX } from './constants.ts'
import { InvalidHistoryError } from './errors.ts'

/** The four event types of a history. */
export type EventType = 'invoke' | 'ok' | 'fail' | 'info'

/** A register value: a string (bytes as lowercase hex, see {@link encodeValue}) or `null` for none. */
export type Value = string | null

/** What the recorder accepts as a value: bytes are stored as lowercase hex. */
export type ValueInput = string | Uint8Array | null

/** Register operations: `delete` is a write of `null`; `cas` completes `ok` if it swapped, `fail` if not. */
export type RegisterF = 'read' | 'write' | 'cas' | 'delete'

/** One event of a register history. */
export interface RegisterEvent {
  /** Position in the history (0, 1, 2, ...). */
  index: number
  /** Caller's clock; non-decreasing along the history. */
  time: number
  /** The client; at most one outstanding op per process. */
  process: number
  type: EventType
  f: RegisterF
  key: string
  /**
   * `write`: the value written; `cas`: the new value; `delete`: `null`; `read`: `null` on the
   * invocation and on `fail`/`info`, the value read on `ok`.
   */
  value: Value
  /** `cas` only: the value the register must hold for the swap to happen (`null`: absent). */
  expected?: Value
}

/** An operation handed to {@link RegisterHistory.invoke}. */
export type RegisterOpInput =
  | { f: 'read', key: string }
  | { f: 'write', key: string, value: ValueInput }
  | { f: 'cas', key: string, expected: ValueInput, value: ValueInput }
  | { f: 'delete', key: string }

/** Set workload operations (Jepsen set-full): `add` one unique element, `read` the whole set. */
export type SetF = 'add' | 'read'

/** One event of a set history. */
export interface SetEvent {
  index: number
  time: number
  process: number
  type: EventType
  f: SetF
  /** `add`: the element; `read`: `null`, except on `ok`: the elements read. */
  value: string | string[] | null
}

/** A paired register operation: its invocation and its completion (if any). */
export interface RegisterOperation {
  process: number
  f: RegisterF
  key: string
  /** As in {@link RegisterEvent}: for a read, the value read (`null` unless `ok`). */
  value: Value
  expected?: Value
  /** `info` also for an op still open at the end of the history. */
  status: 'ok' | 'fail' | 'info'
  invokeIndex: number
  /** `null` for an op that never completed (open at the end). */
  completeIndex: number | null
  invokeTime: number
  completeTime: number | null
}

const HEX = '0123456789abcdef'

/** Encodes a value for a history: strings unchanged, bytes as lowercase hex, `null` as `null`. */
export function encodeValue (value: ValueInput): Value {
  if (value === null || typeof value === 'string') { return value }
  let out = ''
  for (const b of value) { out += HEX[b >> 4] + HEX[b & 15] }
  assert(out.length === value.length * 2, 'two hex digits per byte')
  return out
}

interface BaseEvent { index: number, time: number, process: number, type: EventType }

/** Process bookkeeping shared by the recorders: one open op per process, crashed processes, time order. */
abstract class Recorder<E extends BaseEvent> {
  readonly #events: E[] = []
  readonly #open = new Map<number, E>()
  readonly #crashed = new Set<number>()
  #lastTime = -Infinity

  /** The events so far, in order. Do not mutate. */
  get events (): readonly E[] { return this.#events }

  /** Processes with an outstanding op. */
  get openProcesses (): number[] { return [...this.#open.keys()] }

  /** A copy of the history, for JSON or for a checker. */
  toJSON (): E[] { return this.#events.map(e => ({ ...e })) }

  protected push (event: Omit<E, 'index'>): E {
    const { process, time, type } = event
    assert(Number.isSafeInteger(process) && process >= 0, () => `process ids are non-negative integers, got ${process}`)
    assert(Number.isFinite(time) && time >= this.#lastTime, () => `time must not decrease: ${time} after ${this.#lastTime}`)
    assert(this.#events.length < HISTORY_EVENTS_MAX, 'history over HISTORY_EVENTS_MAX events')
    assert(!this.#crashed.has(process), () => `process ${process} crashed (info) and cannot invoke again; use a fresh process id`)
    const open = this.#open.get(process)
    if (type === 'invoke') {
      assert(open === undefined, () => `process ${process} already has an outstanding op (invoked at event ${open?.index})`)
    } else {
      assert(open !== undefined, () => `process ${process} has no outstanding op to complete with ${type}`)
    }
    const full = { ...event, index: this.#events.length } as E
    this.#events.push(full)
    this.#lastTime = time
    if (type === 'invoke') {
      this.#open.set(process, full)
    } else {
      this.#open.delete(process)
      if (type === 'info') { this.#crashed.add(process) }
    }
    assert(this.#events[full.index] === full, 'event stored at its index')
    return full
  }

  protected openOp (process: number): E {
    const open = this.#open.get(process)
    assert(open !== undefined, () => `process ${process} has no outstanding op`)
    return open
  }
}

/**
 * Records a register history (keyed registers: read, write, cas, delete). Misuse (a second op
 * on a busy process, an op on a crashed process, time going back) fails an assertion.
 *
 * @example
 * ```ts
 * const h = new RegisterHistory()
 * h.invoke(1, 0, { f: 'write', key: 'k', value: 'a' })
 * h.invoke(2, 1, { f: 'read', key: 'k' })
 * h.ok(1, 2)
 * h.ok(2, 3, 'a') // the value read
 * checkLinearizable(h.events) // { verdict: 'ok', ... }
 * ```
 */
export class RegisterHistory extends Recorder<RegisterEvent> {
  /** Records an invocation by `process` at `time`. */
  invoke (process: number, time: number, op: RegisterOpInput): RegisterEvent {
    assert(typeof op.key === 'string', 'keys are strings')
    switch (op.f) {
      case 'read': return this.push({ time, process, type: 'invoke', f: 'read', key: op.key, value: null })
      case 'write': return this.push({ time, process, type: 'invoke', f: 'write', key: op.key, value: encodeValue(op.value) })
      case 'delete': return this.push({ time, process, type: 'invoke', f: 'delete', key: op.key, value: null })
      case 'cas': return this.push({ time, process, type: 'invoke', f: 'cas', key: op.key, value: encodeValue(op.value), expected: encodeValue(op.expected) })
      default: return unreachable(op, 'unknown register op')
    }
  }

  /** The op of `process` took place; a read passes the value it read (`null`: absent). */
  ok (process: number, time: number, value?: ValueInput): RegisterEvent {
    const inv = this.openOp(process)
    if (inv.f === 'read') {
      assert(value !== undefined, 'a read completes ok with the value read (null if absent)')
      return this.push({ ...this.#completion(inv, 'ok', time), value: encodeValue(value) })
    }
    assert(value === undefined, 'only reads complete with a value')
    return this.push(this.#completion(inv, 'ok', time))
  }

  /** The op of `process` did not take place (a cas whose comparison failed, a refused write). */
  fail (process: number, time: number): RegisterEvent {
    return this.push(this.#completion(this.openOp(process), 'fail', time))
  }

  /** The outcome of the op of `process` is unknown (timeout); the process is crashed from now on. */
  info (process: number, time: number): RegisterEvent {
    return this.push(this.#completion(this.openOp(process), 'info', time))
  }

  #completion (inv: RegisterEvent, type: EventType, time: number): Omit<RegisterEvent, 'index'> {
    const { index: _, ...rest } = inv
    return { ...rest, type, time }
  }
}

/**
 * Records a set history for {@link checkSetFull}: `add` of unique elements and `read` of the
 * whole set.
 */
export class SetHistory extends Recorder<SetEvent> {
  /** Records the invocation of `add(element)` or of a read. */
  invoke (process: number, time: number, op: { f: 'add', element: string } | { f: 'read' }): SetEvent {
    if (op.f === 'add') {
      assert(typeof op.element === 'string', 'set elements are strings')
      return this.push({ time, process, type: 'invoke', f: 'add', value: op.element })
    }
    return this.push({ time, process, type: 'invoke', f: 'read', value: null })
  }

  /** The op took place; a read passes the elements it saw. */
  ok (process: number, time: number, elements?: readonly string[]): SetEvent {
    const inv = this.openOp(process)
    if (inv.f === 'read') {
      assert(Array.isArray(elements), 'a read completes ok with the elements read')
      return this.push({ time, process, type: 'ok', f: 'read', value: [...elements] })
    }
    assert(elements === undefined, 'only reads complete with elements')
    return this.push({ time, process, type: 'ok', f: 'add', value: inv.value })
  }

  /** The op did not take place. */
  fail (process: number, time: number): SetEvent {
    const inv = this.openOp(process)
    return this.push({ time, process, type: 'fail', f: inv.f, value: inv.f === 'add' ? inv.value : null })
  }

  /** Outcome unknown; the process is crashed from now on. */
  info (process: number, time: number): SetEvent {
    const inv = this.openOp(process)
    return this.push({ time, process, type: 'info', f: inv.f, value: inv.f === 'add' ? inv.value : null })
  }
}

const EVENT_TYPES = new Set<unknown>(['invoke', 'ok', 'fail', 'info'])
const REGISTER_FS = new Set<unknown>(['read', 'write', 'cas', 'delete'])
const SET_FS = new Set<unknown>(['add', 'read'])

function bad (i: number, what: string): never {
  throw new InvalidHistoryError(`event ${i}: ${what}`)
}

const isValue = (v: unknown): v is Value => v === null || typeof v === 'string'

/**
 * Checks the shape shared by both kinds of history and the pairing of events; `fields` checks
 * one event's own fields, `sameOp` that a completion belongs to its invocation.
 */
function validateEvents<E extends BaseEvent> (events: unknown, fields: (e: Record<string, unknown>, i: number) => void, sameOp: (inv: E, done: E) => boolean): asserts events is E[] {
  if (!Array.isArray(events)) { throw new InvalidHistoryError('a history is an array of events') }
  if (events.length > HISTORY_EVENTS_MAX) { throw new InvalidHistoryError(`history of ${events.length} events is over HISTORY_EVENTS_MAX`) }
  const open = new Map<number, E>()
  const crashed = new Set<number>()
  let lastTime = -Infinity
  for (let i = 0; i < events.length; i++) {
    const e: unknown = events[i]
    if (e === null || typeof e !== 'object') { bad(i, 'not an object') }
    const r = e as Record<string, unknown>
    if (r.index !== i) { bad(i, `index ${String(r.index)} is not its position`) }
    if (typeof r.time !== 'number' || !Number.isFinite(r.time)) { bad(i, 'time is not a finite number') }
    if (r.time < lastTime) { bad(i, `time ${r.time} is before the previous event's ${lastTime}`) }
    lastTime = r.time
    if (typeof r.process !== 'number' || !Number.isSafeInteger(r.process) || r.process < 0) { bad(i, 'process is not a non-negative integer') }
    if (!EVENT_TYPES.has(r.type)) { bad(i, `unknown type ${String(r.type)}`) }
    fields(r, i)
    const ev = r as unknown as E
    if (crashed.has(ev.process)) { bad(i, `process ${ev.process} crashed (info) earlier and cannot act again`) }
    const inv = open.get(ev.process)
    if (ev.type === 'invoke') {
      if (inv !== undefined) { bad(i, `process ${ev.process} already has an op open since event ${inv.index}`) }
      open.set(ev.process, ev)
      continue
    }
    if (inv === undefined) { bad(i, `${ev.type} of process ${ev.process}, which has no open op`) }
    if (!sameOp(inv, ev)) { bad(i, `completion does not match its invocation at event ${inv.index}`) }
    open.delete(ev.process)
    if (ev.type === 'info') { crashed.add(ev.process) }
  }
}

/** Validates a register history (e.g. one read from JSON); throws {@link InvalidHistoryError} on the first bad event. */
export function validateRegisterHistory (events: unknown): asserts events is RegisterEvent[] {
  validateEvents<RegisterEvent>(events, (r, i) => {
    if (!REGISTER_FS.has(r.f)) { bad(i, `unknown f ${String(r.f)}`) }
    if (typeof r.key !== 'string') { bad(i, 'key is not a string') }
    if (!isValue(r.value)) { bad(i, 'value is neither a string nor null') }
    if (r.f === 'cas' ? !isValue(r.expected) : r.expected !== undefined) { bad(i, 'expected is for cas only, and must be a string or null') }
    if ((r.f === 'delete' || (r.f === 'read' && r.type !== 'ok')) && r.value !== null) { bad(i, `${String(r.f)} ${String(r.type)} carries no value`) }
  }, (inv, done) => inv.f === done.f && inv.key === done.key &&
    (inv.f === 'read' || (inv.value === done.value && inv.expected === done.expected)))
}

/** Validates a set history; throws {@link InvalidHistoryError} on the first bad event. */
export function validateSetHistory (events: unknown): asserts events is SetEvent[] {
  validateEvents<SetEvent>(events, (r, i) => {
    if (!SET_FS.has(r.f)) { bad(i, `unknown f ${String(r.f)}`) }
    if (r.f === 'add' && typeof r.value !== 'string') { bad(i, 'an add carries its element, a string') }
    if (r.f === 'read' && r.type === 'ok' && !(Array.isArray(r.value) && r.value.every(x => typeof x === 'string'))) { bad(i, 'a read ok carries an array of strings') }
    if (r.f === 'read' && r.type !== 'ok' && r.value !== null) { bad(i, 'a read carries no value unless ok') }
  }, (inv, done) => inv.f === done.f && (inv.f === 'read' || inv.value === done.value))
}

/**
 * Pairs the events of a valid register history into operations, in order of invocation. Ops
 * open at the end of the history get status `info`.
 */
export function registerOperations (events: readonly RegisterEvent[]): RegisterOperation[] {
  const ops: RegisterOperation[] = []
  const open = new Map<number, RegisterOperation>()
  for (const e of events) {
    if (e.type === 'invoke') {
      const op: RegisterOperation = {
        process: e.process,
        f: e.f,
        key: e.key,
        value: e.value,
        status: 'info',
        invokeIndex: e.index,
        completeIndex: null,
        invokeTime: e.time,
        completeTime: null
      }
      if (e.f === 'cas') { op.expected = e.expected }
      ops.push(op)
      open.set(e.process, op)
      continue
    }
    const op = open.get(e.process)
    assert(op !== undefined, 'a valid history completes only open ops')
    open.delete(e.process)
    op.status = e.type
    op.completeIndex = e.index
    op.completeTime = e.time
    if (e.f === 'read') { op.value = e.type === 'ok' ? e.value : null }
  }
  assert(ops.length <= events.length, 'at most one op per event')
  return ops
}

/**
 * The Wing–Gong linearizability search with Lowe's memoization, over a model whose states are
 * small non-negative integers (the caller interns them). This is the algorithm of porcupine's
 * `checkSingle`: the history is a doubly linked list of call and return entries in real-time
 * order; the search walks it from the head, linearizes a call whenever the model allows it and
 * the resulting (linearized set, state) pair has not been explored before, lifts that op out of
 * the list, and backtracks when it meets the return of an op it has not linearized. Lowe's
 * cache of explored (bitset, state) pairs makes the search polynomial in the history length
 * for bounded concurrency.
 *
 * Optional ops (Jepsen `info`) have a call and no return: they may be linearized anywhere after
 * their call, or never (equivalently: last). The search succeeds once every required op is
 * linearized. Pending optional ops are what makes the search blow up (each one doubles the
 * configurations), so they get four extra rules, each sound: interchangeable optional ops are
 * used in order of invocation (`after`); an optional op is linearized only just before an op
 * that observes its effect (`observer`); at each node required calls are tried before optional
 * ones; and a configuration is pruned when one with the same required ops and state and fewer
 * optional ops linearized was explored (dominance: it could do everything this one can).
 * The cached state carries one more bit, "the last op was optional", since such a
 * configuration may only continue with an observer.
 */
import { assert } from '@selfmgmt/interface'
import { DOMINANCE_SCAN_MAX, LINEARIZABLE_CACHE_WORDS_MAX } from './constants.ts'

/** A single-object linearizability problem. */
export interface WglProblem {
  /** Number of ops, numbered 0..ops-1. */
  ops: number
  /** Call and return entries in real-time order: `op * 2` for a call, `op * 2 + 1` for a return. */
  entries: Int32Array
  /** 1 if the op must be linearized (completed ok), 0 if it may take effect or not (info). */
  required: Uint8Array
  initialState: number
  /** The state after applying `op` in `state`, or -1 if the model does not allow it. Pure. */
  step(state: number, op: number): number
  /** Budget: cached states at most, then the answer is `unknown`. */
  statesMax: number
  /**
   * Symmetry breaking for interchangeable optional ops: op `i` may be linearized only after op
   * `after[i]` (-1: no constraint). Sound when `after[i]` is an optional op with the same effect
   * that was called earlier: any linearization using `i` and not `after[i]` stays legal with
   * `after[i]` in its place.
   */
  after?: Int32Array
  /**
   * 1 if the op's legality depends on the state (a read, a cas), 0 if it is legal in every state
   * (a blind write). With it, an optional op must be followed at once by an observer: an
   * optional op whose effect nobody observes before the next write can be left out, and one
   * that is observed can be moved to just before its first observer, so this loses nothing.
   */
  observer?: Uint8Array
  /** Prune by dominance (default true); off only to compare against the plain search. */
  dominance?: boolean
}

/** Outcome of {@link wglSearch}. */
export type WglResult =
  | { kind: 'ok', states: number, order: number[] }
  | { kind: 'illegal', states: number, stuckOp: number, prefix: number[], prefixState: number, candidates: number[] }
  | { kind: 'unknown', states: number, reason: string }

/**
 * Lowe's cache: a set of (bitset, state) pairs, open addressing on a 32-bit hash, bitsets kept
 * in one growing arena so a million states cost no per-entry objects.
 */
class StateCache {
  readonly words: number
  size = 0
  #arena: Uint32Array
  #states: Int32Array
  #hashes: Uint32Array
  #table: Int32Array

  constructor (words: number) {
    this.words = words
    this.#arena = new Uint32Array(words * 1024)
    this.#states = new Int32Array(1024)
    this.#hashes = new Uint32Array(1024)
    this.#table = new Int32Array(2048).fill(-1)
  }

  /** Adds the pair unless present; returns its entry id, or -1 if it was already there. */
  add (bits: Uint32Array, hash: number, state: number): number {
    const h = (hash ^ Math.imul(state + 0x632be5ab, 0x9e3779b1)) >>> 0
    const mask = this.#table.length - 1
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = this.#table[slot]
      if (e < 0) { return this.#store(bits, h, state, slot) }
      if (this.#hashes[e] === h && this.#states[e] === state && this.#same(e, bits)) { return -1 }
    }
  }

  /**
   * Entry `e` has the same model state (`state >> 1`), is no more constrained (`state & 1`),
   * linearized a subset of `bits` and lacks only ops marked in `optional`.
   */
  dominates (e: number, bits: Uint32Array, state: number, optional: Uint32Array): boolean {
    const stored = this.#states[e]
    if ((stored >> 1) !== (state >> 1) || (stored & 1) > (state & 1)) { return false }
    const base = e * this.words
    for (let w = 0; w < this.words; w++) {
      const had = this.#arena[base + w]
      if ((had & ~bits[w]) !== 0 || (bits[w] & ~had & ~optional[w]) !== 0) { return false }
    }
    return true
  }

  #same (e: number, bits: Uint32Array): boolean {
    const base = e * this.words
    for (let w = 0; w < this.words; w++) {
      if (this.#arena[base + w] !== bits[w]) { return false }
    }
    return true
  }

  #store (bits: Uint32Array, h: number, state: number, slot: number): number {
    const e = this.size++
    if (e === this.#states.length) { this.#grow() }
    this.#arena.set(bits, e * this.words)
    this.#states[e] = state
    this.#hashes[e] = h
    this.#table[slot] = e
    if (this.size * 2 > this.#table.length) { this.#rehash() }
    return e
  }

  #grow (): void {
    const cap = this.#states.length * 2
    const arena = new Uint32Array(cap * this.words)
    arena.set(this.#arena)
    this.#arena = arena
    const states = new Int32Array(cap)
    states.set(this.#states)
    this.#states = states
    const hashes = new Uint32Array(cap)
    hashes.set(this.#hashes)
    this.#hashes = hashes
  }

  #rehash (): void {
    const table = new Int32Array(this.#table.length * 2).fill(-1)
    const mask = table.length - 1
    for (let e = 0; e < this.size; e++) {
      let slot = this.#hashes[e] & mask
      while (table[slot] >= 0) { slot = (slot + 1) & mask }
      table[slot] = e
    }
    this.#table = table
  }
}

/** Deterministic per-op random words for Zobrist hashing of the linearized set (splitmix32). */
function zobrist (n: number): Uint32Array {
  const z = new Uint32Array(n)
  let s = 0x9e3779b9
  for (let i = 0; i < n; i++) {
    s = (s + 0x9e3779b9) | 0
    let x = s
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
    z[i] = (x ^ (x >>> 16)) >>> 0
  }
  return z
}

/** The entry list: `next`/`prev` over entry positions, with a head sentinel at position `len`. */
interface EntryList { next: Int32Array, prev: Int32Array, match: Int32Array, head: number }

function buildList (p: WglProblem): EntryList {
  const len = p.entries.length
  const next = new Int32Array(len + 1)
  const prev = new Int32Array(len + 1)
  const match = new Int32Array(len).fill(-1)
  const callAt = new Int32Array(p.ops).fill(-1)
  const head = len
  let last = head
  for (let i = 0; i < len; i++) {
    const e = p.entries[i]
    const op = e >> 1
    assert(op >= 0 && op < p.ops, 'entries name ops 0..ops-1')
    if ((e & 1) === 0) {
      assert(callAt[op] === -1, 'one call per op')
      callAt[op] = i
    } else {
      assert(callAt[op] >= 0 && match[callAt[op]] === -1 && p.required[op] === 1, 'a return follows its call, and only required ops return')
      match[callAt[op]] = i
    }
    next[last] = i
    prev[i] = last
    last = i
  }
  next[last] = -1
  return { next, prev, match, head }
}

/** Runs the search. Time and memory are bounded by `statesMax` and {@link LINEARIZABLE_CACHE_WORDS_MAX}. */
export function wglSearch (p: WglProblem): WglResult {
  return new Search(p).run()
}

/** Where the search got furthest before being stuck: a return entry, the linearization, the state. */
interface Stuck { entry: number, prefix: Int32Array, state: number }

/** What {@link Search.tryLinearize} did. */
const SKIPPED = 0
const PUSHED = 1
const OVER_BUDGET = 2

class Search {
  readonly p: WglProblem
  readonly list: EntryList
  readonly bits: Uint32Array
  /** Bit set for every optional op. */
  readonly optional: Uint32Array
  /** Dominance pruning is on (there are optional ops, and the caller did not turn it off). */
  readonly useDominance: boolean
  readonly after: Int32Array
  readonly observer: Uint8Array
  readonly z: Uint32Array
  readonly cache: StateCache
  /** (required ops linearized, state) → cache entries with that pair, for the dominance check. */
  readonly dominance = new Map<number, number[]>()
  readonly statesMax: number
  readonly stackEntry: Int32Array
  readonly stackState: Int32Array
  readonly stackPhase: Uint8Array
  depth = 0
  /** Zobrist hash of the linearized set, and of its required part only. */
  hash = 0
  hashRequired = 0
  state: number
  remaining = 0
  stuck: Stuck | undefined

  constructor (p: WglProblem) {
    this.p = p
    this.list = buildList(p)
    const words = Math.max(1, Math.ceil(p.ops / 32))
    this.statesMax = Math.min(p.statesMax, Math.floor(LINEARIZABLE_CACHE_WORDS_MAX / words))
    this.bits = new Uint32Array(words)
    this.optional = new Uint32Array(words)
    this.after = p.after ?? new Int32Array(p.ops).fill(-1)
    this.observer = p.observer ?? new Uint8Array(p.ops).fill(1)
    assert(this.after.length === p.ops && this.observer.length === p.ops, 'one after and observer entry per op')
    this.z = zobrist(p.ops)
    this.cache = new StateCache(words)
    this.stackEntry = new Int32Array(p.ops)
    this.stackState = new Int32Array(p.ops)
    this.stackPhase = new Uint8Array(p.ops)
    this.state = p.initialState
    for (let op = 0; op < p.ops; op++) {
      this.remaining += p.required[op]
      if (p.required[op] === 0) { this.optional[op >>> 5] |= 1 << (op & 31) }
    }
    this.useDominance = this.remaining < p.ops && p.dominance !== false
  }

  /**
   * The search. Each node scans the list up to its first return entry twice: phase 0 tries the
   * required calls, phase 1 the optional ones, so configurations that keep optional ops in hand
   * are explored first and dominate (prune) those that spent them.
   */
  run (): WglResult {
    const { entries, required } = this.p
    const { next, head } = this.list
    let entry = next[head]
    let phase = 0
    let sawOptional = false
    while (this.remaining > 0) {
      assert(entry >= 0, 'a required op still has its return in the list')
      const e = entries[entry]
      const op = e >> 1
      if ((e & 1) === 1) {
        if (phase === 0) {
          this.noteStuck(entry)
          if (sawOptional) {
            phase = 1
            entry = next[head]
            continue
          }
        }
        if (this.depth === 0) { return this.illegal() }
        phase = this.stackPhase[this.depth - 1]
        entry = this.backtrack()
        sawOptional = true // the scan resumes mid-list: assume optional calls were passed
        continue
      }
      if (required[op] === 0) { sawOptional = true }
      if (required[op] !== 1 - phase) {
        entry = next[entry]
        continue
      }
      const r = this.tryLinearize(entry, op, phase)
      if (r === OVER_BUDGET) {
        return { kind: 'unknown', states: this.cache.size, reason: `search budget exceeded: more than ${this.statesMax} states explored` }
      }
      if (r === SKIPPED) {
        entry = next[entry]
        continue
      }
      entry = next[head]
      phase = 0
      sawOptional = false
    }
    const order: number[] = []
    for (let d = 0; d < this.depth; d++) { order.push(entries[this.stackEntry[d]] >> 1) }
    return { kind: 'ok', states: this.cache.size, order }
  }

  /** Whether the last op linearized is optional: then the next must observe its effect. */
  mustObserve (): boolean {
    return this.depth > 0 && this.p.required[this.p.entries[this.stackEntry[this.depth - 1]] >> 1] === 0
  }

  /** Linearizes `op` here unless the model refuses or an equal or dominating configuration was explored. */
  tryLinearize (entry: number, op: number, phase: number): number {
    const a = this.after[op]
    if (a >= 0 && (this.bits[a >>> 5] & (1 << (a & 31))) === 0) { return SKIPPED }
    if (this.observer[op] === 0 && this.mustObserve()) { return SKIPPED }
    const next = this.p.step(this.state, op)
    if (next < 0) { return SKIPPED }
    // Cached state: the model state and the "last op was optional" bit.
    const ns = next * 2 + 1 - this.p.required[op]
    const w = op >>> 5
    const b = 1 << (op & 31)
    this.bits[w] |= b
    const hash = this.hash ^ this.z[op]
    const hashRequired = this.p.required[op] === 1 ? this.hashRequired ^ this.z[op] : this.hashRequired
    const dkey = (hashRequired ^ Math.imul(next + 0x7f4a7c15, 0x85ebca6b)) >>> 0
    const id = this.useDominance && this.dominated(dkey, ns) ? -1 : this.cache.add(this.bits, hash, ns)
    if (id < 0) {
      this.bits[w] &= ~b
      return SKIPPED
    }
    if (this.cache.size > this.statesMax) { return OVER_BUDGET }
    if (this.useDominance) {
      const list = this.dominance.get(dkey)
      if (list === undefined) { this.dominance.set(dkey, [id]) } else { list.push(id) }
    }
    this.hash = hash
    this.hashRequired = hashRequired
    this.stackEntry[this.depth] = entry
    this.stackPhase[this.depth] = phase
    this.stackState[this.depth++] = this.state
    this.state = next
    this.remaining -= this.p.required[op]
    this.lift(entry)
    return PUSHED
  }

  /**
   * Whether an explored configuration has the same required ops and state and a subset of the
   * optional ops linearized (then everything possible from here was possible from there). Scans
   * the most recent {@link DOMINANCE_SCAN_MAX} candidates; the exact cache catches the rest.
   */
  dominated (dkey: number, state: number): boolean {
    const list = this.dominance.get(dkey)
    if (list === undefined) { return false }
    const stop = Math.max(0, list.length - DOMINANCE_SCAN_MAX)
    for (let i = list.length - 1; i >= stop; i--) {
      if (this.cache.dominates(list[i], this.bits, state, this.optional)) { return true }
    }
    return false
  }

  noteStuck (entry: number): void {
    if (this.mustObserve()) { return }
    if (this.stuck === undefined || entry > this.stuck.entry) {
      this.stuck = { entry, prefix: this.stackEntry.slice(0, this.depth), state: this.state }
    }
  }

  /** Undoes the last linearization; returns the entry to continue from (the one after it). */
  backtrack (): number {
    const entry = this.stackEntry[--this.depth]
    this.state = this.stackState[this.depth]
    const op = this.p.entries[entry] >> 1
    this.bits[op >>> 5] &= ~(1 << (op & 31))
    this.hash ^= this.z[op]
    if (this.p.required[op] === 1) { this.hashRequired ^= this.z[op] }
    this.remaining += this.p.required[op]
    this.unlift(entry)
    return this.list.next[entry]
  }

  lift (i: number): void {
    const { next, prev, match } = this.list
    next[prev[i]] = next[i]
    if (next[i] >= 0) { prev[next[i]] = prev[i] }
    const m = match[i]
    if (m >= 0) {
      next[prev[m]] = next[m]
      if (next[m] >= 0) { prev[next[m]] = prev[m] }
    }
  }

  unlift (i: number): void {
    const { next, prev, match } = this.list
    const m = match[i]
    if (m >= 0) {
      next[prev[m]] = m
      if (next[m] >= 0) { prev[next[m]] = m }
    }
    next[prev[i]] = i
    if (next[i] >= 0) { prev[next[i]] = i }
  }

  /**
   * The witness of the furthest point reached: the op whose return blocked, the linearization so
   * far, and the candidates (ops called before that return and not linearized, the stuck op
   * included).
   */
  illegal (): WglResult {
    const s = this.stuck
    assert(s !== undefined, 'an exhausted search was stuck somewhere')
    const { entries, required } = this.p
    const prefix = Array.from(s.prefix, i => entries[i] >> 1)
    const inPrefix = new Set(prefix)
    const candidates: number[] = []
    for (let i = 0; i < s.entry; i++) {
      const op = entries[i] >> 1
      if ((entries[i] & 1) === 0 && !inPrefix.has(op)) { candidates.push(op) }
    }
    const stuckOp = entries[s.entry] >> 1
    assert(required[stuckOp] === 1 && !inPrefix.has(stuckOp) && candidates.includes(stuckOp), 'the stuck op is required, open and not linearized')
    return { kind: 'illegal', states: this.cache.size, stuckOp, prefix, prefixState: s.state, candidates }
  }
}

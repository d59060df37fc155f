/**
 * Defaults and limits of the checkers, each with its reason.
 */

/**
 * Events in one history (recorder and validator). A simulated run of 10 minutes at 10 000 ops/s
 * is 6 M ops; beyond this a history should be split into several checks.
 */
export const HISTORY_EVENTS_MAX = 20_000_000

/**
 * Default search budget of the linearizability checker: states (linearized set, register value)
 * cached per key. A legal key with concurrency 5–10 needs about one state per op; an illegal
 * one is proved by exhausting its reachable states, which stays far below this for concurrency
 * ≤ 10 and no more than a handful of pending `info` ops. Each state costs about n/8 + 16 bytes
 * for a key with n ops.
 */
export const LINEARIZABLE_STATES_MAX = 1_000_000

/**
 * Memory cap of the search cache, in 32-bit words (256 MiB), whatever the state budget: a key
 * with very many ops makes each cached bitset large, and the search then answers `unknown`
 * rather than exhausting the heap.
 */
export const LINEARIZABLE_CACHE_WORDS_MAX = 64 * 1024 * 1024

/**
 * Dominance candidates scanned per configuration (same required ops and state, fewer optional
 * ops linearized). Keeps the check O(1) per step; older candidates are still found by the exact
 * cache when equal.
 */
export const DOMINANCE_SCAN_MAX = 64

/**
 * Operations listed in a witness's linearization (the longest linearizable prefix). A long key
 * would otherwise produce a witness as large as its history; the most recent ops explain the
 * violation, the rest is counted in `linearizedCount`.
 */
export const WITNESS_OPS_MAX = 64

/** Elements quoted by name in the set-full report's `worstStale` list (Jepsen shows 8). */
export const WORST_STALE_MAX = 8

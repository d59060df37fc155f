/**
 * Small statistics helpers for reports: mean and nearest-rank percentiles.
 */

export function mean (xs: readonly number[]): number {
  if (xs.length === 0) { return 0 }
  let s = 0
  for (const x of xs) { s += x }
  return s / xs.length
}

/** Nearest-rank percentile (p in [0, 100]) of unsorted values; 0 for an empty list. */
export function percentile (xs: readonly number[], p: number): number {
  if (xs.length === 0) { return 0 }
  const sorted = Float64Array.from(xs).sort()
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p / 100 * sorted.length)))
  return sorted[rank - 1]
}

export function max (xs: readonly number[]): number {
  let m = 0
  for (const x of xs) { if (x > m) { m = x } }
  return m
}

/** Rounds to `digits` decimals (for JSON output). */
export function round (x: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

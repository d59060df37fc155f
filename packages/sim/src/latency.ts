/**
 * Latency models: one-way delay in ms between two simulated nodes (by index), as a function of
 * the pair and a jitter stream. All seeded; a node's placement depends only on the seed and its
 * index, so adding nodes never moves others.
 *
 * The PlanetLab-like model (reference/perf.md §2.3): nodes placed in world regions with
 * PlanetLab-like weights, RTT = great-circle distance / (100 km per ms) × 1.6 inflation +
 * 2·(h_a + h_b) access delay with h = 0.5 ms + Exp(3 ms). Over random pairs it gives a median RTT
 * of about 125 ms, p90 about 200 ms, p99 about 300 ms. One-way delay is RTT / 2 times a small
 * log-normal jitter.
 */
import { InvalidParametersError } from '@selfmgmt/interface'
import { Rng, mix32 } from './prng.ts'

export interface LatencyModel {
  readonly name: string
  /** One-way delay from src to dst in ms, jitter drawn from `rng`. */
  oneWayMs(src: number, dst: number, rng: Rng): number
  /** The jitter-free round-trip time, for statistics and calibration. */
  rttMs(src: number, dst: number): number
}

export function constantLatency (oneWayMs: number): LatencyModel {
  if (!(oneWayMs >= 0)) { throw new InvalidParametersError(`constant latency must be ≥ 0 ms, got ${oneWayMs}`) }
  return { name: `constant:${oneWayMs}`, oneWayMs: () => oneWayMs, rttMs: () => 2 * oneWayMs }
}

export function uniformLatency (minMs: number, maxMs: number): LatencyModel {
  if (!(minMs >= 0 && maxMs >= minMs)) { throw new InvalidParametersError(`uniform latency needs 0 ≤ min ≤ max, got ${minMs}..${maxMs}`) }
  return {
    name: `uniform:${minMs}-${maxMs}`,
    oneWayMs: (_s, _d, rng) => minMs + rng.next() * (maxMs - minMs),
    rttMs: () => minMs + maxMs
  }
}

interface Region { name: string, weight: number, lat: number, lon: number }

/** PlanetLab-like site weights (reference/perf.md §2.3). */
export const PLANETLAB_REGIONS: readonly Region[] = [
  { name: 'na-east', weight: 0.28, lat: 40, lon: -75 },
  { name: 'na-west', weight: 0.17, lat: 37, lon: -120 },
  { name: 'europe', weight: 0.35, lat: 49, lon: 8 },
  { name: 'east-asia', weight: 0.12, lat: 35, lon: 125 },
  { name: 'south-america', weight: 0.04, lat: -23, lon: -47 },
  { name: 'oceania', weight: 0.04, lat: -33, lon: 151 }
]

const EARTH_RADIUS_KM = 6371
const KM_PER_RTT_MS = 100
const INFLATION = 1.6
const ACCESS_BASE_MS = 0.5
const ACCESS_MEAN_MS = 3
const JITTER_SIGMA = 0.05

/**
 * The PlanetLab-like model. Node placement is computed on first use from (seed, index) and
 * cached in typed arrays: unit vectors for great-circle angles and the access delay.
 */
export class PlanetLabLatency implements LatencyModel {
  readonly name = 'planetlab'
  private readonly seed: number
  private x = new Float64Array(0)
  private y = new Float64Array(0)
  private z = new Float64Array(0)
  private h = new Float64Array(0)
  private region = new Uint8Array(0)
  private placed = 0

  constructor (seed: number) {
    this.seed = seed >>> 0
  }

  oneWayMs (src: number, dst: number, rng: Rng): number {
    return this.rttMs(src, dst) / 2 * Math.exp(JITTER_SIGMA * rng.normal())
  }

  rttMs (src: number, dst: number): number {
    this.ensure(Math.max(src, dst) + 1)
    if (src === dst) { return 2 * this.h[src] }
    const dot = this.x[src] * this.x[dst] + this.y[src] * this.y[dst] + this.z[src] * this.z[dst]
    const km = Math.acos(Math.max(-1, Math.min(1, dot))) * EARTH_RADIUS_KM
    return km / KM_PER_RTT_MS * INFLATION + 2 * (this.h[src] + this.h[dst])
  }

  /** The region name of a node, for reports. */
  regionOf (i: number): string {
    this.ensure(i + 1)
    return PLANETLAB_REGIONS[this.region[i]].name
  }

  private ensure (n: number): void {
    if (n <= this.placed) { return }
    const cap = Math.max(n, this.placed * 2, 1024)
    if (cap > this.x.length) {
      const grow = <T extends Float64Array | Uint8Array>(a: T, make: (k: number) => T): T => { const b = make(cap); b.set(a); return b }
      this.x = grow(this.x, k => new Float64Array(k))
      this.y = grow(this.y, k => new Float64Array(k))
      this.z = grow(this.z, k => new Float64Array(k))
      this.h = grow(this.h, k => new Float64Array(k))
      this.region = grow(this.region, k => new Uint8Array(k))
    }
    for (let i = this.placed; i < n; i++) { this.place(i) }
    this.placed = n
  }

  private place (i: number): void {
    const rng = new Rng(mix32(this.seed ^ mix32(i + 0x632be5ab)), 'placement')
    let u = rng.next()
    let r = 0
    while (r < PLANETLAB_REGIONS.length - 1 && u >= PLANETLAB_REGIONS[r].weight) { u -= PLANETLAB_REGIONS[r].weight; r++ }
    const reg = PLANETLAB_REGIONS[r]
    const lat = (reg.lat + 5 * rng.normal()) * Math.PI / 180
    const lon = (reg.lon + 8 * rng.normal()) * Math.PI / 180
    this.x[i] = Math.cos(lat) * Math.cos(lon)
    this.y[i] = Math.cos(lat) * Math.sin(lon)
    this.z[i] = Math.sin(lat)
    this.h[i] = ACCESS_BASE_MS + rng.exp(ACCESS_MEAN_MS)
    this.region[i] = r
  }
}

/** Parses `planetlab`, `constant:MS` or `uniform:MIN-MAX`. */
export function parseLatency (spec: string, seed: number): LatencyModel {
  if (spec === 'planetlab') { return new PlanetLabLatency(seed) }
  const c = /^constant:(\d+(?:\.\d+)?)$/.exec(spec)
  if (c !== null) { return constantLatency(Number(c[1])) }
  const u = /^uniform:(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(spec)
  if (u !== null) { return uniformLatency(Number(u[1]), Number(u[2])) }
  throw new InvalidParametersError(`unknown latency model "${spec}": expected planetlab, constant:MS or uniform:MIN-MAX`)
}

/**
 * Seeded pseudo-random streams (sfc32), forked by name so that extra draws in one subsystem
 * (latency jitter, say) never shift another (churn, lookups). Same seed, same streams, on every
 * platform: only 32-bit integer arithmetic.
 */

/** A 32-bit mixing hash (murmur3 finaliser) used to derive stream seeds. */
export function mix32 (h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

function hashString (s: string, seed: number): number {
  let h = seed >>> 0
  for (let i = 0; i < s.length; i++) { h = mix32(h ^ s.charCodeAt(i)) + 0x9e3779b9 >>> 0 }
  return mix32(h)
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  readonly seed: number

  constructor (seed: number, stream = '') {
    this.seed = seed >>> 0
    const s = hashString(stream, this.seed)
    this.a = mix32(s ^ 0x243f6a88)
    this.b = mix32(s ^ 0x85a308d3)
    this.c = mix32(s ^ 0x13198a2e)
    this.d = 1
    for (let i = 0; i < 12; i++) { this.u32() }
  }

  /** An independent stream derived from this one's seed and a name. */
  fork (name: string): Rng {
    return new Rng(hashString(name, this.seed ^ 0x5bd1e995), name)
  }

  /** Uniform 32-bit unsigned integer. */
  u32 (): number {
    const t = (this.a + this.b >>> 0) + this.d >>> 0
    this.d = this.d + 1 >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = this.c + (this.c << 3) >>> 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = this.c + t >>> 0
    return t
  }

  /** Uniform in [0, 1) with 53 bits. */
  next (): number {
    return (this.u32() * 2 ** 21 + (this.u32() >>> 11)) / 2 ** 53
  }

  /** Uniform integer in [0, n). */
  int (n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Exponential with the given mean. */
  exp (mean: number): number {
    return -Math.log(1 - this.next()) * mean
  }

  /** Standard normal (Box–Muller). */
  normal (): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Pareto with shape `alpha` and the given median: x_m = median / 2^(1/alpha). */
  paretoMedian (median: number, alpha: number): number {
    const xm = median / 2 ** (1 / alpha)
    return xm / (1 - this.next()) ** (1 / alpha)
  }

  /** n random bytes. */
  bytes (n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i += 4) {
      const x = this.u32()
      for (let j = 0; j < 4 && i + j < n; j++) { out[i + j] = (x >>> (8 * j)) & 0xff }
    }
    return out
  }

  /** A uniform 128-bit bigint. */
  bigint128 (): bigint {
    return (BigInt(this.u32()) << 96n) | (BigInt(this.u32()) << 64n) | (BigInt(this.u32()) << 32n) | BigInt(this.u32())
  }
}

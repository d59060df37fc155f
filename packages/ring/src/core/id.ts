/**
 * Ring identifiers: unsigned 128-bit integers on a ring of size N = 2^128, held as `bigint`.
 * Node ids are the first 128 bits of SHA-256 of the node's public key; keys hash the same way.
 * Ownership: node n owns (pred(n), n].
 *
 * Interval helpers only compare, so they never allocate; arithmetic helpers wrap modulo N.
 */
import { sha256 } from '@noble/hashes/sha2.js'

/** A position on the ring, 0 <= id < 2^128. */
export type RingId = bigint

export const ID_BITS = 128
export const ID_BYTES = ID_BITS / 8
export const RING_SIZE: bigint = 1n << 128n
export const ID_MASK: bigint = RING_SIZE - 1n
/** Number of hex digits in a printed ring id. */
export const ID_HEX_LENGTH = ID_BITS / 4

const HEX_RE = /^[0-9a-f]{32}$/

/** True when `x` is a valid ring id (a bigint in [0, 2^128)). */
export function isRingId (x: unknown): x is RingId {
  return typeof x === 'bigint' && x >= 0n && x <= ID_MASK
}

/** (a + d) mod N. */
export function idAdd (a: RingId, d: bigint): RingId {
  return (a + d) & ID_MASK
}

/** (a - b) mod N: the clockwise distance from b to a. */
export function idSub (a: RingId, b: RingId): bigint {
  return (a - b) & ID_MASK
}

/** Clockwise distance from `from` to `to`, in [0, N). */
export function cwDist (from: RingId, to: RingId): bigint {
  return (to - from) & ID_MASK
}

/** Numeric order of two bigints, for sort callbacks. */
export function compareBig (a: bigint, b: bigint): number {
  if (a < b) { return -1 }
  return a > b ? 1 : 0
}

/**
 * x ∈ (a, b] on the ring. When a === b the interval is the whole ring (one node owns everything).
 */
export function inOpenClosed (x: RingId, a: RingId, b: RingId): boolean {
  if (a < b) { return x > a && x <= b }
  if (a > b) { return x > a || x <= b }
  return true
}

/** x ∈ (a, b) on the ring. When a === b the interval is the whole ring except a. */
export function inOpenOpen (x: RingId, a: RingId, b: RingId): boolean {
  if (a < b) { return x > a && x < b }
  if (a > b) { return x > a || x < b }
  return x !== a
}

/** x ∈ [a, b) on the ring. When a === b the interval is the whole ring. */
export function inClosedOpen (x: RingId, a: RingId, b: RingId): boolean {
  if (a < b) { return x >= a && x < b }
  if (a > b) { return x >= a || x < b }
  return true
}

/** x ∈ [a, b] on the ring. When a === b the interval is {a}. */
export function inClosedClosed (x: RingId, a: RingId, b: RingId): boolean {
  if (a < b) { return x >= a && x <= b }
  if (a > b) { return x >= a || x <= b }
  return x === a
}

/** The ring id as 32 lower-case hex digits. */
export function idToHex (id: RingId): string {
  return id.toString(16).padStart(ID_HEX_LENGTH, '0')
}

/** Parses 32 hex digits; returns undefined on anything else. */
export function idFromHex (hex: string): RingId | undefined {
  const h = hex.toLowerCase()
  if (!HEX_RE.test(h)) { return undefined }
  return BigInt('0x' + h)
}

/** The first 16 bytes of `bytes`, read big-endian, as a ring id. */
export function idFromBytes (bytes: Uint8Array): RingId {
  if (bytes.length < ID_BYTES) { throw new RangeError(`need ${ID_BYTES} bytes for a ring id, got ${bytes.length}`) }
  let id = 0n
  for (let i = 0; i < ID_BYTES; i++) { id = (id << 8n) | BigInt(bytes[i]) }
  return id
}

/** The id as 16 big-endian bytes. */
export function idToBytes (id: RingId): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(ID_BYTES)
  let x = id
  for (let i = ID_BYTES - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn)
    x >>= 8n
  }
  return out
}

const encoder = new TextEncoder()

/**
 * Maps a key (a string, hashed as UTF-8, or raw bytes) to its ring id: the first 128 bits of
 * SHA-256. Public keys map to node ids the same way.
 */
export function keyToId (key: string | Uint8Array): RingId {
  const bytes = typeof key === 'string' ? encoder.encode(key) : key
  return idFromBytes(sha256(bytes))
}

/** A short form for logs: the first 8 hex digits. */
export function shortId (id: RingId): string {
  return idToHex(id).slice(0, 8)
}

/** Approximates a clockwise distance as a fraction of the ring in [0, 1), for statistics only. */
export function distFraction (d: bigint): number {
  return Number(d >> 75n) / 2 ** 53
}

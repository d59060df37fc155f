/**
 * Round-trip time estimates per peer (RFC 6298: srtt, rttvar, rto), bounded as an LRU. The core
 * samples RTTs from its own request/response pairs (hop acks, pongs, probes, finger answers);
 * it never reads a clock, the driver passes `nowMs` in.
 */
import { RTO_INITIAL_MS, RTO_MAX_MS, RTO_MIN_MS, RTT_TABLE_MAX } from './constants.ts'

interface Estimate {
  srttMs: number
  rttvarMs: number
}

export class RttTable {
  private readonly map = new Map<string, Estimate>()
  /** Entries kept; lowering it drops the least recently sampled at the next sample. */
  max: number

  constructor (max = RTT_TABLE_MAX) {
    this.max = max
  }

  get size (): number { return this.map.size }

  sample (addr: string, rttMs: number): void {
    if (!Number.isFinite(rttMs) || rttMs < 0) { return }
    let e = this.map.get(addr)
    if (e === undefined) {
      e = { srttMs: rttMs, rttvarMs: rttMs / 2 }
    } else {
      this.map.delete(addr)
      e.rttvarMs = 0.75 * e.rttvarMs + 0.25 * Math.abs(e.srttMs - rttMs)
      e.srttMs = 0.875 * e.srttMs + 0.125 * rttMs
    }
    this.map.set(addr, e)
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value
      if (oldest === undefined) { break }
      this.map.delete(oldest)
    }
  }

  srtt (addr: string): number | undefined {
    return this.map.get(addr)?.srttMs
  }

  /** Retransmission timeout for a peer: srtt + 4·rttvar, clamped; RTO_INITIAL_MS when unknown. */
  rto (addr: string): number {
    const e = this.map.get(addr)
    if (e === undefined) { return RTO_INITIAL_MS }
    return Math.min(RTO_MAX_MS, Math.max(RTO_MIN_MS, e.srttMs + 4 * e.rttvarMs))
  }

  forget (addr: string): void {
    this.map.delete(addr)
  }
}

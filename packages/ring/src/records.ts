/**
 * Small records kept at the owner of their key, for libp2p content routing through the ring:
 * values (put/get) and provider records (provide/findProviders). Bounded (RECORDS_MAX, providers
 * per key), expiring (RECORD_TTL_MS), handed to the new owner when a range moves. Not replicated:
 * replicated storage is the job of @selfmgmt/store.
 */
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import { PROVIDERS_PER_KEY_MAX, RECORDS_MAX, RECORD_KEY_BYTES_MAX, RECORD_TTL_MS, RECORD_VALUE_BYTES_MAX } from './constants.ts'
import { inOpenClosed, keyToId } from './core/id.ts'
import { RecordRequest } from './pb/records.ts'
import type { RingId } from './core/id.ts'
import type { RecordPeer, RecordResponse } from './pb/records.ts'

interface Entry {
  ringKey: RingId
  key: Uint8Array<ArrayBuffer>
  value?: Uint8Array<ArrayBuffer>
  valueExpiresAt: number
  providers: Map<string, { peer: RecordPeer, expiresAt: number }>
}

/** A record to hand over to a new owner, as the request that recreates it there. */
export type HandOff = RecordRequest

export class RecordStore {
  private readonly entries = new Map<string, Entry>()

  get size (): number { return this.entries.size }

  /** Serves one request at the owner; `closest` lists this node and its successors. */
  handle (req: RecordRequest, nowMs: number, closest: () => RecordPeer[]): RecordResponse {
    if (req.key.length === 0 || req.key.length > RECORD_KEY_BYTES_MAX) { return { found: false, peers: [], error: 'bad key' } }
    if (req.value !== undefined && req.value.length > RECORD_VALUE_BYTES_MAX) { return { found: false, peers: [], error: 'value too large' } }
    switch (req.type) {
      case RecordRequest.Type.PUT:
      case RecordRequest.Type.HAND_OFF:
        return this.put(req, nowMs)
      case RecordRequest.Type.GET: {
        const e = this.live(req.key, nowMs)
        return e?.value !== undefined ? { found: true, value: e.value, peers: [] } : { found: false, peers: [] }
      }
      case RecordRequest.Type.ADD_PROVIDER: {
        if (req.provider === undefined) { return { found: false, peers: [], error: 'no provider' } }
        const e = this.entry(req.key, nowMs)
        e.providers.delete(providerKey(req.provider))
        e.providers.set(providerKey(req.provider), { peer: req.provider, expiresAt: nowMs + RECORD_TTL_MS })
        while (e.providers.size > PROVIDERS_PER_KEY_MAX) {
          const oldest = e.providers.keys().next().value
          if (oldest === undefined) { break }
          e.providers.delete(oldest)
        }
        return { found: true, peers: [] }
      }
      case RecordRequest.Type.GET_PROVIDERS: {
        const e = this.live(req.key, nowMs)
        const peers = e === undefined ? [] : [...e.providers.values()].filter(p => p.expiresAt > nowMs).map(p => p.peer)
        return { found: peers.length > 0, peers }
      }
      case RecordRequest.Type.CLOSEST:
        return { found: true, peers: closest() }
      default:
        return { found: false, peers: [], error: 'unknown request type' }
    }
  }

  /**
   * Removes and returns, as requests for the new owner, the records whose ring key is in
   * (lo, hi]: the range a joining predecessor took over, or everything when leaving.
   */
  takeRange (lo: RingId, hi: RingId, nowMs: number): HandOff[] {
    const out: HandOff[] = []
    for (const [k, e] of this.entries) {
      if (!inOpenClosed(e.ringKey, lo, hi)) { continue }
      this.entries.delete(k)
      if (e.value !== undefined && e.valueExpiresAt > nowMs) { out.push({ type: RecordRequest.Type.HAND_OFF, key: e.key, value: e.value }) }
      for (const p of e.providers.values()) {
        if (p.expiresAt > nowMs) { out.push({ type: RecordRequest.Type.ADD_PROVIDER, key: e.key, provider: p.peer }) }
      }
    }
    return out
  }

  private put (req: RecordRequest, nowMs: number): RecordResponse {
    if (req.value === undefined) { return { found: false, peers: [], error: 'no value' } }
    const e = this.entry(req.key, nowMs)
    e.value = req.value
    e.valueExpiresAt = nowMs + RECORD_TTL_MS
    return { found: true, peers: [] }
  }

  private live (key: Uint8Array, nowMs: number): Entry | undefined {
    const e = this.entries.get(hex(key))
    if (e === undefined) { return undefined }
    if (e.valueExpiresAt <= nowMs) { e.value = undefined }
    for (const [k, p] of e.providers) { if (p.expiresAt <= nowMs) { e.providers.delete(k) } }
    if (e.value === undefined && e.providers.size === 0) {
      this.entries.delete(hex(key))
      return undefined
    }
    return e
  }

  private entry (key: Uint8Array<ArrayBuffer>, nowMs: number): Entry {
    const h = hex(key)
    let e = this.entries.get(h)
    if (e === undefined) {
      e = { ringKey: keyToId(key), key, valueExpiresAt: 0, providers: new Map() }
      this.entries.set(h, e)
      if (this.entries.size > RECORDS_MAX) { this.evict(nowMs) }
    }
    return e
  }

  /** Over the limit: drop expired entries, then the oldest. */
  private evict (nowMs: number): void {
    for (const [k, e] of this.entries) {
      if (e.valueExpiresAt <= nowMs && [...e.providers.values()].every(p => p.expiresAt <= nowMs)) { this.entries.delete(k) }
    }
    while (this.entries.size > RECORDS_MAX) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) { break }
      this.entries.delete(oldest)
    }
  }
}

function hex (b: Uint8Array): string {
  return uint8ArrayToString(b, 'base16')
}

function providerKey (p: RecordPeer): string {
  return hex(p.id)
}

/**
 * Messages between store cores, as plain data (the service encodes them with protobuf; the
 * simulator passes them as they are).
 */
import type { Ballot, ReplicaRecord } from './backend.ts'
import type { EpochArc } from './epochs.ts'
import type { RingId } from '@selfmgmt/ring'

/** The arc (lo, hi] of the ring; lo === hi is the whole ring. */
export interface Arc {
  lo: RingId
  hi: RingId
}

/** A position in (rid, key) order, for paging. */
export interface Cursor {
  rid: RingId
  key: Uint8Array
}

export type NackReason =
  /** The receiver does not own the replica id (any more). */
  | 'not-owner'
  /** The receiver owns it but has not finished rebuilding or receiving it. */
  | 'not-ready'
  /** A higher ballot was promised or accepted. */
  | 'conflict'
  /** The message is invalid (wrong replica id for the key, sizes, ...). */
  | 'invalid'
  /** Another node holds a read lease there (lease requests only). */
  | 'leased'

export type StoreMessage =
  | { type: 'prepare', op: number, key: Uint8Array, slot: number, rid: RingId, ballot: Ballot }
  /**
   * `epoch`: the incarnation of the replier's acceptor for this slot; `fences`: per slot of the
   * key (r entries), the highest incarnation the replier knows of (its own for its slot). See
   * epochs.ts: the coordinator counts a reply only if no reply knows a higher epoch for its slot.
   */
  | { type: 'promise', op: number, slot: number, accepted: Ballot, value?: Uint8Array, version: number, range: Arc, epoch: Ballot, fences: Ballot[], lease?: LeaseNote }
  /**
   * `next`: a higher ballot of the same proposer, to promise together with this acceptance
   * (CASPaxos's one-round-trip writes: the proposer's next change of the key may skip its
   * prepare). Sent by a key's home under read leases (store-node.ts, home writes).
   */
  | { type: 'accept', op: number, key: Uint8Array, slot: number, rid: RingId, ballot: Ballot, value?: Uint8Array, version: number, next?: Ballot }
  /** `primed`: `next` of the accept was promised with it (that promise and this acceptance were one write). */
  | { type: 'accepted', op: number, slot: number, range: Arc, epoch: Ballot, fences: Ballot[], lease?: LeaseNote, primed?: boolean }
  | { type: 'nack', op: number, slot: number, reason: NackReason, promised?: Ballot, range?: Arc, accepted?: Ballot, epoch?: Ballot }
  /**
   * Read the records with rid in (lo, hi] that the receiver holds ready, after `after`. A rebuild
   * read also fences: the reader's own positions (the read arc shifted back by `fence.j` slots)
   * belong to incarnation `fence.e` from now on.
   */
  /**
   * `commit`: the reads of that rebuild are done; the fenced incarnation is committed at the
   * receiver (which answers with an empty page, or refuses if its copy there is behind a
   * committed incarnation). `committed`: the committed incarnations the reader knows over every
   * slot image of (lo, hi]: a receiver whose copy is behind one refuses the read.
   */
  | { type: 'range-read', op: number, lo: RingId, hi: RingId, after?: Cursor, limit: number, fence?: { e: Ballot, j: number }, commit?: boolean, committed?: EpochArc[] }
  /** The records of (lo, upTo] (all of them unless `more`: then up to the last record), and the epochs the sender knows over every slot image of (lo, upTo]. */
  | { type: 'range-data', op: number, records: ReplicaRecord[], upTo: RingId, more: boolean, range: Arc, epochs: EpochArc[], committed?: EpochArc[] }
  /**
   * Records of (lo, hi] handed over; the last page says whether the sender held the arc ready.
   * `own`: the incarnations of (lo, hi] (they move with the records); `epochs`: what the sender
   * knows of the other slots' images. `cold`: not ready because a whole ring restarted from disk
   * (the sender created the ring from its saved copies, or was told so): the receiver may then
   * hold its own saved copies for the rebuilds to read.
   */
  | { type: 'handoff', op: number, lo: RingId, hi: RingId, records: ReplicaRecord[], last: boolean, ready: boolean, own: EpochArc[], epochs: EpochArc[], cold: boolean, readyParts?: Arc[] }
  /** `taken`: on the last page, the receiver took the arc as its own (a leaving sender stops keeping it as ready in its meta). */
  | { type: 'handoff-ack', op: number, taken?: boolean }
  /** Anti-entropy: hashes of the receiver's records in (lo, hi], in `buckets` equal parts. */
  | { type: 'digest-req', op: number, lo: RingId, hi: RingId, buckets: number }
  /** The hashes, over the part (lo, upTo] the sender holds ready (the rest of each bucket is left out). */
  | { type: 'digest', op: number, lo: RingId, upTo: RingId, hashes: number[], counts: number[], range: Arc, epochs: EpochArc[] }
  /** Benchmark baseline (consistency 'none'): read one replica as it is (answered by a promise, no ballot taken). */
  | { type: 'raw-read', op: number, key: Uint8Array, slot: number, rid: RingId }
  /** Benchmark baseline: overwrite one replica without ballots (answered by accepted). */
  | { type: 'raw-write', op: number, key: Uint8Array, slot: number, rid: RingId, value?: Uint8Array }
  /**
   * Read leases (store-node.ts, leases): the sender, home of (lo, hi] shifted back by `slot`
   * slots, asks the receiver to grant it the lease over the part of (lo, hi] it serves, from lo on.
   * `own`: the sender's incarnations over its positions of the request ((lo, hi] shifted back by
   * `slot` slots); a grantor that knows a newer committed incarnation there refuses.
   */
  | { type: 'lease-req', op: number, slot: number, lo: RingId, hi: RingId, own?: EpochArc[] }
  /**
   * Granted over (lo, hi] for LEASE_MS from its receipt; `epoch`: the grantor's lowest
   * incarnation there; `grant`: the grant's id, the same for every renewal until it lapses.
   */
  | { type: 'lease-grant', op: number, slot: number, lo: RingId, hi: RingId, range: Arc, epoch: Ballot, grant: string }
  /**
   * From a coordinator to the holder whose own slot-0 acceptance counted in its write: `ballot`
   * was chosen for the key, and the other counted slots accepted it under these grants (their ids).
   */
  | { type: 'chosen', op: number, key: Uint8Array, ballot: Ballot, grants: Array<{ slot: number, id: string }> }
  /** To a grantor that told of `holder`'s lease at `rid`: renew it no more until it ends, and say when that is. */
  | { type: 'revoke', op: number, rid: RingId, holder: string }
  /** The lease at that rid ends within `ms` (0: none). */
  | { type: 'revoked', op: number, ms: number }
  /**
   * An operation, to the key's home (the owner of its slot 0): a get it may answer from its
   * lease, or a write it coordinates (in one round trip when primed). `kind` absent: a get.
   * `by`: the sender's proposer name (its ring id and this run's boot): a restarted sender
   * numbers its messages from 1 again, and the home tells its writes apart by it.
   */
  | { type: 'home-op', op: number, key: Uint8Array, kind?: 'put' | 'delete' | 'cas', value?: Uint8Array, expected?: number, by?: string }
  /**
   * Its outcome: `ok` with the state (and, for a cas, whether it `applied`), or failed with
   * `reason` (`indeterminate`: a write whose accept was sent, which may still take effect).
   * `pending`: not an outcome: the home is still running that write (an answer to a copy).
   * `range`: the sender's range, as in replies to prepare and accept (the asker's owner cache).
   */
  | { type: 'home-done', op: number, ok: boolean, value?: Uint8Array, version: number, reason: string, applied?: boolean, indeterminate?: boolean, pending?: boolean, range?: Arc }
  /** To a key's home not heard from lately, before a write is sent to it: is it there? */
  | { type: 'home-ping', op: number }
  /** Yes (the answer to a home-ping). */
  | { type: 'home-pong', op: number }
  /** To a replier whose incarnation at `rid` is older than `epoch`, which another replier knows: stop serving it and rebuild above it. */
  | { type: 'superseded', op: number, rid: RingId, epoch: Ballot }

/**
 * A replier's grant of a read lease over the key's replica id: `holder` (a node address) may
 * answer gets of it alone for up to `ms` more (see store-node.ts, leases).
 */
export interface LeaseNote {
  holder: string
  ms: number
  /** The grant's id (it changes when a grant lapses and a new one starts). */
  grant: string
}

export const STORE_MESSAGE_TYPES = ['prepare', 'promise', 'accept', 'accepted', 'nack', 'range-read', 'range-data', 'handoff', 'handoff-ack', 'digest-req', 'digest', 'raw-read', 'raw-write', 'superseded', 'lease-req', 'lease-grant', 'revoke', 'revoked', 'home-op', 'home-done', 'chosen', 'home-ping', 'home-pong'] as const

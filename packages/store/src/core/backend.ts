/**
 * What a replica keeps per (key, slot): the state of one CASPaxos acceptor, and the interface of
 * the storage it lives in. The core calls the backend synchronously (the simulator uses
 * {@link MemoryBackend}; nodes use the SQLite backend on disk, whose calls are synchronous too).
 */
import type { EpochArc } from './epochs.ts'
import type { RingId } from '@selfmgmt/ring'

/** A Paxos ballot: compared by `n`, then by `by` (the proposer's ring id in hex), so ballots are unique per proposer. */
export interface Ballot {
  n: number
  by: string
}

export const ZERO_BALLOT: Ballot = Object.freeze({ n: 0, by: '' })

/**
 * One acceptor: the replica of `key` for symmetric slot `slot`, at ring position `rid`
 * (`h(key) + slot·N/r`). `value` undefined means absent (never written, or deleted: a tombstone
 * with a version, so repair never resurrects what a delete removed).
 */
export interface ReplicaRecord {
  key: Uint8Array
  slot: number
  rid: RingId
  /** Highest ballot promised (prepare). */
  promised: Ballot
  /** Ballot of the accepted state. */
  accepted: Ballot
  /** The accepted value; undefined when the key is absent or deleted. */
  value?: Uint8Array
  /** Number of changes applied to the key (0 = never written); deletes count. */
  version: number
}

/**
 * What a replica remembers across restarts besides its records (see epochs.ts): the arcs
 * (lo, hi] it served ready when it last saved, the incarnation epochs of those arcs, and the
 * newest incarnations it knew of elsewhere (its fences). A node restarted from disk uses it to
 * know which of its records were a current copy, and at which incarnation, when no other node
 * holds a ready copy to hand over (a whole ring restarted at once).
 */
export interface ReplicaMeta {
  ready: Array<{ lo: RingId, hi: RingId }>
  own: EpochArc[]
  fences: EpochArc[]
  /** Incarnations known to be committed (absent in metas written before they existed). */
  committed?: EpochArc[]
}

/** Storage of replica records, ordered by `rid`, then key. */
export interface ReplicaBackend {
  get(key: Uint8Array, slot: number): ReplicaRecord | undefined
  /** Inserts or replaces (one atomic, durable write per the backend's sync policy). */
  put(rec: ReplicaRecord): void
  /** Inserts or replaces many at once (atomically). */
  putMany(recs: readonly ReplicaRecord[]): void
  /**
   * Records with `rid` in the arc (lo, hi] (wrapping past 0 when hi <= lo; lo === hi is the whole
   * ring), in (rid, key) order, starting after `after` if given, at most `limit`.
   */
  range(lo: RingId, hi: RingId, limit: number, after?: { rid: RingId, key: Uint8Array }): ReplicaRecord[]
  /** Removes the records with `rid` in the arc (lo, hi]; returns how many. */
  deleteRange(lo: RingId, hi: RingId): number
  /** Number of records. */
  size(): number
  /** The meta saved last; undefined when none was ever saved (a new store, or one written before metas existed). */
  loadMeta(): ReplicaMeta | undefined
  /** Replaces the saved meta (one atomic write, durable as put). */
  saveMeta(meta: ReplicaMeta): void
  /** Optional group commit: writes until commitBatch share one durable commit (see SqliteBackend). */
  beginBatch?(): void
  commitBatch?(): void
  close(): void
}

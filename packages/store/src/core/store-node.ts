/**
 * The store core: a pure state machine (no I/O, no clock, no randomness) that is at once
 *
 * - a **replica**: one CASPaxos acceptor (Rystsov 2018) per (key, slot) it owns, answering
 * prepare and accept only for replica ids in its ring range (pred, self] that it holds *ready*;
 * - a **coordinator**: runs get/put/cas/delete as CASPaxos rounds over the r symmetric replicas
 * of the key (placement.ts), needing W ready slots each phase;
 * - a **range keeper**: when its range shrinks (a node joined before it) it hands the lost arc to
 * the new owner; when it grows (its predecessor left or crashed) the gained arc is not ready
 * until the leaving node's hand-off arrives, or until it has been rebuilt from every other
 * slot's replicas (range reads shifted by j·N/r) and the rebuild committed at each of them.
 *
 * Consistency argument (see placement.ts for the quorum sizes): every slot is a Paxos acceptor;
 * a node only answers for a slot it holds ready, and it holds an arc ready only by having served
 * it all along, by receiving it from its previous owner after that owner stopped serving it, or
 * by rebuilding it from every other acceptor (which sees every chosen value, and which two sides
 * of a partition cannot both do). So a new acceptor starts from a state that some valid acceptor
 * history reaches, and quorums keep intersecting. Where the ring's views disagree and two nodes
 * both hold a slot ready, incarnation epochs and fences (epochs.ts) keep the older one out of
 * every quorum that could meet the newer one's, and a rebuild never reads a copy behind an
 * incarnation committed elsewhere (`committed`: when every slot is served twice, such a copy can
 * miss writes acknowledged through the other side).
 *
 * The driver feeds ring facts (`create`, `joined`, `range`, `leave`), answers `lookup` events
 * with `owner` commands, carries {@link StoreMessage}s between nodes, and calls `handleTimeout`.
 */
import { assert, unreachable } from '@selfmgmt/interface'
import { ID_MASK, TimerHeap, compareBig, idToHex, inOpenClosed, keyToId } from '@selfmgmt/ring'
import { compareBallots, maxBallot, mergeRecord } from './ballot.ts'
import * as C from './constants.ts'
import { EpochMap, ZERO_EPOCH } from './epochs.ts'
import { operationQuorum, rebuildQuorum, replicaId, replicaIds, slotStep, R_MAX, R_MIN } from './placement.ts'
import type { Ballot, ReplicaBackend, ReplicaRecord } from './backend.ts'
import type { EpochArc } from './epochs.ts'
import type { Arc, Cursor, LeaseNote, NackReason, StoreMessage } from './messages.ts'
import type { NodeRef, RingId } from '@selfmgmt/ring'

export interface StoreConfig {
  self: NodeRef
  backend: ReplicaBackend
  /** Replication degree, 1..8 (default 4). */
  r?: number
  phaseTimeoutMs?: number
  opTimeoutMs?: number
  attemptsMax?: number
  handoffWaitMs?: number
  rebuildRetryMs?: number
  /** Anti-entropy round period (0 turns it off). */
  antiEntropyMs?: number
  /**
   * 'linearizable' (the default and the product). 'none' is a benchmark baseline only, to
   * measure what linearizability costs: a get reads one replica, a put or delete writes every
   * replica and returns on the first acknowledgement, no ballots; cas is refused. Every node of a
   * ring must use the same.
   */
  consistency?: 'linearizable' | 'none'
  /**
   * Read leases (default off in the core, on in the libp2p service; every node of a ring must
   * use the same): the home of a key (the owner of its slot 0) holds grants from the other
   * slots and answers gets from its own copy,
   * one round trip from any node and no quorum, once it has confirmed the key under its lease.
   * Assumes clock rates that differ by less than 15% (LEASE_GUARD); see the leases section.
   */
  leases?: boolean
  /**
   * Home writes (default on): a write goes to its key's home, which runs it in one round trip
   * when primed (see the home writes section). Nodes with and without it work
   * together (any node runs what is sent to it as home).
   */
  homeWrites?: boolean
  /**
   * What tells this run of the node apart from its earlier runs with the same ring id (a
   * restart from disk): at most 16 characters, appended to the proposer name of its ballots and
   * epochs, whose counters start again from zero in a new run (else a restarted node could make
   * a ballot or an incarnation epoch equal to one of its former run). The service draws it at
   * random; the simulator counts restarts.
   */
  boot?: string
}

export type StoreCommand =
  | { type: 'get', opId: number, key: Uint8Array }
  | { type: 'put', opId: number, key: Uint8Array, value: Uint8Array }
  | { type: 'delete', opId: number, key: Uint8Array }
  /** Write `value` (or delete, when undefined) only if the key's version is `expected` (0 = absent, never written). */
  | { type: 'cas', opId: number, key: Uint8Array, expected: number, value?: Uint8Array }
  /** Forget an operation (its caller gave up); no event follows. Its effect, if any, is unknown. */
  | { type: 'cancel', opId: number }
  /** This node created a new ring: it owns everything, and there is nothing to rebuild. */
  | { type: 'create' }
  /** This node joined the ring with this predecessor (undefined: alone). */
  | { type: 'joined', pred?: NodeRef }
  /** The ring predecessor changed (undefined: alone). */
  | { type: 'range', pred?: NodeRef }
  /** Leave: stop serving, hand the whole range to `succ`, then emit `handed-off`. */
  | { type: 'leave', succ?: NodeRef }
  /** Answer to a `lookup` event: the owner of its replica id, or undefined when the lookup failed. */
  | { type: 'owner', reqId: number, owner?: NodeRef }
  /**
   * An operator's decision (README, Forced rebuild): the arcs pending now may be rebuilt from
   * the other slots that answer, without those whose reads have been refused or unanswered for
   * FORCE_SKIP_RETRIES retry periods (still asked meanwhile), as long as at least r − W + 1
   * others are read.
   */
  | { type: 'force-rebuild' }
  /**
   * About `ms` passed that this node's clock did not count (the machine was suspended: a
   * monotonic clock stands still meanwhile). Leases it holds may have ended at their grantors,
   * so they, what they confirmed, and the grants still on their way are dropped.
   */
  | { type: 'clock-gap', ms: number }

export type OpKind = 'get' | 'put' | 'delete' | 'cas'

export type StoreEvent =
  /** A get, put, delete or cas finished. `value`/`version` are the key's state after it; `applied` is false for a cas whose expected version did not match. */
  | { type: 'op-done', opId: number, kind: OpKind, value?: Uint8Array, version: number, applied: boolean, attempts: number }
  /** It failed. `indeterminate`: a write may still take effect (an accept was sent); a get or a refused write never has. */
  | { type: 'op-failed', opId: number, kind: OpKind, reason: string, indeterminate: boolean, attempts: number }
  /** The driver must find the ring owner of `rid` and answer with an `owner` command. */
  | { type: 'lookup', reqId: number, rid: RingId }
  /** An arc of this node's range became ready (rebuilt or handed over). */
  | { type: 'ready', lo: RingId, hi: RingId, how: 'handoff' | 'rebuild' | 'create' }
  /** A leave finished handing the range over (or gave up: `complete` false). */
  | { type: 'handed-off', complete: boolean }

export interface StoreCounters {
  opsStarted: number
  opsDone: number
  opsFailed: number
  attempts: number
  fastReads: number
  conflicts: number
  /** Messages by type, ours to ourselves (our own slots) among them. */
  sent: Record<string, number>
  /** Of `sent`, those delivered to ourselves (never on the network). */
  sentLocal: Record<string, number>
  received: Record<string, number>
  rejected: Record<string, number>
  handoffRecordsSent: number
  handoffRecordsReceived: number
  rebuildRecords: number
  rebuilds: number
  lookups: number
  /** Anti-entropy: arcs compared, buckets that differed, records taken. */
  aeCompared: number
  aeBucketsDiffering: number
  aeRecords: number
  /** Anti-entropy: records received in pulls (taken or not). */
  aeRecordsPulled: number
  aeRepairs: number
  /** Replies not counted because another reply knew a newer incarnation of their slot. */
  staleReplies: number
  /** Arcs we stopped serving because a newer incarnation of them exists. */
  superseded: number
  /** Ready hand-offs passed on to our predecessor (the part before our range). */
  passedDown: number
  /** Rebuild reads refused because our copy there is behind a committed incarnation. */
  behindRefusals: number
  /** Rebuilds that found a newer epoch than theirs and started again above it. */
  epochRestarts: number
  /** Arcs an operator forced (force-rebuild), and those rebuilt so (without some other slot's copy). */
  forcedArcs: number
  forcedRebuilds: number
  /** Leases: gets answered by this home from its own copy; gets sent to a home; leases revoked by our ops; grants given. */
  leaseReads: number
  leaseGetsSent: number
  leaseRevokes: number
  leaseGrants: number
  /** Home writes: writes sent to their key's home; writes this home ran in one round trip (primed). */
  homeWritesSent: number
  oneRoundWrites: number
  /** Writes that waited for a home-pong that did not come in time (or a suspicion), and ran here. */
  homeProbesUnanswered: number
  /**
   * Writes that had sent accepts but were found never to take effect (each accept refused for
   * good, or a state not built on theirs accepted at a higher ballot), run again afresh.
   */
  writesRetried: number
  /** Gets whose fast read found the slots disagreeing and read again before a full round. */
  rereads: number
}

interface Op {
  id: number
  kind: OpKind
  /** An internal read that commits the current state to every slot (anti-entropy repair); no event. */
  repair: boolean
  key: Uint8Array
  value?: Uint8Array
  expected?: number
  rids: RingId[]
  attempt: number
  phase: 'read' | 'prepare' | 'accept' | 'backoff' | 'lease' | 'queued'
  /** Home writes: the key (as a map key) whose queue at this home the op is in, waiting or running. */
  queue?: string
  /** A get first tries a read round without ballots (see startFastRead). */
  fastTried: boolean
  /** A fast read is to run once more (1) or did (2): its replies disagreed, see checkFastRead. */
  reread: 0 | 1 | 2
  /** Slots the fast read asked (a quorum first, all of them once widened), and when it widened. */
  asked: Set<number>
  widenedMs: number
  ballot: Ballot
  promises: Map<number, { accepted: Ballot, value?: Uint8Array, version: number, epoch: Ballot, node: NodeRef }>
  acks: Map<number, { epoch: Ballot, node: NodeRef, primed: boolean }>
  /** Home writes: the ballot the accepts of this phase ask to be promised with them (see home writes). */
  nextBallot?: Ballot
  refused: Set<number>
  /** Of `refused`, the slots that refused for a rival ballot (conflict) in this attempt. */
  conflicted: Set<number>
  /**
   * The most slots that answered as ready acceptors in one attempt so far (liveSlots): an
   * operation that never had W of them fails as `unavailable`, even if its last refusal was a
   * rival ballot (see fail).
   */
  liveMax: number
  /** Per slot, the highest incarnation epoch any reply of this op knew (see epochs.ts). */
  fence: Ballot[]
  /** Slots whose stale replier was told (once per op). */
  told: Set<number>
  resolves: number
  /** Attempts that ended on slots not ready (not counted against attemptsMax). */
  readyWaits: number
  /** State being accepted, and what the caller is told on success. */
  next?: { value?: Uint8Array, version: number, applied: boolean }
  /** An accept of a changed state was sent in some attempt. */
  wrote: boolean
  /**
   * Accepts sent since `wrote`, by phase message, slot and node, that may have been taken: each
   * leaves when its replica proves it refused (see noteRefusal). None left: nothing this op
   * proposed can take effect, and it may start again as if it had never written.
   */
  sends: Map<string, { ballot: Ballot, epoch: Ballot }>
  /** The phase messages those accepts went in (entries of acceptMsgs). */
  sendSeqs: Set<number>
  /** Ballots (numbers) at which this op proposed a changed state, and what it proposed. */
  proposed: Map<number, { value?: Uint8Array, version: number, applied: boolean }>
  deadlineMs: number
  phaseSeq: number
  /** When the phase in progress started (round-trip samples of the fast read). */
  phaseMs: number
  /** When the op started (leases: a confirmation needs grants held since then). */
  startMs: number
  /** Leases: what each slot's last counted reply told of a lease at its replica id, and when. */
  notes: Map<number, LeaseNote & { atMs: number }>
  /** Leases: the outcome, held back until the holders below know it or their leases ended (phase 'lease'). */
  outcome?: { next: { value?: Uint8Array, version: number, applied: boolean }, chosen: Ballot, slots: number[], read: boolean }
  waitHolders: Set<string>
  /** The holder's slot-0 request was sent again once (before revoking: one lost message should not cost a revoke). */
  holderAsked: boolean
  /** Revokes not answered yet, and when the last revoked lease ends. */
  revoking: number
  revokeEndMs: number
  revokeTries: number
  /** An operation sent here by another node as the key's home (we answer it, no event); `seen`: a write's entry in homeWritesSeen. */
  via?: { to: NodeRef, op: number, seen?: string }
}

/** A part of our range not yet ready, in positions relative to us (see `pos`), inclusive. */
interface PendingArc {
  a: bigint
  b: bigint
  /**
   * Per other slot j (1..r−1): how far the rebuild read has got. `failingSinceMs`: its reads
   * have been refused or unanswered since then (none came through; still retried).
   */
  sources: Map<number, RebuildSource>
  /** Rebuild starts at this time (gives the previous owner a chance to hand off first). */
  startMs: number
  /** The incarnation this rebuild creates (chosen when it starts; raised if a source knows a higher one). */
  epoch?: Ballot
  /**
   * We hold the arc's records and served it until a newer incarnation was found (superseded):
   * we answer no operation for it, but still serve it to rebuild reads, so that superseded arcs
   * that are each other's slot images do not wait on each other forever.
   */
  held?: boolean
  /**
   * Held for our own rebuild reads only: a restart from disk into a live ring, where our saved
   * copy of these positions is read by nobody else (it may be older than an incarnation whose
   * holders are only down), but is the one copy of its slot where two of a key's slots are ours
   * (a range longer than N/r: colocated slots). Our rebuild of the other slot reads it last,
   * after every other source answered, and only if it is not behind an incarnation committed
   * anywhere they know of (see selfImage, onRangeRead). Without it, the two pending arcs were each
   * other's missing source and the keys stayed unavailable for good.
   */
  selfOnly?: boolean
  /**
   * Every source was read: the rebuild now commits its incarnation at each source (a second pass
   * over the same slots, no records) before serving. Its merged copy is served to rebuild reads
   * meanwhile, as a held one.
   */
  committing?: boolean
  /**
   * An operator forced it (force-rebuild, while it was pending): a pass may end without the
   * sources failing for FORCE_SKIP_RETRIES retry periods (see afterSource). Kept by the pieces it
   * is cut into; arcs that become pending later are not forced.
   */
  forced?: boolean
  /** A pass of this forced rebuild ended without some source (counted in forcedRebuilds when it ends). */
  skippedAny?: boolean
}

interface RebuildSource {
  covered: RingId
  after?: Cursor
  done: boolean
  inflight?: number
  sentMs: number
  failingSinceMs?: number
}

/** An operation sent to its key's home (see sendHomeOp); `to`: that home, once sent. */
interface SentHomeOp {
  opId: number
  key: Uint8Array
  kind: OpKind
  rid0: RingId
  value?: Uint8Array
  expected?: number
  to?: NodeRef
  deadlineMs: number
  /** When it was sent, or `to` last told us it still runs the write (`answered`: it did once). */
  heardMs: number
  answered?: boolean
  /** The ring suspects `to`: a write waits no longer. */
  suspected?: boolean
  /** A write waiting for the home-pong of `to` (message `op`) before it is sent there. */
  probe?: { op: number, to: NodeRef }
}

interface Handoff {
  to: NodeRef
  lo: RingId
  hi: RingId
  ready: boolean
  /** The incarnations of the arc, which move with it, and what we knew of its slot images. */
  own: EpochArc[]
  epochs: EpochArc[]
  after?: Cursor
  op: number
  attempts: number
  sentMs: number
  leave: boolean
  /** Not ready as a whole: the parts that are (see the Handoff message). */
  readyParts?: Arc[]
  /**
   * The page in flight: its message op (each page has its own, so an acknowledgement of a page
   * sent twice advances once), where it ended, and whether it was the last. Kept as sent: the
   * next page starts where this one ended, whatever the backend holds by then.
   */
  pageOp: number
  pageEnd?: Cursor
  pageLast: boolean
}

type TimerKind = 'phase' | 'op-deadline' | 'backoff' | 'rebuild' | 'handoff' | 'ae' | 'lease-wait' | 'lease-renew' | 'home-op' | 'home-probe'

function inc (m: Record<string, number>, k: string): void { m[k] = (m[k] ?? 0) + 1 }

/** Marks a position as present in an EpochMap used as a set (zero means absent). */
const PRESENT: Ballot = Object.freeze({ n: 1, by: '' })

export class StoreNode {
  readonly self: NodeRef
  readonly r: number
  readonly W: number
  readonly rebuildNeed: number
  private readonly selfHex: string
  private readonly backend: ReplicaBackend
  private readonly cfg: Required<Omit<StoreConfig, 'self' | 'backend' | 'r' | 'boot'>>
  private nowMs = 0
  private readonly timers = new TimerHeap<TimerKind>()
  private readonly out: Array<{ to: NodeRef, msg: StoreMessage }> = []
  private readonly events: StoreEvent[] = []
  private seq = 1
  private ballotN = 0
  private readonly ops = new Map<number, Op>()
  /** Message op number → coordinator op id. */
  private readonly opByMsg = new Map<number, number>()
  /** Owner ranges learned from replies, most recent last. */
  private owners: Array<{ arc: Arc, node: NodeRef }> = []
  private readonly lookups = new Map<number, { rid: RingId, waiters: Array<(n: NodeRef | undefined) => void> }>()
  /** Our range (pred, self]; undefined when not a member. */
  private range: Arc | undefined
  private leaving = false
  private pending: PendingArc[] = []
  private migrated: Array<{ lo: RingId, hi: RingId, atMs: number, own: EpochArc[], used?: boolean }> = []
  /** Incarnation epochs of the positions we serve (zero: from the ring's creation). */
  private readonly own = new EpochMap()
  /** The highest epochs we know of for the other slots' images of our range (epochs.ts). */
  private readonly fences = new EpochMap()
  /**
   * Incarnations known to be committed (their rebuild finished reading and told every source
   * before serving), by position, over every slot image. A copy behind a committed incarnation
   * may miss values chosen there: it is never read by a rebuild.
   */
  private readonly committed = new EpochMap()
  /** What our copy holds where we do not serve it: the incarnations whose records a hand-off brought (see noteHas). */
  private readonly has = new EpochMap()
  /** Our predecessor as the ring last told us (ready hand-offs that reach past our range go on to it). */
  private predRef?: NodeRef
  /** Highest epoch number we made or saw, so our next one is higher. */
  private epochN = 0
  /** When the queued rebuild timer fires (Infinity: none). */
  private rebuildAtMs = Infinity
  /** Arcs handed on not ready (we were still rebuilding or waiting): their owner gets them ready when we do. */
  private handedAway: Array<{ lo: RingId, hi: RingId, to: NodeRef, atMs: number }> = []
  private readonly handoffs = new Map<number, Handoff>()
  /** Anti-entropy: the sibling being compared and how far; pulls in flight (op → shift j). */
  private ae: { j: number, cursor: RingId, op?: number, sentMs: number, lo: RingId, hi: RingId } | undefined
  private aeJ = 0
  private aeArmed = false
  private readonly aePulls = new Map<number, { j: number, lo: RingId, hi: RingId, after?: Cursor, sentMs: number }>()
  /** Anti-entropy: digests of differing buckets, asked for one level down (op → what and how deep). */
  private readonly aeDescents = new Map<number, { j: number, lo: RingId, hi: RingId, depth: number, sentMs: number }>()
  /**
   * What the last run saved of the arcs it served ready (a restart from disk): `mask` marks
   * those positions (epoch PRESENT) until they are ready again (saved with them meanwhile, so a
   * second crash loses nothing), `unused` those not held yet, `epochs` their incarnations. Held
   * only in a cold start (see `cold`, holdRestored). Dropped once our range is all ready.
   */
  private restored: { mask: EpochMap, unused: EpochMap, epochs: EpochMap } | undefined
  /**
   * Leaving: what our meta said was ready when the leave began, saved until a successor takes the
   * range (its last hand-off page acknowledged as `taken`). A node whose successor did not take
   * it (the whole ring stopping at once, the last node of a ring) keeps it, so that a restart of
   * the ring from disk finds those copies as after a crash.
   */
  private leftReady: { ready: EpochMap, epochs: EpochMap } | undefined
  /** The backend had a meta or records at start: this node was part of a ring before. */
  private hadState = false
  /**
   * A whole ring restarted from disk: we created the ring with saved state, or a hand-off told
   * us (`cold`). Only then are saved copies held for rebuilds: in a live ring a saved copy may be
   * older than an incarnation whose holders are only down, and two such copies could outvote
   * the current one in a rebuild. Ends once our range is all ready.
   */
  private cold = false
  /** What the meta saved last describes (see persist). */
  private savedMeta: unknown[] = []
  /** Round-trip estimates (ms, moving average) by node address, from fast-read replies; most recent last. */
  private readonly rtt = new Map<string, number>()
  /** When we last got a message from each node (home writes go only to a home heard from lately). */
  private readonly heard = new Map<string, number>()
  /** Rebuild read op → the pending arc and source it serves. */
  private readonly rebuildReads = new Map<number, { arc: PendingArc, j: number }>()
  /** Read leases are on (config `leases`, linearizable only). */
  private readonly leasing: boolean
  /** Home writes (config `homeWrites`). */
  private readonly homing: boolean
  /**
   * Leases we granted: the records of slot `slot` at (lo, hi] of our positions (a position holds
   * records of every slot: different keys), to `holder`, until `untilMs`; `frozen`: revoked, not
   * renewed before it ends.
   */
  private grants: Array<{ slot: number, lo: RingId, hi: RingId, holder: NodeRef, untilMs: number, frozen: boolean, id: string }> = []
  /** Arcs that became ready here lately: no proposer is answered there before `untilMs` (a grant we never heard of may live). */
  private quiet: Array<{ lo: RingId, hi: RingId, untilMs: number }> = []
  /**
   * Leases we hold as home, per other slot: pieces [a, b] of our positions, held without a break
   * since fromMs, until untilMs, by one grant (its id: renewals of the same grant extend a piece;
   * another grant over the same positions, from a new owner say, starts a piece of its own).
   */
  private leases: Array<{ slot: number, a: bigint, b: bigint, fromMs: number, untilMs: number, epoch: Ballot, id: string }> = []
  private readonly leaseReqs = new Map<number, { slot: number, sentMs: number, hi: RingId }>()
  /** Last get that we answered or confirmed as home (leases are renewed while there are some). */
  private leaseDemandMs = -Infinity
  private leaseRenewArmed = false
  /**
   * Keys whose chosen state our slot-0 copy holds, confirmed under our lease (see leaseRead): by
   * key, in insertion order. Confirmed by a round of ours: the slots whose grants must have lasted
   * since it started; told by a coordinator (`chosen`): the grants (ids) that must still last.
   */
  private readonly confirmed = new Map<string, { b: Ballot, startMs: number, slots: number[], ids?: Array<[number, string]> }>()
  /** Operations sent to their key's home (message op → ours; `to`: the home, once sent). */
  private readonly homeOps = new Map<number, SentHomeOp>()
  /** Home writes: the writes other nodes sent us lately (sender, its run, its op, key), so that a copy of one is not run again. */
  private readonly homeWritesSeen = new Map<string, { atMs: number, reply?: Extract<StoreMessage, { type: 'home-done' }> }>()
  /** Home writes: per key, the operations this home runs on it (one writer or several readers) and those waiting (see enqueue). */
  private readonly keyQueues = new Map<string, { readers: number, writer: boolean, waiting: Op[] }>()
  /**
   * Home writes: per key, a ballot of ours that a quorum promised together with accepting the
   * state at ballot `accepted` (so that state is chosen, and the next write may skip its
   * prepare: it is read from our slot-0 copy, which must hold it), the incarnations that
   * quorum's replies knew, and when.
   */
  private readonly primes = new Map<string, { ballot: Ballot, accepted: Ballot, fence: Ballot[], atMs: number }>()
  /** Accept phases whose sends an op tracks (see noteRefusal): message op → our op. */
  private readonly acceptMsgs = new Map<number, number>()
  /** Revokes in flight: message op → our op. */
  private readonly revokes = new Map<number, number>()
  readonly counters: StoreCounters = {
    opsStarted: 0,
    opsDone: 0,
    opsFailed: 0,
    attempts: 0,
    fastReads: 0,
    conflicts: 0,
    sent: {},
    sentLocal: {},
    received: {},
    rejected: {},
    handoffRecordsSent: 0,
    handoffRecordsReceived: 0,
    rebuildRecords: 0,
    rebuilds: 0,
    lookups: 0,
    aeCompared: 0,
    aeBucketsDiffering: 0,
    aeRecords: 0,
    aeRecordsPulled: 0,
    aeRepairs: 0,
    staleReplies: 0,
    superseded: 0,
    passedDown: 0,
    behindRefusals: 0,
    epochRestarts: 0,
    forcedArcs: 0,
    forcedRebuilds: 0,
    leaseReads: 0,
    leaseGetsSent: 0,
    homeWritesSent: 0,
    homeProbesUnanswered: 0,
    oneRoundWrites: 0,
    writesRetried: 0,
    rereads: 0,
    leaseRevokes: 0,
    leaseGrants: 0
  }

  constructor (config: StoreConfig) {
    const r = config.r ?? C.R_DEFAULT
    assert(Number.isInteger(r) && r >= R_MIN && r <= R_MAX, `replication degree must be an integer in ${R_MIN}..${R_MAX}`)
    this.self = config.self
    assert(config.boot === undefined || (config.boot.length <= 16 && !config.boot.includes(':')), 'boot must be at most 16 characters without a colon')
    this.selfHex = config.boot === undefined || config.boot === '' ? idToHex(config.self.id) : `${idToHex(config.self.id)}:${config.boot}`
    this.backend = config.backend
    this.r = r
    this.W = operationQuorum(r)
    this.rebuildNeed = rebuildQuorum(r)
    this.cfg = {
      phaseTimeoutMs: config.phaseTimeoutMs ?? C.PHASE_TIMEOUT_MS,
      opTimeoutMs: config.opTimeoutMs ?? C.OP_TIMEOUT_MS,
      attemptsMax: config.attemptsMax ?? C.ATTEMPTS_MAX,
      handoffWaitMs: config.handoffWaitMs ?? C.HANDOFF_WAIT_MS,
      rebuildRetryMs: config.rebuildRetryMs ?? C.REBUILD_RETRY_MS,
      antiEntropyMs: config.antiEntropyMs ?? C.ANTI_ENTROPY_MS,
      consistency: config.consistency ?? 'linearizable',
      leases: config.leases ?? false,
      homeWrites: config.homeWrites ?? true
    }
    this.leasing = this.cfg.leases && this.cfg.consistency === 'linearizable'
    this.homing = this.cfg.homeWrites && this.cfg.consistency === 'linearizable'
    this.restore()
  }

  /** Takes what the backend's saved meta says (a restart from disk; nothing for a new store). */
  private restore (): void {
    const meta = this.backend.loadMeta()
    this.hadState = meta !== undefined || this.backend.size() > 0
    // Without a meta (a new store, or one written before metas existed) no record is a known
    // copy: the node never serves them on its own (see 'create'), only merges them.
    if (meta === undefined) { return }
    for (const x of [...meta.fences, ...meta.own, ...(meta.committed ?? [])]) { if (x.e.n > this.epochN) { this.epochN = x.e.n } }
    for (const x of meta.fences) { this.fences.raise(x.lo, x.hi, x.e) }
    for (const x of meta.committed ?? []) { this.committed.raise(x.lo, x.hi, x.e) }
    const restored = { mask: new EpochMap(), unused: new EpochMap(), epochs: new EpochMap() }
    for (const x of meta.ready) {
      restored.mask.assign(x.lo, x.hi, PRESENT)
      restored.unused.assign(x.lo, x.hi, PRESENT)
    }
    for (const x of meta.own) { restored.epochs.assign(x.lo, x.hi, x.e) }
    this.restored = restored
  }

  // ---------------------------------------------------------------- driver interface

  handleCommand (nowMs: number, cmd: StoreCommand): void {
    this.advance(nowMs)
    this.command(cmd)
    this.persist()
  }

  private command (cmd: StoreCommand): void {
    switch (cmd.type) {
      case 'get': return this.startOp(cmd.opId, 'get', cmd.key)
      case 'put': return this.startOp(cmd.opId, 'put', cmd.key, cmd.value)
      case 'delete': return this.startOp(cmd.opId, 'delete', cmd.key)
      case 'cas': return this.startOp(cmd.opId, 'cas', cmd.key, cmd.value, cmd.expected)
      case 'cancel': {
        const op = this.ops.get(cmd.opId)
        if (op !== undefined) {
          this.ops.delete(op.id)
          this.opByMsg.delete(op.phaseSeq)
          this.forgetSends(op)
          this.dequeue(op)
          this.unconfirm(op.key)
          this.forgetRevokes(op.id)
        }
        for (const [m, g] of this.homeOps) { if (g.opId === cmd.opId) { this.homeOps.delete(m) } }
        return
      }
      case 'create':
        this.armAntiEntropy()
        this.range = { lo: this.self.id, hi: this.self.id }
        this.pending = []
        if (!this.hadState) {
          this.emit({ type: 'ready', lo: this.self.id, hi: this.self.id, how: 'create' })
          return
        }
        // Restarted from disk with nobody to join (a whole ring restarted): our records may be
        // behind what the ring had chosen, so nothing is served until rebuilt from the other
        // slots' copies; ours are held for those rebuilds to read, as the others' will be. (A
        // store with records but no meta, or a meta without ready arcs, holds nothing: it waits.)
        this.cold = true
        this.own.assign(this.self.id, this.self.id, ZERO_EPOCH)
        this.addPending({ a: 0n, b: ID_MASK })
        this.holdRestored(0n, ID_MASK)
        return
      case 'joined':
        this.armAntiEntropy()
        this.range = undefined
        this.pending = []
        return this.setRange(cmd.pred)
      case 'range': return this.setRange(cmd.pred)
      case 'leave': return this.startLeave(cmd.succ)
      case 'owner': return this.onOwner(cmd.reqId, cmd.owner)
      case 'force-rebuild':
        // The arcs pending now (and the pieces they are cut into); not those pending later.
        for (const p of this.pending) {
          if (p.forced !== true) {
            p.forced = true
            this.counters.forcedArcs++
          }
        }
        if (this.pending.length > 0) { this.armRebuild(this.nowMs) }
        return
      case 'clock-gap':
        assert(Number.isFinite(cmd.ms) && cmd.ms >= 0, 'clock-gap ms must be finite and not negative')
        // A grant counts from when we asked for it, on our clock: one asked before the gap and
        // granted after would look younger than it is.
        this.leaseReqs.clear()
        return this.dropLeases()
      default: return unreachable(cmd, 'unknown store command')
    }
  }

  handleMessage (nowMs: number, from: NodeRef, msg: StoreMessage): void {
    this.advance(nowMs)
    inc(this.counters.received, msg.type)
    if (from.addr !== this.self.addr) {
      this.heard.delete(from.addr)
      this.heard.set(from.addr, this.nowMs)
      if (this.heard.size > C.OWNER_CACHE_MAX) { this.heard.delete(this.heard.keys().next().value as string) }
    }
    this.message(from, msg)
    this.persist()
  }

  private message (from: NodeRef, msg: StoreMessage): void {
    switch (msg.type) {
      case 'prepare': return this.onPrepare(from, msg)
      case 'accept': return this.onAccept(from, msg)
      case 'promise': return this.onPromise(from, msg)
      case 'accepted': return this.onAccepted(from, msg)
      case 'nack': return this.onNack(from, msg)
      case 'range-read': return this.onRangeRead(from, msg)
      case 'range-data': return this.onRangeData(from, msg)
      case 'handoff': return this.onHandoff(from, msg)
      case 'handoff-ack': return this.onHandoffAck(from, msg)
      case 'digest-req': return this.onDigestReq(from, msg)
      case 'digest': return this.onDigest(from, msg)
      case 'raw-read': return this.onRawRead(from, msg)
      case 'raw-write': return this.onRawWrite(from, msg)
      case 'superseded': return this.onSuperseded(msg)
      case 'lease-req': return this.onLeaseReq(from, msg)
      case 'lease-grant': return this.onLeaseGrant(from, msg)
      case 'revoke': return this.onRevoke(from, msg)
      case 'revoked': return this.onRevoked(msg)
      case 'home-op': return this.onHomeOp(from, msg)
      case 'home-done': return this.onHomeDone(from, msg)
      case 'home-ping': return this.send(from, { type: 'home-pong', op: msg.op })
      case 'home-pong': return this.onHomePong(from, msg)
      case 'chosen': return this.onChosen(msg)
      default: return this.reject('unknown-type')
    }
  }

  handleTimeout (nowMs: number): void {
    this.advance(nowMs)
    for (let t = this.timers.peek(); t !== undefined && t.atMs <= this.nowMs; t = this.timers.peek()) {
      this.timers.pop()
      this.fire(t.kind, t.id)
    }
    if (this.timers.size > 4 * (this.ops.size + this.handoffs.size + this.pending.length) + 64) {
      this.timers.compact(e => this.live(e.kind, e.id))
    }
    this.persist()
  }

  pollTransmit (): { to: NodeRef, msg: StoreMessage } | undefined { return this.out.shift() }

  pollEvent (): StoreEvent | undefined { return this.events.shift() }

  pollTimeoutMs (): number | undefined {
    for (let t = this.timers.peek(); t !== undefined; t = this.timers.peek()) {
      if (this.live(t.kind, t.id)) { return t.atMs }
      this.timers.pop()
    }
    return undefined
  }

  /** Whether this node answers for replica id `rid` now. */
  serves (rid: RingId): boolean {
    return this.refusal(rid) === undefined
  }

  /** Our incarnation at rid, and the newest incarnation of rid we know of (introspection, tests). */
  epochsAt (rid: RingId): { own: Ballot, known: Ballot } {
    return { own: this.own.at(rid), known: this.fences.at(rid) }
  }

  /** Every incarnation epoch we hold (ours) and know of (fences), over the whole ring (introspection, tests). */
  epochState (): { own: EpochArc[], fences: EpochArc[] } {
    return { own: this.own.entries(0n, 0n), fences: this.fences.entries(0n, 0n) }
  }

  /** Our range and the parts of it not ready yet (introspection, tests). */
  /**
   * The range, its arcs not ready (`pending`), and how many of those are `stalled`: waiting for
   * the copy of some other slot whose reads have been refused or unanswered for STALLED_MS
   * (what an operator looks at before a force-rebuild).
   */
  rangeState (): { range?: Arc, pending: Arc[], stalled: number, leaving: boolean } {
    const stalled = this.pending.filter(p => [...p.sources.values()].some(x => !x.done && this.failingFor(x, C.STALLED_MS))).length
    return { range: this.range, pending: this.pending.map(p => this.arcOf(p)), stalled, leaving: this.leaving }
  }

  get opsPending (): number { return this.ops.size }

  /** Whether read leases are on (config `leases`, with linearizable consistency). */
  get readLeases (): boolean { return this.leasing }

  assertInvariants (): void {
    assert(this.ops.size <= C.OPS_PENDING_MAX && this.lookups.size <= C.LOOKUPS_PENDING_MAX, 'pending maps over limit')
    assert(this.owners.length <= C.OWNER_CACHE_MAX && this.migrated.length <= C.MIGRATED_MAX, 'caches over limit')
    assert(this.opByMsg.size <= this.ops.size && this.rebuildReads.size <= this.pending.length * this.r + 4 * C.OPS_PENDING_MAX, 'op maps leak')
    let prev = -1n
    for (const p of this.pending) {
      assert(this.range !== undefined, 'pending arcs without a range')
      assert(p.a <= p.b && p.a > prev, 'pending arcs out of order or overlapping')
      assert(p.a >= this.rangeStart(), 'pending arc outside the range')
      prev = p.b
    }
  }

  // ---------------------------------------------------------------- plumbing

  private advance (nowMs: number): void {
    assert(Number.isFinite(nowMs), 'time must be finite')
    if (nowMs > this.nowMs) { this.nowMs = nowMs }
  }

  private emit (e: StoreEvent): void {
    assert(this.events.length < C.QUEUE_MAX, 'event queue overflow: the driver does not drain')
    this.events.push(e)
  }

  private send (to: NodeRef, msg: StoreMessage): void {
    assert(this.out.length < C.QUEUE_MAX, 'transmit queue overflow: the driver does not drain')
    inc(this.counters.sent, msg.type)
    if (to.addr === this.self.addr) {
      // Our own slots: delivered in order after the current step, like any message.
      inc(this.counters.sentLocal, msg.type)
      this.out.push({ to: this.self, msg })
      return
    }
    this.out.push({ to, msg })
  }

  private reject (reason: string): void { inc(this.counters.rejected, reason) }

  private live (kind: TimerKind, id: number): boolean {
    switch (kind) {
      case 'phase': {
        const op = this.ops.get(this.opByMsg.get(id) ?? -1)
        return op !== undefined && op.phaseSeq === id && op.phase !== 'backoff' && op.phase !== 'lease'
      }
      case 'op-deadline': return this.ops.has(id)
      case 'lease-wait': return this.ops.get(id)?.phase === 'lease'
      case 'lease-renew': return this.leaseRenewArmed
      case 'home-op': return this.homeOps.has(id)
      case 'home-probe': return this.homeOps.get(id)?.probe !== undefined
      case 'backoff': return this.ops.get(id)?.phase === 'backoff'
      // Always kept: armRebuild counts on the one it queued (rebuildAtMs) to fire. Dropped while
      // nothing was pending, a rebuild pending again later never started (packet family, seed 35).
      case 'rebuild': return true
      case 'handoff': return this.handoffs.has(id)
      case 'ae': return this.aeArmed
      default: return unreachable(kind, 'unknown timer')
    }
  }

  private fire (kind: TimerKind, id: number): void {
    switch (kind) {
      case 'phase': {
        const op = this.ops.get(this.opByMsg.get(id) ?? -1)
        if (op !== undefined && op.phaseSeq === id && op.phase === 'read') {
          if (op.asked.size < this.r) { return this.widenFastRead(op) }
          // The hedge timer of a read widened earlier: the widened round has its own.
          if (op.widenedMs >= 0 && this.nowMs < op.widenedMs + Math.min(C.FAST_READ_TIMEOUT_MS, this.cfg.phaseTimeoutMs)) { return }
          this.startAttempt(op)
          return
        }
        if (op !== undefined && op.phaseSeq === id && op.phase !== 'backoff' && op.phase !== 'lease') {
          // Slots that did not answer may have a dead or moved owner: look them up again.
          for (let slot = 0; slot < this.r; slot++) {
            const answered = op.phase === 'accept' ? op.acks.has(slot) : op.promises.has(slot)
            if (!answered && !op.refused.has(slot)) { this.forgetOwnerOf(op.rids[slot]) }
          }
          this.retry(op, 'phase-timeout')
        }
        return
      }
      case 'op-deadline': {
        const op = this.ops.get(id)
        if (op !== undefined) { this.fail(op, 'timeout') }
        return
      }
      case 'backoff': {
        const op = this.ops.get(id)
        if (op !== undefined && op.phase === 'backoff') { this.startAttempt(op) }
        return
      }
      case 'rebuild': return this.pumpRebuild()
      case 'handoff': return this.resendHandoff(id)
      case 'ae': return this.antiEntropyRound()
      case 'lease-wait': return this.leaseWaitTimer(id)
      case 'lease-renew': return this.renewLeases()
      case 'home-op': return this.homeOpTimeout(id)
      case 'home-probe': return this.homeProbeTimeout(id)
      default: return unreachable(kind, 'unknown timer')
    }
  }

  // ---------------------------------------------------------------- owners

  private cachedOwner (rid: RingId): NodeRef | undefined {
    if (this.range !== undefined && !this.leaving && inOpenClosed(rid, this.range.lo, this.range.hi)) { return this.self }
    for (let i = this.owners.length - 1; i >= 0; i--) {
      const o = this.owners[i]
      if (inOpenClosed(rid, o.arc.lo, o.arc.hi)) { return o.node }
    }
    return undefined
  }

  private learnOwner (node: NodeRef, arc: Arc): void {
    if (node.addr === this.self.addr) { return }
    // Cached entries never overlap: the same node with the same range overlaps only its own
    // entry, which moves to the end (the newest; the oldest go first). Most messages carry a
    // range their sender already told, so this skips the filter below.
    const i = this.owners.findIndex(o => o.node.addr === node.addr)
    if (i >= 0 && this.owners[i].arc.lo === arc.lo && this.owners[i].arc.hi === arc.hi) {
      if (i < this.owners.length - 1) {
        this.owners.splice(i, 1)
        this.owners.push({ arc, node })
      }
      return
    }
    // Drop what this range overlaps (older, or the same node's previous range).
    this.owners = this.owners.filter(o => o.node.addr !== node.addr && !arcsOverlap(o.arc, arc))
    this.owners.push({ arc, node })
    if (this.owners.length > C.OWNER_CACHE_MAX) { this.owners.shift() }
  }

  /** Drops whatever cached range holds rid. */
  private forgetOwnerOf (rid: RingId): void {
    this.owners = this.owners.filter(o => !inOpenClosed(rid, o.arc.lo, o.arc.hi))
  }

  /** The ring suspects this node (crashed or cut off): stop sending to it from the cache. */
  forgetNode (addr: string): void {
    this.owners = this.owners.filter(o => o.node.addr !== addr)
    // Operations sent to it as a key's home wait no longer (at the next timeout, now): a get
    // runs here, a write fails indeterminate (see sendHomeOp).
    for (const [m, g] of this.homeOps) {
      if (g.probe?.to.addr === addr) { this.timers.push(this.nowMs, 'home-probe', m) }
      if (g.to?.addr !== addr) { continue }
      g.suspected = true
      this.timers.push(this.nowMs, 'home-op', m)
    }
  }

  private forgetOwner (rid: RingId, node: NodeRef): void {
    this.owners = this.owners.filter(o => o.node.addr !== node.addr || !inOpenClosed(rid, o.arc.lo, o.arc.hi))
  }

  /** Calls `then` with the owner of rid, from the cache or through a ring lookup. */
  private resolve (rid: RingId, then: (n: NodeRef | undefined) => void): void {
    const known = this.cachedOwner(rid)
    if (known !== undefined) { return then(known) }
    for (const l of this.lookups.values()) {
      if (l.rid === rid) {
        l.waiters.push(then)
        return
      }
    }
    if (this.lookups.size >= C.LOOKUPS_PENDING_MAX) { return then(undefined) }
    const reqId = this.seq++
    this.lookups.set(reqId, { rid, waiters: [then] })
    this.counters.lookups++
    this.emit({ type: 'lookup', reqId, rid })
  }

  private onOwner (reqId: number, owner: NodeRef | undefined): void {
    const l = this.lookups.get(reqId)
    if (l === undefined) { return }
    this.lookups.delete(reqId)
    for (const w of l.waiters) { w(owner) }
  }

  // ---------------------------------------------------------------- coordinator

  private startOp (opId: number, kind: OpKind, key: Uint8Array, value?: Uint8Array, expected?: number, repair = false, via?: { to: NodeRef, op: number, seen?: string }, forward = true): void {
    const fail = (reason: string): void => {
      if (via !== undefined) { return this.answerVia(via, { type: 'home-done', op: via.op, ok: false, version: 0, reason }) }
      if (!repair) { this.emit({ type: 'op-failed', opId, kind, reason, indeterminate: false, attempts: 0 }) }
    }
    if (!Number.isSafeInteger(opId) || (opId < 0 && via === undefined && !repair)) { return fail('invalid-op-id') }
    if (this.ops.has(opId) || (forward && [...this.homeOps.values()].some(g => g.opId === opId))) { return fail('duplicate-op-id') }
    if (this.ops.size >= C.OPS_PENDING_MAX) { return fail('too-many-ops') }
    if (key.length === 0 || key.length > C.KEY_BYTES_MAX) { return fail('invalid-key') }
    if (value !== undefined && value.length > C.VALUE_BYTES_MAX) { return fail('value-too-large') }
    if (expected !== undefined && (!Number.isSafeInteger(expected) || expected < 0)) { return fail('invalid-version') }
    if (kind === 'cas' && this.cfg.consistency === 'none') { return fail('unsupported-without-consistency') }
    const h = keyToId(key)
    const rids: RingId[] = []
    for (let x = 0; x < this.r; x++) { rids.push(replicaId(h, x, this.r)) }
    if (this.leasing && kind === 'get' && !repair) {
      if (this.serves(rids[0])) {
        // We are the key's home: from our copy if the lease allows, else a quorum read that may confirm it.
        this.leaseDemandMs = this.nowMs
        this.armLeaseRenew()
        const rec = this.leaseRead(key, rids)
        if (rec !== undefined) {
          this.counters.leaseReads++
          if (via !== undefined) { return this.answerVia(via, { type: 'home-done', op: via.op, ok: true, value: rec.value, version: rec.version, reason: '' }) }
          return this.emit({ type: 'op-done', opId, kind, value: rec.value, version: rec.version, applied: true, attempts: 0 })
        }
      } else if (via === undefined && forward) {
        return this.sendHomeOp(opId, kind, key, rids[0])
      }
    }
    // A write goes to its key's home too, which may run it in one round trip (home writes).
    if (this.homing && kind !== 'get' && !repair && via === undefined && forward && !this.serves(rids[0])) {
      return this.sendHomeOp(opId, kind, key, rids[0], value, expected)
    }
    if (this.leasing && kind !== 'get' && !repair && this.serves(rids[0])) {
      // A home that writes takes grants too: its writes then confirm the key for the gets that follow.
      this.leaseDemandMs = this.nowMs
      this.armLeaseRenew()
    }
    const op: Op = {
      id: opId,
      kind,
      repair,
      key,
      value,
      expected,
      rids,
      attempt: 0,
      phase: 'prepare',
      ballot: { n: 0, by: this.selfHex },
      promises: new Map(),
      acks: new Map(),
      refused: new Set(),
      conflicted: new Set(),
      liveMax: 0,
      fence: new Array<Ballot>(this.r).fill(ZERO_EPOCH),
      told: new Set(),
      resolves: 0,
      readyWaits: 0,
      fastTried: false,
      reread: 0,
      asked: new Set(),
      widenedMs: -1,
      wrote: false,
      sends: new Map(),
      sendSeqs: new Set(),
      proposed: new Map(),
      deadlineMs: this.nowMs + this.cfg.opTimeoutMs,
      phaseSeq: 0,
      phaseMs: this.nowMs,
      startMs: this.nowMs,
      notes: new Map(),
      waitHolders: new Set(),
      holderAsked: false,
      revoking: 0,
      revokeEndMs: 0,
      revokeTries: 0,
      via
    }
    this.ops.set(opId, op)
    this.counters.opsStarted++
    this.timers.push(op.deadlineMs, 'op-deadline', opId)
    if (this.homing && !repair && this.serves(rids[0]) && !this.enqueue(op)) { return }
    this.startAttempt(op)
  }

  private startAttempt (op: Op): void {
    if (this.cfg.consistency === 'none') { return this.startRaw(op) }
    if (op.kind === 'get' && (!op.fastTried || op.reread === 1) && !op.repair) { return this.startFastRead(op) }
    if (op.attempt === 0 && op.kind !== 'get' && !op.repair && this.startPrimed(op)) { return }
    this.newAttempt(op, 'prepare')
    this.ballotN++
    op.ballot = { n: this.ballotN, by: this.selfHex }
    op.next = undefined
    this.newPhase(op)
    for (let slot = 0; slot < this.r; slot++) { this.sendPrepare(op, slot) }
  }

  /** A new attempt of `op` starts in `phase`: what the last one gathered is dropped. */
  private newAttempt (op: Op, phase: Op['phase']): void {
    op.liveMax = Math.max(op.liveMax, this.liveSlots(op))
    op.attempt++
    this.counters.attempts++
    op.phase = phase
    op.promises.clear()
    op.acks.clear()
    op.refused.clear()
    op.conflicted.clear()
    op.notes.clear()
    op.resolves = 0
  }

  private newPhase (op: Op, timeoutMs = this.cfg.phaseTimeoutMs): void {
    this.opByMsg.delete(op.phaseSeq)
    const m = this.seq++
    op.phaseSeq = m
    op.phaseMs = this.nowMs
    this.opByMsg.set(m, op.id)
    this.timers.push(this.nowMs + Math.min(timeoutMs, this.cfg.phaseTimeoutMs), 'phase', m)
  }

  private sendPrepare (op: Op, slot: number): void {
    const m = op.phaseSeq
    const rid = op.rids[slot]
    this.resolve(rid, node => {
      if (node === undefined || op.phaseSeq !== m || this.ops.get(op.id) !== op) { return }
      this.send(node, { type: 'prepare', op: m, key: op.key, slot, rid, ballot: op.ballot })
    })
  }

  private sendAccept (op: Op, slot: number): void {
    const m = op.phaseSeq
    const rid = op.rids[slot]
    const next = op.next
    assert(next !== undefined, 'accept without a state')
    this.resolve(rid, node => {
      if (node === undefined || op.phaseSeq !== m || this.ops.get(op.id) !== op) { return }
      if (op.wrote && this.cfg.consistency !== 'none') {
        op.sends.set(`${m}|${slot}|${node.addr}`, { ballot: op.ballot, epoch: op.fence[slot] })
        op.sendSeqs.add(m)
        this.acceptMsgs.set(m, op.id)
      }
      this.send(node, { type: 'accept', op: m, key: op.key, slot, rid, ballot: op.ballot, value: next.value, version: next.version, ...(op.nextBallot === undefined ? {} : { next: op.nextBallot }) })
    })
  }

  /**
   * A read round without ballots (ABD's fast read): the r slots report their accepted state, and
   * when a quorum agrees on one accepted ballot that state is chosen and the latest (any later
   * choice would show in the quorum's intersection), so it is returned after one round trip
   * and no disk write. Otherwise the get runs a full CASPaxos round, which commits what it reads.
   */
  private startFastRead (op: Op): void {
    op.fastTried = true
    if (op.reread === 1) { op.reread = 2 }
    this.newAttempt(op, 'read')
    op.asked.clear()
    // A quorum of slots first: ours (no message), then the nearest by measured round trip, and
    // among replicas about as near, from a place that rotates with the op (spreading reads). W
    // replies agreeing end the read, so asking the rest up front only costs messages; they are
    // asked when one of the first does not agree, refuses, or is slow (the hedge).
    const first = this.nearestSlots(op, op.id).slice(0, this.W)
    const slowest = Math.max(...first.map(x => x.e))
    const hedge = slowest === Infinity ? C.FAST_READ_HEDGE_MS : Math.min(C.FAST_READ_HEDGE_MAX_MS, Math.max(C.FAST_READ_HEDGE_MIN_MS, 2 * slowest))
    // When the quorum is every slot (r ≤ 3) there is nobody to widen to: the round gets the full timeout.
    this.newPhase(op, first.length < this.r ? hedge : C.FAST_READ_TIMEOUT_MS)
    for (const x of first) { this.askFastRead(op, x.slot) }
  }

  /**
   * The op's slots, ours first, then by round-trip estimate (unknown last); slots whose
   * estimates are within RTT_BUCKET_MS keep the rotation that starts at `turn` (spreading reads).
   */
  private nearestSlots (op: Op, turn: number): Array<{ slot: number, e: number }> {
    const est = (slot: number): number => {
      if (this.serves(op.rids[slot])) { return -1 }
      const owner = this.cachedOwner(op.rids[slot])
      return (owner === undefined ? undefined : this.rtt.get(owner.addr)) ?? Infinity
    }
    // (Internal ops have negative ids.)
    const order = Array.from({ length: this.r }, (_, i) => (((turn + i) % this.r) + this.r) % this.r).map(slot => ({ slot, e: est(slot) }))
    order.sort((x, y) => Math.floor(x.e / C.RTT_BUCKET_MS) - Math.floor(y.e / C.RTT_BUCKET_MS) || 0)
    return order
  }

  /** Takes a round-trip sample for node `addr` into its moving average. */
  private sampleRtt (addr: string, ms: number): void {
    if (addr === this.self.addr || !(ms >= 0)) { return }
    const old = this.rtt.get(addr)
    this.rtt.delete(addr)
    this.rtt.set(addr, old === undefined ? ms : 0.8 * old + 0.2 * ms)
    if (this.rtt.size > C.OWNER_CACHE_MAX) { this.rtt.delete(this.rtt.keys().next().value as string) }
  }

  private askFastRead (op: Op, slot: number): void {
    const m = op.phaseSeq
    const rid = op.rids[slot]
    op.asked.add(slot)
    this.resolve(rid, node => {
      if (node === undefined || op.phaseSeq !== m || this.ops.get(op.id) !== op) { return }
      this.send(node, { type: 'raw-read', op: m, key: op.key, slot, rid })
    })
  }

  /** The fast read asks the slots it has not asked yet; the round now ends at FAST_READ_TIMEOUT_MS. */
  private widenFastRead (op: Op): void {
    for (let slot = 0; slot < this.r; slot++) { if (!op.asked.has(slot)) { this.askFastRead(op, slot) } }
    op.widenedMs = this.nowMs
    this.timers.push(this.nowMs + Math.min(C.FAST_READ_TIMEOUT_MS, this.cfg.phaseTimeoutMs), 'phase', op.phaseSeq)
  }

  /** The op a reply belongs to, if it is for the phase in progress. */
  private opOf (m: number): Op | undefined {
    const op = this.ops.get(this.opByMsg.get(m) ?? -1)
    if (op === undefined || op.phaseSeq !== m) { return undefined }
    return op
  }

  private onPromise (from: NodeRef, msg: Extract<StoreMessage, { type: 'promise' }>): void {
    this.learnOwner(from, msg.range)
    const op = this.opOf(msg.op)
    if (op?.phase === 'lease' && op.outcome?.read === true && msg.slot === 0 && compareBallots(msg.accepted, op.outcome.chosen) === 0) { return this.holderKnows(op, from) }
    if (op === undefined || (op.phase !== 'prepare' && op.phase !== 'read')) { return this.reject('promise-unexpected') }
    if (!this.validSlot(msg.slot) || !inOpenClosed(op.rids[msg.slot], msg.range.lo, msg.range.hi)) { return this.reject('promise-wrong-slot') }
    if (msg.fences.length !== this.r) { return this.reject('promise-invalid') }
    if (this.observe(op, from, msg.slot, msg.epoch, msg.fences)) {
      op.promises.set(msg.slot, { accepted: msg.accepted, value: msg.value, version: msg.version, epoch: msg.epoch, node: from })
      if (msg.lease !== undefined) { op.notes.set(msg.slot, { ...msg.lease, atMs: this.nowMs }) } else { op.notes.delete(msg.slot) }
    }
    if (this.cfg.consistency === 'none') {
      this.sampleRtt(from.addr, this.nowMs - op.phaseMs)
      return this.succeed(op, { value: msg.value, version: msg.version, applied: true })
    }
    if (op.phase === 'read') {
      if (op.widenedMs < 0) { this.sampleRtt(from.addr, this.nowMs - op.phaseMs) }
      return this.checkFastRead(op)
    }
    if (op.promises.size < this.W) { return this.checkHopeless(op, 'stale') }
    // The state accepted at the highest ballot among a quorum is the current one.
    let cur: { accepted: Ballot, value?: Uint8Array, version: number, epoch: Ballot } | undefined
    let agree = true
    for (const p of op.promises.values()) {
      if (cur !== undefined && compareBallots(p.accepted, cur.accepted) !== 0) { agree = false }
      if (cur === undefined || compareBallots(p.accepted, cur.accepted) > 0) { cur = p }
    }
    assert(cur !== undefined, 'quorum without promises')
    let next: { value?: Uint8Array, version: number, applied: boolean, changed: boolean }
    const mine = op.wrote && cur.accepted.by === this.selfHex ? op.proposed.get(cur.accepted.n) : undefined
    if (op.wrote && mine === undefined && (op.sends.size === 0 || this.outlived(op, cur))) {
      // Nothing we proposed can ever be chosen: start afresh, as a write that never sent an accept.
      this.counters.writesRetried++
      op.wrote = false
      op.proposed.clear()
      op.sends.clear()
    }
    if (op.wrote) {
      // An earlier attempt of ours sent accepts: applying the change again could apply it twice
      // (or after a write that overwrote ours). Either our proposal is the current state, and
      // it only needs committing, or the outcome is unknown.
      if (mine === undefined) { return this.fail(op, 'lost-race') }
      next = { ...mine, changed: false }
    } else {
      next = this.change(op, cur)
    }
    if (!next.changed && agree && !op.repair) {
      // A quorum already holds this state at one ballot: it is chosen, nothing to commit.
      this.counters.fastReads++
      return this.finish(op, next, cur.accepted, [...op.promises.keys()], true)
    }
    op.next = next
    op.phase = 'accept'
    op.nextBallot = this.primeBallot(op)
    if (next.changed || op.wrote) {
      // A change, or our own earlier proposal committed again at this ballot: either way a
      // proposal of ours at it (else, that commit cut short, the next attempt would find our
      // own state at a ballot it does not know as ours and report a lost race).
      op.wrote = true
      op.proposed.set(op.ballot.n, { value: next.value, version: next.version, applied: next.applied })
    }
    this.newPhase(op)
    for (let slot = 0; slot < this.r; slot++) { this.sendAccept(op, slot) }
  }

  /**
   * Whether no state this op proposed can ever be chosen, given `cur`, the state accepted at the
   * highest ballot among a promise quorum for a ballot above all of ours. For each proposal:
   * either `cur` is below its ballot (so no member of the quorum took it, and none will now:
   * they promised more; the other slots are fewer than W), or `cur` is above it and not built on
   * it (a lower version: every change adds one). Once a state is chosen, every state proposed at
   * a higher ballot is built on it (Paxos), so a higher one that is not shows ours never was
   * chosen, nor will be.
   */
  private outlived (op: Op, cur: { accepted: Ballot, version: number }): boolean {
    for (const [n, p] of op.proposed) {
      const c = compareBallots(cur.accepted, { n, by: this.selfHex })
      if (c === 0 || (c > 0 && cur.version >= p.version)) { return false }
    }
    return true
  }

  /**
   * A fast read is done once W replicas report the same accepted ballot (that state is chosen,
   * and any later choice is not yet visible to anyone); when every slot answered (or refused)
   * without such a quorum, a full round follows.
   */
  private checkFastRead (op: Op): void {
    const counts = new Map<string, { n: number, p: { accepted: Ballot, value?: Uint8Array, version: number, epoch: Ballot } }>()
    for (const p of op.promises.values()) {
      const k = `${p.accepted.n}/${p.accepted.by}`
      const c = counts.get(k) ?? { n: 0, p }
      c.n++
      counts.set(k, c)
      if (c.n >= this.W) {
        this.counters.fastReads++
        const slots = [...op.promises].filter(([, p]) => compareBallots(p.accepted, c.p.accepted) === 0).map(([slot]) => slot)
        return this.finish(op, { value: c.p.value, version: c.p.version, applied: true }, c.p.accepted, slots, true)
      }
    }
    if (op.promises.size + op.refused.size < op.asked.size) { return }
    if (op.asked.size < this.r) { return this.widenFastRead(op) }
    if (op.reread === 0 && op.promises.size >= this.W) {
      // Every slot answered, and no W of them agree: most often a write is under way (some slots
      // took its accept, the others not yet). Read once more after about a round trip, which
      // usually finds it chosen; a full round now would take the writer's ballot from under it
      // (its accepts refused, its outcome perhaps unknown to its caller).
      this.counters.rereads++
      op.reread = 1
      op.phase = 'backoff'
      this.timers.push(this.nowMs + Math.max(1, this.nowMs - op.phaseMs), 'backoff', op.id)
      return
    }
    this.startAttempt(op)
  }

  /** The state after the operation, from the current state. */
  private change (op: Op, cur: { value?: Uint8Array, version: number }): { value?: Uint8Array, version: number, applied: boolean, changed: boolean } {
    const keep = { value: cur.value, version: cur.version }
    switch (op.kind) {
      case 'get': return { ...keep, applied: true, changed: false }
      case 'put': return { value: op.value, version: cur.version + 1, applied: true, changed: true }
      case 'delete':
        if (cur.value === undefined) { return { ...keep, applied: true, changed: false } }
        return { value: undefined, version: cur.version + 1, applied: true, changed: true }
      case 'cas':
        if (cur.version !== op.expected) { return { ...keep, applied: false, changed: false } }
        return { value: op.value, version: cur.version + 1, applied: true, changed: true }
      default: return unreachable(op.kind, 'unknown op kind')
    }
  }

  private onAccepted (from: NodeRef, msg: Extract<StoreMessage, { type: 'accepted' }>): void {
    this.learnOwner(from, msg.range)
    const op = this.opOf(msg.op)
    if (op?.phase === 'lease' && op.outcome?.read === false && msg.slot === 0) { return this.holderKnows(op, from) }
    if (op === undefined || op.phase !== 'accept') { return this.reject('accepted-unexpected') }
    if (!this.validSlot(msg.slot) || !inOpenClosed(op.rids[msg.slot], msg.range.lo, msg.range.hi)) { return this.reject('accepted-wrong-slot') }
    if (msg.fences.length !== this.r) { return this.reject('accepted-invalid') }
    if (this.observe(op, from, msg.slot, msg.epoch, msg.fences)) {
      op.acks.set(msg.slot, { epoch: msg.epoch, node: from, primed: msg.primed === true })
      if (msg.lease !== undefined) { op.notes.set(msg.slot, { ...msg.lease, atMs: this.nowMs }) } else { op.notes.delete(msg.slot) }
    }
    if (this.cfg.consistency === 'none') { return this.succeed(op, { value: op.value, version: 0, applied: true }) }
    if (op.acks.size < this.W) { return this.checkHopeless(op, 'stale') }
    const next = op.next
    assert(next !== undefined, 'accepted without a state')
    this.notePrime(op)
    this.finish(op, next, op.ballot, [...op.acks.keys()], false)
  }

  private onNack (from: NodeRef, msg: Extract<StoreMessage, { type: 'nack' }>): void {
    if (msg.range !== undefined) { this.learnOwner(from, msg.range) }
    const read = this.rebuildReads.get(msg.op)
    if (read !== undefined) { return this.onRebuildRefused(msg.op, from) }
    if (this.leaseReqs.delete(msg.op)) {
      // Our requests are well formed: refused as invalid, the grantor runs without read leases
      // (or with another r), which a ring must not mix (the service says so on its error log).
      if (msg.reason === 'invalid') { this.reject('lease-req-refused-invalid') }
      return
    }
    if (this.ae?.op === msg.op || this.aePulls.has(msg.op) || this.aeDescents.has(msg.op)) {
      // The sibling is not ready or moved: this round ends; the next one looks it up again.
      this.aePulls.delete(msg.op)
      this.aeDescents.delete(msg.op)
      if (this.ae?.op === msg.op) { this.ae = undefined }
      return
    }
    this.onOpNack(from, msg)
  }

  private onOpNack (from: NodeRef, msg: Extract<StoreMessage, { type: 'nack' }>): void {
    this.noteRefusal(from, msg)
    const op = this.opOf(msg.op)
    if (op === undefined || op.phase === 'backoff') { return this.reject('nack-unexpected') }
    if (!this.validSlot(msg.slot)) { return this.reject('nack-wrong-slot') }
    if (this.cfg.consistency === 'none') {
      // Baseline: a refused read is retried; a write fails over when every replica refused.
      if (msg.reason === 'not-owner') { this.forgetOwner(op.rids[msg.slot], from) }
      op.refused.add(msg.slot)
      if (op.kind === 'get' || op.refused.size >= this.r) { this.retry(op, msg.reason) }
      return
    }
    if (op.phase === 'read') {
      // A refusal during the fast read: it may still succeed with the other slots.
      if (msg.reason === 'not-owner') { this.forgetOwner(op.rids[msg.slot], from) }
      op.refused.add(msg.slot)
      return this.checkFastRead(op)
    }
    switch (msg.reason) {
      case 'conflict':
        // A rival ballot: the quorum may still come from the other slots; if not, retry higher.
        this.counters.conflicts++
        op.conflicted.add(msg.slot)
        if (msg.promised !== undefined && msg.promised.n > this.ballotN) { this.ballotN = msg.promised.n }
        break
      case 'not-owner':
        this.forgetOwner(op.rids[msg.slot], from)
        if (msg.range !== undefined) { this.learnOwner(from, msg.range) }
        if (op.resolves++ < C.RESOLVES_PER_PHASE_MAX * this.r) {
          if (op.phase === 'prepare') { this.sendPrepare(op, msg.slot) } else if (op.phase === 'accept') { this.sendAccept(op, msg.slot) }
          return
        }
        break
      default:
        // not-ready, invalid: this slot is out for this phase.
        break
    }
    op.refused.add(msg.slot)
    this.checkHopeless(op, msg.reason)
  }

  /** Not enough slots left to reach the quorum in this attempt: back off and retry. */
  private checkHopeless (op: Op, reason: string): void {
    if (op.phase !== 'prepare' && op.phase !== 'accept') { return }
    const answered = op.phase === 'accept' ? op.acks.size : op.promises.size
    if (this.r - op.refused.size < this.W && answered < this.W) { this.retry(op, reason) }
  }

  /** Slots that answered in this attempt as ready acceptors (a promise, an acceptance, or a rival ballot's refusal). */
  private liveSlots (op: Op): number {
    const alive = new Set<number>(op.conflicted)
    for (const j of op.promises.keys()) { alive.add(j) }
    for (const j of op.acks.keys()) { alive.add(j) }
    return alive.size
  }

  /**
   * Consistent quorums (epochs.ts): takes what a reply knows of the key's incarnations, drops
   * from the phase every reply whose slot has a newer incarnation than the one that answered
   * (telling that replier, once per op), and says whether this reply counts.
   */
  private observe (op: Op, from: NodeRef, slot: number, epoch: Ballot, fences: Ballot[]): boolean {
    if (this.cfg.consistency === 'none') { return true }
    let raised = false
    const see = (j: number, e: Ballot): void => {
      if (compareBallots(e, op.fence[j]) > 0) {
        op.fence[j] = e
        raised = true
      }
    }
    for (let j = 0; j < this.r; j++) { see(j, fences[j]) }
    see(slot, epoch)
    if (raised) {
      for (const [j, p] of op.promises) {
        if (compareBallots(p.epoch, op.fence[j]) < 0) {
          op.promises.delete(j)
          this.dropStale(op, j, p.node)
        }
      }
      for (const [j, a] of op.acks) {
        if (compareBallots(a.epoch, op.fence[j]) < 0) {
          op.acks.delete(j)
          this.dropStale(op, j, a.node)
        }
      }
    }
    if (compareBallots(epoch, op.fence[slot]) < 0) {
      this.dropStale(op, slot, from)
      return false
    }
    return true
  }

  private dropStale (op: Op, slot: number, node: NodeRef): void {
    this.counters.staleReplies++
    op.refused.add(slot)
    this.forgetOwner(op.rids[slot], node)
    if (op.told.has(slot)) { return }
    op.told.add(slot)
    this.send(node, { type: 'superseded', op: 0, rid: op.rids[slot], epoch: op.fence[slot] })
  }

  private retry (op: Op, reason: string): void {
    // Slots not ready yet (a rebuild or hand-off under way) are waited for until the deadline;
    // lost ballot races and timeouts are retried a bounded number of times.
    const waiting = reason === 'not-ready'
    if (waiting) { op.readyWaits++ }
    if (op.attempt - op.readyWaits >= this.cfg.attemptsMax || this.nowMs >= op.deadlineMs) { return this.fail(op, reason) }
    op.phase = 'backoff'
    // Deterministic jitter from the op and attempt, so rival coordinators do not retry in step.
    const base = waiting ? C.NOT_READY_RETRY_MS : C.BACKOFF_MS * (1 << Math.min(op.attempt - op.readyWaits, 6))
    const jitter = (hash32(this.selfHex, op.id, op.attempt) % 1000) / 1000
    this.timers.push(this.nowMs + base * (0.5 + jitter), 'backoff', op.id)
  }

  private succeed (op: Op, next: { value?: Uint8Array, version: number, applied: boolean }): void {
    this.ops.delete(op.id)
    this.opByMsg.delete(op.phaseSeq)
    this.forgetSends(op)
    this.dequeue(op)
    this.counters.opsDone++
    if (op.via !== undefined) { return this.answerVia(op.via, { type: 'home-done', op: op.via.op, ok: true, value: next.value, version: next.version, reason: '', ...(op.kind === 'cas' ? { applied: next.applied } : {}) }) }
    if (op.repair) { return }
    this.emit({ type: 'op-done', opId: op.id, kind: op.kind, value: next.value, version: next.version, applied: next.applied, attempts: op.attempt })
  }

  private fail (op: Op, reason: string): void {
    // Rival ballots, but never W slots up in any attempt: a replica outage, not contention (a get
    // during one used to fail as ERR_CONTENTION, "the replicas are fine, retry").
    if (reason === 'conflict' && Math.max(op.liveMax, this.liveSlots(op)) < this.W) { reason = 'unavailable' }
    this.ops.delete(op.id)
    this.opByMsg.delete(op.phaseSeq)
    this.forgetSends(op)
    // Indeterminate when an accept of ours may have been taken somewhere.
    const indeterminate = op.wrote && op.sends.size > 0
    this.dequeue(op)
    this.counters.opsFailed++
    this.forgetRevokes(op.id)
    // What it did is unknown: a state we confirmed for its key may be behind now (and a prime spent).
    this.unconfirm(op.key)
    this.primes.delete(keyString(op.key))
    if (op.via !== undefined) { return this.answerVia(op.via, { type: 'home-done', op: op.via.op, ok: false, version: 0, reason, ...(indeterminate ? { indeterminate: true } : {}) }) }
    if (op.repair) { return }
    this.emit({ type: 'op-failed', opId: op.id, kind: op.kind, reason, indeterminate, attempts: op.attempt })
  }

  /**
   * A refused accept that can never be taken leaves its op's sends: the replica had promised a
   * higher ballot and accepted a lower one than ours (both only grow at a replica), and it
   * answered in the incarnation we sent to (a replica rebuilt since may have forgotten what it
   * took). Copies of the accept (duplicates, resends) meet the same promise.
   */
  private noteRefusal (from: NodeRef, msg: Extract<StoreMessage, { type: 'nack' }>): void {
    if (msg.reason !== 'conflict' || msg.accepted === undefined || msg.epoch === undefined || msg.promised === undefined) { return }
    const id = this.acceptMsgs.get(msg.op)
    const op = id === undefined ? undefined : this.ops.get(id)
    const k = `${msg.op}|${msg.slot}|${from.addr}`
    const sent = op?.sends.get(k)
    if (op === undefined || sent === undefined) { return }
    if (compareBallots(msg.accepted, sent.ballot) < 0 && compareBallots(msg.promised, sent.ballot) > 0 && compareBallots(msg.epoch, sent.epoch) === 0) { op.sends.delete(k) }
  }

  private forgetSends (op: Op): void {
    for (const m of op.sendSeqs) { this.acceptMsgs.delete(m) }
  }

  private validSlot (slot: number): boolean {
    return Number.isInteger(slot) && slot >= 0 && slot < this.r
  }

  // ---------------------------------------------------------------- read leases (config `leases`)
  //
  // Quorum leases (after Moraru, Andersen and Kaminsky, SoCC 2014) on top of the per-key
  // CASPaxos rounds. The home of a key is the owner of its slot 0. A home that answers gets asks
  // the owners of its range's other slot images for grants (renewed every LEASE_RENEW_MS while
  // it has gets to answer). A grantor does not refuse anything for it: it tells of the lease in
  // every promise and accepted it sends for those replica ids, and a coordinator whose counted
  // replies tell of a lease completes only once the holder knows the outcome (its own slot-0
  // reply is among the counted ones, with that state) or the lease has ended: it asks each such
  // grantor to renew it no more (revoke) and waits out what is left. So any state a finished
  // operation saw or made is either held by the holder's copy or has broken its lease.
  //
  // The home answers a get from its slot-0 copy when (1) a quorum round it ran as home chose
  // the state its copy holds (confirmed), and (2) the grants of the slots that round counted on
  // have lasted without a break from before that round to now. Every state chosen since then
  // passed through one of those slots (quorums intersect) while its grant lasted, so the home
  // would hold it, or the grant would have been revoked. Arcs that become ready here refuse
  // proposers for LEASE_QUIET_MS, as they cannot tell of grants made by their former owner; a
  // grant from an incarnation older than one the home knows of counts for nothing.

  /** The outcome of a round: held back while a lease holder may not know it (see above), else done. */
  private finish (op: Op, next: { value?: Uint8Array, version: number, applied: boolean }, chosen: Ballot, slots: number[], read: boolean): void {
    if (this.leasing && !op.repair) {
      const zero = slots.includes(0) ? (read ? op.promises.get(0)?.node : op.acks.get(0)?.node) : undefined
      const holders = new Set<string>()
      for (const slot of slots) {
        const n = op.notes.get(slot)
        if (n !== undefined && n.holder !== this.self.addr && n.holder !== zero?.addr) { holders.add(n.holder) }
      }
      if (holders.size > 0) {
        op.phase = 'lease'
        op.outcome = { next, chosen, slots, read }
        op.waitHolders = holders
        op.revoking = 0
        op.revokeEndMs = this.nowMs
        op.revokeTries = 0
        op.holderAsked = false
        // The holder's own slot-0 reply may still come (a read may not have asked it yet).
        if (read && !op.asked.has(0) && op.phase === 'lease') { this.askFastRead(op, 0) }
        this.timers.push(this.nowMs + C.LEASE_ACK_WAIT_MS, 'lease-wait', op.id)
        return
      }
      this.noteChosen(op, chosen, slots, read)
      if (!read && zero !== undefined && zero.addr !== this.self.addr) { this.tellChosen(op, zero, chosen, slots) }
    }
    this.succeed(op, next)
  }

  /**
   * Our write was chosen with the holder's own slot-0 acceptance counted: tell it, with the
   * grants under which the other counted slots accepted, so that it can answer the next gets
   * from its copy without a quorum round (see onChosen).
   */
  private tellChosen (op: Op, zero: NodeRef, chosen: Ballot, slots: number[]): void {
    const grants: Array<{ slot: number, id: string }> = []
    for (const slot of slots) {
      const n = op.notes.get(slot)
      if (slot !== 0 && n !== undefined && n.holder === zero.addr) { grants.push({ slot, id: n.grant }) }
    }
    if (grants.length >= this.W - 1) { this.send(zero, { type: 'chosen', op: 0, key: op.key, ballot: chosen, grants }) }
  }

  /**
   * As home: a coordinator says `ballot` was chosen with our slot-0 acceptance and these grants
   * at the other counted slots. If our copy holds that ballot and at least W − 1 of those grants
   * (the same ids: never lapsed since) still hold, the key is confirmed: any later state needs a
   * quorum, which meets us (our copy changes) or one of those slots after it accepted `ballot`,
   * while the grant held, so that slot tells its coordinator of our lease.
   */
  private onChosen (m: Extract<StoreMessage, { type: 'chosen' }>): void {
    if (!this.leasing || m.key.length === 0 || m.key.length > C.KEY_BYTES_MAX || m.grants.length >= this.r || !m.grants.every(g => this.validSlot(g.slot) && g.slot > 0)) { return this.reject('chosen-invalid') }
    const rids = replicaIds(m.key, this.r)
    if (!this.serves(rids[0])) { return }
    const rec = this.backend.get(m.key, 0)
    if (rec === undefined || compareBallots(rec.accepted, m.ballot) !== 0) { return }
    const k = keyString(m.key)
    const old = this.confirmed.get(k)
    if (old !== undefined && compareBallots(old.b, m.ballot) >= 0) { return }
    const ids: Array<[number, string]> = []
    for (const g of m.grants) { if (this.holdsGrant(rids, g.slot, g.id) && !ids.some(([slot]) => slot === g.slot)) { ids.push([g.slot, g.id]) } }
    if (ids.length < this.W - 1) { return }
    this.confirmed.delete(k)
    this.confirmed.set(k, { b: m.ballot, startMs: this.nowMs, slots: [], ids })
    if (this.confirmed.size > C.LEASE_CONFIRMED_MAX) { this.confirmed.delete(this.confirmed.keys().next().value as string) }
  }

  /** Whether grant `id` still holds for us over the key's slot `slot` (renewed without a break). */
  private holdsGrant (rids: RingId[], slot: number, id: string): boolean {
    return this.leasePieces(rids, slot).some(l => l.id === id)
  }

  /** A holder's slot-0 reply holds the outcome: it no longer needs waiting for. */
  private holderKnows (op: Op, from: NodeRef): void {
    if (!op.waitHolders.delete(from.addr) || op.waitHolders.size > 0) { return }
    this.completeHeld(op)
  }

  private completeHeld (op: Op): void {
    const h = op.outcome
    assert(h !== undefined && op.phase === 'lease', 'no outcome held')
    this.forgetRevokes(op.id)
    this.noteChosen(op, h.chosen, h.slots, h.read)
    this.succeed(op, h.next)
  }

  private leaseWaitTimer (id: number): void {
    const op = this.ops.get(id)
    if (op === undefined || op.phase !== 'lease') { return }
    if (op.revokeTries > 0 && op.revoking === 0) {
      if (this.nowMs >= op.revokeEndMs) { return this.completeHeld(op) }
      this.timers.push(op.revokeEndMs, 'lease-wait', op.id)
      return
    }
    if (op.revokeTries >= C.ATTEMPTS_MAX) { return this.fail(op, 'lease-not-revoked') }
    if (!op.holderAsked && op.revokeTries === 0) {
      // Ask slot 0 once more (its reply or our request may have been lost), then revoke.
      op.holderAsked = true
      if (op.outcome?.read === true) { this.askFastRead(op, 0) } else { this.sendAccept(op, 0) }
      this.timers.push(this.nowMs + C.LEASE_ACK_WAIT_MS, 'lease-wait', op.id)
      return
    }
    this.sendRevokes(op)
  }

  /** Asks every counted replier that told of a lease we wait for to stop renewing it. */
  private sendRevokes (op: Op): void {
    const h = op.outcome
    assert(h !== undefined, 'no outcome held')
    if (op.revokeTries === 0) { this.counters.leaseRevokes++ }
    op.revokeTries++
    this.forgetRevokes(op.id)
    op.revoking = 0
    for (const slot of h.slots) {
      const n = op.notes.get(slot)
      const node = h.read ? op.promises.get(slot)?.node : op.acks.get(slot)?.node
      if (n === undefined || node === undefined || !op.waitHolders.has(n.holder)) { continue }
      const m = this.seq++
      this.revokes.set(m, op.id)
      op.revoking++
      this.send(node, { type: 'revoke', op: m, rid: op.rids[slot], holder: n.holder })
    }
    this.timers.push(this.nowMs + this.cfg.phaseTimeoutMs, 'lease-wait', op.id)
  }

  /** Grantor: `holder`'s grants over rid (of any slot: freezing more is safe) are renewed no more; says when the last one ends. */
  private onRevoke (from: NodeRef, m: Extract<StoreMessage, { type: 'revoke' }>): void {
    let end = this.nowMs
    for (const g of this.grants) {
      if (g.holder.addr !== m.holder || g.untilMs <= this.nowMs || !inOpenClosed(m.rid, g.lo, g.hi)) { continue }
      g.frozen = true
      if (g.untilMs > end) { end = g.untilMs }
    }
    this.send(from, { type: 'revoked', op: m.op, ms: Math.ceil(end - this.nowMs) })
  }

  /** Drops the revokes in flight of op `opId` (their answers are then ignored). */
  private forgetRevokes (opId: number): void {
    for (const [m, id] of this.revokes) { if (id === opId) { this.revokes.delete(m) } }
  }

  private onRevoked (m: Extract<StoreMessage, { type: 'revoked' }>): void {
    const id = this.revokes.get(m.op)
    if (id === undefined || !Number.isSafeInteger(m.ms) || m.ms < 0) { return this.reject('revoked-unexpected') }
    this.revokes.delete(m.op)
    const op = this.ops.get(id)
    if (op === undefined || op.phase !== 'lease') { return }
    op.revoking--
    const end = this.nowMs + m.ms * C.LEASE_WAIT_FACTOR
    if (end > op.revokeEndMs) { op.revokeEndMs = end }
    if (op.revoking > 0) { return }
    if (this.nowMs >= op.revokeEndMs) { return this.completeHeld(op) }
    this.timers.push(op.revokeEndMs, 'lease-wait', op.id)
  }

  /** As home: the round chose `chosen`; remember it as confirmed if the lease allows (see above). */
  private noteChosen (op: Op, chosen: Ballot, slots: number[], read: boolean): void {
    const k = keyString(op.key)
    const old = this.confirmed.get(k)
    if (old !== undefined && compareBallots(old.b, chosen) > 0) { return }
    // What we confirmed before is behind now, whether or not we can confirm this round: a
    // round we ran as holder waits for no one, so nothing else will break that confirmation
    // (our slot-0 copy may not have taken this state, being rebuilt, and may get the old one).
    this.confirmed.delete(k)
    if (op.repair || !this.serves(op.rids[0])) { return }
    const since = (slot: number): number => this.leaseAt(op.rids, slot)?.fromMs ?? Infinity
    let held: number[]
    if (read) {
      // The slots that agreed: none of them can take a later state without telling us.
      held = slots.filter(slot => slot !== 0)
      if (!held.every(slot => since(slot) <= op.startMs)) { return }
    } else {
      // Our ballot was chosen: a later state needs a prepare after ours, then accepts from a quorum.
      held = []
      for (let slot = 1; slot < this.r; slot++) { if (since(slot) <= op.startMs) { held.push(slot) } }
      if (held.length < this.W - 1) { return }
    }
    this.confirmed.set(k, { b: chosen, startMs: op.startMs, slots: held })
    if (this.confirmed.size > C.LEASE_CONFIRMED_MAX) { this.confirmed.delete(this.confirmed.keys().next().value as string) }
  }

  private unconfirm (key: Uint8Array): void {
    if (this.confirmed.size > 0) { this.confirmed.delete(keyString(key)) }
  }

  /** As home: our slot-0 record of the key, if the lease lets us answer a get with it alone. */
  private leaseRead (key: Uint8Array, rids: RingId[]): ReplicaRecord | undefined {
    const c = this.confirmed.get(keyString(key))
    if (c === undefined || !this.serves(rids[0])) { return undefined }
    const rec = this.backend.get(key, 0) ?? emptyRecord(key, 0, rids[0])
    if (compareBallots(rec.accepted, c.b) !== 0) { return undefined }
    for (const slot of c.slots) {
      if ((this.leaseAt(rids, slot)?.fromMs ?? Infinity) > c.startMs) { return undefined }
    }
    for (const [slot, id] of c.ids ?? []) {
      if (!this.holdsGrant(rids, slot, id)) { return undefined }
    }
    return rec
  }

  /** Our lease pieces over the key's slot `slot`, valid now, from incarnations not known to be superseded. */
  private leasePieces (rids: RingId[], slot: number): typeof this.leases {
    const p = this.pos(rids[0])
    const fence = maxBallot(this.fences.at(rids[slot]), this.committed.at(rids[slot]))
    return this.leases.filter(l => l.slot === slot && p >= l.a && p <= l.b && l.untilMs > this.nowMs && compareBallots(l.epoch, fence) >= 0)
  }

  /** The one of those held without a break the longest. */
  private leaseAt (rids: RingId[], slot: number): { fromMs: number } | undefined {
    let best: { fromMs: number } | undefined
    for (const l of this.leasePieces(rids, slot)) { if (best === undefined || l.fromMs < best.fromMs) { best = l } }
    return best
  }

  /** Grantor: the lease we granted over the slot-`slot` records at rid, for promise and accepted replies. */
  private leaseNote (slot: number, rid: RingId): { lease?: LeaseNote } {
    if (!this.leasing) { return {} }
    let best: { holder: NodeRef, untilMs: number, id: string } | undefined
    for (const g of this.grants) {
      if (g.slot === slot && g.untilMs > this.nowMs && inOpenClosed(rid, g.lo, g.hi) && (best === undefined || g.untilMs > best.untilMs)) { best = g }
    }
    return best === undefined ? {} : { lease: { holder: best.holder.addr, ms: Math.ceil(best.untilMs - this.nowMs), grant: best.id } }
  }

  private isQuiet (rid: RingId): boolean {
    return this.quiet.some(q => q.untilMs > this.nowMs && inOpenClosed(rid, q.lo, q.hi))
  }

  private addQuiet (arc: Arc): void {
    const until = this.nowMs + C.LEASE_QUIET_MS
    this.quiet = this.quiet.filter(q => q.untilMs > this.nowMs)
    this.quiet.push({ lo: arc.lo, hi: arc.hi, untilMs: until })
    // Too many: quiet everywhere instead (refusing more is safe).
    if (this.quiet.length > C.LEASE_GRANTS_MAX) { this.quiet = [{ lo: this.self.id, hi: this.self.id, untilMs: until }] }
  }

  /** Our range changed (or we leave): leases over it and what they confirmed are void. */
  private dropLeases (): void {
    this.leases = []
    this.confirmed.clear()
    this.primes.clear()
  }

  private armLeaseRenew (): void {
    if (this.leaseRenewArmed) { return }
    this.leaseRenewArmed = true
    this.timers.push(this.nowMs, 'lease-renew', 0)
  }

  private renewLeases (): void {
    this.leaseRenewArmed = false
    for (const [m, q] of this.leaseReqs) { if (q.sentMs < this.nowMs - C.LEASE_MS) { this.leaseReqs.delete(m) } }
    this.leases = this.leases.filter(l => l.untilMs > this.nowMs)
    const range = this.range
    if (range === undefined || this.leaving || this.nowMs - this.leaseDemandMs > C.LEASE_DEMAND_MS) { return }
    for (let slot = 1; slot < this.r; slot++) { this.sendLeaseReq(slot, shift(range.lo, slot, this.r), shift(range.hi, slot, this.r)) }
    this.leaseRenewArmed = true
    this.timers.push(this.nowMs + C.LEASE_RENEW_MS, 'lease-renew', 0)
  }

  private sendLeaseReq (slot: number, lo: RingId, hi: RingId): void {
    const m = this.seq++
    this.leaseReqs.set(m, { slot, sentMs: this.nowMs, hi })
    this.resolve((lo + 1n) & ID_MASK, node => {
      if (node === undefined || !this.leaseReqs.has(m)) { return }
      // Our incarnations there (zero where we have none), so that a grantor that knows we were
      // superseded refuses (too many to send: none, and the grantor does not check).
      const lo0 = unshift(lo, slot, this.r)
      const hi0 = unshift(hi, slot, this.r)
      const own = this.own.entries(lo0, hi0)
      if (own.length === 0) { own.push({ lo: lo0, hi: hi0, e: ZERO_EPOCH }) }
      this.send(node, { type: 'lease-req', op: m, slot, lo, hi, ...(own.length <= C.EPOCH_ARCS_MAX ? { own } : {}) })
    })
  }

  /** Grantor: grants the part of (lo, hi] we serve from lo on, up to another holder's grant. */
  private onLeaseReq (from: NodeRef, m: Extract<StoreMessage, { type: 'lease-req' }>): void {
    const nack = (reason: NackReason): void => {
      this.reject(`lease-req-${reason}`)
      this.send(from, { type: 'nack', op: m.op, slot: -1, reason, range: this.range })
    }
    if (!this.leasing || !this.validSlot(m.slot) || m.slot === 0) { return nack('invalid') }
    const start = (m.lo + 1n) & ID_MASK
    const why = this.refusal(start)
    if (why !== undefined) { return nack(why) }
    // A holder behind an incarnation committed over its own positions was superseded there (its
    // range was rebuilt elsewhere while it was cut off, say): it would hold a lease that every
    // write to those keys then waits to revoke. (A request without incarnations is not checked.)
    if (m.own !== undefined) {
      const theirs = new EpochMap()
      for (const x of m.own) { theirs.raise(x.lo, x.hi, x.e) }
      if (theirs.below(this.committed, unshift(m.lo, m.slot, this.r), unshift(m.hi, m.slot, this.r))) {
        this.reject('lease-req-superseded')
        return this.send(from, { type: 'nack', op: m.op, slot: -1, reason: 'not-owner', range: this.range })
      }
    }
    const range = this.rangeOrSelf()
    const len = (x: RingId): bigint => ((x - m.lo - 1n) & ID_MASK) + 1n
    let end = m.hi
    if (range.lo !== range.hi && len(range.hi) < len(end)) { end = range.hi }
    for (const p of this.pending) {
      const first = this.unpos(p.a)
      if (len(first) > len(start) && len(first) <= len(end)) { end = this.unpos(p.a - 1n) }
    }
    // Nor where we are quiet: a grant made there by the former owner may still be counted.
    if (this.isQuiet(start)) { return nack('not-ready') }
    for (const q of this.quiet) {
      const first = (q.lo + 1n) & ID_MASK
      if (q.untilMs > this.nowMs && len(first) > len(start) && len(first) <= len(end)) { end = q.lo }
    }
    // A revoked grant keeps its holder out a while longer (LEASE_MS after it ends): a holder that
    // coordinators cannot reach, but grantors can, would otherwise take the grant again at once,
    // and every write to its keys would wait out a revoke.
    this.grants = this.grants.filter(g => g.untilMs > this.nowMs || (g.frozen && g.untilMs + C.LEASE_MS > this.nowMs))
    for (const g of this.grants) {
      if (g.slot !== m.slot || (g.holder.addr === from.addr && !g.frozen)) { continue }
      if (g.untilMs <= this.nowMs && g.holder.addr !== from.addr) { continue }
      if (inOpenClosed(start, g.lo, g.hi)) { return nack('leased') }
      const first = (g.lo + 1n) & ID_MASK
      if (len(first) > len(start) && len(first) <= len(end)) { end = g.lo }
    }
    const until = this.nowMs + C.LEASE_MS
    let grant = this.grants.find(g => g.slot === m.slot && g.holder.addr === from.addr && !g.frozen && g.lo === m.lo && g.hi === end)
    if (grant !== undefined) {
      grant.untilMs = until
    } else {
      if (this.grants.length >= C.LEASE_GRANTS_MAX) { return nack('not-ready') }
      // A new id whenever a grant starts (not on renewals): the holder tells an unbroken grant by it.
      grant = { slot: m.slot, lo: m.lo, hi: end, holder: from, untilMs: until, frozen: false, id: `${this.selfHex}/${this.seq++}` }
      this.grants.push(grant)
    }
    this.counters.leaseGrants++
    // Our lowest incarnation over the grant (zero where we have none).
    let epoch: Ballot | undefined
    let covered = 0n
    for (const x of this.own.entries(m.lo, end)) {
      covered += ((x.hi - x.lo - 1n) & ID_MASK) + 1n
      if (epoch === undefined || compareBallots(x.e, epoch) < 0) { epoch = x.e }
    }
    if (epoch === undefined || covered < len(end)) { epoch = ZERO_EPOCH }
    this.send(from, { type: 'lease-grant', op: m.op, slot: m.slot, lo: m.lo, hi: end, range, epoch, grant: grant.id })
  }

  private onLeaseGrant (from: NodeRef, m: Extract<StoreMessage, { type: 'lease-grant' }>): void {
    const q = this.leaseReqs.get(m.op)
    if (q === undefined || q.slot !== m.slot) { return this.reject('lease-grant-unexpected') }
    this.leaseReqs.delete(m.op)
    this.learnOwner(from, m.range)
    if (this.range === undefined || this.leaving) { return }
    const lo0 = unshift(m.lo, m.slot, this.r)
    const hi0 = unshift(m.hi, m.slot, this.r)
    for (const piece of this.posPieces(lo0, hi0, this.rangeStart(), ID_MASK)) { this.addLease(m.slot, piece.a, piece.b, q.sentMs, m.epoch, m.grant) }
    // The grantor's range ended before ours: the rest is another node's.
    if (m.hi !== q.hi && m.hi === m.range.hi && m.range.lo !== m.range.hi) { this.sendLeaseReq(m.slot, m.hi, q.hi) }
  }

  /**
   * A grant (`id`) over [a, b] (our positions) of slot `slot`, asked at sentMs: valid until sentMs
   * + LEASE_MS × LEASE_GUARD. Where we hold a piece of the same grant, still valid, it goes on
   * without a break; a piece of another grant is left to run out (a grant that moved to a new
   * owner, or followed a lapse, starts a new piece: a revoke at the old grantor must end our
   * lease, whatever the new one says).
   */
  private addLease (slot: number, a: bigint, b: bigint, sentMs: number, epoch: Ballot, id: string): void {
    const until = sentMs + C.LEASE_MS * C.LEASE_GUARD
    if (until <= this.nowMs) { return }
    const out: typeof this.leases = []
    const covered: Array<[bigint, bigint]> = []
    for (const p of this.leases) {
      if (p.untilMs <= this.nowMs) { continue }
      if (p.slot !== slot || p.id !== id || p.b < a || p.a > b) {
        out.push(p)
        continue
      }
      if (p.a < a) { out.push({ ...p, b: a - 1n }) }
      if (p.b > b) { out.push({ ...p, a: b + 1n }) }
      const u = p.a > a ? p.a : a
      const v = p.b < b ? p.b : b
      out.push({ slot, a: u, b: v, fromMs: p.fromMs, untilMs: Math.max(p.untilMs, until), epoch: compareBallots(p.epoch, epoch) < 0 ? p.epoch : epoch, id })
      covered.push([u, v])
    }
    covered.sort((x, y) => compareBig(x[0], y[0]))
    let cursor = a
    for (const [u, v] of covered) {
      if (u > cursor) { out.push({ slot, a: cursor, b: u - 1n, fromMs: this.nowMs, untilMs: until, epoch, id }) }
      if (v + 1n > cursor) { cursor = v + 1n }
    }
    if (cursor <= b) { out.push({ slot, a: cursor, b, fromMs: this.nowMs, untilMs: until, epoch, id }) }
    // Too many pieces: hold none (the lease lapses; safe).
    this.leases = out.length > C.LEASE_GRANTS_MAX ? [] : out
  }

  /**
   * An operation on a key we are not home of goes to its home: a get, which the home may answer
   * from its lease, or a write, which the home coordinates (in one round trip when primed). A
   * get not answered within LEASE_GET_TIMEOUT_MS runs here (a get may run twice: it changes
   * nothing). A write never runs twice: once sent, it goes to that node only, again every
   * HOME_WRITE_RESEND_MS until answered (the home runs one copy, and answers the others with
   * its outcome, or that it still runs it). When the home says nothing for HOME_WRITE_SILENCE_MS
   * after it answered once (HOME_WRITE_FIRST_SILENCE_MS before: a connection may be still being
   * set up), the ring suspects it, a connection to it fails, or the operation's time is up, the
   * write fails indeterminate (the home may have applied it). Sent nowhere (no home found, or we
   * are it), it runs here. A home we have not heard from for HOME_HEARD_MS may be gone: the write
   * waits for its answer to a home-ping, and runs here if none came within HOME_PROBE_MS (or the
   * ring suspects it first). Before the ping, such a write ran here at once: with traffic that
   * pauses (a node idle a few seconds, or the benchmark's systems taking turns), about one write
   * in twenty then ran as a full round away from its home, took the ballot of the home's next
   * primed write, and with leases waited for the home's reply.
   */
  private sendHomeOp (opId: number, kind: OpKind, key: Uint8Array, rid0: RingId, value?: Uint8Array, expected?: number): void {
    const m = this.seq++
    const g: SentHomeOp = { opId, key, kind, rid0, value, expected, deadlineMs: this.nowMs + this.cfg.opTimeoutMs + C.HOME_WRITE_MARGIN_MS, heardMs: this.nowMs }
    this.homeOps.set(m, g)
    if (kind === 'get') { this.counters.leaseGetsSent++ }
    const wait = kind === 'get' ? Math.min(C.LEASE_GET_TIMEOUT_MS, this.cfg.opTimeoutMs) : C.HOME_WRITE_RESEND_MS
    this.timers.push(this.nowMs + wait, 'home-op', m)
    this.resolve(rid0, node => {
      if (!this.homeOps.has(m)) { return }
      if (node === undefined || node.addr === this.self.addr) {
        this.homeOps.delete(m)
        return this.startOp(opId, kind, key, value, expected, false, undefined, false)
      }
      // A write goes only to a home we heard from lately (else we ask first): one that died
      // meanwhile would leave it indeterminate, where run here (nothing sent there yet) it
      // succeeds with the other slots.
      if (kind !== 'get' && !((this.heard.get(node.addr) ?? -Infinity) >= this.nowMs - C.HOME_HEARD_MS)) {
        g.probe = { op: this.seq++, to: node }
        this.send(node, { type: 'home-ping', op: g.probe.op })
        this.timers.push(this.nowMs + C.HOME_PROBE_MS, 'home-probe', m)
        return
      }
      this.sendHomeNow(m, g, node)
    })
  }

  /** Sends operation `m` to its home `node`. */
  private sendHomeNow (m: number, g: SentHomeOp, node: NodeRef): void {
    g.to = node
    g.heardMs = this.nowMs
    if (g.kind !== 'get') { this.counters.homeWritesSent++ }
    this.sendHomeMessage(m, g)
  }

  /** The home answered the ping of a write waiting for it: the write goes there. */
  private onHomePong (from: NodeRef, msg: Extract<StoreMessage, { type: 'home-pong' }>): void {
    for (const [m, g] of this.homeOps) {
      if (g.probe?.op !== msg.op || g.probe.to.addr !== from.addr) { continue }
      g.probe = undefined
      return this.sendHomeNow(m, g, from)
    }
    this.reject('home-pong-unexpected')
  }

  /** No home-pong in time (or the ring suspects that home): the write runs here, as nothing was sent there. */
  private homeProbeTimeout (m: number): void {
    const g = this.homeOps.get(m)
    if (g?.probe === undefined) { return }
    this.homeOps.delete(m)
    this.counters.homeProbesUnanswered++
    this.startOp(g.opId, g.kind, g.key, g.value, g.expected, false, undefined, false)
  }

  private sendHomeMessage (m: number, g: SentHomeOp): void {
    if (g.to === undefined) { return }
    this.send(g.to, { type: 'home-op', op: m, key: g.key, by: this.selfHex, ...(g.kind === 'get' ? {} : { kind: g.kind }), ...(g.value === undefined ? {} : { value: g.value }), ...(g.expected === undefined ? {} : { expected: g.expected }) })
  }

  /** The home did not answer in time: a get runs here; a write is sent again, or fails (indeterminate once sent). */
  private homeOpTimeout (m: number): void {
    const g = this.homeOps.get(m)
    if (g === undefined) { return }
    if (g.kind === 'get') {
      this.homeOps.delete(m)
      return this.startOp(g.opId, 'get', g.key, undefined, undefined, false, undefined, false)
    }
    // (Until the home answered once, its silence may be a connection still being set up.)
    const silence = g.answered === true ? C.HOME_WRITE_SILENCE_MS : C.HOME_WRITE_FIRST_SILENCE_MS
    if (this.nowMs < g.deadlineMs && !g.suspected && this.nowMs - g.heardMs < silence) {
      this.sendHomeMessage(m, g)
      this.timers.push(Math.min(this.nowMs + C.HOME_WRITE_RESEND_MS, g.deadlineMs), 'home-op', m)
      return
    }
    this.homeOps.delete(m)
    // The home may be gone: look it up again for the next operation.
    this.forgetOwnerOf(g.rid0)
    const sent = g.to !== undefined
    this.emit({ type: 'op-failed', opId: g.opId, kind: g.kind, reason: sent ? 'home-unanswered' : 'timeout', indeterminate: sent, attempts: 1 })
  }

  private onHomeOp (from: NodeRef, m: Extract<StoreMessage, { type: 'home-op' }>): void {
    if (this.cfg.consistency !== 'linearizable' || m.key.length === 0 || m.key.length > C.KEY_BYTES_MAX) {
      this.reject('home-op-invalid')
      return this.send(from, { type: 'home-done', op: m.op, ok: false, version: 0, reason: 'invalid' })
    }
    let seen: string | undefined
    if (m.kind !== undefined) {
      // A write runs at most once: a copy of its message (sent again, or copied by the network)
      // gets the outcome if there is one yet, else nothing.
      // (The sender's run as well as its address: a restarted node numbers its messages anew.)
      seen = `${from.addr}/${m.by ?? ''}/${m.op}/${keyString(m.key)}`
      const old = this.homeWritesSeen.get(seen)
      if (old !== undefined) {
        this.reject('home-op-again')
        return this.send(from, old.reply ?? { type: 'home-done', op: m.op, ok: false, version: 0, reason: '', pending: true })
      }
      for (const [x, w] of this.homeWritesSeen) {
        if (w.atMs > this.nowMs - C.HOME_WRITE_DEDUP_MS && this.homeWritesSeen.size < C.HOME_WRITES_SEEN_MAX) { break }
        this.homeWritesSeen.delete(x)
      }
      this.homeWritesSeen.set(seen, { atMs: this.nowMs })
    }
    this.startOp(-(this.seq++), m.kind ?? 'get', m.key, m.value, m.expected, false, { to: from, op: m.op, seen })
  }

  /**
   * Answers the node that sent us an operation; a write's answer is kept for copies of its
   * message (without the value: a cas that did not apply is then told as failed, which is true).
   */
  private answerVia (via: { to: NodeRef, op: number, seen?: string }, answer: Extract<StoreMessage, { type: 'home-done' }>): void {
    const reply = this.range === undefined ? answer : { ...answer, range: this.range }
    this.send(via.to, reply)
    const w = via.seen === undefined ? undefined : this.homeWritesSeen.get(via.seen)
    if (w === undefined) { return }
    w.reply = reply.value === undefined || reply.applied !== false ? { ...reply, value: undefined } : { type: 'home-done', op: reply.op, ok: false, version: 0, reason: 'cas-not-applied' }
  }

  private onHomeDone (from: NodeRef, m: Extract<StoreMessage, { type: 'home-done' }>): void {
    const g = this.homeOps.get(m.op)
    if (g === undefined) { return this.reject('home-done-unexpected') }
    if (m.range !== undefined) { this.learnOwner(from, m.range) }
    if (m.pending === true) {
      g.heardMs = this.nowMs
      g.answered = true
      return
    }
    this.homeOps.delete(m.op)
    // (An outcome sent again comes without the value: a write's own.)
    if (m.ok) { return this.emit({ type: 'op-done', opId: g.opId, kind: g.kind, value: m.value ?? (g.kind !== 'get' && m.applied !== false ? g.value : undefined), version: m.version, applied: m.applied ?? true, attempts: 1 }) }
    this.emit({ type: 'op-failed', opId: g.opId, kind: g.kind, reason: m.reason, indeterminate: g.kind !== 'get' && m.indeterminate === true, attempts: 1 })
  }

  // ---------------------------------------------------------------- home writes (config `homeWrites`)
  //
  // The home of a key (owner of its slot 0) coordinates the writes to it (other nodes send
  // theirs: sendHomeOp), and runs them in one round trip where it can: CASPaxos's
  // one-round-trip variant (Rystsov 2018, §2.2.1). Every accept the home sends names `next`, a
  // fresh ballot of its own; an acceptor that accepts also promises `next`, in the same write.
  // W such acceptances (counted: consistent, see epochs.ts) are a phase 1 for `next` answered
  // early, in which the highest accepted state is the one just accepted (nothing between the
  // two ballots can be accepted by an acceptor that promised `next`). So the next write to the
  // key sends its accepts at `next` at once, with that state changed. A rival's higher ballot
  // in between makes those accepts fail, and the write falls back to a full round as a write
  // whose accept was sent (it succeeds only if its own state is found current). Promises move
  // with records (a rebuild or hand-off merges the highest), and the accepts carry what the
  // quorum knew of incarnations, so a slot rebuilt in between is counted as in a full round.

  /**
   * The home runs the operations on one key it coordinates one write at a time (gets together
   * between writes), in arrival order: its writes then do not take each other's ballots (a full
   * round of one would make the primed accepts of another fail, and that one's outcome unknown),
   * and each finds the prime its predecessor left. True when `op` may start now; otherwise it
   * waits (phase 'queued': no message is sent, its deadline still runs).
   */
  private enqueue (op: Op): boolean {
    const k = keyString(op.key)
    let q = this.keyQueues.get(k)
    if (q === undefined) {
      q = { readers: 0, writer: false, waiting: [] }
      this.keyQueues.set(k, q)
    }
    op.queue = k
    const write = op.kind !== 'get'
    if (q.waiting.length === 0 && !q.writer && (!write || q.readers === 0)) {
      if (write) { q.writer = true } else { q.readers++ }
      return true
    }
    op.phase = 'queued'
    q.waiting.push(op)
    return false
  }

  /** `op` ended (or waits no more): the next operations on its key start. */
  private dequeue (op: Op): void {
    const k = op.queue
    if (k === undefined) { return }
    op.queue = undefined
    const q = this.keyQueues.get(k)
    if (q === undefined) { return }
    if (op.phase === 'queued') {
      q.waiting = q.waiting.filter(x => x !== op)
    } else if (op.kind !== 'get') {
      q.writer = false
    } else {
      q.readers--
    }
    while (q.waiting.length > 0) {
      const next = q.waiting[0]
      const write = next.kind !== 'get'
      if (q.writer || (write && q.readers > 0)) { break }
      q.waiting.shift()
      if (write) { q.writer = true } else { q.readers++ }
      this.startAttempt(next)
    }
    if (!q.writer && q.readers === 0 && q.waiting.length === 0) { this.keyQueues.delete(k) }
  }

  /** A fresh ballot to be promised with this accept phase's acceptances, when we are the key's home. */
  private primeBallot (op: Op): Ballot | undefined {
    if (!this.homing || op.repair || !this.serves(op.rids[0])) { return undefined }
    return { n: ++this.ballotN, by: this.selfHex }
  }

  /** The accept phase reached its quorum: remember the promise of `next`, if W counted acceptances took it. */
  private notePrime (op: Op): void {
    const k = keyString(op.key)
    const b = op.nextBallot
    let primed = 0
    for (const a of op.acks.values()) { if (a.primed) { primed++ } }
    if (b === undefined || primed < this.W) {
      this.primes.delete(k)
      return
    }
    this.primes.delete(k)
    this.primes.set(k, { ballot: b, accepted: op.ballot, fence: [...op.fence], atMs: this.nowMs })
    if (this.primes.size > C.HOME_PRIMES_MAX) { this.primes.delete(this.primes.keys().next().value as string) }
  }

  /**
   * As home, with a prime for the key whose state our slot-0 copy holds: the write's first
   * attempt sends its accepts at once. False when it cannot (the op then runs a full round).
   */
  private startPrimed (op: Op): boolean {
    if (!this.homing || !this.serves(op.rids[0])) { return false }
    const k = keyString(op.key)
    const p = this.primes.get(k)
    if (p === undefined) { return false }
    this.primes.delete(k)
    if (this.nowMs - p.atMs > C.HOME_PRIME_TTL_MS) { return false }
    const rec = this.backend.get(op.key, 0)
    if (rec === undefined || compareBallots(rec.accepted, p.accepted) !== 0) { return false }
    const next = this.change(op, rec)
    if (!next.changed) { return false }
    this.newAttempt(op, 'accept')
    this.counters.oneRoundWrites++
    op.ballot = p.ballot
    op.fence = [...p.fence]
    op.next = { value: next.value, version: next.version, applied: next.applied }
    op.wrote = true
    op.proposed.set(op.ballot.n, op.next)
    op.nextBallot = this.primeBallot(op)
    this.newPhase(op)
    for (let slot = 0; slot < this.r; slot++) { this.sendAccept(op, slot) }
    return true
  }

  // ---------------------------------------------------------------- replica (acceptor)

  /**
   * Why we would not answer for rid now, or undefined when we would. `forRead`: to a rebuild
   * read (held and committing arcs serve those; those held for our own reads only when
   * `fromSelf`).
   */
  private refusal (rid: RingId, forRead = false, fromSelf = false): NackReason | undefined {
    const range = this.range
    if (range === undefined || this.leaving || !inOpenClosed(rid, range.lo, range.hi)) { return 'not-owner' }
    const p = this.pos(rid)
    for (const a of this.pending) { if (p >= a.a && p <= a.b && !(forRead && this.servesReads(a, fromSelf))) { return 'not-ready' } }
    return undefined
  }

  /** Whether a pending arc serves rebuild reads (from us alone, `fromSelf`). */
  private servesReads (a: PendingArc, fromSelf: boolean): boolean {
    return a.committing === true || (a.held === true && (a.selfOnly !== true || fromSelf))
  }

  private checkReplica (key: Uint8Array, slot: number, rid: RingId): NackReason | undefined {
    if (key.length === 0 || key.length > C.KEY_BYTES_MAX || !this.validSlot(slot) || replicaId(keyToId(key), slot, this.r) !== rid) { return 'invalid' }
    return this.refusal(rid) ?? (this.leasing && this.isQuiet(rid) ? 'not-ready' : undefined)
  }

  private onPrepare (from: NodeRef, m: Extract<StoreMessage, { type: 'prepare' }>): void {
    const why = this.checkReplica(m.key, m.slot, m.rid)
    if (why !== undefined) {
      this.reject(`prepare-${why}`)
      return this.send(from, { type: 'nack', op: m.op, slot: m.slot, reason: why, range: this.range })
    }
    const rec = this.backend.get(m.key, m.slot) ?? emptyRecord(m.key, m.slot, m.rid)
    if (compareBallots(m.ballot, rec.promised) < 0 || compareBallots(m.ballot, rec.accepted) <= 0) {
      return this.send(from, { type: 'nack', op: m.op, slot: m.slot, reason: 'conflict', promised: maxBallot(rec.promised, rec.accepted), range: this.range })
    }
    if (compareBallots(m.ballot, rec.promised) > 0) {
      rec.promised = m.ballot
      this.backend.put(rec)
    }
    this.send(from, { type: 'promise', op: m.op, slot: m.slot, accepted: rec.accepted, value: rec.value, version: rec.version, range: this.rangeOrSelf(), ...this.views(m.slot, m.rid), ...this.leaseNote(m.slot, m.rid) })
  }

  /** Our incarnation at rid (slot `slot` of a key), and the newest we know for each slot of that key. */
  private views (slot: number, rid: RingId): { epoch: Ballot, fences: Ballot[] } {
    const epoch = this.own.at(rid)
    const fences: Ballot[] = []
    for (let j = 0; j < this.r; j++) {
      if (j === slot) {
        fences.push(epoch)
        continue
      }
      const x = shift(rid, j - slot, this.r)
      fences.push(this.serves(x) ? maxBallot(this.fences.at(x), this.own.at(x)) : this.fences.at(x))
    }
    return { epoch, fences }
  }

  private onAccept (from: NodeRef, m: Extract<StoreMessage, { type: 'accept' }>): void {
    const why = this.checkReplica(m.key, m.slot, m.rid)
    if (why !== undefined || (m.value !== undefined && m.value.length > C.VALUE_BYTES_MAX) || !Number.isSafeInteger(m.version) || m.version < 0) {
      const reason = why ?? 'invalid'
      this.reject(`accept-${reason}`)
      return this.send(from, { type: 'nack', op: m.op, slot: m.slot, reason, range: this.range })
    }
    const rec = this.backend.get(m.key, m.slot) ?? emptyRecord(m.key, m.slot, m.rid)
    if (compareBallots(m.ballot, rec.promised) < 0 || compareBallots(m.ballot, rec.accepted) < 0) {
      // What we had accepted, and in which incarnation: the coordinator may learn from it that
      // its accept was never taken here (see noteRefusal).
      return this.send(from, { type: 'nack', op: m.op, slot: m.slot, reason: 'conflict', promised: maxBallot(rec.promised, rec.accepted), range: this.range, accepted: rec.accepted, epoch: this.own.at(m.rid) })
    }
    // With `next` (the same proposer's next ballot), the promise of it is taken in the same write:
    // a phase 1 for `next` answered early, with this acceptance as our accepted state.
    const next = m.next !== undefined && m.next.by === m.ballot.by && compareBallots(m.next, m.ballot) > 0 ? m.next : undefined
    const promised = maxBallot(maxBallot(rec.promised, m.ballot), next ?? m.ballot)
    if (compareBallots(m.ballot, rec.accepted) > 0) {
      this.backend.put({ ...rec, promised, accepted: m.ballot, value: m.value, version: m.version })
    } else if (compareBallots(promised, rec.promised) > 0) {
      this.backend.put({ ...rec, promised })
    }
    this.send(from, { type: 'accepted', op: m.op, slot: m.slot, range: this.rangeOrSelf(), ...this.views(m.slot, m.rid), ...this.leaseNote(m.slot, m.rid), ...(next === undefined ? {} : { primed: true }) })
  }

  // ---------------------------------------------------------------- baseline without consistency

  /** Consistency 'none': read one replica (spread by op id), or write all and take the first ack. */
  private startRaw (op: Op): void {
    const read = op.kind === 'get'
    this.newAttempt(op, read ? 'prepare' : 'accept')
    this.newPhase(op)
    const m = op.phaseSeq
    // A read asks the nearest replica (as the linearizable fast read asks the nearest quorum), another one on a retry.
    const slots = read ? [this.nearestSlots(op, op.id)[(op.attempt - 1) % this.r].slot] : Array.from({ length: this.r }, (_, i) => i)
    for (const slot of slots) {
      const rid = op.rids[slot]
      this.resolve(rid, node => {
        if (node === undefined || op.phaseSeq !== m || this.ops.get(op.id) !== op) { return }
        this.send(node, read ? { type: 'raw-read', op: m, key: op.key, slot, rid } : { type: 'raw-write', op: m, key: op.key, slot, rid, value: op.kind === 'delete' ? undefined : op.value })
      })
    }
  }

  private onRawRead (from: NodeRef, m: Extract<StoreMessage, { type: 'raw-read' }>): void {
    const why = this.checkReplica(m.key, m.slot, m.rid)
    if (why !== undefined) {
      this.reject(`raw-read-${why}`)
      return this.send(from, { type: 'nack', op: m.op, slot: m.slot, reason: why, range: this.range })
    }
    const rec = this.backend.get(m.key, m.slot) ?? emptyRecord(m.key, m.slot, m.rid)
    this.send(from, { type: 'promise', op: m.op, slot: m.slot, accepted: rec.accepted, value: rec.value, version: rec.version, range: this.rangeOrSelf(), ...this.views(m.slot, m.rid), ...this.leaseNote(m.slot, m.rid) })
  }

  private onRawWrite (from: NodeRef, m: Extract<StoreMessage, { type: 'raw-write' }>): void {
    const why = this.cfg.consistency === 'none' ? this.checkReplica(m.key, m.slot, m.rid) : 'invalid'
    if (why !== undefined || (m.value !== undefined && m.value.length > C.VALUE_BYTES_MAX)) {
      this.reject(`raw-write-${why ?? 'invalid'}`)
      return this.send(from, { type: 'nack', op: m.op, slot: m.slot, reason: why ?? 'invalid', range: this.range })
    }
    const rec = this.backend.get(m.key, m.slot) ?? emptyRecord(m.key, m.slot, m.rid)
    this.backend.put({ ...rec, value: m.value, version: rec.version + 1 })
    this.send(from, { type: 'accepted', op: m.op, slot: m.slot, range: this.rangeOrSelf(), ...this.views(m.slot, m.rid) })
  }

  private rangeOrSelf (): Arc {
    return this.range ?? { lo: this.self.id, hi: this.self.id }
  }

  // ---------------------------------------------------------------- saved meta (restart from disk)

  /**
   * Saves the meta (ready arcs, their incarnations, the fences) when it changed. Called at the
   * end of every step: the driver sends this step's messages only after the backend's writes
   * are durable, so no reply (a rebuild read's answer after its fence, say) gets ahead of it.
   */
  private persist (): void {
    const range = this.range
    if (this.restored !== undefined && range !== undefined && !this.leaving && this.pending.length === 0) {
      // All of our range is ready: what the last run had is of no more use.
      this.restored = undefined
      this.cold = false
    }
    // What the meta describes, compared field by field (most calls change none of it).
    const key = [this.own.version, this.fences.version, this.committed.version, this.restored?.mask.version ?? -1, range?.lo, range?.hi, this.leaving, this.leftReady === undefined, this.pending.length === 0 ? '' : this.pending.map(p => `${p.a}-${p.b}${p.committing === true ? 'c' : ''}`).join(',')]
    if (key.length === this.savedMeta.length && key.every((x, i) => x === this.savedMeta[i])) { return }
    this.savedMeta = key
    const { ready, epochs } = this.leaving ? (this.leftReady ?? { ready: new EpochMap(), epochs: new EpochMap() }) : this.readyForMeta()
    this.backend.saveMeta({ ready: ready.entries(0n, 0n).map(x => ({ lo: x.lo, hi: x.hi })), own: epochs.entries(0n, 0n), fences: this.fences.entries(0n, 0n), committed: this.committed.entries(0n, 0n) })
  }

  /** The positions our meta saves as ready (served, held from the last run, or read for a commit) and their incarnations. */
  private readyForMeta (): { ready: EpochMap, epochs: EpochMap } {
    const ready = new EpochMap()
    const epochs = new EpochMap()
    const restored = this.restored
    if (restored !== undefined) {
      // Not ready again yet (held or waiting): kept for the next run too.
      for (const x of restored.mask.entries(0n, 0n)) {
        ready.assign(x.lo, x.hi, PRESENT)
        for (const y of restored.epochs.entries(x.lo, x.hi)) { epochs.assign(y.lo, y.hi, y.e) }
      }
    }
    for (const x of this.readyParts()) {
      ready.assign(x.lo, x.hi, PRESENT)
      epochs.assign(x.lo, x.hi, ZERO_EPOCH)
      for (const y of this.own.entries(x.lo, x.hi)) { epochs.assign(y.lo, y.hi, y.e) }
    }
    for (const p of this.pending) {
      // A rebuild that has read every source holds a whole copy of the incarnation it commits:
      // saved as one (held after a restart in a cold start, never served as it is), so a second
      // crash mid-commit does not leave that copy behind its own committed incarnation.
      if (p.committing !== true || p.epoch === undefined) { continue }
      const x = this.arcOf(p)
      ready.assign(x.lo, x.hi, PRESENT)
      epochs.assign(x.lo, x.hi, p.epoch)
    }
    return { ready, epochs }
  }

  /** (Part of) our saved copy is superseded or no longer ours: never held or saved as ready again. */
  private forgetRestored (arc: Arc): void {
    this.restored?.mask.assign(arc.lo, arc.hi, ZERO_EPOCH)
    this.restored?.unused.assign(arc.lo, arc.hi, ZERO_EPOCH)
  }

  /** The parts of our range we serve (not pending), as arcs. */
  private readyParts (): Arc[] {
    if (this.range === undefined || this.leaving) { return [] }
    return this.readyPartsOf({ a: this.rangeStart(), b: ID_MASK }, false)
  }

  /** The arc (lo, hi] in our positions, clipped to [a, b]: none, one or two intervals. */
  private posPieces (lo: RingId, hi: RingId, a: bigint, b: bigint): Array<{ a: bigint, b: bigint }> {
    const pa = (this.pos(lo) + 1n) & ID_MASK
    const pb = this.pos(hi)
    const whole: Array<[bigint, bigint]> = lo === hi ? [[0n, ID_MASK]] : pa <= pb ? [[pa, pb]] : [[pa, ID_MASK], [0n, pb]]
    const out: Array<{ a: bigint, b: bigint }> = []
    for (const [x, y] of whole) {
      const u = x > a ? x : a
      const v = y < b ? y : b
      if (u <= v) { out.push({ a: u, b: v }) }
    }
    return out
  }

  /**
   * No ready copy is there to take over [a, b] (our positions): the parts of it the last run
   * served ready become held pending arcs, at the incarnations it saved. Held arcs answer no
   * operation but serve rebuild reads, so the copies the ring had when it stopped are the
   * sources its rebuilds read; each arc is served again once rebuilt from the other slots.
   */
  private holdRestored (a: bigint, b: bigint, selfOnly = false): void {
    const restored = this.restored
    if (restored === undefined || a > b) { return }
    const arc = this.arcOf({ a, b })
    const marks = restored.unused.entries(arc.lo, arc.hi)
    if (marks.length === 0) { return }
    restored.unused.assign(arc.lo, arc.hi, ZERO_EPOCH)
    for (const x of marks) {
      for (const piece of this.posPieces(x.lo, x.hi, a, b)) {
        const next: PendingArc[] = []
        for (const p of this.pending) {
          if (p.held === true || p.b < piece.a || p.a > piece.b) {
            next.push(p)
            continue
          }
          const u = p.a > piece.a ? p.a : piece.a
          const v = p.b < piece.b ? p.b : piece.b
          const forced = p.forced === true ? { forced: true } : {}
          if (p.a < u) { next.push({ a: p.a, b: u - 1n, sources: new Map(), startMs: p.startMs, ...forced }) }
          next.push({ a: u, b: v, sources: new Map(), startMs: this.nowMs, held: true, ...(selfOnly ? { selfOnly } : {}), ...forced })
          if (p.b > v) { next.push({ a: v + 1n, b: p.b, sources: new Map(), startMs: p.startMs, ...forced }) }
          const held = this.arcOf({ a: u, b: v })
          this.own.assign(held.lo, held.hi, ZERO_EPOCH)
          for (const y of restored.epochs.entries(held.lo, held.hi)) { this.own.assign(y.lo, y.hi, y.e) }
        }
        this.pending = next
      }
    }
    this.pruneReads()
    if (this.pending.length > C.PENDING_ARCS_MAX) { this.coalesce() }
    this.armRebuild(this.nowMs)
  }

  // ---------------------------------------------------------------- ranges

  /** Position of x counted from just after us, so our range (pred, self] is [start, MAX]. */
  private pos (x: RingId): bigint {
    return (x - this.self.id - 1n) & ID_MASK
  }

  private unpos (p: bigint): RingId {
    return (p + this.self.id + 1n) & ID_MASK
  }

  private rangeStart (): bigint {
    const r = this.range
    if (r === undefined) { return ID_MASK + 1n }
    return r.lo === r.hi ? 0n : this.pos(r.lo) + 1n
  }

  private arcOf (p: { a: bigint, b: bigint }): Arc {
    return { lo: this.unpos(p.a - 1n), hi: this.unpos(p.b) }
  }

  private setRange (pred: NodeRef | undefined): void {
    if (this.leaving) { return }
    this.predRef = pred === undefined || pred.addr === this.self.addr ? undefined : pred
    const lo = pred === undefined || pred.addr === this.self.addr ? this.self.id : pred.id
    const oldStart = this.rangeStart()
    const fresh = this.range === undefined
    this.range = { lo, hi: this.self.id }
    const start = this.rangeStart()
    if (!fresh && start === oldStart) { return }
    this.dropLeases()
    if (!fresh && start > oldStart) {
      // Shrunk: (old lo, new lo] now belongs to pred. Stop serving it, then hand it over.
      const lost = { a: oldStart, b: start - 1n }
      // An arc whose rebuild has read every source (committing) is as good as ready: it goes as
      // the incarnation it was committing (else that committed incarnation would never serve, and
      // copies behind it would never be read again).
      const ready = !this.pending.some(p => p.b >= lost.a && p.a <= lost.b && p.committing !== true)
      const readyParts = ready ? undefined : this.readyPartsOf(lost)
      this.pending = this.clip(this.pending, start)
      const arc = this.arcOf(lost)
      this.migrated = this.migrated.filter(m => !arcsOverlap(m, arc))
      // Handed over (its records then deleted here): no longer a copy of ours to hold or save.
      this.forgetRestored(arc)
      const own = this.own.entries(arc.lo, arc.hi)
      const epochs = this.imageEpochs(arc.lo, arc.hi)
      this.pruneEpochs()
      if (pred !== undefined) {
        this.startHandoff(pred, arc, ready, false, own, epochs, readyParts)
        if (!ready) {
          this.handedAway.push({ lo: arc.lo, hi: arc.hi, to: pred, atMs: this.nowMs })
          if (this.handedAway.length > C.MIGRATED_MAX) { this.handedAway.shift() }
        }
      }
      return
    }
    // Grown (or just joined): the gained part is not ready until handed over or rebuilt.
    const gained = { a: start, b: fresh ? ID_MASK : oldStart - 1n }
    this.pruneEpochs()
    const g = this.arcOf(gained)
    this.own.assign(g.lo, g.hi, ZERO_EPOCH)
    this.addPending(gained)
  }

  /** Epochs are kept for our range (own) and its slot images (fences) only. */
  private pruneEpochs (): void {
    const range = this.range
    if (range === undefined) {
      this.own.prune([])
      this.fences.prune([])
      this.committed.prune([])
      this.has.prune([])
      return
    }
    this.own.prune([range])
    this.has.prune([range])
    const images: Arc[] = []
    for (let k = 0; k < this.r; k++) { images.push({ lo: shift(range.lo, k, this.r), hi: shift(range.hi, k, this.r) }) }
    this.fences.prune(images)
    this.committed.prune(images)
  }

  /** What we know of the incarnations over every slot image of (lo, hi] (ours included), bounded in size. */
  private imageEpochs (lo: RingId, hi: RingId): EpochArc[] {
    const all = new EpochMap()
    for (let k = 0; k < this.r; k++) {
      const a = shift(lo, k, this.r)
      const b = shift(hi, k, this.r)
      for (const x of this.fences.entries(a, b)) { all.raise(x.lo, x.hi, x.e) }
      for (const x of this.own.entries(a, b)) { all.raise(x.lo, x.hi, x.e) }
    }
    all.cap(C.EPOCH_ARCS_MAX)
    return all.entries(0n, 0n)
  }

  /** The committed incarnations we know over every slot image of (lo, hi]. */
  private imageCommitted (lo: RingId, hi: RingId): EpochArc[] {
    if (this.committed.size === 0) { return [] }
    const all = new EpochMap()
    for (let k = 0; k < this.r; k++) {
      for (const x of this.committed.entries(shift(lo, k, this.r), shift(hi, k, this.r))) { all.raise(x.lo, x.hi, x.e) }
    }
    // Never merged upward (cap would claim commits that did not happen, and copies would be
    // refused for good): too many to name, none are named (less protection, never less liveness).
    return all.size > C.EPOCH_ARCS_MAX ? [] : all.entries(0n, 0n)
  }

  /** Takes committed incarnations another node knows (they are fences too). */
  private importCommitted (arcs: readonly EpochArc[]): void {
    for (const x of arcs) { this.committed.raise(x.lo, x.hi, x.e) }
    this.boundCommitted()
    this.importEpochs(arcs)
  }

  /** Keeps `committed` bounded by forgetting (first what lies outside our range's images, then all), never by merging upward. */
  private boundCommitted (): void {
    if (this.committed.size <= C.FENCE_SPANS_MAX) { return }
    this.pruneEpochs()
    if (this.committed.size > C.FENCE_SPANS_MAX) { this.committed.prune([]) }
  }

  /**
   * Takes epochs another node knows. Where one is newer than the incarnation we serve there, we
   * are stale: that part stops being served and is rebuilt above it.
   */
  private importEpochs (epochs: readonly EpochArc[]): void {
    for (const x of epochs) {
      if (x.e.n > this.epochN) { this.epochN = x.e.n }
      this.fences.raise(x.lo, x.hi, x.e)
      this.supersedeBelow(x)
    }
    if (this.fences.size > C.FENCE_SPANS_MAX) { this.fences.cap(C.FENCE_SPANS_MAX) }
  }

  /**
   * Supersedes every part of (x.lo, x.hi] we serve as an older incarnation than x.e. Our own
   * epochs, our pending arcs and the rebuild chunks are constant between their bounds, so those
   * bounds (inside x) are the positions to look at.
   */
  private supersedeBelow (x: EpochArc): void {
    const range = this.range
    if (range === undefined || this.leaving) { return }
    const at = new Set<RingId>([(x.lo + 1n) & ID_MASK])
    for (const o of this.own.entries(x.lo, x.hi)) {
      at.add((o.lo + 1n) & ID_MASK)
      at.add((o.hi + 1n) & ID_MASK)
    }
    for (const p of this.pending) { at.add(this.unpos(p.b + 1n)) }
    const start = this.rangeStart()
    const len = ID_MASK - start + 1n
    const chunks = len < BigInt(C.REBUILD_CHUNKS) ? 1n : BigInt(C.REBUILD_CHUNKS)
    for (let i = 0n; i < chunks; i++) { at.add(this.unpos(start + (len * i) / chunks)) }
    at.add((range.lo + 1n) & ID_MASK)
    for (const p of at) {
      if (inOpenClosed(p, x.lo, x.hi) && this.serves(p) && compareBallots(this.own.at(p), x.e) < 0) { this.supersede(p) }
    }
  }

  /** A newer incarnation of the chunk of our range holding x exists: stop serving the chunk and rebuild it above. */
  private supersede (x: RingId): void {
    const start = this.rangeStart()
    const len = ID_MASK - start + 1n
    const chunks = len < BigInt(C.REBUILD_CHUNKS) ? 1n : BigInt(C.REBUILD_CHUNKS)
    // The chunk [a, b] holding x (bounds as addPending cuts them: start + ⌊len·i/chunks⌋).
    let i = ((this.pos(x) - start) * chunks) / len
    while (i + 1n < chunks && start + (len * (i + 1n)) / chunks <= this.pos(x)) { i++ }
    while (i > 0n && start + (len * i) / chunks > this.pos(x)) { i-- }
    const a = start + (len * i) / chunks
    const b = start + (len * (i + 1n)) / chunks - 1n
    this.counters.superseded++
    // What we confirmed as home was about copies that are rebuilt now: a rebuilt copy can hold
    // a confirmed ballot and still miss a later write (pause seed 74: one the home ran while its
    // copy did not serve, which noteChosen now guards too). The next gets confirm again through
    // a quorum round.
    this.confirmed.clear()
    // The parts of [a, b] not pending already.
    let cursor = a
    const add: PendingArc[] = []
    for (const p of this.pending) {
      if (p.b < cursor || p.a > b) { continue }
      if (p.a > cursor) { add.push({ a: cursor, b: p.a - 1n, sources: new Map(), startMs: this.nowMs }) }
      cursor = p.b + 1n
    }
    if (cursor <= b) { add.push({ a: cursor, b, sources: new Map(), startMs: this.nowMs }) }
    for (const p of add) { p.held = true }
    this.pending.push(...add)
    this.pending.sort((p, q) => compareBig(p.a, q.a))
    if (this.pending.length > C.PENDING_ARCS_MAX) { this.coalesce() }
    this.armRebuild(this.nowMs)
  }

  private onSuperseded (m: Extract<StoreMessage, { type: 'superseded' }>): void {
    if (!this.serves(m.rid) || compareBallots(this.own.at(m.rid), m.epoch) >= 0) { return this.reject('superseded-unexpected') }
    this.importEpochs([{ lo: (m.rid - 1n) & ID_MASK, hi: m.rid, e: m.epoch }])
  }

  /** Keeps the parts of pending arcs at or after `start`. */
  private clip (arcs: PendingArc[], start: bigint): PendingArc[] {
    const out: PendingArc[] = []
    for (const p of arcs) {
      if (p.b < start) { continue }
      out.push(p.a >= start ? p : { ...p, a: start, sources: new Map() })
    }
    return out
  }

  private addPending (g: { a: bigint, b: bigint }): void {
    // Parts a leaving predecessor already handed over to us are ready at once.
    let parts = [g]
    const readied: Arc[] = []
    this.migrated = this.migrated.filter(m => this.nowMs - m.atMs < C.MIGRATED_TTL_MS)
    for (const m of this.migrated) {
      const ma = this.pos(m.lo) + 1n
      const mb = this.pos(m.hi)
      if (ma > mb) { continue }
      const next: Array<{ a: bigint, b: bigint }> = []
      for (const p of parts) {
        if (mb < p.a || ma > p.b) {
          next.push(p)
          continue
        }
        if (p.a < ma) { next.push({ a: p.a, b: ma - 1n }) }
        if (p.b > mb) { next.push({ a: mb + 1n, b: p.b }) }
        const covered = { a: p.a > ma ? p.a : ma, b: p.b < mb ? p.b : mb }
        const arc = this.arcOf(covered)
        this.adoptOwn(arc, m.own)
        this.emit({ type: 'ready', lo: arc.lo, hi: arc.hi, how: 'handoff' })
        readied.push(arc)
        // Ready at once, as by markReady: quiet too (its former owner's grants are unknown here).
        if (this.leasing) { this.addQuiet(arc) }
        this.forgetRestored(arc)
        m.used = true
      }
      parts = next
    }
    // A hand-off is used once: a later gain of the same arc must not take it as ready again.
    this.migrated = this.migrated.filter(m => m.used !== true)
    if (this.r === 1) {
      // Nothing to rebuild from: without replication a crash loses the range.
      for (const p of parts) {
        const arc = this.arcOf(p)
        this.own.assign(arc.lo, arc.hi, ZERO_EPOCH)
        if (this.leasing) { this.addQuiet(arc) }
        this.emit({ type: 'ready', lo: arc.lo, hi: arc.hi, how: 'rebuild' })
      }
      return
    }
    for (const p of parts) {
      // Rebuilt in chunks, each ready on its own: a chunk whose sibling images are ready does not
      // wait for one whose images lie in another node's unfinished rebuild.
      const len = p.b - p.a + 1n
      const chunks = len < BigInt(C.REBUILD_CHUNKS) ? 1n : BigInt(C.REBUILD_CHUNKS)
      for (let i = 0n; i < chunks; i++) {
        const a = p.a + (len * i) / chunks
        const b = p.a + (len * (i + 1n)) / chunks - 1n
        this.pending.push({ a, b, sources: new Map(), startMs: this.nowMs + this.cfg.handoffWaitMs })
      }
    }
    this.pending.sort((x, y) => compareBig(x.a, y.a))
    if (this.pending.length > C.PENDING_ARCS_MAX) { this.coalesce() }
    this.armRebuild(this.nowMs + this.cfg.handoffWaitMs)
    for (const arc of readied) { this.checkCurrent(arc) }
  }

  /** An arc just became ready: if we already know a newer incarnation of part of it, that part is superseded at once. */
  private checkCurrent (arc: Arc): void {
    for (const f of this.fences.entries(arc.lo, arc.hi)) { this.supersedeBelow(f) }
  }

  /** Merges adjacent pending arcs when there are too many (their rebuild restarts). */
  private coalesce (): void {
    const out: PendingArc[] = []
    for (const p of this.pending) {
      const last = out[out.length - 1]
      if (last !== undefined && p.a <= last.b + 1n) {
        out[out.length - 1] = { a: last.a, b: p.b > last.b ? p.b : last.b, sources: new Map(), startMs: Math.max(last.startMs, p.startMs), held: last.held === true && p.held === true, selfOnly: last.held === true && p.held === true && (last.selfOnly === true || p.selfOnly === true), ...(last.forced === true && p.forced === true ? { forced: true } : {}) }
      } else {
        out.push(p)
      }
    }
    this.pending = out
  }

  /** The incarnations of `arc` become those of `entries` (clipped to it; zero where they say nothing). */
  private adoptOwn (arc: Arc, entries: readonly EpochArc[]): void {
    const tmp = new EpochMap()
    for (const x of entries) { tmp.assign(x.lo, x.hi, x.e) }
    this.own.assign(arc.lo, arc.hi, ZERO_EPOCH)
    for (const x of tmp.entries(arc.lo, arc.hi)) { this.own.assign(x.lo, x.hi, x.e) }
  }

  /** The pending parts of [a, b] become ready, as incarnation `epoch` (a rebuild) or as handed over with `own`. */
  private markReady (a: bigint, b: bigint, how: 'handoff' | 'rebuild', epochs: Ballot | readonly EpochArc[]): void {
    const next: PendingArc[] = []
    let any = false
    for (const p of this.pending) {
      if (b < p.a || a > p.b) {
        next.push(p)
        continue
      }
      any = true
      const part = this.arcOf({ a: p.a > a ? p.a : a, b: p.b < b ? p.b : b })
      if (Array.isArray(epochs)) { this.adoptOwn(part, epochs) } else { this.own.assign(part.lo, part.hi, epochs as Ballot) }
      if (p.a < a) { next.push({ ...p, b: a - 1n, sources: new Map() }) }
      if (p.b > b) { next.push({ ...p, a: b + 1n, sources: new Map() }) }
    }
    this.pending = next
    this.pruneReads()
    if (any) {
      const arc = this.arcOf({ a, b })
      if (this.leasing) { this.addQuiet(arc) }
      this.forgetRestored(arc)
      this.emit({ type: 'ready', lo: arc.lo, hi: arc.hi, how })
      this.checkCurrent(arc)
    }
  }

  // ---------------------------------------------------------------- rebuild from the other slots

  /** Forgets rebuild reads of arcs no longer pending (their answers are ignored anyway). */
  private pruneReads (): void {
    for (const [op, r] of this.rebuildReads) {
      if (!this.pending.includes(r.arc)) { this.rebuildReads.delete(op) }
    }
  }

  /** One rebuild timer chain: a new timer only when it is due before the one already queued. */
  private armRebuild (atMs: number): void {
    if (atMs >= this.rebuildAtMs && this.rebuildAtMs >= this.nowMs) { return }
    this.rebuildAtMs = atMs
    this.timers.push(atMs, 'rebuild', 0)
  }

  private pumpRebuild (): void {
    this.rebuildAtMs = Infinity
    if (this.restored !== undefined && this.cold) {
      // A cold start whose wait for a hand-off is over with none ready (or one came before we
      // had the range): where we served these positions when we stopped, our copy is held for
      // the rebuilds to read, ours and the other slots' (else two restarted nodes whose arcs are
      // each other's slot images would wait on each other forever).
      for (const p of [...this.pending]) { if (p.held !== true && p.startMs <= this.nowMs) { this.holdRestored(p.a, p.b) } }
    } else if (this.restored !== undefined) {
      // A restart into a live ring, the wait for a hand-off over: our saved copy is held for our
      // own rebuilds only (see PendingArc.selfOnly).
      for (const p of [...this.pending]) { if (p.held !== true && p.startMs <= this.nowMs) { this.holdRestored(p.a, p.b, true) } }
    }
    this.pruneReads()
    let nextAt = Infinity
    const forced: PendingArc[] = []
    for (const p of this.pending) {
      if (p.startMs > this.nowMs) {
        nextAt = Math.min(nextAt, p.startMs)
        continue
      }
      const arc = this.arcOf(p)
      if (p.epoch === undefined) { p.epoch = this.newEpoch(arc) }
      for (let j = 1; j < this.r; j++) {
        let s = p.sources.get(j)
        if (s === undefined) {
          s = { covered: shift(arc.lo, j, this.r), done: false, sentMs: 0 }
          p.sources.set(j, s)
        }
        if (s.done) { continue }
        if (s.inflight === undefined && this.readLast(p, j)) { continue }
        if (s.inflight !== undefined) {
          if (this.nowMs - s.sentMs < this.cfg.rebuildRetryMs) { continue }
          // No answer: ask again, looking the owner up afresh (it may be gone).
          s.failingSinceMs ??= s.sentMs
          this.rebuildReads.delete(s.inflight)
          s.inflight = undefined
          this.forgetOwnerOf(s.after?.rid ?? ((s.covered + 1n) & ID_MASK))
        }
        this.sendRangeRead(p, j)
      }
      if (p.forced === true) { forced.push(p) }
      nextAt = Math.min(nextAt, this.nowMs + this.cfg.rebuildRetryMs)
    }
    if (nextAt < Infinity) { this.armRebuild(nextAt) }
    // A forced pass may end now that some source has failed long enough. (After the loop: a
    // rebuild that ends changes the pending arcs.)
    for (const p of forced) { if (this.pending.includes(p)) { this.afterSource(p) } }
  }

  /** Whether a rebuild source's reads have failed (refused, unanswered, no owner) for at least `ms`. */
  private failingFor (s: RebuildSource | undefined, ms: number): boolean {
    return s?.failingSinceMs !== undefined && this.nowMs - s.failingSinceMs >= ms
  }

  /** In a forced rebuild: a source a pass may end without (its reads have failed for FORCE_SKIP_RETRIES retry periods). */
  private absentSource (p: PendingArc, s: RebuildSource | undefined): boolean {
    return p.forced === true && s?.done !== true && this.failingFor(s, C.FORCE_SKIP_RETRIES * this.cfg.rebuildRetryMs)
  }

  /**
   * Whether source j of p is to wait: its image meets a copy of ours held for our own reads
   * (selfOnly), and another source is not read yet. That copy is read last, so the committed
   * incarnations every other source knows are known here first.
   */
  private readLast (p: PendingArc, j: number): boolean {
    if (p.committing === true || !this.selfImage(p, j)) { return false }
    for (let k = 1; k < this.r; k++) {
      const s = p.sources.get(k)
      if (k !== j && s?.done !== true && !this.absentSource(p, s) && !this.selfImage(p, k)) { return true }
    }
    return false
  }

  /** Whether the image of p at slot shift j meets one of our arcs held for our own reads. */
  private selfImage (p: PendingArc, j: number): boolean {
    if (this.restored === undefined || this.cold) { return false }
    const arc = this.arcOf(p)
    const lo = shift(arc.lo, j, this.r)
    const hi = shift(arc.hi, j, this.r)
    for (const q of this.pending) {
      if (q.selfOnly !== true) { continue }
      for (const x of this.posPieces(lo, hi, q.a, q.b)) { if (x.a <= x.b) { return true } }
    }
    return false
  }

  /** An epoch above every one we know for the arc. */
  private newEpoch (arc: Arc): Ballot {
    const known = maxBallot(this.fences.maxIn(arc.lo, arc.hi), this.own.maxIn(arc.lo, arc.hi))
    this.epochN = Math.max(this.epochN, known.n) + 1
    return { n: this.epochN, by: this.selfHex }
  }

  private sendRangeRead (p: PendingArc, j: number): void {
    const s = p.sources.get(j)
    assert(s !== undefined, 'range read without a source')
    const hi = shift(this.arcOf(p).hi, j, this.r)
    const op = this.seq++
    s.inflight = op
    s.sentMs = this.nowMs
    this.rebuildReads.set(op, { arc: p, j })
    const from = s.covered
    const after = s.after
    this.resolve(after?.rid ?? ((from + 1n) & ID_MASK), node => {
      if (node === undefined || s.inflight !== op) {
        if (s.inflight === op) {
          s.inflight = undefined
          s.failingSinceMs ??= this.nowMs
        }
        this.rebuildReads.delete(op)
        return
      }
      const committed = this.imageCommitted(from, hi)
      this.send(node, { type: 'range-read', op, lo: from, hi, after, limit: C.PAGE_RECORDS_MAX, fence: p.epoch === undefined ? undefined : { e: p.epoch, j }, ...(p.committing === true ? { commit: true } : {}), ...(committed.length > 0 ? { committed } : {}) })
    })
  }

  private onRebuildRefused (op: number, from: NodeRef): void {
    const read = this.rebuildReads.get(op)
    if (read === undefined) { return }
    this.rebuildReads.delete(op)
    const s = read.arc.sources.get(read.j)
    if (s?.inflight === op) {
      s.inflight = undefined
      s.failingSinceMs ??= this.nowMs
    }
    const arc = this.arcOf(read.arc)
    this.forgetOwner((shift(arc.lo, read.j, this.r) + 1n) & ID_MASK, from)
    // Retried by the rebuild timer.
  }

  private onRangeRead (from: NodeRef, m: Extract<StoreMessage, { type: 'range-read' }>): void {
    const start = m.after?.rid ?? ((m.lo + 1n) & ID_MASK)
    const fromSelf = from.addr === this.self.addr
    const why = this.refusal(start, true, fromSelf)
    const badFence = (m.fence !== undefined && (!Number.isInteger(m.fence.j) || m.fence.j < 1 || m.fence.j >= this.r)) ||
      (m.after !== undefined && !inOpenClosed(m.after.rid, m.lo, m.hi))
    if (why !== undefined || !Number.isInteger(m.limit) || m.limit < 1 || badFence) {
      this.reject(`range-read-${why ?? 'invalid'}`)
      return this.send(from, { type: 'nack', op: m.op, slot: -1, reason: why ?? 'invalid', range: this.range })
    }
    const range = this.rangeOrSelf()
    const end = this.coverEnd(m.lo, m.hi, start, fromSelf)
    if (m.committed !== undefined && m.committed.length > 0) { this.importCommitted(m.committed) }
    if (this.behind((start - 1n) & ID_MASK, end)) {
      // Our copy there is behind an incarnation that served (or is about to): it may miss values
      // chosen through it, so no rebuild may start from it (r = 3, majorities, seed 119).
      this.counters.behindRefusals++
      this.reject('range-read-behind')
      return this.send(from, { type: 'nack', op: m.op, slot: -1, reason: 'not-ready', range: this.range })
    }
    if (m.commit === true && m.fence !== undefined) {
      const lo = unshift((start - 1n) & ID_MASK, m.fence.j, this.r)
      const hi = unshift(end, m.fence.j, this.r)
      this.importEpochs([{ lo, hi, e: m.fence.e }])
      this.committed.raise(lo, hi, m.fence.e)
      this.boundCommitted()
      return this.send(from, { type: 'range-data', op: m.op, records: [], upTo: end, more: false, range, epochs: this.imageEpochs(m.lo, end), committed: this.imageCommitted(m.lo, end) })
    }
    if (m.fence !== undefined) {
      // A rebuild read: from now on the reader's positions belong to its new incarnation, and
      // what we answer below is what it starts from (epochs.ts).
      this.importEpochs([{ lo: unshift(m.lo, m.fence.j, this.r), hi: unshift(end, m.fence.j, this.r), e: m.fence.e }])
    }
    const records: ReplicaRecord[] = []
    let bytes = 0
    for (const rec of this.backend.range(m.lo, end, Math.min(m.limit, C.PAGE_RECORDS_MAX), m.after)) {
      records.push(rec)
      bytes += rec.key.length + (rec.value?.length ?? 0)
      if (bytes >= C.PAGE_BYTES_MAX) { break }
    }
    const more = records.length >= Math.min(m.limit, C.PAGE_RECORDS_MAX) || bytes >= C.PAGE_BYTES_MAX
    this.send(from, { type: 'range-data', op: m.op, records, upTo: end, more, range, epochs: this.imageEpochs(m.lo, end), committed: this.imageCommitted(m.lo, end) })
  }

  /** How far from `lo` toward `hi` we hold ready records (from `start`, which we hold ready). */
  private coverEnd (lo: RingId, hi: RingId, start: RingId, fromSelf: boolean): RingId {
    const range = this.rangeOrSelf()
    let end = hi
    const lenTo = (x: RingId): bigint => (x - lo) & ID_MASK
    if (range.lo !== range.hi && lenTo(range.hi) < lenTo(end)) { end = range.hi }
    for (const p of this.pending) {
      if (this.servesReads(p, fromSelf)) { continue }
      const pStart = this.unpos(p.a - 1n)
      if (lenTo(pStart) >= lenTo(start) && lenTo(pStart) < lenTo(end)) { end = pStart }
    }
    return end
  }

  private onRangeData (from: NodeRef, m: Extract<StoreMessage, { type: 'range-data' }>): void {
    this.learnOwner(from, m.range)
    if (this.aePulls.has(m.op)) { return this.onPullData(from, m) }
    const read = this.rebuildReads.get(m.op)
    if (read === undefined) { return this.reject('range-data-unexpected') }
    this.rebuildReads.delete(m.op)
    this.importEpochs(m.epochs)
    if (m.committed !== undefined && m.committed.length > 0) { this.importCommitted(m.committed) }
    const p = read.arc
    const s = p.sources.get(read.j)
    if (s === undefined || s.inflight !== m.op || !this.pending.includes(p)) { return }
    s.inflight = undefined
    s.failingSinceMs = undefined
    const arc = this.arcOf(p)
    const merged: ReplicaRecord[] = []
    for (const rec of p.committing === true ? [] : m.records) {
      if (!this.validSlot(rec.slot)) { continue }
      const slot = (rec.slot - read.j + this.r) % this.r
      const rid = replicaId(keyToId(rec.key), slot, this.r)
      if (!inOpenClosed(rid, arc.lo, arc.hi)) { continue }
      const incoming = { ...rec, slot, rid }
      const next = mergeRecord(this.backend.get(rec.key, slot), incoming)
      if (next !== undefined) { merged.push(next) }
    }
    if (merged.length > 0) { this.backend.putMany(merged) }
    this.counters.rebuildRecords += merged.length
    const srcHi = shift(arc.hi, read.j, this.r)
    if (m.more && m.records.length > 0) {
      const last = m.records[m.records.length - 1]
      s.after = { rid: last.rid, key: last.key }
    } else {
      s.covered = m.upTo
      s.after = undefined
      if (m.upTo === srcHi) { s.done = true }
    }
    if (!s.done) {
      this.sendRangeRead(p, read.j)
      return
    }
    this.afterSource(p)
  }

  /**
   * A source of p was read to its end (or, forced, a pump found some failing long enough): the
   * rebuild goes on to its commit pass, or ends, once enough are. Enough: every other slot
   * (rebuildNeed); in an arc an operator forced, every other slot read or absent (failing for
   * FORCE_SKIP_RETRIES retry periods), with at least r − W + 1 read from other nodes' copies
   * (every chosen value is on W slots, so those hold it; our own saved copy may be behind an
   * incarnation only the absent slots know of, so it does not count).
   */
  private afterSource (p: PendingArc): void {
    const arc = this.arcOf(p)
    let done = 0
    let doneOthers = 0
    let absent = 0
    for (const [j, x] of p.sources) {
      if (x.done) {
        done++
        if (!this.selfImage(p, j)) { doneOthers++ }
      } else if (this.absentSource(p, x)) {
        absent++
      }
    }
    const forcedDone = absent > 0 && p.sources.size === this.r - 1 && done + absent === this.r - 1 && doneOthers >= Math.max(1, this.r - this.W + 1)
    if (done < this.rebuildNeed && !forcedDone) {
      // A source that waited for this one (readLast) goes now.
      for (const [k, x] of p.sources) {
        if (!x.done && x.inflight === undefined && this.selfImage(p, k)) {
          this.armRebuild(this.nowMs)
          break
        }
      }
      return
    }
    if (forcedDone) {
      // This pass ends without the absent sources: their reads in flight are dropped.
      p.skippedAny = true
      for (const x of p.sources.values()) { if (x.inflight !== undefined) { this.rebuildReads.delete(x.inflight) } }
    }
    const seen = this.fences.maxIn(arc.lo, arc.hi)
    if (p.epoch === undefined || compareBallots(seen, p.epoch) > 0) {
      // A newer incarnation of (part of) the arc exists than the one we fenced with: fence
      // again above it, and read again (what we read so far is kept; more can only be merged).
      this.counters.epochRestarts++
      p.epoch = this.newEpoch(arc)
      p.sources = new Map()
      p.committing = false
      this.armRebuild(this.nowMs)
      return
    }
    if (p.committing !== true) {
      // Read from every source: now commit the incarnation at each of them (the same slots
      // again, no records), so a rebuild that later meets a copy behind it refuses that copy.
      p.committing = true
      p.sources = new Map()
      // Our copy there is now the new incarnation's (served to rebuild reads, not to operations):
      // not behind the commit we are spreading.
      this.own.assign(arc.lo, arc.hi, p.epoch)
      this.armRebuild(this.nowMs)
      return
    }
    this.counters.rebuilds++
    if (p.skippedAny === true) { this.counters.forcedRebuilds++ }
    this.markReady(p.a, p.b, 'rebuild', p.epoch)
  }

  // ---------------------------------------------------------------- hand-off

  private startHandoff (to: NodeRef, arc: Arc, ready: boolean, leave: boolean, own: EpochArc[], epochs: EpochArc[], readyParts?: Arc[]): void {
    if (own.length > C.EPOCH_ARCS_MAX || (readyParts !== undefined && readyParts.length > C.EPOCH_ARCS_MAX)) {
      // Too many incarnations to name in one message (never seen): hand the records over not
      // ready, so the new owner rebuilds (and fences) the arc itself.
      ready = false
      own = []
      readyParts = undefined
    }
    const op = this.seq++
    const h: Handoff = { to, lo: arc.lo, hi: arc.hi, ready, own, epochs, op, attempts: 0, sentMs: this.nowMs, leave, ...(ready || readyParts === undefined || readyParts.length === 0 ? {} : { readyParts }), pageOp: op, pageLast: false }
    this.handoffs.set(op, h)
    this.sendHandoffPage(h)
  }

  /** Sends the page that starts at h.after (again, after a timeout: the same page op). */
  private sendHandoffPage (h: Handoff): void {
    const records: ReplicaRecord[] = []
    let bytes = 0
    for (const rec of this.backend.range(h.lo, h.hi, C.PAGE_RECORDS_MAX, h.after)) {
      records.push(rec)
      bytes += rec.key.length + (rec.value?.length ?? 0)
      if (bytes >= C.PAGE_BYTES_MAX) { break }
    }
    const last = records.length < C.PAGE_RECORDS_MAX && bytes < C.PAGE_BYTES_MAX
    h.attempts++
    h.sentMs = this.nowMs
    h.pageLast = last
    const end = records[records.length - 1]
    h.pageEnd = end === undefined ? h.after : { rid: end.rid, key: end.key }
    this.counters.handoffRecordsSent += records.length
    this.send(h.to, { type: 'handoff', op: h.pageOp, lo: h.lo, hi: h.hi, records, last, ready: h.ready, own: h.own, epochs: h.epochs, cold: !h.ready && this.cold, ...(last && h.readyParts !== undefined ? { readyParts: h.readyParts } : {}) })
    this.timers.push(this.nowMs + C.HANDOFF_RETRY_MS, 'handoff', h.op)
  }

  private resendHandoff (op: number): void {
    const h = this.handoffs.get(op)
    if (h === undefined || this.nowMs - h.sentMs < C.HANDOFF_RETRY_MS) { return }
    if (h.attempts >= C.HANDOFF_ATTEMPTS_MAX) {
      // The new owner is gone: the records stay here (its successor rebuilds from the replicas).
      this.handoffs.delete(op)
      if (h.leave) { this.emit({ type: 'handed-off', complete: false }) }
      return
    }
    this.sendHandoffPage(h)
  }

  private onHandoffAck (from: NodeRef, m: Extract<StoreMessage, { type: 'handoff-ack' }>): void {
    let h: Handoff | undefined
    for (const x of this.handoffs.values()) { if (x.pageOp === m.op) { h = x } }
    // (An acknowledgement of a page sent twice arrives twice: the second names a page op no longer in flight.)
    if (h === undefined || h.to.addr !== from.addr) { return this.reject('handoff-ack-unexpected') }
    if (h.pageLast) {
      this.handoffs.delete(h.op)
      // Our successor serves (or rebuilds) the range now: our copies are no longer ready anywhere.
      if (h.leave && m.taken === true) { this.leftReady = undefined }
      // No longer ours: drop it unless our range has grown back over it meanwhile, or another
      // hand-off still in flight reads pages of it (it would send them empty).
      const busy = [...this.handoffs.values()].some(o => arcsOverlap(o, h))
      if (!busy && !this.leaving && this.range !== undefined && !inOpenClosed(h.hi, this.range.lo, this.range.hi)) { this.backend.deleteRange(h.lo, h.hi) }
      if (h.leave) { this.emit({ type: 'handed-off', complete: true }) }
      return
    }
    h.after = h.pageEnd
    h.attempts = 0
    h.pageOp = this.seq++
    this.sendHandoffPage(h)
  }

  private onHandoff (from: NodeRef, m: Extract<StoreMessage, { type: 'handoff' }>): void {
    // Accepted from the arc's previous owner only: a leaving predecessor (its own range) or
    // the successor that owned our range before we joined.
    if (from.id !== m.hi && m.hi !== this.self.id) { return this.reject('handoff-wrong-sender') }
    // Their incarnations are newer than ours where we still serve part of the arc: then we are stale there.
    this.importEpochs(m.epochs)
    this.importEpochs(m.own)
    const merged: ReplicaRecord[] = []
    for (const rec of m.records) {
      if (!this.validSlot(rec.slot) || !inOpenClosed(rec.rid, m.lo, m.hi) || replicaId(keyToId(rec.key), rec.slot, this.r) !== rec.rid) {
        this.reject('handoff-bad-record')
        continue
      }
      if (this.serves(rec.rid)) {
        // Serving it already: our acceptor state is current; take only what a late accept would.
        continue
      }
      const next = mergeRecord(this.backend.get(rec.key, rec.slot), rec)
      if (next !== undefined) { merged.push(next) }
    }
    if (merged.length > 0) { this.backend.putMany(merged) }
    this.counters.handoffRecordsReceived += merged.length
    const range = this.range
    const mine = range !== undefined && !this.leaving && inOpenClosed(m.hi, range.lo, range.hi)
    // Taken: we serve the arc from now on (or rebuild what of it was not ready). Not taken (we
    // are leaving too, or it is not ours): a leaving sender keeps it in its meta.
    this.send(from, { type: 'handoff-ack', op: m.op, ...(m.last && mine ? { taken: true } : {}) })
    if (!m.last) { return }
    // The parts of (lo, hi] in our range: one interval, or two when the sender's view of the
    // arc runs through our own id (views that disagree).
    const pieces = mine ? this.posPieces(m.lo, m.hi, this.rangeStart(), ID_MASK) : []
    // Our copy of (lo, hi] now holds all the sender's incarnations had there.
    this.noteHas(m.lo, m.hi, m.own)
    if (!m.ready) {
      // A whole ring restarted and the previous owner has no ready copy either: if we served
      // these positions when we stopped, our copy is one the rebuilds can read.
      if (m.cold && this.restored !== undefined) {
        this.cold = true
        for (const p of this.pending) { p.selfOnly = undefined }
        for (const x of pieces) { this.holdRestored(x.a, x.b) }
      }
      // The parts it did hold ready travel as if handed over alone.
      for (const part of m.readyParts ?? []) {
        if (!arcWithin(part, m)) { continue }
        this.forwardReady(part.lo, part.hi, m.own, m.epochs)
        if (mine) {
          for (const x of this.posPieces(part.lo, part.hi, this.rangeStart(), ID_MASK)) { this.markReady(x.a, x.b, 'handoff', m.own) }
        } else {
          this.migrated.push({ lo: part.lo, hi: part.hi, atMs: this.nowMs, own: m.own })
          if (this.migrated.length > C.MIGRATED_MAX) { this.migrated.shift() }
        }
      }
      if (mine) { this.passDown(m, false, m.own, m.epochs, m.readyParts) }
      return
    }
    this.forwardReady(m.lo, m.hi, m.own, m.epochs)
    if (mine) {
      for (const x of pieces) { this.markReady(x.a, x.b, 'handoff', m.own) }
      this.passDown(m, true, m.own, m.epochs)
      return
    }
    this.migrated.push({ lo: m.lo, hi: m.hi, atMs: this.nowMs, own: m.own })
    if (this.migrated.length > C.MIGRATED_MAX) { this.migrated.shift() }
  }

  // ---------------------------------------------------------------- anti-entropy

  private armAntiEntropy (): void {
    if (this.aeArmed || this.cfg.antiEntropyMs <= 0) { return }
    this.aeArmed = true
    // Spread rounds over the period so nodes do not compare in step.
    const first = this.cfg.antiEntropyMs * (0.5 + (hash32(this.selfHex, 7, 7) % 1000) / 1000)
    this.timers.push(this.nowMs + first, 'ae', 0)
  }

  /**
   * One round: compare (a part of) our range with its image in the next sibling slot j by
   * bucket hashes, and pull the records of the buckets that differ. Every node pulls from every
   * sibling in turn, so missing and stale replicas catch up in both directions; traffic is a
   * digest per round plus the records of differing buckets.
   */
  private antiEntropyRound (): void {
    this.timers.push(this.nowMs + this.cfg.antiEntropyMs, 'ae', 0)
    if (this.r === 1 || this.leaving || this.range === undefined || this.pending.length > 0) { return }
    if (this.ae !== undefined && this.nowMs - this.ae.sentMs < this.cfg.antiEntropyMs) { return }
    if (this.ae?.op !== undefined) {
      // The last digest request got no answer: its owner may be gone; look it up afresh and
      // move on to the next sibling.
      this.forgetOwnerOf((this.ae.cursor + 1n) & ID_MASK)
      this.ae = undefined
    }
    if (this.ae === undefined || this.ae.cursor === this.ae.hi) {
      this.aeJ = (this.aeJ % (this.r - 1)) + 1
      const range = this.range
      this.ae = { j: this.aeJ, lo: shift(range.lo, this.aeJ, this.r), hi: shift(range.hi, this.aeJ, this.r), cursor: shift(range.lo, this.aeJ, this.r), sentMs: this.nowMs }
    }
    this.sendDigestReq()
  }

  private sendDigestReq (): void {
    const ae = this.ae
    if (ae === undefined) { return }
    const op = this.seq++
    ae.op = op
    ae.sentMs = this.nowMs
    const cursor = ae.cursor
    this.resolve((cursor + 1n) & ID_MASK, node => {
      if (node === undefined || this.ae?.op !== op) { return }
      if (node.addr === this.self.addr) {
        // This part of the sibling image lies in our own range (a large range in a small ring):
        // skip to the end of our range and compare the rest.
        const r = this.rangeOrSelf()
        const lenTo = (x: RingId): bigint => (x - ae.lo) & ID_MASK
        ae.cursor = r.lo !== r.hi && lenTo(r.hi) > lenTo(cursor) && lenTo(r.hi) < lenTo(ae.hi) ? r.hi : ae.hi
        ae.op = undefined
        if (ae.cursor !== ae.hi) { this.sendDigestReq() }
        return
      }
      this.send(node, { type: 'digest-req', op, lo: cursor, hi: ae.hi, buckets: C.DIGEST_BUCKETS })
    })
  }

  private onDigestReq (from: NodeRef, m: Extract<StoreMessage, { type: 'digest-req' }>): void {
    const start = (m.lo + 1n) & ID_MASK
    const why = this.refusal(start)
    if (why !== undefined || !Number.isInteger(m.buckets) || m.buckets < 1 || m.buckets > C.DIGEST_BUCKETS_MAX) {
      this.reject(`digest-req-${why ?? 'invalid'}`)
      return this.send(from, { type: 'nack', op: m.op, slot: -1, reason: why ?? 'invalid', range: this.range })
    }
    const upTo = this.coverEnd(m.lo, m.hi, start, false)
    const { hashes, counts } = this.digest(m.lo, m.hi, upTo, m.buckets, 0)
    this.send(from, { type: 'digest', op: m.op, lo: m.lo, upTo, hashes, counts, range: this.rangeOrSelf(), epochs: this.imageEpochs(m.lo, upTo) })
  }

  /**
   * Bucket hashes (and record counts) of our records with rid in (lo, upTo], bucketed over
   * (lo, hi]; records are taken as if shifted back by j slots (so a sibling's records and ours
   * hash alike).
   */
  private digest (lo: RingId, hi: RingId, upTo: RingId, buckets: number, j: number): { hashes: number[], counts: number[] } {
    const out = new Array<number>(buckets).fill(0)
    const counts = new Array<number>(buckets).fill(0)
    const len = ((hi - lo) & ID_MASK) === 0n ? ID_MASK + 1n : (hi - lo) & ID_MASK
    const a = shift(lo, j, this.r)
    const b = shift(upTo, j, this.r)
    for (let after: Cursor | undefined, page = this.backend.range(a, b, C.PAGE_RECORDS_MAX); page.length > 0; page = this.backend.range(a, b, C.PAGE_RECORDS_MAX, after)) {
      for (const rec of page) {
        const rid = unshift(rec.rid, j, this.r)
        const bucket = Number((((rid - lo - 1n) & ID_MASK) * BigInt(buckets)) / len)
        const i = Math.min(bucket, buckets - 1)
        out[i] = (out[i] ^ recordHash(rec)) >>> 0
        counts[i]++
      }
      const last = page[page.length - 1]
      after = { rid: last.rid, key: last.key }
      if (page.length < C.PAGE_RECORDS_MAX) { break }
    }
    return { hashes: out, counts }
  }

  private onDigest (from: NodeRef, m: Extract<StoreMessage, { type: 'digest' }>): void {
    this.learnOwner(from, m.range)
    // What the sibling knows of incarnations: an arc of ours that is stale learns it here, not
    // only when an operation happens to meet it.
    this.importEpochs(m.epochs)
    const descent = this.aeDescents.get(m.op)
    if (descent !== undefined) {
      this.aeDescents.delete(m.op)
      if (m.lo !== descent.lo || this.pending.length > 0 || m.hashes.length !== C.DIGEST_BUCKETS || m.counts.length !== C.DIGEST_BUCKETS) { return this.reject('digest-unexpected') }
      return this.compareDigest(from, m, descent.j, descent.hi, descent.depth)
    }
    const ae = this.ae
    if (ae === undefined || ae.op !== m.op || m.lo !== ae.cursor || this.pending.length > 0) { return this.reject('digest-unexpected') }
    if (m.hashes.length !== C.DIGEST_BUCKETS || m.counts.length !== C.DIGEST_BUCKETS) { return this.reject('digest-invalid') }
    this.compareDigest(from, m, ae.j, ae.hi, 0)
    ae.cursor = m.upTo
    ae.op = undefined
    if (ae.cursor !== ae.hi) { this.sendDigestReq() }
  }

  /**
   * Compares a sibling's digest of (m.lo, hi] with ours. A differing bucket that holds few of
   * the sibling's records is pulled; a larger one is compared again one level down (a digest of
   * that bucket alone), so a difference of a few records costs a few digests and a few records,
   * not a 32nd of the range (a hash tree of fan-out DIGEST_BUCKETS, built on demand).
   */
  private compareDigest (from: NodeRef, m: Extract<StoreMessage, { type: 'digest' }>, j: number, hi: RingId, depth: number): void {
    const buckets = m.hashes.length
    this.counters.aeCompared++
    const mine = this.digest(m.lo, hi, m.upTo, buckets, -j).hashes
    const len = ((hi - m.lo) & ID_MASK) === 0n ? ID_MASK + 1n : (hi - m.lo) & ID_MASK
    const upLen = (m.upTo - m.lo) & ID_MASK
    for (let i = 0; i < buckets; i++) {
      if (mine[i] === m.hashes[i]) { continue }
      this.counters.aeBucketsDiffering++
      const bLo = (m.lo + (len * BigInt(i)) / BigInt(buckets)) & ID_MASK
      const bHiOff = (len * BigInt(i + 1)) / BigInt(buckets)
      const bHi = (m.lo + (bHiOff < upLen ? bHiOff : upLen)) & ID_MASK
      if (bLo === bHi) { continue }
      // Bounded work in flight: what is left differs again in a later round.
      if (this.aePulls.size + this.aeDescents.size >= C.AE_INFLIGHT_MAX) { break }
      const op = this.seq++
      if (m.counts[i] > C.AE_PULL_RECORDS && depth < C.AE_DEPTH_MAX && ((bHi - bLo) & ID_MASK) >= BigInt(buckets)) {
        this.aeDescents.set(op, { j, lo: bLo, hi: bHi, depth: depth + 1, sentMs: this.nowMs })
        this.send(from, { type: 'digest-req', op, lo: bLo, hi: bHi, buckets: C.DIGEST_BUCKETS })
        continue
      }
      this.aePulls.set(op, { j, lo: bLo, hi: bHi, sentMs: this.nowMs })
      this.send(from, { type: 'range-read', op, lo: bLo, hi: bHi, limit: C.PAGE_RECORDS_MAX })
    }
    // Drop pulls and descents that never got an answer.
    for (const [op, p] of this.aePulls) { if (this.nowMs - p.sentMs > 2 * this.cfg.antiEntropyMs) { this.aePulls.delete(op) } }
    for (const [op, p] of this.aeDescents) { if (this.nowMs - p.sentMs > 2 * this.cfg.antiEntropyMs) { this.aeDescents.delete(op) } }
  }

  private startRepair (key: Uint8Array): void {
    if (this.ops.size >= C.OPS_PENDING_MAX / 2) { return }
    this.counters.aeRepairs++
    this.startOp(-(this.seq++), 'get', key, undefined, undefined, true)
  }

  /** Records pulled by anti-entropy: taken as late accepts by the acceptors we serve. */
  private onPullData (from: NodeRef, m: Extract<StoreMessage, { type: 'range-data' }>): void {
    const pull = this.aePulls.get(m.op)
    if (pull === undefined) { return }
    this.aePulls.delete(m.op)
    this.importEpochs(m.epochs)
    this.counters.aeRecordsPulled += m.records.length
    const merged: ReplicaRecord[] = []
    for (const rec of m.records) {
      if (!this.validSlot(rec.slot)) { continue }
      const slot = (rec.slot - pull.j + this.r) % this.r
      const rid = replicaId(keyToId(rec.key), slot, this.r)
      if (!this.serves(rid)) { continue }
      const local = this.backend.get(rec.key, slot)
      // A late accept: only a higher accepted ballot that our promise allows. A newer state our
      // promise blocks (a proposer that got our promise and then failed) is committed again by a
      // repair round at a fresh ballot.
      if (local !== undefined && compareBallots(rec.accepted, local.accepted) > 0 && compareBallots(rec.accepted, local.promised) < 0) {
        this.startRepair(rec.key)
        continue
      }
      if (local !== undefined && compareBallots(rec.accepted, local.accepted) <= 0) { continue }
      if (local === undefined && compareBallots(rec.accepted, { n: 0, by: '' }) <= 0) { continue }
      merged.push({ key: rec.key, slot, rid, promised: maxBallot(local?.promised ?? rec.accepted, rec.accepted), accepted: rec.accepted, value: rec.value, version: rec.version })
    }
    if (merged.length > 0) { this.backend.putMany(merged) }
    this.counters.aeRecords += merged.length
    if (m.more && m.records.length > 0) {
      const last = m.records[m.records.length - 1]
      const op = this.seq++
      const after = { rid: last.rid, key: last.key }
      this.aePulls.set(op, { ...pull, after, sentMs: this.nowMs })
      this.send(from, { type: 'range-read', op, lo: pull.lo, hi: pull.hi, after, limit: C.PAGE_RECORDS_MAX })
    }
  }

  /**
   * We received (lo, hi] ready from its previous owner, but had already passed part of it on, not
   * ready, to a node that joined before us: pass that part on again, ready (we never served it,
   * so the state travels from its last server to its new owner unchanged).
   */
  private forwardReady (lo: RingId, hi: RingId, own: EpochArc[], epochs: EpochArc[]): void {
    this.handedAway = this.handedAway.filter(h => this.nowMs - h.atMs < C.MIGRATED_TTL_MS)
    const rest: typeof this.handedAway = []
    for (const h of this.handedAway) {
      if (!arcsOverlap(h, { lo, hi })) {
        rest.push(h)
        continue
      }
      // Forward the part of h inside (lo, hi]: h itself when it lies within, else the overlap.
      const from = inOpenClosed((h.lo + 1n) & ID_MASK, lo, hi) ? h.lo : lo
      const to = inOpenClosed(h.hi, lo, hi) ? h.hi : hi
      this.startHandoff(h.to, { lo: from, hi: to }, true, false, own, epochs)
      if (from !== h.lo || to !== h.hi) { rest.push(h) }
    }
    this.handedAway = rest
  }

  // ---------------------------------------------------------------- leave

  private startLeave (succ: NodeRef | undefined): void {
    const range = this.range
    const ready = this.pending.every(p => p.committing === true)
    const start = this.rangeStart()
    const readyParts = ready || start > ID_MASK ? undefined : this.readyPartsOf({ a: start, b: ID_MASK })
    this.leftReady = this.readyForMeta()
    this.leaving = true
    this.pending = []
    this.dropLeases()
    if (range === undefined || succ === undefined || succ.addr === this.self.addr) {
      this.emit({ type: 'handed-off', complete: range === undefined })
      return
    }
    this.startHandoff(succ, range, ready, true, this.own.entries(range.lo, range.hi), this.imageEpochs(range.lo, range.hi), readyParts)
  }

  /**
   * A ready hand-off reached past our range (the sender's view of the ring had fewer nodes: a
   * partition just healed): the part before our range is our predecessors', so it goes on to our
   * predecessor, ready, as it came (else that incarnation would be dropped, and copies behind it
   * could never be read again).
   */
  private passDown (part: Arc, ready: boolean, own: EpochArc[], epochs: EpochArc[], readyParts?: Arc[]): void {
    const range = this.range
    const pred = this.predRef
    if (range === undefined || pred === undefined || this.leaving || range.lo === range.hi || part.lo === part.hi) { return }
    if (range.lo === part.lo || !inOpenClosed(range.lo, part.lo, part.hi)) { return }
    this.counters.passedDown++
    const down = { lo: part.lo, hi: range.lo }
    const parts = ready ? undefined : (readyParts ?? []).flatMap(x => clipArc(x, down))
    this.startHandoff(pred, down, ready, false, own, epochs, parts)
  }

  /**
   * Our copy of (lo, hi] now holds everything incarnations `own` had there (a hand-off's records,
   * merged): where we are not serving it, a copy as good as theirs for the rebuilds to read.
   */
  private noteHas (lo: RingId, hi: RingId, own: readonly EpochArc[]): void {
    for (const x of own) {
      for (const y of clipArc(x, { lo, hi })) { this.has.raise(y.lo, y.hi, x.e) }
    }
    // Never merged upward (that would claim data we lack): forgetting only costs reads refused.
    if (this.has.size > C.FENCE_SPANS_MAX) { this.has.prune([]) }
  }

  /** Whether our copy of (lo, hi] is behind an incarnation known to be committed (see `committed`). */
  private behind (lo: RingId, hi: RingId): boolean {
    if (this.committed.size === 0) { return false }
    const mine = new EpochMap()
    for (const x of this.own.entries(lo, hi)) { mine.raise(x.lo, x.hi, x.e) }
    for (const x of this.has.entries(lo, hi)) { mine.raise(x.lo, x.hi, x.e) }
    return mine.below(this.committed, lo, hi)
  }

  /** The parts of [a, b] (positions) we hold ready, or (withCommitting) have finished reading for a rebuild, as arcs. */
  private readyPartsOf (g: { a: bigint, b: bigint }, withCommitting = true): Arc[] {
    const out: Arc[] = []
    let cursor = g.a
    for (const p of this.pending) {
      if ((withCommitting && p.committing === true) || p.b < cursor || p.a > g.b) { continue }
      if (p.a > cursor) { out.push(this.arcOf({ a: cursor, b: p.a - 1n })) }
      cursor = p.b + 1n
    }
    if (cursor <= g.b) { out.push(this.arcOf({ a: cursor, b: g.b })) }
    return out
  }
}

/** A key as a map key (one char per byte). */
function keyString (key: Uint8Array): string {
  let out = ''
  for (let i = 0; i < key.length; i++) { out += String.fromCharCode(key[i]) }
  return out
}

function emptyRecord (key: Uint8Array, slot: number, rid: RingId): ReplicaRecord {
  return { key, slot, rid, promised: { n: 0, by: '' }, accepted: { n: 0, by: '' }, version: 0 }
}

/** x + j·N/r: the id of slot +j of the key whose slot-0 id is x (an arc bound shifted). */
function shift (x: RingId, j: number, r: number): RingId {
  return (x + BigInt(j) * slotStep(r)) & ID_MASK
}

/** x − j·N/r (j may be negative). */
function unshift (x: RingId, j: number, r: number): RingId {
  return (x - BigInt(j) * slotStep(r)) & ID_MASK
}

/** A 32-bit hash of what makes two replicas of a record equal: key, accepted ballot, version. */
function recordHash (rec: ReplicaRecord): number {
  let h = 0x811c9dc5 ^ Math.imul(rec.version, 0x9e3779b1) ^ Math.imul(rec.accepted.n, 0x85ebca6b)
  for (let i = 0; i < rec.key.length; i++) { h = Math.imul(h ^ rec.key[i], 0x01000193) }
  for (let i = 0; i < rec.accepted.by.length; i++) { h = Math.imul(h ^ rec.accepted.by.charCodeAt(i), 0x01000193) }
  return (h ^ (h >>> 15)) >>> 0
}

/** The parts of arc `a` inside arc `b` (two when `a` wraps around b's start). */
function clipArc (a: Arc, b: Arc): Arc[] {
  if (b.lo === b.hi) { return [a] }
  const len = (b.hi - b.lo) & ID_MASK
  if (a.lo === a.hi) { return [b] }
  const s = (a.lo - b.lo) & ID_MASK
  const e = (a.hi - b.lo) & ID_MASK
  const at = (o: bigint): RingId => (b.lo + o) & ID_MASK
  const out: Arc[] = []
  if (s < e) {
    if (s < len) { out.push({ lo: at(s), hi: at(e < len ? e : len) }) }
  } else {
    // a covers (s, 2^128) and [0, e] in b's offsets.
    if (e > 0n) { out.push({ lo: b.lo, hi: at(e < len ? e : len) }) }
    if (s < len) { out.push({ lo: at(s), hi: b.hi }) }
  }
  return out
}

/** Whether the arc `a` lies within `b`. */
function arcWithin (a: Arc, b: Arc): boolean {
  if (b.lo === b.hi) { return true }
  if (a.lo === a.hi) { return false }
  return ((a.lo - b.lo) & ID_MASK) + ((a.hi - a.lo) & ID_MASK) <= ((b.hi - b.lo) & ID_MASK)
}

function arcsOverlap (a: Arc, b: Arc): boolean {
  if (a.lo === a.hi || b.lo === b.hi) { return true }
  return inOpenClosed(b.hi, a.lo, a.hi) || inOpenClosed(a.hi, b.lo, b.hi)
}

function hash32 (s: string, a: number, b: number): number {
  let h = 0x811c9dc5 ^ a ^ Math.imul(b, 0x9e3779b1)
  for (let i = 0; i < s.length; i++) { h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) }
  return h >>> 0
}

/**
 * The store's wire format: core messages ↔ protobuf frames (pb/store.proto). Decoding is bounded
 * (a frame limit, element limits on every repeated field), and every field is checked against the
 * store's limits: ring ids of 16 bytes, key and value sizes, slots, op ids, versions and ballot
 * numbers that are safe integers, ballot proposers, read limits and digest sizes. Anything else
 * rejects the whole message with a reason, for the counters. Encoding asserts the same checks: a
 * core that sends what its peers would refuse is a bug.
 */
import { assert, unreachable } from '@selfmgmt/interface'
import { idFromBytes, idToBytes, isRingId, ID_BYTES } from '@selfmgmt/ring'
import { BALLOT_BY_CHARS_MAX, GRANT_ID_CHARS_MAX, LEASE_HOLDER_CHARS_MAX, REASON_CHARS_MAX, STORE_FRAME_BYTES_MAX } from './constants.ts'
import { DIGEST_BUCKETS_MAX, EPOCH_ARCS_MAX, EPOCH_N_MAX, KEY_BYTES_MAX, PAGE_RECORDS_MAX, VALUE_BYTES_MAX } from './core/constants.ts'
import { R_MAX } from './core/placement.ts'
import { HomeOp, Nack, StoreMessage as PB } from './pb/store.ts'
import type { Ballot, ReplicaRecord } from './core/backend.ts'
import type { EpochArc } from './core/epochs.ts'
import type { Arc, LeaseNote, NackReason, StoreMessage } from './core/messages.ts'
import type * as P from './pb/store.ts'
import type { RingId } from '@selfmgmt/ring'
import type { Uint8ArrayList } from 'uint8arraylist'

/** Element limits for decoding: records per page, hashes per digest. */
export const DECODE_LIMITS = {
  promise: { fences: R_MAX },
  accepted: { fences: R_MAX },
  rangeRead: { committed: EPOCH_ARCS_MAX },
  rangeData: { records: PAGE_RECORDS_MAX, epochs: EPOCH_ARCS_MAX, committed: EPOCH_ARCS_MAX },
  handoff: { records: PAGE_RECORDS_MAX, own: EPOCH_ARCS_MAX, epochs: EPOCH_ARCS_MAX, readyParts: EPOCH_ARCS_MAX },
  digest: { hashes: DIGEST_BUCKETS_MAX, counts: DIGEST_BUCKETS_MAX, epochs: EPOCH_ARCS_MAX },
  chosen: { grants: R_MAX },
  leaseReq: { own: EPOCH_ARCS_MAX }
}

/** The kinds of operation a home-op carries to a key's home (absent on the wire: a get). */
const HOME_KINDS: Record<'get' | 'put' | 'delete' | 'cas', HomeOp.Kind> = {
  get: HomeOp.Kind.GET,
  put: HomeOp.Kind.PUT,
  delete: HomeOp.Kind.DELETE,
  cas: HomeOp.Kind.CAS
}

function homeKindOf (k: HomeOp.Kind): { kind?: 'put' | 'delete' | 'cas' } {
  const kind = (Object.keys(HOME_KINDS) as Array<keyof typeof HOME_KINDS>).find(x => HOME_KINDS[x] === k)
  if (kind === undefined) { throw new Reject('bad-kind') }
  return kind === 'get' ? {} : { kind }
}

const NACK_REASONS: Record<NackReason, Nack.Reason> = {
  'not-owner': Nack.Reason.NOT_OWNER,
  'not-ready': Nack.Reason.NOT_READY,
  conflict: Nack.Reason.CONFLICT,
  invalid: Nack.Reason.INVALID,
  leased: Nack.Reason.LEASED
}

/** Digest hashes, range-read limits and bucket counts are uint32 on the wire. */
const UINT32_MAX = 0xffff_ffff

export type StoreDecodeResult = { ok: true, msg: StoreMessage } | { ok: false, reason: string }

// ---------------------------------------------------------------- encode

/**
 * Encodes a core message as one protobuf frame body. Asserts (a programmer error) that the
 * message passes the checks its receiver applies, and that the frame fits STORE_FRAME_BYTES_MAX.
 */
export function encodeStoreMessage (m: StoreMessage): Uint8Array {
  const why = checkMessage(m)
  assert(why === undefined, () => `store message ${m.type} breaks the wire limits: ${why}`)
  const bytes = PB.encode(toPb(m))
  assert(bytes.byteLength <= STORE_FRAME_BYTES_MAX, () => `store message ${m.type} is ${bytes.byteLength} bytes, over STORE_FRAME_BYTES_MAX`)
  return bytes
}

function id (x: RingId): Uint8Array<ArrayBuffer> { return idToBytes(x) }

/** Bytes backed by a plain ArrayBuffer, as the generated codec's types require; other views are copied. */
function ab (b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b.buffer instanceof ArrayBuffer ? b as Uint8Array<ArrayBuffer> : new Uint8Array(b)
}

function abOpt (b: Uint8Array | undefined): Uint8Array<ArrayBuffer> | undefined {
  return b === undefined ? undefined : ab(b)
}

function ballotPb (b: Ballot): P.Ballot { return { n: BigInt(b.n), by: b.by } }

function arcPb (a: Arc): P.Arc { return { lo: id(a.lo), hi: id(a.hi) } }

function epochArcPb (a: EpochArc): P.EpochArc { return { lo: id(a.lo), hi: id(a.hi), e: ballotPb(a.e) } }

function notePb (n: LeaseNote | undefined): P.LeaseNote | undefined { return n === undefined ? undefined : { holder: n.holder, ms: BigInt(n.ms), grant: n.grant } }

function recordPb (r: ReplicaRecord): P.Record {
  return { key: ab(r.key), slot: r.slot, rid: id(r.rid), promised: ballotPb(r.promised), accepted: ballotPb(r.accepted), value: abOpt(r.value), version: BigInt(r.version) }
}

function toPb (m: StoreMessage): PB {
  const op = BigInt(m.op)
  switch (m.type) {
    case 'prepare': return { prepare: { op, key: ab(m.key), slot: m.slot, rid: id(m.rid), ballot: ballotPb(m.ballot) } }
    case 'promise': return { promise: { op, slot: m.slot, accepted: ballotPb(m.accepted), value: abOpt(m.value), version: BigInt(m.version), range: arcPb(m.range), epoch: ballotPb(m.epoch), fences: m.fences.map(ballotPb), lease: notePb(m.lease) } }
    case 'accept': return { accept: { op, key: ab(m.key), slot: m.slot, rid: id(m.rid), ballot: ballotPb(m.ballot), value: abOpt(m.value), version: BigInt(m.version), next: m.next === undefined ? undefined : ballotPb(m.next) } }
    case 'accepted': return { accepted: { op, slot: m.slot, range: arcPb(m.range), epoch: ballotPb(m.epoch), fences: m.fences.map(ballotPb), lease: notePb(m.lease), primed: m.primed === true ? true : undefined } }
    case 'nack': return { nack: { op, slot: m.slot, reason: NACK_REASONS[m.reason], promised: m.promised === undefined ? undefined : ballotPb(m.promised), range: m.range === undefined ? undefined : arcPb(m.range), accepted: m.accepted === undefined ? undefined : ballotPb(m.accepted), epoch: m.epoch === undefined ? undefined : ballotPb(m.epoch) } }
    case 'range-read': return { rangeRead: { op, lo: id(m.lo), hi: id(m.hi), after: m.after === undefined ? undefined : { rid: id(m.after.rid), key: ab(m.after.key) }, limit: m.limit, fence: m.fence === undefined ? undefined : ballotPb(m.fence.e), fenceShift: m.fence?.j ?? 0, commit: m.commit === true, committed: (m.committed ?? []).map(epochArcPb) } }
    case 'range-data': return { rangeData: { op, records: m.records.map(recordPb), upTo: id(m.upTo), more: m.more, range: arcPb(m.range), epochs: m.epochs.map(epochArcPb), committed: (m.committed ?? []).map(epochArcPb) } }
    case 'handoff': return { handoff: { op, lo: id(m.lo), hi: id(m.hi), records: m.records.map(recordPb), last: m.last, ready: m.ready, own: m.own.map(epochArcPb), epochs: m.epochs.map(epochArcPb), cold: m.cold, readyParts: (m.readyParts ?? []).map(arcPb) } }
    case 'handoff-ack': return { handoffAck: { op, taken: m.taken === true ? true : undefined } }
    case 'digest-req': return { digestReq: { op, lo: id(m.lo), hi: id(m.hi), buckets: m.buckets } }
    case 'digest': return { digest: { op, lo: id(m.lo), upTo: id(m.upTo), hashes: m.hashes, counts: m.counts, range: arcPb(m.range), epochs: m.epochs.map(epochArcPb) } }
    case 'raw-read': return { rawRead: { op, key: ab(m.key), slot: m.slot, rid: id(m.rid) } }
    case 'raw-write': return { rawWrite: { op, key: ab(m.key), slot: m.slot, rid: id(m.rid), value: abOpt(m.value) } }
    case 'superseded': return { superseded: { op, rid: id(m.rid), epoch: ballotPb(m.epoch) } }
    case 'lease-req': return { leaseReq: { op, slot: m.slot, lo: id(m.lo), hi: id(m.hi), own: (m.own ?? []).map(epochArcPb) } }
    case 'lease-grant': return { leaseGrant: { op, slot: m.slot, lo: id(m.lo), hi: id(m.hi), range: arcPb(m.range), epoch: ballotPb(m.epoch), grant: m.grant } }
    case 'chosen': return { chosen: { op, key: ab(m.key), ballot: ballotPb(m.ballot), grants: m.grants.map(g => ({ slot: g.slot, id: g.id })) } }
    case 'revoke': return { revoke: { op, rid: id(m.rid), holder: m.holder } }
    case 'revoked': return { revoked: { op, ms: BigInt(m.ms) } }
    case 'home-op': return { homeOp: { op, key: ab(m.key), kind: HOME_KINDS[m.kind ?? 'get'], value: abOpt(m.value), expected: m.expected === undefined ? undefined : BigInt(m.expected), by: m.by ?? '' } }
    case 'home-ping': return { homePing: { op } }
    case 'home-pong': return { homePong: { op } }
    case 'home-done': return { homeDone: { op, ok: m.ok, value: abOpt(m.value), version: BigInt(m.version), reason: m.reason, applied: m.applied, indeterminate: m.indeterminate, pending: m.pending, range: m.range === undefined ? undefined : arcPb(m.range) } }
    default: return unreachable(m, 'unknown store message')
  }
}

// ---------------------------------------------------------------- decode

/** Thrown inside decoding; becomes the rejection reason. */
class Reject extends Error {}

/**
 * Decodes one frame body. Never throws: a frame over STORE_FRAME_BYTES_MAX, one that is not a
 * store message, exceeds an element limit or breaks a field check gives `{ ok: false, reason }`.
 */
export function decodeStoreMessage (bytes: Uint8Array | Uint8ArrayList): StoreDecodeResult {
  if (bytes.byteLength > STORE_FRAME_BYTES_MAX) { return { ok: false, reason: 'frame-too-large' } }
  let pb: PB
  try {
    pb = PB.decode(bytes, { limits: DECODE_LIMITS })
  } catch (err: any) {
    return { ok: false, reason: err?.name === 'MaxLengthError' ? 'over-limit' : 'malformed' }
  }
  let msg: StoreMessage
  try {
    msg = fromPb(pb)
  } catch (err) {
    if (err instanceof Reject) { return { ok: false, reason: err.message } }
    throw err
  }
  const why = checkMessage(msg)
  return why === undefined ? { ok: true, msg } : { ok: false, reason: why }
}

function rid (b: Uint8Array, what: string): RingId {
  if (b.length !== ID_BYTES) { throw new Reject(`bad-${what}`) }
  return idFromBytes(b)
}

/** A 64-bit field as a number; values past 2^53 stay unsafe integers, which the checks refuse. */
function num (x: bigint): number { return Number(x) }

function ballotOf (b: P.Ballot | undefined, what: string): Ballot {
  if (b === undefined) { throw new Reject(`missing-${what}`) }
  return { n: num(b.n), by: b.by }
}

function arcOf (a: P.Arc | undefined): Arc {
  if (a === undefined) { throw new Reject('missing-range') }
  return { lo: rid(a.lo, 'range'), hi: rid(a.hi, 'range') }
}

function epochArcOf (a: P.EpochArc): EpochArc {
  return { lo: rid(a.lo, 'epoch-lo'), hi: rid(a.hi, 'epoch-hi'), e: ballotOf(a.e, 'epoch') }
}

function recordOf (r: P.Record): ReplicaRecord {
  return { key: r.key, slot: r.slot, rid: rid(r.rid, 'rid'), promised: ballotOf(r.promised, 'promised'), accepted: ballotOf(r.accepted, 'accepted'), value: r.value, version: num(r.version) }
}

function noteOf (n: P.LeaseNote | undefined): { lease?: LeaseNote } {
  return n === undefined ? {} : { lease: { holder: n.holder, ms: num(n.ms), grant: n.grant } }
}

function reasonOf (r: Nack.Reason): NackReason {
  const reason = (Object.keys(NACK_REASONS) as NackReason[]).find(k => NACK_REASONS[k] === r)
  if (reason === undefined) { throw new Reject('bad-reason') }
  return reason
}

function fromPb (pb: PB): StoreMessage {
  const bodies = Object.keys(pb).filter(k => (pb as Record<string, unknown>)[k] !== undefined)
  if (bodies.length !== 1) { throw new Reject(bodies.length === 0 ? 'empty' : 'several-bodies') }
  if (pb.prepare !== undefined) { const x = pb.prepare; return { type: 'prepare', op: num(x.op), key: x.key, slot: x.slot, rid: rid(x.rid, 'rid'), ballot: ballotOf(x.ballot, 'ballot') } }
  if (pb.promise !== undefined) { const x = pb.promise; return { type: 'promise', op: num(x.op), slot: x.slot, accepted: ballotOf(x.accepted, 'accepted'), value: x.value, version: num(x.version), range: arcOf(x.range), epoch: ballotOf(x.epoch, 'epoch'), fences: x.fences.map(b => ballotOf(b, 'fence')), ...noteOf(x.lease) } }
  if (pb.accept !== undefined) { const x = pb.accept; return { type: 'accept', op: num(x.op), key: x.key, slot: x.slot, rid: rid(x.rid, 'rid'), ballot: ballotOf(x.ballot, 'ballot'), value: x.value, version: num(x.version), ...(x.next === undefined ? {} : { next: ballotOf(x.next, 'next') }) } }
  if (pb.accepted !== undefined) { const x = pb.accepted; return { type: 'accepted', op: num(x.op), slot: x.slot, range: arcOf(x.range), epoch: ballotOf(x.epoch, 'epoch'), fences: x.fences.map(b => ballotOf(b, 'fence')), ...noteOf(x.lease), ...(x.primed === true ? { primed: true } : {}) } }
  if (pb.nack !== undefined) { const x = pb.nack; return { type: 'nack', op: num(x.op), slot: x.slot, reason: reasonOf(x.reason), promised: x.promised === undefined ? undefined : ballotOf(x.promised, 'promised'), range: x.range === undefined ? undefined : arcOf(x.range), ...(x.accepted === undefined ? {} : { accepted: ballotOf(x.accepted, 'accepted') }), ...(x.epoch === undefined ? {} : { epoch: ballotOf(x.epoch, 'epoch') }) } }
  if (pb.rangeRead !== undefined) { const x = pb.rangeRead; return { type: 'range-read', op: num(x.op), lo: rid(x.lo, 'lo'), hi: rid(x.hi, 'hi'), after: x.after === undefined ? undefined : { rid: rid(x.after.rid, 'after'), key: x.after.key }, limit: x.limit, fence: x.fence === undefined ? undefined : { e: ballotOf(x.fence, 'fence'), j: x.fenceShift }, ...(x.commit ? { commit: true } : {}), ...(x.committed.length > 0 ? { committed: x.committed.map(epochArcOf) } : {}) } }
  if (pb.rangeData !== undefined) { const x = pb.rangeData; return { type: 'range-data', op: num(x.op), records: x.records.map(recordOf), upTo: rid(x.upTo, 'up-to'), more: x.more, range: arcOf(x.range), epochs: x.epochs.map(epochArcOf), ...(x.committed.length > 0 ? { committed: x.committed.map(epochArcOf) } : {}) } }
  if (pb.handoff !== undefined) { const x = pb.handoff; return { type: 'handoff', op: num(x.op), lo: rid(x.lo, 'lo'), hi: rid(x.hi, 'hi'), records: x.records.map(recordOf), last: x.last, ready: x.ready, own: x.own.map(epochArcOf), epochs: x.epochs.map(epochArcOf), cold: x.cold, ...(x.readyParts.length > 0 ? { readyParts: x.readyParts.map(a => arcOf(a)) } : {}) } }
  if (pb.handoffAck !== undefined) { return { type: 'handoff-ack', op: num(pb.handoffAck.op), ...(pb.handoffAck.taken === true ? { taken: true } : {}) } }
  if (pb.digestReq !== undefined) { const x = pb.digestReq; return { type: 'digest-req', op: num(x.op), lo: rid(x.lo, 'lo'), hi: rid(x.hi, 'hi'), buckets: x.buckets } }
  if (pb.digest !== undefined) { const x = pb.digest; return { type: 'digest', op: num(x.op), lo: rid(x.lo, 'lo'), upTo: rid(x.upTo, 'up-to'), hashes: x.hashes, counts: x.counts, range: arcOf(x.range), epochs: x.epochs.map(epochArcOf) } }
  if (pb.rawRead !== undefined) { const x = pb.rawRead; return { type: 'raw-read', op: num(x.op), key: x.key, slot: x.slot, rid: rid(x.rid, 'rid') } }
  if (pb.rawWrite !== undefined) { const x = pb.rawWrite; return { type: 'raw-write', op: num(x.op), key: x.key, slot: x.slot, rid: rid(x.rid, 'rid'), value: x.value } }
  if (pb.superseded !== undefined) { const x = pb.superseded; return { type: 'superseded', op: num(x.op), rid: rid(x.rid, 'rid'), epoch: ballotOf(x.epoch, 'epoch') } }
  if (pb.leaseReq !== undefined) { const x = pb.leaseReq; return { type: 'lease-req', op: num(x.op), slot: x.slot, lo: rid(x.lo, 'lo'), hi: rid(x.hi, 'hi'), ...(x.own.length > 0 ? { own: x.own.map(epochArcOf) } : {}) } }
  if (pb.leaseGrant !== undefined) { const x = pb.leaseGrant; return { type: 'lease-grant', op: num(x.op), slot: x.slot, lo: rid(x.lo, 'lo'), hi: rid(x.hi, 'hi'), range: arcOf(x.range), epoch: ballotOf(x.epoch, 'epoch'), grant: x.grant } }
  if (pb.chosen !== undefined) { const x = pb.chosen; return { type: 'chosen', op: num(x.op), key: x.key, ballot: ballotOf(x.ballot, 'ballot'), grants: x.grants.map(g => ({ slot: g.slot, id: g.id })) } }
  if (pb.revoke !== undefined) { const x = pb.revoke; return { type: 'revoke', op: num(x.op), rid: rid(x.rid, 'rid'), holder: x.holder } }
  if (pb.revoked !== undefined) { const x = pb.revoked; return { type: 'revoked', op: num(x.op), ms: num(x.ms) } }
  if (pb.homeOp !== undefined) { const x = pb.homeOp; return { type: 'home-op', op: num(x.op), key: x.key, ...homeKindOf(x.kind), ...(x.value === undefined ? {} : { value: x.value }), ...(x.expected === undefined ? {} : { expected: num(x.expected) }), ...(x.by === '' ? {} : { by: x.by }) } }
  if (pb.homeDone !== undefined) { const x = pb.homeDone; return { type: 'home-done', op: num(x.op), ok: x.ok, value: x.value, version: num(x.version), reason: x.reason, ...(x.applied === undefined ? {} : { applied: x.applied }), ...(x.indeterminate === undefined ? {} : { indeterminate: x.indeterminate }), ...(x.pending === undefined ? {} : { pending: x.pending }), ...(x.range === undefined ? {} : { range: arcOf(x.range) }) } }
  if (pb.homePing !== undefined) { return { type: 'home-ping', op: num(pb.homePing.op) } }
  if (pb.homePong !== undefined) { return { type: 'home-pong', op: num(pb.homePong.op) } }
  throw new Reject('unknown-body')
}

// ---------------------------------------------------------------- checks (both directions)

function isCount (x: number): boolean { return Number.isSafeInteger(x) && x >= 0 }
function isUint32 (x: number, min: number): boolean { return Number.isInteger(x) && x >= min && x <= UINT32_MAX }

function checkId (x: RingId, what: string): string | undefined { return isRingId(x) ? undefined : `bad-${what}` }
function checkKey (k: Uint8Array): string | undefined { return k.length === 0 || k.length > KEY_BYTES_MAX ? 'bad-key' : undefined }
function checkValue (v: Uint8Array | undefined): string | undefined { return v !== undefined && v.length > VALUE_BYTES_MAX ? 'value-too-large' : undefined }
function checkSlot (s: number): string | undefined { return Number.isInteger(s) && s >= 0 && s < R_MAX ? undefined : 'bad-slot' }
function checkVersion (v: number): string | undefined { return isCount(v) ? undefined : 'bad-version' }

function checkBallot (b: Ballot): string | undefined {
  if (!isCount(b.n)) { return 'bad-ballot-n' }
  // Well-formed: a lone surrogate (which protons decodes from some invalid UTF-8) would not survive re-encoding.
  return typeof b.by === 'string' && b.by.length <= BALLOT_BY_CHARS_MAX && b.by.isWellFormed() ? undefined : 'bad-ballot-by'
}

function checkArc (a: Arc): string | undefined { return checkId(a.lo, 'range') ?? checkId(a.hi, 'range') }

function checkText (x: string, max: number, what: string): string | undefined {
  return typeof x === 'string' && x.length <= max && x.isWellFormed() ? undefined : `bad-${what}`
}

/** A lease note: a holder address and a remaining time up to an hour. */
function checkNote (n: LeaseNote | undefined): string | undefined {
  if (n === undefined) { return undefined }
  return checkText(n.holder, LEASE_HOLDER_CHARS_MAX, 'holder') ?? checkText(n.grant, GRANT_ID_CHARS_MAX, 'grant') ?? (n.holder.length > 0 && n.grant.length > 0 && isCount(n.ms) && n.ms <= 3_600_000 ? undefined : 'bad-lease')
}

/** Ready parts name arcs of a hand-off that is not ready as a whole, at most EPOCH_ARCS_MAX of them. */
function checkReadyParts (ready: boolean, parts: readonly Arc[] | undefined): string | undefined {
  if (parts === undefined || parts.length === 0) { return undefined }
  if (ready) { return 'ready-parts-when-ready' }
  if (parts.length > EPOCH_ARCS_MAX) { return 'too-many-ready-parts' }
  for (const a of parts) {
    const why = checkArc(a)
    if (why !== undefined) { return why }
  }
  return undefined
}

/** An incarnation epoch: a ballot whose number stays far below 2^53 (so a rebuild's +1 is exact). */
function checkEpoch (b: Ballot): string | undefined {
  return checkBallot(b) ?? (b.n > EPOCH_N_MAX ? 'bad-epoch-n' : undefined)
}

function checkFences (f: readonly Ballot[]): string | undefined {
  if (f.length > R_MAX) { return 'over-limit' }
  for (const b of f) {
    const why = checkEpoch(b)
    if (why !== undefined) { return why }
  }
  return undefined
}

function checkEpochs (arcs: readonly EpochArc[]): string | undefined {
  if (arcs.length > EPOCH_ARCS_MAX) { return 'over-limit' }
  for (const a of arcs) {
    const why = checkId(a.lo, 'epoch-lo') ?? checkId(a.hi, 'epoch-hi') ?? checkEpoch(a.e)
    if (why !== undefined) { return why }
  }
  return undefined
}

function checkRecords (recs: readonly ReplicaRecord[]): string | undefined {
  if (recs.length > PAGE_RECORDS_MAX) { return 'over-limit' }
  for (const r of recs) {
    const why = checkKey(r.key) ?? checkSlot(r.slot) ?? checkId(r.rid, 'rid') ?? checkBallot(r.promised) ?? checkBallot(r.accepted) ?? checkValue(r.value) ?? checkVersion(r.version)
    if (why !== undefined) { return why }
  }
  return undefined
}

function checkHashes (hashes: readonly number[]): string | undefined {
  if (hashes.length > DIGEST_BUCKETS_MAX) { return 'over-limit' }
  return hashes.every(h => isUint32(h, 0)) ? undefined : 'bad-hash'
}

type Check<T extends StoreMessage['type']> = (m: Extract<StoreMessage, { type: T }>) => string | undefined

/** The checks of each message type, apart from `op`. */
const CHECKS: { [T in StoreMessage['type']]: Check<T> } = {
  prepare: m => checkKey(m.key) ?? checkSlot(m.slot) ?? checkId(m.rid, 'rid') ?? checkBallot(m.ballot),
  promise: m => checkSlot(m.slot) ?? checkBallot(m.accepted) ?? checkValue(m.value) ?? checkVersion(m.version) ?? checkArc(m.range) ?? checkEpoch(m.epoch) ?? checkFences(m.fences) ?? checkNote(m.lease),
  accept: m => checkKey(m.key) ?? checkSlot(m.slot) ?? checkId(m.rid, 'rid') ?? checkBallot(m.ballot) ?? checkValue(m.value) ?? checkVersion(m.version) ?? (m.next === undefined ? undefined : checkBallot(m.next)),
  accepted: m => checkSlot(m.slot) ?? checkArc(m.range) ?? checkEpoch(m.epoch) ?? checkFences(m.fences) ?? checkNote(m.lease),
  nack: m => (m.slot === -1 ? undefined : checkSlot(m.slot)) ?? (NACK_REASONS[m.reason] === undefined ? 'bad-reason' : undefined) ??
    (m.promised === undefined ? undefined : checkBallot(m.promised)) ?? (m.range === undefined ? undefined : checkArc(m.range)) ??
    (m.accepted === undefined ? undefined : checkBallot(m.accepted)) ?? (m.epoch === undefined ? undefined : checkEpoch(m.epoch)),
  'range-read': m => checkId(m.lo, 'lo') ?? checkId(m.hi, 'hi') ?? (m.after === undefined ? undefined : checkId(m.after.rid, 'after') ?? checkKey(m.after.key)) ??
    (isUint32(m.limit, 1) ? undefined : 'bad-limit') ??
    (m.fence === undefined ? undefined : checkEpoch(m.fence.e) ?? (Number.isInteger(m.fence.j) && m.fence.j >= 1 && m.fence.j < R_MAX ? undefined : 'bad-fence-shift')) ??
    (m.commit === true && m.fence === undefined ? 'commit-without-fence' : undefined) ?? checkEpochs(m.committed ?? []),
  'range-data': m => checkRecords(m.records) ?? checkId(m.upTo, 'up-to') ?? checkArc(m.range) ?? checkEpochs(m.epochs) ?? checkEpochs(m.committed ?? []),
  handoff: m => checkId(m.lo, 'lo') ?? checkId(m.hi, 'hi') ?? checkRecords(m.records) ?? checkEpochs(m.own) ?? checkEpochs(m.epochs) ?? checkReadyParts(m.ready, m.readyParts),
  'handoff-ack': () => undefined,
  'digest-req': m => checkId(m.lo, 'lo') ?? checkId(m.hi, 'hi') ?? (isUint32(m.buckets, 1) && m.buckets <= DIGEST_BUCKETS_MAX ? undefined : 'bad-buckets'),
  digest: m => checkId(m.lo, 'lo') ?? checkId(m.upTo, 'up-to') ?? checkHashes(m.hashes) ?? checkHashes(m.counts) ?? checkArc(m.range) ?? checkEpochs(m.epochs),
  'raw-read': m => checkKey(m.key) ?? checkSlot(m.slot) ?? checkId(m.rid, 'rid'),
  'raw-write': m => checkKey(m.key) ?? checkSlot(m.slot) ?? checkId(m.rid, 'rid') ?? checkValue(m.value),
  superseded: m => checkId(m.rid, 'rid') ?? checkEpoch(m.epoch),
  'lease-req': m => checkSlot(m.slot) ?? checkId(m.lo, 'lo') ?? checkId(m.hi, 'hi') ?? checkEpochs(m.own ?? []),
  'lease-grant': m => checkSlot(m.slot) ?? checkId(m.lo, 'lo') ?? checkId(m.hi, 'hi') ?? checkArc(m.range) ?? checkEpoch(m.epoch) ?? checkText(m.grant, GRANT_ID_CHARS_MAX, 'grant') ?? (m.grant.length > 0 ? undefined : 'bad-grant'),
  chosen: m => checkKey(m.key) ?? checkBallot(m.ballot) ?? (m.grants.length <= R_MAX ? undefined : 'over-limit') ?? m.grants.map(g => checkSlot(g.slot) ?? checkText(g.id, GRANT_ID_CHARS_MAX, 'grant')).find(x => x !== undefined),
  revoke: m => checkId(m.rid, 'rid') ?? checkText(m.holder, LEASE_HOLDER_CHARS_MAX, 'holder'),
  revoked: m => isCount(m.ms) && m.ms <= 3_600_000 ? undefined : 'bad-ms',
  'home-op': m => checkKey(m.key) ?? checkValue(m.value) ?? (m.expected === undefined ? undefined : checkVersion(m.expected)) ??
    (m.value !== undefined && m.kind !== 'put' && m.kind !== 'cas' ? 'bad-value' : undefined) ?? (m.kind === 'put' && m.value === undefined ? 'missing-value' : undefined) ??
    ((m.kind === 'cas') !== (m.expected !== undefined) ? 'bad-expected' : undefined) ?? (m.by === undefined ? undefined : checkText(m.by, BALLOT_BY_CHARS_MAX, 'by')),
  'home-ping': () => undefined,
  'home-pong': () => undefined,
  'home-done': m => checkValue(m.value) ?? checkVersion(m.version) ?? checkText(m.reason, REASON_CHARS_MAX, 'reason') ?? (m.ok && m.reason !== '' ? 'bad-reason' : undefined) ?? (m.pending === true && m.ok ? 'bad-pending' : undefined) ?? (m.range === undefined ? undefined : checkArc(m.range))
}

/** Why the message breaks a wire limit, or undefined when it passes. */
function checkMessage (m: StoreMessage): string | undefined {
  if (!isCount(m.op)) { return 'bad-op' }
  const check = Object.hasOwn(CHECKS, m.type) ? CHECKS[m.type] as Check<StoreMessage['type']> : undefined
  return check === undefined ? 'unknown-type' : check(m)
}

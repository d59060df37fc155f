/* Goal: the store wire codec round-trips every message type (absent and empty values kept apart, slot −1 nacks, records with and without a value, extreme ids and integers), refuses every frame that breaks a limit or a field check with a reason, asserts the same checks when encoding, fits the largest page the core builds in STORE_FRAME_BYTES_MAX, and never throws on arbitrary bytes: whatever it accepts re-encodes to the same message. Method: hand-written samples of each type; invalid frames built with the generated codec (bypassing the encoder's checks) or by hand; fast-check for random valid messages, random bytes and mutated valid frames (seed and path printed on failure; FC_SEED / FC_PATH / FC_RUNS). */
import { ID_MASK } from '@selfmgmt/ring'
import { expect } from 'aegir/chai'
import fc from 'fast-check'
import { Uint8ArrayList } from 'uint8arraylist'
import { BALLOT_BY_CHARS_MAX, GRANT_ID_CHARS_MAX, LEASE_HOLDER_CHARS_MAX, REASON_CHARS_MAX, STORE_FRAME_BYTES_MAX } from '../src/constants.ts'
import { DIGEST_BUCKETS_MAX, EPOCH_ARCS_MAX, EPOCH_N_MAX, KEY_BYTES_MAX, PAGE_BYTES_MAX, PAGE_RECORDS_MAX, VALUE_BYTES_MAX } from '../src/core/constants.ts'
import { STORE_MESSAGE_TYPES } from '../src/core/messages.ts'
import { R_MAX } from '../src/core/placement.ts'
import { HomeOp, Nack, StoreMessage as PB } from '../src/pb/store.ts'
import { decodeStoreMessage, encodeStoreMessage } from '../src/wire.ts'
import type { Ballot, ReplicaRecord } from '../src/core/backend.ts'
import type { StoreMessage } from '../src/core/messages.ts'
import type * as P from '../src/pb/store.ts'

function params<T> (numRuns: number): fc.Parameters<T> {
  return {
    numRuns: process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : numRuns,
    seed: process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined,
    path: process.env.FC_PATH
  }
}

/** The object without keys whose value is undefined (absent and undefined fields are the same message). */
function defined (x: unknown): unknown {
  if (x instanceof Uint8Array || typeof x !== 'object' || x === null) { return x }
  if (Array.isArray(x)) { return x.map(defined) }
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined).map(([k, v]) => [k, defined(v)]))
}

const bytes = (...b: number[]): Uint8Array<ArrayBuffer> => new Uint8Array(b)
const id16 = (fill = 7): Uint8Array<ArrayBuffer> => new Uint8Array(16).fill(fill)
const ballot: Ballot = { n: 12, by: '0123456789abcdef0123456789abcdef' }
const zero: Ballot = { n: 0, by: '' }
const arc = { lo: 5n, hi: 1n << 100n }
const whole = { lo: 0n, hi: 0n }
const rec = (over: Partial<ReplicaRecord> = {}): ReplicaRecord => ({ key: bytes(1, 2, 3), slot: 2, rid: 99n, promised: ballot, accepted: zero, version: 3, ...over })

function samples (): StoreMessage[] {
  return [
    { type: 'prepare', op: 1, key: bytes(1), slot: 0, rid: 0n, ballot },
    { type: 'prepare', op: Number.MAX_SAFE_INTEGER, key: new Uint8Array(KEY_BYTES_MAX).fill(9), slot: R_MAX - 1, rid: ID_MASK, ballot: { n: Number.MAX_SAFE_INTEGER, by: 'x'.repeat(BALLOT_BY_CHARS_MAX) } },
    { type: 'promise', op: 2, slot: 1, accepted: zero, version: 0, range: whole, epoch: zero, fences: [] },
    { type: 'promise', op: 2, slot: 1, accepted: ballot, value: new Uint8Array(0), version: 1, range: arc, epoch: ballot, fences: [zero, ballot, zero, { n: 3, by: 'ab' }] },
    { type: 'promise', op: 2, slot: 1, accepted: ballot, value: bytes(4, 5), version: Number.MAX_SAFE_INTEGER, range: arc, epoch: zero, fences: new Array(R_MAX).fill(ballot) },
    { type: 'accept', op: 3, key: bytes(1), slot: 3, rid: 42n, ballot, version: 2 },
    { type: 'accept', op: 3, key: bytes(1), slot: 3, rid: 42n, ballot, value: new Uint8Array(0), version: 2 },
    { type: 'accept', op: 3, key: bytes(1), slot: 3, rid: 42n, ballot, value: bytes(0, 255), version: 2 },
    { type: 'accepted', op: 4, slot: 7, range: arc, epoch: ballot, fences: [ballot, zero] },
    { type: 'accept', op: 3, key: bytes(1), slot: 3, rid: 42n, ballot, value: bytes(2), version: 2, next: { n: ballot.n + 1, by: ballot.by } },
    { type: 'accepted', op: 4, slot: 7, range: arc, epoch: ballot, fences: [ballot, zero], primed: true },
    { type: 'nack', op: 5, slot: -1, reason: 'not-owner' },
    { type: 'nack', op: 5, slot: -1, reason: 'not-ready', range: arc },
    { type: 'nack', op: 5, slot: 6, reason: 'conflict', promised: ballot, range: whole },
    { type: 'nack', op: 5, slot: 1, reason: 'conflict', promised: ballot, range: whole, accepted: { n: 1, by: 'ab' }, epoch: { n: 0, by: '' } },
    { type: 'nack', op: 5, slot: 0, reason: 'invalid' },
    { type: 'range-read', op: 6, lo: 1n, hi: 2n, limit: 1 },
    { type: 'range-read', op: 6, lo: 1n, hi: 2n, limit: 1, fence: { e: ballot, j: R_MAX - 1 } },
    { type: 'range-read', op: 6, lo: ID_MASK, hi: 0n, after: { rid: 77n, key: bytes(8) }, limit: PAGE_RECORDS_MAX },
    { type: 'range-data', op: 7, records: [], upTo: 3n, more: false, range: arc, epochs: [] },
    { type: 'range-data', op: 7, records: [], upTo: 3n, more: false, range: arc, epochs: [], committed: [{ lo: 2n, hi: 9n, e: ballot }] },
    { type: 'range-read', op: 6, lo: 1n, hi: 2n, limit: 1, fence: { e: ballot, j: 1 }, commit: true, committed: [{ lo: 1n, hi: 2n, e: ballot }] },
    { type: 'range-data', op: 7, records: [rec(), rec({ value: new Uint8Array(0), slot: 0 }), rec({ value: bytes(1, 1), accepted: ballot, rid: ID_MASK })], upTo: 3n, more: true, range: arc, epochs: [{ lo: 0n, hi: ID_MASK, e: ballot }, { lo: 5n, hi: 5n, e: zero }] },
    { type: 'handoff', op: 8, lo: 1n, hi: 1n, records: [rec({ value: bytes(6) }), rec()], last: true, ready: false, own: [{ lo: 1n, hi: 1n, e: ballot }], epochs: [], cold: true },
    { type: 'handoff', op: 8, lo: 1n, hi: 9n, records: [], last: false, ready: true, own: [], epochs: [{ lo: 7n, hi: 3n, e: ballot }], cold: false },
    { type: 'handoff', op: 8, lo: 1n, hi: 9n, records: [], last: true, ready: false, own: [{ lo: 1n, hi: 4n, e: ballot }], epochs: [], cold: false, readyParts: [{ lo: 1n, hi: 4n }, { lo: 6n, hi: 7n }] },
    { type: 'handoff-ack', op: 0 },
    // 64-bit fields around 2^31 and 2^32 (protons-runtime garbles uint64 values in [2^31, 2^32)).
    { type: 'handoff-ack', op: 2 ** 31 },
    { type: 'accept', op: 2 ** 32 - 1, key: bytes(1), slot: 0, rid: 1n, ballot: { n: 3 * 2 ** 30, by: 'b' }, version: 2 ** 31 - 1 },
    { type: 'range-data', op: 2 ** 32, records: [rec({ version: 2 ** 31 + 1, promised: { n: 2 ** 32 + 1, by: '' } })], upTo: 3n, more: false, range: arc, epochs: [] },
    { type: 'superseded', op: 0, rid: ID_MASK, epoch: ballot },
    { type: 'digest-req', op: 9, lo: 1n, hi: 2n, buckets: 32 },
    { type: 'digest', op: 10, lo: 1n, upTo: 2n, hashes: [0, 1, 0xffff_ffff, 12345], counts: [3, 0, 0xffff_ffff, 1], range: arc, epochs: [{ lo: 1n, hi: 2n, e: ballot }] },
    { type: 'digest', op: 10, lo: 1n, upTo: 1n, hashes: [], counts: [], range: whole, epochs: [] },
    { type: 'raw-read', op: 11, key: bytes(3), slot: 2, rid: 5n },
    { type: 'raw-write', op: 12, key: bytes(3), slot: 2, rid: 5n },
    { type: 'raw-write', op: 12, key: bytes(3), slot: 2, rid: 5n, value: new Uint8Array(0) },
    { type: 'raw-write', op: 12, key: bytes(3), slot: 2, rid: 5n, value: bytes(7) },
    { type: 'promise', op: 2, slot: 1, accepted: ballot, value: bytes(4), version: 1, range: arc, epoch: zero, fences: [], lease: { holder: 'n'.repeat(LEASE_HOLDER_CHARS_MAX), ms: 0, grant: 'g'.repeat(GRANT_ID_CHARS_MAX) } },
    { type: 'accepted', op: 4, slot: 3, range: arc, epoch: ballot, fences: [], lease: { holder: '/ip4/127.0.0.1/tcp/1/p2p/x', ms: 2000, grant: 'ab12:3/17' } },
    { type: 'nack', op: 5, slot: -1, reason: 'leased', range: arc },
    { type: 'lease-req', op: 13, slot: 1, lo: 5n, hi: ID_MASK },
    { type: 'lease-req', op: 13, slot: 1, lo: 5n, hi: ID_MASK, own: [{ lo: 5n, hi: 9n, e: zero }, { lo: 9n, hi: ID_MASK, e: ballot }] },
    { type: 'lease-grant', op: 13, slot: R_MAX - 1, lo: 5n, hi: 7n, range: whole, epoch: ballot, grant: 'g/1' },
    { type: 'chosen', op: 0, key: bytes(1), ballot, grants: [] },
    { type: 'chosen', op: 0, key: bytes(1), ballot, grants: [{ slot: 1, id: 'g/1' }, { slot: R_MAX - 1, id: 'h/2' }] },
    { type: 'revoke', op: 14, rid: 9n, holder: 'h' },
    { type: 'revoked', op: 14, ms: 0 },
    { type: 'revoked', op: 14, ms: 3_600_000 },
    { type: 'home-op', op: 15, key: bytes(1, 2) },
    { type: 'home-done', op: 15, ok: true, version: 0, reason: '' },
    { type: 'home-done', op: 15, ok: true, value: new Uint8Array(0), version: 4, reason: '' },
    { type: 'home-done', op: 15, ok: false, version: 0, reason: 'x'.repeat(REASON_CHARS_MAX) },
    { type: 'home-op', op: 16, key: bytes(1), kind: 'put', value: bytes(3), by: 'ab12:0f' },
    { type: 'home-op', op: 16, key: bytes(1), kind: 'put', value: new Uint8Array(0) },
    { type: 'home-op', op: 16, key: bytes(1), kind: 'delete' },
    { type: 'home-op', op: 16, key: bytes(1), kind: 'cas', expected: 0 },
    { type: 'home-op', op: 16, key: bytes(1), kind: 'cas', expected: 7, value: bytes(4) },
    { type: 'home-done', op: 16, ok: true, version: 3, reason: '', applied: false, range: arc },
    { type: 'home-done', op: 16, ok: false, version: 0, reason: 'lost-race', indeterminate: true },
    { type: 'home-ping', op: 17 },
    { type: 'home-pong', op: 17 },
    { type: 'home-done', op: 16, ok: false, version: 0, reason: '', pending: true }
  ]
}

function roundTrip (m: StoreMessage): StoreMessage {
  const r = decodeStoreMessage(encodeStoreMessage(m))
  expect(r, m.type).to.have.property('ok', true)
  if (!r.ok) { throw new Error('unreachable') }
  expect(defined(r.msg), m.type).to.deep.equal(defined(m))
  return r.msg
}

const rejects = (frame: Uint8Array, reason: string): void => {
  expect(decodeStoreMessage(frame), reason).to.deep.equal({ ok: false, reason })
}

/** A valid prepare, as the generated codec takes it, to break one field at a time. */
const pbBallot = (over: Partial<P.Ballot> = {}): P.Ballot => ({ n: 1n, by: 'a', ...over })
const pbPrepare = (over: Partial<P.Prepare> = {}): Uint8Array => PB.encode({ prepare: { op: 1n, key: bytes(1), slot: 0, rid: id16(), ballot: pbBallot(), ...over } })
const pbArc = (over: Partial<P.Arc> = {}): P.Arc => ({ lo: id16(), hi: id16(), ...over })
const pbRecord = (over: Partial<P.Record> = {}): P.Record => ({ key: bytes(1), slot: 0, rid: id16(), promised: pbBallot(), accepted: pbBallot(), version: 1n, ...over })
/** A prepare whose ballot proposer is the given raw bytes, built by hand (the codec would only write valid UTF-8). */
function prepareWithBy (...by: number[]): Uint8Array {
  const ballot = [0x08, 0x02, 0x12, by.length, ...by] // n = 1 (zig-zag), by
  const prepare = [0x08, 0x02, 0x12, 0x01, 0x01, 0x22, 0x10, ...id16(), 0x2a, ballot.length, ...ballot] // op = 1, key, rid, ballot
  return bytes(0x0a, prepare.length, ...prepare)
}
const pbRangeData = (records: P.Record[]): Uint8Array => PB.encode({ rangeData: { op: 1n, records, upTo: id16(), more: false, range: pbArc(), epochs: [], committed: [] } })

describe('store wire codec', () => {
  it('round-trips one message of every type', () => {
    const all = samples()
    expect(new Set(all.map(m => m.type))).to.deep.equal(new Set(STORE_MESSAGE_TYPES))
    for (const m of all) { roundTrip(m) }
  })

  it('decodes frames that arrive in chunks (a Uint8ArrayList) the same', () => {
    for (const m of samples()) {
      const frame = encodeStoreMessage(m)
      const mid = frame.length >> 1
      const r = decodeStoreMessage(new Uint8ArrayList(frame.subarray(0, mid), frame.subarray(mid)))
      expect(r.ok && defined(r.msg), m.type).to.deep.equal(defined(m))
    }
  })

  it('keeps an absent value apart from an empty one, in messages and in records', () => {
    const absent = roundTrip({ type: 'accept', op: 1, key: bytes(1), slot: 0, rid: 1n, ballot, version: 1 })
    const empty = roundTrip({ type: 'accept', op: 1, key: bytes(1), slot: 0, rid: 1n, ballot, value: new Uint8Array(0), version: 1 })
    expect(absent.type === 'accept' && absent.value).to.equal(undefined)
    expect(empty.type === 'accept' && empty.value).to.be.an.instanceOf(Uint8Array).with.lengthOf(0)
    const page = roundTrip({ type: 'handoff', op: 1, lo: 0n, hi: 0n, records: [rec(), rec({ value: new Uint8Array(0) })], last: true, ready: true, own: [], epochs: [], cold: false })
    expect(page.type === 'handoff' && page.records.map(r => r.value?.length)).to.deep.equal([undefined, 0])
  })

  it('round-trips a nack with slot −1 and the largest values', () => {
    const nack = roundTrip({ type: 'nack', op: 1, slot: -1, reason: 'not-ready' })
    expect(nack.type === 'nack' && nack.slot).to.equal(-1)
    roundTrip({ type: 'accept', op: 1, key: new Uint8Array(KEY_BYTES_MAX), slot: 0, rid: 1n, ballot, value: new Uint8Array(VALUE_BYTES_MAX).fill(3), version: 1 })
  })

  it('fits the largest page the core builds in STORE_FRAME_BYTES_MAX', () => {
    // The core adds records until keys and values reach PAGE_BYTES_MAX: the worst page is just
    // under it after PAGE_RECORDS_MAX − 1 records, then one largest key and value, with the
    // longest ids, ballots (3 UTF-8 bytes per `by` char) and versions.
    const wide: Ballot = { n: Number.MAX_SAFE_INTEGER, by: '€'.repeat(BALLOT_BY_CHARS_MAX) }
    const n = PAGE_RECORDS_MAX - 1
    const each = Math.floor((PAGE_BYTES_MAX - 1) / n) - KEY_BYTES_MAX
    const records = Array.from({ length: n }, (_, i) => rec({ key: new Uint8Array(KEY_BYTES_MAX).fill(i % 256), slot: R_MAX - 1, rid: ID_MASK, promised: wide, accepted: wide, value: new Uint8Array(each), version: Number.MAX_SAFE_INTEGER }))
    records.push({ ...records[0], key: new Uint8Array(KEY_BYTES_MAX).fill(255), value: new Uint8Array(VALUE_BYTES_MAX) })
    const m: StoreMessage = { type: 'range-data', op: Number.MAX_SAFE_INTEGER, records, upTo: ID_MASK, more: true, range: { lo: ID_MASK, hi: ID_MASK - 1n }, epochs: [] }
    const frame = encodeStoreMessage(m)
    expect(frame.byteLength).to.be.at.most(STORE_FRAME_BYTES_MAX)
    // Why the bound is not PAGE_BYTES_MAX + VALUE_BYTES_MAX (5 MiB): the per-record overhead.
    expect(frame.byteLength).to.be.above(PAGE_BYTES_MAX + VALUE_BYTES_MAX)
    const r = decodeStoreMessage(frame)
    expect(r.ok && r.msg.type === 'range-data' && r.msg.records.length).to.equal(PAGE_RECORDS_MAX)
  })

  it('refuses frames with no body, unknown bodies, bad enums, truncation and frames over STORE_FRAME_BYTES_MAX', () => {
    rejects(new Uint8Array(0), 'empty')
    rejects(bytes(0xf0, 0x01, 1), 'empty') // field 30 (no such body), a varint: skipped
    rejects(bytes(0x2a, 0x02, 0x18, 0x09), 'malformed') // nack with reason 9
    rejects(PB.encode({ nack: { op: 1n, slot: -1, reason: Nack.Reason.UNSPECIFIED } }), 'bad-reason')
    const frame = pbPrepare()
    rejects(frame.subarray(0, frame.length - 1), 'malformed')
    rejects(new Uint8Array(STORE_FRAME_BYTES_MAX + 1), 'frame-too-large')
  })

  it('refuses writes sent to a home whose value or expected version does not fit their kind, and pending answers that claim an outcome', () => {
    const get = (x: Partial<P.HomeOp>): Uint8Array => PB.encode({ homeOp: { op: 1n, key: bytes(1), kind: HomeOp.Kind.GET, by: '', ...x } })
    rejects(get({ value: bytes(1) }), 'bad-value')
    rejects(get({ kind: HomeOp.Kind.DELETE, value: bytes(1) }), 'bad-value')
    rejects(get({ kind: HomeOp.Kind.PUT }), 'missing-value')
    rejects(get({ kind: HomeOp.Kind.CAS, value: bytes(1) }), 'bad-expected')
    rejects(get({ kind: HomeOp.Kind.PUT, value: bytes(1), expected: 1n }), 'bad-expected')
    rejects(get({ kind: HomeOp.Kind.CAS, expected: -1n }), 'bad-version')
    rejects(PB.encode({ homeDone: { op: 1n, ok: true, version: 0n, reason: '', pending: true } }), 'bad-pending')
  })

  it('refuses ring ids that are not exactly 16 bytes, wherever they appear', () => {
    rejects(pbPrepare({ rid: new Uint8Array(15) }), 'bad-rid')
    rejects(pbPrepare({ rid: new Uint8Array(17) }), 'bad-rid')
    rejects(pbPrepare({ rid: new Uint8Array(0) }), 'bad-rid')
    rejects(PB.encode({ accepted: { op: 1n, slot: 0, range: pbArc({ hi: new Uint8Array(15) }), epoch: pbBallot(), fences: [] } }), 'bad-range')
    rejects(PB.encode({ rangeRead: { op: 1n, lo: new Uint8Array(0), hi: id16(), limit: 1, fenceShift: 0, commit: false, committed: [] } }), 'bad-lo')
    rejects(PB.encode({ rangeRead: { op: 1n, lo: id16(), hi: id16(), after: { rid: new Uint8Array(3), key: bytes(1) }, limit: 1, fenceShift: 0, commit: false, committed: [] } }), 'bad-after')
    rejects(PB.encode({ digest: { op: 1n, lo: id16(), upTo: new Uint8Array(20), hashes: [], counts: [], range: pbArc(), epochs: [] } }), 'bad-up-to')
    rejects(pbRangeData([pbRecord({ rid: new Uint8Array(1) })]), 'bad-rid')
  })

  it('refuses empty and oversized keys and oversized values', () => {
    rejects(pbPrepare({ key: new Uint8Array(0) }), 'bad-key')
    rejects(pbPrepare({ key: new Uint8Array(KEY_BYTES_MAX + 1) }), 'bad-key')
    rejects(PB.encode({ rangeRead: { op: 1n, lo: id16(), hi: id16(), after: { rid: id16(), key: new Uint8Array(0) }, limit: 1, fenceShift: 0, commit: false, committed: [] } }), 'bad-key')
    rejects(pbRangeData([pbRecord(), pbRecord({ key: new Uint8Array(KEY_BYTES_MAX + 1) })]), 'bad-key')
    rejects(PB.encode({ accept: { op: 1n, key: bytes(1), slot: 0, rid: id16(), ballot: pbBallot(), value: new Uint8Array(VALUE_BYTES_MAX + 1), version: 1n } }), 'value-too-large')
    rejects(PB.encode({ promise: { op: 1n, slot: 0, accepted: pbBallot(), value: new Uint8Array(VALUE_BYTES_MAX + 1), version: 1n, range: pbArc(), epoch: pbBallot(), fences: [] } }), 'value-too-large')
    rejects(PB.encode({ handoff: { op: 1n, lo: id16(), hi: id16(), records: [pbRecord({ value: new Uint8Array(VALUE_BYTES_MAX + 1) })], last: true, ready: true, own: [], epochs: [], cold: false, readyParts: [] } }), 'value-too-large')
  })

  it('refuses slots outside 0..R_MAX−1 (−1 only in a nack)', () => {
    rejects(pbPrepare({ slot: R_MAX }), 'bad-slot')
    rejects(PB.encode({ accepted: { op: 1n, slot: 0xffff_ffff, range: pbArc(), epoch: pbBallot(), fences: [] } }), 'bad-slot')
    rejects(PB.encode({ nack: { op: 1n, slot: -2, reason: Nack.Reason.INVALID } }), 'bad-slot')
    rejects(PB.encode({ nack: { op: 1n, slot: R_MAX, reason: Nack.Reason.INVALID } }), 'bad-slot')
    rejects(pbRangeData([pbRecord({ slot: R_MAX })]), 'bad-slot')
  })

  it('refuses op ids, versions and ballot numbers that are not safe integers, and long proposers', () => {
    const unsafe = BigInt(Number.MAX_SAFE_INTEGER) + 1n
    const minusOne = -1n
    rejects(pbPrepare({ op: unsafe }), 'bad-op')
    rejects(PB.encode({ handoffAck: { op: minusOne } }), 'bad-op')
    rejects(PB.encode({ accept: { op: 1n, key: bytes(1), slot: 0, rid: id16(), ballot: pbBallot(), version: unsafe } }), 'bad-version')
    rejects(PB.encode({ promise: { op: 1n, slot: 0, accepted: pbBallot(), version: minusOne, range: pbArc(), epoch: pbBallot(), fences: [] } }), 'bad-version')
    rejects(pbRangeData([pbRecord({ version: unsafe })]), 'bad-version')
    rejects(pbPrepare({ ballot: pbBallot({ n: unsafe }) }), 'bad-ballot-n')
    rejects(pbRangeData([pbRecord({ accepted: pbBallot({ n: minusOne }) })]), 'bad-ballot-n')
    rejects(pbPrepare({ ballot: pbBallot({ by: 'x'.repeat(BALLOT_BY_CHARS_MAX + 1) }) }), 'bad-ballot-by')
    rejects(PB.encode({ nack: { op: 1n, slot: 0, reason: Nack.Reason.CONFLICT, promised: pbBallot({ by: 'y'.repeat(BALLOT_BY_CHARS_MAX + 1) }) } }), 'bad-ballot-by')
    rejects(PB.encode({ nack: { op: 1n, slot: 0, reason: Nack.Reason.CONFLICT, accepted: pbBallot({ by: 'y'.repeat(BALLOT_BY_CHARS_MAX + 1) }) } }), 'bad-ballot-by')
    // 0xed 0x78: invalid UTF-8 that protons decodes to a lone surrogate, which would not re-encode the same.
    rejects(prepareWithBy(0xed, 0x78, 0x78), 'bad-ballot-by')
    expect(decodeStoreMessage(prepareWithBy(0x61, 0x62)).ok).to.equal(true)
  })

  it('refuses missing ballots and ranges, read limits below 1 and bad bucket counts', () => {
    rejects(pbPrepare({ ballot: undefined }), 'missing-ballot')
    rejects(PB.encode({ promise: { op: 1n, slot: 0, version: 0n, range: pbArc(), epoch: pbBallot(), fences: [] } }), 'missing-accepted')
    rejects(PB.encode({ promise: { op: 1n, slot: 0, accepted: pbBallot(), version: 0n, epoch: pbBallot(), fences: [] } }), 'missing-range')
    rejects(pbRangeData([pbRecord({ promised: undefined })]), 'missing-promised')
    rejects(PB.encode({ rangeRead: { op: 1n, lo: id16(), hi: id16(), limit: 0, fenceShift: 0, commit: false, committed: [] } }), 'bad-limit')
    rejects(PB.encode({ digestReq: { op: 1n, lo: id16(), hi: id16(), buckets: 0 } }), 'bad-buckets')
    rejects(PB.encode({ digestReq: { op: 1n, lo: id16(), hi: id16(), buckets: DIGEST_BUCKETS_MAX + 1 } }), 'bad-buckets')
  })

  it('refuses pages over PAGE_RECORDS_MAX records and digests over DIGEST_BUCKETS_MAX hashes', () => {
    expect(decodeStoreMessage(pbRangeData(Array.from({ length: PAGE_RECORDS_MAX }, () => pbRecord()))).ok).to.equal(true)
    rejects(pbRangeData(Array.from({ length: PAGE_RECORDS_MAX + 1 }, () => pbRecord())), 'over-limit')
    rejects(PB.encode({ handoff: { op: 1n, lo: id16(), hi: id16(), records: Array.from({ length: PAGE_RECORDS_MAX + 1 }, () => pbRecord()), last: true, ready: true, own: [], epochs: [], cold: false, readyParts: [] } }), 'over-limit')
    const digest = (n: number): Uint8Array => PB.encode({ digest: { op: 1n, lo: id16(), upTo: id16(), hashes: new Array<number>(n).fill(1), counts: [], range: pbArc(), epochs: [] } })
    expect(decodeStoreMessage(digest(DIGEST_BUCKETS_MAX)).ok).to.equal(true)
    rejects(digest(DIGEST_BUCKETS_MAX + 1), 'over-limit')
  })

  it('asserts the same checks when encoding (a core that sends them has a bug)', () => {
    const bad: StoreMessage[] = [
      { type: 'prepare', op: 1, key: new Uint8Array(0), slot: 0, rid: 1n, ballot },
      { type: 'prepare', op: 1, key: bytes(1), slot: R_MAX, rid: 1n, ballot },
      { type: 'prepare', op: 1, key: bytes(1), slot: 0, rid: 1n << 128n, ballot },
      { type: 'prepare', op: -1, key: bytes(1), slot: 0, rid: 1n, ballot },
      { type: 'prepare', op: 1, key: bytes(1), slot: 0, rid: 1n, ballot: { n: 1.5, by: '' } },
      { type: 'prepare', op: 1, key: bytes(1), slot: 0, rid: 1n, ballot: { n: 1, by: 'a\ud800' } },
      { type: 'accept', op: 1, key: bytes(1), slot: 0, rid: 1n, ballot, version: -1 },
      { type: 'accept', op: 1, key: bytes(1), slot: 0, rid: 1n, ballot, value: new Uint8Array(VALUE_BYTES_MAX + 1), version: 1 },
      { type: 'nack', op: 1, slot: -2, reason: 'invalid' },
      { type: 'nack', op: 1, slot: 0, reason: 'bogus' as 'invalid' },
      { type: 'range-read', op: 1, lo: 0n, hi: 0n, limit: 0 },
      { type: 'range-read', op: 1, lo: 0n, hi: 0n, limit: 1, commit: true },
      { type: 'handoff', op: 1, lo: 1n, hi: 9n, records: [], last: true, ready: true, own: [], epochs: [], cold: false, readyParts: [{ lo: 1n, hi: 4n }] },
      { type: 'range-data', op: 1, records: Array.from({ length: PAGE_RECORDS_MAX + 1 }, () => rec()), upTo: 0n, more: false, range: whole, epochs: [] },
      { type: 'range-data', op: 1, records: [], upTo: 0n, more: false, range: whole, epochs: Array.from({ length: EPOCH_ARCS_MAX + 1 }, () => ({ lo: 0n, hi: 1n, e: { n: 1, by: 'a' } })) },
      { type: 'range-read', op: 1, lo: 0n, hi: 0n, limit: 1, fence: { e: { n: 1, by: 'a' }, j: 0 } },
      { type: 'superseded', op: 1, rid: 0n, epoch: { n: EPOCH_N_MAX + 1, by: 'a' } },
      { type: 'promise', op: 1, slot: 0, accepted: { n: 0, by: '' }, version: 0, range: whole, epoch: { n: -1, by: '' }, fences: [] },
      { type: 'accepted', op: 1, slot: 0, range: whole, epoch: { n: 0, by: '' }, fences: new Array(R_MAX + 1).fill({ n: 0, by: '' }) },
      { type: 'digest', op: 1, lo: 0n, upTo: 0n, hashes: [-1], counts: [], range: whole, epochs: [] },
      { type: 'digest-req', op: 1, lo: 0n, hi: 0n, buckets: DIGEST_BUCKETS_MAX + 1 },
      { type: 'accepted', op: 1, slot: 0, range: whole, epoch: zero, fences: [], lease: { holder: '', ms: 1, grant: 'g' } },
      { type: 'accepted', op: 1, slot: 0, range: whole, epoch: zero, fences: [], lease: { holder: 'h', ms: 1, grant: '' } },
      { type: 'accepted', op: 1, slot: 0, range: whole, epoch: zero, fences: [], lease: { holder: 'h'.repeat(LEASE_HOLDER_CHARS_MAX + 1), ms: 1, grant: 'g' } },
      { type: 'promise', op: 1, slot: 0, accepted: zero, version: 0, range: whole, epoch: zero, fences: [], lease: { holder: 'h', ms: 3_600_001, grant: 'g' } },
      { type: 'lease-grant', op: 1, slot: 1, lo: 0n, hi: 0n, range: whole, epoch: zero, grant: 'g'.repeat(GRANT_ID_CHARS_MAX + 1) },
      { type: 'chosen', op: 0, key: bytes(1), ballot, grants: [{ slot: R_MAX, id: 'g' }] },
      { type: 'chosen', op: 0, key: bytes(1), ballot, grants: new Array(R_MAX + 1).fill({ slot: 1, id: 'g' }) },
      { type: 'revoke', op: 1, rid: 0n, holder: 'h\ud800' },
      { type: 'revoked', op: 1, ms: -1 },
      { type: 'lease-req', op: 1, slot: R_MAX, lo: 0n, hi: 0n },
      { type: 'lease-req', op: 1, slot: 1, lo: 0n, hi: 0n, own: new Array(EPOCH_ARCS_MAX + 1).fill({ lo: 0n, hi: 1n, e: zero }) },
      { type: 'lease-req', op: 1, slot: 1, lo: 0n, hi: 0n, own: [{ lo: 0n, hi: 1n, e: { n: EPOCH_N_MAX + 1, by: 'x' } }] },
      { type: 'home-op', op: 1, key: new Uint8Array(KEY_BYTES_MAX + 1) },
      { type: 'home-done', op: 1, ok: true, version: 0, reason: 'why' },
      { type: 'home-done', op: 1, ok: false, version: 0, reason: 'x'.repeat(REASON_CHARS_MAX + 1) },
      { type: 'toString', op: 1 } as unknown as StoreMessage
    ]
    for (const m of bad) {
      expect(() => encodeStoreMessage(m), JSON.stringify(m, (_, v) => typeof v === 'bigint' ? v.toString() : v)).to.throw().with.property('name', 'AssertionError')
    }
  })

  it('round-trips random valid messages', () => {
    fc.assert(fc.property(storeMessage(), m => { roundTrip(m) }), params(1000))
  })

  it('never throws on random bytes or mutated valid frames; whatever it accepts re-encodes to the same message', () => {
    const frames = samples().map(encodeStoreMessage)
    const stable = (b: Uint8Array): void => {
      const r = decodeStoreMessage(b)
      if (!r.ok) {
        expect(r.reason).to.be.a('string').and.not.equal('')
        return
      }
      roundTrip(r.msg)
    }
    const frame = fc.nat({ max: frames.length - 1 }).map(i => frames[i])
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), stable), params(3000))
    fc.assert(fc.property(frame, fc.nat(), fc.nat({ max: 255 }), (f, pos, byte) => {
      const b = new Uint8Array(f)
      b[pos % b.length] = byte
      stable(b)
    }), params(3000))
    fc.assert(fc.property(frame, fc.nat(), (f, cut) => { stable(f.subarray(0, cut % (f.length + 1))) }), params(1000))
    fc.assert(fc.property(frame, fc.nat(), fc.nat({ max: 8 }), fc.uint8Array({ maxLength: 8 }), (f, pos, del, ins) => {
      const at = pos % (f.length + 1)
      stable(Uint8Array.from([...f.subarray(0, at), ...ins, ...f.subarray(at + del)]))
    }), params(3000))
  })
})

// ---------------------------------------------------------------- arbitraries

function storeMessage (): fc.Arbitrary<StoreMessage> {
  const op = fc.maxSafeNat()
  const rid = fc.bigInt({ min: 0n, max: ID_MASK })
  const key = fc.uint8Array({ minLength: 1, maxLength: 40 })
  const value = fc.option(fc.uint8Array({ maxLength: 40 }), { nil: undefined })
  const slot = fc.integer({ min: 0, max: R_MAX - 1 })
  const version = fc.maxSafeNat()
  const b = fc.record({ n: fc.maxSafeNat(), by: fc.string({ maxLength: BALLOT_BY_CHARS_MAX / 2, unit: 'binary' }) })
  const a = fc.record({ lo: rid, hi: rid })
  const record = fc.record({ key, slot, rid, promised: b, accepted: b, value, version })
  const records = fc.array(record, { maxLength: 6 })
  const e = fc.record({ n: fc.integer({ min: 0, max: EPOCH_N_MAX }), by: fc.string({ maxLength: BALLOT_BY_CHARS_MAX / 2, unit: 'binary' }) })
  const epochs = fc.array(fc.record({ lo: rid, hi: rid, e }), { maxLength: 5 })
  const fences = fc.array(e, { maxLength: R_MAX })
  const reason = fc.constantFrom('not-owner' as const, 'not-ready' as const, 'conflict' as const, 'invalid' as const)
  const u32 = (min: number): fc.Arbitrary<number> => fc.integer({ min, max: 0xffff_ffff })
  return fc.oneof(
    fc.record({ type: fc.constant('prepare' as const), op, key, slot, rid, ballot: b }),
    fc.record({ type: fc.constant('promise' as const), op, slot, accepted: b, value, version, range: a, epoch: e, fences }),
    fc.record({ type: fc.constant('accept' as const), op, key, slot, rid, ballot: b, value, version }),
    fc.record({ type: fc.constant('accepted' as const), op, slot, range: a, epoch: e, fences }),
    fc.record({ type: fc.constant('nack' as const), op, slot: fc.integer({ min: -1, max: R_MAX - 1 }), reason, promised: fc.option(b, { nil: undefined }), range: fc.option(a, { nil: undefined }), accepted: fc.option(b, { nil: undefined }), epoch: fc.option(e, { nil: undefined }) }),
    fc.record({ type: fc.constant('range-read' as const), op, lo: rid, hi: rid, after: fc.option(fc.record({ rid, key }), { nil: undefined }), limit: u32(1), fence: fc.option(fc.record({ e, j: fc.integer({ min: 1, max: R_MAX - 1 }) }), { nil: undefined }) }),
    fc.record({ type: fc.constant('range-data' as const), op, records, upTo: rid, more: fc.boolean(), range: a, epochs }),
    fc.record({ type: fc.constant('handoff' as const), op, lo: rid, hi: rid, records, last: fc.boolean(), ready: fc.boolean(), own: epochs, epochs, cold: fc.boolean() }),
    fc.record({ type: fc.constant('handoff-ack' as const), op }),
    fc.record({ type: fc.constant('digest-req' as const), op, lo: rid, hi: rid, buckets: fc.integer({ min: 1, max: DIGEST_BUCKETS_MAX }) }),
    fc.record({ type: fc.constant('digest' as const), op, lo: rid, upTo: rid, hashes: fc.array(u32(0), { maxLength: 40 }), counts: fc.array(u32(0), { maxLength: 40 }), range: a, epochs }),
    fc.record({ type: fc.constant('superseded' as const), op, rid, epoch: e }),
    fc.record({ type: fc.constant('accepted' as const), op, slot, range: a, epoch: e, fences, lease: fc.record({ holder: fc.string({ minLength: 1, maxLength: 60 }), ms: fc.integer({ min: 0, max: 3_600_000 }), grant: fc.string({ minLength: 1, maxLength: 60 }) }) }),
    fc.record({ type: fc.constant('chosen' as const), op, key, ballot: b, grants: fc.array(fc.record({ slot, id: fc.string({ maxLength: 60 }) }), { maxLength: R_MAX }) }),
    fc.record({ type: fc.constant('lease-req' as const), op, slot, lo: rid, hi: rid }),
    fc.record({ type: fc.constant('lease-grant' as const), op, slot, lo: rid, hi: rid, range: a, epoch: e, grant: fc.string({ minLength: 1, maxLength: 60 }) }),
    fc.record({ type: fc.constant('revoke' as const), op, rid, holder: fc.string({ maxLength: 60 }) }),
    fc.record({ type: fc.constant('revoked' as const), op, ms: fc.integer({ min: 0, max: 3_600_000 }) }),
    fc.record({ type: fc.constant('home-op' as const), op, key }),
    fc.record({ type: fc.constant('home-ping' as const), op }),
    fc.record({ type: fc.constant('home-pong' as const), op }),
    fc.record({ type: fc.constant('home-op' as const), op, key, kind: fc.constant('put' as const), value: fc.uint8Array({ maxLength: 40 }) }),
    fc.record({ type: fc.constant('home-op' as const), op, key, kind: fc.constant('cas' as const), expected: version }),
    fc.record({ type: fc.constant('accept' as const), op, key, slot, rid, ballot: b, value, version, next: b }),
    fc.record({ type: fc.constant('accepted' as const), op, slot, range: a, epoch: e, fences, primed: fc.constant(true) }),
    fc.oneof(
      fc.record({ type: fc.constant('home-done' as const), op, ok: fc.constant(true), value, version, reason: fc.constant('') }),
      fc.record({ type: fc.constant('home-done' as const), op, ok: fc.constant(false), value, version, reason: fc.string({ maxLength: REASON_CHARS_MAX }) })
    )
  )
}

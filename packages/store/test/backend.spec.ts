/* Goal: every ReplicaBackend behaves the same: point get/put/replace, atomic putMany, range over the arc (lo, hi] with wrap-around, lo === hi as the whole ring, ring order then key bytes, limits and `after` paging that visits every record once, deleteRange, the saved replica meta (none at first, the last one saved, unaliased); the SQLite backend also keeps every record and the meta across close and reopen, upgrades a schema-1 file in place, refuses a damaged meta, and refuses files that are not SQLite, are damaged or truncated, belong to another application, or hold invalid rows, with a CorruptDatabaseError naming the path. Method: one conformance suite run against MemoryBackend and SqliteBackend (a fresh file under os.tmpdir() per test); fast-check runs random operation sequences on both backends and on a trivial model and compares every result (seed and path printed on failure; FC_SEED / FC_PATH / FC_RUNS); the corruption cases write the files by hand or edit rows with raw SQL. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { ID_MASK, inOpenClosed } from '@selfmgmt/ring'
import { expect } from 'aegir/chai'
import fc from 'fast-check'
import { compare } from 'uint8arrays/compare'
import { toString } from 'uint8arrays/to-string'
import { MemoryBackend } from '../src/core/memory-backend.ts'
import { openSqliteBackend, STORE_APPLICATION_ID } from '../src/db/sqlite-backend.ts'
import type { ReplicaBackend, ReplicaMeta, ReplicaRecord } from '../src/core/backend.ts'
import type { RingId } from '@selfmgmt/ring'

function params<T> (numRuns: number): fc.Parameters<T> {
  return {
    numRuns: process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : numRuns,
    seed: process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined,
    path: process.env.FC_PATH
  }
}

const bytes = (...xs: number[]): Uint8Array => Uint8Array.from(xs)
const hex = (b: Uint8Array): string => toString(b, 'base16')

/** Ring positions that matter: both ends of the ring, the middle, and neighbours. */
const POOL: RingId[] = [0n, 1n, 2n, 5n, ID_MASK / 4n, ID_MASK / 2n, ID_MASK / 2n + 1n, 7n << 100n, ID_MASK / 4n * 3n, ID_MASK - 2n, ID_MASK - 1n, ID_MASK]
/** Keys whose byte order is not their length order, with prefixes of each other. */
const KEYS: Uint8Array[] = [bytes(), bytes(0), bytes(0, 0), bytes(0, 1), bytes(1), bytes(1, 2), bytes(255), bytes(0x7f, 0x80)]

/** A record's replica position as the store computes it (h(key) + slot·N/r), on a tiny ring of POOL positions: distinct slots of a key never share a rid. */
function ridOf (key: Uint8Array, slot: number): RingId {
  const h = key.reduce((a, b) => a * 31 + b, key.length)
  return POOL[(h + 3 * slot) % POOL.length]
}

function rec (key: Uint8Array, slot: number, extra: Partial<ReplicaRecord> = {}): ReplicaRecord {
  return {
    key,
    slot,
    rid: ridOf(key, slot),
    promised: { n: 2, by: 'aa'.repeat(16) },
    accepted: { n: 1, by: 'bb'.repeat(16) },
    value: bytes(slot, ...key),
    version: 1,
    ...extra
  }
}

/** A record at an explicit rid, for the ordering tests. */
function at (rid: RingId, key: Uint8Array, slot = 0): ReplicaRecord {
  return { ...rec(key, slot), rid }
}

/** Comparable form: bytes as hex, `value` null when absent, no Buffer/Uint8Array or missing-vs-undefined differences. */
function norm (r: ReplicaRecord | undefined): unknown {
  if (r === undefined) { return undefined }
  return {
    key: hex(r.key),
    slot: r.slot,
    rid: r.rid.toString(16),
    promised: { n: r.promised.n, by: r.promised.by },
    accepted: { n: r.accepted.n, by: r.accepted.by },
    value: r.value === undefined ? null : hex(r.value),
    version: r.version
  }
}

const names = (rs: ReplicaRecord[]): string[] => rs.map(r => `${r.rid.toString(16)}/${hex(r.key)}/${r.slot}`)

/** A trivial model of the interface: a map, filtered and sorted on every read. */
class ModelBackend implements ReplicaBackend {
  private readonly recs = new Map<string, ReplicaRecord>()

  get (key: Uint8Array, slot: number): ReplicaRecord | undefined { return this.recs.get(`${hex(key)}/${slot}`) }
  put (r: ReplicaRecord): void { this.recs.set(`${hex(r.key)}/${r.slot}`, structuredClone(r)) }
  putMany (rs: readonly ReplicaRecord[]): void { for (const r of rs) { this.put(r) } }
  size (): number { return this.recs.size }
  close (): void {}
  private meta: ReplicaMeta | undefined
  loadMeta (): ReplicaMeta | undefined { return structuredClone(this.meta) }
  saveMeta (m: ReplicaMeta): void { this.meta = structuredClone(m) }

  range (lo: RingId, hi: RingId, limit: number, after?: { rid: RingId, key: Uint8Array }): ReplicaRecord[] {
    const pos = (x: RingId): bigint => (x - lo - 1n) & ID_MASK
    const order = (a: { rid: RingId, key: Uint8Array }, b: { rid: RingId, key: Uint8Array }): number => {
      if (pos(a.rid) !== pos(b.rid)) { return pos(a.rid) < pos(b.rid) ? -1 : 1 }
      return compare(a.key, b.key)
    }
    return [...this.recs.values()]
      .filter(r => inOpenClosed(r.rid, lo, hi) && (after === undefined || order(r, after) > 0))
      .sort(order)
      .slice(0, Math.max(0, limit))
  }

  deleteRange (lo: RingId, hi: RingId): number {
    const gone = [...this.recs.entries()].filter(([, r]) => inOpenClosed(r.rid, lo, hi))
    for (const [k] of gone) { this.recs.delete(k) }
    return gone.length
  }
}

/** A meta with a wrapping arc, the whole ring (lo === hi) and ids at both ends. */
const META = (): ReplicaMeta => ({
  ready: [{ lo: ID_MASK - 5n, hi: 7n }, { lo: 100n, hi: 100n }],
  own: [{ lo: ID_MASK - 5n, hi: 0n, e: { n: 3, by: 'ab:1' } }, { lo: 0n, hi: 7n, e: { n: 12, by: 'cd' } }],
  fences: [{ lo: 0n, hi: ID_MASK, e: { n: 2 ** 40, by: 'ef:x' } }],
  committed: [{ lo: 9n, hi: 3n, e: { n: 5, by: 'ab' } }]
})

let tmp: string
let files = 0
before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'selfmgmt-store-')) })
after(() => { fs.rmSync(tmp, { recursive: true, force: true }) })
const freshPath = (): string => path.join(tmp, `store-${files++}.db`)

const BACKENDS: Array<{ name: string, open(): ReplicaBackend }> = [
  { name: 'MemoryBackend', open: () => new MemoryBackend() },
  { name: 'SqliteBackend', open: () => openSqliteBackend(freshPath()) }
]

for (const { name, open } of BACKENDS) {
  describe(`ReplicaBackend conformance: ${name}`, () => {
    let b: ReplicaBackend
    beforeEach(() => { b = open() })
    afterEach(() => { b.close() })

    it('get of a missing record is undefined; put then get returns the record', () => {
      expect(b.get(bytes(1), 0)).to.equal(undefined)
      const r = rec(bytes(1), 0, { version: 7, promised: { n: 9, by: 'x' } })
      b.put(r)
      expect(norm(b.get(bytes(1), 0))).to.deep.equal(norm(r))
      expect(b.get(bytes(1), 1)).to.equal(undefined)
      expect(b.get(bytes(1, 0), 0)).to.equal(undefined)
      expect(b.size()).to.equal(1)
    })

    it('the meta is undefined until saved, then the last one saved, sharing nothing with the caller', () => {
      expect(b.loadMeta()).to.equal(undefined)
      const m = META()
      b.saveMeta(m)
      m.own[0].e.n = 99
      m.ready.push({ lo: 1n, hi: 2n })
      expect(b.loadMeta()).to.deep.equal(META())
      const got = b.loadMeta()
      got?.fences.pop()
      expect(b.loadMeta()).to.deep.equal(META())
      got?.committed?.pop()
      expect(b.loadMeta()).to.deep.equal(META())
      // A meta written before committed incarnations existed reads back without them.
      b.saveMeta({ ready: [], own: [], fences: [] })
      expect(b.loadMeta()).to.deep.equal({ ready: [], own: [], fences: [] })
      expect(b.size()).to.equal(0)
    })

    it('put replaces the record of the same (key, slot); other slots are separate records', () => {
      b.put(rec(bytes(1), 0))
      b.put(rec(bytes(1), 1))
      const r2 = rec(bytes(1), 0, { value: bytes(9, 9), version: 2, accepted: { n: 5, by: 'c' } })
      b.put(r2)
      expect(b.size()).to.equal(2)
      expect(norm(b.get(bytes(1), 0))).to.deep.equal(norm(r2))
      expect(norm(b.get(bytes(1), 1))).to.deep.equal(norm(rec(bytes(1), 1)))
    })

    it('an absent value (tombstone) stays absent; an empty value and an empty key stay present and empty', () => {
      b.put(rec(bytes(2), 0, { value: undefined, version: 3 }))
      b.put(rec(bytes(), 0, { value: bytes() }))
      const tomb = b.get(bytes(2), 0)
      expect(tomb?.value).to.equal(undefined)
      expect(tomb?.version).to.equal(3)
      const empty = b.get(bytes(), 0)
      expect(empty?.value).to.be.an.instanceOf(Uint8Array).with.lengthOf(0)
      expect(empty?.key).to.be.an.instanceOf(Uint8Array).with.lengthOf(0)
    })

    it('stored records share no bytes with the caller', () => {
      const r = rec(bytes(3), 0, { value: bytes(1, 2, 3) })
      b.put(r)
      r.key[0] = 4
      r.value?.fill(0)
      r.promised.n = 100
      const got = b.get(bytes(3), 0)
      expect(norm(got)).to.deep.equal(norm(rec(bytes(3), 0, { value: bytes(1, 2, 3) })))
      got?.value?.fill(7)
      expect(hex(b.get(bytes(3), 0)?.value ?? bytes())).to.equal('010203')
    })

    it('putMany stores every record, the last of a duplicated (key, slot) winning', () => {
      b.putMany([rec(bytes(1), 0), rec(bytes(2), 0), rec(bytes(1), 0, { version: 5 })])
      expect(b.size()).to.equal(2)
      expect(b.get(bytes(1), 0)?.version).to.equal(5)
      b.putMany([])
      expect(b.size()).to.equal(2)
    })

    it('putMany is atomic: a batch that fails part way stores nothing', () => {
      b.put(rec(bytes(1), 0))
      const bad = rec(bytes(5), 0)
      Object.defineProperty(bad, 'value', { enumerable: true, get: () => { throw new Error('unreadable record') } })
      expect(() => { b.putMany([rec(bytes(1), 0, { version: 9 }), bad, rec(bytes(6), 0)]) }).to.throw('unreadable record')
      expect(b.size()).to.equal(1)
      expect(b.get(bytes(1), 0)?.version).to.equal(1)
      expect(b.get(bytes(6), 0)).to.equal(undefined)
    })

    describe('range', () => {
      // Distinct (key, slot) each; several share a rid, ordered then by key bytes.
      const A = at(0n, bytes(1), 0)
      const B = at(1n, bytes(), 0)
      const C = at(1n, bytes(0), 0)
      const D = at(1n, bytes(0, 0), 0)
      const E = at(1n, bytes(1), 1)
      const F = at(ID_MASK / 2n, bytes(1), 2)
      const G = at(ID_MASK - 1n, bytes(2), 0)
      const H = at(ID_MASK, bytes(0), 1)
      const H2 = at(ID_MASK, bytes(0, 0), 1)
      const all = [A, B, C, D, E, F, G, H]
      beforeEach(() => { b.putMany([...all].reverse()) })

      it('returns (lo, hi] in ring order, then key bytes (a prefix first)', () => {
        expect(names(b.range(0n, ID_MASK / 2n, 100))).to.deep.equal(names([B, C, D, E, F]))
        expect(names(b.range(1n, ID_MASK, 100))).to.deep.equal(names([F, G, H]))
        expect(names(b.range(ID_MASK / 2n, ID_MASK - 1n, 100))).to.deep.equal(names([G]))
        expect(names(b.range(2n, 3n, 100))).to.deep.equal([])
      })

      it('wraps past 0 when hi < lo', () => {
        expect(names(b.range(ID_MASK / 2n, 1n, 100))).to.deep.equal(names([G, H, A, B, C, D, E]))
        expect(names(b.range(ID_MASK - 1n, 0n, 100))).to.deep.equal(names([H, A]))
        expect(names(b.range(ID_MASK, 0n, 100))).to.deep.equal(names([A]))
        expect(names(b.range(1n, 0n, 100))).to.deep.equal(names([F, G, H, A]))
      })

      it('lo === hi is the whole ring, starting after lo', () => {
        expect(names(b.range(1n, 1n, 100))).to.deep.equal(names([F, G, H, A, B, C, D, E]))
        expect(names(b.range(0n, 0n, 100))).to.deep.equal(names([B, C, D, E, F, G, H, A]))
        expect(names(b.range(ID_MASK, ID_MASK, 100))).to.deep.equal(names(all))
        expect(names(b.range(5n, 5n, 100))).to.deep.equal(names([F, G, H, A, B, C, D, E]))
      })

      it('returns at most limit records, the first ones', () => {
        expect(names(b.range(0n, 0n, 3))).to.deep.equal(names([B, C, D]))
        expect(names(b.range(ID_MASK / 2n, 1n, 3))).to.deep.equal(names([G, H, A]))
        expect(b.range(0n, 0n, 0)).to.deep.equal([])
        expect(b.range(0n, 0n, Infinity)).to.have.lengthOf(all.length)
      })

      it('after is an exclusive cursor; a cursor outside the arc yields nothing', () => {
        expect(names(b.range(ID_MASK / 2n, 1n, 100, C))).to.deep.equal(names([D, E]))
        expect(names(b.range(ID_MASK / 2n, 1n, 100, H))).to.deep.equal(names([A, B, C, D, E]))
        expect(names(b.range(ID_MASK / 2n, 1n, 2, { rid: 0n, key: bytes(0) }))).to.deep.equal(names([A, B]))
        expect(names(b.range(0n, 0n, 100, { rid: 1n, key: bytes(0, 0, 0) }))).to.deep.equal(names([E, F, G, H, A]))
        expect(b.range(0n, 1n, 100, F)).to.deep.equal([])
        expect(b.range(0n, 0n, 100, A)).to.deep.equal([])
      })

      it('paging with after visits every record exactly once', () => {
        b.put(H2)
        const arcs: Array<[RingId, RingId]> = [[0n, 0n], [ID_MASK, ID_MASK], [1n, 1n], [ID_MASK / 2n, 1n], [0n, ID_MASK], [ID_MASK - 1n, ID_MASK / 2n]]
        for (const [lo, hi] of arcs) {
          const whole = b.range(lo, hi, Infinity)
          for (const page of [1, 2, 3, 7]) {
            const seen: ReplicaRecord[] = []
            let cursor: ReplicaRecord | undefined
            for (let i = 0; i <= all.length + 1; i++) {
              const got = b.range(lo, hi, page, cursor)
              expect(got.length).to.be.at.most(page)
              if (got.length === 0) { break }
              seen.push(...got)
              cursor = got[got.length - 1]
            }
            expect(names(seen), `arc (${lo}, ${hi}] in pages of ${page}`).to.deep.equal(names(whole))
          }
        }
      })

      it('deleteRange removes exactly the arc and returns how many', () => {
        expect(b.deleteRange(ID_MASK / 2n, 0n)).to.equal(3) // G, H, A
        expect(names(b.range(0n, 0n, 100))).to.deep.equal(names([B, C, D, E, F]))
        expect(b.deleteRange(2n, 3n)).to.equal(0)
        expect(b.deleteRange(0n, 1n)).to.equal(4)
        expect(b.size()).to.equal(1)
        b.putMany(all)
        expect(b.deleteRange(7n, 7n)).to.equal(all.length)
        expect(b.size()).to.equal(0)
      })
    })
  })
}

describe('ReplicaBackend: random operation sequences', function () {
  this.timeout(120_000)

  const keyArb = fc.constantFrom(...KEYS)
  const ridArb = fc.oneof(fc.constantFrom(...POOL, 3n, ID_MASK / 2n - 1n), fc.bigInt({ min: 0n, max: ID_MASK }))
  const recArb = fc.record({
    key: keyArb,
    slot: fc.integer({ min: 0, max: 3 }),
    value: fc.option(fc.uint8Array({ maxLength: 4 }), { nil: undefined }),
    version: fc.nat({ max: 1000 }),
    pn: fc.nat({ max: 5 }),
    by: fc.constantFrom('', 'a', 'ff'.repeat(16))
  }).map(x => rec(x.key, x.slot, { value: x.value, version: x.version, promised: { n: x.pn, by: x.by }, accepted: { n: x.pn, by: '' } }))
  const opArb = fc.oneof(
    fc.record({ op: fc.constant('put' as const), r: recArb }),
    fc.record({ op: fc.constant('putMany' as const), rs: fc.array(recArb, { maxLength: 6 }) }),
    fc.record({ op: fc.constant('get' as const), key: keyArb, slot: fc.integer({ min: 0, max: 3 }) }),
    fc.record({
      op: fc.constant('range' as const),
      lo: ridArb,
      hi: ridArb,
      limit: fc.constantFrom(0, 1, 2, 3, 5, 1000),
      after: fc.option(fc.record({ rid: ridArb, key: keyArb }), { nil: undefined })
    }),
    fc.record({ op: fc.constant('deleteRange' as const), lo: ridArb, hi: ridArb }),
    fc.record({ op: fc.constant('size' as const) })
  )
  type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never

  function apply (b: ReplicaBackend, o: Op): unknown {
    switch (o.op) {
      case 'put': b.put(o.r); return null
      case 'putMany': b.putMany(o.rs); return null
      case 'get': return norm(b.get(o.key, o.slot))
      case 'range': return b.range(o.lo, o.hi, o.limit, o.after).map(norm)
      case 'deleteRange': return b.deleteRange(o.lo, o.hi)
      default: return b.size()
    }
  }

  it('MemoryBackend, SqliteBackend and a trivial model give identical results', () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), ops => {
      const backends = [new ModelBackend(), new MemoryBackend(), openSqliteBackend(freshPath(), { sync: 'normal' })]
      try {
        for (const [i, o] of ops.entries()) {
          const [want, ...got] = backends.map(b => apply(b, o))
          for (const g of got) { expect(g, `op ${i}: ${o.op}`).to.deep.equal(want) }
        }
        const [want, ...got] = backends.map(b => b.range(0n, 0n, Infinity).map(norm))
        for (const g of got) { expect(g).to.deep.equal(want) }
      } finally {
        for (const b of backends) { b.close() }
      }
    }), params(200))
  })
})

describe('SqliteBackend on disk', () => {
  const records = (): ReplicaRecord[] => KEYS.flatMap(k => [0, 1, 2, 3].map(s => rec(k, s, { version: s + k.length, value: s === 2 ? undefined : bytes(s, ...k) })))

  it('creates a WAL-mode file marked as a selfmgmt store', () => {
    const p = freshPath()
    openSqliteBackend(p).close()
    const raw = new DatabaseSync(p)
    try {
      expect(raw.prepare('PRAGMA application_id').get()?.application_id).to.equal(STORE_APPLICATION_ID)
      expect(raw.prepare('PRAGMA journal_mode').get()?.journal_mode).to.equal('wal')
      expect(raw.prepare('PRAGMA user_version').get()?.user_version).to.be.greaterThan(0)
    } finally { raw.close() }
  })

  for (const sync of ['full', 'normal'] as const) {
    it(`close and reopen keeps every record (sync: ${sync})`, () => {
      const p = freshPath()
      const want = records()
      const b = openSqliteBackend(p, { sync })
      b.putMany(want.slice(0, 10))
      for (const r of want.slice(10)) { b.put(r) }
      b.deleteRange(ID_MASK - 1n, ID_MASK)
      const before = b.range(0n, 0n, Infinity).map(norm)
      b.close()
      b.close()
      const again = openSqliteBackend(p, { sync })
      try {
        expect(again.size()).to.equal(before.length).and.to.be.greaterThan(10)
        expect(again.range(0n, 0n, Infinity).map(norm)).to.deep.equal(before)
        for (const r of want.filter(r => r.rid < ID_MASK - 1n)) { expect(norm(again.get(r.key, r.slot))).to.deep.equal(norm(r)) }
      } finally { again.close() }
    })
  }

  it('close and reopen keeps the meta', () => {
    const p = freshPath()
    const b = openSqliteBackend(p)
    b.saveMeta(META())
    b.close()
    const again = openSqliteBackend(p)
    try { expect(again.loadMeta()).to.deep.equal(META()) } finally { again.close() }
  })

  it('upgrades a schema-1 store in place: records kept, no meta yet, then a meta saved and kept', () => {
    const p = freshPath()
    const b = openSqliteBackend(p)
    b.put(rec(bytes(1), 0, { version: 4 }))
    b.close()
    // Back to what version 1 wrote: no meta table.
    const raw = new DatabaseSync(p)
    raw.exec('DROP TABLE meta; PRAGMA user_version = 1')
    raw.close()
    const old = openSqliteBackend(p)
    try {
      expect(old.get(bytes(1), 0)?.version).to.equal(4)
      expect(old.loadMeta()).to.equal(undefined)
      old.saveMeta(META())
    } finally { old.close() }
    const again = openSqliteBackend(p)
    try { expect(again.loadMeta()).to.deep.equal(META()) } finally { again.close() }
  })

  it('refuses a damaged meta at load, and a store of this version without its meta table at open', () => {
    for (const [text, why] of [['{', /not JSON/], ['{"ready":[["zz","00"]],"own":[],"fences":[]}', /invalid ring id/], ['{"ready":[],"own":[["00000000000000000000000000000000","00000000000000000000000000000001",-1,"a"]],"fences":[]}', /invalid entry in own/], ['[]', /no valid ready list/]] as const) {
      const p = freshPath()
      openSqliteBackend(p).close()
      const raw = new DatabaseSync(p)
      raw.prepare('INSERT INTO meta (name, value) VALUES (\'replica\', ?)').run(text)
      raw.close()
      const b = openSqliteBackend(p)
      try {
        expect(() => b.loadMeta()).to.throw().that.satisfies((err: Error) => err.name === 'CorruptDatabaseError' && err.message.includes(p) && why.test(err.message))
      } finally { b.close() }
    }
    const p = freshPath()
    openSqliteBackend(p).close()
    const raw = new DatabaseSync(p)
    raw.exec('DROP TABLE meta')
    raw.close()
    expectRefused(p, /without a valid meta table/)
  })

  it('a batch: its writes reach the file together at commitBatch; one that only read holds no transaction (another connection writes meanwhile)', () => {
    const p = freshPath()
    const b = openSqliteBackend(p)
    const other = new DatabaseSync(p, { timeout: 0 })
    const count = (): unknown => other.prepare('SELECT count(*) AS n FROM records').get()?.n
    try {
      b.beginBatch()
      expect(b.get(bytes(1), 0)).to.equal(undefined)
      // Nothing begun: another writer is not kept out (BEGIN IMMEDIATE would have made this SQLITE_BUSY).
      other.exec('BEGIN IMMEDIATE; COMMIT')
      b.commitBatch()
      b.beginBatch()
      b.put(rec(bytes(1), 0))
      b.putMany([rec(bytes(2), 0), rec(bytes(3), 1)])
      b.saveMeta(META())
      expect(b.get(bytes(2), 0)?.version).to.equal(1)
      expect(count(), 'not committed yet').to.equal(0)
      expect(() => { other.exec('BEGIN IMMEDIATE; COMMIT') }, 'the batch holds the write lock').to.throw(/locked|busy/i)
      b.commitBatch()
      expect(count()).to.equal(3)
      b.commitBatch()
      b.put(rec(bytes(4), 0))
      expect(count(), 'outside a batch a write commits at once').to.equal(4)
    } finally {
      other.close()
      b.close()
    }
  })

  it('putMany rolls back every row when SQLite fails part way through the transaction', () => {
    const p = freshPath()
    openSqliteBackend(p).close()
    const raw = new DatabaseSync(p)
    raw.exec("CREATE TRIGGER refuse BEFORE INSERT ON records WHEN NEW.key = x'ff' BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END")
    raw.close()
    const b = openSqliteBackend(p)
    try {
      b.put(rec(bytes(1), 0))
      expect(() => { b.putMany([rec(bytes(1), 0, { version: 9 }), rec(bytes(2), 0), rec(bytes(255), 0), rec(bytes(3), 0)]) }).to.throw(/refused by trigger/)
      expect(b.size()).to.equal(1)
      expect(b.get(bytes(1), 0)?.version).to.equal(1)
      b.putMany([rec(bytes(2), 0)])
      expect(b.size()).to.equal(2)
    } finally { b.close() }
  })

  /** Opening `p` throws CorruptDatabaseError naming the path, and leaves the file's bytes as they were. */
  function expectRefused (p: string, why: RegExp): void {
    const bytesBefore = fs.readFileSync(p)
    expect(() => openSqliteBackend(p)).to.throw().that.satisfies((err: Error & { code?: string }) => {
      expect(err.name).to.equal('CorruptDatabaseError')
      expect(err.code).to.equal('ERR_CORRUPT_DATABASE')
      expect(err.message).to.include(p).and.to.match(why)
      return true
    })
    expect(fs.readFileSync(p).equals(bytesBefore), 'the refused file is unchanged').to.equal(true)
  }

  it('refuses a file of random bytes', () => {
    const p = freshPath()
    fs.writeFileSync(p, Uint8Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251))
    expectRefused(p, /not a SQLite database/)
    const q = freshPath()
    fs.writeFileSync(q, Buffer.concat([Buffer.from('SQLite format 3\0'), fs.readFileSync(p)]))
    expectRefused(q, /not a SQLite database|damaged/)
  })

  it('refuses a file shorter than the SQLite header (which SQLite would take for a new database)', () => {
    const p = freshPath()
    fs.writeFileSync(p, 'x')
    expectRefused(p, /not a SQLite database/)
  })

  it('refuses a truncated database file', () => {
    const p = freshPath()
    const b = openSqliteBackend(p)
    b.putMany(Array.from({ length: 400 }, (_, i) => rec(bytes(i >> 8, i & 0xff, 1), i % 4, { value: new Uint8Array(300).fill(i & 0xff) })))
    b.close()
    expect(fs.existsSync(`${p}-wal`), 'the last close checkpoints the WAL').to.equal(false)
    const whole = fs.readFileSync(p)
    fs.writeFileSync(p, whole.subarray(0, Math.floor(whole.length / 2)))
    expectRefused(p, /damaged|malformed/)
  })

  it('refuses another application\'s SQLite database', () => {
    const p = freshPath()
    const raw = new DatabaseSync(p)
    raw.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello')")
    raw.close()
    expectRefused(p, /not a selfmgmt store/)
  })

  it('refuses a selfmgmt store of an unknown schema version', () => {
    const p = freshPath()
    openSqliteBackend(p).close()
    const raw = new DatabaseSync(p)
    raw.exec('PRAGMA user_version = 999')
    raw.close()
    expectRefused(p, /schema version 999/)
  })

  /** Edits the one row of a fresh store with raw SQL, then expects get and range to refuse it. */
  function expectBadRow (set: string, why: RegExp): void {
    const p = freshPath()
    const b = openSqliteBackend(p)
    b.put(rec(bytes(1), 0))
    b.close()
    const raw = new DatabaseSync(p)
    raw.exec(`UPDATE records SET ${set}`)
    raw.close()
    const again = openSqliteBackend(p)
    try {
      for (const read of [() => again.get(bytes(1), 0), () => again.range(0n, 0n, 10)]) {
        expect(read).to.throw().that.satisfies((err: Error) => {
          expect(err.name).to.equal('CorruptDatabaseError')
          expect(err.message).to.include(p).and.to.match(why)
          return true
        })
      }
    } finally { again.close() }
  }

  it('refuses to read a row whose rid is not 32 lower-case hex digits', () => {
    expectBadRow("rid = 'zz'", /invalid rid/)
    expectBadRow("rid = ''", /invalid rid/)
    expectBadRow("rid = '" + 'AB'.repeat(16) + "'", /invalid rid/)
  })

  it('refuses to read a row with a negative or unsafe version, or a bad ballot', () => {
    expectBadRow('version = -1', /invalid version/)
    expectBadRow('version = 9007199254740993', /invalid version|damaged/)
    expectBadRow('promised_n = -5', /invalid promised ballot/)
  })
})

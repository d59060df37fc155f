/* Goal: EpochMap keeps epochs by ring position exactly: `raise` keeps the higher epoch, `assign` overwrites, over arcs (lo, hi] that may wrap past 0 or be the whole ring; `at`, `maxIn` and `entries` report what a position-by-position model says; `prune` forgets exactly the positions outside the kept arcs; `cap` bounds the spans and only ever raises (a fence may exclude more, never less). Method: fast-check runs random operation sequences on EpochMap and on a model that evaluates the operations at every distinct segment of the ring (all arc bounds, their neighbours, 0 and the last id), and compares every query (seed and path printed on failure; FC_SEED / FC_PATH / FC_RUNS). */
import { ID_MASK, inOpenClosed } from '@selfmgmt/ring'
import { expect } from 'aegir/chai'
import fc from 'fast-check'
import { compareBallots } from '../src/core/ballot.ts'
import { EpochMap, ZERO_EPOCH } from '../src/core/epochs.ts'
import type { Epoch } from '../src/core/epochs.ts'
import type { RingId } from '@selfmgmt/ring'

function params<T> (numRuns: number): fc.Parameters<T> {
  return {
    numRuns: process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : numRuns,
    seed: process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined,
    path: process.env.FC_PATH
  }
}

type Op = { kind: 'raise' | 'assign', lo: RingId, hi: RingId, e: Epoch }

const max = (a: Epoch, b: Epoch): Epoch => compareBallots(a, b) >= 0 ? a : b

/** The epoch at x after the operations, position by position. */
function modelAt (ops: readonly Op[], x: RingId): Epoch {
  let e = ZERO_EPOCH
  for (const o of ops) {
    if (!inOpenClosed(x, o.lo, o.hi)) { continue }
    e = o.kind === 'raise' ? max(e, o.e) : o.e
  }
  return e
}

/** One position in every segment the operations can tell apart. */
function probes (arcs: ReadonlyArray<{ lo: RingId, hi: RingId }>): RingId[] {
  const s = new Set<RingId>([0n, ID_MASK])
  for (const a of arcs) {
    for (const x of [a.lo, a.hi]) {
      s.add(x)
      s.add((x + 1n) & ID_MASK)
    }
  }
  return [...s]
}

// Ids clustered near a few points (and near 0 and the top, to wrap), so arcs overlap often.
const id = fc.oneof(
  fc.bigInt({ min: 0n, max: 40n }),
  fc.bigInt({ min: ID_MASK - 40n, max: ID_MASK }),
  fc.bigInt({ min: 1n << 100n, max: (1n << 100n) + 40n }),
  fc.bigInt({ min: 0n, max: ID_MASK })
)
const epoch = fc.record({ n: fc.integer({ min: 0, max: 6 }), by: fc.constantFrom('', 'a', 'b') })
const op = fc.record({ kind: fc.constantFrom('raise' as const, 'assign' as const), lo: id, hi: id, e: epoch })

describe('EpochMap', () => {
  it('agrees with a position-by-position model on at, maxIn and entries', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 12 }), fc.array(fc.record({ lo: id, hi: id }), { minLength: 1, maxLength: 3 }), (ops, queries) => {
      const m = new EpochMap()
      for (const o of ops) { if (o.kind === 'raise') { m.raise(o.lo, o.hi, o.e) } else { m.assign(o.lo, o.hi, o.e) } }
      const xs = probes([...ops, ...queries])
      for (const x of xs) { expect(m.at(x), `at ${x}`).to.deep.equal(modelAt(ops, x)) }
      for (const q of queries) {
        let want = ZERO_EPOCH
        for (const x of xs) { if (inOpenClosed(x, q.lo, q.hi)) { want = max(want, modelAt(ops, x)) } }
        expect(m.maxIn(q.lo, q.hi), `maxIn (${q.lo}, ${q.hi}]`).to.deep.equal(want)
        // entries: exactly the non-zero positions of the arc, each with its epoch.
        const es = m.entries(q.lo, q.hi)
        for (const x of xs) {
          const hit = es.filter(e => inOpenClosed(x, e.lo, e.hi))
          const inside = inOpenClosed(x, q.lo, q.hi)
          const want = inside ? modelAt(ops, x) : ZERO_EPOCH
          expect(hit.length, `entries cover ${x} once at most`).to.be.at.most(1)
          expect(hit[0]?.e ?? ZERO_EPOCH, `entries at ${x}`).to.deep.equal(want)
        }
      }
    }), params(400))
  })

  it('prune forgets exactly the positions outside the kept arcs; cap bounds the spans and only raises', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 12 }), fc.array(fc.record({ lo: id, hi: id }), { maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (ops, keep, capTo) => {
      const m = new EpochMap()
      for (const o of ops) { if (o.kind === 'raise') { m.raise(o.lo, o.hi, o.e) } else { m.assign(o.lo, o.hi, o.e) } }
      const xs = probes([...ops, ...keep])
      const before = new Map(xs.map(x => [x, m.at(x)]))
      m.prune(keep)
      for (const x of xs) {
        const kept = keep.some(k => inOpenClosed(x, k.lo, k.hi))
        expect(m.at(x), `prune at ${x}`).to.deep.equal(kept ? before.get(x) : ZERO_EPOCH)
      }
      const pruned = new Map(xs.map(x => [x, m.at(x)]))
      m.cap(capTo)
      expect(m.size).to.be.at.most(capTo)
      for (const x of xs) { expect(compareBallots(m.at(x), pruned.get(x) ?? ZERO_EPOCH), `cap at ${x}`).to.be.at.least(0) }
    }), params(400))
  })
})

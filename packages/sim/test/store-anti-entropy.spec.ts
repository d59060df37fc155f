/* Goal: anti-entropy brings a replica that lost records, or holds an older state, back to the others' state, with traffic that grows with the difference, not with the data: on 16 nodes holding 40,000 keys (r = 4, 160,000 replica records, about 10,000 per node), repairing one lost record and one stale record takes a few digests and pulls well under a 32nd of a node's records (what the one-level bucket comparison used to pull for any difference); a difference of 200 records costs proportionally more but stays below 40 records pulled per record repaired (about 18 here: the replicas that hold the record also see the hash differ and pull the same leaf bucket back). Method: the simulator's ring and store cores; replica records written straight into the backends (every slot of every key at one accepted ballot, as after a quiet period); one or more records then deleted or rolled back at one replica; the cluster runs until every replica agrees again (bounded virtual time), summing the store counters (aeRecordsPulled: records received by pulls). */
import { keyToId } from '@selfmgmt/ring'
import { replicaId } from '@selfmgmt/store'
import { expect } from 'aegir/chai'
import { StoreSim } from '../src/index.ts'
import type { StoreSimNode } from '../src/index.ts'

const te = new TextEncoder()
const R = 4
const KEYS = 40_000

function ownerOf (sorted: StoreSimNode[], rid: bigint): StoreSimNode {
  return sorted.find(n => n.ref.id >= rid) ?? sorted[0]
}

/** A settled 16-node ring whose backends hold every key at every slot, version 1 at ballot (1, 'seed'). */
function populated (seed: number): { sim: StoreSim, sorted: StoreSimNode[] } {
  const sim = new StoreSim({ seed, r: R })
  sim.build(16)
  expect(sim.settle(60_000), 'every range ready').to.equal(true)
  const sorted = sim.members().sort((a, b) => (a.ref.id < b.ref.id ? -1 : 1))
  const ballot = { n: 1, by: 'seed' }
  for (let i = 0; i < KEYS; i++) {
    const key = te.encode(`ae-${i}`)
    const h = keyToId(key)
    for (let slot = 0; slot < R; slot++) {
      const rid = replicaId(h, slot, R)
      ownerOf(sorted, rid).core.backend.put({ key, slot, rid, promised: ballot, accepted: ballot, value: te.encode(`v${i}`), version: 1 })
    }
  }
  return { sim, sorted }
}

function pulled (sim: StoreSim): number {
  return sim.members().reduce((sum, n) => sum + n.core.store.counters.aeRecordsPulled, 0)
}

/** Runs until every listed (key, slot) is back at version `want` on its owner, or the bound passes; returns the virtual ms taken. */
function runUntilRepaired (sim: StoreSim, sorted: StoreSimNode[], damaged: Array<{ i: number, slot: number }>, want: number, maxMs: number): number {
  const t0 = sim.nowMs
  const ok = (): boolean => damaged.every(d => {
    const key = te.encode(`ae-${d.i}`)
    const rid = replicaId(keyToId(key), d.slot, R)
    return ownerOf(sorted, rid).core.backend.get(key, d.slot)?.version === want
  })
  while (!ok() && sim.nowMs - t0 < maxMs) { sim.engine.runUntil(sim.nowMs + 1000) }
  expect(ok(), `repaired within ${maxMs} ms`).to.equal(true)
  return sim.nowMs - t0
}

describe('anti-entropy traffic', function () {
  this.timeout(300_000)

  it('repairs a lost record and a stale one pulling a few records, not a 32nd of a node\'s records', () => {
    const { sim, sorted } = populated(1)
    const perNode = KEYS * R / sorted.length
    // Rewrite key 7 at version 2 on three slots and leave slot 2 at version 1 (a missed accept);
    // delete key 11's slot 1 record (a lost write).
    const newer = { n: 2, by: 'seed' }
    const k7 = te.encode('ae-7')
    for (const slot of [0, 1, 3]) {
      const rid = replicaId(keyToId(k7), slot, R)
      ownerOf(sorted, rid).core.backend.put({ key: k7, slot, rid, promised: newer, accepted: newer, value: te.encode('v7b'), version: 2 })
    }
    const k11 = te.encode('ae-11')
    const rid11 = replicaId(keyToId(k11), 1, R)
    ownerOf(sorted, rid11).core.backend.deleteRange((rid11 - 1n) & ((1n << 128n) - 1n), rid11)
    const before = pulled(sim)
    const ms = runUntilRepaired(sim, sorted, [{ i: 7, slot: 2 }], 2, 120_000)
    runUntilRepaired(sim, sorted, [{ i: 11, slot: 1 }], 1, 120_000)
    const cost = pulled(sim) - before
    // eslint-disable-next-line no-console
    console.log(`      ${perNode} records per node; 2 records repaired in ${ms} ms (virtual) with ${cost} records pulled`)
    expect(cost).to.be.below(perNode / 32)
    expect(cost).to.be.at.least(2)
  })

  it('a larger difference costs proportionally more, but stays near the difference', () => {
    const { sim, sorted } = populated(2)
    // 200 keys lose their slot 3 record.
    const damaged = Array.from({ length: 200 }, (_, n) => ({ i: n * 197 % KEYS, slot: 3 }))
    for (const d of damaged) {
      const key = te.encode(`ae-${d.i}`)
      const rid = replicaId(keyToId(key), d.slot, R)
      ownerOf(sorted, rid).core.backend.deleteRange((rid - 1n) & ((1n << 128n) - 1n), rid)
    }
    const before = pulled(sim)
    const ms = runUntilRepaired(sim, sorted, damaged, 1, 300_000)
    const cost = pulled(sim) - before
    // eslint-disable-next-line no-console
    console.log(`      ${damaged.length} records repaired in ${ms} ms (virtual) with ${cost} records pulled`)
    expect(cost).to.be.below(damaged.length * 40)
  })
})

/* Goal: the store core's building blocks behave as specified: placement and quorum sizes, the acceptor-state merge, and a single node running get/put/cas/delete through its own slots; bad input (invalid keys and values, wrong replica ids, stale ballots, replays, wrong-state and unexpected messages) is refused and counted without storing anything. Method: the pure core driven by hand (a one-node ring answers its own lookups); multi-node behaviour under faults is tested in the simulator (packages/sim/test/store-scenarios.spec.ts). */
import { ID_MASK, keyToId } from '@selfmgmt/ring'
import { expect } from 'aegir/chai'
import { HOME_HEARD_MS, HOME_PROBE_MS, HOME_WRITE_FIRST_SILENCE_MS, HOME_WRITE_RESEND_MS, HOME_WRITE_SILENCE_MS, LEASE_ACK_WAIT_MS, LEASE_MS, LEASE_QUIET_MS, LEASE_RENEW_MS, LEASE_WAIT_FACTOR } from '../src/core/constants.ts'
import { MemoryBackend, StoreNode, mergeRecord, operationError, operationQuorum, rebuildQuorum, replicaId, replicaIds, slotStep, storeLimits } from '../src/index.ts'
import type { ReplicaRecord, StoreCommand, StoreEvent, StoreMessage } from '../src/index.ts'
import type { NodeRef } from '@selfmgmt/ring'

const te = new TextEncoder()
const td = new TextDecoder()
const self: NodeRef = { id: 1n << 100n, addr: 'a' }
const other: NodeRef = { id: 5n << 120n, addr: 'b' }

/**
 * Runs a node that owns the whole ring until it is idle: its messages to itself are delivered, but
 * those `hold` keeps back (every message it sends is also pushed to `seen`), its lookups name
 * itself; returns its other events.
 */
function drain (node: StoreNode, now: number, seen?: StoreMessage[], hold?: (m: StoreMessage) => boolean): StoreEvent[] {
  const out: StoreEvent[] = []
  for (let busy = true; busy;) {
    busy = false
    for (let t = node.pollTransmit(); t !== undefined; t = node.pollTransmit()) {
      busy = true
      seen?.push(t.msg)
      if (t.to.addr === self.addr && hold?.(t.msg) !== true) { node.handleMessage(now, self, t.msg) }
    }
    for (let e = node.pollEvent(); e !== undefined; e = node.pollEvent()) {
      busy = true
      if (e.type === 'lookup') { node.handleCommand(now, { type: 'owner', reqId: e.reqId, owner: self }) } else { out.push(e) }
    }
  }
  return out
}

/** One node that owns the whole ring: its messages go to itself, its lookups name itself. */
function single (): { node: StoreNode, backend: MemoryBackend, run(): StoreEvent[], now: number } {
  const backend = new MemoryBackend()
  const node = new StoreNode({ self, backend, r: 4 })
  const h = {
    node,
    backend,
    now: 0,
    run (): StoreEvent[] { return drain(node, h.now) }
  }
  node.handleCommand(0, { type: 'create' })
  h.run()
  return h
}

/** A node over `backend` (as restarted from its disk) that owns the whole ring and answers its own messages and lookups. */
function alone (backend: MemoryBackend, boot: string): { node: StoreNode, events: StoreEvent[], pump(now: number): void } {
  const node = new StoreNode({ self, backend, r: 4, boot })
  const events: StoreEvent[] = []
  const pump = (now: number): void => {
    node.handleTimeout(now)
    events.push(...drain(node, now))
  }
  return { node, events, pump }
}

/** One node with leases on that owns the whole ring (home and grantor of every key), answering its own messages and lookups; every run fires its due timers first. */
function leased (): { node: StoreNode, backend: MemoryBackend, now: number, msgs: StoreMessage[], run(): StoreEvent[] } {
  const backend = new MemoryBackend()
  const node = new StoreNode({ self, backend, r: 4, leases: true })
  const h = {
    node,
    backend,
    now: 0,
    msgs: [] as StoreMessage[],
    run (): StoreEvent[] {
      node.handleTimeout(h.now)
      return drain(node, h.now, h.msgs)
    }
  }
  node.handleCommand(0, { type: 'create' })
  h.run()
  return h
}

function sent (node: StoreNode): StoreMessage[] {
  const out: StoreMessage[] = []
  for (let t = node.pollTransmit(); t !== undefined; t = node.pollTransmit()) { out.push(t.msg) }
  return out
}

describe('placement', () => {
  it('puts the r replicas of a key N/r apart, slot 0 at the key hash', () => {
    const key = te.encode('hello')
    const ids = replicaIds(key, 4)
    expect(ids[0]).to.equal(keyToId(key))
    for (let x = 1; x < 4; x++) { expect((ids[x] - ids[x - 1] + (1n << 128n)) % (1n << 128n)).to.equal(slotStep(4)) }
    expect(replicaId(keyToId(key), 2, 4)).to.equal(ids[2])
  })

  it('quorums: any two share a slot even with one slot doubly served; a rebuild reads every other slot (r ≥ 3; r = 2 never rebuilds)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(operationQuorum)).to.deep.equal([1, 2, 3, 3, 4, 4, 5, 5])
    for (let r = 3; r <= 8; r++) { expect(2 * operationQuorum(r) - r, `r=${r}`).to.be.at.least(2) }
    expect([1, 2, 3, 4, 5, 8].map(rebuildQuorum)).to.deep.equal([0, 2, 2, 3, 4, 7])
  })
})

describe('mergeRecord', () => {
  const base: ReplicaRecord = { key: te.encode('k'), slot: 0, rid: 1n, promised: { n: 3, by: 'a' }, accepted: { n: 2, by: 'a' }, value: te.encode('x'), version: 1 }

  it('keeps the higher promise and the state accepted at the higher ballot', () => {
    const m = mergeRecord(base, { ...base, promised: { n: 1, by: 'b' }, accepted: { n: 5, by: 'b' }, value: te.encode('y'), version: 2 })
    expect(m?.accepted).to.deep.equal({ n: 5, by: 'b' })
    expect(m?.promised).to.deep.equal({ n: 5, by: 'b' })
    expect(m?.version).to.equal(2)
  })

  it('returns undefined when nothing is newer, and never takes an older state', () => {
    expect(mergeRecord(base, { ...base, accepted: { n: 1, by: 'z' }, value: te.encode('old'), version: 0 })).to.equal(undefined)
  })
})

describe('StoreNode, one node', () => {
  it('put, get, cas (applied and refused), delete, get of an absent key', () => {
    const h = single()
    const k = te.encode('key')
    h.node.handleCommand(0, { type: 'get', opId: 1, key: k })
    expect(h.run()).to.deep.include({ type: 'op-done', opId: 1, kind: 'get', value: undefined, version: 0, applied: true, attempts: 1 })
    h.node.handleCommand(0, { type: 'put', opId: 2, key: k, value: te.encode('v1') })
    const put = h.run()[0]
    expect(put).to.include({ type: 'op-done', version: 1 })
    h.node.handleCommand(0, { type: 'cas', opId: 3, key: k, expected: 0, value: te.encode('no') })
    expect(h.run()[0]).to.include({ type: 'op-done', applied: false, version: 1 })
    h.node.handleCommand(0, { type: 'cas', opId: 4, key: k, expected: 1, value: te.encode('v2') })
    expect(h.run()[0]).to.include({ type: 'op-done', applied: true, version: 2 })
    h.node.handleCommand(0, { type: 'get', opId: 5, key: k })
    const got = h.run()[0]
    expect(got.type === 'op-done' && new TextDecoder().decode(got.value)).to.equal('v2')
    h.node.handleCommand(0, { type: 'delete', opId: 6, key: k })
    expect(h.run()[0]).to.include({ type: 'op-done', version: 3, value: undefined })
    // Every slot holds the same state.
    for (let slot = 0; slot < 4; slot++) { expect(h.backend.get(k, slot)?.version).to.equal(3) }
    // Alone, every message went to our own slots: counted as sent, and as sent locally.
    expect(Object.keys(h.node.counters.sent)).to.not.have.length(0)
    expect(h.node.counters.sentLocal).to.deep.equal(h.node.counters.sent)
  })

  it('restarted from its records with nobody to join (a whole ring restarted): answers nothing until it has rebuilt its range from the copies it saved as ready, then has every write', () => {
    const h = single()
    const keys = Array.from({ length: 20 }, (_, i) => te.encode(`k${i}`))
    keys.forEach((k, i) => h.node.handleCommand(0, { type: 'put', opId: 100 + i, key: k, value: te.encode(`v${i}`) }))
    expect(h.run().filter(e => e.type === 'op-done')).to.have.length(20)
    // What the run saved: the whole ring ready, at the creation's incarnation.
    expect(h.backend.loadMeta()?.ready).to.deep.equal([{ lo: ID_MASK, hi: ID_MASK }])
    const { node, events, pump } = alone(h.backend, '1')
    node.handleCommand(0, { type: 'create' })
    // Not served at once (before, it answered from these records as current, whatever the others had).
    expect(node.rangeState().pending.length).to.be.greaterThan(0)
    expect(node.serves(keyToId(keys[3]))).to.equal(false)
    node.handleCommand(0, { type: 'get', opId: 1, key: keys[3] })
    // The fast read asks a quorum (3 of 4 slots) first; each refuses.
    const reads = sent(node).filter(m => m.type === 'raw-read')
    expect(reads).to.have.length(3)
    for (const m of reads) { node.handleMessage(0, self, m) }
    const replies = sent(node)
    expect(replies.map(m => m.type === 'nack' ? m.reason : m.type)).to.deep.equal(['not-ready', 'not-ready', 'not-ready'])
    for (const m of replies) { node.handleMessage(0, self, m) }
    pump(0)
    for (let now = 100; now <= 10_000 && node.rangeState().pending.length > 0; now += 100) { pump(now) }
    expect(node.rangeState().pending).to.deep.equal([])
    expect(node.epochsAt(keyToId(keys[3])).own.n).to.be.greaterThan(0)
    // The get waiting meanwhile (not-ready is retried until its deadline) answers from the rebuilt range.
    let now = 0
    const done = (id: number): StoreEvent | undefined => events.find(e => (e.type === 'op-done' || e.type === 'op-failed') && e.opId === id)
    for (now = 100; now <= 5_000 && done(1) === undefined; now += 100) { pump(now) }
    const got = done(1)
    expect(got?.type === 'op-done' && new TextDecoder().decode(got.value)).to.equal('v3')
    keys.forEach((k, i) => node.handleCommand(now, { type: 'get', opId: 200 + i, key: k }))
    pump(now)
    for (let i = 0; i < keys.length; i++) {
      const e = events.find(x => x.type === 'op-done' && x.opId === 200 + i)
      expect(e?.type === 'op-done' && new TextDecoder().decode(e.value), `k${i}`).to.equal(`v${i}`)
    }
  })

  it('crashed again while holding its copies (a power flap): the meta still names them, so the next start holds them again, then rebuilds and has every write', () => {
    const h = single()
    const keys = Array.from({ length: 10 }, (_, i) => te.encode(`k${i}`))
    keys.forEach((k, i) => h.node.handleCommand(0, { type: 'put', opId: 100 + i, key: k, value: te.encode(`v${i}`) }))
    h.run()
    const first = alone(h.backend, '1')
    first.node.handleCommand(0, { type: 'create' })
    // Holding, not rebuilt yet: the saved meta still has the whole ring as the copy to hold.
    expect(first.node.rangeState().pending.length).to.be.greaterThan(0)
    expect(h.backend.loadMeta()?.ready).to.deep.equal([{ lo: ID_MASK, hi: ID_MASK }])
    // The crash: nothing more of `first` runs. The next start is alone again.
    const second = alone(h.backend, '2')
    second.node.handleCommand(0, { type: 'create' })
    expect(second.node.serves(keyToId(keys[0])), 'serves nothing at once').to.equal(false)
    for (let now = 0; now <= 10_000 && second.node.rangeState().pending.length > 0; now += 100) { second.pump(now) }
    expect(second.node.rangeState().pending).to.deep.equal([])
    keys.forEach((k, i) => second.node.handleCommand(20_000, { type: 'get', opId: 200 + i, key: k }))
    second.pump(20_000)
    for (let i = 0; i < keys.length; i++) {
      const e = second.events.find(x => x.type === 'op-done' && x.opId === 200 + i)
      expect(e?.type === 'op-done' && new TextDecoder().decode(e.value), `k${i}`).to.equal(`v${i}`)
    }
  })

  it('a store with records but no saved meta (written by schema 1) serves none of them on create: it waits for copies to rebuild from', () => {
    const backend = new MemoryBackend()
    backend.put({ key: te.encode('old'), slot: 0, rid: replicaId(keyToId(te.encode('old')), 0, 4), promised: { n: 1, by: 'x' }, accepted: { n: 1, by: 'x' }, value: te.encode('v'), version: 1 })
    const { node, pump } = alone(backend, '1')
    node.handleCommand(0, { type: 'create' })
    for (let now = 0; now <= 10_000; now += 500) { pump(now) }
    expect(node.serves(keyToId(te.encode('old')))).to.equal(false)
    expect(node.rangeState().pending.length).to.be.greaterThan(0)
  })

  it('hands a lost arc over page by page, pages cut by size included, each page acknowledged once, and deletes it only once the last page is acknowledged', () => {
    const h = single()
    const pred: NodeRef = { id: self.id + (1n << 96n), addr: 'p' }
    // Six records of 1 MiB in the arc the new predecessor takes, (self, pred]: PAGE_BYTES_MAX (4 MiB) cuts a page after four.
    const big = new Uint8Array(storeLimits.VALUE_BYTES_MAX)
    for (let i = 0; i < 6; i++) { h.backend.put({ key: te.encode(`big ${i}`), slot: 0, rid: self.id + BigInt(i + 1), promised: { n: 1, by: 'x' }, accepted: { n: 1, by: 'x' }, value: big, version: 1 }) }
    h.node.handleCommand(1, { type: 'range', pred })
    const got: string[] = []
    let pages = 0
    for (let msgs = sent(h.node); ; msgs = sent(h.node)) {
      const page = msgs.find(m => m.type === 'handoff')
      expect(page, `page ${pages + 1}`).to.not.equal(undefined)
      if (page?.type !== 'handoff') { break }
      pages++
      got.push(...page.records.map(r => new TextDecoder().decode(r.key)))
      expect(h.backend.range(self.id, pred.id, 10)).to.have.length(6)
      h.node.handleMessage(2, pred, { type: 'handoff-ack', op: page.op })
      // The first page's acknowledgement arrives twice (a page resent, or a duplicate): it advances once.
      if (pages === 1) { h.node.handleMessage(2, pred, { type: 'handoff-ack', op: page.op }) }
      if (page.last) { break }
    }
    expect(h.node.counters.rejected['handoff-ack-unexpected']).to.equal(1)
    expect(pages).to.equal(2)
    expect(got).to.deep.equal(Array.from({ length: 6 }, (_, i) => `big ${i}`))
    expect(h.backend.range(self.id, pred.id, 10)).to.have.length(0)
  })

  it('refuses invalid keys, oversized values, bad versions and duplicate op ids', () => {
    const h = single()
    h.node.handleCommand(0, { type: 'put', opId: 1, key: new Uint8Array(0), value: te.encode('x') })
    h.node.handleCommand(0, { type: 'put', opId: 2, key: new Uint8Array(storeLimits.KEY_BYTES_MAX + 1), value: te.encode('x') })
    h.node.handleCommand(0, { type: 'put', opId: 3, key: te.encode('k'), value: new Uint8Array(storeLimits.VALUE_BYTES_MAX + 1) })
    h.node.handleCommand(0, { type: 'cas', opId: 4, key: te.encode('k'), expected: -1, value: te.encode('x') })
    const ev = h.run()
    expect(ev.map(e => e.type === 'op-failed' ? e.reason : e.type)).to.deep.equal(['invalid-key', 'invalid-key', 'value-too-large', 'invalid-version'])
    expect(h.backend.size()).to.equal(0)
  })

  it('an acceptor refuses a wrong replica id, a bad slot, an oversized value and a stale ballot, storing nothing', () => {
    const h = single()
    const key = te.encode('k')
    const rid = replicaId(keyToId(key), 1, 4)
    const bad: StoreMessage[] = [
      { type: 'prepare', op: 1, key, slot: 1, rid: rid + 1n, ballot: { n: 9, by: 'x' } },
      { type: 'prepare', op: 2, key, slot: 7, rid, ballot: { n: 9, by: 'x' } },
      { type: 'accept', op: 3, key, slot: 1, rid, ballot: { n: 9, by: 'x' }, value: new Uint8Array(storeLimits.VALUE_BYTES_MAX + 1), version: 1 },
      { type: 'accept', op: 4, key, slot: 1, rid, ballot: { n: 9, by: 'x' }, value: te.encode('v'), version: -3 }
    ]
    for (const m of bad) { h.node.handleMessage(0, other, m) }
    const replies = sent(h.node)
    expect(replies.map(m => m.type === 'nack' ? m.reason : m.type)).to.deep.equal(['invalid', 'invalid', 'invalid', 'invalid'])
    expect(h.backend.size()).to.equal(0)
    // A promise at ballot 9, then a stale prepare (8) and a stale accept (8) are refused as conflicts.
    h.node.handleMessage(0, other, { type: 'prepare', op: 5, key, slot: 1, rid, ballot: { n: 9, by: 'x' } })
    h.node.handleMessage(0, other, { type: 'prepare', op: 6, key, slot: 1, rid, ballot: { n: 8, by: 'x' } })
    h.node.handleMessage(0, other, { type: 'accept', op: 7, key, slot: 1, rid, ballot: { n: 8, by: 'x' }, value: te.encode('late'), version: 1 })
    expect(sent(h.node).map(m => m.type === 'nack' ? m.reason : m.type)).to.deep.equal(['promise', 'conflict', 'conflict'])
    expect(h.backend.get(key, 1)?.value).to.equal(undefined)
    // The accept at 9, replayed: accepted both times, stored once.
    const acc: StoreMessage = { type: 'accept', op: 8, key, slot: 1, rid, ballot: { n: 9, by: 'x' }, value: te.encode('v'), version: 1 }
    h.node.handleMessage(0, other, acc)
    h.node.handleMessage(0, other, acc)
    expect(sent(h.node).map(m => m.type)).to.deep.equal(['accepted', 'accepted'])
    expect(h.backend.get(key, 1)?.version).to.equal(1)
  })

  it('ignores unexpected replies and refuses a hand-off from a node that did not own the arc', () => {
    const h = single()
    h.node.handleMessage(0, other, { type: 'promise', op: 999, slot: 0, accepted: { n: 1, by: 'x' }, version: 1, range: { lo: 0n, hi: 1n }, epoch: { n: 0, by: '' }, fences: [] })
    h.node.handleMessage(0, other, { type: 'accepted', op: 999, slot: 0, range: { lo: 0n, hi: 1n }, epoch: { n: 0, by: '' }, fences: [] })
    h.node.handleMessage(0, other, { type: 'handoff-ack', op: 999 })
    const key = te.encode('k')
    const rid = replicaId(keyToId(key), 0, 4)
    h.node.handleMessage(0, other, { type: 'handoff', op: 1, lo: rid - 1n, hi: rid, records: [{ key, slot: 0, rid, promised: { n: 1, by: 'x' }, accepted: { n: 1, by: 'x' }, value: te.encode('evil'), version: 5 }], last: true, ready: true, own: [], epochs: [], cold: false })
    expect(h.backend.size()).to.equal(0)
    expect(h.node.counters.rejected).to.include({ 'promise-unexpected': 1, 'accepted-unexpected': 1, 'handoff-ack-unexpected': 1, 'handoff-wrong-sender': 1 })
  })

  it('a node that left refuses to serve and reads of its range are refused', () => {
    const h = single()
    h.node.handleCommand(0, { type: 'leave' })
    expect(h.run()).to.deep.include({ type: 'handed-off', complete: false })
    const key = te.encode('k')
    h.node.handleMessage(0, other, { type: 'prepare', op: 1, key, slot: 0, rid: replicaId(keyToId(key), 0, 4), ballot: { n: 1, by: 'x' } })
    h.node.handleMessage(0, other, { type: 'range-read', op: 2, lo: 0n, hi: 5n, limit: 10 })
    expect(sent(h.node).map(m => m.type === 'nack' ? m.reason : m.type)).to.deep.equal(['not-owner', 'not-owner'])
  })
  it('a get whose replicas disagree (a write half done) reads once more after about a round trip, before a full round would take the writer\'s ballot', () => {
    const h = single()
    const k = te.encode('half')
    const rids = replicaIds(k, 4)
    const rec = (slot: number, n: number, v: string): ReplicaRecord => ({ key: k, slot, rid: rids[slot], promised: { n, by: 'w' }, accepted: { n, by: 'w' }, value: te.encode(v), version: n })
    // A writer's accept of version 2 reached slots 0 and 1; slots 2 and 3 still hold version 1.
    for (let slot = 0; slot < 4; slot++) { h.backend.put(slot < 2 ? rec(slot, 2, 'new') : rec(slot, 1, 'old')) }
    const seen: StoreMessage[] = []
    h.node.handleCommand(0, { type: 'get', opId: 1, key: k })
    const pump = (now: number): StoreEvent[] => {
      h.node.handleTimeout(now)
      return drain(h.node, now, seen)
    }
    expect(pump(0)).to.deep.equal([])
    expect(h.node.counters.rereads).to.equal(1)
    // Meanwhile the accept reaches slot 2: the write is chosen. The second fast read finds it, with no ballot of its own.
    h.backend.put(rec(2, 2, 'new'))
    let e: StoreEvent[] = []
    for (let now = 1; now <= 100 && e.length === 0; now++) { e = pump(now) }
    expect(e).to.have.length(1)
    expect(e[0]).to.deep.include({ type: 'op-done', version: 2, value: te.encode('new') })
    expect(seen.filter(m => m.type === 'prepare' || m.type === 'accept')).to.deep.equal([])
    // Still disagreeing after that: a full round commits the newest state.
    h.backend.put(rec(2, 3, 'newer'))
    h.backend.put(rec(3, 3, 'newer'))
    h.node.handleCommand(200, { type: 'get', opId: 2, key: k })
    e = []
    for (let now = 200; now <= 5000 && e.length === 0; now += 5) { e = pump(now) }
    expect(e[0]).to.deep.include({ type: 'op-done', version: 3, value: te.encode('newer') })
    expect(h.node.counters.rereads).to.equal(2)
    expect(seen.filter(m => m.type === 'prepare').length).to.be.greaterThan(0)
  })

  it('a write that commits its own earlier proposal again at a new ballot counts that ballot as its own: cut short as well, the next attempt still finds its state and succeeds', () => {
    const h = single()
    const k = te.encode('again')
    h.node.handleCommand(0, { type: 'put', opId: 1, key: k, value: te.encode('v1') })
    h.run()
    // Accept rounds of op 2, by ballot: the first reaches slots 0 and 1 only, the second (the
    // same state again: the replicas disagree) slot 0 only, the third every slot.
    const rounds: string[] = []
    const hold = (m: StoreMessage): boolean => {
      if (m.type !== 'accept') { return false }
      const b = JSON.stringify(m.ballot)
      if (!rounds.includes(b)) { rounds.push(b) }
      const i = rounds.indexOf(b)
      return i === 0 ? m.slot >= 2 : i === 1 ? m.slot >= 1 : false
    }
    const seen: StoreMessage[] = []
    h.node.handleCommand(0, { type: 'put', opId: 2, key: k, value: te.encode('v2') })
    let e: StoreEvent | undefined
    for (let now = 0; now <= 60_000 && e === undefined; now += 50) {
      h.node.handleTimeout(now)
      e = drain(h.node, now, seen, hold).find(x => x.type === 'op-done' || x.type === 'op-failed')
    }
    expect(rounds).to.have.length(3)
    const accepts = seen.filter((m): m is Extract<StoreMessage, { type: 'accept' }> => m.type === 'accept' && m.version === 2)
    expect(accepts.every(m => td.decode(m.value) === 'v2')).to.equal(true)
    // Before, the third attempt found its own state at the second round's ballot, did not know
    // it as its own, and failed indeterminate (lost-race).
    expect(e).to.deep.include({ type: 'op-done', version: 2 })
    expect(h.node.counters.writesRetried).to.equal(0)
    for (let slot = 0; slot < 4; slot++) { expect(td.decode(h.backend.get(k, slot)?.value)).to.equal('v2') }
  })
})

describe('StoreNode, consistent quorums (epochs)', () => {
  const key = te.encode('fenced')
  const rids = replicaIds(key, 4)
  const owners: NodeRef[] = rids.map((rid, i) => ({ id: rid, addr: `o${i}` }))
  const zero = { n: 0, by: '' }
  const promise = (op: number, slot: number, epoch = zero, fences = [zero, zero, zero, zero]): StoreMessage =>
    ({ type: 'promise', op, slot, accepted: zero, version: 0, range: { lo: rids[slot] - 1n, hi: rids[slot] }, epoch, fences })

  /** A coordinator that owns none of the key's slots, its get's read round sent (one op number per round). */
  function coordinator (): { node: StoreNode, op: number, events(): StoreEvent[], out: Array<{ to: NodeRef, msg: StoreMessage }> } {
    const node = new StoreNode({ self, backend: new MemoryBackend(), r: 4 })
    node.handleCommand(0, { type: 'joined', pred: { id: self.id - 1n, addr: 'p' } })
    node.handleCommand(0, { type: 'get', opId: 1, key })
    const out: Array<{ to: NodeRef, msg: StoreMessage }> = []
    const events: StoreEvent[] = []
    const pump = (): void => {
      for (let busy = true; busy;) {
        busy = false
        for (let e = node.pollEvent(); e !== undefined; e = node.pollEvent()) {
          busy = true
          if (e.type === 'lookup') { node.handleCommand(0, { type: 'owner', reqId: e.reqId, owner: owners[rids.indexOf(e.rid)] }) } else { events.push(e) }
        }
        for (let t = node.pollTransmit(); t !== undefined; t = node.pollTransmit()) { out.push(t) }
      }
    }
    pump()
    const read = out.find(t => t.msg.type === 'raw-read')
    expect(read).to.not.equal(undefined)
    return { node, op: read?.msg.op ?? -1, events: () => { pump(); return events.splice(0) }, out }
  }

  it('a get asks a quorum of slots first, and the others only when one of those disagrees, refuses or is slow', () => {
    const asked = (c: ReturnType<typeof coordinator>): string[] => c.out.filter(t => t.msg.type === 'raw-read').map(t => t.to.addr).sort()
    // Three agreeing replies: done, the fourth slot never asked.
    const a = coordinator()
    expect(asked(a)).to.have.length(3)
    // None of the slots is ours here: the reads are sent, none of them locally.
    expect(a.node.counters.sent['raw-read']).to.equal(3)
    expect(a.node.counters.sentLocal['raw-read']).to.equal(undefined)
    const first = asked(a).map(addr => owners.findIndex(o => o.addr === addr))
    for (const slot of first) { a.node.handleMessage(1, owners[slot], promise(a.op, slot)) }
    expect(a.events().map(e => e.type)).to.deep.equal(['op-done'])
    expect(asked(a)).to.have.length(3)
    // One of the three holds another state: the fourth is asked before any ballot round.
    const b = coordinator()
    const [s0, s1, s2] = asked(b).map(addr => owners.findIndex(o => o.addr === addr))
    b.node.handleMessage(1, owners[s0], promise(b.op, s0))
    b.node.handleMessage(1, owners[s1], promise(b.op, s1))
    b.node.handleMessage(1, owners[s2], { ...promise(b.op, s2), accepted: { n: 3, by: 'z' }, version: 1 } as StoreMessage)
    expect(b.events()).to.deep.equal([])
    expect(asked(b)).to.have.length(4)
    expect(b.out.some(t => t.msg.type === 'prepare')).to.equal(false)
    const rest = [0, 1, 2, 3].find(x => ![s0, s1, s2].includes(x)) ?? -1
    b.node.handleMessage(2, owners[rest], promise(b.op, rest))
    expect(b.events().map(e => e.type)).to.deep.equal(['op-done'])
    // No answer within the hedge delay: the fourth is asked too.
    const c = coordinator()
    c.node.handleTimeout(storeLimits.FAST_READ_HEDGE_MS - 1)
    c.events()
    expect(asked(c)).to.have.length(3)
    c.node.handleTimeout(storeLimits.FAST_READ_HEDGE_MS)
    c.events()
    expect(asked(c)).to.have.length(4)
  })

  it('does not count a reply from a slot another reply knows a newer incarnation of, and tells its replier', () => {
    const c = coordinator()
    c.node.handleMessage(1, owners[0], promise(c.op, 0))
    // Slot 1's replier knows that slot 0 has been rebuilt (epoch 2) since slot 0's replier took its state.
    c.node.handleMessage(1, owners[1], promise(c.op, 1, zero, [{ n: 2, by: 'x' }, zero, zero, zero]))
    c.node.handleMessage(1, owners[2], promise(c.op, 2))
    expect(c.events(), 'three replies, but one is stale: no quorum yet').to.deep.equal([])
    expect(c.node.counters.staleReplies).to.equal(1)
    const told = c.out.filter(t => t.msg.type === 'superseded')
    expect(told.map(t => [t.to.addr, t.msg.type === 'superseded' && t.msg.rid, t.msg.type === 'superseded' && t.msg.epoch])).to.deep.equal([['o0', rids[0], { n: 2, by: 'x' }]])
    c.node.handleMessage(1, owners[3], promise(c.op, 3))
    const done = c.events()
    expect(done.map(e => e.type)).to.deep.equal(['op-done'])
  })

  it('an operation that fails because too few slots are up fails as unavailable, even when the last refusal was a rival ballot (it failed as contention: ERR_CONTENTION during a replica outage)', () => {
    const c = coordinator()
    let t = 1
    let failed: StoreEvent | undefined
    // Every round: slots 0 and 1 are down (silent), slot 3 is not ready, and slot 2 holds a rival
    // ballot; its refusal comes last.
    for (let i = 0; i < 200 && failed === undefined; i++) {
      const sent = c.out.splice(0).map(({ to, msg }) => ({ msg, slot: owners.findIndex(o => o.addr === to.addr) })).sort((x, y) => (x.slot === 2 ? 1 : 0) - (y.slot === 2 ? 1 : 0))
      for (const { slot, msg } of sent) {
        if (slot < 2 || !('op' in msg)) { continue }
        const nack: StoreMessage = slot === 2
          ? { type: 'nack', op: msg.op, slot, reason: 'conflict', promised: { n: 1_000_000 + i, by: 'rival' }, range: { lo: rids[slot] - 1n, hi: rids[slot] } }
          : { type: 'nack', op: msg.op, slot, reason: 'not-ready', range: { lo: rids[slot] - 1n, hi: rids[slot] } }
        c.node.handleMessage(t, owners[slot], nack)
      }
      failed = c.events().find(e => e.type === 'op-failed')
      t += 1000
      c.node.handleTimeout(t)
      failed ??= c.events().find(e => e.type === 'op-failed')
    }
    expect(failed, 'the get failed').to.not.equal(undefined)
    expect(c.node.counters.conflicts, 'rival ballots were seen').to.be.greaterThan(0)
    if (failed?.type !== 'op-failed') { throw new Error('no failure') }
    expect(failed.reason).to.equal('unavailable')
    expect(operationError(failed).name).to.equal('QuorumUnavailableError')
  })

  it('counts a reply at the newest epoch, and drops an earlier one once a later reply shows it stale', () => {
    const c = coordinator()
    const e2 = { n: 2, by: 'x' }
    c.node.handleMessage(1, owners[0], promise(c.op, 0, e2, [e2, zero, zero, zero]))
    c.node.handleMessage(1, owners[1], promise(c.op, 1, zero, [e2, zero, zero, zero]))
    // Slot 3's replier knows slot 1 is at epoch 1: the reply of slot 1 (epoch 0) no longer counts.
    c.node.handleMessage(1, owners[3], promise(c.op, 3, zero, [zero, { n: 1, by: 'y' }, zero, zero]))
    expect(c.events()).to.deep.equal([])
    c.node.handleMessage(1, owners[2], promise(c.op, 2))
    expect(c.events().map(e => e.type)).to.deep.equal(['op-done'])
    expect(c.node.counters.staleReplies).to.equal(1)
  })

  it('a replier told it is superseded stops answering for that part of its range (and rebuilds it)', () => {
    const h = single()
    const rid = replicaIds(key, 4)[0]
    h.node.handleMessage(0, other, { type: 'prepare', op: 1, key, slot: 0, rid, ballot: { n: 1, by: 'x' } })
    expect(sent(h.node).map(m => m.type)).to.deep.equal(['promise'])
    h.node.handleMessage(0, other, { type: 'superseded', op: 0, rid, epoch: { n: 3, by: 'z' } })
    expect(h.node.counters.superseded).to.equal(1)
    h.node.handleMessage(0, other, { type: 'prepare', op: 2, key, slot: 0, rid, ballot: { n: 2, by: 'x' } })
    expect(sent(h.node).map(m => m.type === 'nack' ? m.reason : m.type)).to.deep.equal(['not-ready'])
    // Not newer than what it has: ignored.
    h.node.handleMessage(0, other, { type: 'superseded', op: 0, rid: replicaIds(key, 4)[2], epoch: zero })
    expect(h.node.counters.rejected['superseded-unexpected']).to.equal(1)
  })
})

describe('StoreNode, committed incarnations', () => {
  const key = te.encode('committed')
  const rid = replicaIds(key, 4)[0]
  const e3 = { n: 3, by: 'z' }
  const replyOf = (m: StoreMessage): string => m.type === 'nack' ? `nack ${m.reason}` : m.type

  it('a held (superseded) copy serves rebuild reads until it learns that a newer incarnation of it committed; then it refuses them', () => {
    const h = single()
    h.node.handleCommand(0, { type: 'put', opId: 1, key, value: te.encode('v1') })
    h.run()
    // Superseded by a fence only (a rebuild that may never finish): held, still read by rebuilds.
    h.node.handleMessage(0, other, { type: 'superseded', op: 0, rid, epoch: e3 })
    const read = { type: 'range-read', op: 7, lo: rid - 1n, hi: rid, limit: 10, fence: { e: { n: 9, by: 'r' }, j: 1 } } as const
    h.node.handleMessage(0, other, read)
    const first = sent(h.node)
    expect(first.map(replyOf)).to.deep.equal(['range-data'])
    expect(first[0].type === 'range-data' && first[0].records.map(r => r.version)).to.deep.equal([1])
    // A reader that knows incarnation 3 committed there: our copy may miss what was chosen through it.
    h.node.handleMessage(0, other, { ...read, op: 8, committed: [{ lo: rid - 1n, hi: rid, e: e3 }] })
    expect(sent(h.node).map(replyOf)).to.deep.equal(['nack not-ready'])
    expect(h.node.counters.behindRefusals).to.equal(1)
    // And it stays refused for readers that do not know it.
    h.node.handleMessage(0, other, { ...read, op: 9 })
    expect(sent(h.node).map(replyOf)).to.deep.equal(['nack not-ready'])
  })

  it('a commit pass records the incarnation as committed at the source (no records sent), and the source tells later readers', () => {
    const h = single()
    h.node.handleCommand(0, { type: 'put', opId: 1, key, value: te.encode('v1') })
    h.run()
    // Slot 1 is being rebuilt at epoch 5 by `other`: its reads of our slot-0 image are done, it commits.
    const fence = { e: { n: 5, by: 'o' }, j: 1 }
    h.node.handleMessage(0, other, { type: 'range-read', op: 1, lo: rid - 1n, hi: rid, limit: 10, fence, commit: true })
    const [commit] = sent(h.node)
    expect(commit.type === 'range-data' && commit.records).to.deep.equal([])
    // A later reader of the same image learns that slot 1's incarnation 5 is committed there.
    h.node.handleMessage(0, other, { type: 'range-read', op: 2, lo: rid - 1n, hi: rid, limit: 10 })
    const [data] = sent(h.node)
    // The reader's positions are the read arc shifted back by j = 1 slot: slot 3 of the key.
    const reader = replicaId(keyToId(key), 3, 4)
    expect(data.type === 'range-data' && data.committed?.some(c => c.e.n === 5 && c.hi === reader)).to.equal(true)
    expect(data.type === 'range-data' && data.records.length).to.equal(1)
  })

  /** A node that just joined after `pred` (its range pending, waiting for a hand-off from `other`). */
  function joiner (): { node: StoreNode, pred: NodeRef, events(): StoreEvent[] } {
    const pred: NodeRef = { id: 1n << 90n, addr: 'p' }
    const node = new StoreNode({ self, backend: new MemoryBackend(), r: 4 })
    node.handleCommand(0, { type: 'joined', pred })
    const events = (): StoreEvent[] => {
      const out: StoreEvent[] = []
      for (let e = node.pollEvent(); e !== undefined; e = node.pollEvent()) { out.push(e) }
      return out
    }
    events()
    sent(node)
    return { node, pred, events }
  }

  it('a hand-off not ready as a whole makes the parts its sender held ready ready here, at their incarnations; the rest stays pending', () => {
    const j = joiner()
    const mid = (j.pred.id + self.id) / 2n
    j.node.handleMessage(1, other, { type: 'handoff', op: 1, lo: j.pred.id, hi: self.id, records: [], last: true, ready: false, own: [{ lo: j.pred.id, hi: mid, e: { n: 7, by: 'q' } }], epochs: [], cold: false, readyParts: [{ lo: j.pred.id, hi: mid }] })
    expect(j.events().filter(e => e.type === 'ready')).to.deep.equal([{ type: 'ready', lo: j.pred.id, hi: mid, how: 'handoff' }])
    // The rest, (mid, self], is still pending (in rebuild chunks).
    const pending = j.node.rangeState().pending
    expect(pending[0].lo).to.equal(mid)
    expect(pending[pending.length - 1].hi).to.equal(self.id)
    expect(pending.every(a => a.lo >= mid && a.hi <= self.id)).to.equal(true)
  })

  it('a ready hand-off that reaches past our range (a healed partition) passes the part before it on to our predecessor, ready', () => {
    const j = joiner()
    const before = 1n << 80n
    const own = [{ lo: before, hi: self.id, e: { n: 4, by: 'q' } }]
    j.node.handleMessage(1, other, { type: 'handoff', op: 1, lo: before, hi: self.id, records: [], last: true, ready: true, own, epochs: [], cold: false })
    expect(j.events().filter(e => e.type === 'ready')).to.deep.equal([{ type: 'ready', lo: j.pred.id, hi: self.id, how: 'handoff' }])
    const out: Array<{ to: NodeRef, msg: StoreMessage }> = []
    for (let t = j.node.pollTransmit(); t !== undefined; t = j.node.pollTransmit()) { out.push(t) }
    const passed = out.filter(t => t.msg.type === 'handoff')
    expect(passed.map(t => [t.to.addr, t.msg.type === 'handoff' && t.msg.lo, t.msg.type === 'handoff' && t.msg.hi, t.msg.type === 'handoff' && t.msg.ready])).to.deep.equal([['p', before, j.pred.id, true]])
    expect(j.node.counters.passedDown).to.equal(1)
  })
})

describe('StoreNode, read leases', () => {
  const key = te.encode('leased')
  const rid1 = replicaId(keyToId(key), 1, 4)
  /** Runs one op to its end at h.now and returns its op-done event (fails the test if it did not end). */
  const op = (h: ReturnType<typeof leased>, cmd: Extract<StoreCommand, { type: 'get' | 'put' }>): Extract<StoreEvent, { type: 'op-done' }> => {
    h.node.handleCommand(h.now, cmd)
    const done = h.run().find(e => e.type === 'op-done' && e.opId === cmd.opId)
    expect(done, JSON.stringify(cmd.type)).to.not.equal(undefined)
    return done as Extract<StoreEvent, { type: 'op-done' }>
  }
  /** Writes v1 (the home takes grants with its write, which confirms the key), then one get, answered from its copy (ops 1, 2). */
  const confirmed = (h: ReturnType<typeof leased>): void => {
    op(h, { type: 'put', opId: 1, key, value: te.encode('v1') })
    h.now += 10
    op(h, { type: 'get', opId: 2, key })
    expect(h.node.counters.leaseReads).to.equal(1)
  }
  const quorumMessages = (msgs: StoreMessage[]): number => msgs.filter(m => m.type === 'raw-read' || m.type === 'prepare' || m.type === 'accept').length

  it('a home answers a get from its own copy, with no message, once a quorum round under its grants confirmed it; a write it coordinates keeps it confirmed; a lapse of the grants ends it', () => {
    const h = leased()
    // A home that writes takes grants (one per other slot), and its write confirms the key under them.
    op(h, { type: 'put', opId: 1, key, value: te.encode('v1') })
    expect(h.node.counters.leaseGrants).to.equal(3)
    h.now += 10
    h.msgs.length = 0
    expect(op(h, { type: 'get', opId: 4, key }).value).to.deep.equal(te.encode('v1'))
    expect(h.node.counters.leaseReads).to.equal(1)
    expect(quorumMessages(h.msgs)).to.equal(0)
    // A write by the home: its copy stays confirmed, and the next get sees the write from it.
    h.now += 10
    op(h, { type: 'put', opId: 5, key, value: te.encode('v2') })
    h.now += 10
    expect(op(h, { type: 'get', opId: 6, key }).value).to.deep.equal(te.encode('v2'))
    expect(h.node.counters.leaseReads).to.equal(2)
    // No renewal for longer than a grant lasts: the next get goes through a quorum again.
    h.now += 5000
    h.msgs.length = 0
    expect(op(h, { type: 'get', opId: 7, key }).value).to.deep.equal(te.encode('v2'))
    expect(h.node.counters.leaseReads).to.equal(2)
    expect(quorumMessages(h.msgs)).to.be.greaterThan(0)
    // That get asked for grants again; a quorum round under them confirms the key, and the gets after it are answered from the copy.
    let opId = 8
    for (; h.node.counters.leaseReads === 2 && opId < 12; opId++) {
      h.now += 10
      expect(op(h, { type: 'get', opId, key }).value).to.deep.equal(te.encode('v2'))
    }
    expect(h.node.counters.leaseReads).to.equal(3)
  })

  it('after a clock gap (a system suspend) a home trusts neither the grants it held, nor what they confirmed, nor grants asked for before the gap', () => {
    const h = leased()
    confirmed(h)
    // The renewal is due: its requests are sent, and the machine is suspended before the grants come back.
    h.now += LEASE_RENEW_MS
    h.node.handleTimeout(h.now)
    const renewal = h.node.pollTransmit()
    expect(renewal?.msg.type).to.equal('lease-req')
    h.node.handleCommand(h.now, { type: 'clock-gap', ms: 60_000 })
    // The grants to the requests asked before the gap arrive (the node is its own grantor here), and are not taken.
    h.node.handleMessage(h.now, h.node.self, renewal?.msg as StoreMessage)
    h.run()
    // No get is answered from the copy until a quorum round under grants asked for after the gap confirms it again.
    h.now += 10
    h.msgs.length = 0
    expect(op(h, { type: 'get', opId: 10, key }).value).to.deep.equal(te.encode('v1'))
    expect(quorumMessages(h.msgs)).to.be.greaterThan(0)
    h.now += 10
    op(h, { type: 'get', opId: 11, key })
    expect(h.node.counters.leaseReads).to.equal(1)
    // The next renewal asks again; a quorum round under those grants confirms the key, and the get after it is answered from the copy.
    h.now += LEASE_RENEW_MS
    h.run()
    h.msgs.length = 0
    op(h, { type: 'get', opId: 12, key })
    expect(quorumMessages(h.msgs)).to.be.greaterThan(0)
    expect(h.node.counters.leaseReads).to.equal(1)
    h.now += 10
    expect(op(h, { type: 'get', opId: 13, key }).value).to.deep.equal(te.encode('v1'))
    expect(h.node.counters.leaseReads).to.equal(2)
    expect(() => h.node.handleCommand(h.now, { type: 'clock-gap', ms: Number.NaN })).to.throw(/clock-gap/)
  })

  it('a home told by a coordinator that a write was chosen under grants it still holds (the same ids) answers the next get from its copy; under a grant that changed it does not', () => {
    for (const idsRight of [true, false]) {
      const h = leased()
      confirmed(h)
      // Our grants' ids, from the grant replies (slot → id).
      const ids = new Map<number, string>()
      for (const m of h.msgs) { if (m.type === 'lease-grant') { ids.set(m.slot, m.grant) } }
      expect([...ids.keys()].sort()).to.deep.equal([1, 2, 3])
      // Another coordinator's write, accepted by every slot (ours included): our copy changed, so the next get would need a quorum.
      const ballot = { n: 99, by: 'z' }
      for (let slot = 0; slot < 4; slot++) { h.node.handleMessage(h.now, other, { type: 'accept', op: 50 + slot, key, slot, rid: replicaId(keyToId(key), slot, 4), ballot, value: te.encode('v2'), version: 2 }) }
      sent(h.node)
      h.node.handleMessage(h.now, other, { type: 'chosen', op: 0, key, ballot, grants: [{ slot: 1, id: ids.get(1) ?? '' }, { slot: 2, id: idsRight ? ids.get(2) ?? '' : 'someone/else' }] })
      h.msgs.length = 0
      h.now += 10
      expect(op(h, { type: 'get', opId: 10, key }).value).to.deep.equal(te.encode('v2'))
      expect(h.node.counters.leaseReads, `ids right: ${String(idsRight)}`).to.equal(idsRight ? 2 : 1)
      expect(quorumMessages(h.msgs) > 0, `ids right: ${String(idsRight)}`).to.equal(!idsRight)
    }
  })

  it('a grantor grants the part it serves to one holder per slot, tells of the lease in its replies for that slot, and once revoked renews it no more until LEASE_MS after it ends', () => {
    const g = leased()
    const c: NodeRef = { id: 9n << 120n, addr: 'c' }
    const lo = (rid1 - 1000n) & ID_MASK
    const hi = (rid1 + 1000n) & ID_MASK
    const ask = (from: NodeRef, opId: number, slot: number): StoreMessage | undefined => {
      g.node.handleMessage(g.now, from, { type: 'lease-req', op: opId, slot, lo, hi })
      return sent(g.node).find(m => m.op === opId)
    }
    const first = ask(other, 7, 1)
    expect(first).to.deep.include({ type: 'lease-grant', slot: 1, lo, hi })
    // A renewal keeps the grant's id.
    expect(ask(other, 77, 1)).to.deep.include({ type: 'lease-grant', grant: first?.type === 'lease-grant' ? first.grant : '' })
    // A promise for the key's slot 1 tells of b's lease (and how long it has left).
    g.node.handleMessage(g.now, c, { type: 'prepare', op: 8, key, slot: 1, rid: rid1, ballot: { n: 5, by: 'c' } })
    const promise = sent(g.node).find(m => m.op === 8)
    expect(promise).to.deep.include({ type: 'promise' })
    expect(promise?.type === 'promise' ? promise.lease : undefined).to.deep.include({ holder: 'b', ms: LEASE_MS })
    // Another holder for slot 1 there is refused; for slot 2 (other keys' records at those positions) it is granted.
    expect(ask(c, 9, 1)).to.deep.include({ type: 'nack', reason: 'leased' })
    expect(ask(c, 10, 2)).to.deep.include({ type: 'lease-grant', slot: 2 })
    // A coordinator revokes b's lease: it says how long is left, and b's renewals are refused until then.
    g.now += 500
    g.node.handleMessage(g.now, c, { type: 'revoke', op: 11, rid: rid1, holder: 'b' })
    expect(sent(g.node).find(m => m.op === 11)).to.deep.equal({ type: 'revoked', op: 11, ms: LEASE_MS - 500 })
    g.now += 100
    expect(ask(other, 12, 1)).to.deep.include({ type: 'nack', reason: 'leased' })
    // It ended: b is kept out LEASE_MS longer (a holder the coordinators cannot reach would take it again at once).
    g.now = LEASE_MS + 1
    expect(ask(other, 14, 1)).to.deep.include({ type: 'nack', reason: 'leased' })
    g.now = 2 * LEASE_MS + 1
    const again = ask(other, 13, 1)
    expect(again).to.deep.include({ type: 'lease-grant', slot: 1, lo, hi })
    // A grant that starts after a lapse has a new id.
    expect(again?.type === 'lease-grant' && first?.type === 'lease-grant' && again.grant !== first.grant).to.equal(true)
  })

  it('an arc a leaving predecessor handed over before our range grew is quiet too when it becomes ready at once (review: it was served at once)', () => {
    const rid0 = keyToId(key)
    const me: NodeRef = { id: (rid0 + 5000n) & ID_MASK, addr: 'x' }
    const pred: NodeRef = { id: (rid0 + 10n) & ID_MASK, addr: 'p' }
    const before: NodeRef = { id: (rid0 - 10n) & ID_MASK, addr: 'q' }
    const node = new StoreNode({ self: me, backend: new MemoryBackend(), r: 4, leases: true })
    node.handleCommand(0, { type: 'joined', pred })
    sent(node)
    // pred leaves: its hand-off of (before, pred] comes before the ring tells us our range grew.
    node.handleMessage(10, pred, { type: 'handoff', op: 1, lo: before.id, hi: pred.id, records: [], last: true, ready: true, own: [], epochs: [], cold: false })
    node.handleCommand(20, { type: 'range', pred: before })
    sent(node)
    const prepare = (now: number, opId: number): StoreMessage | undefined => {
      node.handleMessage(now, other, { type: 'prepare', op: opId, key, slot: 0, rid: rid0, ballot: { n: opId, by: 'b' } })
      return sent(node).find(m => m.op === opId)
    }
    expect(prepare(30, 11)).to.deep.include({ type: 'nack', reason: 'not-ready' })
    expect(prepare(20 + LEASE_QUIET_MS + 1, 12)).to.deep.include({ type: 'promise' })
  })

  it('a grantor refuses a lease to a holder behind an incarnation committed over its own positions (superseded there), and grants one that is not; a holder sends its incarnations', () => {
    // Our own lease requests carry our incarnations (zero: none since the ring was created).
    const h = leased()
    op(h, { type: 'put', opId: 1, key, value: te.encode('v1') })
    const reqs = h.msgs.filter(m => m.type === 'lease-req')
    expect(reqs).to.have.length(3)
    for (const m of reqs) {
      if (m.type !== 'lease-req') { continue }
      const back = (x: bigint): bigint => (x - slotStep(4) * BigInt(m.slot)) & ID_MASK
      expect(m.own).to.deep.equal([{ lo: back(m.lo), hi: back(m.hi), e: { n: 0, by: '' } }])
    }
    // Another node asks us (holding no grant of our own here).
    const g = leased()
    // A reader tells us that incarnation 3 was committed over the key's slot-0 position.
    const rid0 = replicaId(keyToId(key), 0, 4)
    const e3 = { n: 3, by: 'z' }
    g.node.handleMessage(g.now, other, { type: 'range-read', op: 7, lo: rid0 - 1n, hi: rid0, limit: 10, committed: [{ lo: rid0 - 1n, hi: rid0, e: e3 }] })
    sent(g.node)
    const ask = (opId: number, own?: Array<{ lo: bigint, hi: bigint, e: { n: number, by: string } }>): StoreMessage | undefined => {
      g.node.handleMessage(g.now, other, { type: 'lease-req', op: opId, slot: 1, lo: 0n, hi: 0n, ...(own === undefined ? {} : { own }) })
      return sent(g.node).find(m => m.op === opId)
    }
    // The holder is at incarnation 2 there: superseded, refused.
    expect(ask(20, [{ lo: 0n, hi: 0n, e: { n: 2, by: 'y' } }])).to.deep.include({ type: 'nack', reason: 'not-owner' })
    expect(g.node.counters.rejected['lease-req-superseded']).to.equal(1)
    // At 3 (or with nothing said, as an older node would ask): granted.
    expect(ask(21, [{ lo: 0n, hi: 0n, e: e3 }])?.type).to.equal('lease-grant')
    expect(ask(22)?.type).to.equal('lease-grant')
    expect(g.node.counters.rejected['lease-req-superseded']).to.equal(1)
  })

  it('a grant of the same positions by another grantor (a new id) does not carry on the lease of the old one: once that one runs out, the home needs a quorum again', () => {
    const h = leased()
    confirmed(h)
    // From now on slot 1's image is granted by another node (its owner now, say), with its own id.
    let n = 100
    const renew = (): void => {
      h.node.handleTimeout(h.now)
      for (let t = h.node.pollTransmit(); t !== undefined; t = h.node.pollTransmit()) {
        const m = t.msg
        if (m.type === 'lease-req' && m.slot === 1) {
          h.node.handleMessage(h.now, other, { type: 'lease-grant', op: m.op, slot: 1, lo: m.lo, hi: m.hi, range: { lo: m.lo, hi: m.hi }, epoch: { n: 0, by: '' }, grant: 'b/1' })
        } else if (t.to.addr === self.addr) { h.node.handleMessage(h.now, self, m) }
      }
    }
    for (let t = 0; t < 3000; t += 100) {
      h.now += 100
      renew()
      h.run()
    }
    // The old grantor's piece ran out 1.7 s after its last renewal; the new grant started after the key was confirmed.
    h.msgs.length = 0
    h.node.handleCommand(h.now, { type: 'get', opId: 20 + n++, key })
    h.run()
    expect(h.node.counters.leaseReads).to.equal(1)
    expect(quorumMessages(h.msgs)).to.be.greaterThan(0)
  })

  it('a write whose quorum tells of a lease held by another node completes only once that lease is revoked and waited out', () => {
    const h = leased()
    // b holds grants of slots 1..3 over the whole ring (we are not b: our slot-0 reply does not count for it).
    for (let slot = 1; slot < 4; slot++) { h.node.handleMessage(0, other, { type: 'lease-req', op: 20 + slot, slot, lo: 0n, hi: 0n }) }
    expect(sent(h.node).filter(m => m.type === 'lease-grant')).to.have.length(3)
    h.node.handleCommand(h.now, { type: 'put', opId: 1, key, value: te.encode('v') })
    expect(h.run().filter(e => e.type === 'op-done')).to.have.length(0)
    // No word from b: slot 0 is asked once more (an answer may have been lost), then the lease is
    // revoked at every counted slot that told of it (the quorum is our slot 0 and two others),
    // then waited out (with margin).
    h.now += LEASE_ACK_WAIT_MS
    expect(h.run().filter(e => e.type === 'op-done')).to.have.length(0)
    expect(h.msgs.filter(m => m.type === 'revoke')).to.have.length(0)
    h.now += LEASE_ACK_WAIT_MS
    expect(h.run().filter(e => e.type === 'op-done')).to.have.length(0)
    expect(h.msgs.filter(m => m.type === 'revoke')).to.have.length(2)
    expect(h.node.counters.leaseRevokes).to.equal(1)
    h.now = LEASE_MS - 1
    expect(h.run().filter(e => e.type === 'op-done')).to.have.length(0)
    h.node.handleMessage(h.now, other, { type: 'lease-req', op: 30, slot: 1, lo: 0n, hi: 0n })
    expect(sent(h.node)[0]).to.deep.include({ type: 'nack', reason: 'leased' })
    h.now = 2 * LEASE_ACK_WAIT_MS + (LEASE_MS - 2 * LEASE_ACK_WAIT_MS) * LEASE_WAIT_FACTOR + 1
    expect(h.run().filter(e => e.type === 'op-done')).to.have.length(1)
  })
})

describe('StoreNode, home writes (with leases)', () => {
  const key = te.encode('homed')
  const rids = replicaIds(key, 4)
  /** The home of every key (one node that owns the whole ring, leases on as in the read lease tests). */
  const home = leased
  const run = (h: ReturnType<typeof home>, cmd: StoreCommand & { opId: number }): StoreEvent | undefined => {
    h.node.handleCommand(h.now, cmd)
    return h.run().find(e => (e.type === 'op-done' || e.type === 'op-failed') && e.opId === cmd.opId)
  }

  it('the home runs a write in one round trip once primed: each accept names its next ballot, which the acceptor promises in the same write', () => {
    const h = home()
    expect(run(h, { type: 'put', opId: 1, key, value: te.encode('v1') })).to.deep.include({ type: 'op-done', version: 1 })
    // A full round first (nothing primed yet); its accepts name the next ballot, and every slot took it.
    const first = h.msgs.filter(m => m.type === 'accept')
    expect(h.msgs.filter(m => m.type === 'prepare')).to.have.length(4)
    expect(first).to.have.length(4)
    const next = first[0].type === 'accept' ? first[0].next : undefined
    expect(next).to.not.equal(undefined)
    expect(h.msgs.filter(m => m.type === 'accepted' && m.primed === true)).to.have.length(4)
    for (let slot = 0; slot < 4; slot++) { expect(h.backend.get(key, slot)?.promised).to.deep.equal(next) }
    // The next write skips its prepare: accepts at that ballot, at once.
    h.msgs.length = 0
    h.now += 10
    expect(run(h, { type: 'put', opId: 2, key, value: te.encode('v2') })).to.deep.include({ type: 'op-done', version: 2 })
    expect(h.msgs.filter(m => m.type === 'prepare')).to.have.length(0)
    expect(h.msgs.filter(m => m.type === 'accept' && JSON.stringify(m.ballot) === JSON.stringify(next))).to.have.length(4)
    expect(h.node.counters.oneRoundWrites).to.equal(1)
    // So do a cas and a delete that change the key; a cas that does not apply runs a full round (it must read the key as current).
    h.msgs.length = 0
    expect(run(h, { type: 'cas', opId: 3, key, expected: 2, value: te.encode('v3') })).to.deep.include({ type: 'op-done', applied: true, version: 3 })
    expect(run(h, { type: 'delete', opId: 4, key })).to.deep.include({ type: 'op-done', version: 4 })
    expect(h.msgs.filter(m => m.type === 'prepare')).to.have.length(0)
    expect(h.node.counters.oneRoundWrites).to.equal(3)
    expect(run(h, { type: 'cas', opId: 5, key, expected: 1, value: te.encode('x') })).to.deep.include({ type: 'op-done', applied: false, version: 4 })
    expect(h.msgs.filter(m => m.type === 'prepare')).to.have.length(4)
    expect(run(h, { type: 'get', opId: 6, key })).to.deep.include({ type: 'op-done', version: 4, value: undefined })
  })

  it('a rival ballot between two writes: the primed accepts are refused everywhere, so none was taken, and the write runs again in a full round', () => {
    const h = home()
    run(h, { type: 'put', opId: 1, key, value: te.encode('v1') })
    // Another coordinator prepares a higher ballot at every slot (and then goes quiet).
    for (let slot = 0; slot < 4; slot++) { h.node.handleMessage(h.now, other, { type: 'prepare', op: 90 + slot, key, slot, rid: rids[slot], ballot: { n: 1000, by: 'ff' } }) }
    sent(h.node)
    h.msgs.length = 0
    let e = run(h, { type: 'put', opId: 2, key, value: te.encode('v2') })
    // Each refusal says what the slot had accepted (v1's ballot, lower than ours) and in which incarnation.
    const refusals = h.msgs.filter(m => m.type === 'nack' && m.reason === 'conflict')
    expect(refusals).to.have.length(4)
    for (const m of refusals) { expect(m).to.deep.include({ accepted: h.backend.get(key, 0)?.accepted, epoch: { n: 0, by: '' } }) }
    // (It backs off, then runs a full round.)
    while (e === undefined && h.now < 5000) {
      h.now += 10
      e = h.run().find(x => x.type === 'op-failed' || x.type === 'op-done')
    }
    // Before, it failed indeterminate (lost-race): it could not tell a refusal from a lost acceptance.
    expect(e).to.deep.include({ type: 'op-done', version: 2 })
    expect(h.node.counters.writesRetried).to.equal(1)
    expect(run(h, { type: 'get', opId: 3, key })).to.deep.include({ type: 'op-done', version: 2, value: te.encode('v2') })
  })

  it('an accept that may have been taken keeps the outcome unknown (a slot that took it, a refusal after it took it, one from another incarnation, no answer) unless a state not built on it was accepted above it', () => {
    const zero = { n: 0, by: '' }
    for (const variant of ['refused', 'taken', 'copy', 'incarnation', 'silent', 'outlived'] as const) {
      const h = home()
      run(h, { type: 'put', opId: 1, key, value: te.encode('v1') })
      const v1 = h.backend.get(key, 0)?.accepted
      const rival = { n: 1000, by: 'ff' }
      // A rival prepares a higher ballot at every slot; in 'taken' and 'outlived' slot 0 (the
      // home's) is left alone, so our write stays primed and slot 0 takes it.
      const alone = variant === 'taken' || variant === 'outlived'
      for (let slot = alone ? 1 : 0; slot < 4; slot++) { h.node.handleMessage(h.now, other, { type: 'prepare', op: 90 + slot, key, slot, rid: rids[slot], ballot: rival }) }
      sent(h.node)
      h.node.handleCommand(h.now, { type: 'put', opId: 2, key, value: te.encode('v2') })
      h.node.handleTimeout(h.now)
      // Everything but the accepts is delivered (lookups answered); those are held back here.
      const out: StoreMessage[] = []
      drain(h.node, h.now, out, m => m.type === 'accept')
      const accepts = out.filter((m): m is Extract<StoreMessage, { type: 'accept' }> => m.type === 'accept')
      expect(accepts).to.have.length(4)
      for (const a of accepts) {
        // Slot 0 is the odd one out but in 'taken' and 'outlived' (where it takes the accept).
        if (alone || a.slot !== 0) {
          h.node.handleMessage(h.now, self, a)
          continue
        }
        if (variant === 'copy') { h.node.handleMessage(h.now, self, { type: 'nack', op: a.op, slot: 0, reason: 'conflict', promised: rival, accepted: a.ballot, epoch: zero }) }
        if (variant === 'incarnation') { h.node.handleMessage(h.now, self, { type: 'nack', op: a.op, slot: 0, reason: 'conflict', promised: rival, accepted: v1, epoch: { n: 5, by: 'z' } }) }
        if (variant === 'refused') { h.node.handleMessage(h.now, self, a) }
      }
      // The replies reach the home (refusals, and slot 0's acceptance in 'taken' and 'outlived').
      for (let t = h.node.pollTransmit(); t !== undefined; t = h.node.pollTransmit()) { if (t.to.addr === self.addr) { h.node.handleMessage(h.now, self, t.msg) } }
      // Then the rival's accepts reach slots 1-3 (0-3 in 'refused'): a state of version 2 like
      // ours (another write on v1), or in 'outlived' v1 again (a read committing what it found).
      for (let slot = variant === 'refused' ? 0 : 1; slot < 4; slot++) {
        h.node.handleMessage(h.now, other, { type: 'accept', op: 95 + slot, key, slot, rid: rids[slot], ballot: rival, ...(variant === 'outlived' ? { value: te.encode('v1'), version: 1 } : { value: te.encode('r'), version: 2 }) })
      }
      sent(h.node)
      let e: StoreEvent | undefined
      while (e === undefined && h.now < 30000) {
        h.now += 10
        e = h.run().find(x => x.type === 'op-failed' || x.type === 'op-done')
      }
      // Nothing of the op is left behind for its accepts' late answers.
      expect((h.node as unknown as { acceptMsgs: Map<number, number> }).acceptMsgs.size, variant).to.equal(0)
      if (variant === 'outlived') {
        // A higher ballot's state of a lower version is not built on ours: ours was never chosen.
        expect(e, variant).to.deep.include({ type: 'op-done', version: 2 })
        expect(h.node.counters.writesRetried, variant).to.equal(1)
        expect(run(h, { type: 'get', opId: 3, key })).to.deep.include({ type: 'op-done', version: 2, value: te.encode('v2') })
      } else if (variant === 'refused') {
        // Every slot refused it for good: it runs again on the rival's state.
        expect(e, variant).to.deep.include({ type: 'op-done', version: 3 })
        expect(h.node.counters.writesRetried, variant).to.equal(1)
      } else {
        expect(e, variant).to.deep.include({ type: 'op-failed', reason: 'lost-race', indeterminate: true })
        expect(h.node.counters.writesRetried, variant).to.equal(0)
      }
    }
  })

  it('a write cancelled after its accepts left leaves nothing behind for their late answers', () => {
    const h = home()
    run(h, { type: 'put', opId: 1, key, value: te.encode('v1') })
    h.node.handleCommand(h.now, { type: 'put', opId: 2, key, value: te.encode('v2') })
    h.node.handleTimeout(h.now)
    // The primed accepts are out (lookups answered, nothing delivered); the caller gives up.
    drain(h.node, h.now, undefined, () => true)
    const tracked = (h.node as unknown as { acceptMsgs: Map<number, number> }).acceptMsgs
    expect(tracked.size).to.equal(1)
    h.node.handleCommand(h.now, { type: 'cancel', opId: 2 })
    expect(tracked.size).to.equal(0)
  })

  it('a write sent to the home by another node runs once, however many copies of its message arrive; the copies get its outcome', () => {
    const h = home()
    const put: StoreMessage = { type: 'home-op', op: 7, key, kind: 'put', value: te.encode('w'), by: 'b:1' }
    const answers = (): StoreMessage[] => {
      const out: StoreMessage[] = []
      for (let t = h.node.pollTransmit(); t !== undefined; t = h.node.pollTransmit()) {
        if (t.to.addr === other.addr) { out.push(t.msg) } else { h.node.handleMessage(h.now, self, t.msg) }
      }
      return out
    }
    h.node.handleMessage(h.now, other, put)
    const first = answers()
    expect(first).to.have.length(1)
    expect(first[0]).to.deep.include({ type: 'home-done', op: 7, ok: true, version: 1 })
    h.node.handleMessage(h.now + 500, other, put)
    const again = answers()
    expect(again).to.have.length(1)
    expect(again[0]).to.deep.include({ type: 'home-done', op: 7, ok: true, version: 1 })
    expect(h.backend.get(key, 0)?.version).to.equal(1)
    expect(h.node.counters.rejected['home-op-again']).to.equal(1)
    // The same node restarted numbers its messages from 1 again: a write of its new run, the same
    // number and key, is another write (before, bench:faults saw such a write acknowledged and never applied).
    h.node.handleMessage(h.now + 600, other, { ...put, by: 'b:2' })
    expect(answers()[0]).to.deep.include({ type: 'home-done', op: 7, ok: true, version: 2 })
    expect(h.backend.get(key, 0)?.version).to.equal(2)
  })

  it('a node that is not the key\'s home sends it its writes (after a ping answered, when it has not heard from it lately), again to that node only until it answers, and fails a write the home leaves unanswered as indeterminate', () => {
    const homeRef: NodeRef = { id: rids[0], addr: 'h' }
    const node = new StoreNode({ self, backend: new MemoryBackend(), r: 4, leases: true })
    node.handleCommand(0, { type: 'joined', pred: { id: self.id - 1n, addr: 'p' } })
    const out: Array<{ to: NodeRef, msg: StoreMessage }> = []
    const events: StoreEvent[] = []
    let lookups = 0
    const pump = (now: number): void => {
      node.handleTimeout(now)
      for (let busy = true; busy;) {
        busy = false
        for (let e = node.pollEvent(); e !== undefined; e = node.pollEvent()) {
          busy = true
          if (e.type === 'lookup') {
            if (e.rid === rids[0]) { lookups++ }
            node.handleCommand(now, { type: 'owner', reqId: e.reqId, owner: homeRef })
          } else { events.push(e) }
        }
        for (let t = node.pollTransmit(); t !== undefined; t = node.pollTransmit()) { out.push(t) }
      }
    }
    // Something from the home lately (any message): writes go there.
    const hear = (now: number): void => { node.handleMessage(now, homeRef, { type: 'handoff-ack', op: 999_999 }) }
    hear(0)
    node.handleCommand(0, { type: 'put', opId: 1, key, value: te.encode('v') })
    pump(0)
    const toHome = (): StoreMessage[] => out.filter(t => t.to.addr === 'h').map(t => t.msg)
    expect(toHome()).to.have.length(1)
    expect(toHome()[0]).to.deep.include({ type: 'home-op', kind: 'put', value: te.encode('v') })
    expect(out.some(t => t.msg.type === 'prepare' || t.msg.type === 'accept')).to.equal(false)
    const m = toHome()[0].op
    // Unanswered for a while: the same message again, to the same node.
    pump(HOME_WRITE_RESEND_MS)
    expect(toHome().map(x => x.op)).to.deep.equal([m, m])
    // The home says it is still at it; then answers (with its range, which we keep: the next write needs no lookup).
    node.handleMessage(HOME_WRITE_RESEND_MS + 10, homeRef, { type: 'home-done', op: m, ok: false, version: 0, reason: '', pending: true })
    node.handleMessage(HOME_WRITE_RESEND_MS + 20, homeRef, { type: 'home-done', op: m, ok: true, version: 1, reason: '', range: { lo: rids[0] - 1000n, hi: rids[0] } })
    pump(HOME_WRITE_RESEND_MS + 20)
    expect(events).to.deep.include({ type: 'op-done', opId: 1, kind: 'put', value: te.encode('v'), version: 1, applied: true, attempts: 1 })
    expect(lookups).to.equal(1)
    // The next write: no lookup; the home says once that it runs it, then nothing: the write fails
    // indeterminate once the home was silent HOME_WRITE_SILENCE_MS (sent again meanwhile).
    const failedAt = (opId: number, from: number, until: number): number => {
      for (let t = from; t <= until; t += 100) {
        pump(t)
        if (events.some(e => e.type === 'op-failed' && e.opId === opId)) { return t }
      }
      return Infinity
    }
    hear(3000)
    node.handleCommand(3000, { type: 'put', opId: 2, key, value: te.encode('v2') })
    pump(3000)
    expect(lookups).to.equal(1)
    const m2 = toHome().filter(x => x.type === 'home-op').at(-1)?.op ?? -1
    node.handleMessage(3100, homeRef, { type: 'home-done', op: m2, ok: false, version: 0, reason: '', pending: true })
    const t2 = failedAt(2, 3100, 30_000)
    expect(t2).to.be.within(3100 + HOME_WRITE_SILENCE_MS, 3100 + HOME_WRITE_SILENCE_MS + HOME_WRITE_RESEND_MS)
    expect(events.find(e => e.type === 'op-failed' && e.opId === 2)).to.deep.include({ reason: 'home-unanswered', indeterminate: true })
    expect(toHome().filter(x => x.op === m2).length).to.be.greaterThan(1)
    // A home never heard from (its connection may still be setting up) is waited for longer.
    hear(20_000)
    node.handleCommand(20_000, { type: 'put', opId: 3, key, value: te.encode('v3') })
    const t3 = failedAt(3, 20_000, 60_000)
    expect(t3).to.be.within(20_000 + HOME_WRITE_FIRST_SILENCE_MS, 20_000 + HOME_WRITE_FIRST_SILENCE_MS + HOME_WRITE_RESEND_MS)
    expect(40_000 - 20_000).to.be.greaterThan(HOME_HEARD_MS + HOME_WRITE_FIRST_SILENCE_MS)
    // A home not heard from for HOME_HEARD_MS may be gone: it is pinged first, and the write is
    // sent only when its pong comes.
    const homeOps = (): number => toHome().filter(x => x.type === 'home-op').length
    const prepares = (): number => out.filter(t => t.msg.type === 'prepare' && t.msg.key === key).length
    const pings = (): StoreMessage[] => toHome().filter(x => x.type === 'home-ping')
    const lastHomeOp = (): StoreMessage | undefined => toHome().filter(x => x.type === 'home-op').at(-1)
    const before = homeOps()
    node.handleCommand(40_000, { type: 'put', opId: 4, key, value: te.encode('v4') })
    pump(40_000)
    expect(pings()).to.have.length(1)
    const ping = pings()[0]
    expect(homeOps()).to.equal(before)
    // A pong from another node, or to another ping, is not the answer.
    node.handleMessage(40_100, { id: 5n, addr: 'x' }, { type: 'home-pong', op: ping?.op ?? -1 })
    node.handleMessage(40_100, homeRef, { type: 'home-pong', op: (ping?.op ?? -1) + 1000 })
    pump(40_100)
    expect(homeOps()).to.equal(before)
    expect(node.counters.rejected['home-pong-unexpected']).to.equal(2)
    node.handleMessage(40_200, homeRef, { type: 'home-pong', op: ping?.op ?? -1 })
    pump(40_200)
    expect(homeOps()).to.equal(before + 1)
    expect(lastHomeOp()).to.deep.include({ type: 'home-op', kind: 'put', value: te.encode('v4') })
    expect(prepares()).to.equal(0)
    node.handleMessage(40_300, homeRef, { type: 'home-done', op: lastHomeOp()?.op ?? -1, ok: true, version: 4, reason: '' })
    pump(40_300)
    expect(events).to.deep.include({ type: 'op-done', opId: 4, kind: 'put', value: te.encode('v4'), version: 4, applied: true, attempts: 1 })
    // No pong within HOME_PROBE_MS: the write runs here (its prepares go out), nothing goes to the home.
    node.handleCommand(50_000, { type: 'put', opId: 5, key, value: te.encode('v5') })
    pump(50_000)
    expect(pings()).to.have.length(2)
    pump(50_000 + HOME_PROBE_MS - 1)
    expect(prepares()).to.equal(0)
    pump(50_000 + HOME_PROBE_MS)
    expect(prepares()).to.be.greaterThan(0)
    expect(homeOps()).to.equal(before + 1)
    expect(node.counters.homeProbesUnanswered).to.equal(1)
    // The ring suspects the home while its pong is awaited: the write runs here at once.
    node.handleCommand(60_000, { type: 'put', opId: 6, key: te.encode('other key'), value: te.encode('v6') })
    pump(60_000)
    expect(pings()).to.have.length(3)
    const pinged = out.length
    node.forgetNode('h')
    pump(60_010)
    expect(out.slice(pinged).filter(t => t.msg.type === 'prepare').map(t => t.msg.type === 'prepare' ? new TextDecoder().decode(t.msg.key) : '')).to.include('other key')
    expect(node.counters.homeProbesUnanswered).to.equal(2)
    expect(homeOps()).to.equal(before + 1)
  })
})

describe('operation errors', () => {
  const failed = (reason: string, indeterminate: boolean): Extract<StoreEvent, { type: 'op-failed' }> => ({ type: 'op-failed', opId: 1, kind: 'put', reason, indeterminate, attempts: 6 })

  it('rival operations on the key are a ContentionError, too few replicas a QuorumUnavailableError, bad input an InvalidItemError; each says whether a write may still take effect', () => {
    for (const reason of ['lost-race', 'conflict']) {
      const e = operationError(failed(reason, reason === 'lost-race'))
      expect(e).to.include({ name: 'ContentionError', code: 'ERR_CONTENTION', indeterminate: reason === 'lost-race' })
    }
    for (const reason of ['timeout', 'phase-timeout', 'not-ready', 'not-owner', 'stale']) {
      expect(operationError(failed(reason, false))).to.include({ name: 'QuorumUnavailableError', code: 'ERR_QUORUM_UNAVAILABLE', indeterminate: false })
    }
    expect(operationError(failed('timeout', true)).message).to.match(/may still take effect/)
    for (const reason of ['invalid-key', 'value-too-large', 'invalid-version']) {
      expect(operationError(failed(reason, false))).to.have.property('name', 'InvalidItemError')
    }
  })
})

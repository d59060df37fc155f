/* Goal: the set-full checker classifies elements exactly as Jepsen's set-full does (stable, lost, never-read; stale = stable but missed by a read that began after it was known), with latencies, and reports unexpected and duplicated elements; a correct set never loses or staleness-flags an element under any interleaving, and an element dropped after it was known is reported lost. Method: hand-written histories through the recorder; fast-check drives a small atomic-set simulator (seed and path printed on failure; FC_SEED / FC_PATH / FC_RUNS). */
import { expect } from 'aegir/chai'
import fc from 'fast-check'
import { checkSetFull, compareElements, quantiles, SetHistory } from '../src/index.ts'
import type { SetEvent } from '../src/index.ts'

/** A set recorder whose clock ticks by 10 per event, so latencies are visible. */
function recorder (): { h: SetHistory, add(p: number, x: string): void, read(p: number): void, ok(p: number, xs?: string[]): void, fail(p: number): void, info(p: number): void } {
  const h = new SetHistory()
  let t = 0
  return {
    h,
    add: (p, x) => { h.invoke(p, t += 10, { f: 'add', element: x }) },
    read: (p) => { h.invoke(p, t += 10, { f: 'read' }) },
    ok: (p, xs) => { h.ok(p, t += 10, xs) },
    fail: (p) => { h.fail(p, t += 10) },
    info: (p) => { h.info(p, t += 10) }
  }
}

describe('checkSetFull', () => {
  it('an element every later read sees is stable, with latency 0', () => {
    const x = recorder()
    x.add(1, 'a'); x.ok(1)
    x.read(2); x.ok(2, ['a'])
    const r = checkSetFull(x.h.events)
    expect(r).to.deep.include({ valid: true, attemptCount: 1, stableCount: 1, lostCount: 0, staleCount: 0, neverReadCount: 0 })
    expect(r.elements[0]).to.deep.include({ element: 'a', outcome: 'stable', stale: false, stableLatency: 0, knownTime: 20 })
  })

  it('an acknowledged element missing from a read that began after the ack is lost', () => {
    const x = recorder()
    x.add(1, 'a'); x.ok(1)
    x.read(2); x.ok(2, [])
    const r = checkSetFull(x.h.events)
    expect(r).to.deep.include({ valid: false, lostCount: 1, lost: ['a'] })
    expect(r.elements[0]).to.include({ outcome: 'lost', lostLatency: 0 })
  })

  it('an element seen, then missed by every read after, is lost; its lost latency runs to the last read that saw it', () => {
    const x = recorder()
    x.add(1, 'a'); x.ok(1) // known at 20
    x.read(2); x.ok(2, ['a']) // invoked at 30
    x.read(2); x.ok(2, []) // invoked at 50
    const r = checkSetFull(x.h.events)
    expect(r.lost).to.deep.equal(['a'])
    expect(r.elements[0].lostLatency).to.equal(10)
    expect(r.lostLatencies).to.deep.equal({ p0: 10, p50: 10, p95: 10, p99: 10, p100: 10 })
  })

  it('an element missed after it was known but seen again later is stable and stale', () => {
    const x = recorder()
    x.add(1, 'a'); x.ok(1) // known at 20
    x.read(2); x.ok(2, []) // invoked at 30: stale
    x.read(2); x.ok(2, ['a'])
    const r = checkSetFull(x.h.events)
    expect(r).to.deep.include({ valid: true, stableCount: 1, staleCount: 1, stale: ['a'], lostCount: 0 })
    expect(r.elements[0]).to.include({ outcome: 'stable', stale: true, stableLatency: 10 })
    expect(r.worstStale.map(e => e.element)).to.deep.equal(['a'])
    expect(checkSetFull(x.h.events, { linearizable: true }).valid).to.equal(false)
  })

  it('a read concurrent with the add may miss it: not lost, not stale', () => {
    const x = recorder()
    x.add(1, 'a')
    x.read(2)
    x.ok(1)
    x.ok(2, [])
    const r = checkSetFull(x.h.events)
    expect(r).to.deep.include({ lostCount: 0, staleCount: 0, neverRead: ['a'], valid: 'unknown' })
    x.read(2); x.ok(2, ['a'])
    expect(checkSetFull(x.h.events, { linearizable: true })).to.deep.include({ valid: true, stableCount: 1, staleCount: 0 })
  })

  it('unacknowledged adds: never read if never seen; known once a read sees them', () => {
    const x = recorder()
    x.add(1, 'failed'); x.fail(1)
    x.add(3, 'crashed'); x.info(3)
    x.add(4, 'seen'); x.info(4)
    x.read(2); x.ok(2, ['seen'])
    x.read(2); x.ok(2, [])
    const r = checkSetFull(x.h.events)
    expect(r.neverRead).to.deep.equal(['crashed', 'failed'])
    expect(r.lost).to.deep.equal(['seen'])
  })

  it('an acknowledged element with no read after it is never read', () => {
    const x = recorder()
    x.read(2); x.ok(2, [])
    x.add(1, 'a'); x.ok(1)
    expect(checkSetFull(x.h.events)).to.deep.include({ neverRead: ['a'], lostCount: 0, valid: 'unknown' })
  })

  it('reports elements read but never added, and duplicates within a read, as invalid', () => {
    const x = recorder()
    x.add(1, 'a'); x.ok(1)
    x.read(2); x.ok(2, ['a', 'a', 'ghost'])
    const r = checkSetFull(x.h.events)
    expect(r).to.deep.include({ valid: false, unexpected: ['ghost'], unexpectedCount: 1, duplicated: { a: 2 }, duplicatedCount: 1, lostCount: 0 })
  })

  it('rejects an element added twice with a typed error', () => {
    const x = recorder()
    x.add(1, 'a'); x.ok(1)
    x.add(1, 'a'); x.ok(1)
    expect(() => checkSetFull(x.h.events)).to.throw().with.property('code', 'ERR_INVALID_HISTORY')
  })

  it('sorts elements naturally and computes nearest-rank quantiles', () => {
    expect(['10', 'b', '2', 'a', '-1'].sort(compareElements)).to.deep.equal(['-1', '2', '10', 'a', 'b'])
    expect(quantiles([])).to.equal(null)
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(quantiles(xs)).to.deep.equal({ p0: 1, p50: 51, p95: 96, p99: 100, p100: 100 })
  })
})

/** An atomic set under random interleavings: adds and reads take effect at a random step between invoke and completion. */
function simulateSet (choices: readonly number[], clients: number, ops: number, infoPct: number): { events: SetEvent[], set: Set<string> } {
  let c = 0
  const choose = (n: number): number => c < choices.length ? choices[c++] % n : 0
  const h = new SetHistory()
  const set = new Set<string>()
  const cs = Array.from({ length: clients }, (_, i) => ({ pid: i, phase: 0, f: 'read' as 'add' | 'read', x: '', seen: [] as string[] }))
  let nextPid = clients
  let invoked = 0
  let t = 0
  for (;;) {
    const more = invoked < ops
    const active = cs.filter(k => k.phase !== 0 || more)
    if (active.length === 0) { break }
    const k = active[choose(active.length)]
    t += choose(2)
    if (k.phase === 0) {
      k.f = choose(2) === 0 ? 'add' : 'read'
      k.x = `${invoked++}`
      h.invoke(k.pid, t, k.f === 'add' ? { f: 'add', element: k.x } : { f: 'read' })
      k.phase = 1
    } else if (choose(100) >= 100 - infoPct) {
      h.info(k.pid, t)
      k.pid = nextPid++
      k.phase = 0
    } else if (k.phase === 1) {
      if (k.f === 'add') { set.add(k.x) } else { k.seen = [...set] }
      k.phase = 2
    } else {
      h.ok(k.pid, t, k.f === 'read' ? k.seen : undefined)
      k.phase = 0
    }
  }
  return { events: h.toJSON(), set }
}

describe('checkSetFull on simulated sets', function () {
  this.timeout(60_000)
  const params = (numRuns: number): fc.Parameters<any> => ({
    numRuns: process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : numRuns,
    seed: process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined,
    path: process.env.FC_PATH
  })
  const runArb = fc.record({
    choices: fc.array(fc.noBias(fc.nat({ max: 0xffff })), { minLength: 200, maxLength: 400 }),
    clients: fc.integer({ min: 1, max: 6 }),
    ops: fc.integer({ min: 1, max: 40 }),
    infoPct: fc.constantFrom(0, 5, 20)
  })

  it('a correct set loses nothing and has no stale element', () => {
    fc.assert(fc.property(runArb, r => {
      const { events } = simulateSet(r.choices, r.clients, r.ops, r.infoPct)
      const v = checkSetFull(events, { linearizable: true })
      expect(v).to.deep.include({ lostCount: 0, staleCount: 0, unexpectedCount: 0, duplicatedCount: 0 })
      expect(v.valid).to.not.equal(false)
      expect(v.stableCount + v.neverReadCount).to.equal(v.attemptCount)
    }), params(500))
  })

  it('an element dropped after it was known is lost, and only that one', () => {
    fc.assert(fc.property(runArb, fc.nat(), (r, pick) => {
      const { events, set } = simulateSet(r.choices, r.clients, r.ops, r.infoPct)
      const known = [...set].filter(x => events.some(e => (e.f === 'add' && e.type === 'ok' && e.value === x) || (e.f === 'read' && e.type === 'ok' && (e.value as string[]).includes(x))))
      fc.pre(known.length > 0)
      const victim = known[pick % known.length]
      const t = events.length > 0 ? events[events.length - 1].time : 0
      const pid = 1 + Math.max(...events.map(e => e.process))
      const final: SetEvent[] = [
        ...events,
        { index: events.length, time: t, process: pid, type: 'invoke', f: 'read', value: null },
        { index: events.length + 1, time: t, process: pid, type: 'ok', f: 'read', value: [...set].filter(x => x !== victim) }
      ]
      const v = checkSetFull(final)
      expect(v.lost).to.deep.equal([victim])
      expect(v.valid).to.equal(false)
    }), params(500))
  })
})

/* Goal: the engine is deterministic (same seed, same trace hash), a broken invariant stops the run with the seed to replay it, and a paused node (SIGSTOP) handles nothing until resumed, then everything that reached it, in order. Method: small ring runs twice; a core whose invariant fails on purpose; two recording cores, one paused. */
import { expect } from 'aegir/chai'
import { Engine, Network, Rng, RingSim, SimulationError, buildRing, constantLatency } from '../src/index.ts'
import type { SimCore } from '../src/index.ts'

function smallRun (seed: number): string {
  const sim = new RingSim({ seed, geometry: { name: 'tango' } })
  buildRing(sim, { nodes: 60, settleMs: 5000 })
  for (let i = 0; i < 50; i++) { sim.lookup(sim.randomMember() ?? sim.members()[0], sim.randomKey()) }
  sim.runFor(10_000)
  return sim.engine.traceHash
}

describe('simulation engine', () => {
  it('the same seed gives the same trace hash; another seed another', () => {
    const a = smallRun(11)
    expect(smallRun(11)).to.equal(a)
    expect(smallRun(12)).to.not.equal(a)
  })

  it('a failed invariant stops the run and reports SEED=<n>', () => {
    let steps = 0
    const core: SimCore<never> = {
      handleMessage: () => {},
      handleTimeout: () => { steps++ },
      pollTransmit: () => undefined,
      pollEvent: () => undefined,
      pollTimeoutMs: () => steps < 3 ? steps * 10 + 10 : undefined,
      assertInvariants: () => { if (steps >= 2) { throw new Error('broken on purpose') } }
    }
    const engine = new Engine<SimCore<never>, never>(1234, new Network(constantLatency(1), new Rng(1), new Rng(2)), { onEvent: () => {} })
    const node = engine.addNode({ id: 1n, addr: 'a' }, core)
    engine.drain(node)
    let err: unknown
    try { engine.runUntil(1000) } catch (e) { err = e }
    expect(err).to.be.instanceOf(SimulationError)
    expect((err as SimulationError).message).to.include('SEED=1234').and.include('broken on purpose')
    expect((err as SimulationError).seed).to.equal(1234)
  })

  it('a paused node handles nothing until resumed, then what reached it in arrival order and its timer; messages it was to send wait too; a crash drops the backlog', () => {
    interface Rec extends SimCore<never> { seen: string[], out: Array<{ to: { id: bigint, addr: string }, msg: unknown }>, timerMs?: number }
    const rec = (): Rec => {
      const c: Rec = {
        seen: [],
        out: [],
        handleMessage: (now, from, msg) => { c.seen.push(`${now}:${from.addr}:${String(msg)}`) },
        handleTimeout: (now) => {
          if (c.timerMs !== undefined && now >= c.timerMs) {
            c.seen.push(`${now}:timer`)
            c.timerMs = undefined
          }
        },
        pollTransmit: () => c.out.shift(),
        pollEvent: () => undefined,
        pollTimeoutMs: () => c.timerMs,
        assertInvariants: () => {}
      }
      return c
    }
    const engine = new Engine<Rec, never>(7, new Network(constantLatency(5), new Rng(1), new Rng(2)), { onEvent: () => {} })
    const a = engine.addNode({ id: 1n, addr: 'a' }, rec())
    const b = engine.addNode({ id: 2n, addr: 'b' }, rec())
    const send = (from: typeof a, to: typeof b, msg: string): void => engine.call(from, c => { c.out.push({ to: to.ref, msg }) })
    b.core.timerMs = 30
    engine.drain(b)
    engine.pause(b)
    send(a, b, 'm1')
    engine.runUntil(20)
    send(a, b, 'm2')
    // A command to the paused node (a client's request) waits as well.
    engine.call(b, c => { c.out.push({ to: a.ref, msg: 'reply' }) })
    engine.runUntil(100)
    expect(b.core.seen, 'nothing while paused').to.deep.equal([])
    expect(a.core.seen, 'the paused node sent nothing').to.deep.equal([])
    engine.resume(b)
    engine.runUntil(200)
    // Arrival order, all at the resume time; then the timer that came due meanwhile (its clock ran on).
    expect(b.core.seen).to.deep.equal(['100:a:m1', '100:a:m2', '100:timer'])
    expect(a.core.seen).to.deep.equal(['105:b:reply'])
    // Paused again, then crashed: what waited is dropped, and resuming does nothing.
    engine.pause(b)
    send(a, b, 'm3')
    engine.runUntil(300)
    engine.crash(b)
    engine.resume(b)
    engine.runUntil(400)
    expect(b.core.seen).to.have.length(3)
  })
})

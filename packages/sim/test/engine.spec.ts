/* Goal: the engine is deterministic (same seed, same trace hash), and a broken invariant stops the run with the seed to replay it. Method: small ring runs twice; a core whose invariant fails on purpose. */
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
})

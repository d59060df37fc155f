/* Goal: the ring meets its promises in the simulator at CI scale: stable rings answer every lookup right within the hop bounds, churn keeps lookups right and converges, partitions form one ring per group and merge after heal, quiet maintenance stays within budget. Method: seeded runs of the real core under the PlanetLab-like model; a failing run names its seed. */
import { expect } from 'aegir/chai'
import { RingSim, buildRing, buildRingOracle, newLookupStats, runChurn, runPartition, scheduleLookups } from '../src/index.ts'
import type { GeometryConfig } from '@selfmgmt/ring'

function lookups (sim: RingSim, count: number): ReturnType<typeof newLookupStats> {
  const stats = newLookupStats()
  const end = scheduleLookups(sim, count, 500, stats)
  sim.runFor(end - sim.nowMs + 1)
  sim.drainLookups(60_000)
  return stats
}

const geometries: Array<{ name: string, g: GeometryConfig, maxHops(n: number): number }> = [
  { name: 'tango', g: { name: 'tango' }, maxHops: n => Math.ceil(2 * Math.log(n) / Math.log(3)) + 2 },
  { name: 'dks k=4', g: { name: 'dks', k: 4 }, maxHops: n => Math.ceil(Math.log(n) / Math.log(4)) + 2 },
  { name: 'dks k=16', g: { name: 'dks', k: 16 }, maxHops: n => Math.ceil(Math.log(n) / Math.log(16)) + 2 },
  { name: 'chord', g: { name: 'chord' }, maxHops: n => Math.ceil(Math.log2(n)) + 2 }
]

describe('ring in the simulator', function () {
  this.timeout(240_000)

  for (const { name, g, maxHops } of geometries) {
    for (const seed of [1, 2]) {
      it(`${name}: a 600-node stable ring answers every lookup with the true owner (seed ${seed})`, () => {
        const sim = new RingSim({ seed, geometry: g })
        buildRing(sim, { nodes: 600 })
        const c = sim.check()
        expect(c.consistent, `SEED=${seed}`).to.equal(true)
        const s = lookups(sim, 1000)
        expect(s.ok, `SEED=${seed}`).to.equal(1000)
        expect(Math.max(...s.hops), `SEED=${seed}`).to.be.at.most(maxHops(600))
      })
    }
  }

  it('an oracle-installed ring matches what joins converge to: consistent, all lookups right, the same hop counts', () => {
    const joined = new RingSim({ seed: 8, geometry: { name: 'dks', k: 16 } })
    buildRing(joined, { nodes: 1500 })
    const installed = new RingSim({ seed: 8, geometry: { name: 'dks', k: 16 } })
    buildRingOracle(installed, { nodes: 1500 })
    expect(installed.check().consistent).to.equal(true)
    const a = lookups(joined, 2000)
    const b = lookups(installed, 2000)
    expect(b.ok).to.equal(2000)
    const mean = (xs: number[]): number => xs.reduce((x, y) => x + y, 0) / xs.length
    expect(mean(b.hops)).to.be.closeTo(mean(a.hops), 0.15)
  })

  it('proximity keeps every lookup right and never loops', () => {
    for (const g of [{ name: 'tango' }, { name: 'dks', k: 16 }] as GeometryConfig[]) {
      const sim = new RingSim({ seed: 5, geometry: g, proximity: true })
      buildRing(sim, { nodes: 500 })
      const s = lookups(sim, 1000)
      expect(s.ok, g.name).to.equal(1000)
      expect(Math.max(...s.hops), g.name).to.be.below(20)
    }
  })

  it('with no churn, maintenance stays at or below 1 message per node per second', () => {
    const sim = new RingSim({ seed: 3, geometry: { name: 'dks', k: 16 } })
    buildRing(sim, { nodes: 500 })
    const m0 = sim.traffic.maintenance
    sim.runFor(60_000)
    const rate = (sim.traffic.maintenance - m0) / 500 / 60
    expect(rate).to.be.at.most(1)
    expect(rate).to.be.greaterThan(0.3) // the pings do run
  })

  for (const seed of [1, 2, 3]) {
    it(`churn with a 2-minute median session: ≥ 99% ok and one ring within 60 s (seed ${seed})`, () => {
      const sim = new RingSim({ seed, geometry: { name: seed === 2 ? 'dks' : 'tango', k: 16 } })
      buildRing(sim, { nodes: 800 })
      const r = runChurn(sim, { sessionMedianS: 120, durationS: 240, lookupRatePerS: 10 })
      const s = r.lookups
      const answered = s.ok + s.wrongOwner + s.failed
      expect(r.crashes + r.leaves, `SEED=${seed}`).to.be.greaterThan(400)
      expect(s.ok / answered, `SEED=${seed}`).to.be.at.least(0.99)
      expect(r.convergedAfterS, `SEED=${seed}`).to.not.equal(null)
      expect(r.convergedAfterS as number, `SEED=${seed}`).to.be.at.most(60)
    })
  }

  it('churn with a 30-minute median session: ≥ 99.9% ok', () => {
    const sim = new RingSim({ seed: 4, geometry: { name: 'tango' } })
    buildRing(sim, { nodes: 800 })
    const r = runChurn(sim, { sessionMedianS: 1800, durationS: 300, lookupRatePerS: 20 })
    const s = r.lookups
    expect(s.ok / (s.ok + s.wrongOwner + s.failed)).to.be.at.least(0.999)
    expect(r.ringConsistentAtEnd).to.equal(true)
  })

  for (const [parts, seed] of [[2, 1], [2, 2], [3, 3], [3, 4]]) {
    it(`a partition into ${parts} groups for 300 s forms ${parts} rings and merges within 120 s (seed ${seed})`, () => {
      const sim = new RingSim({ seed, geometry: { name: seed % 2 === 0 ? 'dks' : 'tango', k: 16 } })
      buildRing(sim, { nodes: 400 })
      const r = runPartition(sim, { parts, partitionS: 300, lookupRatePerS: 5, lookupsAfterHeal: 500 })
      expect(r.ringsDuringPartition, `SEED=${seed}`).to.equal(parts)
      expect(r.healMs, `SEED=${seed}`).to.not.equal(null)
      expect(r.healMs as number, `SEED=${seed}`).to.be.at.most(120_000)
      expect(r.ringsAfterHeal, `SEED=${seed}`).to.equal(1)
      expect(r.afterHeal.ok, `SEED=${seed}`).to.equal(500)
    })
  }
})

/* Goal: the linearizability checker's verdict equals the truth on random small histories: always ok on histories of a correct register run under random interleavings (with timeouts, refusals, cas, deletes, ops left open), and equal to a brute-force oracle on the same histories perturbed (changed read results, reordered events, flipped completions), on histories of a lagging register, and on merges of independent keys. Method: fast-check drives the register simulator (test/fixtures/register-sim.ts) and the perturbations; the oracle (test/fixtures/oracle.ts) tries every order of at most 7 ops that respects real time. The seed and path are printed on failure; FC_SEED / FC_PATH replay it, FC_RUNS changes the number of runs. */
import { expect } from 'aegir/chai'
import fc from 'fast-check'
import { checkLinearizable, validateRegisterHistory } from '../src/index.ts'
import { oracleLinearizable } from './fixtures/oracle.ts'
import { listChooser, simulateRegister } from './fixtures/register-sim.ts'
import type { SimParams } from './fixtures/register-sim.ts'
import type { RegisterEvent, Value } from '../src/index.ts'

function params<T> (numRuns: number): fc.Parameters<T> {
  return {
    numRuns: process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : numRuns,
    seed: process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined,
    path: process.env.FC_PATH
  }
}

const KEYS = ['x', 'y', 'z']

/** Simulator runs: `opsMax` ops at most, over 1..`keysMax` keys. */
function simArb (opsMax: number, keysMax: number, clientsMax: number, lag = 0): fc.Arbitrary<RegisterEvent[]> {
  return fc.record({
    choices: fc.array(fc.noBias(fc.nat({ max: 0xffff })), { minLength: opsMax * 8, maxLength: opsMax * 16 }),
    clients: fc.integer({ min: 1, max: clientsMax }),
    keys: fc.integer({ min: 1, max: keysMax }),
    ops: fc.integer({ min: Math.min(4, opsMax), max: opsMax }),
    valueDomain: fc.integer({ min: 0, max: 3 }),
    infoPct: fc.constantFrom(0, 5, 15),
    failPct: fc.constantFrom(0, 10)
  }).map(r => {
    const p: SimParams = { clients: r.clients, keys: KEYS.slice(0, r.keys), ops: r.ops, valueDomain: r.valueDomain, infoPct: r.infoPct, failPct: r.failPct, lag }
    return simulateRegister(listChooser(r.choices), p)
  })
}

/** One key, few values, many timeouts, reads that may lag: where the info-op rules of the search matter most. */
function infoHeavyArb (opsMax: number, clientsMax: number): fc.Arbitrary<RegisterEvent[]> {
  return fc.record({
    choices: fc.array(fc.noBias(fc.nat({ max: 0xffff })), { minLength: opsMax * 12, maxLength: opsMax * 16 }),
    clients: fc.integer({ min: 2, max: clientsMax }),
    ops: fc.integer({ min: Math.min(5, opsMax), max: opsMax }),
    valueDomain: fc.integer({ min: 1, max: 2 }),
    infoPct: fc.constantFrom(20, 35, 50),
    lag: fc.constantFrom(0, 1, 3)
  }).map(r => simulateRegister(listChooser(r.choices), { clients: r.clients, keys: ['x'], ops: r.ops, valueDomain: r.valueDomain, infoPct: r.infoPct, failPct: 0, lag: r.lag }))
}

type Perturbation =
  | { kind: 'read', at: number, pick: number }
  | { kind: 'swap', at: number }
  | { kind: 'flip', at: number }

const perturbationArb: fc.Arbitrary<Perturbation> = fc.oneof(
  fc.record({ kind: fc.constant('read' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat() })
)

/**
 * Applies one perturbation, keeping the history well formed: a read ok returns another value;
 * two adjacent events of different processes change places (times stay with positions); a
 * completion changes type (ok ↔ fail for writes, cas and deletes; a read ok → info, or fail if its process acts again).
 */
function perturb (events: RegisterEvent[], p: Perturbation): RegisterEvent[] {
  const out = events.map(e => ({ ...e }))
  if (out.length === 0) { return out }
  const i = p.at % out.length
  if (p.kind === 'read') {
    const reads = out.filter(e => e.f === 'read' && e.type === 'ok')
    const written = [...new Set(out.map(e => e.value))]
    const choices: Value[] = [null, 'other', ...written]
    if (reads.length > 0) { reads[i % reads.length].value = choices[p.pick % choices.length] }
  } else if (p.kind === 'swap') {
    if (i + 1 < out.length && out[i].process !== out[i + 1].process) {
      const a = out[i]
      const b = out[i + 1]
      out[i] = { ...b, index: i, time: a.time }
      out[i + 1] = { ...a, index: i + 1, time: b.time }
    }
  } else {
    const done = out.filter(e => e.type !== 'invoke')
    if (done.length > 0) {
      const e = done[i % done.length]
      if (e.f === 'read') {
        // A crashed process never acts again: info only for its last event.
        const last = !out.some(x => x.process === e.process && x.index > e.index)
        if (e.type === 'ok') { e.type = last ? 'info' : 'fail'; e.value = null }
      } else {
        e.type = e.type === 'ok' ? 'fail' : 'ok'
      }
    }
  }
  return out
}

/** Every read ok returns a value picked from those of the history, `null` and one never written. */
function randomizeReads (events: readonly RegisterEvent[], picks: readonly number[]): RegisterEvent[] {
  const values: Value[] = [null, 'other', ...new Set(events.map(e => e.value))]
  let k = 0
  return events.map(e => e.f === 'read' && e.type === 'ok' ? { ...e, value: values[picks[k++ % picks.length] % values.length] } : e)
}

/** Interleaves two histories (renaming the second's processes), as the choices say. */
function merge (a: readonly RegisterEvent[], b: readonly RegisterEvent[], choices: readonly number[]): RegisterEvent[] {
  const shift = 1 + Math.max(-1, ...a.map(e => e.process))
  const out: RegisterEvent[] = []
  let i = 0
  let j = 0
  let c = 0
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && (choices[c++ % Math.max(1, choices.length)] ?? 0) % 2 === 0)
    const e = takeA ? a[i++] : { ...b[j++], process: b[j - 1].process + shift }
    out.push({ ...e, index: out.length, time: out.length })
  }
  return out
}

describe('checkLinearizable against a brute-force oracle', function () {
  this.timeout(60_000)

  it('a correct register is always linearizable, and the oracle agrees (≤ 7 ops)', () => {
    fc.assert(fc.property(simArb(7, 2, 4), events => {
      expect(checkLinearizable(events).verdict).to.equal('ok')
      expect(oracleLinearizable(events)).to.equal(true)
    }), params(1000))
  })

  it('on perturbed histories the verdict equals the oracle\'s (≤ 7 ops)', () => {
    const seen = { ok: 0, illegal: 0 }
    fc.assert(fc.property(simArb(7, 2, 4), fc.array(perturbationArb, { minLength: 1, maxLength: 3 }), (events, ps) => {
      const h = ps.reduce(perturb, events)
      validateRegisterHistory(h)
      const v = checkLinearizable(h)
      expect(v.verdict).to.not.equal('unknown')
      expect(v.verdict === 'ok').to.equal(oracleLinearizable(h))
      seen[v.verdict === 'ok' ? 'ok' : 'illegal']++
    }), params(3000))
    // The generator must produce both verdicts in quantity, or the agreement proves little.
    expect(seen.ok).to.be.greaterThan(300)
    expect(seen.illegal).to.be.greaterThan(300)
  })

  it('on histories whose reads all return random values the verdict equals the oracle\'s (≤ 7 ops)', () => {
    fc.assert(fc.property(simArb(7, 2, 4), fc.array(fc.nat(), { minLength: 7, maxLength: 7 }), (events, picks) => {
      const h = randomizeReads(events, picks)
      expect(checkLinearizable(h).verdict === 'ok').to.equal(oracleLinearizable(h))
    }), params(1000))
  })

  it('on a lagging register the verdict equals the oracle\'s (≤ 7 ops)', () => {
    fc.assert(fc.property(simArb(7, 2, 4, 2), events => {
      expect(checkLinearizable(events).verdict === 'ok').to.equal(oracleLinearizable(events))
    }), params(1000))
  })

  it('on histories heavy with timeouts (20–50 % info, 1–2 values, random reads) the verdict equals the oracle\'s (≤ 7 ops)', () => {
    fc.assert(fc.property(infoHeavyArb(7, 7), fc.array(fc.nat(), { maxLength: 7 }), (events, picks) => {
      const h = picks.length === 0 ? events : randomizeReads(events, picks)
      expect(checkLinearizable(h).verdict === 'ok').to.equal(oracleLinearizable(h))
    }), params(3000))
  })

  it('on medium histories heavy with timeouts the verdict equals the plain search\'s (≤ 30 ops)', () => {
    fc.assert(fc.property(infoHeavyArb(30, 5), fc.array(fc.nat(), { maxLength: 3 }), (events, picks) => {
      const h = picks.length === 0 ? events : randomizeReads(events, picks)
      const plain = checkLinearizable(h, { infoRules: false })
      fc.pre(plain.verdict !== 'unknown')
      expect(checkLinearizable(h).verdict).to.equal(plain.verdict)
    }), params(1000))
  })

  it('a merge of two independent histories is linearizable iff both are', () => {
    const key = (k: string) => (e: RegisterEvent): RegisterEvent => ({ ...e, key: `${k}:${e.key}` })
    fc.assert(fc.property(simArb(7, 1, 3), simArb(7, 1, 3), fc.array(perturbationArb, { maxLength: 2 }), fc.array(fc.nat(), { maxLength: 20 }), (a, b, ps, choices) => {
      const a2 = ps.reduce(perturb, a).map(key('a'))
      const b2 = b.map(key('b'))
      const expected = checkLinearizable(a2).verdict === 'ok' && checkLinearizable(b2).verdict === 'ok'
      const merged = merge(a2, b2, choices)
      validateRegisterHistory(merged)
      expect(checkLinearizable(merged).verdict === 'ok').to.equal(expected)
    }), params(500))
  })

  it('larger runs of a correct register (≤ 60 ops, ≤ 3 keys, ≤ 8 clients) are linearizable', () => {
    fc.assert(fc.property(simArb(60, 3, 8), events => {
      expect(checkLinearizable(events).verdict).to.equal('ok')
    }), params(500))
  })

  it('one hot key with 6–10 concurrent clients (≤ 200 ops) is linearizable, within the default budget', () => {
    const hot = fc.record({
      choices: fc.array(fc.noBias(fc.nat({ max: 0xffff })), { minLength: 1600, maxLength: 3200 }),
      clients: fc.integer({ min: 6, max: 10 }),
      valueDomain: fc.integer({ min: 0, max: 3 }),
      infoPct: fc.constantFrom(0, 2, 5)
    }).map(r => simulateRegister(listChooser(r.choices), { clients: r.clients, keys: ['hot'], ops: 200, valueDomain: r.valueDomain, infoPct: r.infoPct, failPct: 5 }))
    fc.assert(fc.property(hot, events => {
      expect(checkLinearizable(events).verdict).to.equal('ok')
    }), params(100))
  })
})

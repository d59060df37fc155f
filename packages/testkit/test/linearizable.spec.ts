/* Goal: the linearizability checker accepts the classic legal register histories and rejects the classic illegal ones, with a witness that names the op that cannot be linearized; info and fail semantics, cas, delete, the split by key, the budget (unknown) and input validation behave as documented; a 5,000-op history from a correct register passes and one from a lagging register fails. Method: hand-written histories through the recorder, plus seeded simulated histories (test/fixtures/register-sim.ts). */
import { expect } from 'aegir/chai'
import { checkLinearizable, RegisterHistory } from '../src/index.ts'
import { seededChooser, simulateRegister } from './fixtures/register-sim.ts'
import type { LinearizabilityResult, RegisterEvent, ValueInput } from '../src/index.ts'

/** A recorder with a clock that ticks once per event, and short names for ops. */
function recorder (): {
  h: RegisterHistory
  w(p: number, key: string, v: ValueInput): void
  r(p: number, key: string): void
  cas(p: number, key: string, expected: ValueInput, v: ValueInput): void
  del(p: number, key: string): void
  ok(p: number, v?: ValueInput): void
  fail(p: number): void
  info(p: number): void
  check(): LinearizabilityResult
} {
  const h = new RegisterHistory()
  let t = 0
  return {
    h,
    w: (p, key, v) => { h.invoke(p, t++, { f: 'write', key, value: v }) },
    r: (p, key) => { h.invoke(p, t++, { f: 'read', key }) },
    cas: (p, key, expected, v) => { h.invoke(p, t++, { f: 'cas', key, expected, value: v }) },
    del: (p, key) => { h.invoke(p, t++, { f: 'delete', key }) },
    ok: (p, v) => { h.ok(p, t++, v) },
    fail: (p) => { h.fail(p, t++) },
    info: (p) => { h.info(p, t++) },
    check: () => checkLinearizable(h.events)
  }
}

describe('checkLinearizable', () => {
  it('accepts the empty history', () => {
    expect(checkLinearizable([])).to.deep.include({ verdict: 'ok', keys: { checked: 0, ok: 0, illegal: [], unknown: [] } })
  })

  it('accepts a sequential write then read', () => {
    const x = recorder()
    x.w(1, 'k', 'a'); x.ok(1)
    x.r(2, 'k'); x.ok(2, 'a')
    expect(x.check().verdict).to.equal('ok')
  })

  it('rejects a stale read after a completed write, naming the read', () => {
    const x = recorder()
    x.w(1, 'k', 'a'); x.ok(1)
    x.w(1, 'k', 'b'); x.ok(1)
    x.r(2, 'k'); x.ok(2, 'a')
    const v = x.check()
    expect(v.verdict).to.equal('illegal')
    if (v.verdict !== 'illegal') { return }
    expect(v.key).to.equal('k')
    expect(v.witness.op).to.include({ f: 'read', value: 'a', process: 2 })
    expect(v.witness.state).to.equal('b')
    expect(v.witness.linearized.map(o => o.value)).to.deep.equal(['a', 'b'])
    expect(v.witness.pending.map(o => o.f)).to.deep.equal(['read'])
  })

  it('rejects a read of a value never written, and of nothing after a write', () => {
    const x = recorder()
    x.r(1, 'k'); x.ok(1, 'ghost')
    expect(x.check().verdict).to.equal('illegal')
    const y = recorder()
    y.w(1, 'k', 'a'); y.ok(1)
    y.r(2, 'k'); y.ok(2, null)
    expect(y.check().verdict).to.equal('illegal')
  })

  it('accepts a read concurrent with a write returning either the old or the new value', () => {
    for (const seen of [null, 'a']) {
      const x = recorder()
      x.w(1, 'k', 'a')
      x.r(2, 'k')
      x.ok(2, seen)
      x.ok(1)
      expect(x.check().verdict, `read saw ${seen}`).to.equal('ok')
    }
  })

  it('rejects reads that disagree on the order of two completed concurrent writes', () => {
    const x = recorder()
    x.w(1, 'k', 'a'); x.w(2, 'k', 'b'); x.ok(1); x.ok(2)
    x.r(3, 'k'); x.ok(3, 'b')
    x.r(3, 'k'); x.ok(3, 'a')
    const v = x.check()
    expect(v.verdict).to.equal('illegal')
    if (v.verdict === 'illegal') { expect(v.witness.op).to.include({ f: 'read', value: 'a' }) }
  })

  it('accepts two concurrent writes seen in the order opposite to their invocations', () => {
    const x = recorder()
    x.w(1, 'k', 'a'); x.w(2, 'k', 'b'); x.ok(1); x.ok(2)
    x.r(3, 'k'); x.ok(3, 'a')
    x.r(3, 'k'); x.ok(3, 'a')
    expect(x.check().verdict).to.equal('ok')
  })

  it('the witness is the furthest point the search reached, not the first dead end', () => {
    const x = recorder()
    x.w(1, 'k', 'a'); x.w(2, 'k', 'b'); x.ok(1); x.ok(2)
    x.r(3, 'k'); x.ok(3, 'a') // first try (a then b) dies here; b then a passes
    x.w(1, 'k', 'c'); x.ok(1)
    x.r(3, 'k'); x.ok(3, 'a') // stale: c had completed
    const v = x.check()
    expect(v.verdict).to.equal('illegal')
    if (v.verdict !== 'illegal') { return }
    expect(v.witness.op.invokeIndex).to.equal(8)
    expect(v.witness.state).to.equal('c')
    expect(v.witness.linearized.map(o => `${o.f}:${o.value}`)).to.deep.equal(['write:b', 'write:a', 'read:a', 'write:c'])
    expect(v.witness.linearizedCount).to.equal(4)
  })

  it('accepts concurrent reads that flip once while a write is in flight, rejects a flip back', () => {
    const x = recorder()
    x.w(1, 'k', 'a'); x.ok(1)
    x.w(1, 'k', 'b')
    x.r(2, 'k'); x.ok(2, 'a')
    x.r(2, 'k'); x.ok(2, 'b')
    x.ok(1)
    expect(x.check().verdict).to.equal('ok')
    const y = recorder()
    y.w(1, 'k', 'a'); y.ok(1)
    y.w(1, 'k', 'b')
    y.r(2, 'k'); y.ok(2, 'b')
    y.r(2, 'k'); y.ok(2, 'a')
    y.ok(1)
    expect(y.check().verdict).to.equal('illegal')
  })

  describe('cas', () => {
    it('an ok cas needs the expected value and installs the new one', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.cas(1, 'k', 'a', 'b'); x.ok(1)
      x.r(2, 'k'); x.ok(2, 'b')
      expect(x.check().verdict).to.equal('ok')
    })

    it('rejects an ok cas whose expected value the register cannot hold', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.cas(1, 'k', 'z', 'b'); x.ok(1)
      const v = x.check()
      expect(v.verdict).to.equal('illegal')
      if (v.verdict === 'illegal') { expect(v.witness.op).to.include({ f: 'cas', expected: 'z', value: 'b' }) }
    })

    it('a failed cas never took effect (even if its comparison could have held)', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.cas(1, 'k', 'a', 'b'); x.fail(1)
      x.r(2, 'k'); x.ok(2, 'a')
      expect(x.check().verdict).to.equal('ok')
      const y = recorder()
      y.w(1, 'k', 'a'); y.ok(1)
      y.cas(1, 'k', 'a', 'b'); y.fail(1)
      y.r(2, 'k'); y.ok(2, 'b')
      expect(y.check().verdict).to.equal('illegal')
    })

    it('cas from null creates an absent key once; two creates cannot both succeed', () => {
      const x = recorder()
      x.cas(1, 'k', null, 'a'); x.ok(1)
      x.r(1, 'k'); x.ok(1, 'a')
      expect(x.check().verdict).to.equal('ok')
      const y = recorder()
      y.cas(1, 'k', null, 'a'); y.cas(2, 'k', null, 'b'); y.ok(1); y.ok(2)
      expect(y.check().verdict).to.equal('illegal')
    })

    it('two concurrent cas from the same value: one wins, the other fails', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.cas(1, 'k', 'a', 'b'); x.cas(2, 'k', 'a', 'c'); x.ok(1); x.fail(2)
      x.r(3, 'k'); x.ok(3, 'b')
      expect(x.check().verdict).to.equal('ok')
    })
  })

  describe('info and fail', () => {
    it('an info write may take effect late: seen only by a read that follows a read that missed it', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.info(1)
      x.r(2, 'k'); x.ok(2, null)
      x.r(2, 'k'); x.ok(2, 'a')
      expect(x.check().verdict).to.equal('ok')
    })

    it('an info write may never take effect', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.w(2, 'k', 'b'); x.info(2)
      x.r(3, 'k'); x.ok(3, 'a')
      x.r(3, 'k'); x.ok(3, 'a')
      expect(x.check().verdict).to.equal('ok')
    })

    it('an info write takes effect at most once, and not before its invocation', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.w(2, 'k', 'b'); x.info(2)
      x.r(3, 'k'); x.ok(3, 'b')
      x.r(3, 'k'); x.ok(3, 'a')
      expect(x.check().verdict).to.equal('illegal')
      const y = recorder()
      y.r(3, 'k'); y.ok(3, 'b')
      y.w(2, 'k', 'b'); y.info(2)
      expect(y.check().verdict).to.equal('illegal')
    })

    it('an op still open at the end counts as info', () => {
      const x = recorder()
      x.w(1, 'k', 'a')
      x.r(2, 'k'); x.ok(2, 'a')
      expect(x.check().verdict).to.equal('ok')
    })

    it('an info cas may take effect; an info read constrains nothing', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.cas(2, 'k', 'a', 'b'); x.info(2)
      x.r(3, 'k'); x.info(3)
      x.r(4, 'k'); x.ok(4, 'b')
      expect(x.check().verdict).to.equal('ok')
    })

    it('a failed write never took effect', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.fail(1)
      x.r(2, 'k'); x.ok(2, 'a')
      expect(x.check().verdict).to.equal('illegal')
    })
  })

  describe('delete', () => {
    it('delete then read is null', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.del(1, 'k'); x.ok(1)
      x.r(2, 'k'); x.ok(2, null)
      expect(x.check().verdict).to.equal('ok')
    })

    it('rejects the old value after a completed delete', () => {
      const x = recorder()
      x.w(1, 'k', 'a'); x.ok(1)
      x.del(1, 'k'); x.ok(1)
      x.r(2, 'k'); x.ok(2, 'a')
      expect(x.check().verdict).to.equal('illegal')
    })
  })

  it('checks keys independently and reports the illegal key and the tallies', () => {
    const x = recorder()
    x.w(1, 'a', '1'); x.w(2, 'b', '1'); x.ok(1); x.ok(2)
    x.r(1, 'a'); x.r(2, 'b'); x.ok(1, '1'); x.ok(2, null)
    const v = x.check()
    expect(v.verdict).to.equal('illegal')
    if (v.verdict !== 'illegal') { return }
    expect(v.key).to.equal('b')
    expect(v.keys).to.deep.equal({ checked: 2, ok: 1, illegal: ['b'], unknown: [] })
  })

  it('takes the initial value as an option and records bytes as hex', () => {
    const x = recorder()
    x.r(1, 'k'); x.ok(1, 'init')
    x.w(1, 'k', Uint8Array.from([0xde, 0xad])); x.ok(1)
    x.r(1, 'k'); x.ok(1, 'dead')
    expect(checkLinearizable(x.h.events, { initial: 'init' }).verdict).to.equal('ok')
    expect(x.check().verdict).to.equal('illegal')
  })

  it('answers unknown when the search budget runs out, not ok', () => {
    // 12 overlapping writes, then a read of a value nobody wrote: proving it illegal means
    // trying every subset of the writes.
    const x = recorder()
    for (let p = 0; p < 12; p++) { x.w(p, 'k', `v${p}`) }
    x.r(99, 'k')
    for (let p = 0; p < 12; p++) { x.ok(p) }
    x.ok(99, 'v-none')
    const tight = checkLinearizable(x.h.events, { statesMax: 100 })
    expect(tight.verdict).to.equal('unknown')
    if (tight.verdict === 'unknown') {
      expect(tight.key).to.equal('k')
      expect(tight.reason).to.match(/budget/)
      expect(tight.keys.unknown).to.deep.equal(['k'])
    }
    expect(checkLinearizable(x.h.events).verdict).to.equal('illegal')
  })

  it('rejects malformed input with a typed error', () => {
    const bad = [{ index: 0, time: 0, process: 1, type: 'ok', f: 'read', key: 'k', value: null }] as RegisterEvent[]
    expect(() => checkLinearizable(bad)).to.throw().with.property('code', 'ERR_INVALID_HISTORY')
  })

  it('passes 5,000 ops of a correct register over 50 keys and 8 clients, with timeouts and refusals', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `key${i}`)
    const events = simulateRegister(seededChooser(1), { clients: 8, keys, ops: 5000, valueDomain: 4, infoPct: 1, failPct: 3 })
    const v = checkLinearizable(events)
    expect(v.verdict).to.equal('ok')
    expect(v.keys.checked).to.equal(50)
  })

  it('fails 5,000 ops of a register whose reads lag by one write', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `key${i}`)
    const events = simulateRegister(seededChooser(2), { clients: 8, keys, ops: 5000, valueDomain: 0, infoPct: 1, failPct: 3, lag: 1 })
    const v = checkLinearizable(events)
    expect(v.verdict).to.equal('illegal')
    expect(v.keys.illegal.length).to.be.greaterThan(5)
  })
})

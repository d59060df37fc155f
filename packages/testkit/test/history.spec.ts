/* Goal: the recorders write Jepsen-style histories that are plain JSON data, enforce one outstanding op per process and no life after info with assertions, and the validators reject every malformed history read from outside with a typed error. Method: hand-written histories and hand-broken copies. */
import { expect } from 'aegir/chai'
import { encodeValue, registerOperations, RegisterHistory, SetHistory, validateRegisterHistory, validateSetHistory } from '../src/index.ts'
import type { RegisterEvent } from '../src/index.ts'

function sample (): RegisterHistory {
  const h = new RegisterHistory()
  h.invoke(1, 0, { f: 'write', key: 'k', value: 'a' })
  h.invoke(2, 0, { f: 'cas', key: 'k', expected: 'a', value: Uint8Array.from([1, 255]) })
  h.ok(1, 1)
  h.fail(2, 2)
  h.invoke(3, 2, { f: 'read', key: 'k' })
  h.ok(3, 3, 'a')
  h.invoke(4, 4, { f: 'delete', key: 'k' })
  h.info(4, 5)
  h.invoke(5, 6, { f: 'read', key: 'k' })
  return h
}

describe('history recorders', () => {
  it('records indexed events that survive a JSON round trip and validate', () => {
    const h = sample()
    const events = h.events
    expect(events.map(e => e.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(events[1]).to.deep.equal({ index: 1, time: 0, process: 2, type: 'invoke', f: 'cas', key: 'k', value: '01ff', expected: 'a' })
    expect(events[5]).to.include({ type: 'ok', f: 'read', value: 'a' })
    expect(events[7]).to.include({ type: 'info', f: 'delete', value: null })
    const copy: unknown = JSON.parse(JSON.stringify(h))
    expect(copy).to.deep.equal(h.toJSON())
    expect(() => { validateRegisterHistory(copy) }).to.not.throw()
    expect(h.openProcesses).to.deep.equal([5])
  })

  it('pairs events into operations; an op open at the end is info', () => {
    const ops = registerOperations(sample().events)
    expect(ops.map(o => o.status)).to.deep.equal(['ok', 'fail', 'ok', 'info', 'info'])
    expect(ops[2]).to.include({ f: 'read', value: 'a', invokeIndex: 4, completeIndex: 5, invokeTime: 2, completeTime: 3 })
    expect(ops[4]).to.include({ completeIndex: null, completeTime: null })
  })

  it('encodes bytes as lowercase hex and leaves strings and null alone', () => {
    expect(encodeValue(Uint8Array.from([0, 10, 171, 255]))).to.equal('000aabff')
    expect(encodeValue(new Uint8Array(0))).to.equal('')
    expect(encodeValue('x')).to.equal('x')
    expect(encodeValue(null)).to.equal(null)
  })

  it('asserts one outstanding op per process, no op after info, and time that does not go back', () => {
    const h = new RegisterHistory()
    h.invoke(1, 5, { f: 'read', key: 'k' })
    const code = (f: () => unknown): unknown => { try { f() } catch (err: any) { return err.code } }
    expect(code(() => h.invoke(1, 6, { f: 'read', key: 'k' }))).to.equal('ERR_ASSERTION')
    expect(code(() => h.ok(2, 6))).to.equal('ERR_ASSERTION')
    expect(code(() => h.ok(1, 6))).to.equal('ERR_ASSERTION') // a read needs its value
    expect(code(() => h.invoke(2, 4, { f: 'read', key: 'k' }))).to.equal('ERR_ASSERTION')
    expect(code(() => h.invoke(-1, 6, { f: 'read', key: 'k' }))).to.equal('ERR_ASSERTION')
    h.info(1, 6)
    expect(code(() => h.invoke(1, 7, { f: 'read', key: 'k' }))).to.equal('ERR_ASSERTION')
    h.invoke(2, 7, { f: 'write', key: 'k', value: 'v' })
    expect(code(() => h.ok(2, 8, 'v'))).to.equal('ERR_ASSERTION') // only reads complete with a value
    expect(h.events).to.have.length(3)
  })

  it('rejects malformed register histories with ERR_INVALID_HISTORY', () => {
    const good = sample().toJSON()
    const broken: Array<[string, (e: RegisterEvent[]) => unknown]> = [
      ['not an array', () => ({})],
      ['index off', e => { e[3].index = 7; return e }],
      ['time back', e => { e[4].time = 0; return e }],
      ['NaN time', e => { e[4].time = NaN; return e }],
      ['bad type', e => { (e[2] as any).type = 'done'; return e }],
      ['bad f', e => { (e[0] as any).f = 'append'; return e }],
      ['number value', e => { (e[0] as any).value = 3; return e }],
      ['completion of another op', e => { e[2].key = 'other'; return e }],
      ['completion with another value', e => { e[2].value = 'b'; return e }],
      ['completion without invoke', e => e.slice(2).map((x, i) => ({ ...x, index: i }))],
      ['second invoke on a busy process', e => { e[1].process = 1; return e }],
      ['act after info', e => { e[8].process = 4; return e }],
      ['expected on a write', e => { e[0].expected = 'x'; return e }],
      ['value on a delete', e => { e[6].value = 'x'; return e }],
      ['value on a read invoke', e => { e[4].value = 'x'; return e }]
    ]
    for (const [what, breakIt] of broken) {
      const copy = good.map(e => ({ ...e }))
      expect(() => { validateRegisterHistory(breakIt(copy)) }, what).to.throw().with.property('code', 'ERR_INVALID_HISTORY')
    }
  })

  it('records and validates set histories', () => {
    const h = new SetHistory()
    h.invoke(1, 0, { f: 'add', element: '1' })
    h.invoke(2, 0, { f: 'read' })
    h.ok(1, 1)
    h.ok(2, 2, ['1'])
    h.invoke(1, 3, { f: 'add', element: '2' })
    h.info(1, 4)
    expect(h.events[3]).to.include({ type: 'ok', f: 'read' })
    expect(h.events[3].value).to.deep.equal(['1'])
    expect(h.events[5]).to.include({ type: 'info', f: 'add', value: '2' })
    expect(() => { validateSetHistory(JSON.parse(JSON.stringify(h))) }).to.not.throw()
    const bad = h.toJSON()
    bad[3].value = [1] as any
    expect(() => { validateSetHistory(bad) }).to.throw().with.property('code', 'ERR_INVALID_HISTORY')
  })
})

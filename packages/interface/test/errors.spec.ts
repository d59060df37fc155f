/* Goal: errors carry a stable name and code, and assert throws only on falsy conditions. Method: direct calls. */
import { expect } from 'aegir/chai'
import { AssertionError, InvalidParametersError, TimeoutError, assert } from '../src/index.ts'

describe('interface', () => {
  it('assert passes truthy conditions and throws AssertionError with the message otherwise', () => {
    expect(() => { assert(1, 'x') }).to.not.throw()
    for (const bad of [false, 0, '', null, undefined]) {
      expect(() => { assert(bad, 'broken') }).to.throw(AssertionError, 'broken')
    }
    expect(() => { assert(false, () => 'lazy message') }).to.throw('lazy message')
  })

  it('operating errors have stable names and codes', () => {
    const e = new InvalidParametersError('bad k')
    expect(e.name).to.equal('InvalidParametersError')
    expect(e.code).to.equal('ERR_INVALID_PARAMETERS')
    expect(new TimeoutError().code).to.equal('ERR_TIMEOUT')
    expect(new AssertionError('x').code).to.equal('ERR_ASSERTION')
  })
})

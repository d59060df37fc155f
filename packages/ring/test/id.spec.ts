/* Goal: the id helpers (intervals, hex, key hashing) are exact at the ring's edges. Method: table cases. */
import { expect } from 'aegir/chai'
import { ID_MASK, RING_SIZE, cwDist, idFromHex, idToHex, inClosedOpen, inOpenClosed, inOpenOpen, keyToId } from '../src/index.ts'

describe('ring ids', () => {
  it('interval membership wraps around zero', () => {
    expect(inOpenClosed(5n, 3n, 7n)).to.equal(true)
    expect(inOpenClosed(3n, 3n, 7n)).to.equal(false)
    expect(inOpenClosed(7n, 3n, 7n)).to.equal(true)
    expect(inOpenClosed(1n, ID_MASK - 1n, 2n)).to.equal(true)
    expect(inOpenClosed(ID_MASK, ID_MASK - 1n, 2n)).to.equal(true)
    expect(inOpenClosed(5n, ID_MASK - 1n, 2n)).to.equal(false)
    expect(inOpenClosed(9n, 4n, 4n)).to.equal(true)
    expect(inOpenOpen(4n, 4n, 4n)).to.equal(false)
    expect(inClosedOpen(4n, 4n, 9n)).to.equal(true)
  })

  it('clockwise distance is modulo 2^128', () => {
    expect(cwDist(5n, 3n)).to.equal(RING_SIZE - 2n)
    expect(cwDist(3n, 5n)).to.equal(2n)
  })

  it('prints and parses 32 hex digits', () => {
    const id = keyToId('hello')
    const hex = idToHex(id)
    expect(hex).to.match(/^[0-9a-f]{32}$/)
    expect(idFromHex(hex)).to.equal(id)
    expect(idFromHex('xyz')).to.equal(undefined)
    // First 128 bits of SHA-256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e.
    expect(hex).to.equal('2cf24dba5fb0a30e26e83b2ac5b9e29e')
  })
})

/* Goal: the replica census gives, per key, when replication degree r came back after a fault and stayed (and when it first came back), lists keys never restored, and summarizes restore times over keys. Method: hand-written samples. */
import { expect } from 'aegir/chai'
import { checkReplicaCensus } from '../src/index.ts'
import type { CensusSample } from '../src/index.ts'

const s = (key: string, ...points: Array<[number, number]>): CensusSample[] => points.map(([t, copies]) => ({ t, key, copies }))

describe('checkReplicaCensus', () => {
  it('measures restore time from the fault to the point after which the key stays at r', () => {
    const r = checkReplicaCensus([
      ...s('a', [0, 3], [100, 2], [130, 3]),
      ...s('b', [0, 3], [100, 1], [120, 3], [140, 2], [200, 3], [300, 4]),
      ...s('c', [0, 3], [500, 3])
    ], { degree: 3, faultTime: 100 })
    expect(r.perKey.map(k => [k.key, k.restoreTime, k.firstRestoredAt, k.minCopies, k.finalCopies])).to.deep.equal([
      ['a', 30, 130, 2, 3],
      ['b', 100, 120, 1, 4],
      ['c', 0, 100, 3, 3]
    ])
    expect(r.neverRestored).to.deep.equal([])
    expect(r.restoreTime).to.deep.equal({ p50: 30, p99: 100, max: 100, count: 3 })
  })

  it('lists keys below r at their last sample, and required keys without samples, as never restored', () => {
    const r = checkReplicaCensus([
      ...s('a', [0, 3], [100, 2], [150, 3], [160, 2]),
      ...s('b', [0, 3], [100, 3])
    ], { degree: 3, faultTime: 100, keys: ['a', 'b', 'z'] })
    expect(r.neverRestored).to.deep.equal(['a', 'z'])
    expect(r.perKey.find(k => k.key === 'a')).to.deep.include({ restoredAt: null, restoreTime: null, firstRestoredAt: 150 })
    expect(r.perKey.find(k => k.key === 'z')).to.deep.include({ restoredAt: null, minCopies: null })
    expect(r.restoreTime).to.deep.equal({ p50: 0, p99: 0, max: 0, count: 1 })
  })

  it('uses the last sample at or before the fault, accepts unsorted samples, and keeps the later of two at one instant', () => {
    const r = checkReplicaCensus([
      { t: 90, key: 'a', copies: 1 },
      { t: 50, key: 'a', copies: 3 },
      { t: 90, key: 'a', copies: 2 },
      { t: 120, key: 'a', copies: 3 }
    ], { degree: 3, faultTime: 100 })
    expect(r.perKey[0]).to.deep.include({ restoredAt: 120, restoreTime: 20, minCopies: 2 })
  })

  it('a key first seen after the fault counts from its first sample at r', () => {
    const r = checkReplicaCensus(s('a', [150, 3]), { degree: 3, faultTime: 100 })
    expect(r.perKey[0]).to.deep.include({ restoredAt: 150, restoreTime: 50, firstRestoredAt: 150 })
  })

  it('returns null summaries with no restored key, and rejects bad input', () => {
    expect(checkReplicaCensus([], { degree: 3, faultTime: 0 })).to.deep.include({ restoreTime: null, neverRestored: [] })
    const code = (f: () => unknown): unknown => { try { f() } catch (err: any) { return err.code } }
    expect(code(() => checkReplicaCensus([], { degree: 0, faultTime: 0 }))).to.equal('ERR_INVALID_PARAMETERS')
    expect(code(() => checkReplicaCensus([], { degree: 3, faultTime: NaN }))).to.equal('ERR_INVALID_PARAMETERS')
    expect(code(() => checkReplicaCensus([{ t: 0, key: 'a', copies: -1 }], { degree: 3, faultTime: 0 }))).to.equal('ERR_INVALID_PARAMETERS')
  })
})

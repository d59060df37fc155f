/* Goal: the settings every node of a ring shares are named in the protocol id (so libp2p keeps nodes that differ apart) and kept in the store file (so a node started with another r or consistency on it refuses to start, and leaves the file as it was); a peer's other store protocol is found among its protocols; a damaged settings row is refused as corruption. Method: the pure helpers on tables of cases; checkFileSettings on real SQLite files under os.tmpdir(), written by the backend or edited with raw SQL. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { expect } from 'aegir/chai'
import { STORE_PROTOCOL } from '../src/constants.ts'
import { openSqliteBackend } from '../src/db/sqlite-backend.ts'
import { NO_STORE, checkFileSettings, describeProfile, otherStoreProtocol, settingsProfile, storeProtocolId } from '../src/settings.ts'
import type { ReplicaRecord } from '../src/core/backend.ts'

const record = (slot: number): ReplicaRecord => ({ key: Uint8Array.of(1, 2), slot, rid: 5n, promised: { n: 1, by: 'aa' }, accepted: { n: 1, by: 'aa' }, value: Uint8Array.of(9), version: 1 })

describe('ring settings', () => {
  let tmp: string
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'selfmgmt-settings-')) })
  after(() => { fs.rmSync(tmp, { recursive: true, force: true }) })
  let n = 0
  const file = (): string => path.join(tmp, `store-${n++}.db`)

  it('name r, consistency and read leases in the protocol id (leases only with linearizable consistency)', () => {
    expect(settingsProfile({ r: 4, consistency: 'linearizable', leases: true })).to.equal('r4-linearizable-leases')
    expect(settingsProfile({ r: 4, consistency: 'linearizable', leases: false })).to.equal('r4-linearizable')
    expect(settingsProfile({ r: 1, consistency: 'none', leases: true })).to.equal('r1-none')
    expect(storeProtocolId(STORE_PROTOCOL, { r: 3, consistency: 'linearizable', leases: true })).to.equal('/selfmgmt/store/1.0.0/r3-linearizable-leases')
    expect(describeProfile('r5-linearizable')).to.equal('r = 5, linearizable, read leases off')
    expect(describeProfile('r4-none')).to.equal('r = 4, no consistency (benchmark baseline)')
    expect(describeProfile('x7')).to.equal('unknown settings (x7)')
  })

  it('find a peer\'s store protocol of other settings among its protocols; none when it serves ours or no store', () => {
    const ours = `${STORE_PROTOCOL}/r4-linearizable-leases`
    const theirs = `${STORE_PROTOCOL}/r3-linearizable-leases`
    expect(otherStoreProtocol(['/ipfs/id/1.0.0', theirs], STORE_PROTOCOL, ours)).to.equal(theirs)
    expect(otherStoreProtocol(['/ipfs/id/1.0.0', ours], STORE_PROTOCOL, ours)).to.equal(undefined)
    expect(otherStoreProtocol([ours, theirs], STORE_PROTOCOL, ours)).to.equal(undefined)
    expect(otherStoreProtocol(['/ipfs/id/1.0.0', '/selfmgmt/ring/1.0.0'], STORE_PROTOCOL, ours)).to.equal(undefined)
    // Given the ring's protocol: a ring member that serves no store is NO_STORE; a store peer is not.
    expect(otherStoreProtocol(['/ipfs/id/1.0.0', '/selfmgmt/ring/1.0.0'], STORE_PROTOCOL, ours, '/selfmgmt/ring/1.0.0')).to.equal(NO_STORE)
    expect(otherStoreProtocol(['/selfmgmt/ring/1.0.0', theirs], STORE_PROTOCOL, ours, '/selfmgmt/ring/1.0.0')).to.equal(theirs)
    expect(otherStoreProtocol(['/selfmgmt/ring/1.0.0', ours], STORE_PROTOCOL, ours, '/selfmgmt/ring/1.0.0')).to.equal(undefined)
    // A version from before the settings were in the id serves the base alone.
    expect(otherStoreProtocol([STORE_PROTOCOL], STORE_PROTOCOL, ours)).to.equal(STORE_PROTOCOL)
    // Only the same base: another protocol that merely starts with the same letters is not ours.
    expect(otherStoreProtocol([`${STORE_PROTOCOL}x`], STORE_PROTOCOL, ours)).to.equal(undefined)
  })

  it('are saved in a new store file, and accepted again when they match', () => {
    const p = file()
    const db = openSqliteBackend(p)
    expect(db.loadSettings()).to.equal(undefined)
    checkFileSettings(db, { r: 4, consistency: 'linearizable' })
    db.close()
    const again = openSqliteBackend(p)
    expect(again.loadSettings()).to.deep.equal({ r: 4, consistency: 'linearizable' })
    checkFileSettings(again, { r: 4, consistency: 'linearizable' })
    again.close()
  })

  it('refuse another r or consistency than the file was written with, and change nothing in it', () => {
    const p = file()
    const db = openSqliteBackend(p)
    checkFileSettings(db, { r: 4, consistency: 'linearizable' })
    db.put(record(3))
    for (const wanted of [{ r: 3, consistency: 'linearizable' as const }, { r: 5, consistency: 'linearizable' as const }, { r: 4, consistency: 'none' as const }]) {
      let err: any
      try {
        checkFileSettings(db, wanted)
      } catch (e) {
        err = e
      }
      expect(err?.name, JSON.stringify(wanted)).to.equal('SettingsMismatchError')
      expect(err.code).to.equal('ERR_SETTINGS_MISMATCH')
      expect(err.saved).to.deep.equal({ r: 4, consistency: 'linearizable' })
      expect(err.wanted).to.deep.equal(wanted)
      expect(err.message).to.include(`${p} holds replicas written with r = 4 (linearizable), and this node was started with r = ${wanted.r} (${wanted.consistency})`)
    }
    expect(db.loadSettings()).to.deep.equal({ r: 4, consistency: 'linearizable' })
    expect(db.size()).to.equal(1)
    db.close()
  })

  it('in a file from before they were saved, are taken from the records when every slot fits r, and refused when one does not', () => {
    const fits = file()
    const a = openSqliteBackend(fits)
    a.put(record(2))
    checkFileSettings(a, { r: 3, consistency: 'linearizable' })
    expect(a.loadSettings()).to.deep.equal({ r: 3, consistency: 'linearizable' })
    a.close()
    const wider = file()
    const b = openSqliteBackend(wider)
    b.put(record(3))
    expect(() => { checkFileSettings(b, { r: 3, consistency: 'linearizable' }) }).to.throw(`${wider} holds replicas of slot 3, so it was written with r > 3, and this node was started with r = 3`).with.property('name', 'SettingsMismatchError')
    expect(b.loadSettings()).to.equal(undefined)
    b.close()
  })

  it('in a damaged settings row are refused as corruption, naming the file', () => {
    const p = file()
    const db = openSqliteBackend(p)
    checkFileSettings(db, { r: 4, consistency: 'linearizable' })
    db.close()
    for (const bad of ['{"r":0,"consistency":"linearizable"}', '{"r":4,"consistency":"eventual"}', 'not json', '{"r":"4","consistency":"linearizable"}']) {
      const raw = new DatabaseSync(p)
      raw.prepare('UPDATE meta SET value = ? WHERE name = \'settings\'').run(bad)
      raw.close()
      const again = openSqliteBackend(p)
      expect(() => again.loadSettings(), bad).to.throw(`${p} is damaged: its saved ring settings are not valid`).with.property('name', 'CorruptDatabaseError')
      again.close()
    }
  })
})

/**
 * The on-disk {@link ReplicaBackend} of a node: one SQLite file, through `node:sqlite`'s synchronous
 * API, so the store core calls it exactly as it calls the in-memory backend.
 *
 * Durability policy. The file is always in WAL mode (`journal_mode=WAL`). Every put, putMany and
 * deleteRange is one SQLite transaction, so a crash leaves each of them wholly done or wholly undone,
 * never half done, under either setting of `sync`:
 * - `'full'` (default, `synchronous=FULL`): the WAL is fsynced at every commit, so a write is on
 * stable storage when the call returns. An acceptor's promise must survive a crash for CASPaxos to
 * stay safe, hence the default.
 * - `'normal'` (`synchronous=NORMAL`): the WAL is fsynced only at checkpoints. A power loss may drop
 * the last transactions before the crash (a process crash loses nothing), but never corrupts the
 * file. Only for nodes whose replicas are rebuilt by repair after a restart.
 *
 * Format. `PRAGMA application_id` marks the file as a selfmgmt store and `PRAGMA user_version` holds
 * the schema version. Records live in one table keyed by (key, slot); `rid` is stored as 32 lower-case
 * hex digits, so SQL's binary text order is ring order, and an index on (rid, key) serves the range
 * scans. Ballots are (n INTEGER, by TEXT); an absent value is NULL. The replica's meta (which arcs
 * it served ready, at which incarnation, and its fences: {@link ReplicaMeta}) is one JSON row of the
 * table `meta`, ids as hex. Version 1 files (no meta table) are upgraded in place at open.
 *
 * Damage. At open, a file that is not SQLite, is another application's database, has an unknown
 * schema version or fails `PRAGMA quick_check` is refused with {@link CorruptDatabaseError}, never
 * used or overwritten. Rows are validated as they are read; a bad row or a corruption error from
 * SQLite is a {@link CorruptDatabaseError} too.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { assert } from '@selfmgmt/interface'
import { ID_MASK, idAdd, idSub, idToHex, isRingId } from '@selfmgmt/ring'
import { equals } from 'uint8arrays/equals'
import { fromString } from 'uint8arrays/from-string'
import { arcSegments } from '../core/memory-backend.ts'
import { CorruptDatabaseError } from '../errors.ts'
import type { Ballot, ReplicaBackend, ReplicaMeta, ReplicaRecord } from '../core/backend.ts'
import type { EpochArc } from '../core/epochs.ts'
import type { RingId } from '@selfmgmt/ring'
import type { SQLOutputValue, StatementSync } from 'node:sqlite'

/** `PRAGMA application_id` of a selfmgmt store: "SMst" in ASCII. */
export const STORE_APPLICATION_ID = 0x534d7374
/** Schema version written to `PRAGMA user_version`; a file with another version is refused. */
export const STORE_SCHEMA_VERSION = 2
/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000
/** Errors `PRAGMA quick_check` reports at most (and that go into the error message). */
export const QUICK_CHECK_ERRORS_MAX = 10
/** Characters of a bad value quoted in a {@link CorruptDatabaseError} message at most. */
const QUOTE_CHARS_MAX = 80

/** SQLite's primary result codes for a damaged file and for a file that is not a database. */
const SQLITE_CORRUPT = 11
const SQLITE_NOTADB = 26

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = fromString('SQLite format 3\0', 'ascii')

const RID_HEX_RE = /^[0-9a-f]{32}$/
/** Sorts after every text value in SQLite, so `rid <= EMPTY_BLOB` bounds nothing. */
const EMPTY_BLOB = new Uint8Array(0)

const COLUMNS = ['key', 'slot', 'rid', 'promised_n', 'promised_by', 'accepted_n', 'accepted_by', 'value', 'version'] as const
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM records`
const ORDER = 'ORDER BY rid, key, slot LIMIT ?'

const META_SCHEMA = 'CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;'
/** Arcs a saved meta may name at most per list (far above what a node keeps: epochs are capped at 4,096 spans). */
const META_ARCS_MAX = 65_536

const SCHEMA = `
CREATE TABLE records (
  key BLOB NOT NULL,
  slot INTEGER NOT NULL,
  rid TEXT NOT NULL,
  promised_n INTEGER NOT NULL,
  promised_by TEXT NOT NULL,
  accepted_n INTEGER NOT NULL,
  accepted_by TEXT NOT NULL,
  value BLOB,
  version INTEGER NOT NULL,
  PRIMARY KEY (key, slot)
) STRICT, WITHOUT ROWID;
CREATE INDEX records_by_rid ON records (rid, key);
${META_SCHEMA}
PRAGMA application_id = ${STORE_APPLICATION_ID};
PRAGMA user_version = ${STORE_SCHEMA_VERSION};
`

/** Options of {@link openSqliteBackend}. */
/** What a store file remembers of the ring it holds replicas of: settings every node of a ring shares. */
export interface StoreFileSettings {
  r: number
  consistency: 'linearizable' | 'none'
}

export interface SqliteBackendOptions {
  /** `'full'` (default): each write is durable when it returns; `'normal'`: durable at WAL checkpoints. */
  sync?: 'full' | 'normal'
}

/**
 * Opens (creating it if new) the store file at `path`.
 *
 * @throws {CorruptDatabaseError} when the file is not SQLite, is damaged, is another application's database or has an unknown schema version
 */
export function openSqliteBackend (path: string, options: SqliteBackendOptions = {}): SqliteBackend {
  const sync = options.sync ?? 'full'
  assert(sync === 'full' || sync === 'normal', `sync must be 'full' or 'normal', got ${String(sync)}`)
  checkMagic(path)
  const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS })
  try {
    initialise(db, path)
    verify(db, path)
    const mode = db.prepare('PRAGMA journal_mode = WAL').get()?.journal_mode
    if (mode !== 'wal') { throw new Error(`${path}: cannot switch the store to WAL mode (journal_mode is ${String(mode)})`) }
    db.exec(`PRAGMA synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}; PRAGMA cell_size_check = ON; PRAGMA trusted_schema = OFF`)
    return new SqliteBackend(db, path)
  } catch (err) {
    db.close()
    throw corruptionOf(err, path)
  }
}

/** A {@link ReplicaBackend} on one SQLite file; see the file's header for the durability policy. Made by {@link openSqliteBackend}. */
export class SqliteBackend implements ReplicaBackend {
  /** The file this backend reads and writes. */
  readonly path: string
  private readonly db: DatabaseSync
  private readonly getStmt: StatementSync
  private readonly putStmt: StatementSync
  private readonly rangeStmt: StatementSync
  private readonly rangeAfterStmt: StatementSync
  private readonly deleteStmt: StatementSync
  private readonly sizeStmt: StatementSync
  private readonly metaGetStmt: StatementSync
  private readonly metaPutStmt: StatementSync
  private readonly settingsGetStmt: StatementSync
  private readonly settingsPutStmt: StatementSync
  private readonly maxSlotStmt: StatementSync
  private readonly beginStmt: StatementSync
  private readonly commitStmt: StatementSync
  private readonly rollbackStmt: StatementSync

  /** A batch is open: writes go into one transaction, begun at the first of them. */
  private batching = false
  /** That transaction has begun (the batch wrote something). */
  private begun = false

  /** Use {@link openSqliteBackend}, which checks the file first. */
  constructor (db: DatabaseSync, path: string) {
    this.db = db
    this.path = path
    // Row reads return integers as bigint, so an out-of-range integer is refused by decodeRow, not thrown as a RangeError.
    this.getStmt = db.prepare(`${SELECT} WHERE key = ? AND slot = ?`, { readBigInts: true })
    this.putStmt = db.prepare(`INSERT OR REPLACE INTO records (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`)
    this.rangeStmt = db.prepare(`${SELECT} WHERE rid >= ? AND rid <= ? ${ORDER}`, { readBigInts: true })
    this.rangeAfterStmt = db.prepare(`${SELECT} WHERE rid >= ? AND rid <= ? AND (rid, key) > (?, ?) ${ORDER}`, { readBigInts: true })
    this.deleteStmt = db.prepare('DELETE FROM records WHERE rid >= ? AND rid <= ?')
    this.sizeStmt = db.prepare('SELECT count(*) AS n FROM records')
    this.metaGetStmt = db.prepare('SELECT value FROM meta WHERE name = \'replica\'')
    this.metaPutStmt = db.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (\'replica\', ?)')
    this.settingsGetStmt = db.prepare('SELECT value FROM meta WHERE name = \'settings\'')
    this.settingsPutStmt = db.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (\'settings\', ?)')
    this.maxSlotStmt = db.prepare('SELECT max(slot) AS m FROM records')
    this.beginStmt = db.prepare('BEGIN IMMEDIATE')
    this.commitStmt = db.prepare('COMMIT')
    this.rollbackStmt = db.prepare('ROLLBACK')
  }

  get (key: Uint8Array, slot: number): ReplicaRecord | undefined {
    assert(key instanceof Uint8Array && isSlot(slot), 'get takes a byte key and a slot')
    return this.guard(() => {
      const row = this.getStmt.get(key, slot)
      return row === undefined ? undefined : decodeRow(row, this.path)
    })
  }

  put (rec: ReplicaRecord): void {
    const params = encodeRecord(rec)
    this.guard(() => {
      this.joinBatch()
      this.putStmt.run(...params)
    })
  }

  putMany (recs: readonly ReplicaRecord[]): void {
    const rows = recs.map(encodeRecord)
    if (rows.length === 0) { return }
    this.transaction(() => {
      for (const params of rows) { this.putStmt.run(...params) }
    })
  }

  range (lo: RingId, hi: RingId, limit: number, after?: { rid: RingId, key: Uint8Array }): ReplicaRecord[] {
    assert(isRingId(lo) && isRingId(hi), 'range takes ring ids')
    assert(after === undefined || (isRingId(after.rid) && after.key instanceof Uint8Array), 'range: after is a (rid, key) cursor')
    const out: ReplicaRecord[] = []
    if (!(limit > 0)) { return out }
    // Ring position of x in the arc: 0 for lo + 1, growing clockwise (as MemoryBackend orders it).
    const start = idAdd(lo, 1n)
    const posAfter = after === undefined ? undefined : idSub(after.rid, start)
    return this.guard(() => {
      for (const [a, b] of arcSegments(lo, hi)) {
        const remaining = limit - out.length
        if (remaining <= 0) { break }
        const sqlLimit = remaining >= Number.MAX_SAFE_INTEGER ? -1 : Math.ceil(remaining)
        // At the ends of the ring the bounds take in every text (all text sorts at or after '' and
        // before any blob), so a row whose rid is not hex is read, and refused, rather than never seen.
        const from = a === 0n ? '' : idToHex(a)
        const to = b === ID_MASK ? EMPTY_BLOB : idToHex(b)
        let rows: Array<Record<string, SQLOutputValue>>
        if (after === undefined || posAfter === undefined || posAfter < idSub(a, start)) {
          rows = this.rangeStmt.all(from, to, sqlLimit)
        } else if (posAfter > idSub(b, start)) {
          continue // the cursor is past the whole segment
        } else {
          rows = this.rangeAfterStmt.all(from, to, idToHex(after.rid), after.key, sqlLimit)
        }
        for (const row of rows) { out.push(decodeRow(row, this.path)) }
      }
      assert(out.length <= limit, 'range returns at most limit records')
      return out
    })
  }

  deleteRange (lo: RingId, hi: RingId): number {
    assert(isRingId(lo) && isRingId(hi), 'deleteRange takes ring ids')
    let n = 0
    // Strict hex bounds: a row whose rid is not hex is never deleted unseen; range and get refuse it.
    this.transaction(() => {
      for (const [a, b] of arcSegments(lo, hi)) {
        n += Number(this.deleteStmt.run(idToHex(a), idToHex(b)).changes)
      }
    })
    return n
  }

  size (): number {
    return this.guard(() => {
      const n = this.sizeStmt.get()?.n
      assert(typeof n === 'number' && n >= 0, 'count(*) is a number')
      return n
    })
  }

  loadMeta (): ReplicaMeta | undefined {
    return this.guard(() => {
      const row = this.metaGetStmt.get()
      return row === undefined ? undefined : decodeMeta(row.value, this.path)
    })
  }

  saveMeta (meta: ReplicaMeta): void {
    const text = encodeMeta(meta)
    this.guard(() => {
      this.joinBatch()
      this.metaPutStmt.run(text)
    })
  }

  /**
   * The ring settings the file's records were written under (see the service's settings check);
   * undefined in a file that never saved them (a new one, or one from before they were saved).
   */
  loadSettings (): StoreFileSettings | undefined {
    return this.guard(() => {
      const row = this.settingsGetStmt.get()
      return row === undefined ? undefined : decodeSettings(row.value, this.path)
    })
  }

  /** Saves the settings (at once, durable: outside any batch). */
  saveSettings (settings: StoreFileSettings): void {
    const text = JSON.stringify({ r: settings.r, consistency: settings.consistency })
    this.transaction(() => { this.settingsPutStmt.run(text) })
  }

  /** The highest slot of any record (undefined when there are none). */
  maxSlot (): number | undefined {
    return this.guard(() => {
      const m = this.maxSlotStmt.get()?.m
      return m === null || m === undefined ? undefined : Number(m)
    })
  }

  /** Closes the file (idempotent); the backend is unusable afterwards. */
  close (): void {
    if (this.batching && this.db.isOpen) { this.commitBatch() }
    if (this.db.isOpen) { this.db.close() }
  }

  /**
   * Group commit: every write until {@link commitBatch} goes into one transaction, made durable
   * by one fsync at its commit. The caller must hold back every answer that depends on those
   * writes until commitBatch returns (the store service does). The transaction begins at the
   * batch's first write: a batch that only reads (most of a read-heavy load's) costs no
   * BEGIN and COMMIT, and its reads see what the last commit left, as they would inside it.
   */
  beginBatch (): void {
    this.batching = true
  }

  /** Commits the writes since {@link beginBatch}; a failure is thrown (the node must stop: answers were held back). */
  commitBatch (): void {
    if (!this.batching) { return }
    this.batching = false
    if (!this.begun) { return }
    this.begun = false
    this.guard(() => { this.commitStmt.run() })
  }

  /** Inside a batch, begins its transaction before its first write. */
  private joinBatch (): void {
    if (!this.batching || this.begun) { return }
    this.beginStmt.run()
    this.begun = true
  }

  /** Runs `fn` in one write transaction (or inside the open batch); rolls back and rethrows on any error. */
  private transaction (fn: () => void): void {
    if (this.batching) {
      this.guard(() => {
        this.joinBatch()
        fn()
      })
      return
    }
    this.guard(() => {
      assert(!this.db.isTransaction, 'store transactions do not nest')
      this.beginStmt.run()
      try {
        fn()
        this.commitStmt.run()
      } catch (err) {
        if (this.db.isTransaction) { this.rollbackStmt.run() }
        throw err
      }
    })
  }

  /** Runs `fn`, turning SQLite's corruption errors into {@link CorruptDatabaseError}. */
  private guard<T> (fn: () => T): T {
    try {
      return fn()
    } catch (err) {
      throw corruptionOf(err, this.path)
    }
  }
}

/** Creates the schema in a new, empty file, upgrades a version 1 store; leaves any other file alone for {@link verify}. */
function initialise (db: DatabaseSync, path: string): void {
  const { appId, version } = readHeader(db, path)
  if (appId === STORE_APPLICATION_ID && version === 1) {
    // Version 1 had no meta table: add it. The store then has no meta, as if it never saved one.
    // A damaged file is refused before anything is written to it.
    quickCheck(db, path)
    db.exec('BEGIN IMMEDIATE')
    try {
      if (readHeader(db, path).version === 1) { db.exec(`${META_SCHEMA} PRAGMA user_version = ${STORE_SCHEMA_VERSION};`) }
      db.exec('COMMIT')
    } catch (err) {
      if (db.isTransaction) { db.exec('ROLLBACK') }
      throw err
    }
    return
  }
  if (!isEmptyDatabase(db, path)) { return }
  db.exec('BEGIN IMMEDIATE')
  try {
    // Another process may have created the store while we waited for the lock.
    if (isEmptyDatabase(db, path)) { db.exec(SCHEMA) }
    db.exec('COMMIT')
  } catch (err) {
    if (db.isTransaction) { db.exec('ROLLBACK') }
    throw err
  }
}

/** True for a new file: SQLite, no application id, no schema version, no tables. */
function isEmptyDatabase (db: DatabaseSync, path: string): boolean {
  const { appId, version } = readHeader(db, path)
  const objects = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get()?.n
  return appId === 0 && version === 0 && objects === 0
}

function readHeader (db: DatabaseSync, path: string): { appId: number, version: number } {
  const appId = db.prepare('PRAGMA application_id').get()?.application_id
  const version = db.prepare('PRAGMA user_version').get()?.user_version
  if (typeof appId !== 'number' || typeof version !== 'number') {
    throw new CorruptDatabaseError(`${path}: cannot read the database header`)
  }
  return { appId, version }
}

/** Refuses a file that is not a selfmgmt store of this schema version, or that fails quick_check. */
function verify (db: DatabaseSync, path: string): void {
  const { appId, version } = readHeader(db, path)
  if (appId !== STORE_APPLICATION_ID) {
    throw new CorruptDatabaseError(`${path} is not a selfmgmt store: it is a SQLite database with application_id 0x${(appId >>> 0).toString(16)}, expected 0x${STORE_APPLICATION_ID.toString(16)} (another application's database?)`)
  }
  if (version !== STORE_SCHEMA_VERSION) {
    throw new CorruptDatabaseError(`${path} is a selfmgmt store of schema version ${version}; this code reads version ${STORE_SCHEMA_VERSION}`)
  }
  quickCheck(db, path)
  const columns = db.prepare('SELECT name FROM pragma_table_info(\'records\') ORDER BY cid').all().map(r => r.name)
  if (columns.join(',') !== COLUMNS.join(',')) {
    throw new CorruptDatabaseError(`${path} is a selfmgmt store whose records table has columns (${columns.join(', ')}), expected (${COLUMNS.join(', ')})`)
  }
  const meta = db.prepare('SELECT name FROM pragma_table_info(\'meta\') ORDER BY cid').all().map(r => r.name)
  if (meta.join(',') !== 'name,value') {
    throw new CorruptDatabaseError(`${path} is a selfmgmt store of schema version ${STORE_SCHEMA_VERSION} without a valid meta table (columns: ${meta.join(', ') || 'none'})`)
  }
}

function quickCheck (db: DatabaseSync, path: string): void {
  const problems = db.prepare(`PRAGMA quick_check(${QUICK_CHECK_ERRORS_MAX})`).all().map(r => String(r.quick_check))
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new CorruptDatabaseError(`${path} is damaged: PRAGMA quick_check reports ${problems.join('; ')}`)
  }
}

/** `err` as a {@link CorruptDatabaseError} when SQLite reports corruption or a non-database file; otherwise `err` itself. */
function corruptionOf (err: unknown, path: string): unknown {
  if (err instanceof CorruptDatabaseError) { return err }
  const code = (err as { errcode?: unknown } | null)?.errcode
  const primary = typeof code === 'number' ? code & 0xff : undefined
  if (primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB) {
    const what = primary === SQLITE_NOTADB ? 'is not a SQLite database' : 'is damaged'
    return new CorruptDatabaseError(`${path} ${what}: ${(err as Error).message}`, { cause: err })
  }
  return err
}

/**
 * Refuses a non-empty file that does not start with SQLite's magic header: SQLite itself would
 * take a file shorter than its header for a new database and write over it.
 */
function checkMagic (path: string): void {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') { return } // a new store
    throw err
  }
  try {
    const head = new Uint8Array(SQLITE_MAGIC.length)
    const n = readSync(fd, head, 0, head.length, 0)
    if (n === 0) { return } // an empty file is a new database
    if (n < head.length || !equals(head, SQLITE_MAGIC)) {
      throw new CorruptDatabaseError(`${path} is not a SQLite database: it does not start with the SQLite header`)
    }
  } finally {
    closeSync(fd)
  }
}

function isSlot (x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 0
}

function isCount (x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 0
}

function isBallot (b: unknown): b is Ballot {
  return typeof b === 'object' && b !== null && isCount((b as Ballot).n) && typeof (b as Ballot).by === 'string'
}

/** A meta as the JSON text of the meta table: arcs as [lo, hi] and epochs as [lo, hi, n, by], ids in hex. */
function encodeMeta (m: ReplicaMeta): string {
  const arc = (x: { lo: RingId, hi: RingId }): [string, string] => {
    assert(isRingId(x.lo) && isRingId(x.hi), 'meta arcs are ring ids')
    return [idToHex(x.lo), idToHex(x.hi)]
  }
  const epoch = (x: EpochArc): [string, string, number, string] => {
    assert(isBallot(x.e), 'meta epochs are (n >= 0, by)')
    return [...arc(x), x.e.n, x.e.by]
  }
  return JSON.stringify({ ready: m.ready.map(arc), own: m.own.map(epoch), fences: m.fences.map(epoch), ...(m.committed === undefined ? {} : { committed: m.committed.map(epoch) }) })
}

/** The meta of the JSON text, or {@link CorruptDatabaseError} when it is not what encodeMeta writes. */
function decodeMeta (text: SQLOutputValue, path: string): ReplicaMeta {
  const bad = (what: string): CorruptDatabaseError => new CorruptDatabaseError(`${path} is damaged: the replica meta ${what}`)
  if (typeof text !== 'string') { throw bad('is not text') }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw bad('is not JSON')
  }
  const list = (x: unknown, name: string): unknown[] => {
    if (!Array.isArray(x) || x.length > META_ARCS_MAX) { throw bad(`has no valid ${name} list`) }
    return x
  }
  const id = (x: unknown, name: string): RingId => {
    if (typeof x !== 'string' || !RID_HEX_RE.test(x)) { throw bad(`has an invalid ring id in ${name}`) }
    return BigInt('0x' + x)
  }
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const ready = list(obj.ready, 'ready').map(x => {
    if (!Array.isArray(x) || x.length !== 2) { throw bad('has an invalid ready arc') }
    return { lo: id(x[0], 'ready'), hi: id(x[1], 'ready') }
  })
  const epochs = (name: string): EpochArc[] => list(obj[name], name).map(x => {
    const e = Array.isArray(x) && x.length === 4 ? { n: x[2], by: x[3] } : undefined
    if (!Array.isArray(x) || !isBallot(e)) { throw bad(`has an invalid entry in ${name}`) }
    return { lo: id(x[0], name), hi: id(x[1], name), e }
  })
  return { ready, own: epochs('own'), fences: epochs('fences'), ...(obj.committed === undefined ? {} : { committed: epochs('committed') }) }
}

/** The settings of the JSON text, or {@link CorruptDatabaseError} when it is not what saveSettings writes. */
function decodeSettings (text: SQLOutputValue, path: string): StoreFileSettings {
  let raw: any
  try {
    raw = typeof text === 'string' ? JSON.parse(text) : undefined
  } catch {
    raw = undefined
  }
  const r = raw?.r
  const consistency = raw?.consistency
  if (!Number.isSafeInteger(r) || r < 1 || (consistency !== 'linearizable' && consistency !== 'none')) {
    throw new CorruptDatabaseError(`${path} is damaged: its saved ring settings are not valid (${String(text).slice(0, 80)})`)
  }
  return { r, consistency }
}

/** The statement parameters of a record, in {@link COLUMNS} order. */
function encodeRecord (rec: ReplicaRecord): [Uint8Array, number, string, number, string, number, string, Uint8Array | null, number] {
  assert(rec.key instanceof Uint8Array, 'record key is bytes')
  assert(isSlot(rec.slot), () => `record slot is a non-negative integer, got ${rec.slot}`)
  assert(isRingId(rec.rid), 'record rid is a ring id')
  assert(isBallot(rec.promised) && isBallot(rec.accepted), 'record ballots are (n >= 0, by)')
  assert(rec.value === undefined || rec.value instanceof Uint8Array, 'record value is bytes or undefined')
  assert(isCount(rec.version), () => `record version is a non-negative integer, got ${rec.version}`)
  const rid = idToHex(rec.rid)
  assert(RID_HEX_RE.test(rid), 'encoded rid is 32 hex digits, as decodeRow expects')
  return [rec.key, rec.slot, rid, rec.promised.n, rec.promised.by, rec.accepted.n, rec.accepted.by, rec.value ?? null, rec.version]
}

/** A column read as bigint as a number when it is a safe integer; undefined otherwise. */
function safeInteger (x: SQLOutputValue): number | undefined {
  if (typeof x !== 'bigint' || x > BigInt(Number.MAX_SAFE_INTEGER) || x < BigInt(Number.MIN_SAFE_INTEGER)) { return undefined }
  return Number(x)
}

/** A row as a record, or {@link CorruptDatabaseError} when any column is not what the store writes. */
function decodeRow (row: Record<string, SQLOutputValue>, path: string): ReplicaRecord {
  const { key, rid, value } = row
  const slot = safeInteger(row.slot)
  const version = safeInteger(row.version)
  const bad = (what: string, x: unknown): CorruptDatabaseError => {
    const shown = (typeof x === 'bigint' ? `${x}` : JSON.stringify(x instanceof Uint8Array ? `<${x.length} bytes>` : x) ?? String(x)).slice(0, QUOTE_CHARS_MAX)
    return new CorruptDatabaseError(`${path} is damaged: a record has an invalid ${what} (${shown})`)
  }
  if (!(key instanceof Uint8Array)) { throw bad('key', key) }
  if (!isSlot(slot)) { throw bad('slot', row.slot) }
  if (typeof rid !== 'string' || !RID_HEX_RE.test(rid)) { throw bad('rid', rid) }
  if (!(value === null || value instanceof Uint8Array)) { throw bad('value', value) }
  if (!isCount(version)) { throw bad('version', row.version) }
  const promised = { n: safeInteger(row.promised_n), by: row.promised_by }
  const accepted = { n: safeInteger(row.accepted_n), by: row.accepted_by }
  if (!isBallot(promised)) { throw bad('promised ballot', `${row.promised_n}/${row.promised_by}`) }
  if (!isBallot(accepted)) { throw bad('accepted ballot', `${row.accepted_n}/${row.accepted_by}`) }
  const rec: ReplicaRecord = { key, slot, rid: BigInt('0x' + rid), promised, accepted, version }
  if (value !== null) { rec.value = value }
  assert(idToHex(rec.rid) === rid, 'decoded rid prints back as stored')
  return rec
}

/* Goal: the node identity persists in its data directory (same peer id and ring id on every start, the key file private to its owner), and a key file that exists but is unusable (garbage, truncated, empty, the wrong key type, too large, a directory) is refused with a clear error and left untouched, never silently replaced by a new identity. Method: createNode and loadOrCreateIdentity on temporary directories. */
import { lstat, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateKeyPair, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { expect } from 'aegir/chai'
import { createNode, defaults, loadOrCreateIdentity } from '../src/index.ts'
import { removeDir, ringIdHexOf, tempDir } from './fixtures/util.ts'
import type { SelfmgmtNode } from '../src/index.ts'

const KEY_FILE = defaults.KEY_FILE

async function expectRejected (p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

describe('identity', function () {
  this.timeout(30_000)
  const dirs: string[] = []
  const nodes: SelfmgmtNode[] = []

  async function dataDir (): Promise<string> {
    const d = await tempDir('identity')
    dirs.push(d)
    return d
  }

  afterEach(async function () {
    this.timeout(30_000)
    await Promise.all(nodes.splice(0).map(async n => n.stop()))
  })

  after(async () => {
    await Promise.all(dirs.map(async d => removeDir(d)))
  })

  it('createNode twice on the same data dir: same peer id and ring id; a new dir: a new identity', async () => {
    const dir = await dataDir()
    const first = await createNode({ dataDir: dir, listen: ['/ip4/127.0.0.1/tcp/0'], dht: false })
    nodes.push(first)
    const peerId = first.peerId.toString()
    const ringId = first.ringId
    expect(first.peerId.type).to.equal('Ed25519')
    await first.stop()
    const st = await stat(join(dir, KEY_FILE))
    expect(st.mode & 0o777, 'the key file is private to its owner').to.equal(defaults.KEY_FILE_MODE)
    const keyBytes = await readFile(join(dir, KEY_FILE))

    const second = await createNode({ dataDir: dir, listen: ['/ip4/127.0.0.1/tcp/0'], dht: false, apiPort: 0 })
    nodes.push(second)
    expect(second.peerId.toString()).to.equal(peerId)
    expect(second.ringId).to.equal(ringId)
    const status = await (await fetch(`${second.apiUrl}/v1/status`, { signal: AbortSignal.timeout(5000) })).json()
    expect(status.peerId).to.equal(peerId)
    expect(status.ringId).to.equal(ringIdHexOf(peerId))
    expect(await readFile(join(dir, KEY_FILE)), 'the key file is not rewritten').to.deep.equal(keyBytes)

    const other = await createNode({ dataDir: await dataDir(), listen: ['/ip4/127.0.0.1/tcp/0'], dht: false })
    nodes.push(other)
    expect(other.peerId.toString()).to.not.equal(peerId)
  })

  it('creates a missing data dir, owner-only', async () => {
    const dir = join(await dataDir(), 'a', 'b')
    const id = await loadOrCreateIdentity(dir)
    expect(id.created).to.equal(true)
    expect((await stat(dir)).mode & 0o777).to.equal(defaults.DATA_DIR_MODE)
    const again = await loadOrCreateIdentity(dir)
    expect(again.created).to.equal(false)
    expect(again.privateKey.publicKey.toString()).to.equal(id.privateKey.publicKey.toString())
  })

  it('concurrent first starts on one data dir agree on one identity', async () => {
    const dir = await dataDir()
    const ids = await Promise.all(Array.from({ length: 8 }, async () => loadOrCreateIdentity(dir)))
    expect(new Set(ids.map(i => i.privateKey.publicKey.toString())).size).to.equal(1)
    expect(ids.filter(i => i.created)).to.have.length(1)
  })

  const corruptions: Array<{ name: string, bytes(): Promise<Uint8Array> }> = [
    { name: 'garbage', bytes: async () => new TextEncoder().encode('this is not a key\n') },
    { name: 'a truncated key', bytes: async () => privateKeyToProtobuf(await generateKeyPair('Ed25519')).subarray(0, 20) },
    { name: 'an empty file', bytes: async () => new Uint8Array(0) },
    { name: 'a secp256k1 key', bytes: async () => privateKeyToProtobuf(await generateKeyPair('secp256k1')) },
    { name: 'a file over the size limit', bytes: async () => new Uint8Array(defaults.KEY_FILE_BYTES_MAX + 1).fill(7) }
  ]

  for (const c of corruptions) {
    it(`a key file holding ${c.name} is refused (KeyFileCorruptError) and left untouched`, async () => {
      const dir = await dataDir()
      const file = join(dir, KEY_FILE)
      const bytes = await c.bytes()
      await writeFile(file, bytes, { mode: 0o600 })
      const err = await expectRejected(createNode({ dataDir: dir, listen: ['/ip4/127.0.0.1/tcp/0'], dht: false, apiPort: 0 }).then(n => { nodes.push(n) }))
      expect(err.name).to.equal('KeyFileCorruptError')
      expect(err.code).to.equal('ERR_KEY_FILE_CORRUPT')
      expect(err.message).to.include(file)
      expect(await readFile(file), 'the key file is unchanged').to.deep.equal(Buffer.from(bytes))
    })
  }

  it('a directory in place of the key file is refused (KeyFileUnreadableError)', async () => {
    const dir = await dataDir()
    await mkdir(join(dir, KEY_FILE))
    const err = await expectRejected(loadOrCreateIdentity(dir))
    expect(err.name).to.equal('KeyFileUnreadableError')
    expect(err.code).to.equal('ERR_KEY_FILE_UNREADABLE')
    expect(err.message).to.include('not a regular file')
    expect((await stat(join(dir, KEY_FILE))).isDirectory()).to.equal(true)
  })

  it('an unreadable key file (a symlink loop) is refused (KeyFileUnreadableError)', async () => {
    const dir = await dataDir()
    const file = join(dir, KEY_FILE)
    await symlink(file, file) // stat fails with ELOOP, even for root
    const err = await expectRejected(loadOrCreateIdentity(dir))
    expect(err.name).to.equal('KeyFileUnreadableError')
    expect(err.code).to.equal('ERR_KEY_FILE_UNREADABLE')
    expect(err.message).to.include(`cannot read the key file ${file}`)
    expect((await lstat(file)).isSymbolicLink(), 'left in place').to.equal(true)
  })

  it('a data dir that cannot be created is a DataDirError', async () => {
    const dir = await dataDir()
    await writeFile(join(dir, 'file'), 'x')
    const err = await expectRejected(loadOrCreateIdentity(join(dir, 'file', 'sub')))
    expect(err.name).to.equal('DataDirError')
    expect(err.code).to.equal('ERR_DATA_DIR')
  })
})

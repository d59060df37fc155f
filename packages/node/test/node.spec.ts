/* Goal: createNode's life cycle and options: bad options are refused before anything starts; a node stopped right after it started stays stopped (no ring created behind its back, no timer left running), stop is idempotent and ends waitForJoin; a node that cannot join is not a member and its API says so (503 with a JSON error); the store runs by default with its records in <dataDir>/store.db and the replication asked for, not at all with store: false (then /v1/kv answers 503), a listen address or API port in use stops the start with ListenFailedError, a second node on a data directory in use does not start (DataDirInUseError) and a lock left by a dead process is taken over, and a damaged store.db stops the start with CorruptDatabaseError (one written with another replication degree with SettingsMismatchError), leaves the file as it was and frees the ports. A node that created a ring alone because the peers it remembers were away merges its ring with theirs once they are back (before: it stayed apart for good). Method: in-process nodes on temporary data dirs (for the merge: ring only, A on a fixed port stopped and started again, C remembering only A). */
import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { expect } from 'aegir/chai'
import { createNode } from '../src/index.ts'
import { savePeers } from '../src/peer-cache.ts'
import { closedPort, httpRequest, removeDir, report, sleep, tempDir, waitUntil } from './fixtures/util.ts'
import type { NodeOptions, SelfmgmtNode } from '../src/index.ts'

/** Nothing listens on these ports: each can be bound again (a start that failed freed them). */
async function expectPortsFree (ports: number[]): Promise<void> {
  for (const p of ports) {
    const server = createServer()
    await new Promise<void>((resolve, reject) => { server.once('error', reject).listen(p, '127.0.0.1', resolve) })
    await new Promise<void>(resolve => { server.close(() => { resolve() }) })
  }
}

async function rejection (p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

/** Bound on the merge of two rings: the first look for remembered peers comes 1.5-2.5 s after the ring was created, then unification takes a few ring rounds. */
const MERGE_MAX_MS = 30_000

const neighbours = (n: SelfmgmtNode): string[] => {
  const st = n.ring.getRoutingState()
  return [...st.succList, ...st.predList].map(x => x.addr)
}

describe('createNode', function () {
  this.timeout(30_000)
  const dirs: string[] = []
  const nodes: SelfmgmtNode[] = []

  /** A node on a new temporary data dir, or on `dataDir` (a restart). */
  async function start (options: Omit<NodeOptions, 'dataDir'>, dataDir?: string): Promise<SelfmgmtNode> {
    if (dataDir === undefined) {
      dataDir = await tempDir('node')
      dirs.push(dataDir)
    }
    const node = await createNode({ dataDir, listen: ['/ip4/127.0.0.1/tcp/0'], dht: false, ...options })
    nodes.push(node)
    return node
  }

  after(async function () {
    this.timeout(30_000)
    await Promise.all(nodes.map(async n => n.stop()))
    await Promise.all(dirs.map(async d => removeDir(d)))
  })

  it('refuses bad options with an InvalidParametersError naming them', async () => {
    const dataDir = await tempDir('node-options')
    dirs.push(dataDir)
    const cases: Array<[Partial<NodeOptions>, string]> = [
      [{ dataDir: '' }, 'dataDir'],
      [{ apiPort: 70000 }, 'apiPort'],
      [{ apiPort: 1.5 }, 'apiPort'],
      [{ listen: ['not a multiaddr'] }, 'listen'],
      [{ bootstrap: ['/ip4/127.0.0.1/tcp/1'] }, '/p2p/'],
      [{ pingIntervalMs: 1000, predTimeoutMs: 1000 }, 'predTimeoutMs'],
      [{ pingIntervalMs: -1 }, 'pingIntervalMs'],
      [{ lookupTimeoutMs: 5000, operationTimeoutMs: 5000 }, 'operationTimeoutMs'],
      [{ suspectProbeMinMs: 2000, suspectProbeMaxMs: 1000 }, 'suspectProbeMaxMs'],
      [{ k: 3 }, 'geometry'],
      [{ replication: 0 }, 'replication'],
      [{ replication: 9 }, 'replication'],
      [{ replication: 2.5 }, 'replication'],
      [{ replication: '4' as any }, 'replication'],
      [{ storeSync: 'fast' as any }, 'storeSync'],
      [{ store: 'yes' as any }, 'store']
    ]
    for (const [options, names] of cases) {
      const err = await rejection(createNode({ dataDir, ...options } as NodeOptions))
      expect(err.name, JSON.stringify(options)).to.equal('InvalidParametersError')
      expect(err.message, JSON.stringify(options)).to.include(names)
    }
  })

  it('stopped right after it started, a node stays stopped (no ring created after the stop)', async () => {
    const node = await start({ apiPort: 0 })
    await node.stop()
    // The join loop was reading the remembered peers when stop() ran; it must not create a ring afterwards.
    await sleep(500)
    expect(node.ring.isMember(), 'a member after stop()').to.equal(false)
    expect(node.libp2p.status).to.equal('stopped')
    await node.stop() // idempotent
    const err = await rejection(node.waitForJoin())
    expect(err.name).to.equal('AbortError')
  })

  it('a node that cannot join is no member, and its API answers lookups with 503 ERR_NOT_MEMBER', async () => {
    const peer = await start({})
    const deadAddr = `/ip4/127.0.0.1/tcp/${await closedPort()}/p2p/${peer.peerId.toString()}`
    await peer.stop()
    const node = await start({ apiPort: 0, bootstrap: [deadAddr] })
    await sleep(300)
    const status = await httpRequest(`${node.apiUrl}/v1/status`, { method: 'GET' })
    expect(status.status).to.equal(200)
    expect(status.json.member).to.equal(false)
    const res = await httpRequest(`${node.apiUrl}/v1/lookup`, { method: 'POST', body: JSON.stringify({ key: 'hello' }) })
    expect(res.status, res.body).to.equal(503)
    expect(res.json).to.deep.equal({ error: { code: 'ERR_NOT_MEMBER', message: res.json?.error?.message } })
    expect(res.json.error.message).to.include('not a ring member')
    // stop() ends a join still retrying, promptly.
    const stopping = performance.now()
    await node.stop()
    expect(performance.now() - stopping).to.be.below(5000)
    expect(node.ring.isMember()).to.equal(false)
  })

  it('runs the store by default (records in <dataDir>/store.db, r as asked) and none with store: false', async () => {
    const node = await start({ apiPort: 0, replication: 3, storeSync: 'normal' })
    await node.waitForJoin({ signal: AbortSignal.timeout(20_000) })
    expect(node.store).to.not.equal(undefined)
    expect(node.options).to.include({ store: true, replication: 3, storeSync: 'normal', readLeases: true })
    await waitUntil('the store ready', 10_000, async () => node.store?.getState().pending.length === 0 ? [] : ['pending'])
    expect((await node.store?.put('a key', new TextEncoder().encode('a value')))?.version).to.equal(1)
    const status = await httpRequest(`${node.apiUrl}/v1/status`, { method: 'GET' })
    expect(status.json.store).to.deep.equal({ r: 3, quorum: 3, ready: true, pendingArcs: 0, stalledArcs: 0, colocated: true, records: 3, readLeases: true, leaseReads: 0, otherSettings: [] })
    // SQLite's header: the records are in the data directory.
    expect((await readFile(join(node.dataDir, 'store.db'))).subarray(0, 16).toString('latin1')).to.equal('SQLite format 3\0')

    const none = await start({ apiPort: 0, store: false })
    await none.waitForJoin({ signal: AbortSignal.timeout(20_000) })
    expect(none.store).to.equal(undefined)
    expect(none.libp2p.services.store).to.equal(undefined)
    expect((await httpRequest(`${none.apiUrl}/v1/status`, { method: 'GET' })).json.store).to.equal(null)
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await httpRequest(`${none.apiUrl}/v1/kv/a%20key`, { method, body: method === 'PUT' ? 'x' : undefined })
      expect(res.status, res.body).to.equal(503)
      expect(res.json.error.code).to.equal('ERR_NO_STORE')
    }
    await readFile(join(none.dataDir, 'store.db')).then(() => expect.fail('store.db written with store: false'), (err: any) => { expect(err.code).to.equal('ENOENT') })
  })

  it('with readLeases, the store on three real nodes reads back every write from every node, and the keys\' homes answer gets from their own copies', async function () {
    this.timeout(90_000)
    const te = new TextEncoder()
    const td = new TextDecoder()
    const first = await start({ replication: 3, storeSync: 'normal', readLeases: true, apiPort: 0 })
    await first.waitForJoin({ signal: AbortSignal.timeout(20_000) })
    expect(first.options).to.include({ readLeases: true })
    const bootstrap = [first.libp2p.getMultiaddrs()[0].toString()]
    const nodes = [first]
    for (let i = 0; i < 2; i++) {
      const n = await start({ replication: 3, storeSync: 'normal', readLeases: true, bootstrap })
      await n.waitForJoin({ signal: AbortSignal.timeout(20_000) })
      nodes.push(n)
    }
    await waitUntil('every store ready', 30_000, async () => nodes.flatMap((n, i) => n.store?.getState().pending.length === 0 ? [] : [`node ${i} pending`]), 200)
    const keys = Array.from({ length: 12 }, (_, i) => `leased ${i}`)
    for (const [i, k] of keys.entries()) { await nodes[i % 3].store?.put(k, te.encode(`${k} v1`)) }
    // Every node reads every key a few times (the homes confirm them, then answer from their copies).
    const readAll = async (want: string): Promise<void> => {
      for (let round = 0; round < 3; round++) {
        for (const n of nodes) {
          for (const k of keys) { expect(td.decode((await n.store?.get(k))?.value), k).to.equal(`${k} ${want}`) }
        }
      }
    }
    await readAll('v1')
    // Writes from other nodes than the last readers: every node sees them at once.
    for (const [i, k] of keys.entries()) { await nodes[(i + 1) % 3].store?.put(k, te.encode(`${k} v2`)) }
    await readAll('v2')
    // A home answers from its copy once it holds grants, which are not given over an arc for its
    // first 2.4 s ready (the quiet time): so within a few rounds, not at once (on a loaded machine
    // all of the reads above can fall in that window).
    const leaseReads = (): number => nodes.reduce((a, n) => a + (n.store?.getState().counters.leaseReads ?? 0), 0)
    let rounds = 0
    await waitUntil('the homes answering gets from their own copies', 30_000, async () => {
      const before = leaseReads()
      await readAll('v2')
      rounds++
      const got = leaseReads() - before
      return got > keys.length ? [] : [`${got} of ${3 * 3 * keys.length} gets in round ${rounds} from a home's copy`]
    }, 500)
    report(`${leaseReads()} of ${(2 + rounds) * 3 * 3 * keys.length} gets answered from a home's copy (${rounds} extra rounds of reads)`)
    // The status says so.
    const status = (await httpRequest(`${first.apiUrl}/v1/status`, { method: 'GET' })).json.store
    expect(status).to.include({ readLeases: true, leaseReads: first.store?.getState().counters.leaseReads })
  })

  it('a store that cannot be used yet (not a ring member) answers /v1/kv with 503 ERR_NOT_MEMBER', async () => {
    const peer = await start({})
    const deadAddr = `/ip4/127.0.0.1/tcp/${await closedPort()}/p2p/${peer.peerId.toString()}`
    await peer.stop()
    const node = await start({ apiPort: 0, bootstrap: [deadAddr] })
    const res = await httpRequest(`${node.apiUrl}/v1/kv/hello`, { method: 'PUT', body: 'x' })
    expect(res.status, res.body).to.equal(503)
    expect(res.json.error.code).to.equal('ERR_NOT_MEMBER')
    expect((await httpRequest(`${node.apiUrl}/v1/status`, { method: 'GET' })).json.store).to.include({ ready: false })
  })

  it('a damaged store.db stops the start with CorruptDatabaseError; the file is kept and the ports are free', async () => {
    const dataDir = await tempDir('node-corrupt')
    dirs.push(dataDir)
    // A first start creates the identity and the database; then the database is overwritten with garbage.
    const first = await createNode({ dataDir, dht: false })
    await first.stop()
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0x5a)])
    await writeFile(join(dataDir, 'store.db'), garbage)
    const port = await closedPort()
    const apiPort = await closedPort()
    const err = await rejection(createNode({ dataDir, dht: false, listen: [`/ip4/127.0.0.1/tcp/${port}`], apiPort }))
    expect(err.name).to.equal('CorruptDatabaseError')
    expect(err.code).to.equal('ERR_CORRUPT_DATABASE')
    expect(err.message).to.include(join(dataDir, 'store.db'))
    expect(err.message).to.include('did not start')
    expect((await readFile(join(dataDir, 'store.db'))).equals(garbage), 'the file is left as it was').to.equal(true)
    await expectPortsFree([port, apiPort])
  })

  it('one node per data directory: a second start on it fails with DataDirInUseError and the first keeps running; once the first stops the directory is free; a lock left by a process that is gone is taken over', async () => {
    const dataDir = await tempDir('node-lock')
    dirs.push(dataDir)
    const first = await start({ store: false }, dataDir)
    await first.waitForJoin({ signal: AbortSignal.timeout(20_000) })
    const held = JSON.parse(await readFile(join(dataDir, 'node.lock'), 'utf8'))
    expect(held.pid).to.equal(process.pid)
    // (In this test the holder is this very process, which runs: the same answer as another live process.)
    const err = await rejection(createNode({ dataDir, dht: false, store: false, listen: ['/ip4/127.0.0.1/tcp/0'] }))
    expect(err.name).to.equal('DataDirInUseError')
    expect(err.code).to.equal('ERR_DATA_DIR_IN_USE')
    expect(err.message).to.include(`the data directory ${dataDir} is in use by process ${process.pid}`)
    expect(first.ring.isMember()).to.equal(true)
    await first.stop()
    await expect(readFile(join(dataDir, 'node.lock'))).to.eventually.be.rejected.with.property('code', 'ENOENT')
    // A lock whose process is gone (killed before it could remove it).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    await writeFile(join(dataDir, 'node.lock'), JSON.stringify({ pid: Number(gone.stdout), host: hostname(), startedAt: new Date(0).toISOString() }))
    const again = await start({ store: false }, dataDir)
    expect(JSON.parse(await readFile(join(dataDir, 'node.lock'), 'utf8')).pid).to.equal(process.pid)
    await again.stop()
  })

  it('a listen address in use stops the start with ListenFailedError naming it (not libp2p\'s stack and advice about its own options); the data directory is free again', async () => {
    const dataDir = await tempDir('node-listen')
    dirs.push(dataDir)
    await withBusyPort(async port => {
      const err = await rejection(createNode({ dataDir, dht: false, store: false, listen: [`/ip4/127.0.0.1/tcp/${port}`] }))
      expect(err.name).to.equal('ListenFailedError')
      expect(err.code).to.equal('ERR_LISTEN_FAILED')
      expect(err.message).to.include(`the node did not start: cannot listen on /ip4/127.0.0.1/tcp/${port} (listen EADDRINUSE: address already in use 127.0.0.1:${port})`)
      expect(err.message).to.not.include('faultTolerance')
      expect(err.message).to.not.include('    at ')
    })
    // The lock was released: the directory starts a node.
    const again = await start({ store: false }, dataDir)
    await again.stop()
  })

  it('an API port in use stops the start with ListenFailedError naming it and the option; the data directory is free again', async () => {
    const dataDir = await tempDir('node-api-port')
    dirs.push(dataDir)
    await withBusyPort(async port => {
      const err = await rejection(createNode({ dataDir, dht: false, store: false, apiPort: port }))
      expect(err.name).to.equal('ListenFailedError')
      expect(err.message).to.include(`the HTTP API cannot listen on 127.0.0.1:${port}: it is in use (EADDRINUSE); choose another --api-port`)
    })
    const again = await start({ store: false }, dataDir)
    await again.stop()
  })

  it('a store.db written with another replication degree stops the start with SettingsMismatchError; the file is kept and the ports are free', async () => {
    const dataDir = await tempDir('node-settings')
    dirs.push(dataDir)
    const first = await createNode({ dataDir, dht: false, replication: 4 })
    await first.stop()
    const before = await readFile(join(dataDir, 'store.db'))
    const port = await closedPort()
    const apiPort = await closedPort()
    const err = await rejection(createNode({ dataDir, dht: false, replication: 3, listen: [`/ip4/127.0.0.1/tcp/${port}`], apiPort }))
    expect(err.name).to.equal('SettingsMismatchError')
    expect(err.code).to.equal('ERR_SETTINGS_MISMATCH')
    expect(err.message).to.include(`the node did not start: ${join(dataDir, 'store.db')} holds replicas written with r = 4 (linearizable), and this node was started with r = 3`)
    expect(err.message).to.include('--replication on the command line')
    expect((await readFile(join(dataDir, 'store.db'))).equals(before), 'the file is left as it was').to.equal(true)
    await expectPortsFree([port, apiPort])
    // With the file's r it starts.
    const again = await createNode({ dataDir, dht: false, replication: 4 })
    expect(again.store?.getState().r).to.equal(4)
    await again.stop()
  })

  it('a node that created a ring alone because the peers it remembers were away merges its ring with theirs once they are back', async function () {
    this.timeout(90_000)
    const dirA = await tempDir('reunite-a')
    const dirC = await tempDir('reunite-c')
    dirs.push(dirA, dirC)
    const port = await closedPort()
    const listenA = [`/ip4/127.0.0.1/tcp/${port}`]
    const first = await start({ listen: listenA, store: false }, dirA)
    await first.waitForJoin()
    const a = first.peerId.toString()
    await first.stop()

    // C remembers A from an earlier run; A is away, so C creates a ring of its own.
    await savePeers(dirC, [{ peerId: a, multiaddrs: [`${listenA[0]}/p2p/${a}`] }])
    const c = await start({ store: false }, dirC)
    await c.waitForJoin()
    expect(neighbours(c), 'C alone in its ring').to.deep.equal([])

    // A comes back on the same address, remembering nobody: a ring of its own too.
    const again = await start({ listen: listenA, store: false }, dirA)
    await again.waitForJoin()
    expect(again.peerId.toString()).to.equal(a)
    const t0 = performance.now()
    await waitUntil('one ring of A and C', MERGE_MAX_MS, async () => {
      const missing: string[] = []
      if (!neighbours(c).includes(a)) { missing.push('A is not a neighbour of C') }
      if (!neighbours(again).includes(c.peerId.toString())) { missing.push('C is not a neighbour of A') }
      return missing
    }, 200)
    report(`the two rings became one ${Math.round(performance.now() - t0)} ms after A was back`)
    // One ring: each is the other's successor, and a lookup from either finds the same owner.
    expect(again.ring.getRoutingState().succList[0]?.addr).to.equal(c.peerId.toString())
    expect(c.ring.getRoutingState().succList[0]?.addr).to.equal(a)
    for (const key of ['reunite-1', 'reunite-2', 'reunite-3']) {
      const [x, y] = await Promise.all([c.ring.lookup(key), again.ring.lookup(key)])
      expect(x.owner.peerId.toString(), key).to.equal(y.owner.peerId.toString())
    }
  })
})

/** Runs fn with a port of 127.0.0.1 that something else listens on, freed afterwards. */
async function withBusyPort (fn: (port: number) => Promise<void>): Promise<void> {
  const busy = createServer()
  await new Promise<void>(resolve => { busy.listen(0, '127.0.0.1', resolve) })
  try {
    await fn((busy.address() as { port: number }).port)
  } finally {
    await new Promise<void>(resolve => { busy.close(() => { resolve() }) })
  }
}

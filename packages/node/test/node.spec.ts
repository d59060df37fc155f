/* Goal: createNode's life cycle and options: bad options are refused before anything starts; a node stopped right after it started stays stopped (no ring created behind its back, no timer left running), stop is idempotent and ends waitForJoin; a node that cannot join is not a member and its API says so (503 with a JSON error). Method: in-process nodes on temporary data dirs. */
import { expect } from 'aegir/chai'
import { createNode } from '../src/index.ts'
import { closedPort, httpRequest, removeDir, sleep, tempDir } from './fixtures/util.ts'
import type { NodeOptions, SelfmgmtNode } from '../src/index.ts'

async function rejection (p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

describe('createNode', function () {
  this.timeout(30_000)
  const dirs: string[] = []
  const nodes: SelfmgmtNode[] = []

  async function start (options: Omit<NodeOptions, 'dataDir'>): Promise<SelfmgmtNode> {
    const dataDir = await tempDir('node')
    dirs.push(dataDir)
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
      [{ k: 3 }, 'geometry']
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
})

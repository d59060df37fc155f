/* Goal: `selfmgmt demo --nodes 4 --data-dir DIR`, run as a child process, writes DIR/network.json (every node's peerId, ringId, multiaddrs, apiUrl and pid) once all nodes have joined, the listed nodes are live ring members forming one ring, and SIGINT stops the demo with exit code 0 and no node process left. Method: poll for network.json against a deadline, check each node through its API, then SIGINT and check the pids. */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'aegir/chai'
import { ApiClient } from '../src/index.ts'
import { pidAlive, removeDir, ringIdHexOf, ringProblems, spawnCli, tempDir, report, waitUntil, withDeadline } from './fixtures/util.ts'
import type { LocalNodeInfo } from '../src/index.ts'
import type { ChildProcess } from 'node:child_process'

const NODES = 4

describe('selfmgmt demo', function () {
  this.timeout(120_000)
  let dir: string | undefined
  let demo: ChildProcess | undefined
  let stderr = ''
  let listed: LocalNodeInfo[] = []

  after(async function () {
    this.timeout(30_000)
    // Only after a failure is anything left: the demo, then any node it listed.
    if (demo !== undefined && demo.exitCode === null && demo.signalCode === null) { demo.kill('SIGKILL') }
    for (const n of listed) {
      if (Number.isInteger(n.pid) && n.pid > 0 && pidAlive(n.pid)) { process.kill(n.pid, 'SIGKILL') }
    }
    await removeDir(dir)
  })

  it(`writes network.json once ${NODES} nodes joined; SIGINT stops it (exit 0) and every node`, async () => {
    dir = await tempDir('demo')
    const netDir = join(dir, 'net')
    const file = join(netDir, 'network.json')
    const child = spawnCli(['demo', '--nodes', String(NODES), '--data-dir', netDir])
    demo = child
    let stdout = ''
    child.stdout?.setEncoding('utf8').on('data', (s: string) => { stdout += s })
    child.stderr?.setEncoding('utf8').on('data', (s: string) => { stderr += s })
    const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(resolve => {
      child.once('exit', (code, signal) => { resolve({ code, signal }) })
    })
    const running = (): boolean => child.exitCode === null && child.signalCode === null

    const startedAt = performance.now()
    await waitUntil('network.json', 90_000, async () => {
      if (!running()) { throw new Error(`the demo exited early (${String(child.exitCode)}): ${stderr}`) }
      return stat(file).then(() => [], () => ['not written yet'])
    }, 200)
    report(`demo of ${NODES} nodes wrote network.json after ${Math.round(performance.now() - startedAt)} ms`)

    listed = JSON.parse(await readFile(file, 'utf8'))
    expect(listed).to.be.an('array').with.length(NODES)
    for (const n of listed) {
      expect(n).to.have.all.keys('peerId', 'ringId', 'multiaddrs', 'apiUrl', 'pid')
      expect(n.ringId).to.equal(ringIdHexOf(n.peerId))
      expect(n.multiaddrs).to.be.an('array').that.is.not.empty()
      expect(n.multiaddrs.some(a => a.startsWith('/ip4/127.0.0.1/tcp/') && a.endsWith(`/p2p/${n.peerId}`)), n.multiaddrs.join(' ')).to.equal(true)
      expect(n.apiUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(n.pid).to.be.a('number')
      expect(n.pid).to.not.equal(child.pid)
      expect(pidAlive(n.pid), `node pid ${n.pid} runs`).to.equal(true)
    }
    expect(new Set(listed.map(n => n.peerId)).size).to.equal(NODES)

    // Every listed node is a member, says who it is, and together they form one ring.
    await waitUntil(`a consistent ring of the ${NODES} demo nodes`, 15_000, async () => {
      const views = await Promise.all(listed.map(async n => {
        const s = await new ApiClient(n.apiUrl, { timeoutMs: 5000 }).status()
        if (s.peerId !== n.peerId) { throw new Error(`${n.apiUrl} is ${s.peerId}, listed as ${n.peerId}`) }
        return { peerId: s.peerId, ringId: s.ringId, member: s.member, successor: s.successors[0]?.peerId, predecessor: s.predecessor?.peerId }
      }))
      return ringProblems(views)
    })
    await waitUntil('the demo to print its summary', 10_000, async () => stdout.includes(`${NODES} nodes are in the ring`) ? [] : ['no summary yet'])
    expect(stdout).to.include(file)

    child.kill('SIGINT')
    const exit = await withDeadline(exited, 30_000, 'the demo did not exit after SIGINT')
    expect(exit, `the demo's exit (stderr: ${stderr})`).to.deep.equal({ code: 0, signal: null })
    expect(stderr).to.include(`stopped ${NODES} nodes`)
    await waitUntil('every node process gone', 5000, async () => listed.filter(n => pidAlive(n.pid)).map(n => `pid ${n.pid} still runs`))
  })
})

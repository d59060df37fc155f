/* Goal: `selfmgmt demo --nodes 4 --data-dir DIR`, run as a child process, writes DIR/network.json (every node's peerId, ringId, multiaddrs, apiUrl and pid) once all nodes have joined, the listed nodes are live ring members forming one ring, and SIGINT stops the demo with exit code 0 and no node process left; the same command run again on DIR (every node stopped gracefully at once, then restarted from its data dir) serves every key written before the stop. Method: poll for network.json against a deadline, check each node through its API, write keys, then SIGINT and check the pids; run the demo again and read the keys back. */
import { readFile, rm, stat } from 'node:fs/promises'
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

  it('run again on the same data dir, it serves every key written before the stop (the whole ring stopped gracefully at once)', async () => {
    expect(dir, 'the first test ran').to.not.equal(undefined)
    const netDir = join(dir ?? '', 'net')
    const file = join(netDir, 'network.json')
    // Keys written through every node of a fresh demo, then the demo stopped (SIGINT).
    const keys = Array.from({ length: 24 }, (_, i) => `demo key ${i}`)
    const first = await startDemo(netDir, file)
    for (const [i, key] of keys.entries()) {
      await new ApiClient(first.listed[i % first.listed.length].apiUrl, { timeoutMs: 10_000 }).put(key, new TextEncoder().encode(`value ${i}`))
    }
    await first.stop()
    // Again: every key reads back through every node.
    const again = await startDemo(netDir, file)
    const startedAt = performance.now()
    await waitUntil('every key read back after the restart', 90_000, async () => {
      const wrong: string[] = []
      for (const [n, info] of again.listed.entries()) {
        const api = new ApiClient(info.apiUrl, { timeoutMs: 5000 })
        for (const [i, key] of keys.entries()) {
          try {
            const item = await api.get(key)
            const got = item.value === undefined ? '(absent)' : new TextDecoder().decode(item.value)
            if (got !== `value ${i}`) { wrong.push(`node ${n}: ${key} = ${got}`) }
          } catch (err: any) {
            wrong.push(`node ${n}: ${key}: ${String(err?.message)}`)
          }
          if (wrong.length > 0) { return wrong }
        }
      }
      return wrong
    }, 1000)
    report(`every key read back through every node ${Math.round(performance.now() - startedAt)} ms after the restarted demo listed its nodes`)
    await again.stop()
  })

  /** Runs the demo on netDir until it lists its nodes; stop() sends SIGINT and waits for every process to be gone. */
  async function startDemo (netDir: string, file: string): Promise<{ listed: LocalNodeInfo[], stop(): Promise<void> }> {
    // The last run's list, if any, is not this run's.
    await rm(file, { force: true })
    const child = spawnCli(['demo', '--nodes', String(NODES), '--data-dir', netDir])
    demo = child
    let err = ''
    child.stderr?.setEncoding('utf8').on('data', (s: string) => { err += s })
    const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(resolve => {
      child.once('exit', (code, signal) => { resolve({ code, signal }) })
    })
    await waitUntil('network.json', 90_000, async () => {
      if (child.exitCode !== null || child.signalCode !== null) { throw new Error(`the demo exited early (${String(child.exitCode)}): ${err}`) }
      return stat(file).then(() => [], () => ['not written yet'])
    }, 200)
    const nodes: LocalNodeInfo[] = JSON.parse(await readFile(file, 'utf8'))
    listed = nodes
    return {
      listed: nodes,
      stop: async () => {
        child.kill('SIGINT')
        const exit = await withDeadline(exited, 30_000, 'the demo did not exit after SIGINT')
        expect(exit, `the demo's exit (stderr: ${err})`).to.deep.equal({ code: 0, signal: null })
        await waitUntil('every node process gone', 5000, async () => nodes.filter(n => pidAlive(n.pid)).map(n => `pid ${n.pid} still runs`))
      }
    }
  }
})

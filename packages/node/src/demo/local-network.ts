/**
 * A local network of `selfmgmt start` child processes on 127.0.0.1, each with its own data
 * directory (`<dataDir>/node-<i>`) and log file (`node.log` there). The first node creates the
 * ring; the others join in batches through nodes that are already members; every wait is
 * bounded and watched through the nodes' HTTP APIs. Used by `selfmgmt demo` and by the tests.
 */
import { spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AbortError, assert } from '@selfmgmt/interface'
import { ApiClient } from '../api/client.ts'
import * as K from '../constants.ts'
import { NodeStartFailedError } from '../errors.ts'
import { ensureDataDir } from '../identity.ts'
import type { AbortOptions } from '@libp2p/interface'
import type { ChildProcess } from 'node:child_process'
import type { Readable } from 'node:stream'

/** One node as listed in network.json. */
export interface LocalNodeInfo {
  peerId: string
  ringId: string
  multiaddrs: string[]
  apiUrl: string
  pid: number
}

export interface LocalNetworkInit {
  /** Parent of the nodes' data directories; network.json is written here. */
  dataDir: string
  /** The `selfmgmt` entry point to run (default: this package's dist/src/bin.js). */
  binPath?: string
  /** Extra `selfmgmt start` arguments for every node (timeouts, geometry ...). */
  nodeArgs?: string[]
  /** Nodes started at once after the first (default DEMO_START_BATCH). */
  batch?: number
  /** Progress lines for people. */
  onProgress?(message: string): void
}

interface Exit { code: number | null, signal: NodeJS.Signals | null }

export class LocalNode {
  readonly index: number
  readonly dataDir: string
  readonly child: ChildProcess
  readonly exited: Promise<Exit>
  readonly api: ApiClient
  info: LocalNodeInfo
  exit: Exit | undefined

  constructor (index: number, dataDir: string, child: ChildProcess, info: LocalNodeInfo, exited: Promise<Exit>) {
    this.index = index
    this.dataDir = dataDir
    this.child = child
    this.info = info
    this.exited = exited
    this.api = new ApiClient(info.apiUrl, { timeoutMs: 5000 })
    exited.then(e => { this.exit = e }, () => {})
  }

  get running (): boolean {
    return this.exit === undefined && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Sends a signal (SIGKILL: a crash, SIGTERM: a graceful stop). */
  kill (signal: NodeJS.Signals): void {
    if (this.running) { this.child.kill(signal) }
  }
}

export class LocalNetwork {
  /** Nodes by index; a restarted node replaces its entry. */
  readonly nodes: LocalNode[] = []
  private readonly init: LocalNetworkInit
  private readonly binPath: string
  private readonly children = new Set<ChildProcess>()

  constructor (init: LocalNetworkInit) {
    this.init = init
    this.binPath = init.binPath ?? fileURLToPath(new URL('../bin.js', import.meta.url))
  }

  /** Starts `count` nodes: the first creates the ring, the rest join in batches; resolves when all are members. */
  async start (count: number, options: AbortOptions = {}): Promise<void> {
    assert(count >= 1 && count <= K.DEMO_NODES_MAX, 'node count within DEMO_NODES_MAX')
    await ensureDataDir(this.init.dataDir)
    await this.startNode(0, count, options)
    const batch = Math.max(1, this.init.batch ?? K.DEMO_START_BATCH)
    for (let first = 1; first < count; first += batch) {
      const indices = Array.from({ length: Math.min(batch, count - first) }, (_, j) => first + j)
      await Promise.all(indices.map(async i => this.startNode(i, count, options)))
    }
  }

  /** Starts node `index` (again, after a kill) with its data directory, joining through running members. */
  async startNode (index: number, total = this.nodes.length, options: AbortOptions = {}): Promise<LocalNode> {
    const boot = this.bootstrapFor(index)
    const node = await this.spawn(index, boot, options)
    this.progress(`node ${index} (${index + 1} of ${total}) started (${node.info.peerId}), ${boot.length === 0 ? 'creating the ring' : `joining through ${boot.length} node(s)`}`)
    this.nodes[index] = node
    await this.waitMember(node, options)
    this.progress(`node ${index} (${index + 1} of ${total}) joined: ring id ${node.info.ringId}, API ${node.info.apiUrl}`)
    return node
  }

  /** Running nodes. */
  running (): LocalNode[] {
    return this.nodes.filter(n => n?.running)
  }

  /** network.json's content: every running node. */
  infos (): LocalNodeInfo[] {
    return this.running().map(n => n.info)
  }

  /** Writes `<dataDir>/network.json` atomically; returns its path. */
  async writeNetworkJson (): Promise<string> {
    const file = join(this.init.dataDir, 'network.json')
    await writeFile(`${file}.tmp`, JSON.stringify(this.infos(), null, 2) + '\n')
    await rename(`${file}.tmp`, file)
    return file
  }

  /** SIGTERM to every node (each leaves the ring), SIGKILL to any still running after DEMO_STOP_TIMEOUT_MS. */
  async stop (): Promise<void> {
    const children = [...this.children]
    for (const c of children) { c.kill('SIGTERM') }
    const all = Promise.all(children.map(async c => exitOf(c)))
    if (await within(all, K.DEMO_STOP_TIMEOUT_MS)) { return }
    for (const c of this.children) {
      this.progress(`pid ${c.pid ?? '?'} did not stop within ${K.DEMO_STOP_TIMEOUT_MS} ms: killing it`)
      c.kill('SIGKILL')
    }
    await within(all, 5000)
  }

  /** Kills every node at once (SIGKILL); for cleanup after a failure. */
  killAll (): void {
    for (const c of this.children) { c.kill('SIGKILL') }
  }

  private bootstrapFor (index: number): string[] {
    const members = this.running().filter(n => n.index !== index)
    const picked: string[] = []
    while (picked.length < K.DEMO_BOOTSTRAP_PEERS && members.length > 0) {
      const [n] = members.splice(Math.floor(Math.random() * members.length), 1)
      const addr = n.info.multiaddrs.find(a => a.includes('/p2p/'))
      if (addr !== undefined) { picked.push(addr) }
    }
    return picked
  }

  private async spawn (index: number, bootstrap: string[], options: AbortOptions): Promise<LocalNode> {
    const dataDir = join(this.init.dataDir, `node-${index}`)
    await ensureDataDir(dataDir)
    const logFile = join(dataDir, 'node.log')
    const log = openSync(logFile, 'a')
    const args = [this.binPath, 'start', '--data-dir', dataDir, '--api-port', '0', '--json', '--exit-with-stdin',
      ...bootstrap.flatMap(b => ['--bootstrap', b]), ...(this.init.nodeArgs ?? [])]
    let child: ChildProcess
    try {
      // Its own process group: a terminal's Ctrl-C reaches only the parent, which then stops each node once.
      child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', log], detached: true })
    } finally {
      closeSync(log)
    }
    this.children.add(child)
    const exited = exitOf(child)
    exited.then(() => { this.children.delete(child) }, () => {})
    try {
      const info = await announcement(child, exited, options)
      return new LocalNode(index, dataDir, child, info, exited)
    } catch (err: any) {
      child.kill('SIGKILL')
      const tail = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-12).join('\n')
      throw new NodeStartFailedError(`node ${index} did not start: ${String(err?.message)}\n--- ${logFile} ---\n${tail}`, { cause: err })
    }
  }

  /** Polls the node's API until it is a ring member, at most DEMO_JOIN_TIMEOUT_MS. */
  async waitMember (node: LocalNode, options: AbortOptions = {}): Promise<void> {
    const end = Date.now() + K.DEMO_JOIN_TIMEOUT_MS
    let last = 'no answer yet'
    while (Date.now() < end) {
      if (options.signal?.aborted === true) { throw new AbortError() }
      if (!node.running) { throw new NodeStartFailedError(`node ${node.index} exited (${describeExit(node.exit)}) before joining; see ${join(node.dataDir, 'node.log')}`) }
      try {
        const s = await node.api.status(options)
        if (s.member) { return }
        last = `state ${s.state}`
      } catch (err: any) {
        last = String(err?.message)
      }
      await new Promise(resolve => setTimeout(resolve, K.DEMO_POLL_INTERVAL_MS))
    }
    throw new NodeStartFailedError(`node ${node.index} is not a ring member after ${K.DEMO_JOIN_TIMEOUT_MS} ms (${last}); see ${join(node.dataDir, 'node.log')}`)
  }

  private progress (message: string): void {
    this.init.onProgress?.(message)
  }
}

/** The child's `started` JSON line, within DEMO_SPAWN_TIMEOUT_MS; rejects if it exits first. */
async function announcement (child: ChildProcess, exited: Promise<Exit>, options: AbortOptions): Promise<LocalNodeInfo> {
  assert(child.stdout !== null, 'the child has a stdout pipe')
  const deadline = AbortSignal.timeout(K.DEMO_SPAWN_TIMEOUT_MS)
  const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline])
  return new Promise<LocalNodeInfo>((resolve, reject) => {
    const onAbort = (): void => { reject(deadline.aborted ? new Error(`no announcement within ${K.DEMO_SPAWN_TIMEOUT_MS} ms`) : new AbortError()) }
    signal.addEventListener('abort', onAbort, { once: true })
    exited.then(e => { reject(new Error(`it exited (${describeExit(e)})`)) }, reject)
    readLines(child.stdout as Readable, line => {
      const ev = parseEvent(line)
      if (ev?.event !== 'started') { return }
      signal.removeEventListener('abort', onAbort)
      resolve({ peerId: ev.peerId, ringId: ev.ringId, multiaddrs: ev.multiaddrs, apiUrl: ev.apiUrl, pid: ev.pid })
    })
  })
}

function parseEvent (line: string): any {
  try {
    return JSON.parse(line)
  } catch {
    return undefined // not an event line
  }
}

/** Calls `onLine` per complete line; a line over CHILD_LINE_BYTES_MAX is dropped. Keeps draining the pipe. */
function readLines (stream: Readable, onLine: (line: string) => void): void {
  let buf = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    buf += chunk
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      onLine(buf.slice(0, i))
      buf = buf.slice(i + 1)
    }
    if (buf.length > K.CHILD_LINE_BYTES_MAX) { buf = '' }
  })
}

async function exitOf (child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) { return { code: child.exitCode, signal: child.signalCode } }
  return new Promise(resolve => {
    child.once('exit', (code, signal) => { resolve({ code, signal }) })
    // A child that could not be spawned emits 'error' and possibly no 'exit'.
    child.once('error', () => { resolve({ code: child.exitCode ?? -1, signal: child.signalCode }) })
  })
}

function describeExit (e: Exit | undefined): string {
  if (e === undefined) { return 'still running' }
  return e.signal !== null ? `signal ${e.signal}` : `code ${String(e.code)}`
}

/** True when `p` settles within `ms`. */
async function within (p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<false>(resolve => { timer = setTimeout(() => { resolve(false) }, ms) })
  try {
    return await Promise.race([p.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}

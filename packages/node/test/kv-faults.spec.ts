/* Goal: the store stays linearizable under faults on a real network of 7 `selfmgmt start` processes (r = 4): 6 concurrent clients read, write and cas 8 keys through the HTTP API of random live nodes for ~40 s while one node is killed (SIGKILL), another is paused (SIGSTOP) for 8 s and resumed (SIGCONT), and the killed node is restarted from its data dir; the recorded history (Jepsen's invoke / ok / fail / info) is linearizable, at least 60 % of the completed operations succeeded, and once the faults are over every key written reads back. Method: LocalNetwork from src/demo with LAN ring timeouts, as in kv-network.spec.ts; the killed node has the shortest range and the paused one the next shortest apart from the killed node's successor (both under N/r, so neither holds two replicas of a key: see packages/store/README.md); 3 keys have a replica on each of them, 2 are arbitrary; the clients (test/fixtures/kv-workload.ts) stop sending to a node once the test has killed or paused it (requests in flight still meet it); the checker is checkLinearizable from @selfmgmt/testkit; every wait polls against a deadline; the figures are printed, and a history that is not linearizable is saved with its witness and the nodes' logs. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkLinearizable, registerOperations } from '@selfmgmt/testkit'
import { expect } from 'aegir/chai'
import { LocalNetwork } from '../src/index.ts'
import { KvWorkload, RING_SIZE, kvNodeArgs, opCounts, ranges, replicasOf } from './fixtures/kv-workload.ts'
import { BIN, removeDir, report, sleep, tempDir, waitUntil, withDeadline } from './fixtures/util.ts'
import type { LocalNode } from '../src/index.ts'

const NODES = 7
const R = 4
const PROCESSES = 6
/** 3 with a replica on the node killed, 3 on the node paused, 2 arbitrary. */
const KEYS = 8
const NODE_ARGS = kvNodeArgs(R)
/** The workload runs at least this long; the faults happen inside it. */
const WORKLOAD_MS = 40_000
/** Healthy workload before the first fault. */
const BEFORE_KILL_MS = 4000
/** Bound on the survivors' stores getting ready after the kill (then the pause comes anyway). */
const READY_AFTER_KILL_MAX_MS = 15_000
const BEFORE_STOP_MS = 2000
const STOPPED_MS = 8000
const BEFORE_RESTART_MS = 3000
/** The workload goes on at least this long after the restarted node has joined. */
const AFTER_RESTART_MIN_MS = 5000
/** A client request without an answer within this is a timeout (the API answers within 15 s, a paused node not at all). */
const REQUEST_TIMEOUT_MS = 10_000
/** Bound on every store being ready once the faults are over. */
const READY_MAX_MS = 30_000
/** Final read of each key: attempts (each recorded) and the pause between them. */
const FINAL_READ_ATTEMPTS = 5
const FINAL_READ_PAUSE_MS = 1000
const OK_SHARE_MIN = 0.6
/** Completed operations below this would make the checks vacuous. */
const COMPLETED_OPS_MIN = 200

async function notReady (nodes: readonly LocalNode[]): Promise<string[]> {
  const statuses = await Promise.all(nodes.map(async n => n.api.status()))
  return statuses.flatMap((s, i) => {
    if (s.store === null) { return [`node ${nodes[i].index} runs no store`] }
    return s.member && s.store.ready ? [] : [`node ${nodes[i].index}: member ${String(s.member)}, store ${s.store.pendingArcs} arcs pending`]
  })
}

/** `count` keys `kv-faults <tag> <i>` with a replica in (lo, hi]. */
function keysWithReplicaIn (tag: string, count: number, lo: bigint, hi: bigint): string[] {
  const out: string[] = []
  for (let i = 0; out.length < count && i < 1_000_000; i++) {
    const key = `kv-faults ${tag} ${i}`
    if (replicasOf(key, R, lo, hi) > 0) { out.push(key) }
  }
  if (out.length < count) { throw new Error(`no keys with a replica on the ${tag} node`) }
  return out
}

describe(`the store under faults on ${NODES} node processes`, function () {
  this.timeout(60_000)
  let dir: string | undefined
  /** Kept (not removed) when the history is not linearizable: the saved history and the nodes' logs are there. */
  let keep = false
  let net: LocalNetwork | undefined
  let victim: LocalNode | undefined
  /** The killed node's neighbours: its successor takes its range over once its predecessor is the killed node's. */
  let victimPred: LocalNode | undefined
  let victimSucc: LocalNode | undefined
  let paused: LocalNode | undefined
  let keys: string[] = []

  before(async function () {
    this.timeout(120_000)
    dir = await tempDir('kv-faults')
    // One join at a time, as in kv-network.spec.ts.
    net = new LocalNetwork({ dataDir: dir, binPath: BIN, nodeArgs: NODE_ARGS, batch: 1 })
    const started = performance.now()
    await net.start(NODES, { signal: AbortSignal.timeout(90_000) })
    const nodes = net.running()
    const readyMs = await waitUntil('every store ready', READY_MAX_MS, async () => notReady(nodes), 200)
    report(`${NODES} node processes started, joined and their stores ready in ${Math.round(performance.now() - started)} ms (stores ready ${Math.round(readyMs)} ms after the last join)`)
    const byLength = [...ranges(nodes).entries()].sort((x, y) => Number(x[1].length - y[1].length > 0n) - Number(x[1].length - y[1].length < 0n))
    const [v, vr] = byLength[0]
    victim = v
    victimPred = vr.pred
    victimSucc = vr.succ
    // Paused while the victim is down or rejoining: not the victim's successor (it serves the victim's range meanwhile).
    const p = byLength.find(([n]) => n !== v && n !== vr.succ)
    if (p === undefined) { throw new Error('no node to pause') }
    paused = p[0]
    expect(vr.length < RING_SIZE / BigInt(R), 'the killed node holds at most one replica of any key').to.equal(true)
    expect(p[1].length < RING_SIZE / BigInt(R), 'the paused node holds at most one replica of any key').to.equal(true)
    keys = [
      ...keysWithReplicaIn('killed', 3, vr.lo, vr.hi),
      ...keysWithReplicaIn('paused', 3, p[1].lo, p[1].hi),
      'kv-faults key a',
      'kv-faults key b'
    ]
    expect(new Set(keys).size).to.equal(KEYS)
  })

  after(async function () {
    this.timeout(60_000)
    if (net !== undefined) {
      for (const n of net.running()) { n.kill('SIGCONT') } // a paused node would not stop
      await net.stop()
      net.killAll() // anything stop() left behind
      await Promise.all(net.nodes.filter(n => n !== undefined).map(async n => withDeadline(n.exited, 10_000, `node ${n.index} still running`).catch(() => {})))
    }
    if (keep) {
      report(`kept ${String(dir)} (history, witness and node logs)`)
    } else {
      await removeDir(dir)
    }
  })

  it(`${PROCESSES} clients on ${KEYS} keys through a kill, a pause and a restart: a linearizable history, mostly ok, every written key readable at the end`, async function () {
    this.timeout(150_000)
    if (net === undefined || victim === undefined || victimPred === undefined || victimSucc === undefined || paused === undefined || dir === undefined) { throw new Error('no network') }
    const network = net
    const killed = victim
    const stopped = paused
    const pred = victimPred
    const succ = victimSucc
    /** Indices of the nodes the clients must not send to (killed, paused, restarting). */
    const down = new Set<number>()
    const workload = new KvWorkload({
      keys,
      processes: PROCESSES,
      targets: () => network.running().filter(n => !down.has(n.index)),
      requestTimeoutMs: REQUEST_TIMEOUT_MS
    })
    const t0 = performance.now()
    const at = (): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`
    const timeline: string[] = []
    const mark = (what: string): void => {
      timeline.push(`${at()}: ${what}`)
      report(`${at()}: ${what}`)
    }

    workload.start()
    try {
      await sleep(BEFORE_KILL_MS)
      down.add(killed.index)
      killed.kill('SIGKILL')
      mark(`SIGKILL node ${killed.index}`)
      await withDeadline(killed.exited, 5000, 'the killed node still running after SIGKILL')
      const survivors = network.running()
      // Ready only counts once the ring has closed over the killed node (its successor took the range).
      await waitUntil('the killed node\'s successor to take its range, and every surviving store ready', READY_AFTER_KILL_MAX_MS, async () => {
        const s = await succ.api.status()
        return s.predecessor?.peerId === pred.info.peerId ? notReady(survivors) : [`the successor's predecessor is ${String(s.predecessor?.peerId)}`]
      }, 200).then(
        () => { mark(`node ${succ.index} took the range over, every surviving store ready (${survivors.length} nodes)`) },
        (err: any) => { mark(`not every surviving store ready; going on: ${String(err?.message).split('\n').join(' ')}`) })

      await sleep(BEFORE_STOP_MS)
      down.add(stopped.index)
      stopped.kill('SIGSTOP')
      mark(`SIGSTOP node ${stopped.index}`)
      await sleep(STOPPED_MS)
      stopped.kill('SIGCONT')
      down.delete(stopped.index)
      mark(`SIGCONT node ${stopped.index}`)

      await sleep(BEFORE_RESTART_MS)
      mark(`restarting node ${killed.index} from its data dir`)
      const again = await network.startNode(killed.index, NODES, { signal: AbortSignal.timeout(45_000) })
      expect(again.info.peerId, 'the restarted node has its old identity').to.equal(killed.info.peerId)
      down.delete(killed.index)
      mark(`node ${killed.index} a member again`)
      await sleep(Math.max(AFTER_RESTART_MIN_MS, WORKLOAD_MS - (performance.now() - t0)))
    } finally {
      mark('stopping the workload')
      await withDeadline(workload.stop(), REQUEST_TIMEOUT_MS + 5000, 'the workload still running')
      mark('workload stopped')
    }

    const live = network.running()
    await waitUntil('every store ready after the faults', READY_MAX_MS, async () => notReady(live), 200).then(
      () => { mark(`every store ready (${live.length} nodes)`) },
      (err: any) => { mark(`not every store ready; reading anyway: ${String(err?.message).split('\n').join(' ')}`) })
    const finalStart = workload.history.events.length
    await Promise.all(keys.map(async key => workload.finalRead(key, FINAL_READ_ATTEMPTS, FINAL_READ_PAUSE_MS)))
    mark('final reads done')

    const events = workload.history.events
    const ops = registerOperations(events)
    const counts = opCounts(events)
    const completed = ops.filter(op => op.completeIndex !== null)
    const okShare = counts.all.ok / Math.max(1, completed.length)
    const fmt = (c: { ok: number, fail: number, info: number }): string => `${c.ok} ok, ${c.fail} fail, ${c.info} info`
    report(`${ops.length} ops (${completed.length} completed, ${Math.round(okShare * 100)} % ok): reads ${fmt(counts.read)}; writes ${fmt(counts.write)}; cas ${fmt(counts.cas)}; ${new Set(ops.map(op => op.process)).size} process ids`)
    report(`failures: ${[...workload.failures.entries()].map(([why, n]) => `${why} ×${n}`).join(', ') || 'none'}`)
    for (const [why, messages] of workload.messages) { report(`  ${why}: ${[...messages].map(m => JSON.stringify(m)).join(', ')}`) }
    // Unavailability: info ops and failed reads (not cas refused with 412), by when they completed (5 s windows from the workload's start).
    const windows = new Map<number, number>()
    for (const op of completed) {
      if (op.status !== 'ok' && !(op.f === 'cas' && op.status === 'fail') && op.completeTime !== null) {
        const w = Math.floor((op.completeTime - t0) / 5000)
        windows.set(w, (windows.get(w) ?? 0) + 1)
      }
    }
    report(`info and failed reads by 5 s window: ${[...windows.entries()].sort((a, b) => a[0] - b[0]).map(([w, n]) => `${w * 5}-${w * 5 + 5} s: ${n}`).join(', ') || 'none'}`)
    if (workload.unexpected.length > 0) { report(`unexpected answers:\n        ${workload.unexpected.join('\n        ')}`) }

    const checkStart = performance.now()
    const result = checkLinearizable(events)
    report(`linearizability: ${result.verdict} (${result.keys.checked} keys, ${result.statesExplored} states, ${Math.round(performance.now() - checkStart)} ms)`)
    if (result.verdict !== 'ok') {
      keep = true
      const file = join(dir, 'history.json')
      await writeFile(file, JSON.stringify({ result, keys, timeline, history: workload.history.toJSON() }, null, 1) + '\n')
      report(`history and verdict saved to ${file}`)
      report(result.verdict === 'illegal' ? `key "${result.key}": ${JSON.stringify(result.witness, null, 2)}` : `key "${result.key}": ${result.reason}`)
    }
    expect(result.verdict, 'linearizability verdict').to.equal('ok')

    expect(completed.length, 'completed operations').to.be.at.least(COMPLETED_OPS_MIN)
    expect(okShare, 'share of completed operations that succeeded').to.be.at.least(OK_SHARE_MIN)
    // Every key written (an ok write or cas) reads back after the faults.
    const written = new Set(ops.filter(op => op.status === 'ok' && (op.f === 'write' || op.f === 'cas')).map(op => op.key))
    const finalReads = ops.filter(op => op.invokeIndex >= finalStart)
    const unreadable = keys.filter(key => written.has(key) && !finalReads.some(op => op.key === key && op.status === 'ok'))
    expect(unreadable, 'written keys without a successful final read').to.deep.equal([])
  })
})

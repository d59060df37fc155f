/* Goal: a real network of `selfmgmt start` processes on 127.0.0.1 (20 of them, each with its own data dir) forms one consistent ring and answers every lookup from every node with the true owner; heals after 3 crashes (SIGKILL), within a bound; takes back a node killed and restarted at once with the same data dir (same peer id and ring id); hands a gracefully stopped node's range (SIGTERM) to its neighbours faster than failure detection could; and takes that node back when it restarts. Method: LocalNetwork from src/demo; ground truth (ring order, key owners) computed from the ring ids with SHA-256 here; every wait polls the nodes' HTTP APIs against a deadline; the measured times are printed. */
import { expect } from 'aegir/chai'
import { LocalNetwork } from '../src/index.ts'
import { BIN, keyOwnedBy, lookupProblems, removeDir, report, ringIdHexOf, ringProblems, sortByRingId, tempDir, waitStable, waitUntil, withDeadline } from './fixtures/util.ts'
import type { LocalNode } from '../src/index.ts'
import type { Member, NeighbourView } from './fixtures/util.ts'

const NODES = 20
/** LAN timeouts, given explicitly so the test does not depend on the defaults: a crashed successor is suspected after about 1.5 ping intervals. */
const PING_INTERVAL_MS = 1000
const PRED_TIMEOUT_MS = 3500
const NODE_ARGS = [
  '--ping-interval-ms', String(PING_INTERVAL_MS),
  '--pred-timeout-ms', String(PRED_TIMEOUT_MS),
  '--lookup-timeout-ms', '2000',
  '--join-timeout-ms', '2000',
  '--leave-timeout-ms', '2000'
]
const KEYS_PER_NODE = 5
/** Bound on healing after 3 crashes. */
const CRASH_HEAL_MAX_MS = 45_000

/** Each node's view of its neighbours, through its API. */
async function views (nodes: readonly LocalNode[]): Promise<NeighbourView[]> {
  return Promise.all(nodes.map(async n => {
    const s = await n.api.status()
    if (s.peerId !== n.info.peerId) { throw new Error(`node ${n.index} reports peer id ${s.peerId}, announced ${n.info.peerId}`) }
    return { peerId: s.peerId, ringId: s.ringId, member: s.member, successor: s.successors[0]?.peerId, predecessor: s.predecessor?.peerId }
  }))
}

async function consistencyProblems (nodes: readonly LocalNode[]): Promise<string[]> {
  return ringProblems(await views(nodes))
}

function members (nodes: readonly LocalNode[]): Member[] {
  return nodes.map(n => ({ peerId: n.info.peerId, ringId: n.info.ringId }))
}

/** KEYS_PER_NODE keys looked up from every node (plus `extraKeys` from each), all at once; the wrong answers. */
async function allLookupProblems (nodes: readonly LocalNode[], tag: string, extraKeys: string[] = []): Promise<string[]> {
  const truth = members(nodes)
  const results = await Promise.all(nodes.map(async n => {
    const keys = [...Array.from({ length: KEYS_PER_NODE }, (_, j) => `${tag}-from-${n.index}-key-${j}`), ...extraKeys]
    return lookupProblems(n.info.apiUrl, keys, truth)
  }))
  return results.flat()
}

async function exitWithin (node: LocalNode, ms: number): Promise<{ code: number | null, signal: NodeJS.Signals | null }> {
  return withDeadline(node.exited, ms, `node ${node.index} (pid ${node.info.pid}) still running after the signal`)
}

/** A ring that was consistent must stay so this long to count: a pointer that flips back is caught. */
const STABLE_MS = 2000

/**
 * Waits for a consistent ring of `nodes` that stays consistent for STABLE_MS. `firstMs`: when it
 * first looked consistent, in ms since `since`. A relapse (consistent, then not) is reported.
 */
async function settle (what: string, nodes: readonly LocalNode[], timeoutMs: number, options: { intervalMs?: number, since?: number } = {}): Promise<{ firstMs: number, relapses: string[][] }> {
  const offset = performance.now() - (options.since ?? performance.now())
  const r = await waitStable(what, timeoutMs, STABLE_MS, async () => consistencyProblems(nodes), options.intervalMs ?? 100)
  const firstMs = offset + r.firstMs
  if (r.relapses.length > 0) {
    report(`${what}: consistent after ${Math.round(firstMs)} ms, then inconsistent again ${r.relapses.length} time(s), first: ${r.relapses[0].join('; ')}; stable from ${Math.round(offset + r.stableAtMs - STABLE_MS)} ms`)
  }
  return { firstMs, relapses: r.relapses }
}

/** Every lookup right, or a failure listing the wrong ones and the ring's state at that moment. */
async function expectLookupsRight (nodes: readonly LocalNode[], tag: string, extraKeys: string[] = []): Promise<void> {
  const problems = await allLookupProblems(nodes, tag, extraKeys)
  if (problems.length === 0) { return }
  const ring = await consistencyProblems(nodes).catch((err: any) => [`status failed: ${String(err?.message)}`])
  expect.fail(`${problems.length} wrong lookups (${tag}):\n  ${problems.slice(0, 20).join('\n  ')}\nring problems right after: ${ring.length === 0 ? 'none' : ring.join('; ')}`)
}

describe(`a network of ${NODES} node processes`, function () {
  this.timeout(60_000)
  let dir: string | undefined
  let net: LocalNetwork | undefined
  let crashHealMs: number | undefined
  let leftGracefully: LocalNode | undefined

  function running (): LocalNode[] {
    if (net === undefined) { throw new Error('no network') }
    return net.running()
  }

  /** Starts `old` again with its data dir; checks its identity and membership. */
  async function restart (old: LocalNode): Promise<{ again: LocalNode, joinedMs: number }> {
    if (net === undefined) { throw new Error('no network') }
    const oldInfo = { ...old.info }
    const restartedAt = performance.now()
    const again = await net.startNode(old.index, NODES, { signal: AbortSignal.timeout(45_000) })
    const joinedMs = performance.now() - restartedAt
    expect(again).to.not.equal(old)
    expect(again.dataDir).to.equal(old.dataDir)
    expect(again.info.pid).to.not.equal(oldInfo.pid)
    expect(again.info.peerId, 'same peer id').to.equal(oldInfo.peerId)
    expect(again.info.ringId, 'same ring id').to.equal(oldInfo.ringId)
    const s = await again.api.status()
    expect(s.peerId).to.equal(oldInfo.peerId)
    expect(s.ringId).to.equal(oldInfo.ringId)
    expect(s.member).to.equal(true)
    expect(running()).to.include(again)
    return { again, joinedMs }
  }

  before(async function () {
    this.timeout(150_000)
    dir = await tempDir('network')
    net = new LocalNetwork({ dataDir: dir, binPath: BIN, nodeArgs: NODE_ARGS })
    const started = performance.now()
    await net.start(NODES, { signal: AbortSignal.timeout(140_000) })
    report(`${NODES} node processes started and joined in ${Math.round(performance.now() - started)} ms`)
  })

  after(async function () {
    this.timeout(60_000)
    if (net !== undefined) {
      await net.stop()
      net.killAll() // anything stop() left behind
      await Promise.all(net.nodes.filter(n => n !== undefined).map(async n => exitWithin(n, 10_000).catch(() => {})))
    }
    await removeDir(dir)
  })

  it('all join one consistent ring and every lookup from every node returns the true owner', async function () {
    const nodes = running()
    expect(nodes).to.have.length(NODES)
    const statuses = await Promise.all(nodes.map(async n => n.api.status()))
    for (const [i, s] of statuses.entries()) {
      expect(s.member, `node ${nodes[i].index} is a member`).to.equal(true)
      expect(s.state).to.equal('member')
      expect(s.ringId, 'the ring id is derived from the peer id').to.equal(ringIdHexOf(s.peerId))
      expect(s.ringId).to.equal(nodes[i].info.ringId)
    }
    expect(new Set(statuses.map(s => s.ringId)).size, 'distinct ring ids').to.equal(NODES)
    // Joins that just finished may still be correcting a pointer or two: bounded, and short.
    const { firstMs } = await settle(`a consistent ring of ${NODES}`, nodes, 20_000)
    report(`consistent ring ${Math.round(firstMs)} ms after the last join`)
    await expectLookupsRight(nodes, 'all-joined')
  })

  it('heals after 3 nodes are killed (SIGKILL): consistent ring of the survivors and right lookups', async function () {
    const before = sortByRingId(running().map(n => ({ ...n.info, node: n })))
    expect(before).to.have.length(NODES)
    // Two neighbours on the ring (their common predecessor must skip both) and one across the ring.
    const p = 4
    const victims = [before[p].node, before[p + 1].node, before[(p + Math.floor(NODES / 2)) % NODES].node]
    // Keys the victims owned: they must move to the victims' successors.
    const extra = victims.map((v, i) => keyOwnedBy(members(before.map(b => b.node)), v.info, `crashed-${i}`))
    const killedAt = performance.now()
    for (const v of victims) { v.kill('SIGKILL') }
    for (const v of victims) {
      const e = await exitWithin(v, 5000)
      expect(e.signal).to.equal('SIGKILL')
    }
    const survivors = running()
    expect(survivors).to.have.length(NODES - 3)
    const { firstMs } = await settle(`a consistent ring of the ${survivors.length} survivors`, survivors, CRASH_HEAL_MAX_MS, { since: killedAt })
    crashHealMs = firstMs
    report(`ring healed ${Math.round(crashHealMs)} ms after SIGKILL of 3 nodes (2 of them adjacent)`)
    expect(crashHealMs).to.be.below(CRASH_HEAL_MAX_MS)
    await expectLookupsRight(survivors, 'after-crash', extra)
  })

  it('a node killed (SIGKILL) and restarted at once with the same data dir has the same identity and rejoins', async function () {
    this.timeout(120_000)
    const all = running()
    await settle('a consistent ring before the crash', all, 15_000)
    const old = sortByRingId(all.map(n => ({ ...n.info, node: n })))[2].node
    // Its neighbours may not even have noticed the crash when the same identity comes back.
    old.kill('SIGKILL')
    await exitWithin(old, 5000)
    const { again, joinedMs } = await restart(old)
    const nodes = running()
    expect(nodes).to.have.length(NODES - 3)
    const since = performance.now() - joinedMs
    const ownKey = keyOwnedBy(members(nodes), again.info, 'crash-restarted')
    // Converged: a ring that stays consistent, then every lookup right. Until then, rounds of wrong lookups are counted (and shown).
    const deadline = performance.now() + 40_000
    const wrongRounds: string[][] = []
    let relapses = 0
    let firstMs: number | undefined
    for (;;) {
      const r = await settle(`a consistent ring of ${nodes.length} including the crashed and restarted node`, nodes, Math.max(1, deadline - performance.now()), { since })
      firstMs ??= r.firstMs
      relapses += r.relapses.length
      const problems = await allLookupProblems(nodes, `after-crash-restart-${wrongRounds.length}`, [ownKey])
      if (problems.length === 0) { break }
      wrongRounds.push(problems)
      report(`lookups after the crash and restart, round ${wrongRounds.length}: ${problems.length} wrong, e.g. ${problems[0]}`)
      if (performance.now() > deadline) { expect.fail(`lookups still wrong ${Math.round(performance.now() - since)} ms after the restart:\n  ${problems.slice(0, 20).join('\n  ')}`) }
    }
    report(`crashed node restarted: a member ${Math.round(joinedMs)} ms after its restart, ring consistent after ${Math.round(firstMs)} ms, ${relapses} relapse(s), ${wrongRounds.length} round(s) of wrong lookups before all were right`)
  })

  it('a node stopped gracefully (SIGTERM) leaves: its neighbours take over faster than failure detection', async function () {
    const all = running()
    await settle('a consistent ring before the leave', all, 20_000)
    const sorted = sortByRingId(all.map(n => ({ ...n.info, node: n })))
    const at = Math.floor(sorted.length / 2)
    const leaving = sorted[at].node
    const pred = sorted[at - 1].node
    const succ = sorted[at + 1].node
    const rest = all.filter(n => n !== leaving)
    const keyOfLeaving = keyOwnedBy(members(all), leaving.info, 'left')
    const signalledAt = performance.now()
    leaving.kill('SIGTERM')
    // The hand-over: its predecessor and successor point at each other.
    await waitUntil('the neighbours of the leaving node to take over', 10_000, async () => {
      const [p, s] = await Promise.all([pred.api.status(), succ.api.status()])
      const problems: string[] = []
      if (p.successors[0]?.peerId !== succ.info.peerId) { problems.push(`its predecessor's successor is ${String(p.successors[0]?.peerId)}`) }
      if (s.predecessor?.peerId !== pred.info.peerId) { problems.push(`its successor's predecessor is ${String(s.predecessor?.peerId)}`) }
      return problems
    }, 20)
    const handOverMs = performance.now() - signalledAt // includes the last poll: an upper bound
    const { firstMs } = await settle(`a consistent ring of the ${rest.length} others`, rest, 15_000, { since: signalledAt })
    report(`graceful leave (SIGTERM): neighbours took over after ${Math.round(handOverMs)} ms, whole ring consistent after ${Math.round(firstMs)} ms${crashHealMs === undefined ? '' : `; healing after the crashes took ${Math.round(crashHealMs)} ms`}`)
    // A crash cannot even be suspected before one ping interval has passed.
    expect(handOverMs, 'graceful hand-over time (ms)').to.be.below(PING_INTERVAL_MS)
    const e = await exitWithin(leaving, 15_000)
    expect(e, 'the node exits cleanly after leaving').to.deep.equal({ code: 0, signal: null })
    leftGracefully = leaving
    await expectLookupsRight(rest, 'after-leave', [keyOfLeaving])
  })

  it('the node that left, restarted with the same data dir, has the same identity and rejoins', async function () {
    this.timeout(90_000)
    const old = leftGracefully
    if (old === undefined) { throw new Error('no node left gracefully (the previous test failed)') }
    const { again, joinedMs } = await restart(old)
    const nodes = running()
    expect(nodes).to.have.length(NODES - 3)
    const { firstMs } = await settle(`a consistent ring of ${nodes.length} including the restarted node`, nodes, 30_000, { since: performance.now() - joinedMs })
    report(`restarted node (after a graceful stop) was a member ${Math.round(joinedMs)} ms after its restart; ring consistent ${Math.round(firstMs)} ms after it`)
    await expectLookupsRight(nodes, 'after-restart', [keyOwnedBy(members(nodes), again.info, 'restarted')])
  })
})

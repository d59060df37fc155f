/* Goal: an operator's force-rebuild brings back the keys that lost two of their r = 4 holders for good (two nodes killed with SIGKILL and their data dirs removed): before it, those keys cannot be written and the successors' arcs stay pending (a rebuild waits for every other slot), reported as stalled by the status (API and CLI); after `selfmgmt force-rebuild --yes` on each survivor, every store is ready again and every key reads back, through every survivor, as its last acknowledged write. The command refuses to run without --yes (exit 2) and the HTTP API without {"confirm": true} (400) or when it is not sent as application/json (415: a web page's text/plain POST). Method: LocalNetwork from src/demo (8 `selfmgmt start` processes, r = 4, LAN ring timeouts, read leases on); the two lost nodes are the pair sharing the most keys with one replica on each (ranges under N/r preferred: then every store must get ready too); keys with a replica on both, and keys with none there; writes through the HTTP API recorded as acknowledged or unknown; the CLI run as a child process. */
import { rm } from 'node:fs/promises'
import { expect } from 'aegir/chai'
import { WriteLog, storeProcesses } from './fixtures/kv-restart.ts'
import { RING_SIZE, ranges, replicasOf, storesNotReady as notReady } from './fixtures/kv-workload.ts'
import { report, runCli, waitUntil, withDeadline } from './fixtures/util.ts'
import type { LocalNode } from '../src/index.ts'

const NODES = 8
const R = 4
const KEYS_EACH = 6
const READY_MAX_MS = 60_000

describe(`an operator's force-rebuild, after two of ${NODES} store processes (r = ${R}) were lost with their disks`, function () {
  this.timeout(240_000)
  const stores = storeProcesses()

  it('brings back the keys that had replicas on both, with their last acknowledged writes', async () => {
    const { nodes } = await stores.start('kv-force-rebuild', NODES, R, READY_MAX_MS)
    const rs = ranges(nodes)
    const on = (n: LocalNode, key: string): number => { const g = rs.get(n); return g === undefined ? 0 : replicasOf(key, R, g.lo, g.hi) }
    // The two nodes sharing the most keys with exactly one replica on each (which pairs do depends
    // on the random ring ids), preferring pairs whose ranges are both under N/r: then no key had
    // two replicas on one of them, every position keeps at least r − W + 1 = 2 of its copies, and
    // every store gets ready. (A node over N/r holds two replicas of some keys: with the other lost
    // node three of their four copies can be gone, and those stay unavailable, by design.)
    const sample = Array.from({ length: 20_000 }, (_, i) => `lost key ${i}`)
    const small = (n: LocalNode): boolean => (rs.get(n)?.length ?? RING_SIZE) < RING_SIZE / BigInt(R)
    const oncePerNode = (x: LocalNode, y: LocalNode, k: string): boolean => on(x, k) === 1 && on(y, k) === 1
    let lost: LocalNode[] = []
    let best = -1
    for (const [i, x] of nodes.entries()) {
      for (const y of nodes.slice(i + 1)) {
        const shared = Math.min(KEYS_EACH, sample.filter(k => oncePerNode(x, y, k)).length)
        // Enough keys first, then both ranges under N/r.
        const score = shared * 2 + (small(x) && small(y) ? 1 : 0)
        if (score > best) {
          best = score
          lost = [x, y]
        }
      }
    }
    const allRecoverable = lost.every(small)
    const twice: string[] = []
    const none: string[] = []
    for (const key of sample) {
      const here = lost.map(n => on(n, key))
      if (here.every(x => x === 1) && twice.length < KEYS_EACH) { twice.push(key) } else if (here.every(x => x === 0) && none.length < KEYS_EACH) { none.push(key) }
    }
    expect(twice, 'keys with a replica on each lost node').to.have.length(KEYS_EACH)
    const keys = [...twice, ...none]
    const log = new WriteLog()
    for (const [i, key] of keys.entries()) { expect(await log.setup(nodes[i % NODES], key, `first ${i}`), `first write of ${key} (${log.lastError})`).to.equal(true) }

    for (const n of lost) { n.kill('SIGKILL') }
    await Promise.all(lost.map(async n => withDeadline(n.exited, 10_000, `node ${n.index} still running after SIGKILL`)))
    // Lost for good: their disks are gone.
    await Promise.all(lost.map(async n => rm(n.dataDir, { recursive: true, force: true })))
    const survivors = nodes.filter(n => !lost.includes(n))
    // The ring heals; the successors' arcs of the lost ranges stay pending (each waits for the
    // other's slot), and the status says they are stalled.
    const killedAt = performance.now()
    const stalled = async (): Promise<number> => (await Promise.all(survivors.map(async n => (await n.api.status()).store?.stalledArcs ?? 0))).reduce((a, b) => a + b, 0)
    await waitUntil('arcs reported stalled', 40_000, async () => (await stalled()) > 0 ? [] : ['none stalled yet'], 500)
    const stuck = await notReady(survivors)
    report(`${Math.round(performance.now() - killedAt)} ms after the kill: ${stuck.join('; ')}; ${await stalled()} arcs stalled`)
    expect(stuck, 'some arcs pending before the operator acts').to.not.deep.equal([])
    const statusText = await Promise.all(survivors.map(async n => (await runCli(['status', '--api', n.info.apiUrl])).stdout))
    expect(statusText.join('\n')).to.include('have not answered for 10 s: if their holders are lost for good, see selfmgmt force-rebuild')
    let acked = 0
    for (const [i, key] of twice.slice(0, 2).entries()) { if (await log.write(survivors[i % survivors.length], key, `second ${i}`)) { acked++ } }
    expect(acked, 'keys that lost two of four holders cannot be written').to.equal(0)

    // The operator's confirmation is asked for.
    const refused = await runCli(['force-rebuild', '--api', survivors[0].info.apiUrl])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.include('Add --yes to do it')
    const unconfirmed = await fetch(`${survivors[0].info.apiUrl}/v1/store/force-rebuild`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(unconfirmed.status).to.equal(400)
    expect((await unconfirmed.json()).error.code).to.equal('ERR_INVALID_JSON')
    // As a web page could send it (text/plain, no preflight): refused.
    const asText = await fetch(`${survivors[0].info.apiUrl}/v1/store/force-rebuild`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"confirm":true}' })
    expect(asText.status).to.equal(415)
    expect((await asText.json()).error.code).to.equal('ERR_UNSUPPORTED_MEDIA_TYPE')

    const forcedAt = performance.now()
    let arcs = 0
    for (const n of survivors) {
      const r = await runCli(['force-rebuild', '--yes', '--json', '--api', n.info.apiUrl])
      expect(r.code, r.stderr).to.equal(0)
      arcs += JSON.parse(r.stdout).arcs
    }
    expect(arcs, 'pending arcs forced').to.be.greaterThan(0)
    const readMs = await waitUntil('every key read back after the force-rebuild', READY_MAX_MS, async () => log.problems(survivors[0], keys), 500)
    report(`${arcs} arcs forced; every key read back ${Math.round(performance.now() - forcedAt)} ms later (waited ${Math.round(readMs)} ms)`)
    if (allRecoverable) {
      // Both lost ranges under N/r: every position kept two copies, so every store gets ready.
      await waitUntil('every store ready after the force-rebuild', READY_MAX_MS, async () => notReady(survivors), 200)
      expect(await stalled()).to.equal(0)
    } else {
      report('(a lost range was over N/r: positions that lost three of their four copies stay pending, by design)')
    }
    for (const via of survivors) { expect(await log.problems(via, keys), `reads through node ${via.index}`).to.deep.equal([]) }
    // And writable again.
    for (const [i, key] of twice.entries()) { expect(await log.write(survivors[i % survivors.length], key, `third ${i}`), `write of ${key} after the rebuild (${log.lastError})`).to.equal(true) }
  })
})

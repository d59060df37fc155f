/* Goal: a node that holds two replicas of some keys (its range is longer than N/r, as in most rings of a few nodes), killed (SIGKILL) and restarted from its data dir while the others run on, brings those keys back: every store gets ready again and every key reads back, through every node, as its last acknowledged write. Before, its two pending arcs were each other's missing source and those keys stayed unavailable for good (packages/store/README.md, Restart from disk). Method: LocalNetwork from src/demo (4 `selfmgmt start` processes, r = 4, LAN ring timeouts); the killed node is the one with the longest range (over N/4 with 4 nodes unless all are equal); keys with two replicas there and keys with at most one; writes through the HTTP API, each recorded as acknowledged or unknown (a write that got no answer may or may not have taken effect, so either value is accepted); the times are printed; once with read leases off (`--no-read-leases`) and once on (the default). */
import { expect } from 'aegir/chai'
import { WriteLog, storeProcesses } from './fixtures/kv-restart.ts'
import { RING_SIZE, ranges, replicasOf, storesNotReady as notReady } from './fixtures/kv-workload.ts'
import { report, sleep, waitUntil, withDeadline } from './fixtures/util.ts'

const NODES = 4
const R = 4
/** Keys with two replicas on the killed node, and as many with at most one (none when its range is over N/2). */
const KEYS_EACH = 8
/** Bound on every store being ready once the killed node is back. */
const READY_MAX_MS = 60_000

for (const readLeases of [false, true]) {
  describe(`a store node holding two replicas of some keys, killed and restarted from disk in a live network of ${NODES} processes${readLeases ? ', read leases on' : ''}`, function () {
    this.timeout(240_000)
    const stores = storeProcesses()

    it('brings those keys back with their last acknowledged writes', async () => {
      const { net: n, nodes } = await stores.start(readLeases ? 'kv-restart-colocated-leases' : 'kv-restart-colocated', NODES, R, READY_MAX_MS, readLeases ? [] : ['--no-read-leases'])
      const [big, range] = [...ranges(nodes).entries()].reduce((x, y) => (y[1].length > x[1].length ? y : x))
      expect(range.length > RING_SIZE / BigInt(R), 'the longest range is over N/r').to.equal(true)
      const twice: string[] = []
      const once: string[] = []
      for (let i = 0; (twice.length < KEYS_EACH || once.length < KEYS_EACH) && i < 100_000; i++) {
        const key = `colocated key ${i}`
        const here = replicasOf(key, R, range.lo, range.hi)
        if (here >= 2 && twice.length < KEYS_EACH) { twice.push(key) } else if (here < 2 && once.length < KEYS_EACH) { once.push(key) }
      }
      expect(twice, 'keys with two replicas on the longest range').to.have.length(KEYS_EACH)
      const keys = [...twice, ...once]

      const log = new WriteLog()
      for (const [i, key] of keys.entries()) { expect(await log.setup(nodes[i % NODES], key, `first ${i}`), `first write of ${key} (${log.lastError})`).to.equal(true) }

      big.kill('SIGKILL')
      await withDeadline(big.exited, 10_000, `node ${big.index} still running after SIGKILL`)
      const others = nodes.filter(x => x !== big)
      // The keys with one replica there stay writable once the successor has rebuilt that slot;
      // those with two cannot be written (two of four replicas are down). Both are tried.
      await sleep(6000)
      let acked = 0
      for (const [i, key] of keys.entries()) { if (await log.write(others[i % others.length], key, `second ${i}`)) { acked++ } }
      report(`with the node down: ${acked} of ${keys.length} overwrites acknowledged (${twice.length} keys had two or more of their replicas on it, ${once.length} at most one; the range was ${(Number(range.length * 1000n / RING_SIZE) / 10).toFixed(1)} % of the ring)`)

      const restartAt = performance.now()
      await n.startNode(big.index, NODES, { signal: AbortSignal.timeout(60_000) })
      const back = n.running()
      expect(back).to.have.length(NODES)
      const readyMs = await waitUntil('every store ready after the restart', READY_MAX_MS, async () => notReady(back), 200)
      report(`every store ready ${Math.round(performance.now() - restartAt)} ms after the restart (waited ${Math.round(readyMs)} ms)`)
      for (const via of back) { expect(await log.problems(via, keys), `reads through node ${via.index}`).to.deep.equal([]) }
    })
  })
}

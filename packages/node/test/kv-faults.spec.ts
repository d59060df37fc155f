/* Goal: the store stays linearizable under faults on a real network of 7 `selfmgmt start` processes (r = 4): 6 concurrent clients read, write and cas 8 keys through the HTTP API of random live nodes for ~40 s while one node is killed (SIGKILL), another is paused (SIGSTOP) for 8 s and resumed (SIGCONT), and the killed node is restarted from its data dir; the recorded history (Jepsen's invoke / ok / fail / info) is linearizable, at least 60 % of the completed operations succeeded, and once the faults are over every key written reads back; once with read leases off (`--no-read-leases`) and once on (the default: keys' homes answer gets from their copies; the paused node holds leases, and after SIGCONT must not trust them). Method: the scenario in test/fixtures/kv-faults-scenario.ts (also run by `npm run bench:faults -- --real N`): LocalNetwork from src/demo with LAN ring timeouts, as in kv-network.spec.ts; the killed node has the shortest range and the paused one the next shortest apart from the killed node's successor (both under N/r, so neither holds two replicas of a key: see packages/store/README.md); 3 keys have a replica on each of them, 2 are arbitrary; the clients (test/fixtures/kv-workload.ts) stop sending to a node once the test has killed or paused it (requests in flight still meet it); the checker is checkLinearizable from @selfmgmt/testkit; every wait polls against a deadline; the figures are printed, and a history that is not linearizable is saved with its witness and the nodes' logs. */
import { expect } from 'aegir/chai'
import { KV_FAULTS, runKvFaults } from './fixtures/kv-faults-scenario.ts'
import { report } from './fixtures/util.ts'

const OK_SHARE_MIN = 0.6
/** Completed operations below this would make the checks vacuous. */
const COMPLETED_OPS_MIN = 200

describe(`the store under faults on ${KV_FAULTS.NODES} node processes`, function () {
  for (const readLeases of [false, true]) {
    it(`${KV_FAULTS.PROCESSES} clients on ${KV_FAULTS.KEYS} keys through a kill, a pause and a restart${readLeases ? ', read leases on' : ''}: a linearizable history, mostly ok, every written key readable at the end`, async function () {
      this.timeout(300_000)
      const r = await runKvFaults(report, { readLeases })
      const fmt = (c: { ok: number, fail: number, info: number }): string => `${c.ok} ok, ${c.fail} fail, ${c.info} info`
      report(`${r.ops} ops (${r.completed} completed, ${Math.round(r.okShare * 100)} % ok): reads ${fmt(r.counts.read)}; writes ${fmt(r.counts.write)}; cas ${fmt(r.counts.cas)}`)
      report(`failures: ${[...r.failures.entries()].map(([why, n]) => `${why} ×${n}`).join(', ') || 'none'}`)
      report(`info and failed reads by 5 s window: ${[...r.unavailableByWindow.entries()].sort((a, b) => a[0] - b[0]).map(([w, n]) => `${w * 5}-${w * 5 + 5} s: ${n}`).join(', ') || 'none'}`)
      if (r.unexpected.length > 0) { report(`unexpected answers:\n        ${r.unexpected.join('\n        ')}`) }
      const l = r.linearizability
      report(`linearizability: ${l.verdict} (${l.keys.checked} keys, ${l.statesExplored} states, ${Math.round(r.checkMs)} ms)`)
      if (l.verdict !== 'ok') {
        report(`kept ${String(r.keptDir)} (history, witness and node logs)`)
        report(l.verdict === 'illegal' ? `key "${l.key}": ${JSON.stringify(l.witness, null, 2)}` : `key "${l.key}": ${l.reason}`)
      }
      expect(l.verdict, 'linearizability verdict').to.equal('ok')
      expect(r.completed, 'completed operations').to.be.at.least(COMPLETED_OPS_MIN)
      expect(r.okShare, 'share of completed operations that succeeded').to.be.at.least(OK_SHARE_MIN)
      expect(r.unreadable, 'written keys without a successful final read').to.deep.equal([])
    })
  }
})

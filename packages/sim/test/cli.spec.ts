/* Goal: `selfmgmt-sim` prints exactly one JSON object with the documented fields under --json, a readable summary otherwise, and a clear error with exit code 2 on bad arguments. Method: run the built bin in a child process with small networks. */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect } from 'aegir/chai'

const bin = fileURLToPath(new URL('../dist/src/bin.js', import.meta.url))

interface Run { code: number, stdout: string, stderr: string }

async function cli (...args: string[]): Promise<Run> {
  return new Promise(resolve => {
    execFile(process.execPath, [bin, ...args], { timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : Number((err as { code?: number }).code ?? 1), stdout, stderr })
    })
  })
}

const LOOKUP_FIELDS = ['nodes', 'geometry', 'k', 'seed', 'lookups', 'ok', 'wrongOwner', 'failed', 'hopsMean', 'hopsP50', 'hopsP99', 'hopsMax', 'latencyMsP50', 'latencyMsP99', 'msgsPerLookup', 'tableSizeMean', 'events', 'wallMs', 'rssMb', 'traceHash']
const CHURN_FIELDS = ['nodes', 'geometry', 'seed', 'lookups', 'ok', 'wrongOwner', 'failed', 'joins', 'leaves', 'crashes', 'maintenanceMsgsPerNodePerS', 'convergedAfterS', 'ringConsistentAtEnd', 'traceHash']
const PARTITION_FIELDS = ['nodes', 'parts', 'seed', 'ringsDuringPartition', 'ringsAfterHeal', 'healMs', 'lookupsAfterHeal', 'okAfterHeal', 'wrongOwnerAfterHeal', 'traceHash']

describe('selfmgmt-sim command line', function () {
  this.timeout(180_000)

  it('lookup --json prints one object with every field, for ring geometries and kademlia', async () => {
    for (const g of [['--geometry', 'dks', '--k', '4'], ['--geometry', 'kademlia']]) {
      const r = await cli('lookup', '--nodes', '200', ...g, '--lookups', '300', '--seed', '7', '--json')
      expect(r.code, r.stderr).to.equal(0)
      const lines = r.stdout.trim().split('\n')
      expect(lines).to.have.length(1)
      const out = JSON.parse(lines[0])
      expect(out).to.include.all.keys(...LOOKUP_FIELDS)
      expect(out.lookups).to.equal(300)
      expect(out.ok).to.equal(300)
      expect(out.traceHash).to.match(/^[0-9a-f]{16}$/)
      expect(r.stderr).to.equal('')
    }
  })

  it('the same seed twice gives the same trace hash', async () => {
    const a = JSON.parse((await cli('lookup', '--nodes', '150', '--geometry', 'tango', '--lookups', '200', '--seed', '3', '--json')).stdout)
    const b = JSON.parse((await cli('lookup', '--nodes', '150', '--geometry', 'tango', '--lookups', '200', '--seed', '3', '--json')).stdout)
    expect(b.traceHash).to.equal(a.traceHash)
    expect(b.hopsMean).to.equal(a.hopsMean)
  })

  it('churn and partition --json carry their fields', async () => {
    const c = await cli('churn', '--nodes', '150', '--geometry', 'tango', '--session-median-s', '120', '--duration-s', '60', '--lookup-rate', '5', '--seed', '2', '--json')
    expect(c.code, c.stderr).to.equal(0)
    expect(JSON.parse(c.stdout)).to.include.all.keys(...CHURN_FIELDS)
    const p = await cli('partition', '--nodes', '150', '--parts', '2', '--partition-s', '60', '--seed', '2', '--json')
    expect(p.code, p.stderr).to.equal(0)
    const out = JSON.parse(p.stdout)
    expect(out).to.include.all.keys(...PARTITION_FIELDS)
    expect(out.ringsAfterHeal).to.equal(1)
  })

  it('without --json prints a readable summary', async () => {
    const r = await cli('lookup', '--nodes', '100', '--geometry', 'chord', '--lookups', '100', '--seed', '1')
    expect(r.code).to.equal(0)
    expect(r.stdout).to.include('lookups').and.include('hops').and.include('latency')
  })

  it('bad arguments give exit code 2 and a clear message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['lookup', '--nodes', '10', '--geometry', 'pastry', '--lookups', '5'], /--geometry must be one of/],
      [['lookup', '--nodes', 'many', '--geometry', 'tango', '--lookups', '5'], /--nodes must be a number/],
      [['lookup', '--geometry', 'tango', '--lookups', '5'], /--nodes is required/],
      [['lookup', '--nodes', '10', '--geometry', 'dks', '--k', '3', '--lookups', '5'], /power of two/],
      [['lookup', '--nodes', '10', '--geometry', 'tango', '--lookups', '5', '--latency', 'slow'], /unknown latency model/],
      [['fly'], /unknown command/],
      [['lookup', '--bogus'], /Unknown option/]
    ]
    for (const [args, re] of cases) {
      const r = await cli(...args)
      expect(r.code, args.join(' ')).to.equal(2)
      expect(r.stderr, args.join(' ')).to.match(re)
      expect(r.stdout).to.equal('')
    }
  })
})

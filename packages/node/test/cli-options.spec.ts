/* Goal: `selfmgmt start`'s store options resolve as documented: read leases on by default, off with --no-read-leases, on with --read-leases; the two together, or either with --no-store, are refused with a message that names them. Method: the CLI's own parser and option builder (src/cli), no process; the effect of the resolved options on a running store is checked in node.spec.ts and kv-api.spec.ts (status `readLeases`). */
import { expect } from 'aegir/chai'
import { parse } from '../src/cli/args.ts'
import { startOptions } from '../src/cli/start.ts'
import { resolveOptions } from '../src/options.ts'

describe('selfmgmt start: store options', () => {
  const leases = (...args: string[]): boolean | undefined => startOptions(parse(['start', ...args]).values).readLeases

  it('read leases are on by default, off with --no-read-leases, on with --read-leases, and on in resolved node options unless turned off', () => {
    expect(leases()).to.equal(true)
    expect(leases('--no-read-leases')).to.equal(false)
    expect(leases('--read-leases')).to.equal(true)
    expect(resolveOptions({ dataDir: '/tmp/x' }).readLeases).to.equal(true)
    expect(resolveOptions({ dataDir: '/tmp/x', readLeases: false }).readLeases).to.equal(false)
  })

  it('--read-leases with --no-read-leases, or either with --no-store, is refused', () => {
    expect(() => leases('--read-leases', '--no-read-leases')).to.throw(/--read-leases and --no-read-leases contradict each other/)
    expect(() => leases('--no-store', '--no-read-leases')).to.throw(/--no-store runs no store/)
    expect(() => leases('--no-store', '--read-leases')).to.throw(/--no-store runs no store/)
  })
})

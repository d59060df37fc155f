/* Goal: `selfmgmt start`'s store options resolve as documented: read leases on by default, off with --no-read-leases, on with --read-leases; the two together, or either with --no-store, are refused with a message that names them. `selfmgmt status` warns of peers that serve the store with other settings or, ring members, none (and of none in a healthy ring, or from an older node's answer). Method: the CLI's own parser and option builder (src/cli), no process; the effect of the resolved options on a running store is checked in node.spec.ts and kv-api.spec.ts (status `readLeases`). */
import { expect } from 'aegir/chai'
import { parse } from '../src/cli/args.ts'
import { describeStatus } from '../src/cli/query.ts'
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

  it('status warns of peers that serve the store with other settings, naming them; says nothing of them when there are none', () => {
    const base = { peerId: 'p', ringId: 'r', multiaddrs: [], member: true, state: 'member', geometry: 'ring', k: 2, proximity: false, successors: [], predecessor: null, routingTableSize: 0, uptimeMs: 0, dht: false }
    const store = { r: 4, quorum: 3, ready: true, pendingArcs: 0, records: 1, readLeases: true, leaseReads: 0 }
    const status = (otherSettings?: Array<{ peer: string, protocol: string }>): string => describeStatus({ ...base, store: otherSettings === undefined ? store : { ...store, otherSettings } } as any)
    const line = (s: string): string => s.split('\n').find(l => l.startsWith('store')) ?? ''
    expect(line(status([]))).to.equal('store       r=4 quorum 3, ready, 1 records, read leases on (0 gets answered from this node\'s copy)')
    expect(line(status())).to.equal(line(status([])))
    expect(describeStatus({ ...base, store: { ...store, colocated: true } } as any)).to.include('this node holds two or more replicas of some keys (its range is over 1/r of the ring: a ring of few nodes), unavailable while it is down')
    expect(line(status([{ peer: '12D3KooWA', protocol: '/selfmgmt/store/1.0.0/r3-linearizable-leases' }]))).to.include('; WARNING: 1 peer serves the store with other settings, and no store message passes between them and this node: 12D3KooWA (/selfmgmt/store/1.0.0/r3-linearizable-leases)')
    const both = line(status([{ peer: '12D3KooWA', protocol: '/selfmgmt/store/1.0.0/r3-linearizable-leases' }, { peer: '12D3KooWB', protocol: 'none' }]))
    expect(both).to.include('; WARNING: 1 peer serves the store with other settings, and no store message passes between them and this node: 12D3KooWA (/selfmgmt/store/1.0.0/r3-linearizable-leases)')
    expect(both).to.include('; WARNING: 1 ring member serves no store (started with --no-store): the replicas placed in their ranges are nowhere, and keys with two or more there are unavailable: 12D3KooWB')
    expect(both).to.not.include('12D3KooWB (none)')
  })
})

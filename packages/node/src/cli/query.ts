/**
 * `selfmgmt status`, `lookup KEY` and `ring`: ask a node's API and print the answer, as text for
 * people or (with --json) as the API's JSON on one line.
 */
import { InvalidParametersError } from '@selfmgmt/interface'
import { NO_STORE } from '@selfmgmt/store'
import { ApiClient } from '../api/client.ts'
import { apiUrl } from './args.ts'
import type { Values } from './args.ts'
import type { LookupJson, PeerJson, RingJson, StatusJson } from '../api/json.ts'

export async function runQuery (command: 'status' | 'lookup' | 'ring', v: Values, positionals: string[]): Promise<number> {
  const client = new ApiClient(apiUrl(v))
  let out: unknown
  let text: string
  if (command === 'status') {
    const s = await client.status()
    out = s
    text = describeStatus(s)
  } else if (command === 'lookup') {
    const r = await client.lookup(positionals[0])
    out = r
    text = describeLookup(r)
  } else {
    const r = await client.ring()
    out = r
    text = describeRing(r)
  }
  process.stdout.write(v.json === true ? JSON.stringify(out) + '\n' : text + '\n')
  return 0
}

/** `selfmgmt force-rebuild --yes`: the store's forceRebuild on the node behind --api. */
export async function runForceRebuild (v: Values): Promise<number> {
  if (v.yes !== true) {
    throw new InvalidParametersError('force-rebuild rebuilds the node\'s pending store arcs without the replica holders that do not answer: only for holders lost for good (their disks gone), never while part of the ring may be cut off and still serving. Add --yes to do it')
  }
  const r = await new ApiClient(apiUrl(v)).forceRebuild()
  process.stdout.write(v.json === true ? JSON.stringify(r) + '\n' : `${r.arcs} pending ${r.arcs === 1 ? 'arc' : 'arcs'} of this node's range forced (selfmgmt status shows when they are ready)\n`)
  return 0
}

function peer (p: PeerJson | null | undefined): string {
  return p == null ? '(none)' : `${p.ringId}  ${p.peerId}`
}

function rows (label: string, items: string[]): string[] {
  const width = Math.max(12, label.length + 1)
  if (items.length === 0) { return [`${label.padEnd(width)}(none)`] }
  return items.map((x, i) => `${(i === 0 ? label : '').padEnd(width)}${x}`)
}

export function describeStatus (s: StatusJson): string {
  return [
    `peer id     ${s.peerId}`,
    `ring id     ${s.ringId}`,
    `member      ${s.member ? 'yes' : 'no'}${s.state === 'member' ? '' : ` (${s.state})`}`,
    `geometry    ${s.geometry} k=${s.k}${s.proximity ? ', proximity' : ''}`,
    `predecessor ${peer(s.predecessor)}`,
    ...rows('successors', s.successors.map(peer)),
    `table size  ${s.routingTableSize}`,
    `uptime      ${(s.uptimeMs / 1000).toFixed(1)} s`,
    `kad-dht     ${s.dht ? 'on' : 'off'}`,
    `store       ${s.store == null ? 'off' : `r=${s.store.r} quorum ${s.store.quorum}, ${s.store.ready ? 'ready' : `not ready (${s.store.pendingArcs} arcs pending${stalledLine(s.store.stalledArcs)})`}, ${s.store.records} records${s.store.readLeases === true ? `, read leases on (${String(s.store.leaseReads)} gets answered from this node's copy)` : ''}${s.store.colocated === true ? '; this node holds two or more replicas of some keys (its range is over 1/r of the ring: a ring of few nodes), unavailable while it is down' : ''}${otherSettingsLine(s.store.otherSettings)}`}`,
    ...rows('multiaddrs', s.multiaddrs)
  ].join('\n')
}

/** Pending arcs that wait for copies that do not answer (absent from older nodes' answers). */
function stalledLine (stalled: number | undefined): string {
  if (stalled === undefined || stalled === 0) { return '' }
  return `, ${stalled} waiting for replica copies that have not answered for 10 s: if their holders are lost for good, see selfmgmt force-rebuild`
}

/** Peers that serve the store with other settings, named on the status line (none in a healthy ring; absent from older nodes' answers). */
function otherSettingsLine (others: Array<{ peer: string, protocol: string }> | undefined): string {
  if (others === undefined || others.length === 0) { return '' }
  const differ = others.filter(o => o.protocol !== NO_STORE)
  const none = others.filter(o => o.protocol === NO_STORE)
  const out: string[] = []
  if (differ.length > 0) { out.push(`; WARNING: ${differ.length} ${differ.length === 1 ? 'peer serves' : 'peers serve'} the store with other settings, and no store message passes between them and this node: ${differ.map(o => `${o.peer} (${o.protocol})`).join(', ')}`) }
  if (none.length > 0) { out.push(`; WARNING: ${none.length} ring ${none.length === 1 ? 'member serves' : 'members serve'} no store (started with --no-store): the replicas placed in their ranges are nowhere, and keys with two or more there are unavailable: ${none.map(o => o.peer).join(', ')}`) }
  return out.join('')
}

export function describeLookup (r: LookupJson): string {
  return [
    `key         ${r.key}`,
    `key id      ${r.keyId}`,
    `owner       ${peer(r.owner)}`,
    `hops        ${r.hops}`,
    `latency     ${r.latencyMs.toFixed(1)} ms`
  ].join('\n')
}

export function describeRing (r: RingJson): string {
  const table = r.table.filter(t => t.entry !== null)
  return [
    `self        ${peer(r.self)}`,
    `state       ${r.state}`,
    `geometry    ${r.geometry} k=${r.k}${r.proximity ? ', proximity' : ''}`,
    ...rows('predecessors', r.predList.map(peer)),
    ...rows('successors', r.succList.map(peer)),
    `table       ${r.tableSize} distinct nodes in ${table.length} of ${r.table.length} slots`,
    ...table.map(t => `  level ${String(t.level).padStart(2)} ${t.sign > 0 ? '+' : '-'} ${t.start} -> ${peer(t.entry)}`),
    ...rows('suspects', r.suspects.map(peer)),
    `lookups     ${r.counters.lookupsStarted} started, ${r.counters.lookupsDone} done, ${r.counters.lookupsFailed} failed, ${r.hops.count > 0 ? (r.hops.sum / r.hops.count).toFixed(2) : '-'} hops on average`,
    `streams     ${r.streams} open, ${r.framesDropped} frames dropped`
  ].join('\n')
}

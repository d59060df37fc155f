/**
 * The API's JSON shapes: ring ids as 32 lower-case hex digits, peers as `{ peerId, ringId }`,
 * absent neighbours (and an absent store) as `null`. These types are also what the API client
 * returns.
 */
import { idToHex } from '@selfmgmt/ring'
import type { SelfmgmtNode } from '../node.ts'
import type { LookupResult, NodeRef, RingCounters, RingState, RoutingState, GeometryName, HopStats } from '@selfmgmt/ring'

export interface PeerJson {
  peerId: string
  ringId: string
}

export interface StatusJson {
  peerId: string
  ringId: string
  multiaddrs: string[]
  member: boolean
  state: RingState
  geometry: GeometryName
  k: number
  proximity: boolean
  successors: PeerJson[]
  predecessor: PeerJson | null
  routingTableSize: number
  uptimeMs: number
  dht: boolean
  /** The store's state; null when the node runs no store. */
  store: StoreStatusJson | null
}

export interface StoreStatusJson {
  /** Replication degree. */
  r: number
  /** Slots an operation needs. */
  quorum: number
  /** A store member (the ring joined) with no arc of its range waiting for a hand-off or rebuild. */
  ready: boolean
  /** Arcs of its range not served yet (waiting for a hand-off or being rebuilt). */
  pendingArcs: number
  /**
   * Of those, the arcs waiting for another replica slot's copy that has not answered for 10 s
   * (its holders down, or lost: see `selfmgmt force-rebuild`).
   */
  stalledArcs: number
  /**
   * This node's range is over 1/r of the ring (common in rings of a few nodes, always for a node
   * alone): it holds two or more replicas of some keys, which are unavailable while it is down.
   */
  colocated: boolean
  /** Replica records on this node. */
  records: number
  /** Read leases on (the node option readLeases). */
  readLeases: boolean
  /** Gets this node answered from its own copy under a lease, since it started. */
  leaseReads: number
  /**
   * Peers seen serving the store with other settings (replication degree, consistency, read
   * leases) than this node: no store message passes between them and this node (see the store's
   * settings.ts). Empty in a healthy ring.
   */
  otherSettings: Array<{ peer: string, protocol: string }>
}

/** A write's answer (PUT and DELETE /v1/kv/<key>). */
export interface KvWriteJson {
  version: number
}

export interface LookupJson {
  key: string
  keyId: string
  owner: PeerJson
  hops: number
  latencyMs: number
}

export interface RingJson {
  self: PeerJson
  state: RingState
  geometry: GeometryName
  k: number
  proximity: boolean
  predecessor: PeerJson | null
  predList: PeerJson[]
  succList: PeerJson[]
  table: Array<{ level: number, sign: 1 | -1, start: string, entry: PeerJson | null, candidates: number }>
  tableSize: number
  suspects: PeerJson[]
  hops: HopStats
  counters: RingCounters
  streams: number
  framesDropped: number
  records: number
}

export interface ErrorJson {
  /** `version`: the key's current version, in store errors that know it (404 of a key, 412). */
  error: { code: string, message: string, version?: number }
}

export function peerJson (n: NodeRef): PeerJson {
  return { peerId: n.addr, ringId: idToHex(n.id) }
}

export function statusJson (node: SelfmgmtNode): StatusJson {
  const st = node.ring.getRoutingState()
  return {
    peerId: node.peerId.toString(),
    ringId: idToHex(node.ringId),
    multiaddrs: node.libp2p.getMultiaddrs().map(a => a.toString()),
    member: node.ring.isMember(),
    state: st.state,
    geometry: st.geometry,
    k: st.k,
    proximity: st.proximity,
    successors: st.succList.map(peerJson),
    predecessor: st.pred === undefined ? null : peerJson(st.pred),
    routingTableSize: st.tableSize,
    uptimeMs: Math.round(node.uptimeMs()),
    dht: node.libp2p.services.dht !== undefined,
    store: node.store === undefined ? null : storeStatusJson(node.store.getState())
  }
}

export function storeStatusJson (st: { r: number, quorum: number, readLeases: boolean, member: boolean, colocated: boolean, pending: unknown[], stalled: number, records: number, counters: { leaseReads: number }, otherSettings: Array<{ peer: string, protocol: string }> }): StoreStatusJson {
  return { r: st.r, quorum: st.quorum, ready: st.member && st.pending.length === 0, pendingArcs: st.pending.length, stalledArcs: st.stalled, colocated: st.colocated, records: st.records, readLeases: st.readLeases, leaseReads: st.counters.leaseReads, otherSettings: st.otherSettings.map(o => ({ peer: o.peer, protocol: o.protocol })) }
}

export function ringJson (st: RoutingState & { streams: number, framesDropped: number, records: number }): RingJson {
  return {
    self: peerJson(st.self),
    state: st.state,
    geometry: st.geometry,
    k: st.k,
    proximity: st.proximity,
    predecessor: st.pred === undefined ? null : peerJson(st.pred),
    predList: st.predList.map(peerJson),
    succList: st.succList.map(peerJson),
    table: st.table.map(t => ({ level: t.level, sign: t.sign, start: idToHex(t.start), entry: t.entry === undefined ? null : peerJson(t.entry), candidates: t.candidates })),
    tableSize: st.tableSize,
    suspects: st.suspects.map(peerJson),
    hops: st.hops,
    counters: st.counters,
    streams: st.streams,
    framesDropped: st.framesDropped,
    records: st.records
  }
}

export function lookupJson (key: string, keyId: bigint, r: LookupResult): LookupJson {
  return {
    key,
    keyId: idToHex(keyId),
    owner: { peerId: r.owner.peerId.toString(), ringId: idToHex(r.owner.ringId) },
    hops: r.hops,
    latencyMs: r.latencyMs
  }
}

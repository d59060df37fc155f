/**
 * The options of `createNode`, their defaults (src/constants.ts gives the reasons) and their
 * validation: every option is checked before anything starts, and a bad one throws an
 * `InvalidParametersError` naming it.
 */
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { InvalidParametersError } from '@selfmgmt/interface'
import { getGeometry } from '@selfmgmt/ring'
import { R_MAX, R_MIN } from '@selfmgmt/store'
import * as K from './constants.ts'
import type { KadDHTInit } from '@libp2p/kad-dht'
import type { GeometryConfig, GeometryName } from '@selfmgmt/ring'

/** Ring timeouts; the defaults suit a LAN (see the README for the reason of each). */
export interface RingTimeouts {
  /** Ping interval to the successor (default 1000). A crashed successor is suspected after about 1.5 intervals. */
  pingIntervalMs?: number
  /** A predecessor silent this long is suspected (default 3.5 × pingIntervalMs). */
  predTimeoutMs?: number
  /** A lookup attempt unanswered this long is retried, 3 attempts in all (default 2000). */
  lookupTimeoutMs?: number
  /** A join attempt unanswered this long goes to the next bootstrap node (default 2000). */
  joinTimeoutMs?: number
  /** A graceful leave waits this long for acknowledgements (default 2000). */
  leaveTimeoutMs?: number
  /** Correction-on-change batching (default 200). */
  topologyBatchMs?: number
  /** First probe of a suspected node (default 1000), doubling up to suspectProbeMaxMs (default 10000). */
  suspectProbeMinMs?: number
  suspectProbeMaxMs?: number
  /** Deadline of one lookup, join or leave, and of one store get, put, cas or delete, as seen by callers and the API (default 10000). */
  operationTimeoutMs?: number
}

export interface NodeOptions extends RingTimeouts {
  /** Directory for the identity key (peer.key) and remembered peers (peers.json). Created if missing. */
  dataDir: string
  /** Multiaddrs to listen on (default ['/ip4/127.0.0.1/tcp/0']). */
  listen?: string[]
  /** Ring members to join through, multiaddrs ending in /p2p/<peer id>. None (and no remembered peers): create a new ring. */
  bootstrap?: string[]
  /** Port of the HTTP API on 127.0.0.1; 0 picks a free one; undefined (default) runs no API. */
  apiPort?: number
  /** Routing geometry (default 'dks'). */
  geometry?: GeometryName
  /** Arity of dks, a power of two 2..256 (default 16); ignored by tango and chord. */
  k?: number
  /** Proximity neighbour selection (default false: on a LAN all round trips are alike). */
  proximity?: boolean
  /** Run a kad-dht server beside the ring (default true); an object configures it. */
  dht?: boolean | KadDHTInit
  /** Try the neighbours remembered in peers.json after the bootstrap addresses (default true). */
  rememberPeers?: boolean
  /** Run the replicated store (`node.store`, `/v1/kv`) with its records in `<dataDir>/store.db` (default true). */
  store?: boolean
  /** Replication degree r of the store, an integer 1..8 (default 4). Every node of a ring must use the same. */
  replication?: number
  /** `full` (default): each store write is on disk before it is acknowledged; `normal`: durable at WAL checkpoints (faster, loses the last writes on power loss). */
  storeSync?: 'full' | 'normal'
  /**
   * Read leases in the store (default true; the same on every node): the owner of a key's first
   * replica answers its gets from its own copy under a quorum lease (one round trip, no quorum).
   * Assumes node clocks whose rates differ by less than 15%. false: every get reads a quorum.
   * See the store's README.
   */
  readLeases?: boolean
}

/** Options with every default applied and every value checked. */
export interface ResolvedOptions extends Required<Omit<NodeOptions, 'apiPort' | 'dht' | 'geometry' | 'k'>> {
  apiPort: number | undefined
  geometry: GeometryConfig
  dht: KadDHTInit | undefined
}

/** Applies defaults and validates; throws InvalidParametersError naming the bad option. */
export function resolveOptions (o: NodeOptions): ResolvedOptions {
  if (typeof o?.dataDir !== 'string' || o.dataDir.trim() === '') { throw new InvalidParametersError('dataDir is required (a directory for the identity key and state)') }
  const pingIntervalMs = positiveMs('pingIntervalMs', o.pingIntervalMs, K.PING_INTERVAL_MS)
  const r: ResolvedOptions = {
    dataDir: o.dataDir,
    listen: addrs('listen', o.listen ?? [K.LISTEN_DEFAULT], false),
    bootstrap: addrs('bootstrap', o.bootstrap ?? [], true),
    apiPort: port(o.apiPort),
    geometry: geometry(o.geometry, o.k),
    proximity: o.proximity === true,
    dht: dhtInit(o.dht),
    rememberPeers: o.rememberPeers !== false,
    store: bool('store', o.store, true),
    replication: replication(o.replication),
    storeSync: storeSync(o.storeSync),
    readLeases: bool('readLeases', o.readLeases, true),
    pingIntervalMs,
    predTimeoutMs: positiveMs('predTimeoutMs', o.predTimeoutMs, o.pingIntervalMs === undefined ? K.PRED_TIMEOUT_MS : 3.5 * pingIntervalMs),
    lookupTimeoutMs: positiveMs('lookupTimeoutMs', o.lookupTimeoutMs, K.LOOKUP_TIMEOUT_MS),
    joinTimeoutMs: positiveMs('joinTimeoutMs', o.joinTimeoutMs, K.JOIN_TIMEOUT_MS),
    leaveTimeoutMs: positiveMs('leaveTimeoutMs', o.leaveTimeoutMs, K.LEAVE_TIMEOUT_MS),
    topologyBatchMs: positiveMs('topologyBatchMs', o.topologyBatchMs, K.TOPOLOGY_BATCH_MS),
    suspectProbeMinMs: positiveMs('suspectProbeMinMs', o.suspectProbeMinMs, K.SUSPECT_PROBE_MIN_MS),
    suspectProbeMaxMs: positiveMs('suspectProbeMaxMs', o.suspectProbeMaxMs, K.SUSPECT_PROBE_MAX_MS),
    operationTimeoutMs: positiveMs('operationTimeoutMs', o.operationTimeoutMs, K.OPERATION_TIMEOUT_MS)
  }
  checkOrder(r)
  return r
}

function checkOrder (r: ResolvedOptions): void {
  if (r.predTimeoutMs <= r.pingIntervalMs) { throw new InvalidParametersError(`predTimeoutMs (${r.predTimeoutMs}) must exceed pingIntervalMs (${r.pingIntervalMs}): a predecessor pings once per interval`) }
  if (r.suspectProbeMaxMs < r.suspectProbeMinMs) { throw new InvalidParametersError('suspectProbeMaxMs must be at least suspectProbeMinMs') }
  if (r.operationTimeoutMs <= r.lookupTimeoutMs) { throw new InvalidParametersError(`operationTimeoutMs (${r.operationTimeoutMs}) must exceed lookupTimeoutMs (${r.lookupTimeoutMs}), or no lookup is ever retried`) }
}

function positiveMs (name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) { return fallback }
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 24 * 3600_000) { throw new InvalidParametersError(`${name} must be a positive number of milliseconds (at most a day), got ${String(v)}`) }
  return v
}

function addrs (name: string, list: string[], needPeerId: boolean): string[] {
  if (!Array.isArray(list)) { throw new InvalidParametersError(`${name} must be an array of multiaddrs`) }
  if (list.length > K.BOOTSTRAP_PEERS_MAX) { throw new InvalidParametersError(`${name} takes at most ${K.BOOTSTRAP_PEERS_MAX} addresses, got ${list.length}`) }
  return list.map(a => {
    let ma
    try {
      ma = multiaddr(a)
    } catch (err: any) {
      throw new InvalidParametersError(`${name}: "${String(a)}" is not a multiaddr (${String(err?.message)})`)
    }
    const p2p = ma.getComponents().filter(c => c.name === 'p2p')
    if (needPeerId && p2p.length === 0) { throw new InvalidParametersError(`${name}: "${String(a)}" must end in /p2p/<peer id>`) }
    for (const c of p2p) {
      try {
        peerIdFromString(c.value ?? '')
      } catch {
        throw new InvalidParametersError(`${name}: "${String(a)}" names "${String(c.value)}", which is not a peer id (a node prints its own as peerId; see selfmgmt status)`)
      }
    }
    return ma.toString()
  })
}

function bool (name: string, v: boolean | undefined, fallback: boolean): boolean {
  if (v === undefined) { return fallback }
  if (typeof v !== 'boolean') { throw new InvalidParametersError(`${name} must be true or false, got ${String(v)}`) }
  return v
}

function replication (r: number | undefined): number {
  if (r === undefined) { return K.REPLICATION_DEFAULT }
  if (!Number.isInteger(r) || r < R_MIN || r > R_MAX) { throw new InvalidParametersError(`replication must be an integer ${R_MIN}..${R_MAX} (the same on every node), got ${String(r)}`) }
  return r
}

function storeSync (v: string | undefined): 'full' | 'normal' {
  if (v === undefined) { return K.STORE_SYNC_DEFAULT }
  if (v !== 'full' && v !== 'normal') { throw new InvalidParametersError(`storeSync must be 'full' or 'normal', got ${String(v)}`) }
  return v
}

function port (p: number | undefined): number | undefined {
  if (p === undefined) { return undefined }
  if (!Number.isInteger(p) || p < 0 || p > 65535) { throw new InvalidParametersError(`apiPort must be an integer 0..65535 (0 picks a free port), got ${String(p)}`) }
  return p
}

function geometry (name: GeometryName | undefined, k: number | undefined): GeometryConfig {
  const config: GeometryConfig = { name: name ?? K.GEOMETRY_DEFAULT, k: k ?? K.K_DEFAULT }
  try {
    getGeometry(config)
  } catch (err: any) {
    throw new InvalidParametersError(`geometry: ${String(err?.message)}`, { cause: err })
  }
  return config
}

function dhtInit (dht: boolean | KadDHTInit | undefined): KadDHTInit | undefined {
  if (dht === false) { return undefined }
  if (dht === undefined || dht === true) { return {} }
  if (typeof dht !== 'object' || dht === null) { throw new InvalidParametersError('dht must be a boolean or a kad-dht init object') }
  return dht
}

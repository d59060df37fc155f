/**
 * `createNode`: a started selfmgmt node. libp2p with TCP, Noise, Yamux, identify, ping, the ring,
 * (by default) the replicated store and a kad-dht server; the identity key, remembered peers and
 * store records under the data directory; the HTTP API when asked for. The node joins in the
 * background (bounded rounds with jittered back-off) and `stop()` hands its store range over and
 * leaves gracefully before it shuts anything down.
 */
import { join } from 'node:path'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { peerIdFromString } from '@libp2p/peer-id'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { AbortError, TimeoutError, assert } from '@selfmgmt/interface'
import { JoinFailedError, ring } from '@selfmgmt/ring'
import { CorruptDatabaseError, SettingsMismatchError, store } from '@selfmgmt/store'
import { createLibp2p } from 'libp2p'
import { startApi } from './api/server.ts'
import * as K from './constants.ts'
import { lockDataDir } from './data-dir-lock.ts'
import { ListenFailedError } from './errors.ts'
import { ensureDataDir, loadOrCreateIdentity } from './identity.ts'
import { resolveOptions } from './options.ts'
import { loadPeerAddrs, savePeers } from './peer-cache.ts'
import type { ApiServer } from './api/server.ts'
import type { DataDirLock } from './data-dir-lock.ts'
import type { NodeOptions, ResolvedOptions } from './options.ts'
import type { SavedPeer } from './peer-cache.ts'
import type { Identify } from '@libp2p/identify'
import type { AbortOptions, Libp2p, Logger, PeerId, PrivateKey } from '@libp2p/interface'
import type { KadDHT } from '@libp2p/kad-dht'
import type { Ping } from '@libp2p/ping'
import type { RingId, RingService } from '@selfmgmt/ring'
import type { StoreService } from '@selfmgmt/store'

export interface NodeServices extends Record<string, unknown> {
  identify: Identify
  ping: Ping
  ring: RingService
  store?: StoreService
  dht?: KadDHT
}

export type NodeLibp2p = Libp2p<NodeServices>

/** A running selfmgmt node. */
export interface SelfmgmtNode {
  readonly libp2p: NodeLibp2p
  readonly ring: RingService
  /** The replicated store (get, put, cas, delete by key); undefined when started with `store: false`. */
  readonly store: StoreService | undefined
  readonly peerId: PeerId
  readonly ringId: RingId
  readonly dataDir: string
  /** `http://127.0.0.1:<port>` when the API runs. */
  readonly apiUrl: string | undefined
  /** The options in force, defaults applied. */
  readonly options: Readonly<ResolvedOptions>
  /** Milliseconds since the node started. */
  uptimeMs(): number
  /** Resolves once the node is a ring member; rejects when joining failed for good, on abort, or after JOIN_WAIT_TIMEOUT_MS. */
  waitForJoin(options?: AbortOptions): Promise<void>
  /** Hands the store's range to the successor, leaves the ring (neighbours take over), closes the API, stops libp2p. Idempotent; bounded by STOP_TIMEOUT_MS. */
  stop(): Promise<void>
}

/**
 * Starts a node; resolves once libp2p and the API listen (joining goes on in the background).
 * A store file that is damaged or not a selfmgmt store stops the start with CorruptDatabaseError,
 * one written with another replication degree with SettingsMismatchError (libp2p stopped
 * again); the file is never replaced.
 */
export async function createNode (options: NodeOptions): Promise<SelfmgmtNode> {
  const opts = resolveOptions(options)
  await ensureDataDir(opts.dataDir)
  const lock = await lockDataDir(opts.dataDir)
  let libp2p: NodeLibp2p
  try {
    const { privateKey } = await loadOrCreateIdentity(opts.dataDir)
    // libp2p stops whatever it started when a service's start fails, then rethrows.
    libp2p = await createLibp2p(libp2pInit(opts, privateKey)) as unknown as NodeLibp2p
  } catch (err: any) {
    await lock.release()
    if (err?.name === 'UnsupportedListenAddressesError') { throw new ListenFailedError(`the node did not start: ${listenFailures(String(err.message))}; choose other --listen addresses (the listen option), or stop what uses them`, { cause: err }) }
    if (err?.name === 'SettingsMismatchError') { throw new SettingsMismatchError(`the node did not start: ${String(err.message)}. A node's r is its option replication (--replication on the command line)`, { saved: err.saved, wanted: err.wanted }, { cause: err }) }
    if (err?.name !== 'CorruptDatabaseError') { throw err }
    throw new CorruptDatabaseError(`the node did not start: ${String(err.message)}. Move the file away to start with an empty store (the other replicas rebuild this node's range); it is never replaced`, { cause: err })
  }
  const node = new Node(libp2p, opts, lock)
  try {
    await node.start()
  } catch (err) {
    await libp2p.stop()
    await lock.release()
    throw err
  }
  return node
}

/**
 * libp2p's UnsupportedListenAddressesError lists each address with the error and its stack, and
 * advice about its own options: the addresses and the first line of each error, for people.
 */
function listenFailures (message: string): string {
  const each = [...message.matchAll(/^\s*(\/\S+): (?:Error: )?(.*)$/gm)].map(m => `${m[1]} (${m[2]})`)
  return each.length === 0 ? `cannot listen on the configured addresses: ${message.split('\n')[0]}` : `cannot listen on ${each.join(', ')}`
}

function libp2pInit (opts: ResolvedOptions, privateKey: PrivateKey): Parameters<typeof createLibp2p>[0] {
  const services: Record<string, any> = {
    identify: identify(),
    // libp2p's connection monitor pings every connection on this protocol every 10 s; with
    // @libp2p/ping's default of one outbound stream per connection a user's own ping at that
    // moment fails with TooManyOutboundProtocolStreamsError. Room for a few at once.
    ping: ping({ maxOutboundStreams: K.PING_STREAMS, maxInboundStreams: K.PING_STREAMS }),
    ring: ring({
      geometry: opts.geometry,
      proximity: opts.proximity,
      autoJoin: false,
      timeoutMs: opts.operationTimeoutMs,
      pingIntervalMs: opts.pingIntervalMs,
      predTimeoutMs: opts.predTimeoutMs,
      lookupTimeoutMs: opts.lookupTimeoutMs,
      joinTimeoutMs: opts.joinTimeoutMs,
      leaveTimeoutMs: opts.leaveTimeoutMs,
      topologyBatchMs: opts.topologyBatchMs,
      suspectProbeMinMs: opts.suspectProbeMinMs,
      suspectProbeMaxMs: opts.suspectProbeMaxMs
    })
  }
  if (opts.store) { services.store = store({ r: opts.replication, path: join(opts.dataDir, K.STORE_FILE), sync: opts.storeSync, timeoutMs: opts.operationTimeoutMs, leases: opts.readLeases }) }
  // Server mode so stock peers can use us; private addresses kept, as a LAN has nothing else.
  if (opts.dht !== undefined) { services.dht = kadDHT({ clientMode: false, peerInfoMapper: passthroughMapper, ...opts.dht }) }
  return {
    privateKey,
    addresses: { listen: opts.listen },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionManager: {
      inboundConnectionThreshold: K.INBOUND_CONNECTION_THRESHOLD,
      maxIncomingPendingConnections: K.INCOMING_PENDING_CONNECTIONS_MAX,
      maxConnections: K.CONNECTIONS_MAX
    },
    services
  }
}

class Node implements SelfmgmtNode {
  /** The data directory's lock (data-dir-lock.ts), released when the node has stopped. */
  private readonly lock: DataDirLock
  readonly libp2p: NodeLibp2p
  readonly ring: RingService
  readonly store: StoreService | undefined
  readonly peerId: PeerId
  readonly ringId: RingId
  readonly dataDir: string
  readonly options: Readonly<ResolvedOptions>
  private readonly log: Logger
  private readonly startedAtMs = performance.now()
  private readonly stopController = new AbortController()
  private api: ApiServer | undefined
  private joinError: Error | undefined
  private savedPeersKey = ''
  private saveTimer: ReturnType<typeof setInterval> | undefined
  private stopping: Promise<void> | undefined
  private readonly onJoined = (): void => { this.saveNeighbours() }

  constructor (libp2p: NodeLibp2p, opts: ResolvedOptions, lock: DataDirLock) {
    this.lock = lock
    this.libp2p = libp2p
    this.ring = libp2p.services.ring
    this.store = libp2p.services.store
    this.peerId = libp2p.peerId
    this.ringId = this.ring.self.ringId
    this.dataDir = opts.dataDir
    this.options = opts
    this.log = libp2p.logger.forComponent('selfmgmt:node')
    assert(this.peerId.type === 'Ed25519', 'the node identity is an Ed25519 key')
  }

  get apiUrl (): string | undefined {
    return this.api?.url
  }

  uptimeMs (): number {
    return performance.now() - this.startedAtMs
  }

  async start (): Promise<void> {
    if (this.options.apiPort !== undefined) { this.api = await startApi(this, { port: this.options.apiPort }) }
    this.ring.addEventListener('joined', this.onJoined)
    this.saveTimer = setInterval(() => { this.saveNeighbours() }, K.PEERS_SAVE_INTERVAL_MS)
    this.saveTimer.unref()
    this.joinLoop().catch(err => {
      this.joinError = err
      this.log.error('joining the ring failed - %e', err)
    })
  }

  /** Creates a ring (nothing to join through) or joins, in rounds with jittered back-off. */
  private async joinLoop (): Promise<void> {
    const explicit = this.options.bootstrap
    const signal = this.stopController.signal
    const remembered = this.options.rememberPeers ? await loadPeerAddrs(this.dataDir, this.log) : []
    // Stopped meanwhile: creating a ring now would start the ring's timers on a stopped node.
    if (signal.aborted) { return }
    const self = this.peerId.toString()
    const boot = [...new Set([...explicit, ...remembered])].filter(a => !a.endsWith(`/p2p/${self}`)).slice(0, K.BOOTSTRAP_PEERS_MAX)
    if (boot.length === 0) {
      this.log('no bootstrap peers: creating a new ring')
      this.ring.create()
      return
    }
    let lastError: Error | undefined
    for (let round = 1; round <= K.JOIN_ROUNDS_MAX; round++) {
      if (signal.aborted || this.ring.isMember()) { return }
      // A join still in progress from the previous round (the core retries on its own) is waited for, not restarted.
      if (this.ring.getRoutingState().state === 'idle') {
        try {
          await this.ring.join(boot, { signal })
          return
        } catch (err: any) {
          lastError = err
          this.log('join round %d/%d through %d peers failed - %e', round, K.JOIN_ROUNDS_MAX, boot.length, err)
        }
      }
      if (signal.aborted || this.ring.isMember()) { return }
      if (explicit.length === 0 && this.ring.getRoutingState().state === 'idle') {
        this.log('no remembered peer answered: creating a new ring')
        this.ring.create()
        // They may only be away for now: keep asking, and merge the rings when one answers.
        this.reuniteLoop(boot).catch(err => { this.log.error('looking for remembered peers failed - %e', err) })
        return
      }
      await sleep(backoffMs(round), signal).catch(() => {}) // a stop ends the loop at its top
    }
    if (!this.ring.isMember()) {
      const last = lastError === undefined ? '' : ` (the last round: ${lastError.message}${lastError.cause instanceof Error ? `: ${lastError.cause.message}` : ''})`
      throw new JoinFailedError(`could not join the ring through ${boot.join(', ')} in ${K.JOIN_ROUNDS_MAX} rounds${last}`, { cause: lastError })
    }
  }

  /**
   * We created a ring of our own because none of the peers we remember answered. They may be a
   * ring that is only unreachable for now (a restart during a network outage): ask them again,
   * with back-off, and merge the two rings (ring unification) once one answers, until one of them
   * is a neighbour of ours (then we are one ring).
   */
  private async reuniteLoop (boot: string[]): Promise<void> {
    const signal = this.stopController.signal
    const remembered = new Set(boot.map(a => /\/p2p\/([^/]+)$/.exec(a)?.[1]).filter(x => x !== undefined))
    for (let round = 1; !signal.aborted; round++) {
      await sleep(reuniteDelayMs(round), signal).catch(() => {}) // a stop ends the loop below
      if (signal.aborted) { return }
      const st = this.ring.getRoutingState()
      if ([...st.succList, ...st.predList].some(n => remembered.has(n.addr))) {
        this.log('a remembered peer is a neighbour again: one ring')
        return
      }
      const found = await this.ring.reunite(boot, { signal: AbortSignal.any([signal, AbortSignal.timeout(K.REUNITE_ROUND_TIMEOUT_MS)]) }).catch(() => 0)
      if (found > 0) { this.log('%d remembered peer(s) answered: merging the rings', found) }
    }
  }

  async waitForJoin (options: AbortOptions = {}): Promise<void> {
    const deadline = AbortSignal.timeout(K.JOIN_WAIT_TIMEOUT_MS)
    const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline])
    for (;;) {
      if (this.ring.isMember()) { return }
      if (this.joinError !== undefined) { throw this.joinError }
      if (this.stopping !== undefined) { throw new AbortError('the node is stopping') }
      if (signal.aborted) { throw options.signal?.aborted === true ? new AbortError() : new TimeoutError(`not a ring member after ${K.JOIN_WAIT_TIMEOUT_MS} ms`) }
      await sleep(K.JOIN_POLL_INTERVAL_MS, signal).catch(() => {}) // an abort is reported at the top of the loop
    }
  }

  /** Writes the current ring neighbours and their addresses to peers.json (if they changed). */
  private saveNeighbours (): void {
    this.saveNeighboursNow().catch(err => { this.log.error('saving remembered peers failed - %e', err) })
  }

  private async saveNeighboursNow (): Promise<void> {
    if (!this.options.rememberPeers || !this.ring.isMember()) { return }
    const st = this.ring.getRoutingState()
    const ids = [...new Set([...st.succList, ...st.predList].map(n => n.addr))].slice(0, K.PEERS_SAVED_MAX)
    const peers: SavedPeer[] = []
    for (const id of ids) {
      const info = await this.libp2p.peerStore.get(peerIdFromString(id)).catch(() => undefined) // a peer not (or no longer) in the store is skipped
      const multiaddrs = (info?.addresses ?? []).map(a => a.multiaddr.toString()).slice(0, K.PEER_ADDRS_SAVED_MAX)
      if (multiaddrs.length > 0) { peers.push({ peerId: id, multiaddrs }) }
    }
    const key = JSON.stringify(peers)
    if (peers.length === 0 || key === this.savedPeersKey) { return }
    await savePeers(this.dataDir, peers)
    this.savedPeersKey = key
  }

  async stop (): Promise<void> {
    this.stopping ??= this.stopGracefully()
    return this.stopping
  }

  private async stopGracefully (): Promise<void> {
    this.stopController.abort()
    clearInterval(this.saveTimer)
    this.ring.removeEventListener('joined', this.onJoined)
    const signal = AbortSignal.timeout(K.STOP_TIMEOUT_MS)
    await this.saveNeighboursNow().catch(err => { this.log.error('saving remembered peers failed - %e', err) })
    if (this.ring.isMember()) {
      // The store hands its records to the successor first (a before-leave hook of the ring, while
      // we are still a member), then neighbours take over our range; a leave that is not
      // acknowledged in time is abandoned.
      await this.ring.leave({ signal }).catch(err => { this.log('graceful leave incomplete - %e', err) })
    }
    await this.api?.close()
    // libp2p's own stop closes every connection; it is bounded too, so stop() always returns.
    await untilAborted(Promise.resolve(this.libp2p.stop()), signal).catch(err => { this.log.error('stopping libp2p did not finish - %e', err) })
    await this.lock.release()
  }
}

/** Back-off before join round `round + 1`: doubling from JOIN_BACKOFF_MIN_MS, capped, jittered ±25 %. */
/** Delay before the n-th look for remembered peers after creating a ring alone: doubling, capped. */
function reuniteDelayMs (round: number): number {
  const base = Math.min(K.REUNITE_MAX_MS, K.REUNITE_MIN_MS * 2 ** Math.max(0, round - 1))
  return base * (0.75 + Math.random() * 0.5)
}

export function backoffMs (round: number): number {
  const base = Math.min(K.JOIN_BACKOFF_MAX_MS, K.JOIN_BACKOFF_MIN_MS * 2 ** Math.max(0, round - 1))
  return base * (0.75 + Math.random() * 0.5)
}

async function untilAborted (p: Promise<void>, signal: AbortSignal): Promise<void> {
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => { reject(new TimeoutError(`still running after ${K.STOP_TIMEOUT_MS} ms`)) }
    if (signal.aborted) { onAbort() } else { signal.addEventListener('abort', onAbort, { once: true }) }
  })
  try {
    await Promise.race([p, aborted])
  } finally {
    if (onAbort !== undefined) { signal.removeEventListener('abort', onAbort) }
  }
}

async function sleep (ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) { throw new AbortError() }
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new AbortError())
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

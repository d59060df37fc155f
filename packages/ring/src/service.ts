/**
 * The libp2p driver of the ring core: the `ring()` service. It decodes frames and feeds them to
 * the pure core, sends what the core emits over one long-lived stream per peer, keeps one timer
 * armed at the core's next deadline, turns core events into promises and events for callers,
 * and serves libp2p peer and content routing through the ring. No protocol logic lives here.
 */
import { InvalidMessageError, NotFoundError, TimeoutError, serviceCapabilities, serviceDependencies, peerRoutingSymbol, contentRoutingSymbol } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import { AbortError } from '@selfmgmt/interface'
import { TypedEventEmitter } from 'main-event'
import { CustomProgressEvent } from 'progress-events'
import { Channels } from './channels.ts'
import * as K from './constants.ts'
import { idFromBytes, idToBytes, inOpenOpen, keyToId, ID_BYTES } from './core/id.ts'
import { RingNode } from './core/ring-node.ts'
import { CoreTimer } from './core-timer.ts'
import { JoinFailedError, LookupFailedError, NotMemberError, UnsupportedPeerError } from './errors.ts'
import { readFrames } from './frames.ts'
import { acquirePauseClock, pauseAwareNow, releasePauseClock } from './pause-clock.ts'
import { RecordRequest, RecordResponse } from './pb/records.ts'
import { multiaddrsFromBytes, nodeRefOf, peerIdFromBytes, peerIdOf, ringIdOfPeer } from './peers.ts'
import { RecordStore } from './records.ts'
import { decodeMessage, encodeMessage } from './wire.ts'
import type { GeometryConfig } from './core/geometry.ts'
import type { RingId } from './core/id.ts'
import type { NodeRef } from './core/node-ref.ts'
import type { RingConfig } from './core/ring-node.ts'
import type { RingCommand, RingEvent, RoutingState } from './core/types.ts'
import type { RecordPeer } from './pb/records.ts'
import type { Peer as PbPeer } from './pb/ring.ts'
import type { PeerCodec } from './wire.ts'
import type { Provider, AbortOptions, ComponentLogger, Connection, ContentRouting, Logger, Metrics, PeerId, PeerInfo, PeerRouting, PeerStore, Startable, Stream, TypedEventTarget, Libp2pEvents, CounterGroup, Counter } from '@libp2p/interface'
import type { AddressManager, ConnectionManager, Registrar } from '@libp2p/interface-internal'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'
import type { ProgressEvent, ProgressOptions } from 'progress-events'

export interface RingInit extends Partial<Omit<RingConfig, 'self' | 'geometry' | 'proximity'>> {
  /** Routing geometry (default dks with k = 16: the fewest hops for the table size). */
  geometry?: GeometryConfig
  /** Proximity neighbour selection: measure candidates' RTTs and prefer the nearest (default false; turn it on for WANs). */
  proximity?: boolean
  /** Members to join through; with none, `start` creates a new ring. */
  bootstrap?: Array<string | Multiaddr>
  /** Join (or create) when libp2p starts (default true). */
  autoJoin?: boolean
  /** Default deadline of lookups, requests and joins (default 30 s). */
  timeoutMs?: number
  protocol?: string
  maxInboundStreams?: number
  maxOutboundStreams?: number
}

export interface RingComponents {
  peerId: PeerId
  registrar: Registrar
  connectionManager: ConnectionManager
  peerStore: PeerStore
  addressManager: AddressManager
  events: TypedEventTarget<Libp2pEvents>
  logger: ComponentLogger
  metrics?: Metrics
}

export interface RingPeer {
  peerId: PeerId
  ringId: RingId
}

export interface LookupResult {
  owner: RingPeer
  hops: number
  latencyMs: number
}

export type RingProgressEvents =
  | ProgressEvent<'selfmgmt:ring:lookup', { key: RingId }>
  | ProgressEvent<'selfmgmt:ring:lookup-done', LookupResult>

export interface RingOperationOptions extends AbortOptions, ProgressOptions<RingProgressEvents> {}

export interface RingEvents {
  /** This node joined a ring (or created one). */
  joined: CustomEvent<{ pred?: RingPeer, succ?: RingPeer }>
  /** The range this node owns changed (hand-off point for storage). */
  'range-changed': CustomEvent<{ pred?: RingPeer }>
  /** A payload routed to a key this node owns (`route`), or broadcast to every node. */
  message: CustomEvent<{ key?: RingId, from: RingPeer, payload: Uint8Array, broadcast: boolean }>
  /** A neighbour or finger was suspected to have failed. */
  suspected: CustomEvent<RingPeer>
}

/** Out-of-state messages that happen in normal operation (late answers): counted, not punished. */
const BENIGN = new Set(['ack-unexpected', 'pong-unexpected', 'probe-ack-unexpected', 'lookup-reply-unexpected',
  'finger-answer-unexpected', 'leave-ack-unexpected', 'join-ok-not-joining', 'join-ok-unexpected', 'cast-duplicate',
  'hint-unusable', 'correction-unusable', 'ttl-exceeded', 'no-route', 'hops-pending-full'])

interface Pending {
  resolve(ev: Extract<RingEvent, { type: 'lookup-done' }>): void
  reject(err: Error): void
}

export class RingService extends TypedEventEmitter<RingEvents> implements Startable {
  readonly [Symbol.toStringTag] = '@selfmgmt/ring'
  readonly [serviceCapabilities]: string[] = ['@selfmgmt/ring', '@libp2p/peer-routing', '@libp2p/content-routing']
  readonly [serviceDependencies]: string[] = []

  private readonly components: RingComponents
  private readonly init: RingInit
  private readonly log: Logger
  private readonly protocol: string
  private readonly timeoutMs: number
  private core: RingNode | undefined
  private readonly channels: Channels
  private readonly addressBook = new Map<string, Multiaddr[]>()
  private readonly peerBytes = new Map<string, Uint8Array<ArrayBuffer>>()
  private readonly pending = new Map<number, Pending>()
  private readonly records = new RecordStore()
  private reqSeq = 0
  /**
   * Between start and stop. Once stopping, nothing reaches the core any more and its timer is
   * not armed again: a message or an unreachable peer handled while the streams close would
   * otherwise re-arm the periodic tick, which re-arms itself and keeps the process alive.
   */
  private running = false

  private readonly timer = new CoreTimer(() => this.now(), () => {
    if (!this.running) { return }
    this.core?.handleTimeout(this.now())
    this.flush()
  })

  private readonly timeOrigin = pauseAwareNow()
  private clockHeld = false
  private joinWaiters: Array<{ resolve(): void, reject(e: Error): void }> = []
  private leaveWaiters: Array<() => void> = []
  private leaveHooks: Array<(options: AbortOptions) => Promise<void>> = []
  private tagged = new Set<string>()
  private taggedVersion = -1
  private lastTagMs = -Infinity
  private readonly metrics: { sent?: CounterGroup, received?: CounterGroup, rejected?: CounterGroup, lookups?: CounterGroup, hops?: Counter }
  private readonly codec: PeerCodec
  private readonly onIdentify = (evt: CustomEvent<{ peerId: PeerId, listenAddrs: Multiaddr[] }>): void => {
    if (evt.detail.listenAddrs.length > 0) { this.remember(evt.detail.peerId.toString(), evt.detail.listenAddrs) }
  }

  constructor (components: RingComponents, init: RingInit = {}) {
    super()
    this.components = components
    this.init = init
    this.log = components.logger.forComponent('selfmgmt:ring')
    this.protocol = init.protocol ?? K.PROTOCOL
    this.timeoutMs = init.timeoutMs ?? K.OPERATION_TIMEOUT_MS
    this.channels = new Channels({
      open: async (addr, signal) => this.openStream(addr, signal),
      unreachable: (addr, err) => this.onUnreachable(addr, err),
      log: this.log
    })
    const m = components.metrics
    this.metrics = {
      sent: m?.registerCounterGroup('selfmgmt_ring_messages_sent_total', { label: 'type' }),
      received: m?.registerCounterGroup('selfmgmt_ring_messages_received_total', { label: 'type' }),
      rejected: m?.registerCounterGroup('selfmgmt_ring_messages_rejected_total', { label: 'reason' }),
      lookups: m?.registerCounterGroup('selfmgmt_ring_lookups_total', { label: 'outcome' }),
      hops: m?.registerCounter('selfmgmt_ring_lookup_hops_total')
    }
    this.codec = { toPeer: n => this.toPeer(n), fromPeer: p => this.fromPeer(p) }
  }

  // ------------------------------------------------------------------ lifecycle

  async start (): Promise<void> {
    const self = nodeRefOf(this.components.peerId)
    if (self === undefined) { throw new UnsupportedPeerError('the ring needs a peer id that embeds its public key (Ed25519 or secp256k1), not RSA') }
    if (!this.clockHeld) { acquirePauseClock() }
    this.clockHeld = true
    this.core = new RingNode({ ...this.coreConfig(), self, geometry: this.init.geometry ?? { name: 'dks', k: 16 }, proximity: this.init.proximity === true })
    this.running = true
    await this.components.registrar.handle(this.protocol, (stream, connection) => this.onStream(stream, connection), {
      maxInboundStreams: this.init.maxInboundStreams ?? K.MAX_INBOUND_STREAMS,
      maxOutboundStreams: this.init.maxOutboundStreams ?? K.MAX_OUTBOUND_STREAMS
    })
    this.components.events.addEventListener('peer:identify', this.onIdentify as any)
  }

  async afterStart (): Promise<void> {
    if (this.init.autoJoin === false) { return }
    const boot = this.init.bootstrap ?? []
    if (boot.length === 0) {
      this.create()
      return
    }
    // Joining must not block libp2p's start: failures are logged and left to the caller.
    this.join(boot).catch(err => { this.log.error('joining the ring failed - %e', err) })
  }

  /** Leaves gracefully while the network is still up (neighbours take over our range). */
  async beforeStop (): Promise<void> {
    if (this.core?.isMember() === true) {
      await this.leave({ signal: AbortSignal.timeout(5000) }).catch(err => { this.log('graceful leave incomplete - %e', err) })
    }
  }

  async stop (): Promise<void> {
    this.running = false
    this.components.events.removeEventListener('peer:identify', this.onIdentify as any)
    this.timer.clear()
    if (this.clockHeld) { releasePauseClock() }
    this.clockHeld = false
    await this.components.registrar.unhandle(this.protocol)
    await this.channels.closeAll()
    for (const p of this.pending.values()) { p.reject(new NotMemberError('the ring service stopped')) }
    this.pending.clear()
    for (const w of this.joinWaiters) { w.reject(new NotMemberError('the ring service stopped')) }
    this.joinWaiters = []
  }

  private coreConfig (): Partial<RingConfig> {
    const { geometry, proximity, bootstrap, autoJoin, timeoutMs, protocol, maxInboundStreams, maxOutboundStreams, ...core } = this.init
    return core
  }

  // ------------------------------------------------------------------ public API

  /** This node's ring identity. */
  get self (): RingPeer {
    return { peerId: this.components.peerId, ringId: this.requireCore().self.id }
  }

  isMember (): boolean {
    return this.core?.isMember() === true
  }

  /** Creates a new ring with this node as its only member. */
  create (): void {
    this.command({ type: 'create' })
  }

  /** Joins the ring through any of these members (multiaddrs with /p2p/ or peer ids). */
  async join (bootstrap: Array<string | Multiaddr>, options: AbortOptions = {}): Promise<void> {
    const core = this.requireCore()
    if (core.isMember()) { return }
    const refs: NodeRef[] = []
    const why: string[] = []
    for (const b of bootstrap) {
      const got = await this.bootstrapRef(b, options)
      if (typeof got === 'string') {
        why.push(`${b.toString()}: ${got}`)
      } else if (got === undefined) {
        why.push(`${b.toString()}: an RSA peer id (ring ids need Ed25519 or secp256k1 keys)`)
      } else if (got.addr !== core.self.addr) {
        refs.push(got)
      }
    }
    if (refs.length === 0) { throw new JoinFailedError(`no usable bootstrap peer${why.length === 0 ? '' : ` (${why.slice(0, 4).join('; ')})`}`) }
    // Reaching the bootstrap peers may have taken the whole deadline: then nothing is started.
    options.signal?.throwIfAborted()
    if (core.isMember()) { return }
    const done = new Promise<void>((resolve, reject) => { this.joinWaiters.push({ resolve, reject }) })
    // A join already under way (an earlier call that timed out, say) is waited for, not restarted.
    if (core.state !== 'joining') { this.command({ type: 'join', bootstrap: refs }) }
    await this.withDeadline(done, options, () => {})
  }

  /**
   * Merges our ring with the rings of these peers (multiaddrs with /p2p/ or peer ids) where they
   * are members of another one: a node that created a ring of its own because none of the peers
   * it remembered answered, and finds them later. Each reachable ring member is taken as a node
   * found alive again, and ring unification (the same as after a partition) does the rest.
   * Returns how many peers were reachable ring members.
   */
  async reunite (peers: Array<string | Multiaddr>, options: AbortOptions = {}): Promise<number> {
    const core = this.requireCore()
    if (!core.isMember()) { return 0 }
    let n = 0
    for (const b of peers) {
      const ref = await this.bootstrapRef(b, options)
      if (ref === undefined || typeof ref === 'string' || ref.addr === core.self.addr) { continue }
      this.command({ type: 'reunite', node: ref })
      n++
    }
    return n
  }

  /**
   * Registers work to finish before this node leaves the ring (a store handing its replicas to
   * the successor, say): `leave()` runs every hook, while the node is still a member, before it
   * tells its neighbours. Returns a function that unregisters the hook.
   */
  beforeLeave (hook: (options: AbortOptions) => Promise<void>): () => void {
    this.leaveHooks.push(hook)
    return () => { this.leaveHooks = this.leaveHooks.filter(h => h !== hook) }
  }

  /** Leaves the ring gracefully: neighbours take over; resolves when they acknowledged (or after a timeout). */
  async leave (options: AbortOptions = {}): Promise<void> {
    const core = this.requireCore()
    if (!core.isMember()) { return }
    for (const hook of this.leaveHooks) {
      try {
        await hook(options)
      } catch (err) {
        this.log('a before-leave hook failed - %e', err)
      }
    }
    if (!core.isMember()) { return }
    const done = new Promise<void>(resolve => { this.leaveWaiters.push(resolve) })
    this.command({ type: 'leave' })
    await this.withDeadline(done, options, () => {})
  }

  /** Finds the owner of a key (a string is hashed as UTF-8, bytes as they are, or a ring id). */
  async lookup (key: string | Uint8Array | RingId, options: RingOperationOptions = {}): Promise<LookupResult> {
    const k = typeof key === 'bigint' ? key : keyToId(key)
    const reqId = this.nextReqId()
    options.onProgress?.(new CustomProgressEvent('selfmgmt:ring:lookup', { key: k }))
    const ev = await this.await(reqId, options, { type: 'lookup', key: k, reqId })
    const result = { owner: this.ringPeer(ev.owner), hops: ev.hops, latencyMs: ev.latencyMs }
    options.onProgress?.(new CustomProgressEvent('selfmgmt:ring:lookup-done', result))
    return result
  }

  /**
   * Routes a payload to the owner of a key and resolves with the owner's answer (the owner's
   * `message` listeners answer through `respond`; unanswered requests time out).
   */
  async request (key: RingId, payload: Uint8Array, options: RingOperationOptions = {}): Promise<{ owner: RingPeer, payload: Uint8Array, hops: number }> {
    const reqId = this.nextReqId()
    const ev = await this.await(reqId, options, { type: 'route', key, reqId, payload, wantReply: true })
    return { owner: this.ringPeer(ev.owner), payload: ev.payload ?? new Uint8Array(0), hops: ev.hops }
  }

  /** Delivers a payload once to every ring member (`message` events with `broadcast: true`). */
  broadcast (payload: Uint8Array): void {
    this.command({ type: 'broadcast', payload })
  }

  /** Switches routing geometry at run time (reflective routing). */
  setGeometry (geometry: GeometryConfig): void {
    this.command({ type: 'set-geometry', geometry })
  }

  setProximity (enabled: boolean): void {
    this.command({ type: 'set-proximity', enabled })
  }

  /** The routing state as plain data: geometry, table, neighbours, counters. */
  getRoutingState (): RoutingState & { streams: number, framesDropped: number, records: number } {
    return { ...this.requireCore().getRoutingState(), streams: this.channels.size, framesDropped: this.channels.dropped, records: this.records.size }
  }

  // ------------------------------------------------------------------ libp2p routing

  get [peerRoutingSymbol] (): Partial<PeerRouting> {
    return {
      findPeer: async (peerId, options) => this.findPeer(peerId, options),
      getClosestPeers: (key, options) => this.getClosestPeers(key, options)
    }
  }

  get [contentRoutingSymbol] (): Partial<ContentRouting> {
    return {
      provide: async (cid, options) => this.provide(cid, options),
      cancelReprovide: async () => {},
      findProviders: (cid, options) => this.findProviders(cid, options),
      put: async (key, value, options) => this.put(key, value, options),
      get: async (key, options) => this.get(key, options)
    }
  }

  /** Finds a ring member by peer id: its owner lookup must land on it. */
  async findPeer (peerId: PeerId, options: RingOperationOptions = {}): Promise<PeerInfo> {
    const ringId = ringIdOfPeer(peerId)
    if (ringId === undefined) { throw new NotFoundError('peers without an embedded public key are not ring members') }
    const addr = peerId.toString()
    if (this.requireCore().knownNodes.some(n => n.addr === addr)) { return { id: peerId, multiaddrs: this.addressBook.get(addr) ?? [] } }
    const r = await this.lookup(ringId, options)
    if (!r.owner.peerId.equals(peerId)) { throw new NotFoundError(`${addr} is not in the ring (its id is owned by ${r.owner.peerId.toString()})`) }
    return { id: peerId, multiaddrs: this.addressBook.get(addr) ?? [] }
  }

  /** The owner of a key and its successors (the replicas' neighbourhood). */
  async * getClosestPeers (key: Uint8Array, options: RingOperationOptions = {}): AsyncGenerator<PeerInfo> {
    const res = await this.record({ type: RecordRequest.Type.CLOSEST, key: bytesOf(key) }, options)
    for (const p of res.peers) {
      const info = this.peerInfo(p)
      if (info !== undefined) { yield info }
    }
  }

  async provide (cid: CID, options: RingOperationOptions = {}): Promise<void> {
    const self: RecordPeer = { id: this.components.peerId.toMultihash().bytes, addrs: this.selfAddrs().map(a => a.bytes) }
    const res = await this.record({ type: RecordRequest.Type.ADD_PROVIDER, key: cid.multihash.bytes, provider: self }, options)
    if (res.error !== undefined) { throw new InvalidMessageError(`provide refused: ${res.error}`) }
  }

  async * findProviders (cid: CID, options: RingOperationOptions = {}): AsyncGenerator<Provider> {
    const res = await this.record({ type: RecordRequest.Type.GET_PROVIDERS, key: cid.multihash.bytes }, options)
    for (const p of res.peers) {
      const info = this.peerInfo(p)
      if (info !== undefined) { yield { ...info, routing: 'selfmgmt-ring' } }
    }
  }

  async put (key: Uint8Array, value: Uint8Array, options: RingOperationOptions = {}): Promise<void> {
    const res = await this.record({ type: RecordRequest.Type.PUT, key: bytesOf(key), value: bytesOf(value) }, options)
    if (res.error !== undefined) { throw new InvalidMessageError(`put refused: ${res.error}`) }
  }

  async get (key: Uint8Array, options: RingOperationOptions = {}): Promise<Uint8Array> {
    const res = await this.record({ type: RecordRequest.Type.GET, key: bytesOf(key) }, options)
    if (!res.found || res.value === undefined) { throw new NotFoundError('no value for this key in the ring') }
    return res.value
  }

  private async record (req: RecordRequest, options: RingOperationOptions): Promise<RecordResponse> {
    if (req.key.length === 0 || req.key.length > K.RECORD_KEY_BYTES_MAX) { throw new InvalidMessageError(`record keys are 1..${K.RECORD_KEY_BYTES_MAX} bytes`) }
    if (req.value !== undefined && req.value.length > K.RECORD_VALUE_BYTES_MAX) { throw new InvalidMessageError(`record values are at most ${K.RECORD_VALUE_BYTES_MAX} bytes`) }
    const r = await this.request(keyToId(req.key), RecordRequest.encode(req), options)
    try {
      return RecordResponse.decode(r.payload, { limits: { peers: K.CLOSEST_PEERS_MAX * 4, peers$: { addrs: K.PEER_ADDRS_MAX } } })
    } catch (err: any) {
      throw new InvalidMessageError(`the owner sent an unreadable record response: ${String(err?.message)}`)
    }
  }

  // ------------------------------------------------------------------ driving the core

  private requireCore (): RingNode {
    if (this.core === undefined) { throw new NotMemberError('the ring service is not started') }
    return this.core
  }

  /** Time for the core: leaves out stalls of this process (see pause-clock.ts). */
  private now (): number {
    return pauseAwareNow() - this.timeOrigin
  }

  private command (cmd: RingCommand): void {
    const core = this.requireCore()
    core.handleCommand(this.now(), cmd)
    this.flush()
  }

  /** Sends what the core emitted, handles its events, re-arms the timer, refreshes tags. */
  private flush (): void {
    const core = this.core
    if (core === undefined || !this.running) { return }
    for (let t = core.pollTransmit(); t !== undefined; t = core.pollTransmit()) {
      this.metrics.sent?.increment({ [t.msg.type]: true })
      this.channels.send(t.to.addr, encodeMessage(t.msg, this.codec))
    }
    for (let e = core.pollEvent(); e !== undefined; e = core.pollEvent()) { this.onCoreEvent(e) }
    this.armTimer()
    if (core.knownVersion !== this.taggedVersion && this.now() - this.lastTagMs > K.TAG_REFRESH_MS) { this.retag() }
  }

  private armTimer (): void {
    if (this.core !== undefined && this.running) { this.timer.arm(this.core.pollTimeoutMs()) }
  }

  private onCoreEvent (e: RingEvent): void {
    switch (e.type) {
      case 'lookup-done': {
        const p = this.pending.get(e.reqId)
        this.pending.delete(e.reqId)
        this.metrics.lookups?.increment({ done: true })
        this.metrics.hops?.increment(e.hops)
        p?.resolve(e)
        return
      }
      case 'lookup-failed': {
        const p = this.pending.get(e.reqId)
        this.pending.delete(e.reqId)
        this.metrics.lookups?.increment({ failed: true })
        p?.reject(e.reason === 'not-member' ? new NotMemberError() : new LookupFailedError(`lookup failed: ${e.reason} after ${e.attempts} attempts`))
        return
      }
      case 'joined':
        for (const w of this.joinWaiters) { w.resolve() }
        this.joinWaiters = []
        this.log('joined the ring; pred %s succ %s', e.pred?.addr, e.succ?.addr)
        this.safeDispatch('joined', { pred: e.pred === undefined ? undefined : this.ringPeer(e.pred), succ: e.succ === undefined ? undefined : this.ringPeer(e.succ) })
        return
      case 'join-failed':
        for (const w of this.joinWaiters) { w.reject(new JoinFailedError(`joining the ring failed: ${e.reason}`)) }
        this.joinWaiters = []
        return
      case 'left':
        for (const w of this.leaveWaiters) { w() }
        this.leaveWaiters = []
        return
      case 'leaving':
        if (e.succ !== undefined) { this.handOff(this.requireCore().self.id, e.succ) }
        return
      case 'range-changed':
        this.onRangeChanged(e.pred, e.oldPred)
        return
      case 'deliver':
        this.onDeliver(e)
        return
      case 'cast-deliver':
        this.safeDispatch('message', { from: this.ringPeer(e.origin), payload: e.payload, broadcast: true })
        return
      case 'suspected':
        this.channels.forget(e.node.addr)
        this.safeDispatch('suspected', this.ringPeer(e.node))
        break
      default:
        // succ-changed, rediscovered, geometry-changed: visible through getRoutingState.
    }
  }

  private safeDispatch<K extends keyof RingEvents> (type: K, detail: RingEvents[K] extends CustomEvent<infer D> ? D : never): void {
    try {
      this.safeDispatchEvent(type as any, { detail } as any)
    } catch (err) {
      this.log.error('a %s listener threw - %e', type, err)
    }
  }

  /** A routed payload reached us as owner: record requests are ours; others go to listeners. */
  private onDeliver (e: Extract<RingEvent, { type: 'deliver' }>): void {
    if (!e.wantReply) {
      this.safeDispatch('message', { key: e.key, from: this.ringPeer(e.origin), payload: e.payload, broadcast: false })
      return
    }
    let response: RecordResponse
    try {
      const req = RecordRequest.decode(e.payload, { limits: { provider$: { addrs: K.PEER_ADDRS_MAX } } })
      response = this.records.handle(req, Date.now(), () => this.closestPeers())
    } catch {
      response = { found: false, peers: [], error: 'unreadable request' }
    }
    this.command({ type: 'respond', to: e.origin, reqId: e.reqId, hops: e.hops, payload: RecordResponse.encode(response) })
  }

  private closestPeers (): RecordPeer[] {
    const core = this.requireCore()
    return [core.self, ...core.successors].slice(0, K.CLOSEST_PEERS_MAX).map(n => {
      const p = this.toPeer(n)
      return { id: p.id, addrs: p.addrs }
    })
  }

  /** A new predecessor took part of our range: its records go to it. */
  private onRangeChanged (pred: NodeRef | undefined, oldPred: NodeRef | undefined): void {
    this.safeDispatch('range-changed', { pred: pred === undefined ? undefined : this.ringPeer(pred) })
    if (pred === undefined || oldPred === undefined || this.records.size === 0) { return }
    const self = this.requireCore().self.id
    // Only a predecessor between the old one and us took part of our range.
    if (!inOpenOpen(pred.id, oldPred.id, self)) { return }
    this.handOff(pred.id, pred, oldPred.id)
  }

  private handOff (hi: RingId, to: NodeRef, lo: RingId = hi): void {
    const moving = this.records.takeRange(lo, hi, Date.now())
    for (const req of moving) {
      const reqId = this.nextReqId()
      this.pending.set(reqId, { resolve: () => {}, reject: err => { this.log('hand-off of a record to %s failed - %e', to.addr, err) } })
      this.requireCore().handleCommand(this.now(), { type: 'route', key: keyToId(req.key), reqId, payload: RecordRequest.encode(req), wantReply: true })
    }
    if (moving.length > 0) {
      this.log('handing %d records over to %s', moving.length, to.addr)
      this.flush()
    }
  }

  private nextReqId (): number {
    this.reqSeq = this.reqSeq >= 0xffffffff ? 1 : this.reqSeq + 1
    return this.reqSeq
  }

  /** Issues a lookup-like command and waits for its outcome, with the default deadline and the caller's signal. */
  private async await (reqId: number, options: AbortOptions, cmd: RingCommand): Promise<Extract<RingEvent, { type: 'lookup-done' }>> {
    const core = this.requireCore()
    if (!core.isMember()) { throw new NotMemberError() }
    const done = new Promise<Extract<RingEvent, { type: 'lookup-done' }>>((resolve, reject) => { this.pending.set(reqId, { resolve, reject }) })
    this.command(cmd)
    return this.withDeadline(done, options, () => {
      if (this.pending.delete(reqId)) { this.command({ type: 'cancel', reqId }) }
    })
  }

  private async withDeadline<T> (p: Promise<T>, options: AbortOptions, onAbort: () => void): Promise<T> {
    // Once the deadline wins (or the signal was aborted already), p may still settle later: its
    // rejection must not become an unhandled one.
    p.catch(() => {})
    const deadline = AbortSignal.timeout(this.timeoutMs)
    const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline])
    if (signal.aborted) {
      onAbort()
      throw options.signal?.aborted === true ? new AbortError() : new TimeoutError('ring operation timed out')
    }
    let listener: (() => void) | undefined
    const aborted = new Promise<never>((_resolve, reject) => {
      listener = () => {
        onAbort()
        reject(options.signal?.aborted === true ? new AbortError() : new TimeoutError(`ring operation timed out after ${this.timeoutMs} ms`))
      }
      signal.addEventListener('abort', listener, { once: true })
    })
    try {
      return await Promise.race([p, aborted])
    } finally {
      if (listener !== undefined) { signal.removeEventListener('abort', listener) }
    }
  }

  // ------------------------------------------------------------------ streams and peers

  private async onStream (stream: Stream, connection: Connection): Promise<void> {
    const from = nodeRefOf(connection.remotePeer)
    if (from === undefined) {
      stream.abort(new UnsupportedPeerError('RSA peer ids cannot be ring members'))
      return
    }
    if (connection.remoteAddr !== undefined && !connection.direct) { this.remember(from.addr, [connection.remoteAddr]) }
    let refused: Error | undefined
    try {
      // Until the peer ends the stream (between frames, or mid-frame: a truncated frame is dropped).
      await readFrames(stream, {
        maxDataLength: K.FRAME_BYTES_MAX,
        onFrame: (frame) => {
          const r = decodeMessage(frame, this.codec)
          if (!r.ok) { throw new InvalidMessageError(`bad ring frame from ${from.addr}: ${r.reason}`) }
          const reason = this.deliver(from, r.msg)
          if (reason !== undefined) { throw new InvalidMessageError(`ring message refused from ${from.addr}: ${reason}`) }
        }
      })
    } catch (err: any) {
      // The peer sent something we refuse, or reset the stream.
      refused = err
      this.metrics.rejected?.increment({ [err?.name ?? 'error']: true })
      this.log('resetting a ring stream from %p - %e', connection.remotePeer, err)
    }
    // Either way this stream is done and is reset; others are untouched.
    if (stream.status === 'open' || stream.status === 'closing') { stream.abort(refused ?? new InvalidMessageError('the peer ended the ring stream')) }
  }

  /** Feeds one message to the core; returns the rejection reason when it was refused for cause. */
  private deliver (from: NodeRef, msg: unknown): string | undefined {
    if (!this.running) { return undefined }
    const core = this.requireCore()
    const before = { ...core.counters.rejected }
    core.handleMessage(this.now(), from, msg)
    this.metrics.received?.increment({ [(msg as { type: string }).type]: true })
    this.flush()
    for (const [reason, n] of Object.entries(core.counters.rejected)) {
      if (n > (before[reason] ?? 0)) {
        this.metrics.rejected?.increment({ [reason]: true })
        if (!BENIGN.has(reason)) { return reason }
      }
    }
    return undefined
  }

  private async openStream (addr: string, signal: AbortSignal): Promise<Stream> {
    const peerId = peerIdOf({ id: 0n, addr })
    const known = this.addressBook.get(addr)
    if (known !== undefined && known.length > 0 && this.components.connectionManager.getConnections(peerId).length === 0) {
      await this.components.peerStore.merge(peerId, { multiaddrs: known }, { signal })
    }
    return this.components.connectionManager.openStream(peerId, this.protocol, { signal })
  }

  private onUnreachable (addr: string, err: Error): void {
    this.log('ring peer %s unreachable - %e', addr, err)
    if (this.core === undefined || !this.running) { return }
    this.core.handleCommand(this.now(), { type: 'peer-unreachable', addr })
    this.flush()
  }

  /** Resolves a bootstrap address to a ring reference, dialling it to learn its peer id. */
  /** The ring ref of a bootstrap peer (undefined: an RSA peer id), or why it could not be reached. */
  private async bootstrapRef (b: string | Multiaddr, options: AbortOptions): Promise<NodeRef | undefined | string> {
    try {
      const target = typeof b === 'string' ? multiaddr(b) : b
      const conn = await this.components.connectionManager.openConnection(target, { signal: options.signal ?? AbortSignal.timeout(K.OPEN_TIMEOUT_MS) })
      const ref = nodeRefOf(conn.remotePeer)
      if (ref !== undefined) { this.remember(ref.addr, [target]) }
      return ref
    } catch (err: any) {
      this.log('bootstrap %s unusable - %e', b.toString(), err)
      // libp2p's dial errors wrap the socket's (ECONNREFUSED, a peer id that does not match).
      const inner = err?.errors?.[0]?.message ?? err?.cause?.message
      const text = `${String(err?.message ?? err)}${typeof inner === 'string' && inner !== err?.message ? ` (${inner})` : ''}`
      return text.length > 200 ? `${text.slice(0, 200)}…` : text
    }
  }

  private remember (addr: string, addrs: Multiaddr[]): void {
    if (addrs.length === 0) { return }
    this.addressBook.delete(addr)
    this.addressBook.set(addr, addrs.slice(0, K.PEER_ADDRS_MAX))
    if (this.addressBook.size > K.ADDRESS_BOOK_MAX) {
      const oldest = this.addressBook.keys().next().value
      if (oldest !== undefined) { this.addressBook.delete(oldest) }
    }
  }

  private selfAddrs (): Multiaddr[] {
    return this.components.addressManager.getAddresses().slice(0, K.PEER_ADDRS_MAX)
  }

  private toPeer (n: NodeRef): PbPeer {
    let id = this.peerBytes.get(n.addr)
    if (id === undefined) {
      id = peerIdOf(n).toMultihash().bytes as Uint8Array<ArrayBuffer>
      this.peerBytes.set(n.addr, id)
      if (this.peerBytes.size > K.PEER_CACHE_MAX) {
        const oldest = this.peerBytes.keys().next().value
        if (oldest !== undefined) { this.peerBytes.delete(oldest) }
      }
    }
    const addrs = n.addr === this.components.peerId.toString() ? this.selfAddrs() : (this.addressBook.get(n.addr) ?? [])
    return { id, ring: idToBytes(n.id), addrs: addrs.map(a => a.bytes as Uint8Array<ArrayBuffer>) }
  }

  private fromPeer (p: PbPeer): NodeRef | undefined {
    const peerId = peerIdFromBytes(p.id)
    if (peerId === undefined) { return undefined }
    const ringId = ringIdOfPeer(peerId)
    if (ringId === undefined || p.ring.length !== ID_BYTES || idFromBytes(p.ring) !== ringId) { return undefined }
    const addr = peerId.toString()
    if (p.addrs.length > 0) { this.remember(addr, multiaddrsFromBytes(p.addrs)) }
    return { id: ringId, addr }
  }

  private peerInfo (p: RecordPeer): PeerInfo | undefined {
    const id = peerIdFromBytes(p.id)
    if (id === undefined) { return undefined }
    const multiaddrs = multiaddrsFromBytes(p.addrs)
    if (multiaddrs.length > 0) { this.remember(id.toString(), multiaddrs) }
    return { id, multiaddrs }
  }

  private ringPeer (n: NodeRef): RingPeer {
    return { peerId: peerIdOf(n), ringId: n.id }
  }

  /** Keeps connections to ring neighbours and fingers (tagged for the connection manager). */
  private retag (): void {
    const core = this.core
    if (core === undefined) { return }
    this.taggedVersion = core.knownVersion
    this.lastTagMs = this.now()
    const now = new Set(core.knownNodes.map(n => n.addr))
    const store = this.components.peerStore
    for (const addr of now) {
      if (this.tagged.has(addr)) { continue }
      store.merge(peerIdOf({ id: 0n, addr }), { tags: { [K.TAG_NAME]: { value: K.TAG_VALUE } } }).catch(err => { this.log('tagging %s failed - %e', addr, err) })
    }
    for (const addr of this.tagged) {
      if (now.has(addr)) { continue }
      store.merge(peerIdOf({ id: 0n, addr }), { tags: { [K.TAG_NAME]: undefined } }).catch(err => { this.log('untagging %s failed - %e', addr, err) })
    }
    this.tagged = now
  }
}

function bytesOf (b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b.buffer instanceof ArrayBuffer ? b as Uint8Array<ArrayBuffer> : new Uint8Array(b)
}

/**
 * The ring as a libp2p service.
 *
 * @example
 * ```ts
 * const node = await createLibp2p({ ..., services: { identify: identify(), ring: ring({ bootstrap: ['/ip4/127.0.0.1/tcp/4001/p2p/12D3Koo...'] }) } })
 * const { owner, hops } = await node.services.ring.lookup('some key')
 * ```
 */
export function ring (init: RingInit = {}): (components: RingComponents) => RingService {
  return (components) => new RingService(components, init)
}

/**
 * The libp2p service that drives the store core: protocol `/selfmgmt/store/1.0.0/<settings>`
 * (settings.ts: nodes of other settings never exchange store messages), protobuf
 * frames on one long-lived stream per peer, owners found through the ring service (and cached
 * by the core from replies), replica records in SQLite under the node's data directory (or in
 * memory). No protocol logic here: it feeds the core ring facts, messages and time, and carries
 * out what the core emits.
 */
import { randomBytes } from 'node:crypto'
import { InvalidParametersError, serviceCapabilities, serviceDependencies } from '@libp2p/interface'
import { AbortError } from '@selfmgmt/interface'
import { Channels, CoreTimer, ID_MASK, RING_PROTOCOL, RING_SIZE, acquirePauseClock, idToHex, nodeRefOf, pauseAwareNow, peerIdOf, readFrames, releasePauseClock } from '@selfmgmt/ring'
import { CustomProgressEvent } from 'progress-events'
import { ClockGapWatch } from './clock-gap.ts'
import { STORE_FRAME_BYTES_MAX, STORE_PROTOCOL, OPERATION_TIMEOUT_MS, HANDOFF_ON_STOP_MS, MAX_INBOUND_STREAMS, MAX_OUTBOUND_STREAMS } from './constants.ts'
import { KEY_BYTES_MAX, R_DEFAULT, VALUE_BYTES_MAX } from './core/constants.ts'
import { MemoryBackend } from './core/memory-backend.ts'
import { R_MAX, R_MIN } from './core/placement.ts'
import { StoreNode } from './core/store-node.ts'
import { openSqliteBackend } from './db/sqlite-backend.ts'
import { ContentionError, InvalidItemError, QuorumUnavailableError } from './errors.ts'
import { NO_STORE, checkFileSettings, describeProfile, otherStoreProtocol, storeProtocolId } from './settings.ts'
import { decodeStoreMessage, encodeStoreMessage } from './wire.ts'
import type { ReplicaBackend } from './core/backend.ts'
import type { StoreMessage } from './core/messages.ts'
import type { OpKind, StoreCommand, StoreConfig, StoreCounters, StoreEvent } from './core/store-node.ts'
import type { AbortOptions, ComponentLogger, Connection, IdentifyResult, Libp2pEvents, Logger, PeerId, PeerStore, Startable, Stream, TypedEventTarget } from '@libp2p/interface'
import type { ConnectionManager, Registrar } from '@libp2p/interface-internal'
import type { NodeRef, RingId, RingService } from '@selfmgmt/ring'
import type { ProgressEvent, ProgressOptions } from 'progress-events'

export interface StoreInit {
  /** Replication degree, 1..8 (default 4). Every node of a ring must use the same. */
  r?: number
  /** SQLite file for replica records; in memory when absent (tests, caches). */
  path?: string
  /** `full` (default): each acceptor write is on disk before its reply; `normal`: durable at WAL checkpoints. */
  sync?: 'full' | 'normal'
  /** Default deadline of get/put/cas/delete (30 s). */
  timeoutMs?: number
  /**
   * Read leases (default true; every node of a ring must use the same): each key's home answers
   * gets from its own copy under grants from the other replicas, one round trip to one node
   * instead of a quorum read (README, Read leases). Safe while clock rates differ by less than
   * 15 %. `false`: every get reads a quorum. `core.leases`, when given, wins.
   */
  leases?: boolean
  /**
   * The protocol id's base (default `/selfmgmt/store/1.0.0`); the service serves
   * `<base>/<settings>`, e.g. `/selfmgmt/store/1.0.0/r4-linearizable-leases` (see settings.ts).
   */
  protocol?: string
  /** Name of the ring service in the node's `services` (default 'ring'). */
  ringService?: string
  /** Overrides of the core's timeouts. */
  core?: Partial<Omit<StoreConfig, 'self' | 'backend' | 'r'>>
}

/** The error a failed operation is reported with. */
export function operationError (e: Extract<StoreEvent, { type: 'op-failed' }>): Error {
  const outcome = e.indeterminate ? ' (the write may still take effect)' : ' (nothing was changed)'
  if (e.reason === 'invalid-key' || e.reason === 'value-too-large' || e.reason === 'invalid-version') { return new InvalidItemError(e.reason) }
  if (e.reason === 'lost-race' || e.reason === 'conflict') {
    return new ContentionError(`${e.kind} lost to concurrent operations on the key (${e.reason}) after ${e.attempts} attempts${outcome}`, { indeterminate: e.indeterminate })
  }
  return new QuorumUnavailableError(`${e.kind} failed: ${e.reason} after ${e.attempts} attempts${outcome}`, { indeterminate: e.indeterminate })
}

export interface StoreComponents {
  peerId: PeerId
  registrar: Registrar
  connectionManager: ConnectionManager
  peerStore: PeerStore
  events: TypedEventTarget<Libp2pEvents>
  logger: ComponentLogger
}

export type StoreProgressEvents =
  | ProgressEvent<'selfmgmt:store:start', { kind: OpKind, key: Uint8Array }>
  | ProgressEvent<'selfmgmt:store:done', { kind: OpKind, version: number, attempts: number }>

export interface StoreOperationOptions extends AbortOptions, ProgressOptions<StoreProgressEvents> {}

/** A key's state as read or written. */
export interface StoreItem {
  /** The value, or undefined when the key is absent (never written, or deleted). */
  value?: Uint8Array
  /** Changes so far (0 = never written); what `cas` compares. */
  version: number
}

interface Waiter {
  resolve(e: Extract<StoreEvent, { type: 'op-done' }>): void
  reject(err: Error): void
}

/** A peer of other settings is said on the error log at most this often (settings.ts). */
const OTHER_SETTINGS_SAY_EVERY_MS = 600_000
/** Peers remembered for that. */
const OTHER_SETTINGS_SAID_MAX = 1024

export class StoreService implements Startable {
  readonly [Symbol.toStringTag] = '@selfmgmt/store'
  readonly [serviceCapabilities]: string[] = ['@selfmgmt/store']
  readonly [serviceDependencies]: string[] = ['@selfmgmt/ring']

  private readonly components: StoreComponents & Record<string, unknown>
  private readonly init: StoreInit
  private readonly log: Logger
  /** The protocol id's base; {@link protocol} adds the settings at start. */
  private readonly protocolBase: string
  private protocolId: string
  private readonly timeoutMs: number
  /** Read leases on, as the core resolved them at start (init `leases`, default true; linearizable consistency only). */
  private leases = false
  private backend: ReplicaBackend | undefined
  private core: StoreNode | undefined
  private ring: RingService | undefined
  private readonly channels: Channels
  private readonly waiters = new Map<number, Waiter>()
  private leaveWaiter: (() => void) | undefined
  private opSeq = 1

  // Arming reads the plain clock: the clock-gap check (now()) runs only where the core is entered.
  private readonly timer = new CoreTimer(() => this.clock() - this.timeOrigin, () => {
    if (this.core === undefined) { return }
    this.backend?.beginBatch?.()
    this.core.handleTimeout(this.now())
    this.flush()
  })

  private timeOrigin = 0
  /** Peers seen serving the store with other settings (their protocol id), and when we last said so. */
  private readonly otherSettings = new Map<string, string>()
  /** When we last said so of each peer (kept apart from the list: a reconnection lists it again, but is not said again within 10 minutes); at most OTHER_SETTINGS_SAID_MAX peers. */
  private readonly otherSettingsSaid = new Map<string, { protocol: string, atMs: number }>()
  /** With leases: watches for time the monotonic clock did not count (see now()). */
  private gaps: ClockGapWatch | undefined
  private member = false
  private started = false
  /** Messages held until the current batch of writes is committed. */
  private outbox: Array<{ to: NodeRef, msg: StoreMessage }> = []
  private batchEnding = false
  private handedOff = false
  private unhookLeave: (() => void) | undefined

  constructor (components: StoreComponents, init: StoreInit = {}) {
    this.components = components as StoreComponents & Record<string, unknown>
    this.init = init
    this.log = components.logger.forComponent('selfmgmt:store')
    this.protocolBase = init.protocol ?? STORE_PROTOCOL
    this.protocolId = this.protocolBase
    this.timeoutMs = init.timeoutMs ?? OPERATION_TIMEOUT_MS
    this.channels = new Channels({
      open: async (addr, signal) => this.components.connectionManager.openStream(peerIdOf({ id: 0n, addr }), this.protocolId, { signal }),
      unreachable: (addr, err) => {
        this.log('store peer %s unreachable - %e', addr, err)
        if ((err as Error | undefined)?.name === 'UnsupportedProtocolError') { this.checkPeerSettings(addr) }
        // What was sent to it as a key's home will not be answered (see the core's sendHomeOp).
        this.core?.forgetNode(addr)
        this.armTimer()
      },
      log: this.log,
      frameBytesMax: STORE_FRAME_BYTES_MAX
    })
  }

  // ------------------------------------------------------------------ lifecycle

  async start (): Promise<void> {
    const self = nodeRefOf(this.components.peerId)
    if (self === undefined) { throw new InvalidParametersError('the store needs a peer id that embeds its public key (Ed25519 or secp256k1), not RSA') }
    const r = this.init.r ?? R_DEFAULT
    const consistency = this.init.core?.consistency ?? 'linearizable'
    if (this.init.path === undefined) {
      this.backend = new MemoryBackend()
    } else {
      const db = openSqliteBackend(this.init.path, { sync: this.init.sync })
      try {
        // (An r out of 1..8 is refused by the core, below, before anything is saved.)
        if (Number.isInteger(r) && r >= R_MIN && r <= R_MAX) { checkFileSettings(db, { r, consistency }) }
      } catch (err) {
        db.close()
        throw err
      }
      this.backend = db
    }
    this.core = new StoreNode({ ...this.init.core, leases: this.init.core?.leases ?? this.init.leases ?? true, self, backend: this.backend, r, boot: randomBytes(8).toString('hex') })
    this.leases = this.core.readLeases
    this.protocolId = storeProtocolId(this.protocolBase, { r: this.core.r, consistency, leases: this.leases })
    acquirePauseClock()
    this.timeOrigin = this.clock()
    this.gaps = this.leases ? new ClockGapWatch() : undefined
    this.started = true
    this.components.events.addEventListener('peer:identify', this.onIdentify)
    this.components.events.addEventListener('peer:disconnect', this.onDisconnect)
    await this.components.registrar.handle(this.protocolId, (stream, connection) => { void this.onStream(stream, connection) }, {
      maxInboundStreams: MAX_INBOUND_STREAMS,
      maxOutboundStreams: MAX_OUTBOUND_STREAMS
    })
  }

  async afterStart (): Promise<void> {
    const ring = this.findRing()
    this.ring = ring
    ring.addEventListener('joined', this.onJoined)
    ring.addEventListener('range-changed', this.onRangeChanged)
    ring.addEventListener('suspected', this.onSuspected)
    // The hand-off must happen while we are still a member: before the ring leaves.
    this.unhookLeave = ring.beforeLeave(async (options) => { await this.handOffAll(options) })
    // The ring may have created or joined before we listened.
    if (ring.isMember() && !this.member) { this.fromRingState() }
  }

  /** Hands our range over if the ring has not left already (it calls handOffAll first). */
  async beforeStop (): Promise<void> {
    await this.handOffAll({ signal: AbortSignal.timeout(HANDOFF_ON_STOP_MS) })
  }

  /**
   * Stops serving and hands the whole range to the successor; resolves when acknowledged, when
   * the signal aborts, or after HANDOFF_ON_STOP_MS (what is not handed over is rebuilt by the
   * successor from the other replicas).
   */
  private async handOffAll (options: AbortOptions = {}): Promise<void> {
    const core = this.core
    const ring = this.ring
    if (core === undefined || ring === undefined || !this.member || this.handedOff || !ring.isMember()) { return }
    this.handedOff = true
    const succ = ring.getRoutingState().succList[0]
    const done = new Promise<void>(resolve => { this.leaveWaiter = resolve })
    this.command({ type: 'leave', succ })
    const signal = AbortSignal.any([AbortSignal.timeout(HANDOFF_ON_STOP_MS), ...(options.signal === undefined ? [] : [options.signal])])
    const onAbort = (): void => { this.leaveWaiter?.() }
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      await done
    } finally {
      signal.removeEventListener('abort', onAbort)
      this.leaveWaiter = undefined
    }
  }

  async stop (): Promise<void> {
    this.ring?.removeEventListener('joined', this.onJoined)
    this.ring?.removeEventListener('range-changed', this.onRangeChanged)
    this.ring?.removeEventListener('suspected', this.onSuspected)
    this.unhookLeave?.()
    this.leaveWaiter?.()
    this.components.events.removeEventListener('peer:identify', this.onIdentify)
    this.components.events.removeEventListener('peer:disconnect', this.onDisconnect)
    this.timer.clear()
    if (this.started) { releasePauseClock() }
    this.started = false
    await this.components.registrar.unhandle(this.protocolId)
    await this.channels.closeAll()
    for (const w of this.waiters.values()) { w.reject(new QuorumUnavailableError('the store service stopped')) }
    this.waiters.clear()
    this.outbox = []
    this.backend?.close()
    this.backend = undefined
    this.core = undefined
  }

  // ------------------------------------------------------------------ public API

  /** Reads a key through a quorum: its value (undefined when absent) and version. */
  async get (key: string | Uint8Array, options: StoreOperationOptions = {}): Promise<StoreItem> {
    const k = keyBytes(key)
    const e = await this.run('get', k, { type: 'get', opId: 0, key: k }, options)
    return { value: e.value, version: e.version }
  }

  /** Writes a value; resolves with the key's new version. */
  async put (key: string | Uint8Array, value: Uint8Array, options: StoreOperationOptions = {}): Promise<{ version: number }> {
    const k = keyBytes(key)
    checkValue(value)
    const e = await this.run('put', k, { type: 'put', opId: 0, key: k, value }, options)
    return { version: e.version }
  }

  /**
   * Writes `value` (or deletes, when undefined) only if the key's version is `expected` (0: the
   * key was never written). `applied` is false when the version differed; `version` and `value`
   * are then the current ones.
   */
  async cas (key: string | Uint8Array, expected: number, value: Uint8Array | undefined, options: StoreOperationOptions = {}): Promise<StoreItem & { applied: boolean }> {
    const k = keyBytes(key)
    if (!Number.isSafeInteger(expected) || expected < 0) { throw new InvalidItemError(`expected version must be a non-negative integer, got ${expected}`) }
    if (value !== undefined) { checkValue(value) }
    const e = await this.run('cas', k, { type: 'cas', opId: 0, key: k, expected, value }, options)
    return { value: e.value, version: e.version, applied: e.applied }
  }

  /** Deletes a key (a tombstone with a new version); resolves with that version. */
  async delete (key: string | Uint8Array, options: StoreOperationOptions = {}): Promise<{ version: number }> {
    const k = keyBytes(key)
    const e = await this.run('delete', k, { type: 'delete', opId: 0, key: k }, options)
    return { version: e.version }
  }

  /**
   * An operator's decision, for replica holders lost for good (a crash that took their disks, a
   * whole ring restarted with a disk gone): the arcs of this node's range pending now are rebuilt
   * from the other slots that answer, going on without those refused or silent for 4 s, as long
   * as r − W + 1 of them are read (then every acknowledged write is among them: it is on W slots).
   * Without it such arcs wait for every other slot (README, What it does not do). Never while
   * part of the ring may be cut off and still serving: a side forced while the other side holds
   * the missing copies could answer without their newer writes. Returns how many arcs were
   * pending (0: nothing to force here). Said on the error log.
   */
  forceRebuild (): { arcs: number } {
    const core = this.requireCore()
    const arcs = core.rangeState().pending.length
    this.log.error('force-rebuild asked: %d pending arcs of this node\'s range may now be rebuilt without the other slots that do not answer', arcs)
    this.command({ type: 'force-rebuild' })
    return { arcs }
  }

  /** The protocol id this node serves the store on (its base and the ring settings: settings.ts). */
  get protocol (): string {
    return this.protocolId
  }

  /**
   * The core's state as plain data (range, whether it is over N/r: `colocated`, two replicas of
   * some keys here; parts not ready and how many of them are stalled:
   * waiting for another slot's copy that has not answered for 10 s, counters), and the peers seen
   * serving the store with other settings (`otherSettings`: their peer id and protocol id; no
   * store message passes between them and this node).
   */
  getState (): { r: number, quorum: number, readLeases: boolean, member: boolean, range?: { lo: string, hi: string }, colocated: boolean, pending: Array<{ lo: string, hi: string }>, stalled: number, records: number, counters: StoreCounters, otherSettings: Array<{ peer: string, protocol: string }> } {
    const core = this.requireCore()
    const st = core.rangeState()
    const hex = (a: { lo: RingId, hi: RingId }): { lo: string, hi: string } => ({ lo: idToHex(a.lo), hi: idToHex(a.hi) })
    const otherSettings = [...this.otherSettings].map(([peer, protocol]) => ({ peer, protocol }))
    // A range over N/r (or the whole ring) holds two replicas of some keys: while this node is down they are unavailable.
    const colocated = core.r > 1 && st.range !== undefined && (st.range.lo === st.range.hi || ((st.range.hi - st.range.lo) & ID_MASK) > RING_SIZE / BigInt(core.r))
    return { r: core.r, quorum: core.W, readLeases: core.readLeases, member: this.member, range: st.range === undefined ? undefined : hex(st.range), colocated, pending: st.pending.map(hex), stalled: st.stalled, records: this.backend?.size() ?? 0, counters: core.counters, otherSettings }
  }

  // ------------------------------------------------------------------ driving the core

  private async run (kind: OpKind, key: Uint8Array, cmd: Extract<StoreCommand, { opId: number }>, options: StoreOperationOptions): Promise<Extract<StoreEvent, { type: 'op-done' }>> {
    this.requireCore()
    options.signal?.throwIfAborted()
    const opId = this.opSeq++
    options.onProgress?.(new CustomProgressEvent('selfmgmt:store:start', { kind, key }))
    const done = new Promise<Extract<StoreEvent, { type: 'op-done' }>>((resolve, reject) => { this.waiters.set(opId, { resolve, reject }) })
    this.command({ ...cmd, opId })
    const signal = options.signal
    const unknown = kind === 'get' ? '' : ' (it may still have been applied)'
    const timeout = setTimeout(() => this.abandon(opId, new QuorumUnavailableError(`${kind} timed out after ${this.timeoutMs} ms before a quorum of the key's replicas answered${unknown}`, { indeterminate: kind !== 'get' })), this.timeoutMs)
    const onAbort = (): void => this.abandon(opId, new AbortError(`${kind} aborted${unknown}`))
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      const e = await done
      options.onProgress?.(new CustomProgressEvent('selfmgmt:store:done', { kind, version: e.version, attempts: e.attempts }))
      return e
    } finally {
      clearTimeout(timeout)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  private abandon (opId: number, err: Error): void {
    const w = this.waiters.get(opId)
    if (w === undefined) { return }
    this.waiters.delete(opId)
    if (this.core !== undefined) { this.command({ type: 'cancel', opId }) }
    w.reject(err)
  }

  private requireCore (): StoreNode {
    if (this.core === undefined) { throw new QuorumUnavailableError('the store service is not started') }
    return this.core
  }

  /**
   * The core's clock. Without leases it leaves out the time this process was stalled (see the
   * ring's pause clock: timeouts stretch under overload instead of firing on replies that sit
   * unread). With leases it is the plain monotonic clock: a lease holder must never count less
   * time than has passed (after a stall it would trust grants that have ended at the grantors).
   */
  private clock (): number {
    return this.leases ? performance.now() : pauseAwareNow()
  }

  /**
   * The core's time. With leases it first looks for time the monotonic clock missed (a system
   * suspend): the core hears of it before anything else, and drops the leases it holds.
   */
  private now (): number {
    const gap = this.gaps?.check() ?? 0
    const t = this.clock() - this.timeOrigin
    if (gap > 0 && this.core !== undefined) {
      this.log('the clock missed about %d ms (system suspend?): dropping the read leases this node holds', Math.round(gap))
      this.core.handleCommand(t, { type: 'clock-gap', ms: gap })
    }
    return t
  }

  private command (cmd: StoreCommand): void {
    const core = this.requireCore()
    this.backend?.beginBatch?.()
    core.handleCommand(this.now(), cmd)
    this.flush()
  }

  /**
   * Takes what the core emitted: events are handled at once; messages wait for the end of the
   * batch. Every write the core made since the batch began is committed (one fsync) before any
   * message leaves, so no peer ever sees an answer whose promise or accept could still be lost in
   * a crash (group commit).
   */
  private flush (): void {
    const core = this.core
    if (core === undefined) { return }
    for (let t = core.pollTransmit(); t !== undefined; t = core.pollTransmit()) { this.outbox.push(t) }
    for (let e = core.pollEvent(); e !== undefined; e = core.pollEvent()) { this.onCoreEvent(e) }
    if (!this.batchEnding) {
      this.batchEnding = true
      setImmediate(() => { this.endBatch() })
    }
    this.armTimer()
  }

  private endBatch (): void {
    this.batchEnding = false
    const core = this.core
    if (core === undefined) { return }
    this.backend?.commitBatch?.()
    const out = this.outbox
    this.outbox = []
    const local: StoreMessage[] = []
    for (const t of out) {
      if (t.to.addr === core.self.addr) {
        local.push(t.msg)
        continue
      }
      try {
        this.channels.send(t.to.addr, encodeStoreMessage(t.msg))
      } catch (err) {
        // A message the core should never have built: dropped (the protocol retries), never fatal.
        this.log.error('dropping a %s message that breaks the wire limits - %e', t.msg.type, err)
      }
    }
    // Messages to our own slots: delivered now, as from any peer (a new batch).
    if (local.length > 0) {
      this.backend?.beginBatch?.()
      for (const m of local) { core.handleMessage(this.now(), core.self, m) }
      this.flush()
    }
  }

  /** Never once stopping: a message handled while the streams close must not leave a timer armed. */
  private armTimer (): void {
    if (this.core !== undefined && this.started) { this.timer.arm(this.core.pollTimeoutMs()) }
  }

  private onCoreEvent (e: StoreEvent): void {
    switch (e.type) {
      case 'op-done': {
        const w = this.waiters.get(e.opId)
        this.waiters.delete(e.opId)
        w?.resolve(e)
        return
      }
      case 'op-failed': {
        const w = this.waiters.get(e.opId)
        this.waiters.delete(e.opId)
        if (w === undefined) { return }
        const err = operationError(e)
        if (err instanceof QuorumUnavailableError && this.otherSettings.size > 0) {
          const n = this.otherSettings.size
          w.reject(new QuorumUnavailableError(`${err.message}; ${n} ${n === 1 ? 'peer serves' : 'peers serve'} the store with other settings than this node's ${this.protocolId}, or not at all, and no store message passes between them (see the error log and getState().otherSettings)`, { indeterminate: err.indeterminate }))
          return
        }
        w.reject(err)
        return
      }
      case 'lookup':
        this.resolveOwner(e.reqId, e.rid)
        return
      case 'ready':
        this.log('range (%s, %s] ready (%s)', idToHex(e.lo), idToHex(e.hi), e.how)
        return
      case 'handed-off':
        this.log('hand-off on leave %s', e.complete ? 'complete' : 'incomplete')
        this.leaveWaiter?.()
        this.leaveWaiter = undefined
        break
      default:
    }
  }

  private resolveOwner (reqId: number, rid: RingId): void {
    const ring = this.ring
    if (ring === undefined) {
      this.command({ type: 'owner', reqId })
      return
    }
    ring.lookup(rid, { signal: AbortSignal.timeout(this.timeoutMs) }).then(r => {
      if (this.core === undefined) { return }
      this.command({ type: 'owner', reqId, owner: { id: r.owner.ringId, addr: r.owner.peerId.toString() } })
    }, err => {
      this.log('owner lookup failed - %e', err)
      if (this.core !== undefined) { this.command({ type: 'owner', reqId }) }
    })
  }

  // ------------------------------------------------------------------ ring events

  private readonly onJoined = (evt: CustomEvent<{ pred?: { peerId: PeerId, ringId: RingId } }>): void => {
    if (this.core === undefined) { return }
    const pred = evt.detail.pred
    this.member = true
    // The ring says joined on create too (no predecessor): nothing to wait for then.
    this.command(pred === undefined ? { type: 'create' } : { type: 'joined', pred: { id: pred.ringId, addr: pred.peerId.toString() } })
  }

  private readonly onRangeChanged = (evt: CustomEvent<{ pred?: { peerId: PeerId, ringId: RingId } }>): void => {
    if (this.core === undefined || !this.member) { return }
    const pred = evt.detail.pred
    this.command({ type: 'range', pred: pred === undefined ? undefined : { id: pred.ringId, addr: pred.peerId.toString() } })
  }

  private readonly onSuspected = (evt: CustomEvent<{ peerId: PeerId }>): void => {
    this.core?.forgetNode(evt.detail.peerId.toString())
    this.armTimer()
    this.channels.forget(evt.detail.peerId.toString())
  }

  private fromRingState (): void {
    const ring = this.ring
    if (ring === undefined) { return }
    const st = ring.getRoutingState()
    this.member = true
    const pred: NodeRef | undefined = st.pred
    this.command(pred === undefined && st.succList.length === 0 ? { type: 'create' } : { type: 'joined', pred })
  }

  private findRing (): RingService {
    const name = this.init.ringService ?? 'ring'
    let v: { [Symbol.toStringTag]?: string } | undefined
    try {
      v = this.components[name] as { [Symbol.toStringTag]?: string } | undefined
    } catch {
      v = undefined
    }
    if (v?.[Symbol.toStringTag] !== '@selfmgmt/ring') { throw new InvalidParametersError(`the store needs the ring service (@selfmgmt/ring) in the same node, under services.${name}`) }
    return v as unknown as RingService
  }

  // ------------------------------------------------------------------ peers with other settings

  /** What a peer told of itself (identify): does it serve the store with other settings? */
  private readonly onIdentify = (evt: CustomEvent<IdentifyResult>): void => {
    if (!this.started) { return }
    this.onPeerProtocols(evt.detail.peerId.toString(), evt.detail.protocols)
  }

  /** A peer we no longer have a connection to is no longer listed (identify tells again on the next one). */
  private readonly onDisconnect = (evt: CustomEvent<PeerId>): void => {
    this.otherSettings.delete(evt.detail.toString())
  }

  /** A store stream to a peer found no common protocol: look at what the peer serves instead. */
  private checkPeerSettings (addr: string): void {
    this.components.peerStore.get(peerIdOf({ id: 0n, addr })).then(peer => {
      if (this.started) { this.onPeerProtocols(addr, peer.protocols) }
    }, err => { this.log('no protocols known for store peer %s - %e', addr, err) })
  }

  /**
   * A peer that serves the store with other settings is listed (getState().otherSettings) and
   * said on the error log, at most every 10 minutes for each peer; one that serves ours again
   * (restarted with the ring's settings), or that we have no connection to any more, is taken
   * off the list.
   */
  private onPeerProtocols (peer: string, protocols: readonly string[]): void {
    // A ring member that serves no store (a node started without it) owns part of the ring like
    // any other, so the replicas placed in its range are nowhere: listed as NO_STORE.
    const other = otherStoreProtocol(protocols, this.protocolBase, this.protocolId, RING_PROTOCOL)
    if (other === undefined) {
      if (protocols.includes(this.protocolId)) { this.otherSettings.delete(peer) }
      return
    }
    this.otherSettings.set(peer, other)
    const now = performance.now()
    const said = this.otherSettingsSaid.get(peer)
    if (said !== undefined && said.protocol === other && now - said.atMs < OTHER_SETTINGS_SAY_EVERY_MS) { return }
    this.otherSettingsSaid.delete(peer)
    this.otherSettingsSaid.set(peer, { protocol: other, atMs: now })
    if (this.otherSettingsSaid.size > OTHER_SETTINGS_SAID_MAX) { this.otherSettingsSaid.delete(this.otherSettingsSaid.keys().next().value as string) }
    if (other === NO_STORE) {
      this.log.error('peer %s is a member of the ring but serves no store (started without it): it owns part of the ring like any node, so the replicas placed in its range are nowhere, and keys with two or more of their %d replicas there are unavailable. Run the store on every node of a ring, or keep nodes without it out of the ring', peer, this.init.r ?? R_DEFAULT)
      return
    }
    const theirs = other === this.protocolBase ? 'settings it does not name (an older version)' : describeProfile(other.slice(this.protocolBase.length + 1))
    this.log.error('peer %s serves the store as %s (%s), this node as %s (%s): every node of a ring must use the same replication degree, consistency and read-lease setting, so no store message passes between the two, and operations on keys with replicas there may fail. Restart the node that differs with the ring\'s settings', peer, other, theirs, this.protocolId, describeProfile(this.protocolId.slice(this.protocolBase.length + 1)))
  }

  // ------------------------------------------------------------------ streams

  private async onStream (stream: Stream, connection: Connection): Promise<void> {
    const from = nodeRefOf(connection.remotePeer)
    if (from === undefined) {
      stream.abort(new InvalidParametersError('RSA peer ids cannot hold replicas'))
      return
    }
    let refused: Error | undefined
    try {
      // Until the peer ends the stream (between frames, or mid-frame: a truncated frame is dropped).
      await readFrames(stream, {
        maxDataLength: STORE_FRAME_BYTES_MAX,
        onFrame: (frame) => { this.onFrame(from, frame) }
      })
    } catch (err: any) {
      // The peer sent something we refuse, or reset the stream.
      refused = err
      this.log('resetting a store stream from %p - %e', connection.remotePeer, err)
    }
    // Either way this stream is done and is reset; others are untouched.
    if (stream.status === 'open' || stream.status === 'closing') { stream.abort(refused ?? new InvalidItemError('the peer ended the store stream')) }
  }

  /** One frame of an inbound store stream: a throw refuses it (the stream is reset). */
  private onFrame (from: NodeRef, frame: Uint8Array): void {
    const r = decodeStoreMessage(frame)
    if (!r.ok) { throw new InvalidItemError(`bad store frame from ${from.addr}: ${r.reason}`) }
    const core = this.core
    if (core === undefined || !this.started) { throw new QuorumUnavailableError('stopped') }
    this.backend?.beginBatch?.()
    core.handleMessage(this.now(), from, r.msg)
    this.flush()
  }
}

function keyBytes (key: string | Uint8Array): Uint8Array {
  const k = typeof key === 'string' ? new TextEncoder().encode(key) : key
  if (k.length === 0 || k.length > KEY_BYTES_MAX) { throw new InvalidItemError(`keys must be 1 to ${KEY_BYTES_MAX} bytes, got ${k.length}`) }
  return k
}

function checkValue (value: Uint8Array): void {
  if (!(value instanceof Uint8Array)) { throw new InvalidItemError('values are bytes (Uint8Array)') }
  if (value.length > VALUE_BYTES_MAX) { throw new InvalidItemError(`values are at most ${VALUE_BYTES_MAX} bytes, got ${value.length}`) }
}

/** The store as a libp2p service: `services: { ring: ring(), store: store({ path }) }`. */
export function store (init: StoreInit = {}): (components: StoreComponents) => StoreService {
  return (components) => new StoreService(components, init)
}

/**
 * The ring as a pure state machine (sans-IO): the relaxed ring of P2PS v3 / Beernet for
 * membership, DKS/Tango/Chord geometries for routing, correction-on-use and correction-on-change
 * for the tables, transitive lookups, broadcast and range-cast, failure detection of neighbours,
 * and ring unification after a partition.
 *
 * Inputs: `handleCommand`, `handleMessage`, `handleTimeout`, each with the current time.
 * Outputs: `pollTransmit`, `pollEvent`, `pollTimeoutMs`. The class reads no clock, draws no
 * random number and does no I/O; two drivers run it (the libp2p service and the simulator).
 *
 * Messages from the network are validated (`parseMessage`) and checked against the state; what
 * fails is counted in `counters.rejected` and dropped, never asserted on.
 */
import { assert, unreachable } from '@selfmgmt/interface'
import { FULL_RING, anyContains, openClosed, relativeArcs, upperBound } from './arcs.ts'
import * as C from './constants.ts'
import { getGeometry } from './geometry.ts'
import { RING_SIZE, compareBig, cwDist, idAdd, inOpenClosed, inOpenOpen } from './id.ts'
import { KnownNodes } from './known-nodes.ts'
import { isSortedList, normalizePreds, normalizeSuccs } from './lists.ts'
import { MESSAGE_TYPES } from './messages.ts'
import { closestFollowing, closestPreceding, nearestEitherSide } from './next-hop.ts'
import { RoutingTable } from './routing-table.ts'
import { RttTable } from './rtt.ts'
import { TimerHeap } from './timers.ts'
import { SEQ_MAX, parseMessage } from './validate.ts'
import type { Arc } from './arcs.ts'
import type { Geometry, GeometryConfig } from './geometry.ts'
import type { RingId } from './id.ts'
import type * as M from './messages.ts'
import type { Hop, SortedCandidates } from './next-hop.ts'
import type { NodeRef } from './node-ref.ts'
import type { RingCommand, RingCounters, RingEvent, RingState, RoutingState, Transmit, HopStats } from './types.ts'

/** Timeouts and switches a driver may set; every field has a default in constants.ts. */
export interface RingConfig {
  self: NodeRef
  geometry: GeometryConfig
  proximity?: boolean
  pingIntervalMs?: number
  predTimeoutMs?: number
  lookupTimeoutMs?: number
  joinTimeoutMs?: number
  leaveTimeoutMs?: number
  topologyBatchMs?: number
  suspectProbeMinMs?: number
  suspectProbeMaxMs?: number
  suspectTtlMs?: number
  /** Successor list length, ≤ SUCC_LIST_MAX. */
  succListLength?: number
}

type TimerKind = 'ping' | 'ping-timeout' | 'hop' | 'lookup' | 'join' | 'leave' | 'topology' |
  'suspect' | 'probe' | 'probe-pump' | 'query' | 'self-check'

interface PendingHop { to: NodeRef, msg: M.RouteMsg | M.CastMsg, sentMs: number }
interface PendingLookup { key: RingId, startMs: number, attempts: number, payload?: Uint8Array, kind: 'lookup' | 'app', wantReply: boolean }
interface PendingPing { seq: number, to: NodeRef, sentMs: number, retries: number }
type ProbePurpose = 'suspect' | 'candidate' | 'pred-check'
interface PendingProbe { to: NodeRef, sentMs: number, purpose: ProbePurpose }
interface PendingQuery { to: NodeRef, starts: RingId[], depth: number, sentMs: number }
/** A node believed gone: crashed (probed for a partition merge) or left (only kept out of gossip for a while). */
interface Suspect { node: NodeRef, sinceMs: number, nextMs: number, intervalMs: number, left: boolean }

function perType (): Record<string, number> {
  // A fixed shape from the start keeps the hot counters fast.
  const r: Record<string, number> = {}
  for (const t of MESSAGE_TYPES) { r[t] = 0 }
  return r
}

function newCounters (): RingCounters {
  return {
    sent: perType(),
    received: perType(),
    rejected: {},
    correctionsSent: 0,
    correctionsReceived: 0,
    correctionsApplied: 0,
    topologyEventsSent: 0,
    topologyEventsDropped: 0,
    lookupsStarted: 0,
    lookupsDone: 0,
    lookupsFailed: 0,
    lookupRetries: 0,
    hopTimeouts: 0,
    routesDropped: 0,
    castsDelivered: 0,
    merges: 0,
    reunites: 0,
    falseSuspicions: 0
  }
}

/** Timers one handleTimeout call may fire; far above any real backlog. */
const TIMERS_PER_CALL_MAX = 100_000

/**
 * Correction-on-change covers nodes whose successor gap is down to 1/this of the sender's.
 * Finer slots start within a few spacings, where the successor list already routes directly.
 */
const TOPOLOGY_GAP_DIVISOR = 16n

function minBig (a: bigint, b: bigint): bigint {
  return a < b ? a : b
}

/** Delays of the self-checks after a disruption: soon, then once things settled. */
const SELF_CHECK_DELAYS_MS = [5_000, 20_000, 60_000]

function sameList (a: readonly NodeRef[], b: readonly NodeRef[]): boolean {
  if (a.length !== b.length) { return false }
  for (let i = 0; i < a.length; i++) { if (a[i].addr !== b[i].addr) { return false } }
  return true
}

function inc (rec: Record<string, number>, key: string): void {
  rec[key] = (rec[key] ?? 0) + 1
}

export class RingNode {
  readonly self: NodeRef
  private readonly cfg: Required<Omit<RingConfig, 'self' | 'geometry' | 'proximity'>>
  private stateValue: RingState = 'idle'
  private table: RoutingTable
  private readonly rtt: RttTable
  private readonly timers = new TimerHeap<TimerKind>()
  private nowMs = 0

  private succList: NodeRef[] = []
  private predList: NodeRef[] = []
  private lastHeardFromPredMs = 0

  private readonly outbox: Transmit[] = []
  private outHead = 0
  private readonly events: RingEvent[] = []
  private eventHead = 0

  private seq = 0
  private readonly hops = new Map<number, PendingHop>()
  private readonly lookups = new Map<number, PendingLookup>()
  private ping: PendingPing | undefined
  private pingTickId = 0
  private suspectTimerAtMs = Infinity
  private suspectTimerId = 0
  private readonly probes = new Map<number, PendingProbe>()
  private probeTokens = C.PROBE_BURST
  private probeTokensAtMs = 0
  private probePumpArmed = false
  private readonly queries = new Map<number, PendingQuery>()
  private readonly suspects = new Map<string, Suspect>()
  private readonly seen = new Set<string>()
  private readonly topoQueue: M.TopologyEvent[] = []
  private topoTimerArmed = false
  private join: { bootstrap: NodeRef[], attempt: number, reqId: number, reqIds: Set<number> } | undefined
  private leaveAcks: Set<string> | undefined
  private mergeWindow = { startMs: 0, count: 0 }
  private selfCheckId = 0
  private selfChecksLeft = 0
  private readonly hopStats: HopStats = { count: 0, sum: 0, max: 0 }
  readonly counters: RingCounters = newCounters()

  constructor (config: RingConfig) {
    this.self = config.self
    const succLen = config.succListLength ?? C.SUCC_LIST_MAX
    assert(succLen >= 1 && succLen <= C.SUCC_LIST_MAX, 'succListLength out of range')
    this.cfg = {
      pingIntervalMs: config.pingIntervalMs ?? C.PING_INTERVAL_MS,
      predTimeoutMs: config.predTimeoutMs ?? (config.pingIntervalMs !== undefined ? 3.5 * config.pingIntervalMs : C.PRED_TIMEOUT_MS),
      lookupTimeoutMs: config.lookupTimeoutMs ?? C.LOOKUP_TIMEOUT_MS,
      joinTimeoutMs: config.joinTimeoutMs ?? C.JOIN_TIMEOUT_MS,
      leaveTimeoutMs: config.leaveTimeoutMs ?? C.LEAVE_TIMEOUT_MS,
      topologyBatchMs: config.topologyBatchMs ?? C.TOPOLOGY_BATCH_MS,
      suspectProbeMinMs: config.suspectProbeMinMs ?? C.SUSPECT_PROBE_MIN_MS,
      suspectProbeMaxMs: config.suspectProbeMaxMs ?? C.SUSPECT_PROBE_MAX_MS,
      suspectTtlMs: config.suspectTtlMs ?? C.SUSPECT_TTL_MS,
      succListLength: succLen
    }
    this.known = new KnownNodes(this.self.id)
    this.rtt = new RttTable(config.proximity === true ? C.RTT_TABLE_MAX : C.RTT_TABLE_MAX_PLAIN)
    this.table = this.makeTable(getGeometry(config.geometry), config.proximity === true)
  }

  private readonly known: KnownNodes

  private makeTable (geometry: Geometry, proximity: boolean): RoutingTable {
    return new RoutingTable(geometry, this.self.id, proximity, a => this.rtt.srtt(a), (n, added) => {
      if (added) { this.known.add(n) } else { this.known.remove(n) }
    })
  }

  get state (): RingState { return this.stateValue }

  /** True once this node has been accepted into a ring and until it leaves. */
  isMember (): boolean { return this.stateValue === 'member' }

  get pred (): NodeRef | undefined { return this.predList[0] }

  get succ (): NodeRef | undefined { return this.succList[0] }

  get successors (): readonly NodeRef[] { return this.succList }

  get predecessors (): readonly NodeRef[] { return this.predList }

  /** True when this node believes it owns `key`: key ∈ (pred, self], or it is alone. */
  owns (key: RingId): boolean {
    if (!this.isMember()) { return false }
    if (this.succList.length === 0) { return true }
    const p = this.pred
    return p !== undefined && inOpenClosed(key, p.id, this.self.id)
  }

  // ---------------------------------------------------------------- outputs

  pollTransmit (): Transmit | undefined {
    if (this.outHead >= this.outbox.length) {
      if (this.outHead > 0) { this.outbox.length = 0; this.outHead = 0 }
      return undefined
    }
    return this.outbox[this.outHead++]
  }

  pollEvent (): RingEvent | undefined {
    if (this.eventHead >= this.events.length) {
      if (this.eventHead > 0) { this.events.length = 0; this.eventHead = 0 }
      return undefined
    }
    return this.events[this.eventHead++]
  }

  /** The next deadline at which `handleTimeout` must be called, or undefined. */
  pollTimeoutMs (): number | undefined {
    for (;;) {
      const top = this.timers.peek()
      if (top === undefined) { return undefined }
      if (this.timerLive(top.kind, top.id)) { return top.atMs }
      this.timers.pop()
    }
  }

  // ---------------------------------------------------------------- inputs

  handleCommand (nowMs: number, cmd: RingCommand): void {
    this.advance(nowMs)
    switch (cmd.type) {
      case 'create': return this.create()
      case 'join': return this.startJoin(cmd.bootstrap)
      case 'leave': return this.startLeave()
      case 'lookup': return this.startLookup(cmd.key, cmd.reqId, 'lookup')
      case 'route': return this.startLookup(cmd.key, cmd.reqId, 'app', cmd.payload, cmd.wantReply === true)
      case 'respond': return this.respond(cmd.to, cmd.reqId, cmd.hops, cmd.payload)
      case 'cancel': { this.lookups.delete(cmd.reqId); return }
      case 'peer-unreachable': return this.peerUnreachable(cmd.addr)
      case 'reunite': return this.reunite(cmd.node)
      case 'broadcast': return this.startCast([FULL_RING], cmd.payload)
      case 'rangecast': return this.startCast(cmd.arcs, cmd.payload)
      case 'set-geometry': return this.setGeometry(cmd.geometry)
      case 'set-proximity': return this.setProximity(cmd.enabled)
      case 'install': return this.install(cmd.predList, cmd.succList, cmd.fingers)
      default: unreachable(cmd, 'unknown command')
    }
  }

  handleMessage (nowMs: number, from: NodeRef, raw: unknown): void {
    this.advance(nowMs)
    const parsed = parseMessage(raw)
    if (!parsed.ok) {
      inc(this.counters.rejected, parsed.reason)
      return
    }
    const msg = parsed.msg
    if (from.addr === this.self.addr) {
      inc(this.counters.rejected, 'from-self')
      return
    }
    // A node with our id may only tell us so (it owns the id; our join is refused).
    if (from.id === this.self.id && msg.type !== 'join-reject' && msg.type !== 'ack') {
      inc(this.counters.rejected, 'id-collision')
      return
    }
    inc(this.counters.received, msg.type)
    this.heardFrom(from)
    this.dispatch(from, msg)
  }

  handleTimeout (nowMs: number): void {
    this.advance(nowMs)
    let fired = 0
    for (;;) {
      const top = this.timers.peek()
      if (top === undefined || top.atMs > nowMs) { break }
      // A timer that keeps re-arming itself at the same instant is a bug, not a workload.
      if (++fired > TIMERS_PER_CALL_MAX) { assert(false, `timer loop: ${top.kind} keeps firing at ${nowMs} ms`) }
      this.timers.pop()
      if (this.timerLive(top.kind, top.id)) { this.fire(top.kind, top.id) }
    }
    if (this.timers.size > 64 && this.timers.size > 4 * this.liveTimerEstimate()) {
      this.timers.compact(e => this.timerLive(e.kind, e.id))
    }
  }

  private advance (nowMs: number): void {
    assert(Number.isFinite(nowMs) && nowMs >= this.nowMs, 'time must not go backwards')
    this.nowMs = nowMs
  }

  private dispatch (from: NodeRef, msg: M.RingMessage): void {
    switch (msg.type) {
      case 'route': return this.onRoute(from, msg)
      case 'ack': return this.onAck(from, msg)
      case 'lookup-reply': return this.onLookupReply(from, msg)
      case 'ping': return this.onPing(from, msg)
      case 'pong': return this.onPong(from, msg)
      case 'hint': return this.onHint(from, msg)
      case 'join-ok': return this.onJoinOk(from, msg)
      case 'join-reject': return this.onJoinReject(msg)
      case 'leave': return this.onLeave(from, msg)
      case 'leave-ack': return this.onLeaveAck(from)
      case 'correction': return this.onCorrection(from, msg)
      case 'finger-query': return this.onFingerQuery(from, msg)
      case 'finger-answer': return this.onFingerAnswer(from, msg)
      case 'probe': return this.send(from, { type: 'probe-ack', seq: msg.seq })
      case 'probe-ack': return this.onProbeAck(from, msg)
      case 'merge-req': return this.onMergeReq(from, msg)
      case 'cast': return this.onCast(from, msg)
      default: unreachable(msg, 'unknown message')
    }
  }

  private reject (reason: string): void {
    inc(this.counters.rejected, reason)
  }

  private send (to: NodeRef, msg: M.RingMessage): void {
    assert(to.addr !== this.self.addr, () => `send to self: ${msg.type}`)
    assert(this.outbox.length - this.outHead < C.TRANSMIT_QUEUE_MAX, 'transmit queue full: the driver does not drain it')
    inc(this.counters.sent, msg.type)
    this.outbox.push({ to, msg })
  }

  private emit (ev: RingEvent): void {
    assert(this.events.length - this.eventHead < C.EVENT_QUEUE_MAX, 'event queue full: the driver does not drain it')
    this.events.push(ev)
  }

  private nextSeq (): number {
    this.seq = this.seq >= SEQ_MAX ? 1 : this.seq + 1
    return this.seq
  }

  // ---------------------------------------------------------------- timers

  private timerLive (kind: TimerKind, id: number): boolean {
    switch (kind) {
      case 'ping': return this.stateValue === 'member' && id === this.pingTickId
      case 'ping-timeout': return this.ping !== undefined && this.ping.seq === id
      case 'hop': return this.hops.has(id)
      case 'lookup': return this.lookups.has(id)
      case 'join': return this.join !== undefined && this.join.reqId === id && this.stateValue === 'joining'
      case 'leave': return this.stateValue === 'leaving'
      case 'topology': return this.topoTimerArmed
      // Live while it is the one armed, even with no suspects left (it then finds nothing to do):
      // dropped earlier, suspectTimerAtMs would keep its time, and armSuspectTimer would refuse
      // every later one, so suspects added after that were never probed again.
      case 'suspect': return id === this.suspectTimerId
      case 'probe': return this.probes.has(id)
      case 'probe-pump': return this.probePumpArmed
      case 'query': return this.queries.has(id)
      case 'self-check': return id === this.selfCheckId && this.stateValue === 'member'
      default: return unreachable(kind, 'unknown timer')
    }
  }

  private liveTimerEstimate (): number {
    return this.hops.size + this.lookups.size + this.probes.size + this.queries.size + 8
  }

  private fire (kind: TimerKind, id: number): void {
    switch (kind) {
      case 'ping': return this.onPingTimer()
      case 'ping-timeout': return this.onPingTimeout()
      case 'hop': return this.onHopTimeout(id)
      case 'lookup': return this.onLookupTimeout(id)
      case 'join': return this.onJoinTimeout()
      case 'leave': return this.finishLeave()
      case 'topology': return this.flushTopology()
      case 'suspect': {
        this.suspectTimerAtMs = Infinity
        return this.probeSuspects()
      }
      case 'probe': return this.onProbeTimeout(id)
      case 'probe-pump': return this.pumpProbes()
      case 'query': { this.queries.delete(id); return }
      case 'self-check': return this.selfCheck()
      default: unreachable(kind, 'unknown timer')
    }
  }

  // ---------------------------------------------------------------- membership

  private create (): void {
    if (this.stateValue !== 'idle') { return this.reject('create-not-idle') }
    this.stateValue = 'member'
    this.succList = []
    this.predList = []
    this.armPing(this.nowMs + this.cfg.pingIntervalMs)
    this.emit({ type: 'joined' })
  }

  private install (predList: NodeRef[], succList: NodeRef[], fingers: NodeRef[]): void {
    if (this.stateValue !== 'idle') { return this.reject('install-not-idle') }
    if (predList.length > C.PRED_LIST_MAX || succList.length > C.SUCC_LIST_MAX || fingers.length > C.TABLE_NODES_MAX) { return this.reject('install-too-large') }
    this.stateValue = 'member'
    this.setPredList(predList.filter(n => this.acceptable(n)))
    this.setSuccList(succList.filter(n => this.acceptable(n)))
    this.lastHeardFromPredMs = this.nowMs
    for (const f of fingers) { this.learn(f) }
    this.armPing(this.nowMs + this.cfg.pingIntervalMs)
    this.emit({ type: 'joined', pred: this.pred, succ: this.succ })
  }

  private startJoin (bootstrap: NodeRef[]): void {
    const boot = bootstrap.filter(b => b.addr !== this.self.addr)
    if (this.stateValue !== 'idle' || boot.length === 0) {
      this.emit({ type: 'join-failed', reason: boot.length === 0 ? 'no-bootstrap' : 'not-idle' })
      return
    }
    this.stateValue = 'joining'
    this.join = { bootstrap: boot, attempt: 0, reqId: 0, reqIds: new Set() }
    this.sendJoin()
  }

  private sendJoin (): void {
    const j = this.join
    assert(j !== undefined && this.stateValue === 'joining', 'sendJoin outside joining')
    j.reqId = this.nextSeq()
    j.reqIds.add(j.reqId)
    const to = j.bootstrap[j.attempt % j.bootstrap.length]
    const msg: M.RouteMsg = {
      type: 'route',
      hop: 0,
      kind: 'join',
      key: this.self.id,
      origin: this.self,
      reqId: j.reqId,
      hops: 0,
      ttl: C.TTL_MAX,
      phase: this.startPhase(),
      final: false
    }
    this.sendHop(to, msg)
    this.timers.push(this.nowMs + this.cfg.joinTimeoutMs, 'join', j.reqId)
  }

  private onJoinTimeout (): void {
    const j = this.join
    assert(j !== undefined, 'join timer without join')
    j.attempt++
    if (j.attempt >= C.JOIN_ATTEMPTS_MAX) {
      this.stateValue = 'idle'
      this.join = undefined
      this.emit({ type: 'join-failed', reason: 'timeout' })
      return
    }
    this.sendJoin()
  }

  /** At the owner of the joiner's id: accept it as predecessor (relaxed ring: no locks). */
  private acceptJoin (m: M.RouteMsg): void {
    const q = m.origin
    // Our own earlier join attempt, still in flight when a later one succeeded.
    if (q.addr === this.self.addr) { return this.reject('join-own-stale') }
    const p = this.pred
    if (q.id === this.self.id || (p !== undefined && q.id === p.id && q.addr !== p.addr)) {
      this.send(q, { type: 'join-reject', reqId: m.reqId, reason: 'id-collision' })
      return
    }
    const alone = this.succList.length === 0
    if (p !== undefined && p.addr === q.addr) {
      // A retried join whose join-ok was lost: answer again with the same state.
      this.sendJoinOk(q, m.reqId, this.predList[1] ?? this.self)
      return
    }
    const oldPred = alone ? this.self : p
    this.setPredList([q, ...this.predList])
    this.lastHeardFromPredMs = this.nowMs
    if (alone) { this.setSuccList([q]) }
    this.sendJoinOk(q, m.reqId, oldPred)
    if (p !== undefined && !alone) { this.send(p, { type: 'hint', node: q }) }
    if (alone) { this.sendPing(q, 0) }
  }

  private sendJoinOk (q: NodeRef, reqId: number, pred: NodeRef | undefined): void {
    const succs = [this.self, ...this.succList.filter(s => s.addr !== q.addr)].slice(0, C.SUCC_LIST_MAX)
    const fingers = this.table.nodes().filter(n => n.addr !== q.addr).slice(0, C.JOIN_FINGERS_MAX)
    this.send(q, { type: 'join-ok', reqId, pred: pred?.addr === q.addr ? undefined : pred, succList: succs, fingers })
  }

  private onJoinOk (from: NodeRef, m: M.JoinOkMsg): void {
    if (this.stateValue !== 'joining' || this.join === undefined) { return this.reject('join-ok-not-joining') }
    // Any of our attempts may be the one accepted (an earlier one's answer can arrive late).
    if (!this.join.reqIds.has(m.reqId)) { return this.reject('join-ok-unexpected') }
    this.stateValue = 'member'
    this.join = undefined
    const pred = m.pred !== undefined && m.pred.addr !== this.self.addr ? m.pred : undefined
    this.setPredList(pred !== undefined ? [pred] : [])
    this.lastHeardFromPredMs = this.nowMs
    this.setSuccList([from, ...m.succList])
    for (const f of m.fingers) { this.learn(f) }
    this.emit({ type: 'joined', pred: this.pred, succ: this.succ })
    this.armPing(this.nowMs + this.cfg.pingIntervalMs)
    const s = this.succ
    if (s !== undefined) { this.sendPing(s, 0) }
    this.sendFingerQueries()
    if (pred !== undefined) { this.queueTopology({ kind: 'join', node: this.self, pred: pred.id }) }
  }

  private onJoinReject (m: M.JoinRejectMsg): void {
    if (this.stateValue !== 'joining' || this.join?.reqIds.has(m.reqId) !== true) { return this.reject('join-reject-unexpected') }
    this.stateValue = 'idle'
    this.join = undefined
    this.emit({ type: 'join-failed', reason: m.reason })
  }

  private startLeave (): void {
    if (this.stateValue !== 'member') {
      this.stateValue = 'left'
      this.emit({ type: 'left' })
      return
    }
    this.stateValue = 'leaving'
    this.emit({ type: 'leaving', pred: this.pred, succ: this.succ })
    const msg: M.LeaveMsg = { type: 'leave', predList: this.predList.slice(0, C.PRED_LIST_MAX), succList: this.succList.slice(0, C.SUCC_LIST_MAX) }
    this.leaveAcks = new Set()
    for (const n of [this.succ, this.pred]) {
      if (n === undefined || this.leaveAcks.has(n.addr)) { continue }
      this.leaveAcks.add(n.addr)
      this.send(n, msg)
    }
    if (this.leaveAcks.size === 0) { return this.finishLeave() }
    this.timers.push(this.nowMs + this.cfg.leaveTimeoutMs, 'leave', 0)
  }

  private onLeaveAck (from: NodeRef): void {
    if (this.stateValue !== 'leaving' || this.leaveAcks?.delete(from.addr) !== true) { return this.reject('leave-ack-unexpected') }
    if (this.leaveAcks.size === 0) { this.finishLeave() }
  }

  private finishLeave (): void {
    if (this.stateValue !== 'leaving') { return }
    this.stateValue = 'left'
    this.leaveAcks = undefined
    this.emit({ type: 'left' })
  }

  /**
   * A neighbour leaves gracefully: take over its range or its place, no suspicion. A node that
   * lies between us and our predecessor or successor counts as that neighbour: when adjacent
   * nodes leave at once, each passes its neighbours' lists on (onLeaveWhileLeaving), so the
   * nodes on either side hear again from a node they already let go, with the lists that name
   * who is next once all of them are gone.
   */
  private onLeave (from: NodeRef, m: M.LeaveMsg): void {
    if (this.stateValue === 'leaving') { return this.onLeaveWhileLeaving(from, m) }
    if (this.stateValue !== 'member') { return this.reject('leave-not-member') }
    const p = this.pred
    const s = this.succ
    const wasPred = p !== undefined && (p.addr === from.addr || inOpenOpen(from.id, p.id, this.self.id))
    const wasSucc = s !== undefined && (s.addr === from.addr || inOpenOpen(from.id, this.self.id, s.id))
    this.forget(from)
    this.addSuspect(from, true)
    if (wasPred) {
      this.setPredList([...this.predList, ...m.predList])
      this.lastHeardFromPredMs = this.nowMs
      const p = this.pred
      if (p !== undefined) { this.queueTopology({ kind: 'leave', node: from, pred: p.id, replacement: this.self }) }
    }
    if (wasSucc) {
      this.setSuccList([...this.succList, ...m.succList])
      this.fallbackSucc()
      const s = this.succ
      if (s !== undefined) { this.sendPing(s, 0) }
    }
    this.send(from, { type: 'leave-ack' })
  }

  /**
   * A neighbour leaves while we are leaving too: the neighbour on our other side must learn
   * who comes next once both of us are gone, or, when several adjacent nodes leave at once, the
   * nodes on either side may be left knowing only nodes that left (a property run: three
   * neighbours leaving at once next to a crash left the last two nodes each alone). Pass its
   * lists on, merged with ours (without it), in a leave of our own; our lists stay as they are
   * (we are going), so a later leave from the same side is passed on as well.
   */
  private onLeaveWhileLeaving (from: NodeRef, m: M.LeaveMsg): void {
    this.send(from, { type: 'leave-ack' })
    const acks = this.leaveAcks
    if (acks === undefined) { return }
    const wasPred = this.pred?.addr === from.addr
    const wasSucc = this.succ?.addr === from.addr
    if (!wasPred && !wasSucc) { return }
    const other = (n: NodeRef): boolean => n.addr === from.addr
    const predList = wasPred ? normalizePreds(this.self, [...this.predList, ...m.predList], C.PRED_LIST_MAX, other) : this.predList.slice(0, C.PRED_LIST_MAX)
    const succList = wasSucc ? normalizeSuccs(this.self, [...this.succList, ...m.succList], C.SUCC_LIST_MAX, other) : this.succList.slice(0, C.SUCC_LIST_MAX)
    const to = wasPred ? this.succ : this.pred
    if (to === undefined || to.addr === from.addr) { return }
    acks.add(to.addr)
    this.send(to, { type: 'leave', predList, succList })
  }

  // ---------------------------------------------------------------- neighbours: ping, pong, hint

  /** Arms the periodic tick (one live entry at a time): ping the successor, check the predecessor. */
  private armPing (atMs: number): void {
    this.pingTickId++
    this.timers.push(atMs, 'ping', this.pingTickId)
  }

  private onPingTimer (): void {
    const p = this.pred
    if (p !== undefined && this.nowMs - this.lastHeardFromPredMs > this.cfg.predTimeoutMs) { this.suspect(p) }
    const s = this.succ
    if (this.ping === undefined && s !== undefined && this.stateValue === 'member') { this.sendPing(s, 0) }
    this.armPing(this.nowMs + this.cfg.pingIntervalMs)
  }

  private sendPing (to: NodeRef, retries: number): void {
    const seq = this.nextSeq()
    this.ping = { seq, to, sentMs: this.nowMs, retries }
    this.send(to, { type: 'ping', seq, predList: this.predList.slice(0, C.PRED_LIST_MAX) })
    this.timers.push(this.nowMs + this.rtt.rto(to.addr) * (retries + 1), 'ping-timeout', seq)
  }

  private onPingTimeout (): void {
    const p = this.ping
    assert(p !== undefined, 'ping timeout without ping')
    this.ping = undefined
    if (p.retries < C.PING_RETRIES && this.succ?.addr === p.to.addr) { return this.sendPing(p.to, p.retries + 1) }
    this.suspect(p.to)
  }

  private onPing (from: NodeRef, m: M.PingMsg): void {
    if (this.stateValue !== 'member') { return this.reject('ping-not-member') }
    const p = this.pred
    const preds = this.beforeSelf(m.predList)
    if (p === undefined || inOpenOpen(from.id, p.id, this.self.id)) {
      this.adoptPred(from, preds)
    } else if (p.addr === from.addr) {
      this.lastHeardFromPredMs = this.nowMs
      this.setPredList([from, ...preds.filter(n => inOpenOpen(n.id, this.self.id, from.id))])
    }
    if (this.succList.length === 0 || inOpenOpen(from.id, this.self.id, this.succList[0].id)) { this.adoptSucc(from) }
    this.send(from, { type: 'pong', seq: m.seq, pred: this.pred, succList: this.succList.slice(0, C.SUCC_LIST_MAX) })
  }

  private onPong (from: NodeRef, m: M.PongMsg): void {
    const p = this.ping
    if (p === undefined || p.seq !== m.seq || p.to.addr !== from.addr) { return this.reject('pong-unexpected') }
    this.ping = undefined
    this.rttSample(from, this.nowMs - p.sentMs)
    if (this.stateValue !== 'member' || this.succ?.addr !== from.addr) { return }
    const cand = m.pred
    // The successor's list is authoritative (Chord): stale entries of ours are dropped with it.
    // Only the part before us counts: in a ring smaller than the list it wraps past us, and
    // what lies beyond is old news about our own neighbourhood (a node that left, say).
    this.setSuccList([from, ...this.beforeSelf(m.succList).filter(n => inOpenOpen(n.id, from.id, this.self.id))])
    if (cand !== undefined && cand.addr !== this.self.addr && inOpenOpen(cand.id, this.self.id, from.id) && !this.freshSuspect(cand)) {
      this.adoptSucc(cand)
    }
  }

  private onHint (from: NodeRef, m: M.HintMsg): void {
    if (this.stateValue !== 'member') { return this.reject('hint-not-member') }
    const n = m.node
    if (!this.acceptable(n) || this.freshSuspect(n)) { return this.reject('hint-unusable') }
    this.learn(n)
    if (this.succList.length === 0 || inOpenOpen(n.id, this.self.id, this.succList[0].id)) { this.adoptSucc(n) }
  }

  /** The prefix of a neighbour's list before this node (lists wrap around small rings). */
  private beforeSelf (list: readonly NodeRef[]): NodeRef[] {
    const out: NodeRef[] = []
    for (const n of list) {
      if (n.addr === this.self.addr || n.id === this.self.id) { break }
      out.push(n)
    }
    return out
  }

  /** A ref we can use: not us, and not in conflict with a node we know (same address, other id, or the reverse). */
  private acceptable (n: NodeRef): boolean {
    return n.addr !== this.self.addr && n.id !== this.self.id && !this.known.conflicts(n)
  }

  private adoptPred (x: NodeRef, xPreds: readonly NodeRef[]): void {
    const old = this.pred
    // x's predecessors are behind x: anything else in its list is stale.
    this.setPredList([x, ...xPreds.filter(n => inOpenOpen(n.id, this.self.id, x.id)), ...this.predList])
    this.lastHeardFromPredMs = this.nowMs
    // The old predecessor still points at us; x lies between us, so it should point at x.
    if (old !== undefined && old.addr !== x.addr && this.stateValue === 'member') { this.send(old, { type: 'hint', node: x }) }
  }

  private adoptSucc (x: NodeRef): void {
    if (x.addr === this.self.addr) { return }
    this.setSuccList([x, ...this.succList])
    this.emit({ type: 'succ-changed', succ: this.succ })
    // Stabilise at once rather than at the next tick: its pong carries its list and predecessor.
    if (this.ping === undefined || this.ping.to.addr !== x.addr) { this.sendPing(x, 0) }
  }

  // The lists change only here; their order is asserted here, not after every step.
  private setSuccList (nodes: Iterable<NodeRef>): void {
    const list = normalizeSuccs(this.self, nodes, this.cfg.succListLength, n => this.freshSuspect(n) || this.known.conflicts(n))
    assert(isSortedList(this.self.id, list, true), 'successor list not sorted or has duplicates')
    if (!sameList(list, this.succList)) {
      this.replaceKnown(this.succList, list)
      this.succList = list
    }
    this.updateWindow()
  }

  /** Replaces the predecessor list; a new first entry changes our range and says so. */
  private setPredList (nodes: Iterable<NodeRef>): void {
    const list = normalizePreds(this.self, nodes, C.PRED_LIST_MAX, n => this.freshSuspect(n) || this.known.conflicts(n))
    assert(isSortedList(this.self.id, list, false), 'predecessor list not sorted or has duplicates')
    if (!sameList(list, this.predList)) {
      const old = this.predList[0]
      this.replaceKnown(this.predList, list)
      this.predList = list
      if (old?.addr !== list[0]?.addr) { this.emit({ type: 'range-changed', pred: list[0], oldPred: old }) }
    }
    this.updateWindow()
  }

  /** Keeps the known-node index in step when a neighbour list is replaced. */
  private replaceKnown (old: readonly NodeRef[], next: readonly NodeRef[]): void {
    for (const n of next) { this.known.add(n) }
    for (const n of old) { this.known.remove(n) }
  }

  private windowSucc: string | undefined
  private windowPred: string | undefined

  private updateWindow (): void {
    const s = this.succ
    const p = this.pred
    if (s?.addr === this.windowSucc && p?.addr === this.windowPred) { return }
    this.windowSucc = s?.addr
    this.windowPred = p?.addr
    const dSucc = s !== undefined ? cwDist(this.self.id, s.id) : RING_SIZE - 1n
    const dPred = p !== undefined ? cwDist(p.id, this.self.id) : dSucc
    if (this.table.setWindow(dSucc, dPred, [...this.succList, ...this.predList])) { this.queueProbesForCandidates() }
  }

  /** With every successor gone, take the closest clockwise node known; alone if none. */
  private fallbackSucc (): void {
    if (this.succList.length > 0) { return }
    let best: NodeRef | undefined
    let bestD = RING_SIZE
    for (const n of [...this.table.nodes(), ...this.predList]) {
      const d = cwDist(this.self.id, n.id)
      if (d > 0n && d < bestD) { best = n; bestD = d }
    }
    if (best !== undefined) { this.setSuccList([best]) }
    this.emit({ type: 'succ-changed', succ: this.succ })
  }

  // ---------------------------------------------------------------- failure suspicion and merge

  private freshSuspect (n: NodeRef): boolean {
    const s = this.suspects.get(n.addr)
    return s !== undefined && this.nowMs - s.sinceMs < C.FRESH_MS
  }

  /** Removes a node believed crashed everywhere, keeps it for probing (partition merge). */
  private suspect (x: NodeRef): void {
    const wasSucc = this.succ?.addr === x.addr
    const wasPred = this.pred?.addr === x.addr
    this.forget(x)
    this.addSuspect(x, false)
    this.emit({ type: 'suspected', node: x })
    if ((wasSucc || wasPred) && this.stateValue === 'member') { this.scheduleSelfCheck() }
    if (wasSucc) {
      this.fallbackSucc()
      const s = this.succ
      if (s !== undefined && this.stateValue === 'member') { this.sendPing(s, 0) }
    }
    if (wasPred) {
      this.lastHeardFromPredMs = this.nowMs
      const p = this.pred
      // The next predecessor comes from the failed one's list, unverified: check it now rather
      // than after another predecessor timeout (a partition may have taken several at once).
      if (p !== undefined && this.stateValue === 'member') { this.sendProbe(p, 'pred-check') }
      if (p !== undefined && this.stateValue === 'member') { this.queueTopology({ kind: 'fail', node: x, pred: p.id, replacement: this.self }) }
    }
  }

  /** Records a node as gone; suspected again, its suspicion is fresh again. */
  private addSuspect (x: NodeRef, left: boolean): void {
    const old = this.suspects.get(x.addr)
    if (old !== undefined) {
      old.sinceMs = this.nowMs
      old.left = left
      return
    }
    if (this.suspects.size >= C.SUSPECTS_MAX) {
      const oldest = this.suspects.keys().next().value
      if (oldest !== undefined) { this.suspects.delete(oldest) }
    }
    const interval = this.cfg.suspectProbeMinMs
    this.suspects.set(x.addr, { node: x, sinceMs: this.nowMs, nextMs: this.nowMs + interval, intervalMs: interval, left })
    this.armSuspectTimer(this.nowMs + interval)
  }

  /** Drops a node from every list and table (it left or is suspected). */
  private forget (x: NodeRef): void {
    if (this.succList.some(n => n.addr === x.addr)) { this.setSuccList(this.succList.filter(n => n.addr !== x.addr)) }
    if (this.predList.some(n => n.addr === x.addr)) { this.setPredList(this.predList.filter(n => n.addr !== x.addr)) }
    this.table.remove(x.addr)
    this.rtt.forget(x.addr)
    if (this.ping?.to.addr === x.addr) { this.ping = undefined }
  }

  private heardFrom (from: NodeRef): void {
    const s = this.suspects.get(from.addr)
    if (s === undefined) { return }
    this.suspects.delete(from.addr)
    if (this.stateValue !== 'member') { return }
    if (!s.left && this.nowMs - s.sinceMs < C.MERGE_SUSPECT_MIN_MS) {
      // Suspected moments ago (a slow first hop, a late pong): a false suspicion. Rings cannot
      // have split in that time without the self-check scheduled at suspicion seeing it, so take
      // the node back without the merge traffic, which on a large ring is what turns a burst of
      // false suspicions into a storm.
      this.counters.falseSuspicions++
      this.emit({ type: 'rediscovered', node: from })
      this.learn(from)
      if (this.succList.length === 0 || inOpenOpen(from.id, this.self.id, this.succList[0].id)) { this.adoptSucc(from) }
      return
    }
    this.rediscovered(from)
  }

  private probeSuspects (): void {
    const now = this.nowMs
    let next = Infinity
    for (const [addr, s] of this.suspects) {
      // A node that left is only kept out of gossip; one that crashed is probed until its TTL.
      // (One expiry time, compared and scheduled alike: no float drift between the two.)
      const expiresAt = s.sinceMs + (s.left ? 2 * C.FRESH_MS : this.cfg.suspectTtlMs)
      if (expiresAt <= now) {
        this.suspects.delete(addr)
        continue
      }
      if (s.left) {
        if (expiresAt < next) { next = expiresAt }
        continue
      }
      if (s.nextMs <= now) {
        this.sendProbe(s.node, 'suspect')
        s.intervalMs = Math.min(2 * s.intervalMs, this.cfg.suspectProbeMaxMs)
        s.nextMs = now + s.intervalMs
      }
      if (s.nextMs < next) { next = s.nextMs }
    }
    if (next < Infinity) { this.armSuspectTimer(next) }
  }

  private armSuspectTimer (atMs: number): void {
    if (atMs >= this.suspectTimerAtMs) { return }
    this.suspectTimerAtMs = atMs
    this.suspectTimerId++
    this.timers.push(atMs, 'suspect', this.suspectTimerId)
  }

  /** A remembered node may be in another ring: unify with it as with a rediscovered suspect. */
  private reunite (x: NodeRef): void {
    if (this.stateValue !== 'member' || x.addr === this.self.addr || x.id === this.self.id) { return this.reject('reunite-not-member') }
    this.counters.reunites++
    this.rediscovered(x)
  }

  /** A suspected node is alive: unify the rings (Shafaat et al. 2007, simple variant). */
  private rediscovered (x: NodeRef): void {
    this.emit({ type: 'rediscovered', node: x })
    this.scheduleSelfCheck()
    this.learn(x)
    if (this.succList.length === 0 || inOpenOpen(x.id, this.self.id, this.succList[0].id)) { this.adoptSucc(x) } else { this.send(x, { type: 'hint', node: this.self }) }
    if (!this.mergeAllowed()) { return }
    this.routeMerge(x)
    this.send(x, { type: 'merge-req', node: this.self })
  }

  /**
   * After a disruption (a neighbour suspected, a ring rediscovered), check a few times that no
   * other node believes it owns our id: route a merge for ourselves from the farthest node we
   * know. If the route ends elsewhere, two rings (or two interleaved cycles, Chord's "loopy"
   * state) exist, and the owner's hints unzip them. Successor pointers alone never see this.
   */
  private scheduleSelfCheck (): void {
    this.selfChecksLeft = SELF_CHECK_DELAYS_MS.length
    this.armSelfCheck()
  }

  private armSelfCheck (): void {
    const left = this.selfChecksLeft
    if (left <= 0) { return }
    this.selfCheckId++
    this.timers.push(this.nowMs + SELF_CHECK_DELAYS_MS[SELF_CHECK_DELAYS_MS.length - left], 'self-check', this.selfCheckId)
  }

  private selfCheck (): void {
    this.selfChecksLeft--
    const far = this.known.nodes[this.known.nodes.length >> 1]
    if (far !== undefined) {
      const msg: M.RouteMsg = {
        type: 'route',
        hop: 0,
        kind: 'merge',
        key: this.self.id,
        origin: this.self,
        reqId: 0,
        hops: 0,
        ttl: C.TTL_MAX,
        phase: this.startPhase(),
        final: false,
        node: this.self
      }
      this.sendHop(far, msg)
    }
    this.armSelfCheck()
  }

  private mergeAllowed (): boolean {
    if (this.nowMs - this.mergeWindow.startMs > 60_000) { this.mergeWindow = { startMs: this.nowMs, count: 0 } }
    if (this.mergeWindow.count >= C.MERGES_PER_MINUTE_MAX) { return false }
    this.mergeWindow.count++
    this.counters.merges++
    return true
  }

  private onMergeReq (from: NodeRef, m: M.MergeReqMsg): void {
    if (this.stateValue !== 'member') { return this.reject('merge-not-member') }
    this.learn(m.node)
    if (this.mergeAllowed()) { this.routeMerge(m.node) }
  }

  private routeMerge (x: NodeRef): void {
    const msg: M.RouteMsg = {
      type: 'route',
      hop: 0,
      kind: 'merge',
      key: x.id,
      origin: this.self,
      reqId: 0,
      hops: 0,
      ttl: C.TTL_MAX,
      phase: this.startPhase(),
      final: false,
      node: x
    }
    this.routeStep(msg, undefined)
  }

  /** At the owner of x's id in this ring: x sits between our predecessor and us. */
  private mergeAtOwner (x: NodeRef): void {
    if (!this.acceptable(x)) { return }
    this.learn(x)
    this.send(x, { type: 'hint', node: this.self })
    const p = this.pred
    if (p !== undefined && p.addr !== x.addr) { this.send(p, { type: 'hint', node: x }) }
  }

  // ---------------------------------------------------------------- learning and corrections

  /** Correction-on-use learning: any node we hear of may serve one of our slots. */
  private learn (n: NodeRef): void {
    if (!this.acceptable(n) || this.freshSuspect(n)) { return }
    // A node between us and our successor is a better successor: this is what unzips two
    // interleaved rings that stabilisation alone would keep apart (Chord's loopy state).
    const s = this.succ
    if (s !== undefined && this.stateValue === 'member' && inOpenOpen(n.id, this.self.id, s.id)) { this.adoptSucc(n) }
    // Already an entry: offering it again cannot improve the ideal table.
    if (!this.table.proximity && this.table.has(n.addr)) { return }
    this.table.offer(n)
    if (this.table.proximity && this.rtt.srtt(n.addr) === undefined && this.table.isCandidate(n)) { this.queueProbe(n) }
  }

  /** The owner of `start` as far as this node knows (self, a successor or a predecessor). */
  private bestOwnerOf (start: RingId): NodeRef {
    let prev = this.self.id
    for (const s of this.succList) {
      if (inOpenClosed(start, prev, s.id)) { return s }
      prev = s.id
    }
    let next: NodeRef = this.self
    for (const p of this.predList) {
      if (inOpenClosed(start, p.id, next.id)) { return next }
      next = p
    }
    return this.self
  }

  /** Correction-on-use check: are we the node the sender's slot should point to? */
  private checkSlot (from: NodeRef, start: RingId): void {
    const p = this.pred
    if (p === undefined || inOpenClosed(start, p.id, this.self.id)) { return }
    const cand = this.bestOwnerOf(start)
    if (cand.addr === this.self.addr || cand.addr === from.addr) { return }
    this.counters.correctionsSent++
    this.send(from, { type: 'correction', slot: start, node: cand })
  }

  private onCorrection (from: NodeRef, m: M.CorrectionMsg): void {
    if (this.stateValue !== 'member') { return this.reject('correction-not-member') }
    this.counters.correctionsReceived++
    if (!this.acceptable(m.node) || this.freshSuspect(m.node)) { return this.reject('correction-unusable') }
    if (this.table.correct(m.slot, m.node)) {
      this.counters.correctionsApplied++
      if (this.table.proximity && this.rtt.srtt(m.node.addr) === undefined && this.table.isCandidate(m.node)) { this.queueProbe(m.node) }
    }
  }

  /** At join or geometry switch: ask each distinct finger who owns the slot starts it serves. */
  private sendFingerQueries (): void {
    for (const { node, starts } of this.table.startsByEntry().values()) {
      for (let i = 0; i < starts.length; i += C.QUERY_STARTS_MAX) {
        this.sendFingerQuery(node, starts.slice(i, i + C.QUERY_STARTS_MAX), 0)
      }
    }
  }

  private sendFingerQuery (to: NodeRef, starts: RingId[], depth: number): void {
    if (this.queries.size >= C.FINGER_QUERIES_PENDING_MAX || to.addr === this.self.addr) { return }
    const qid = this.nextSeq()
    this.queries.set(qid, { to, starts, depth, sentMs: this.nowMs })
    this.send(to, { type: 'finger-query', qid, starts })
    this.timers.push(this.nowMs + C.FINGER_QUERY_TIMEOUT_MS, 'query', qid)
  }

  private onFingerQuery (from: NodeRef, m: M.FingerQueryMsg): void {
    if (this.stateValue !== 'member') { return this.reject('finger-query-not-member') }
    const nodes = m.starts.map(s => this.bestOwnerOf(s))
    this.send(from, { type: 'finger-answer', qid: m.qid, nodes, extra: this.succList.slice(0, C.ANSWER_EXTRA_MAX) })
  }

  private onFingerAnswer (from: NodeRef, m: M.FingerAnswerMsg): void {
    const q = this.queries.get(m.qid)
    if (q === undefined || q.to.addr !== from.addr || m.nodes.length !== q.starts.length) { return this.reject('finger-answer-unexpected') }
    this.queries.delete(m.qid)
    this.rttSample(from, this.nowMs - q.sentMs)
    if (this.stateValue !== 'member') { return }
    const again = new Map<string, { node: NodeRef, starts: RingId[] }>()
    for (let i = 0; i < m.nodes.length; i++) {
      const n = m.nodes[i]
      if (n.addr === from.addr || !this.acceptable(n) || this.freshSuspect(n)) { continue }
      const applied = this.table.correct(q.starts[i], n)
      this.learn(n)
      if (applied && q.depth + 1 < C.FINGER_QUERY_DEPTH_MAX) {
        const g = again.get(n.addr) ?? { node: n, starts: [] }
        g.starts.push(q.starts[i])
        again.set(n.addr, g)
      }
    }
    for (const x of m.extra) { this.learn(x) }
    for (const g of again.values()) { this.sendFingerQuery(g.node, g.starts, q.depth + 1) }
  }

  // ---------------------------------------------------------------- proximity probes and RTT

  private rttSample (n: NodeRef, ms: number): void {
    this.rtt.sample(n.addr, ms)
    if (this.table.proximity) { this.table.rttUpdated(n) }
  }

  /** A proximity candidate lacks an RTT: make sure the probe pump runs. */
  private queueProbe (_n: NodeRef): void {
    if (this.probePumpArmed) { return }
    this.probePumpArmed = true
    this.timers.push(this.nowMs, 'probe-pump', 0)
  }

  private queueProbesForCandidates (): void {
    if (this.table.proximity) { this.queueProbe(this.self) }
  }

  /**
   * Measures unmeasured proximity candidates, coarsest slots first, within a token bucket of
   * PROBES_PER_SECOND; the table is the queue, so nothing learned is dropped for want of room.
   */
  private pumpProbes (): void {
    this.probePumpArmed = false
    const now = this.nowMs
    this.probeTokens = Math.min(C.PROBE_BURST, this.probeTokens + (now - this.probeTokensAtMs) * C.PROBES_PER_SECOND / 1000)
    this.probeTokensAtMs = now
    const budget = Math.floor(this.probeTokens)
    const probing = new Set<string>()
    for (const p of this.probes.values()) { probing.add(p.to.addr) }
    const todo = this.table.unmeasured(budget + 1, n => this.rtt.srtt(n.addr) !== undefined || probing.has(n.addr) || this.freshSuspect(n))
    for (const n of todo.slice(0, budget)) {
      this.probeTokens--
      this.sendProbe(n, 'candidate')
    }
    if (todo.length > budget || budget === 0) {
      this.probePumpArmed = true
      this.timers.push(now + 1000 / C.PROBES_PER_SECOND, 'probe-pump', 0)
    }
  }

  private sendProbe (n: NodeRef, purpose: ProbePurpose): void {
    const seq = this.nextSeq()
    this.probes.set(seq, { to: n, sentMs: this.nowMs, purpose })
    this.send(n, { type: 'probe', seq })
    const timeoutMs = purpose === 'pred-check' ? Math.min(C.RTO_MAX_MS, 2 * this.rtt.rto(n.addr)) : C.RTO_MAX_MS
    this.timers.push(this.nowMs + timeoutMs, 'probe', seq)
  }

  private onProbeAck (from: NodeRef, m: M.ProbeAckMsg): void {
    const p = this.probes.get(m.seq)
    if (p === undefined || p.to.addr !== from.addr) { return this.reject('probe-ack-unexpected') }
    this.probes.delete(m.seq)
    this.rttSample(from, this.nowMs - p.sentMs)
    if (this.pred?.addr === from.addr) { this.lastHeardFromPredMs = this.nowMs }
  }

  private onProbeTimeout (seq: number): void {
    const p = this.probes.get(seq)
    assert(p !== undefined, 'probe timeout without probe')
    this.probes.delete(seq)
    // An unresponsive proximity candidate is dropped; a suspect stays on its back-off schedule;
    // a predecessor taken over from a failed one that does not answer is failed too.
    if (p.purpose === 'candidate') { this.table.remove(p.to.addr) }
    if (p.purpose === 'pred-check' && this.pred?.addr === p.to.addr) { this.suspect(p.to) }
  }

  // ---------------------------------------------------------------- hop-by-hop reliable sending

  private sendHop (to: NodeRef, msg: M.RouteMsg | M.CastMsg): void {
    if (this.hops.size >= C.HOPS_PENDING_MAX) {
      this.counters.routesDropped++
      return this.reject('hops-pending-full')
    }
    const hop = this.nextSeq()
    const out = { ...msg, hop }
    this.hops.set(hop, { to, msg: out, sentMs: this.nowMs })
    this.send(to, out)
    this.timers.push(this.nowMs + this.rtt.rto(to.addr), 'hop', hop)
  }

  private onAck (from: NodeRef, m: M.AckMsg): void {
    const p = this.hops.get(m.hop)
    if (p === undefined || p.to.addr !== from.addr) { return this.reject('ack-unexpected') }
    this.hops.delete(m.hop)
    this.rttSample(from, this.nowMs - p.sentMs)
  }

  /** The next hop did not acknowledge: suspect it and route the message again from here. */
  private onHopTimeout (hop: number): void {
    const p = this.hops.get(hop)
    assert(p !== undefined, 'hop timeout without hop')
    this.hops.delete(hop)
    this.counters.hopTimeouts++
    if (this.stateValue === 'joining' && p.msg.type === 'route' && p.msg.kind === 'join') {
      // The bootstrap node is down: try the next one now.
      const j = this.join
      if (j !== undefined && j.reqId === p.msg.reqId) {
        j.attempt++
        if (j.attempt < C.JOIN_ATTEMPTS_MAX) { this.sendJoin() }
      }
      return
    }
    this.suspect(p.to)
    if (this.stateValue !== 'member' && this.stateValue !== 'leaving') { return }
    // The hop did not happen: give it back before routing again (the TTL stays spent).
    if (p.msg.type === 'route') { this.routeStep({ ...p.msg, hops: Math.max(0, p.msg.hops - 1) }, undefined) } else { this.castSplit(p.to.id, p.msg) }
  }

  // ---------------------------------------------------------------- routing

  private startLookup (key: RingId, reqId: number, kind: 'lookup' | 'app', payload?: Uint8Array, wantReply = false): void {
    const fail = (reason: string): void => this.emit({ type: 'lookup-failed', reqId, key, reason, attempts: 0 })
    if (this.stateValue !== 'member') { return fail('not-member') }
    if (this.lookups.has(reqId)) { return fail('duplicate-req-id') }
    if (this.lookups.size >= C.LOOKUPS_PENDING_MAX) { return fail('too-many-lookups') }
    if (payload !== undefined && payload.length > C.PAYLOAD_BYTES_MAX) { return fail('payload-too-large') }
    this.counters.lookupsStarted++
    this.lookups.set(reqId, { key, startMs: this.nowMs, attempts: 1, payload, kind, wantReply })
    this.timers.push(this.nowMs + this.cfg.lookupTimeoutMs, 'lookup', reqId)
    this.sendLookup(reqId)
  }

  private sendLookup (reqId: number): void {
    const l = this.lookups.get(reqId)
    assert(l !== undefined, 'sendLookup without lookup')
    const msg: M.RouteMsg = {
      type: 'route',
      hop: 0,
      kind: l.kind,
      key: l.key,
      origin: this.self,
      reqId,
      hops: 0,
      ttl: C.TTL_MAX,
      phase: this.startPhase(),
      final: false,
      payload: l.payload,
      wantReply: l.wantReply ? true : undefined
    }
    this.routeStep(msg, undefined)
  }

  /** The owner's driver answers a request that wanted a reply. */
  private respond (to: NodeRef, reqId: number, hops: number, payload: Uint8Array): void {
    if (payload.length > C.PAYLOAD_BYTES_MAX) { return this.reject('respond-too-large') }
    if (to.addr === this.self.addr) { return this.completeLookup(reqId, this.self, hops, payload) }
    this.send(to, { type: 'lookup-reply', reqId, owner: this.self, hops, payload })
  }

  /** The driver failed to reach a peer: fail what was sent to it at once. */
  private peerUnreachable (addr: string): void {
    const waiting: number[] = []
    for (const [hop, p] of this.hops) { if (p.to.addr === addr) { waiting.push(hop) } }
    for (const hop of waiting) { this.onHopTimeout(hop) }
    if (waiting.length > 0) { return }
    const node = this.known.get(addr) ?? (this.ping?.to.addr === addr ? this.ping.to : undefined)
    if (node !== undefined) { this.suspect(node) }
  }

  private onLookupTimeout (reqId: number): void {
    const l = this.lookups.get(reqId)
    assert(l !== undefined, 'lookup timeout without lookup')
    if (l.attempts >= C.LOOKUP_ATTEMPTS_MAX || this.stateValue !== 'member') {
      this.lookups.delete(reqId)
      this.counters.lookupsFailed++
      this.emit({ type: 'lookup-failed', reqId, key: l.key, reason: 'timeout', attempts: l.attempts })
      return
    }
    l.attempts++
    this.counters.lookupRetries++
    this.timers.push(this.nowMs + this.cfg.lookupTimeoutMs, 'lookup', reqId)
    this.sendLookup(reqId)
  }

  private onLookupReply (from: NodeRef, m: M.LookupReplyMsg): void {
    if (!this.lookups.has(m.reqId)) { return this.reject('lookup-reply-unexpected') }
    this.learn(m.owner)
    this.completeLookup(m.reqId, m.owner, m.hops, m.payload)
  }

  private completeLookup (reqId: number, owner: NodeRef, hops: number, payload?: Uint8Array): void {
    const l = this.lookups.get(reqId)
    if (l === undefined) { return this.reject('lookup-reply-unexpected') }
    this.lookups.delete(reqId)
    this.counters.lookupsDone++
    this.hopStats.count++
    this.hopStats.sum += hops
    if (hops > this.hopStats.max) { this.hopStats.max = hops }
    this.emit({ type: 'lookup-done', reqId, key: l.key, owner, hops, latencyMs: this.nowMs - l.startMs, attempts: l.attempts, payload })
  }

  private onRoute (from: NodeRef, m: M.RouteMsg): void {
    const joinerFirstHop = m.kind === 'join' && m.origin.addr === from.addr
    if (this.stateValue !== 'member' && this.stateValue !== 'leaving') { return this.reject('route-not-member') }
    this.send(from, { type: 'ack', hop: m.hop })
    if (m.kind === 'join' && this.stateValue === 'leaving') { return this.reject('join-while-leaving') }
    if (m.slot !== undefined && this.stateValue === 'member') { this.checkSlot(from, m.slot) }
    if (!joinerFirstHop) { this.learn(from) }
    if (m.kind !== 'join') { this.learn(m.origin) }
    if (m.ttl === 0) {
      this.counters.routesDropped++
      return this.reject('ttl-exceeded')
    }
    this.routeStep(m, from)
  }

  /** Owner check: key ∈ (pred, self]; with no predecessor, trust a final hop. */
  private isOwner (m: M.RouteMsg, from: NodeRef | undefined): boolean {
    if (this.stateValue !== 'member') { return false }
    if (this.succList.length === 0) { return true }
    const p = this.pred
    if (p !== undefined) { return inOpenClosed(m.key, p.id, this.self.id) }
    return m.final && from !== undefined && inOpenClosed(m.key, from.id, this.self.id)
  }

  /** Delivers at this node or forwards one hop. `from` is undefined for local starts and reroutes. */
  private routeStep (m: M.RouteMsg, from: NodeRef | undefined): void {
    if (this.isOwner(m, from)) { return this.deliver(m) }
    const hop = this.nextHop(m)
    if (hop === undefined) {
      this.counters.routesDropped++
      return this.reject('no-route')
    }
    if (m.ttl === 0) {
      this.counters.routesDropped++
      return this.reject('ttl-exceeded')
    }
    const next: M.RouteMsg = {
      ...m,
      hops: m.hops + 1,
      ttl: m.ttl - 1,
      phase: hop.phase,
      final: hop.final,
      slot: hop.final ? undefined : this.table.slotStartFor(hop.node)
    }
    this.sendHop(hop.node, next)
  }

  private nextHop (m: M.RouteMsg): (Hop & { final: boolean }) | undefined {
    const key = m.key
    const self = this.self.id
    const s = this.succ
    // A leaving node hands everything in its range to its successor.
    if (this.stateValue === 'leaving' && s !== undefined && (this.pred === undefined || inOpenClosed(key, this.pred.id, self))) {
      return { node: s, phase: 0, final: true }
    }
    let phase: 0 | 1 | 2 = m.phase === 1 || m.final ? 1 : m.phase
    if (phase !== 1 && s !== undefined && inOpenClosed(key, self, s.id)) { return { node: s, phase: 0, final: true } }
    // Leaf-set shortcut: the owner is one of our successors, send it there directly.
    if (phase !== 1) {
      for (let i = 1; i < this.succList.length; i++) {
        if (inOpenClosed(key, this.succList[i - 1].id, this.succList[i].id)) { return { node: this.succList[i], phase: 1, final: false } }
      }
    }
    // Branch routing: the owner is one of our predecessors.
    for (let i = 0; i + 1 < this.predList.length; i++) {
      if (inOpenClosed(key, this.predList[i + 1].id, this.predList[i].id)) { return { node: this.predList[i], phase: 1, final: false } }
    }
    const cands = this.candidates()
    const dKey = cwDist(self, key)
    if (phase === 2) {
      if (this.table.geometry.bidirectional) {
        // Bidirectional phase: |d| strictly decreases, the message may cross the key either way.
        const h = nearestEitherSide(cands, dKey)
        if (h !== undefined) { return { node: h.node, phase: 2, final: false } }
        // No known node nearer than self: approach the owner from its right.
        phase = 1
      } else {
        // A clockwise geometry on the path: from here on the clockwise distance decreases.
        phase = 0
      }
    }
    if (phase === 0) {
      if (this.table.geometry.bidirectional) {
        const h = nearestEitherSide(cands, dKey)
        if (h !== undefined) { return { ...h, final: false } }
      } else {
        const n = closestPreceding(cands, dKey)
        if (n !== undefined) { return { node: n, phase: 0, final: false } }
      }
      phase = 1
    }
    const n = closestFollowing(cands, dKey)
    return n !== undefined ? { node: n, phase: 1, final: false } : undefined
  }

  /**
   * Phase of a message this node starts: 2 (bidirectional, |d| decreasing) under a
   * bidirectional geometry, else 0 (clockwise). Phases only move 2 → 0 → 1 or 2 → 1, and each
   * has a distance that strictly decreases at every hop, so no message loops.
   */
  private startPhase (): 0 | 2 {
    return this.table.geometry.bidirectional ? 2 : 0
  }

  /** Distinct known nodes (table, successors, predecessors) sorted by clockwise distance. */
  private candidates (): SortedCandidates {
    return this.known
  }

  private deliver (m: M.RouteMsg): void {
    switch (m.kind) {
      case 'lookup':
        if (m.origin.addr === this.self.addr) { return this.completeLookup(m.reqId, this.self, m.hops) }
        this.send(m.origin, { type: 'lookup-reply', reqId: m.reqId, owner: this.self, hops: m.hops })
        return
      case 'app':
        this.emit({ type: 'deliver', key: m.key, origin: m.origin, reqId: m.reqId, payload: m.payload ?? new Uint8Array(0), hops: m.hops, wantReply: m.wantReply === true })
        // A request that wants a reply is answered by the driver (respond); else we acknowledge.
        if (m.wantReply === true) { return }
        if (m.origin.addr === this.self.addr) { return this.completeLookup(m.reqId, this.self, m.hops) }
        this.send(m.origin, { type: 'lookup-reply', reqId: m.reqId, owner: this.self, hops: m.hops })
        return
      case 'join': return this.acceptJoin(m)
      case 'merge': return this.mergeAtOwner(m.node ?? m.origin)
      default: unreachable(m.kind, 'unknown route kind')
    }
  }

  // ---------------------------------------------------------------- broadcast and range-cast

  private startCast (arcs: Arc[], payload: Uint8Array): void {
    if (this.stateValue !== 'member' || arcs.length === 0 || arcs.length > C.CAST_RANGES_MAX || payload.length > C.PAYLOAD_BYTES_MAX) {
      return this.reject('cast-refused')
    }
    const castId = this.nextSeq()
    const msg: M.CastMsg = { type: 'cast', hop: 0, origin: this.self, castId, arcs, limit: this.self.id, payload: { kind: 'app', data: payload } }
    this.seen.add(`${this.self.addr}/${castId}`)
    if (anyContains(arcs, this.self.id)) { this.castDeliver(msg) }
    this.castSplit(this.self.id, msg)
  }

  /**
   * Application casts travel hop by hop with acknowledgements (a dead relay's cell is split
   * again); correction-on-change casts are best effort (hop 0, no ack): a lost one only leaves
   * entries for correction-on-use to fix, and acks would double their cost.
   */
  private sendCast (to: NodeRef, m: M.CastMsg): void {
    if (m.payload.kind === 'app') { return this.sendHop(to, m) }
    this.send(to, { ...m, hop: 0 })
  }

  private onCast (from: NodeRef, m: M.CastMsg): void {
    if (this.stateValue !== 'member' && this.stateValue !== 'leaving') { return this.reject('cast-not-member') }
    if (m.hop !== 0) { this.send(from, { type: 'ack', hop: m.hop }) }
    this.learn(from)
    // Application casts are delivered exactly once; topology casts are idempotent, no need.
    if (m.payload.kind === 'app') {
      const key = `${m.origin.addr}/${m.castId}`
      if (this.seen.has(key)) { return this.reject('cast-duplicate') }
      this.seen.add(key)
      if (this.seen.size > C.SEEN_MAX) {
        const oldest = this.seen.values().next().value
        if (oldest !== undefined) { this.seen.delete(oldest) }
      }
    }
    if (anyContains(m.arcs, this.self.id)) { this.castDeliver(m) }
    this.castSplit(this.self.id, m)
  }

  private castDeliver (m: M.CastMsg): void {
    this.counters.castsDelivered++
    const p = m.payload
    if (p.kind === 'app') {
      this.emit({ type: 'cast-deliver', origin: m.origin, castId: m.castId, payload: p.data })
      return
    }
    for (const ev of p.events) { this.applyTopology(ev) }
  }

  /**
   * Farthest-first split of the cell (from, limit) among known nodes: each gets [itself, L) and
   * L moves down to it. Every node in the cell is reached once if successor pointers are right.
   * Works on distances from `from`, with arcs sorted once: O((arcs + nodes) · log).
   */
  private castSplit (from: RingId, m: M.CastMsg): void {
    const cands = this.castCandidates(from, m.limit)
    if (cands.length === 0) { return }
    const arcs = relativeArcs(from, m.arcs)
    const starts = arcs.map(a => a.a)
    let maxLen = 0n
    for (const a of arcs) { if (a.b - a.a > maxLen) { maxLen = a.b - a.a } }
    let L = from === m.limit ? RING_SIZE : cwDist(from, m.limit)
    let limitId = m.limit
    for (const c of cands) {
      // Arcs overlapping [c.d, L): start before L, end after c.d.
      const sub: Arc[] = []
      for (let i = upperBound(starts, L) - 1; i >= 0; i--) {
        const a = arcs[i]
        if (a.a + maxLen <= c.d) { break }
        if (a.b <= c.d) { continue }
        const lo = a.a > c.d ? a.a : c.d
        const hi = a.b < L ? a.b : L
        if (lo < hi) { sub.push({ lo: idAdd(from, lo), hi: idAdd(from, hi) }) }
      }
      if (sub.length > 0) { this.sendCast(c.n, { ...m, arcs: sub.reverse(), limit: limitId }) }
      L = c.d
      limitId = c.n.id
    }
  }

  /** Distinct known nodes in (from, limit) (the whole ring but `from` when equal), farthest first. */
  private castCandidates (from: RingId, limit: RingId): Array<{ n: NodeRef, d: bigint }> {
    const out: Array<{ n: NodeRef, d: bigint }> = []
    const { nodes, dists } = this.candidates()
    if (from === this.self.id) {
      // The usual case: distances from self are cached and sorted.
      const dL = from === limit ? RING_SIZE : cwDist(from, limit)
      for (let i = upperBound(dists, dL - 1n) - 1; i >= 0; i--) { if (dists[i] > 0n) { out.push({ n: nodes[i], d: dists[i] }) } }
      return out
    }
    for (const n of nodes) { if (inOpenOpen(n.id, from, limit)) { out.push({ n, d: cwDist(from, n.id) }) } }
    out.sort((a, b) => compareBig(b.d, a.d))
    return out
  }

  private queueTopology (ev: M.TopologyEvent): void {
    if (this.topoQueue.length >= C.TOPOLOGY_QUEUE_MAX) {
      this.topoQueue.shift()
      this.counters.topologyEventsDropped++
    }
    this.topoQueue.push(ev)
    if (!this.topoTimerArmed) {
      this.topoTimerArmed = true
      this.timers.push(this.nowMs + this.cfg.topologyBatchMs, 'topology', 0)
    }
  }

  /**
   * Correction-on-change: one range-cast per batch to the nodes whose slots start in the changed
   * range (pred, node]: for each slot offset o, the nodes in (pred − o, node − o].
   */
  private flushTopology (): void {
    this.topoTimerArmed = false
    if (this.stateValue !== 'member') { return }
    // Nodes with a successor much closer than ours have finer slots: cover gaps down to 1/16 of
    // ours (smaller gaps are rare, and such slots sit inside the successor lists).
    const s = this.succ
    const p = this.pred
    const gap = s !== undefined && p !== undefined ? minBig(cwDist(this.self.id, s.id), cwDist(p.id, this.self.id)) : 0n
    const offsets = this.table.offsets(gap / TOPOLOGY_GAP_DIVISOR)
    const perEvent = Math.max(1, offsets.length)
    const take = Math.max(1, Math.min(C.TOPOLOGY_EVENTS_MAX, Math.floor(C.CAST_RANGES_MAX / perEvent)))
    const events = this.topoQueue.splice(0, take)
    if (this.topoQueue.length > 0) {
      this.topoTimerArmed = true
      this.timers.push(this.nowMs + this.cfg.topologyBatchMs, 'topology', 0)
    }
    const arcs: Arc[] = []
    for (const ev of events) {
      for (const o of offsets) { arcs.push(openClosed(idAdd(ev.pred, RING_SIZE - o), idAdd(ev.node.id, RING_SIZE - o))) }
    }
    if (arcs.length === 0) { return }
    this.counters.topologyEventsSent += events.length
    const msg: M.CastMsg = { type: 'cast', hop: 0, origin: this.self, castId: this.nextSeq(), arcs, limit: this.self.id, payload: { kind: 'topology', events } }
    this.castSplit(this.self.id, msg)
  }

  private applyTopology (ev: M.TopologyEvent): void {
    if (ev.node.addr === this.self.addr) { return }
    if (ev.kind === 'join') {
      this.learn(ev.node)
      return
    }
    // Only the table: our own failure detector decides about successors and predecessors.
    this.table.remove(ev.node.addr)
    const r = ev.replacement
    if (r !== undefined && this.acceptable(r) && !this.freshSuspect(r)) { this.table.offer(r) }
  }

  // ---------------------------------------------------------------- reflection

  private setGeometry (g: GeometryConfig): void {
    const geometry = getGeometry(g)
    const known = [...this.table.nodes(), ...this.succList, ...this.predList]
    this.table.clear()
    this.table = this.makeTable(geometry, this.table.proximity)
    this.windowSucc = this.windowPred = undefined
    this.updateWindow()
    for (const n of known) { this.table.offer(n) }
    this.emit({ type: 'geometry-changed', name: geometry.name, k: geometry.k })
    if (this.stateValue === 'member') { this.sendFingerQueries() }
  }

  private setProximity (enabled: boolean): void {
    if (enabled === this.table.proximity) { return }
    this.rtt.max = enabled ? C.RTT_TABLE_MAX : C.RTT_TABLE_MAX_PLAIN
    const known = [...this.table.nodes(), ...this.succList, ...this.predList]
    this.table.clear()
    this.table = this.makeTable(this.table.geometry, enabled)
    this.windowSucc = this.windowPred = undefined
    this.updateWindow()
    for (const n of known) { this.learn(n) }
  }

  getRoutingState (): RoutingState {
    return {
      self: this.self,
      state: this.stateValue,
      geometry: this.table.geometry.name,
      k: this.table.geometry.k,
      proximity: this.table.proximity,
      pred: this.pred,
      predList: [...this.predList],
      succList: [...this.succList],
      table: this.table.view(),
      tableSize: this.table.nodes().length,
      suspects: [...this.suspects.values()].map(s => s.node),
      hops: { ...this.hopStats },
      counters: structuredClone(this.counters)
    }
  }

  /**
   * Every node this node knows (table, successors, predecessors), sorted clockwise; drivers keep
   * connections to them (libp2p: tagged so the connection manager keeps them).
   */
  get knownNodes (): readonly NodeRef[] { return this.known.nodes }

  /** Changes whenever {@link knownNodes} does. */
  get knownVersion (): number { return this.known.version }

  /** Distinct nodes in the finger table (cheap, for statistics). */
  get tableSize (): number { return this.table.nodes().length }

  /** Local invariants; O(table window). Called after every step by tests and the simulator. */
  assertInvariants (): void {
    const member = this.stateValue === 'member' || this.stateValue === 'leaving'
    assert(member || (this.succList.length === 0 && this.predList.length === 0) || this.stateValue === 'left', 'a non-member holds neighbours')
    assert(this.succList.length <= this.cfg.succListLength && this.predList.length <= C.PRED_LIST_MAX, 'neighbour list over limit')
    assert(this.hops.size <= C.HOPS_PENDING_MAX && this.lookups.size <= C.LOOKUPS_PENDING_MAX, 'pending maps over limit')
    assert(this.queries.size <= C.FINGER_QUERIES_PENDING_MAX && this.suspects.size <= C.SUSPECTS_MAX, 'pending maps over limit')
    assert(this.topoQueue.length <= C.TOPOLOGY_QUEUE_MAX, 'queues over limit')
    assert(this.seen.size <= C.SEEN_MAX + 1, 'seen set over limit')
    assert(this.stateValue !== 'joining' || this.join !== undefined, 'joining without join state')
    this.table.assertInvariants()
  }

  /** {@link assertInvariants} plus list order and the O(window) table check; for tests. */
  assertDeep (): void {
    this.assertInvariants()
    assert(isSortedList(this.self.id, this.succList, true), 'successor list not sorted or has duplicates')
    assert(isSortedList(this.self.id, this.predList, false), 'predecessor list not sorted or has duplicates')
    this.table.assertDeep()
    this.known.assertDeep()
  }
}

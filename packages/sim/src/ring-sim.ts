/**
 * The ring in the simulator: creates nodes with fabricated keys, drives joins, leaves, crashes
 * and lookups, and keeps the ground truth (the sorted ids of live members) against which every
 * lookup answer is judged: `ok` when the answer is the true owner at the moment the owner
 * answered, `wrongOwner` when it is another node, `failed` when no answer came.
 */
import { RingNode, idToHex, keyToId } from '@selfmgmt/ring'
import { checkRing } from '@selfmgmt/testkit'
import { Engine } from './engine.ts'
import { parseLatency } from './latency.ts'
import { Network } from './network.ts'
import { Rng } from './prng.ts'
import type { SimNode } from './engine.ts'
import type { LatencyModel } from './latency.ts'
import type { GeometryConfig, NodeRef, RingConfig, RingEvent, RingId } from '@selfmgmt/ring'
import type { RingCheck } from '@selfmgmt/testkit'

export type RingSimNode = SimNode<RingNode>

export interface RingSimOptions {
  seed: number
  latency?: LatencyModel | string
  geometry: GeometryConfig
  proximity?: boolean
  /** Overrides of the ring core's timeouts. */
  ring?: Partial<Omit<RingConfig, 'self' | 'geometry' | 'proximity'>>
  checkInvariants?: boolean
}

export interface LookupStats {
  issued: number
  ok: number
  wrongOwner: number
  failed: number
  /** Origin crashed or left before an answer: not counted in the other figures. */
  abandoned: number
  hops: number[]
  latencyMs: number[]
}

interface PendingLookup {
  origin: RingSimNode
  key: RingId
  truth: RingSimNode | undefined
  stats: LookupStats
}

export function newLookupStats (): LookupStats {
  return { issued: 0, ok: 0, wrongOwner: 0, failed: 0, abandoned: 0, hops: [], latencyMs: [] }
}

export class RingSim {
  readonly engine: Engine<RingNode, RingEvent>
  readonly seed: number
  readonly latency: LatencyModel
  geometry: GeometryConfig
  proximity: boolean
  private readonly ringConfig: RingSimOptions['ring']
  private readonly idRng: Rng
  readonly rng: Rng
  /** Ground truth: ids of live members, sorted, and their nodes. */
  private memberIds: RingId[] = []
  private memberNodes: RingSimNode[] = []
  private readonly memberSet = new Set<number>()
  private readonly lookups = new Map<string, PendingLookup>()
  private reqSeq = 0
  stats: LookupStats = newLookupStats()
  msgsByType: Record<string, number> = {}
  /**
   * Messages split into lookup traffic (lookup and app routes, their replies and acks) and ring
   * maintenance (everything else). Acks carry no kind: they are split in the proportion of the
   * acknowledged messages sent.
   */
  readonly traffic = { lookup: 0, maintenance: 0, ackedLookup: 0, ackedMaintenance: 0 }
  /** Overrides the ground truth (partitions: the owner within the origin's group). */
  truth: ((key: RingId, origin: RingSimNode) => RingSimNode | undefined) | undefined
  joins = 0
  leaves = 0
  crashes = 0
  joinFailures = 0
  onLeft: ((n: RingSimNode) => void) | undefined

  constructor (opts: RingSimOptions) {
    this.seed = opts.seed >>> 0
    const root = new Rng(this.seed, 'root')
    this.latency = typeof opts.latency === 'object' ? opts.latency : parseLatency(opts.latency ?? 'planetlab', this.seed)
    const net = new Network(this.latency, root.fork('jitter'), root.fork('faults'))
    this.geometry = opts.geometry
    this.proximity = opts.proximity === true
    this.ringConfig = opts.ring
    this.idRng = root.fork('ids')
    this.rng = root.fork('scenario')
    this.engine = new Engine<RingNode, RingEvent>(this.seed, net, {
      onEvent: (n, ev) => this.onEvent(n, ev),
      onSend: (n, to, msg) => this.onSend(n, to, msg)
    })
    this.engine.checkInvariants = opts.checkInvariants !== false
  }

  get nowMs (): number { return this.engine.nowMs }

  get memberCount (): number { return this.memberIds.length }

  /** Live members in id order (ground truth). */
  members (): readonly RingSimNode[] { return this.memberNodes }

  /** Creates a node with a fabricated public key (id = first 128 bits of its SHA-256). */
  addNode (): RingSimNode {
    const index = this.engine.nodes.length
    const ref: NodeRef = { id: keyToId(this.idRng.bytes(32)), addr: `n${index}` }
    const core = new RingNode({ ...this.ringConfig, self: ref, geometry: this.geometry, proximity: this.proximity })
    return this.engine.addNode(ref, core)
  }

  create (node: RingSimNode): void {
    this.engine.call(node, (c, now) => c.handleCommand(now, { type: 'create' }))
  }

  /** Joins through up to three random live members. */
  join (node: RingSimNode): void {
    const boot: NodeRef[] = []
    const n = this.memberNodes.length
    for (let i = 0; i < Math.min(3, n); i++) { boot.push(this.memberNodes[this.rng.int(n)].ref) }
    this.engine.call(node, (c, now) => c.handleCommand(now, { type: 'join', bootstrap: boot }))
  }

  crash (node: RingSimNode): void {
    if (!node.alive) { return }
    this.crashes++
    this.removeMember(node)
    this.engine.crash(node)
  }

  leave (node: RingSimNode): void {
    if (!node.alive) { return }
    this.leaves++
    this.removeMember(node)
    this.engine.call(node, (c, now) => c.handleCommand(now, { type: 'leave' }))
  }

  /** The true owner of a key now: the first live member at or after it. */
  truthOwner (key: RingId): RingSimNode | undefined {
    const ids = this.memberIds
    if (ids.length === 0) { return undefined }
    const a = this.lowerBound(key)
    return this.memberNodes[a === ids.length ? 0 : a]
  }

  /** The first live member at or after `key` among those satisfying `where`. */
  truthOwnerWhere (key: RingId, where: (n: RingSimNode) => boolean): RingSimNode | undefined {
    const n = this.memberNodes.length
    const start = this.lowerBound(key)
    for (let i = 0; i < n; i++) {
      const node = this.memberNodes[(start + i) % n]
      if (where(node)) { return node }
    }
    return undefined
  }

  private lowerBound (key: RingId): number {
    const ids = this.memberIds
    let a = 0
    let b = ids.length
    while (a < b) {
      const m = (a + b) >>> 1
      if (ids[m] < key) { a = m + 1 } else { b = m }
    }
    return a
  }

  randomMember (): RingSimNode | undefined {
    const n = this.memberNodes.length
    return n === 0 ? undefined : this.memberNodes[this.rng.int(n)]
  }

  randomKey (): RingId {
    return this.rng.bigint128()
  }

  /** Starts a lookup of `key` from `origin`, accounted in `stats` (or the given stats). */
  lookup (origin: RingSimNode, key: RingId, stats: LookupStats = this.stats): void {
    const reqId = ++this.reqSeq
    stats.issued++
    this.lookups.set(`${origin.index}:${reqId}`, { origin, key, truth: undefined, stats })
    this.engine.call(origin, (c, now) => c.handleCommand(now, { type: 'lookup', key, reqId }))
  }

  /** Runs until every issued lookup has an outcome or `maxMs` passes. */
  drainLookups (maxMs: number): void {
    const end = this.engine.nowMs + maxMs
    while (this.lookups.size > 0 && this.engine.nowMs < end) {
      if (!this.engine.runUntil(Math.min(end, this.engine.nowMs + 1000))) { break }
      for (const [k, l] of this.lookups) {
        if (!l.origin.alive || !this.memberSet.has(l.origin.index)) {
          l.stats.abandoned++
          this.lookups.delete(k)
        }
      }
    }
  }

  get pendingLookups (): number { return this.lookups.size }

  /** The global ring check over live members (testkit). */
  check (): RingCheck {
    return checkRing(this.memberNodes.map(n => ({ self: n.ref, succ: n.core.succ, pred: n.core.pred })))
  }

  runFor (ms: number): void {
    this.engine.runUntil(this.engine.nowMs + ms)
  }

  private insertMember (node: RingSimNode): void {
    if (this.memberSet.has(node.index)) { return }
    const id = node.ref.id
    const ids = this.memberIds
    let a = 0
    let b = ids.length
    while (a < b) {
      const m = (a + b) >>> 1
      if (ids[m] < id) { a = m + 1 } else { b = m }
    }
    ids.splice(a, 0, id)
    this.memberNodes.splice(a, 0, node)
    this.memberSet.add(node.index)
  }

  private removeMember (node: RingSimNode): void {
    if (!this.memberSet.delete(node.index)) { return }
    let i = this.lowerBound(node.ref.id)
    while (this.memberNodes[i] !== node) { i++ }
    this.memberIds.splice(i, 1)
    this.memberNodes.splice(i, 1)
  }

  private onSend (node: RingSimNode, to: RingSimNode, msg: unknown): void {
    const m = msg as { type: string, reqId?: number, kind?: string, hop?: number }
    this.msgsByType[m.type] = (this.msgsByType[m.type] ?? 0) + 1
    this.classify(m)
    if (m.type === 'lookup-reply') {
      const l = this.lookups.get(`${to.index}:${m.reqId ?? -1}`)
      // Judge the answer at the moment the owner gives it.
      if (l !== undefined && l.truth === undefined) { l.truth = this.judge(l) }
    }
  }

  private judge (l: PendingLookup): RingSimNode | undefined {
    return this.truth !== undefined ? this.truth(l.key, l.origin) : this.truthOwner(l.key)
  }

  private classify (m: { type: string, kind?: string, hop?: number }): void {
    const t = this.traffic
    if (m.type === 'ack') {
      const total = t.ackedLookup + t.ackedMaintenance
      const share = total === 0 ? 0 : t.ackedLookup / total
      t.lookup += share
      t.maintenance += 1 - share
      return
    }
    const isLookup = m.type === 'lookup-reply' || (m.type === 'route' && (m.kind === 'lookup' || m.kind === 'app'))
    if (isLookup) { t.lookup++ } else { t.maintenance++ }
    if ((m.type === 'route' || m.type === 'cast') && m.hop !== 0) {
      if (isLookup) { t.ackedLookup++ } else { t.ackedMaintenance++ }
    }
  }

  private onEvent (node: RingSimNode, ev: RingEvent): void {
    switch (ev.type) {
      case 'joined':
        this.joins++
        this.insertMember(node)
        return
      case 'join-failed':
        this.joinFailures++
        return
      case 'lookup-done': return this.lookupDone(node, ev.reqId, ev.owner, ev.hops, ev.latencyMs)
      case 'lookup-failed': {
        const l = this.lookups.get(`${node.index}:${ev.reqId}`)
        if (l === undefined) { return }
        this.lookups.delete(`${node.index}:${ev.reqId}`)
        l.stats.failed++
        return
      }
      case 'left':
        this.engine.crash(node)
        this.onLeft?.(node)
        break
      default:
        // Other events (range changes, suspicions, ...) are not needed for the figures.
    }
  }

  private lookupDone (node: RingSimNode, reqId: number, owner: NodeRef, hops: number, latencyMs: number): void {
    const k = `${node.index}:${reqId}`
    const l = this.lookups.get(k)
    if (l === undefined) { return }
    this.lookups.delete(k)
    const truth = l.truth ?? this.judge(l)
    if (truth !== undefined && truth.ref.addr === owner.addr) { l.stats.ok++ } else { l.stats.wrongOwner++ }
    l.stats.hops.push(hops)
    l.stats.latencyMs.push(latencyMs)
  }
}

/** Short printable form of a node for reports. */
export function describeNode (n: RingSimNode): string {
  return `${n.ref.addr}@${idToHex(n.ref.id).slice(0, 8)}`
}

/**
 * The store in the simulator: every node runs a ring core and a store core side by side (the
 * store asks the ring for owners, the ring tells the store its range), over the simulated
 * network. Clients run get/put/cas/delete against random nodes while faults are injected, and
 * every operation goes into a Jepsen-style register history for the linearizability checker.
 */
import { RingNode, compareBig, inOpenClosed, keyToId } from '@selfmgmt/ring'
import { MemoryBackend, StoreNode, compareBallots, replicaId, slotStep } from '@selfmgmt/store'
import { RegisterHistory, checkLinearizable } from '@selfmgmt/testkit'
import { Engine } from './engine.ts'
import { parseLatency } from './latency.ts'
import { Network } from './network.ts'
import { Rng } from './prng.ts'
import type { SimCore, SimNode } from './engine.ts'
import type { LatencyModel } from './latency.ts'
import type { NodeRef, RingConfig, RingEvent, RingId, RingMessage } from '@selfmgmt/ring'
import type { StoreCommand, StoreConfig, StoreEvent, StoreMessage } from '@selfmgmt/store'
import type { LinearizabilityResult } from '@selfmgmt/testkit'

/** Ring lookups issued for the store use request ids from here up (the ring's own stay below). */
const STORE_REQ_BASE = 1 << 30

interface Wrapped { type: 'store', m: StoreMessage }

/** One simulated node: a ring core and a store core, driven as one. */
export class StoreSimCore implements SimCore<StoreEvent | RingEvent> {
  readonly ring: RingNode
  readonly store: StoreNode
  readonly backend: MemoryBackend
  private readonly out: Array<{ to: NodeRef, msg: unknown }> = []
  private readonly events: Array<StoreEvent | RingEvent> = []
  /** The ring joined (or created); before that the store has no range. */
  member = false
  /** This node is creating a new ring. */
  creating = false

  constructor (ring: RingNode, store: StoreNode, backend: MemoryBackend) {
    this.ring = ring
    this.store = store
    this.backend = backend
  }

  /** This node's clock: local = offset + rate × simulated time (clock skew and drift). */
  clock = { rate: 1, offset: 0 }

  /** Local clock reading at simulated time t. */
  local (t: number): number { return this.clock.offset + this.clock.rate * t }

  handleMessage (nowMs: number, from: NodeRef, msg: unknown): void {
    const t = this.local(nowMs)
    const w = msg as Partial<Wrapped>
    if (w.type === 'store' && w.m !== undefined) { this.store.handleMessage(t, from, w.m) } else { this.ring.handleMessage(t, from, msg as RingMessage) }
    this.pump(nowMs)
  }

  handleTimeout (nowMs: number): void {
    const t = this.local(nowMs)
    this.ring.handleTimeout(t)
    this.store.handleTimeout(t)
    this.pump(nowMs)
  }

  /** Runs a ring or store command, then moves events between the two cores. */
  command (nowMs: number, fn: () => void): void {
    fn()
    this.pump(nowMs)
  }

  pollTransmit (): { to: NodeRef, msg: unknown } | undefined { return this.out.shift() }
  pollEvent (): StoreEvent | RingEvent | undefined { return this.events.shift() }

  pollTimeoutMs (): number | undefined {
    const a = this.ring.pollTimeoutMs()
    const b = this.store.pollTimeoutMs()
    const m = a === undefined ? b : b === undefined ? a : Math.min(a, b)
    // Back to simulated time; rounding must never make it fire before the local deadline.
    return m === undefined ? undefined : (m - this.clock.offset) / this.clock.rate + 1e-6
  }

  assertInvariants (): void {
    this.ring.assertInvariants()
    this.store.assertInvariants()
  }

  private pump (simMs: number): void {
    const nowMs = this.local(simMs)
    for (let moved = true; moved;) {
      moved = false
      for (let t = this.ring.pollTransmit(); t !== undefined; t = this.ring.pollTransmit()) { this.out.push(t) }
      for (let t = this.store.pollTransmit(); t !== undefined; t = this.store.pollTransmit()) { this.out.push({ to: t.to, msg: { type: 'store', m: t.msg } satisfies Wrapped }) }
      for (let e = this.ring.pollEvent(); e !== undefined; e = this.ring.pollEvent()) {
        moved = true
        this.onRingEvent(nowMs, e)
      }
      for (let e = this.store.pollEvent(); e !== undefined; e = this.store.pollEvent()) {
        moved = true
        if (e.type === 'lookup') {
          this.ring.handleCommand(nowMs, { type: 'lookup', key: e.rid, reqId: STORE_REQ_BASE + e.reqId })
        } else {
          this.events.push(e)
        }
      }
    }
  }

  private onRingEvent (nowMs: number, e: RingEvent): void {
    switch (e.type) {
      case 'joined':
        // The ring says joined on create too: a new ring's first node has nothing to wait for.
        this.member = true
        this.store.handleCommand(nowMs, this.creating ? { type: 'create' } : { type: 'joined', pred: e.pred })
        this.creating = false
        break
      case 'range-changed':
        if (this.member) { this.store.handleCommand(nowMs, { type: 'range', pred: e.pred }) }
        return
      case 'lookup-done':
        if (e.reqId >= STORE_REQ_BASE) {
          this.store.handleCommand(nowMs, { type: 'owner', reqId: e.reqId - STORE_REQ_BASE, owner: e.owner })
          return
        }
        break
      case 'suspected':
        this.store.forgetNode(e.node.addr)
        break
      case 'lookup-failed':
        if (e.reqId >= STORE_REQ_BASE) {
          this.store.handleCommand(nowMs, { type: 'owner', reqId: e.reqId - STORE_REQ_BASE })
          return
        }
        break
      default:
    }
    this.events.push(e)
  }
}

export type StoreSimNode = SimNode<StoreSimCore>

export interface StoreSimOptions {
  seed: number
  latency?: LatencyModel | string
  /** Replication degree (default 4). */
  r?: number
  ring?: Partial<Omit<RingConfig, 'self' | 'geometry' | 'proximity'>>
  store?: Partial<Omit<StoreConfig, 'self' | 'backend' | 'r'>>
  /** Give every node a clock offset (up to 1000 s) and a rate in [0.95, 1.05] (clock skew and drift). */
  clockSkew?: boolean
  /**
   * A deliberately weakened store, for the checker's own tests: every node's operation quorum W
   * set to this instead of the store's rule (`operationQuorum`). Never a setting of the store.
   */
  weakQuorum?: number
}

export interface WorkloadOptions {
  clients: number
  keys: number
  /** Think time between a client's operations. */
  thinkMs: number
  /** Shares of reads, writes, cas and deletes (normalised). */
  mix?: { read: number, write: number, cas: number, delete: number }
}

export interface WorkloadStats {
  invoked: number
  ok: number
  fail: number
  info: number
  /** ok operations per kind. */
  byKind: Record<string, number>
  /** cas operations that completed with a failed comparison (counted in `fail`; the store answered). */
  casMismatch: number
  failReasons: Record<string, number>
  latencyMs: number[]
}

interface Client {
  process: number
  node: StoreSimNode | undefined
  busy: boolean
  opId: number
  kind: 'read' | 'write' | 'cas' | 'delete'
  startMs: number
  /** Last value read per key and its version (for cas). */
  seen: Map<string, { value: Uint8Array, version: number }>
  key: string
}

export class StoreSim {
  readonly engine: Engine<StoreSimCore, StoreEvent | RingEvent>
  readonly seed: number
  readonly r: number
  readonly rng: Rng
  private readonly idRng: Rng
  private readonly clockRng: Rng
  /** Draws of startProbe (its own stream: probing shifts no other draw). */
  private readonly probeRng: Rng
  private readonly opts: StoreSimOptions
  readonly history = new RegisterHistory()
  readonly stats: WorkloadStats = { invoked: 0, ok: 0, fail: 0, info: 0, byKind: {}, casMismatch: 0, failReasons: {}, latencyMs: [] }
  private readonly clients: Client[] = []
  private nextProcess = 0
  private opSeq = 1
  private readonly opOwner = new Map<string, Client>()
  private readonly adhoc = new Map<string, (r: { ok: boolean, value?: string }) => void>()
  private workload: WorkloadOptions | undefined
  private running = false
  private valueSeq = 0

  constructor (opts: StoreSimOptions) {
    this.opts = opts
    this.seed = opts.seed >>> 0
    this.r = opts.r ?? 4
    const root = new Rng(this.seed, 'root')
    const latency = typeof opts.latency === 'object' ? opts.latency : parseLatency(opts.latency ?? 'planetlab', this.seed)
    const net = new Network(latency, root.fork('jitter'), root.fork('faults'))
    this.idRng = root.fork('ids')
    this.rng = root.fork('scenario')
    this.clockRng = root.fork('clocks')
    this.probeRng = root.fork('probe')
    this.engine = new Engine<StoreSimCore, StoreEvent | RingEvent>(this.seed, net, {
      onEvent: (n, ev) => this.onEvent(n, ev)
    })
  }

  get nowMs (): number { return this.engine.nowMs }

  /** Live ring members. */
  members (): StoreSimNode[] {
    return this.engine.nodes.filter(n => n.alive && n.core.member && n.core.ring.isMember())
  }

  /**
   * A new node. `restartOf` restarts a crashed node from its records (as from disk): same ring
   * id and backend, a fresh address (a new process).
   */
  addNode (restartOf?: StoreSimNode): StoreSimNode {
    const index = this.engine.nodes.length
    const ref = restartOf === undefined ? { id: keyToId(this.idRng.bytes(32)), addr: `n${index}` } : { id: restartOf.ref.id, addr: `${restartOf.ref.addr.split('.')[0]}.${index}` }
    const b = restartOf?.core.backend ?? new MemoryBackend()
    const ring = new RingNode({ ...this.opts.ring, self: ref, geometry: { name: 'dks', k: 4 } })
    // A restarted node is a new run: its ballots and epochs get a name of their own.
    const store = new StoreNode({ ...this.opts.store, self: ref, backend: b, r: this.r, boot: restartOf === undefined ? undefined : String(index) })
    if (this.opts.weakQuorum !== undefined) { (store as unknown as { W: number }).W = this.opts.weakQuorum }
    const core = new StoreSimCore(ring, store, b)
    if (this.opts.clockSkew === true) { core.clock = { rate: 0.95 + 0.1 * this.clockRng.next(), offset: 1e6 * this.clockRng.next() } }
    return this.engine.addNode(ref, core)
  }

  create (n: StoreSimNode): void {
    this.engine.call(n, (c, now) => c.command(now, () => {
      c.creating = true
      c.ring.handleCommand(c.local(now), { type: 'create' })
    }))
  }

  join (n: StoreSimNode): void {
    const m = this.members()
    const boot: NodeRef[] = []
    for (let i = 0; i < Math.min(3, m.length); i++) { boot.push(m[this.rng.int(m.length)].ref) }
    this.engine.call(n, (c, now) => c.command(now, () => c.ring.handleCommand(c.local(now), { type: 'join', bootstrap: boot })))
  }

  crash (n: StoreSimNode): void {
    if (!n.alive) { return }
    this.engine.crash(n)
    this.abandonClientsOf(n)
  }

  /**
   * Pause (SIGSTOP) for `ms`: the node handles nothing meanwhile, then everything that reached
   * it at once (its clock ran on). Clients stop sending to it while it is paused (operations
   * already sent wait for it), as the real-process workload does.
   */
  pause (n: StoreSimNode, ms: number): void {
    if (!n.alive || n.paused !== undefined) { return }
    this.engine.pause(n)
    for (const c of this.clients) { if (c.node === n && !c.busy) { c.node = undefined } }
    this.engine.at(this.nowMs + ms, () => this.engine.resume(n))
  }

  /** Graceful leave: the store hands its range to the successor, then the ring leaves. */
  leave (n: StoreSimNode): void {
    if (!n.alive) { return }
    this.engine.call(n, (c, now) => c.command(now, () => c.store.handleCommand(c.local(now), { type: 'leave', succ: c.ring.succ })))
  }

  /** An operator's force-rebuild on every live member (the store's `force-rebuild` command). */
  forceRebuild (): void {
    for (const n of this.members()) {
      this.engine.call(n, (c, now) => c.command(now, () => c.store.handleCommand(c.local(now), { type: 'force-rebuild' })))
    }
  }

  /** Builds a ring of `count` nodes, one join at a time, and waits until every range is ready. */
  build (count: number, gapMs = 300): StoreSimNode[] {
    const nodes: StoreSimNode[] = []
    const first = this.addNode()
    nodes.push(first)
    this.create(first)
    for (let i = 1; i < count; i++) {
      this.engine.runUntil(this.nowMs + gapMs)
      const n = this.addNode()
      nodes.push(n)
      this.join(n)
    }
    this.settle(60_000)
    return nodes
  }

  /** Runs until every live member's range is ready (or `maxMs` passes); returns whether it was. */
  settle (maxMs: number): boolean {
    const until = this.nowMs + maxMs
    while (this.nowMs < until) {
      this.engine.runUntil(this.nowMs + 500)
      if (this.allReady()) { return true }
    }
    return this.allReady()
  }

  allReady (): boolean {
    const m = this.members()
    return m.length > 0 && m.every(n => n.core.store.rangeState().pending.length === 0)
  }

  /**
   * Served positions whose incarnation a live member holding one of their sibling slots knows a
   * newer one of (such a replica is left out of every quorum that member answers in, until it
   * is rebuilt), as (member, fence arc) pairs. 0 once every copy that serves is current.
   */
  supersededServed (): number {
    const m = this.members()
    let stale = 0
    for (const n of m) {
      const st = n.core.store.rangeState()
      if (st.range === undefined || st.leaving) { continue }
      for (const k of m) {
        const kr = k.core.store.rangeState().range
        if (kr === undefined) { continue }
        const step = slotStep(this.r)
        const sibling = (p: RingId): boolean => { for (let j = 1; j < this.r; j++) { if (inOpenClosed((p + BigInt(j) * step) & MASK, kr.lo, kr.hi)) { return true } } return false }
        for (const f of k.core.store.epochState().fences) {
          if (!arcsIntersect(f, st.range)) { continue }
          // Probe the positions where the fence, our range or our epochs change.
          const probes = [f.hi, (f.lo + 1n) & MASK, st.range.hi, (st.range.lo + 1n) & MASK]
          for (const o of n.core.store.epochState().own) { probes.push((o.lo + 1n) & MASK, (o.hi + 1n) & MASK) }
          if (probes.some(p => inOpenClosed(p, f.lo, f.hi) && sibling(p) && n.core.store.serves(p) && compareBallots(n.core.store.epochsAt(p).own, f.e) < 0)) { stale++ }
        }
      }
    }
    return stale
  }

  // ---------------------------------------------------------------- workload

  startWorkload (w: WorkloadOptions): void {
    this.workload = w
    this.running = true
    for (let i = 0; i < w.clients; i++) {
      const c: Client = { process: this.nextProcess++, node: undefined, busy: false, opId: 0, kind: 'read', startMs: 0, seen: new Map(), key: '' }
      this.clients.push(c)
      this.engine.at(this.nowMs + this.rng.int(w.thinkMs + 1), () => this.nextOp(c))
    }
  }

  /** Stops issuing operations; those in flight still complete. */
  stopWorkload (): void {
    this.running = false
  }

  /** The workload's operations in flight (those still running after stopWorkload included). */
  inFlight (): number {
    return this.clients.filter(c => c.busy).length
  }

  /** Runs until no client has an operation in flight (or `maxMs`). */
  drain (maxMs: number): void {
    const until = this.nowMs + maxMs
    while (this.nowMs < until && this.clients.some(c => c.busy)) { this.engine.runUntil(this.nowMs + 250) }
  }

  /**
   * Runs one operation to its end from a random live member (outside the workload and its
   * history): ok with the value read (as text) or not.
   */
  request (kind: 'get' | 'put', key: string, value?: string, maxMs = 25_000): { ok: boolean, value?: string } {
    const m = this.members()
    if (m.length === 0) { return { ok: false } }
    const node = m[this.rng.int(m.length)]
    const kb = new TextEncoder().encode(key)
    const box: { result?: { ok: boolean, value?: string } } = {}
    const id = this.startAdhoc(node, opId => kind === 'get' ? { type: 'get', opId, key: kb } : { type: 'put', opId, key: kb, value: new TextEncoder().encode(value ?? '') }, r => { box.result = r })
    const until = this.nowMs + maxMs
    while (box.result === undefined && this.nowMs < until) { this.engine.runUntil(this.nowMs + 100) }
    this.adhoc.delete(id)
    return box.result ?? { ok: false }
  }

  /**
   * Starts one operation outside the workload and its history at `node`; `done` gets its
   * outcome (the entry leaves `adhoc` first). Returns its entry in `adhoc`.
   */
  private startAdhoc (node: StoreSimNode, command: (opId: number) => StoreCommand, done: (r: { ok: boolean, value?: string }) => void): string {
    const opId = this.opSeq++
    const id = `${node.index}:${opId}`
    this.adhoc.set(id, r => {
      this.adhoc.delete(id)
      done(r)
    })
    this.engine.call(node, (core, now) => core.command(now, () => core.store.handleCommand(core.local(now), command(opId))))
    return id
  }

  /**
   * Starts getting every key at once, each from a random member, again 200 ms after a failure
   * (or 10 s without an answer: its node may have died), until each has succeeded once or
   * `maxMs` passed; the caller runs the engine. `ms[i]`: ms until key i first succeeded (-1: not
   * yet, or not within `maxMs`). Not recorded in the history.
   */
  startProbe (keys: readonly string[], maxMs: number): { ms: number[], left(): number } {
    const start = this.nowMs
    const ms = keys.map(() => -1)
    let left = keys.length
    const ask = (i: number): void => {
      if (this.nowMs - start >= maxMs) { return }
      const m = this.members()
      if (m.length === 0) {
        this.engine.at(this.nowMs + 200, () => { ask(i) })
        return
      }
      const node = m[this.probeRng.int(m.length)]
      const kb = new TextEncoder().encode(keys[i])
      const id = this.startAdhoc(node, opId => ({ type: 'get', opId, key: kb }), r => {
        if (!r.ok) {
          this.engine.at(this.nowMs + 200, () => { ask(i) })
          return
        }
        if (this.nowMs - start > maxMs) { return }
        ms[i] = this.nowMs - start
        left--
      })
      // No answer (its node may have died): asked again elsewhere.
      this.engine.at(this.nowMs + 10_000, () => { if (this.adhoc.delete(id)) { ask(i) } })
    }
    keys.forEach((_, i) => { ask(i) })
    return { ms, left: () => left }
  }

  /** Live nodes holding a replica slot of `key`, distinct, in slot order. */
  holders (key: string): StoreSimNode[] {
    const kb = new TextEncoder().encode(key)
    const m = this.members().sort((a, b) => compareBig(a.ref.id, b.ref.id))
    const h = keyToId(kb)
    const out: StoreSimNode[] = []
    for (let slot = 0; slot < this.r; slot++) {
      const o = ownerOf(m, replicaId(h, slot, this.r))
      if (o !== undefined && !out.includes(o)) { out.push(o) }
    }
    return out
  }

  /**
   * Reads every key once more through a quorum, each from a fresh client on a random member,
   * recorded in the history; returns how many did not succeed within `maxMs`.
   */
  finalReads (keys: string[], maxMs: number): number {
    const m = this.members()
    if (m.length === 0) { return keys.length }
    const wasRunning = this.running
    this.running = false
    const cs: Client[] = []
    for (const key of keys) {
      const c: Client = { process: this.nextProcess++, node: m[this.rng.int(m.length)], busy: true, opId: this.opSeq++, kind: 'read', startMs: this.nowMs, seen: new Map(), key }
      const node = c.node as StoreSimNode
      cs.push(c)
      this.clients.push(c)
      this.opOwner.set(`${node.index}:${c.opId}`, c)
      this.stats.invoked++
      this.history.invoke(c.process, this.nowMs, { f: 'read', key })
      const kb = new TextEncoder().encode(key)
      this.engine.call(node, (core, now) => core.command(now, () => core.store.handleCommand(core.local(now), { type: 'get', opId: c.opId, key: kb })))
    }
    const until = this.nowMs + maxMs
    while (this.nowMs < until && cs.some(c => c.busy)) { this.engine.runUntil(this.nowMs + 250) }
    this.running = wasRunning
    return cs.filter(c => c.busy || this.history.events.some(e => e.process === c.process && e.type !== 'invoke' && e.type !== 'ok')).length
  }

  check (): LinearizabilityResult {
    return checkLinearizable(this.history.events)
  }

  private nextOp (c: Client): void {
    const w = this.workload
    if (!this.running || w === undefined || c.busy) { return }
    if (c.node === undefined || !c.node.alive || !c.node.core.member || c.node.paused !== undefined) {
      const m = this.members().filter(n => n.paused === undefined)
      if (m.length === 0) {
        // Nobody up (a whole ring down): try again later.
        this.engine.at(this.nowMs + w.thinkMs, () => this.nextOp(c))
        return
      }
      c.node = m[this.rng.int(m.length)]
    }
    const mix = w.mix ?? { read: 0.5, write: 0.3, cas: 0.15, delete: 0.05 }
    const total = mix.read + mix.write + mix.cas + mix.delete
    let x = this.rng.next() * total
    const key = `k${this.rng.int(w.keys)}`
    const kb = new TextEncoder().encode(key)
    const opId = this.opSeq++
    const seen = c.seen.get(key)
    c.key = key
    c.opId = opId
    c.startMs = this.nowMs
    c.busy = true
    this.opOwner.set(`${c.node.index}:${opId}`, c)
    this.stats.invoked++
    const node = c.node
    if ((x -= mix.read) < 0) {
      c.kind = 'read'
      this.history.invoke(c.process, this.nowMs, { f: 'read', key })
      this.engine.call(node, (core, now) => core.command(now, () => core.store.handleCommand(core.local(now), { type: 'get', opId, key: kb })))
    } else if ((x -= mix.write) < 0 || (x -= mix.cas) < 0) {
      const value = new TextEncoder().encode(`v${this.valueSeq++}`)
      if (x < 0 && x + mix.cas >= 0 && seen !== undefined) {
        c.kind = 'cas'
        this.history.invoke(c.process, this.nowMs, { f: 'cas', key, expected: seen.value, value })
        this.engine.call(node, (core, now) => core.command(now, () => core.store.handleCommand(core.local(now), { type: 'cas', opId, key: kb, expected: seen.version, value })))
      } else {
        c.kind = 'write'
        this.history.invoke(c.process, this.nowMs, { f: 'write', key, value })
        this.engine.call(node, (core, now) => core.command(now, () => core.store.handleCommand(core.local(now), { type: 'put', opId, key: kb, value })))
      }
    } else {
      c.kind = 'delete'
      this.history.invoke(c.process, this.nowMs, { f: 'delete', key })
      this.engine.call(node, (core, now) => core.command(now, () => core.store.handleCommand(core.local(now), { type: 'delete', opId, key: kb })))
    }
  }

  private finish (c: Client, outcome: 'ok' | 'fail' | 'info', value?: Uint8Array | null): void {
    c.busy = false
    const t = this.nowMs
    if (outcome === 'ok') {
      this.stats.ok++
      this.stats.byKind[c.kind] = (this.stats.byKind[c.kind] ?? 0) + 1
      this.stats.latencyMs.push(t - c.startMs)
      if (c.kind === 'read') { this.history.ok(c.process, t, value ?? null) } else { this.history.ok(c.process, t) }
    } else if (outcome === 'fail') {
      this.stats.fail++
      this.history.fail(c.process, t)
    } else {
      this.stats.info++
      this.history.info(c.process, t)
      // A process with an unknown outcome is crashed (Jepsen): the client goes on as a new one.
      c.process = this.nextProcess++
      c.seen.clear()
    }
    const w = this.workload
    if (this.running && w !== undefined) { this.engine.at(t + 1 + this.rng.int(w.thinkMs + 1), () => this.nextOp(c)) }
  }

  private abandonClientsOf (n: StoreSimNode): void {
    for (const c of this.clients) {
      if (c.node === n && c.busy) {
        this.opOwner.delete(`${n.index}:${c.opId}`)
        this.finish(c, 'info')
      }
      if (c.node === n) { c.node = undefined }
    }
  }

  private onEvent (n: StoreSimNode, ev: StoreEvent | RingEvent): void {
    switch (ev.type) {
      case 'op-done': {
        const a = this.adhoc.get(`${n.index}:${ev.opId}`)
        if (a !== undefined) { return a({ ok: true, value: ev.value === undefined ? undefined : new TextDecoder().decode(ev.value) }) }
        const c = this.opOwner.get(`${n.index}:${ev.opId}`)
        if (c === undefined) { return }
        this.opOwner.delete(`${n.index}:${ev.opId}`)
        if (ev.kind === 'get') {
          if (ev.value !== undefined) { c.seen.set(c.key, { value: ev.value, version: ev.version }) } else { c.seen.delete(c.key) }
          return this.finish(c, 'ok', ev.value ?? null)
        }
        if (ev.kind === 'cas' && !ev.applied) {
          if (ev.value !== undefined) { c.seen.set(c.key, { value: ev.value, version: ev.version }) } else { c.seen.delete(c.key) }
          this.stats.casMismatch++
          this.stats.latencyMs.push(this.nowMs - c.startMs)
          return this.finish(c, 'fail')
        }
        if (ev.value !== undefined) { c.seen.set(c.key, { value: ev.value, version: ev.version }) } else { c.seen.delete(c.key) }
        return this.finish(c, 'ok')
      }
      case 'op-failed': {
        const a = this.adhoc.get(`${n.index}:${ev.opId}`)
        if (a !== undefined) { return a({ ok: false }) }
        const c = this.opOwner.get(`${n.index}:${ev.opId}`)
        if (c === undefined) { return }
        this.opOwner.delete(`${n.index}:${ev.opId}`)
        this.stats.failReasons[ev.reason] = (this.stats.failReasons[ev.reason] ?? 0) + 1
        return this.finish(c, ev.indeterminate ? 'info' : 'fail')
      }
      case 'handed-off':
        this.engine.call(n, (c, now) => c.command(now, () => c.ring.handleCommand(c.local(now), { type: 'leave' })))
        return
      case 'left':
        this.engine.crash(n)
        this.abandonClientsOf(n)
        break
      default:
    }
  }

  /**
   * The parts of ranges still not ready, split by whether they can be rebuilt: `recoverable`
   * when at least a rebuild quorum of their sibling images is held ready by live members (the
   * protocol should get there), `majorityLost` when not (too many replicas of those keys were
   * lost at once: by design they stay unavailable rather than risk a wrong answer).
   */
  stuckArcs (): { recoverable: number, majorityLost: number } {
    const m = this.members()
    const need = m[0]?.core.store.rebuildNeed ?? 0
    const step = (1n << 128n) / BigInt(this.r)
    const mask = (1n << 128n) - 1n
    const out = { recoverable: 0, majorityLost: 0 }
    const readyImage = (lo: RingId, hi: RingId): boolean => m.every(n => {
      const st = n.core.store.rangeState()
      if (st.range === undefined || st.leaving) { return !arcsIntersect(st.range ?? { lo: n.ref.id, hi: n.ref.id }, { lo, hi }) }
      return st.pending.every(p => !arcsIntersect(p, { lo, hi }))
    }) && m.some(n => inOpenClosed(hi, n.core.store.rangeState().range?.lo ?? n.ref.id, n.ref.id))
    for (const n of m) {
      for (const p of n.core.store.rangeState().pending) {
        let ready = 0
        for (let j = 1; j < this.r; j++) {
          const d = BigInt(j) * step
          if (readyImage((p.lo + d) & mask, (p.hi + d) & mask)) { ready++ }
        }
        if (ready >= need) { out.recoverable++ } else { out.majorityLost++ }
      }
    }
    return out
  }

  /**
   * Up-to-date copies of a key: slots whose true owner (the live member at or after the replica
   * id) holds the key's latest accepted state and serves it, as an incarnation none of the other
   * slots' owners knows a newer one of (a superseded copy is left out of every quorum that meets
   * such an owner, so it does not count until it is rebuilt).
   */
  copies (key: string): { upToDate: number, version: number } {
    const kb = new TextEncoder().encode(key)
    const m = this.members().sort((a, b) => compareBig(a.ref.id, b.ref.id))
    const recs: Array<{ node: StoreSimNode, version: number, serves: boolean }> = []
    const h = keyToId(kb)
    for (let slot = 0; slot < this.r; slot++) {
      const rid = replicaId(h, slot, this.r)
      const owner = ownerOf(m, rid)
      if (owner === undefined) { continue }
      const rec = owner.core.backend.get(kb, slot)
      const own = owner.core.store.epochsAt(rid).own
      const others = Array.from({ length: this.r }, (_, j) => ownerOf(m, replicaId(h, j, this.r))).filter((n, j) => j !== slot && n !== undefined)
      const current = others.every(n => compareBallots(n?.core.store.epochsAt(rid).known ?? own, own) <= 0)
      recs.push({ node: owner, version: rec?.version ?? 0, serves: owner.core.store.serves(rid) && current })
    }
    const version = Math.max(0, ...recs.map(x => x.version))
    return { upToDate: recs.filter(x => x.serves && x.version === version).length, version }
  }
}

const MASK = (1n << 128n) - 1n

function arcsIntersect (a: { lo: RingId, hi: RingId }, b: { lo: RingId, hi: RingId }): boolean {
  return inOpenClosed(b.hi, a.lo, a.hi) || inOpenClosed(a.hi, b.lo, b.hi) || a.lo === a.hi || b.lo === b.hi
}

function ownerOf (sorted: StoreSimNode[], rid: RingId): StoreSimNode | undefined {
  for (const n of sorted) { if (n.ref.id >= rid) { return n } }
  return sorted[0]
}

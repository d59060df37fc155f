/**
 * The discrete-event engine: virtual time, one event queue, a network model, and a set of
 * sans-IO cores it drives through `handleMessage` / `handleTimeout` and drains through
 * `pollTransmit` / `pollEvent` / `pollTimeoutMs`. After every step it calls the core's
 * `assertInvariants`; a failure stops the run with a {@link SimulationError} carrying the seed.
 * Nothing here reads a clock or draws randomness except from the seeded streams.
 */
import { EventQueue } from './event-queue.ts'
import { mix32 } from './prng.ts'
import type { Network } from './network.ts'

export interface SimNodeRef {
  readonly id: bigint
  readonly addr: string
}

/** What the engine needs of a protocol core. */
export interface SimCore<E> {
  handleMessage(nowMs: number, from: SimNodeRef, msg: unknown): void
  handleTimeout(nowMs: number): void
  pollTransmit(): { to: SimNodeRef, msg: unknown } | undefined
  pollEvent(): E | undefined
  pollTimeoutMs(): number | undefined
  assertInvariants(): void
}

export interface SimNode<C> {
  readonly index: number
  readonly ref: SimNodeRef
  core: C
  alive: boolean
  /** The time of the node's armed timer event, Infinity when none. */
  timerAt: number
  /**
   * Set while the node is paused (SIGSTOP): what reached it meanwhile, in arrival order, and
   * whether its timer came due. Its clock runs on; it handles nothing until resumed.
   */
  paused?: { backlog: Array<() => void>, timerDue: boolean }
}

/** A run stopped on a failed invariant; `seed` replays it exactly. */
export class SimulationError extends Error {
  readonly seed: number
  readonly atMs: number
  readonly node: string

  constructor (message: string, seed: number, atMs: number, node: string, options?: { cause?: unknown }) {
    super(`${message} (node ${node} at ${atMs.toFixed(3)} ms) SEED=${seed}`, options)
    this.name = 'SimulationError'
    this.seed = seed
    this.atMs = atMs
    this.node = node
  }
}

export interface EngineHooks<C, E> {
  /** An event the core emitted. */
  onEvent(node: SimNode<C>, ev: E): void
  /** A message the core sent (before the network decides its fate). */
  onSend?(node: SimNode<C>, to: SimNode<C>, msg: unknown): void
}

export class Engine<C extends SimCore<E>, E> {
  readonly seed: number
  readonly net: Network
  readonly nodes: Array<SimNode<C>> = []
  readonly byAddr = new Map<string, SimNode<C>>()
  nowMs = 0
  events = 0
  messages = 0
  /** Check invariants after every step (the default); off only in benchmarks that say so. */
  checkInvariants = true
  private readonly queue = new EventQueue()
  private readonly hooks: EngineHooks<C, E>
  private hashA = 0x811c9dc5
  private hashB = 0x01000193
  private readonly typeCodes = new Map<string, number>()

  constructor (seed: number, net: Network, hooks: EngineHooks<C, E>) {
    this.seed = seed
    this.net = net
    this.hooks = hooks
  }

  /** A hash of everything that happened so far: the same seed must give the same value. */
  get traceHash (): string {
    return (this.hashA >>> 0).toString(16).padStart(8, '0') + (this.hashB >>> 0).toString(16).padStart(8, '0')
  }

  addNode (ref: SimNodeRef, core: C): SimNode<C> {
    const node: SimNode<C> = { index: this.nodes.length, ref, core, alive: true, timerAt: Infinity }
    this.nodes.push(node)
    this.byAddr.set(ref.addr, node)
    return node
  }

  /** Crash-stop: the node's messages in flight to it are lost, its timers never fire. */
  crash (node: SimNode<C>): void {
    node.alive = false
    node.timerAt = Infinity
    node.paused = undefined
  }

  /**
   * Pause (SIGSTOP): the node handles nothing (messages, timers, commands) until {@link resume};
   * what arrives meanwhile waits for it, in order, as in a stopped process's socket buffers.
   */
  pause (node: SimNode<C>): void {
    if (!node.alive || node.paused !== undefined) { return }
    node.paused = { backlog: [], timerDue: false }
  }

  /**
   * Resume (SIGCONT): everything that waited is handled now, in arrival order, then the timer
   * if it came due meanwhile (the node's clock ran on through the pause).
   */
  resume (node: SimNode<C>): void {
    const p = node.paused
    if (p === undefined) { return }
    node.paused = undefined
    if (!node.alive) { return }
    for (const fn of p.backlog) { this.at(this.nowMs, fn) }
    if (p.timerDue) {
      const tick = (): void => {
        if (!node.alive) { return }
        if (node.paused !== undefined) {
          node.paused.timerDue = true
          return
        }
        this.guard(node, () => node.core.handleTimeout(this.nowMs))
        this.drain(node)
      }
      this.at(this.nowMs, tick)
    }
  }

  /** Runs `fn` at virtual time `atMs`. */
  at (atMs: number, fn: () => void): void {
    this.queue.push({ at: Math.max(atMs, this.nowMs), kind: 2, node: -1, from: -1, msg: undefined, fn })
  }

  /** Calls `fn(core, now)` on a node (a command), then drains it. */
  call (node: SimNode<C>, fn: (core: C, nowMs: number) => void): void {
    if (!node.alive) { return }
    if (node.paused !== undefined) {
      node.paused.backlog.push(() => this.call(node, fn))
      return
    }
    this.guard(node, () => fn(node.core, this.nowMs))
    this.drain(node)
  }

  get pending (): number { return this.queue.size }

  /** Processes events up to and including `untilMs`; returns false if the queue ran dry. */
  runUntil (untilMs: number): boolean {
    while (this.queue.peekTime() <= untilMs) { this.step() }
    if (this.nowMs < untilMs) { this.nowMs = untilMs }
    return this.queue.size > 0
  }

  step (): void {
    const ev = this.queue.pop()
    if (ev === undefined) { return }
    this.nowMs = ev.at
    this.events++
    if (ev.kind === 2) {
      ev.fn?.()
      return
    }
    const node = this.nodes[ev.node]
    if (!node.alive) { return }
    if (node.paused !== undefined) {
      this.defer(node, ev)
      return
    }
    const core = node.core
    try {
      if (ev.kind === 1) {
        if (ev.at !== node.timerAt) { return }
        node.timerAt = Infinity
        this.mixTrace(1, ev.node, ev.at, 0)
        core.handleTimeout(this.nowMs)
      } else {
        if (!this.net.reachable(ev.from, ev.node)) { return }
        this.mixTrace(0, ev.node, ev.at, this.typeCode(ev.msg))
        core.handleMessage(this.nowMs, this.nodes[ev.from].ref, ev.msg)
      }
      if (this.checkInvariants) { core.assertInvariants() }
    } catch (err: any) {
      throw this.failure(node, err)
    }
    this.drain(node)
  }

  /** An event for a paused node: a message waits in its backlog; a due timer is noted. */
  private defer (node: SimNode<C>, ev: { at: number, kind: number, node: number, from: number, msg: unknown }): void {
    const p = node.paused as { backlog: Array<() => void>, timerDue: boolean }
    if (ev.kind === 1) {
      if (ev.at !== node.timerAt) { return }
      node.timerAt = Infinity
      p.timerDue = true
      return
    }
    const { from, msg } = ev
    // The message reached the node's buffers; it is handled on resume, whatever the network
    // does meanwhile.
    if (!this.net.reachable(from, node.index)) { return }
    const handle = (): void => {
      if (!node.alive) { return }
      if (node.paused !== undefined) {
        node.paused.backlog.push(handle)
        return
      }
      this.mixTrace(0, node.index, this.nowMs, this.typeCode(msg))
      this.guard(node, () => node.core.handleMessage(this.nowMs, this.nodes[from].ref, msg))
      this.drain(node)
    }
    p.backlog.push(handle)
  }

  private guard (node: SimNode<C>, fn: () => void): void {
    try {
      fn()
      if (this.checkInvariants) { node.core.assertInvariants() }
    } catch (err: any) {
      throw this.failure(node, err)
    }
  }

  private failure (node: SimNode<C>, err: any): SimulationError {
    return new SimulationError(err?.message ?? String(err), this.seed, this.nowMs, node.ref.addr, { cause: err })
  }

  /** Sends what the core wants sent, hands its events to the hooks, re-arms its timer. */
  drain (node: SimNode<C>): void {
    const core = node.core
    for (let t = core.pollTransmit(); t !== undefined; t = core.pollTransmit()) {
      const to = this.byAddr.get(t.to.addr)
      if (to === undefined) { continue }
      this.messages++
      this.hooks.onSend?.(node, to, t.msg)
      for (const at of this.net.send(node.index, to.index, this.nowMs)) {
        this.queue.push({ at, kind: 0, node: to.index, from: node.index, msg: t.msg, fn: undefined })
      }
    }
    for (let e = core.pollEvent(); e !== undefined; e = core.pollEvent()) { this.hooks.onEvent(node, e) }
    if (!node.alive) { return }
    const t = core.pollTimeoutMs()
    if (t !== undefined && t < node.timerAt) {
      node.timerAt = Math.max(t, this.nowMs)
      this.queue.push({ at: node.timerAt, kind: 1, node: node.index, from: -1, msg: undefined, fn: undefined })
    }
  }

  private typeCode (msg: unknown): number {
    const t = (msg as { type?: unknown })?.type
    if (typeof t !== 'string') { return 0 }
    let c = this.typeCodes.get(t)
    if (c === undefined) {
      c = this.typeCodes.size + 1
      this.typeCodes.set(t, c)
    }
    return c
  }

  private mixTrace (kind: number, node: number, at: number, type: number): void {
    const t = Math.round(at * 1000)
    this.hashA = mix32(this.hashA ^ (t >>> 0) ^ Math.imul(node + 1, 0x9e3779b1))
    this.hashB = mix32(this.hashB ^ Math.floor(t / 4294967296) ^ (kind << 24) ^ type ^ Math.imul(this.hashA, 31))
  }
}

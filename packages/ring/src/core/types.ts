/**
 * The core's inputs (commands) and outputs (events, transmissions, introspection), as plain data.
 */
import type { Arc } from './arcs.ts'
import type { GeometryConfig, GeometryName } from './geometry.ts'
import type { RingId } from './id.ts'
import type { RingMessage } from './messages.ts'
import type { NodeRef } from './node-ref.ts'

export type RingCommand =
  /** Become the first node of a new ring. */
  | { type: 'create' }
  /** Join the ring through any of these members (tried in turn). */
  | { type: 'join', bootstrap: NodeRef[] }
  /** Leave gracefully: neighbours take over, a `leaving` event allows hand-off, then `left`. */
  | { type: 'leave' }
  /** Find the owner of `key`; answered by a `lookup-done` or `lookup-failed` event with `reqId`. */
  | { type: 'lookup', key: RingId, reqId: number }
  /**
   * Route `payload` to the owner of `key` (a `deliver` event there). With `wantReply` the owner's
   * driver answers with `respond`, and the answer comes back in `lookup-done.payload`;
   * without, the owner's core acknowledges delivery itself.
   */
  | { type: 'route', key: RingId, reqId: number, payload: Uint8Array, wantReply?: boolean }
  /** Answer a `deliver` event that wanted a reply (at the owner). */
  | { type: 'respond', to: NodeRef, reqId: number, hops: number, payload: Uint8Array }
  /** Forget a lookup or route in flight (its caller gave up); no event follows. */
  | { type: 'cancel', reqId: number }
  /**
   * The driver could not reach this peer (dial refused, stream reset): suspect it now and
   * reroute what was sent to it, rather than wait for timeouts.
   */
  | { type: 'peer-unreachable', addr: string }
  /**
   * A node the driver remembers (from an earlier run): if it is a member of another ring (this
   * node created its own because nobody it remembered answered, say), merge the two rings, as for
   * a suspected node found alive again.
   */
  | { type: 'reunite', node: NodeRef }
  /** Deliver `payload` to every node once (`cast-deliver` events). */
  | { type: 'broadcast', payload: Uint8Array }
  /** Deliver `payload` once to every node whose id lies in one of `arcs`. */
  | { type: 'rangecast', arcs: Arc[], payload: Uint8Array }
  /** Switch routing geometry (and arity) at run time. */
  | { type: 'set-geometry', geometry: GeometryConfig }
  /** Turn proximity neighbour selection on or off. */
  | { type: 'set-proximity', enabled: boolean }
  /**
   * Become a member with a known state instead of joining: neighbours and finger candidates
   * (from a checkpoint, or the simulator's oracle build of large stable rings). The state is
   * validated like gossip, and the protocol repairs whatever is wrong in it.
   */
  | { type: 'install', predList: NodeRef[], succList: NodeRef[], fingers: NodeRef[] }

export type RingEvent =
  | { type: 'joined', pred?: NodeRef, succ?: NodeRef }
  | { type: 'join-failed', reason: string }
  | { type: 'lookup-done', reqId: number, key: RingId, owner: NodeRef, hops: number, latencyMs: number, attempts: number, payload?: Uint8Array }
  | { type: 'lookup-failed', reqId: number, key: RingId, reason: string, attempts: number }
  | { type: 'deliver', key: RingId, origin: NodeRef, reqId: number, payload: Uint8Array, hops: number, wantReply: boolean }
  | { type: 'cast-deliver', origin: NodeRef, castId: number, payload: Uint8Array }
  /** This node's range (pred, self] changed: a hand-off point for storage. */
  | { type: 'range-changed', pred?: NodeRef, oldPred?: NodeRef }
  | { type: 'succ-changed', succ?: NodeRef }
  /** Graceful leave started: hand (pred, self] over to `succ`. */
  | { type: 'leaving', pred?: NodeRef, succ?: NodeRef }
  | { type: 'left' }
  | { type: 'suspected', node: NodeRef }
  /** A suspected node answered again (partition healed): the rings are being unified. */
  | { type: 'rediscovered', node: NodeRef }
  | { type: 'geometry-changed', name: GeometryName, k: number }

export interface Transmit {
  to: NodeRef
  msg: RingMessage
}

export type RingState = 'idle' | 'joining' | 'member' | 'leaving' | 'left'

export interface HopStats {
  count: number
  sum: number
  max: number
}

export interface RingCounters {
  sent: Record<string, number>
  received: Record<string, number>
  rejected: Record<string, number>
  correctionsSent: number
  correctionsReceived: number
  correctionsApplied: number
  topologyEventsSent: number
  topologyEventsDropped: number
  lookupsStarted: number
  lookupsDone: number
  lookupsFailed: number
  lookupRetries: number
  hopTimeouts: number
  routesDropped: number
  castsDelivered: number
  merges: number
  /** Remembered nodes the driver asked us to unify with (`reunite`). */
  reunites: number
  /** Suspected nodes heard from again within MERGE_SUSPECT_MIN_MS: taken back without a merge. */
  falseSuspicions: number
}

/** Introspection: the routing state as plain data (reflective routing, `GET /v1/ring`). */
export interface RoutingState {
  self: NodeRef
  state: RingState
  geometry: GeometryName
  k: number
  proximity: boolean
  pred?: NodeRef
  predList: NodeRef[]
  succList: NodeRef[]
  table: Array<{ level: number, sign: 1 | -1, start: RingId, entry?: NodeRef, candidates: number }>
  tableSize: number
  suspects: NodeRef[]
  hops: HopStats
  counters: RingCounters
}

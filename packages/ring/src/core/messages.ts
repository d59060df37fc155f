/**
 * The ring protocol's messages, as plain data. Drivers encode them (protobuf in the libp2p
 * service, nothing in the simulator) and must pass every decoded message through
 * {@link parseMessage} semantics: the core re-validates anyway and counts what it rejects.
 */
import type { Arc } from './arcs.ts'
import type { RingId } from './id.ts'
import type { NodeRef } from './node-ref.ts'

/** What a routed message asks of the key's owner. */
export type RouteKind = 'lookup' | 'join' | 'merge' | 'app'

export const ROUTE_KINDS: readonly RouteKind[] = ['lookup', 'join', 'merge', 'app']

/** A message routed hop by hop to the owner of `key` (transitive: the owner answers `origin`). */
export interface RouteMsg {
  type: 'route'
  /** Sender-scoped id the receiver acknowledges (hop-by-hop reliability). */
  hop: number
  kind: RouteKind
  key: RingId
  origin: NodeRef
  reqId: number
  hops: number
  ttl: number
  /** 0: approaching the key clockwise (from its left); 1: from its right, counter-clockwise. */
  /** 0: clockwise approach, 1: counter-clockwise approach, 2: bidirectional (tango). */
  phase: 0 | 1 | 2
  /** The sender believes the receiver is its successor and the key lies between them. */
  final: boolean
  /** Correction-on-use header: the start of the sender's finger slot this hop used. */
  slot?: RingId
  /** merge: the node to introduce to the owner of its id. */
  node?: NodeRef
  /** app: the payload for the owner. */
  payload?: Uint8Array
  /** app: the owner's driver answers (the answer rides on lookup-reply). */
  wantReply?: boolean
}

export interface AckMsg { type: 'ack', hop: number }

export interface LookupReplyMsg { type: 'lookup-reply', reqId: number, owner: NodeRef, hops: number, payload?: Uint8Array }

/** Failure detection and stabilisation, sent to the successor every ping interval. */
export interface PingMsg { type: 'ping', seq: number, predList: NodeRef[] }

export interface PongMsg { type: 'pong', seq: number, pred?: NodeRef, succList: NodeRef[] }

/** "This node may be your successor": relaxed-ring join notice and merge zipper. */
export interface HintMsg { type: 'hint', node: NodeRef }

export interface JoinOkMsg { type: 'join-ok', reqId: number, pred?: NodeRef, succList: NodeRef[], fingers: NodeRef[] }

export type JoinRejectReason = 'id-collision' | 'not-member'

export interface JoinRejectMsg { type: 'join-reject', reqId: number, reason: JoinRejectReason }

/** Graceful leave, sent to both neighbours; each uses the list that concerns it. */
export interface LeaveMsg { type: 'leave', predList: NodeRef[], succList: NodeRef[] }

export interface LeaveAckMsg { type: 'leave-ack' }

/** Correction-on-use: `node` is closer to the owner of the slot starting at `slot`. */
export interface CorrectionMsg { type: 'correction', slot: RingId, node: NodeRef }

/** At join and geometry switch: "who owns each of these slot starts, as far as you know?" */
export interface FingerQueryMsg { type: 'finger-query', qid: number, starts: RingId[] }

/** nodes[i] is the answerer's best knowledge of the owner of starts[i]; extra: its successors. */
export interface FingerAnswerMsg { type: 'finger-answer', qid: number, nodes: NodeRef[], extra: NodeRef[] }

/** Liveness and RTT probe (proximity candidates, suspected nodes). */
export interface ProbeMsg { type: 'probe', seq: number }

export interface ProbeAckMsg { type: 'probe-ack', seq: number }

/** Ring unification: "route a merge for `node` in your ring". */
export interface MergeReqMsg { type: 'merge-req', node: NodeRef }

export type TopologyEventKind = 'join' | 'leave' | 'fail'

/**
 * Correction-on-change: `node` joined with predecessor `pred`, or left / failed and
 * `replacement` now owns (pred, node]. Nodes with a slot start in (pred, node] re-point.
 */
export interface TopologyEvent {
  kind: TopologyEventKind
  node: NodeRef
  pred: RingId
  replacement?: NodeRef
}

export type CastPayload =
  | { kind: 'topology', events: TopologyEvent[] }
  | { kind: 'app', data: Uint8Array }

/**
 * Broadcast and range-cast (farthest-first with a moving limit): the receiver covers the nodes in
 * [itself, limit) that lie in `arcs`, delivering to itself and splitting the rest among the nodes
 * it knows.
 */
export interface CastMsg {
  type: 'cast'
  hop: number
  origin: NodeRef
  castId: number
  arcs: Arc[]
  limit: RingId
  payload: CastPayload
}

export type RingMessage =
  | RouteMsg | AckMsg | LookupReplyMsg | PingMsg | PongMsg | HintMsg | JoinOkMsg | JoinRejectMsg
  | LeaveMsg | LeaveAckMsg | CorrectionMsg | FingerQueryMsg | FingerAnswerMsg | ProbeMsg
  | ProbeAckMsg | MergeReqMsg | CastMsg

export type RingMessageType = RingMessage['type']

export const MESSAGE_TYPES: readonly RingMessageType[] = [
  'route', 'ack', 'lookup-reply', 'ping', 'pong', 'hint', 'join-ok', 'join-reject', 'leave',
  'leave-ack', 'correction', 'finger-query', 'finger-answer', 'probe', 'probe-ack', 'merge-req', 'cast'
]

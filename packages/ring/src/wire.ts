/**
 * The ring's wire format: core messages ↔ protobuf frames (pb/ring.proto). Decoding is bounded
 * (element limits on every repeated field, a frame limit on the stream), and every peer named in
 * a message is checked: a valid peer id that embeds its public key, whose derived ring id equals
 * the one it claims. Anything else rejects the whole message with a reason, for the counters.
 */
import { unreachable } from '@selfmgmt/interface'
import { PEER_ADDRS_MAX } from './constants.ts'
import { ANSWER_EXTRA_MAX, CAST_RANGES_MAX, JOIN_FINGERS_MAX, PRED_LIST_MAX, QUERY_STARTS_MAX, SUCC_LIST_MAX, TOPOLOGY_EVENTS_MAX } from './core/constants.ts'
import { idFromBytes, idToBytes, ID_BYTES } from './core/id.ts'
import { RingMessage as PB, Route, JoinReject, TopologyEvent as PbTopologyEvent } from './pb/ring.ts'
import type * as M from './core/messages.ts'
import type { NodeRef } from './core/node-ref.ts'
import type { Peer as PbPeer } from './pb/ring.ts'
import type { Uint8ArrayList } from 'uint8arraylist'

/** How the driver maps core references to wire peers and back. */
export interface PeerCodec {
  /** The wire form of a reference (peer id bytes, ring id, known addresses). */
  toPeer(n: NodeRef): PbPeer
  /** The reference for a wire peer, or undefined when it fails the identity checks. */
  fromPeer(p: PbPeer): NodeRef | undefined
}

const peer = { addrs: PEER_ADDRS_MAX }

/** Element limits for decoding: the core's list limits, and addresses per peer. */
export const DECODE_LIMITS = {
  route: { origin$: peer, node$: peer, origin: peer, node: peer },
  lookupReply: { owner: peer },
  ping: { predList: PRED_LIST_MAX, predList$: peer },
  pong: { pred: peer, succList: SUCC_LIST_MAX, succList$: peer },
  hint: { node: peer },
  joinOk: { pred: peer, succList: SUCC_LIST_MAX, succList$: peer, fingers: JOIN_FINGERS_MAX, fingers$: peer },
  leave: { predList: PRED_LIST_MAX, predList$: peer, succList: SUCC_LIST_MAX, succList$: peer },
  correction: { node: peer },
  fingerQuery: { starts: QUERY_STARTS_MAX },
  fingerAnswer: { nodes: QUERY_STARTS_MAX, nodes$: peer, extra: ANSWER_EXTRA_MAX, extra$: peer },
  mergeReq: { node: peer },
  cast: { origin: peer, arcs: CAST_RANGES_MAX, events: TOPOLOGY_EVENTS_MAX, events$: { node: peer, replacement: peer } }
}

const ROUTE_KINDS: Record<M.RouteKind, Route.Kind> = { lookup: Route.Kind.LOOKUP, join: Route.Kind.JOIN, merge: Route.Kind.MERGE, app: Route.Kind.APP }
const EVENT_KINDS: Record<M.TopologyEventKind, PbTopologyEvent.Kind> = { join: PbTopologyEvent.Kind.JOIN, leave: PbTopologyEvent.Kind.LEAVE, fail: PbTopologyEvent.Kind.FAIL }

function id (x: bigint): Uint8Array<ArrayBuffer> { return idToBytes(x) }

/** Bytes backed by a plain ArrayBuffer, as the generated codec's types require; other views are copied. */
function ab (b: Uint8Array | undefined): Uint8Array<ArrayBuffer> | undefined {
  if (b === undefined) { return undefined }
  return b.buffer instanceof ArrayBuffer ? b as Uint8Array<ArrayBuffer> : new Uint8Array(b)
}

/** Encodes a core message as one protobuf frame body. */
export function encodeMessage (m: M.RingMessage, codec: PeerCodec): Uint8Array {
  const p = (n: NodeRef): PbPeer => codec.toPeer(n)
  const ps = (l: readonly NodeRef[]): PbPeer[] => l.map(p)
  switch (m.type) {
    case 'route': return PB.encode({ route: { hop: m.hop, kind: ROUTE_KINDS[m.kind], key: id(m.key), origin: p(m.origin), reqId: m.reqId, hops: m.hops, ttl: m.ttl, phase: m.phase, final: m.final, slot: m.slot === undefined ? undefined : id(m.slot), node: m.node === undefined ? undefined : p(m.node), payload: ab(m.payload), wantReply: m.wantReply === true } })
    case 'ack': return PB.encode({ ack: { hop: m.hop } })
    case 'lookup-reply': return PB.encode({ lookupReply: { reqId: m.reqId, owner: p(m.owner), hops: m.hops, payload: ab(m.payload) } })
    case 'ping': return PB.encode({ ping: { seq: m.seq, predList: ps(m.predList) } })
    case 'pong': return PB.encode({ pong: { seq: m.seq, pred: m.pred === undefined ? undefined : p(m.pred), succList: ps(m.succList) } })
    case 'hint': return PB.encode({ hint: { node: p(m.node) } })
    case 'join-ok': return PB.encode({ joinOk: { reqId: m.reqId, pred: m.pred === undefined ? undefined : p(m.pred), succList: ps(m.succList), fingers: ps(m.fingers) } })
    case 'join-reject': return PB.encode({ joinReject: { reqId: m.reqId, reason: m.reason === 'id-collision' ? JoinReject.Reason.ID_COLLISION : JoinReject.Reason.NOT_MEMBER } })
    case 'leave': return PB.encode({ leave: { predList: ps(m.predList), succList: ps(m.succList) } })
    case 'leave-ack': return PB.encode({ leaveAck: {} })
    case 'correction': return PB.encode({ correction: { slot: id(m.slot), node: p(m.node) } })
    case 'finger-query': return PB.encode({ fingerQuery: { qid: m.qid, starts: m.starts.map(id) } })
    case 'finger-answer': return PB.encode({ fingerAnswer: { qid: m.qid, nodes: ps(m.nodes), extra: ps(m.extra) } })
    case 'probe': return PB.encode({ probe: { seq: m.seq } })
    case 'probe-ack': return PB.encode({ probeAck: { seq: m.seq } })
    case 'merge-req': return PB.encode({ mergeReq: { node: p(m.node) } })
    case 'cast': return PB.encode({ cast: encodeCast(m, p) })
    default: return unreachable(m, 'unknown ring message')
  }
}

function encodeCast (m: M.CastMsg, p: (n: NodeRef) => PbPeer): PB['cast'] {
  const events = m.payload.kind === 'topology'
    ? m.payload.events.map(e => ({ kind: EVENT_KINDS[e.kind], node: p(e.node), pred: id(e.pred), replacement: e.replacement === undefined ? undefined : p(e.replacement) }))
    : []
  return {
    hop: m.hop,
    origin: p(m.origin),
    castId: m.castId,
    arcs: m.arcs.map(a => ({ lo: id(a.lo), hi: id(a.hi) })),
    limit: id(m.limit),
    events,
    data: m.payload.kind === 'app' ? ab(m.payload.data) : undefined
  }
}

/** Thrown inside decoding; becomes the rejection reason. */
class Reject extends Error {}

function rid (b: Uint8Array | undefined, what: string): bigint {
  if (b?.length !== ID_BYTES) { throw new Reject(`bad-${what}`) }
  return idFromBytes(b)
}

export type DecodeResult = { ok: true, msg: M.RingMessage } | { ok: false, reason: string }

/**
 * Decodes one frame body. Never throws: a frame that is not a ring message, exceeds a limit, or
 * names a peer that fails the identity checks gives `{ ok: false, reason }`.
 */
export function decodeMessage (bytes: Uint8Array | Uint8ArrayList, codec: PeerCodec): DecodeResult {
  let pb: PB
  try {
    pb = PB.decode(bytes, { limits: DECODE_LIMITS })
  } catch (err: any) {
    return { ok: false, reason: err?.name === 'MaxLengthError' ? 'over-limit' : 'malformed' }
  }
  try {
    return { ok: true, msg: fromPb(pb, codec) }
  } catch (err) {
    if (err instanceof Reject) { return { ok: false, reason: err.message } }
    throw err
  }
}

function peerOf (codec: PeerCodec, p: PbPeer | undefined, what: string): NodeRef {
  if (p === undefined) { throw new Reject(`missing-${what}`) }
  const n = codec.fromPeer(p)
  if (n === undefined) { throw new Reject(`bad-peer-${what}`) }
  return n
}

function fromPb (pb: PB, codec: PeerCodec): M.RingMessage {
  const peerReq = (p: PbPeer | undefined, what: string): NodeRef => peerOf(codec, p, what)
  const peerOpt = (p: PbPeer | undefined, what: string): NodeRef | undefined => p === undefined ? undefined : peerOf(codec, p, what)
  const list = (l: PbPeer[], what: string): NodeRef[] => l.map(p => peerOf(codec, p, what))
  const bodies = Object.keys(pb).filter(k => (pb as Record<string, unknown>)[k] !== undefined)
  if (bodies.length !== 1) { throw new Reject(bodies.length === 0 ? 'empty' : 'several-bodies') }
  if (pb.route !== undefined) { return routeFromPb(pb.route, codec) }
  if (pb.ack !== undefined) { return { type: 'ack', hop: pb.ack.hop } }
  if (pb.lookupReply !== undefined) { return { type: 'lookup-reply', reqId: pb.lookupReply.reqId, owner: peerReq(pb.lookupReply.owner, 'owner'), hops: pb.lookupReply.hops, payload: pb.lookupReply.payload } }
  if (pb.ping !== undefined) { return { type: 'ping', seq: pb.ping.seq, predList: list(pb.ping.predList, 'pred') } }
  if (pb.pong !== undefined) { return { type: 'pong', seq: pb.pong.seq, pred: peerOpt(pb.pong.pred, 'pred'), succList: list(pb.pong.succList, 'succ') } }
  if (pb.hint !== undefined) { return { type: 'hint', node: peerReq(pb.hint.node, 'node') } }
  if (pb.joinOk !== undefined) { return { type: 'join-ok', reqId: pb.joinOk.reqId, pred: peerOpt(pb.joinOk.pred, 'pred'), succList: list(pb.joinOk.succList, 'succ'), fingers: list(pb.joinOk.fingers, 'finger') } }
  if (pb.joinReject !== undefined) { return { type: 'join-reject', reqId: pb.joinReject.reqId, reason: joinRejectReason(pb.joinReject.reason) } }
  if (pb.leave !== undefined) { return { type: 'leave', predList: list(pb.leave.predList, 'pred'), succList: list(pb.leave.succList, 'succ') } }
  if (pb.leaveAck !== undefined) { return { type: 'leave-ack' } }
  if (pb.correction !== undefined) { return { type: 'correction', slot: rid(pb.correction.slot, 'slot'), node: peerReq(pb.correction.node, 'node') } }
  if (pb.fingerQuery !== undefined) { return { type: 'finger-query', qid: pb.fingerQuery.qid, starts: pb.fingerQuery.starts.map(s => rid(s, 'start')) } }
  if (pb.fingerAnswer !== undefined) { return { type: 'finger-answer', qid: pb.fingerAnswer.qid, nodes: list(pb.fingerAnswer.nodes, 'node'), extra: list(pb.fingerAnswer.extra, 'extra') } }
  if (pb.probe !== undefined) { return { type: 'probe', seq: pb.probe.seq } }
  if (pb.probeAck !== undefined) { return { type: 'probe-ack', seq: pb.probeAck.seq } }
  if (pb.mergeReq !== undefined) { return { type: 'merge-req', node: peerReq(pb.mergeReq.node, 'node') } }
  if (pb.cast !== undefined) { return castFromPb(pb.cast, codec) }
  throw new Reject('unknown-body')
}

function joinRejectReason (r: JoinReject.Reason): M.JoinRejectReason {
  if (r === JoinReject.Reason.ID_COLLISION) { return 'id-collision' }
  if (r === JoinReject.Reason.NOT_MEMBER) { return 'not-member' }
  throw new Reject('bad-reason')
}

function routeFromPb (r: NonNullable<PB['route']>, codec: PeerCodec): M.RouteMsg {
  const kind = (Object.keys(ROUTE_KINDS) as M.RouteKind[]).find(k => ROUTE_KINDS[k] === r.kind)
  if (kind === undefined) { throw new Reject('bad-kind') }
  if (r.phase !== 0 && r.phase !== 1 && r.phase !== 2) { throw new Reject('bad-phase') }
  return {
    type: 'route',
    hop: r.hop,
    kind,
    key: rid(r.key, 'key'),
    origin: peerOf(codec, r.origin, 'origin'),
    reqId: r.reqId,
    hops: r.hops,
    ttl: r.ttl,
    phase: r.phase,
    final: r.final,
    slot: r.slot === undefined ? undefined : rid(r.slot, 'slot'),
    node: r.node === undefined ? undefined : peerOf(codec, r.node, 'node'),
    payload: r.payload,
    wantReply: r.wantReply ? true : undefined
  }
}

function castFromPb (c: NonNullable<PB['cast']>, codec: PeerCodec): M.CastMsg {
  const events: M.TopologyEvent[] = c.events.map(e => {
    const kind = (Object.keys(EVENT_KINDS) as M.TopologyEventKind[]).find(k => EVENT_KINDS[k] === e.kind)
    if (kind === undefined) { throw new Reject('bad-event-kind') }
    return { kind, node: peerOf(codec, e.node, 'event-node'), pred: rid(e.pred, 'event-pred'), replacement: e.replacement === undefined ? undefined : peerOf(codec, e.replacement, 'replacement') }
  })
  if (c.data !== undefined && events.length > 0) { throw new Reject('cast-data-and-events') }
  return {
    type: 'cast',
    hop: c.hop,
    origin: peerOf(codec, c.origin, 'origin'),
    castId: c.castId,
    arcs: c.arcs.map(a => ({ lo: rid(a.lo, 'arc'), hi: rid(a.hi, 'arc') })),
    limit: rid(c.limit, 'limit'),
    payload: c.data !== undefined ? { kind: 'app', data: c.data } : { kind: 'topology', events }
  }
}

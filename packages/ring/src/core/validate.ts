/**
 * Structural validation of messages from the network. Returns the message typed, or a reason
 * string; never throws and never asserts, whatever the input. Limits come from constants.ts.
 */
import {
  ANSWER_EXTRA_MAX, CAST_RANGES_MAX, JOIN_FINGERS_MAX, PAYLOAD_BYTES_MAX, PRED_LIST_MAX,
  QUERY_STARTS_MAX, SUCC_LIST_MAX, TOPOLOGY_EVENTS_MAX, TTL_MAX
} from './constants.ts'
import { isRingId } from './id.ts'
import { ROUTE_KINDS } from './messages.ts'
import { isNodeRef } from './node-ref.ts'
import type { RingMessage } from './messages.ts'

type Obj = Record<string, unknown>

/** Largest sequence number or request id accepted (fits a uint32 on the wire). */
export const SEQ_MAX = 0xffffffff

function isSeq (x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= SEQ_MAX
}

/** Every index holds a valid element: `every` would skip the holes of a sparse array. */
function allOf (x: unknown[], ok: (v: unknown) => boolean): boolean {
  for (let i = 0; i < x.length; i++) { if (!ok(x[i])) { return false } }
  return true
}

function isRefList (x: unknown, max: number): boolean {
  return Array.isArray(x) && x.length <= max && allOf(x, isNodeRef)
}

function isOptRef (x: unknown): boolean {
  return x === undefined || isNodeRef(x)
}

function isArcList (x: unknown): boolean {
  return Array.isArray(x) && x.length > 0 && x.length <= CAST_RANGES_MAX &&
    allOf(x, a => typeof a === 'object' && a !== null && isRingId((a as Obj).lo) && isRingId((a as Obj).hi))
}

function isBytes (x: unknown, max: number): boolean {
  return x instanceof Uint8Array && x.length <= max
}

function checkRoute (m: Obj): string | undefined {
  if (!isSeq(m.hop) || m.hop === 0) { return 'bad-hop' }
  if (typeof m.kind !== 'string' || !(ROUTE_KINDS as readonly string[]).includes(m.kind)) { return 'bad-kind' }
  if (!isRingId(m.key)) { return 'bad-key' }
  if (!isNodeRef(m.origin)) { return 'bad-origin' }
  if (!isSeq(m.reqId)) { return 'bad-req-id' }
  if (!isSeq(m.hops) || m.hops > TTL_MAX) { return 'bad-hops' }
  if (!isSeq(m.ttl) || m.ttl > TTL_MAX) { return 'bad-ttl' }
  if (m.phase !== 0 && m.phase !== 1 && m.phase !== 2) { return 'bad-phase' }
  if (typeof m.final !== 'boolean') { return 'bad-final' }
  if (m.slot !== undefined && !isRingId(m.slot)) { return 'bad-slot' }
  if (m.kind === 'merge' && !isNodeRef(m.node)) { return 'bad-node' }
  if (m.kind === 'app' && !isBytes(m.payload, PAYLOAD_BYTES_MAX)) { return 'bad-payload' }
  if (m.wantReply !== undefined && typeof m.wantReply !== 'boolean') { return 'bad-want-reply' }
  return undefined
}

function checkTopology (events: unknown): string | undefined {
  if (!Array.isArray(events) || events.length === 0 || events.length > TOPOLOGY_EVENTS_MAX) { return 'bad-events' }
  for (const e of events) {
    if (typeof e !== 'object' || e === null) { return 'bad-event' }
    const ev = e as Obj
    if (ev.kind !== 'join' && ev.kind !== 'leave' && ev.kind !== 'fail') { return 'bad-event-kind' }
    if (!isNodeRef(ev.node) || !isRingId(ev.pred)) { return 'bad-event' }
    if (ev.kind !== 'join' && !isNodeRef(ev.replacement)) { return 'bad-event-replacement' }
  }
  return undefined
}

function checkCast (m: Obj): string | undefined {
  // hop 0: best effort, no acknowledgement wanted.
  if (!isSeq(m.hop)) { return 'bad-hop' }
  if (!isNodeRef(m.origin) || !isSeq(m.castId)) { return 'bad-origin' }
  if (!isArcList(m.arcs)) { return 'bad-arcs' }
  if (!isRingId(m.limit)) { return 'bad-limit' }
  const p = m.payload as Obj | undefined
  if (typeof p !== 'object' || p === null) { return 'bad-payload' }
  if (p.kind === 'topology') { return checkTopology(p.events) }
  if (p.kind === 'app') { return isBytes(p.data, PAYLOAD_BYTES_MAX) ? undefined : 'bad-payload' }
  return 'bad-payload-kind'
}

/** Validates the fields of a message whose `type` is known; returns a reason or undefined. */
function checkFields (m: Obj): string | undefined {
  switch (m.type) {
    case 'route': return checkRoute(m)
    case 'cast': return checkCast(m)
    case 'ack': return isSeq(m.hop) && m.hop !== 0 ? undefined : 'bad-hop'
    case 'lookup-reply': return isSeq(m.reqId) && isNodeRef(m.owner) && isSeq(m.hops) && m.hops <= TTL_MAX && (m.payload === undefined || isBytes(m.payload, PAYLOAD_BYTES_MAX)) ? undefined : 'bad-lookup-reply'
    case 'ping': return isSeq(m.seq) && isRefList(m.predList, PRED_LIST_MAX) ? undefined : 'bad-ping'
    case 'pong': return isSeq(m.seq) && isOptRef(m.pred) && isRefList(m.succList, SUCC_LIST_MAX) ? undefined : 'bad-pong'
    case 'hint': return isNodeRef(m.node) ? undefined : 'bad-hint'
    case 'join-ok': return isSeq(m.reqId) && isOptRef(m.pred) && isRefList(m.succList, SUCC_LIST_MAX) && isRefList(m.fingers, JOIN_FINGERS_MAX) ? undefined : 'bad-join-ok'
    case 'join-reject': return isSeq(m.reqId) && (m.reason === 'id-collision' || m.reason === 'not-member') ? undefined : 'bad-join-reject'
    case 'leave': return isRefList(m.predList, PRED_LIST_MAX) && isRefList(m.succList, SUCC_LIST_MAX) ? undefined : 'bad-leave'
    case 'leave-ack': return undefined
    case 'correction': return isRingId(m.slot) && isNodeRef(m.node) ? undefined : 'bad-correction'
    case 'finger-query': return isSeq(m.qid) && Array.isArray(m.starts) && m.starts.length > 0 && m.starts.length <= QUERY_STARTS_MAX && allOf(m.starts, isRingId) ? undefined : 'bad-finger-query'
    case 'finger-answer': return isSeq(m.qid) && isRefList(m.nodes, QUERY_STARTS_MAX) && isRefList(m.extra, ANSWER_EXTRA_MAX) ? undefined : 'bad-finger-answer'
    case 'probe':
    case 'probe-ack': return isSeq(m.seq) ? undefined : 'bad-probe'
    case 'merge-req': return isNodeRef(m.node) ? undefined : 'bad-merge-req'
    default: return 'unknown-type'
  }
}

/**
 * Validates an untrusted value as a ring message. Returns the message, or a short reason
 * (`bad-*`, `unknown-type`, `not-object`) for the rejection counters.
 */
export function parseMessage (x: unknown): { ok: true, msg: RingMessage } | { ok: false, reason: string } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) { return { ok: false, reason: 'not-object' } }
  const reason = checkFields(x as Obj)
  return reason === undefined ? { ok: true, msg: x as RingMessage } : { ok: false, reason }
}

/* eslint-disable require-yield */

import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface Peer {
  id: Uint8Array<ArrayBuffer>
  ring: Uint8Array<ArrayBuffer>
  addrs: Uint8Array<ArrayBuffer>[]
}

export namespace Peer {
  let _codec: Codec<Peer>

  export const codec = (): Codec<Peer> => {
    if (_codec == null) {
      _codec = message<Peer>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.id != null && obj.id.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.id)
        }

        if ((obj.ring != null && obj.ring.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.ring)
        }

        if (obj.addrs != null && obj.addrs.length > 0) {
          for (const value of obj.addrs) {
            w.uint32(26)
            w.bytes(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          id: uint8ArrayAlloc(0),
          ring: uint8ArrayAlloc(0),
          addrs: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.id = reader.bytes()
              break
            }
            case 2: {
              obj.ring = reader.bytes()
              break
            }
            case 3: {
              if (opts.limits?.addrs != null && obj.addrs.length === opts.limits.addrs) {
                throw new MaxLengthError('Decode error - repeated field "addrs" had too many elements')
              }

              obj.addrs.push(reader.bytes())
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          addrs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.id`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.ring`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              if (opts.limits?.addrs != null && obj.addrs === opts.limits.addrs) {
                throw new MaxLengthError('Streaming decode error - repeated field "addrs" had too many elements')
              }

              yield {
                field: `${prefix}.addrs[]`,
                index: obj.addrs,
                value: reader.bytes()
              }

              obj.addrs++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PeerIdFieldEvent {
    field: '$.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PeerRingFieldEvent {
    field: '$.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PeerAddrsFieldEvent {
    field: '$.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Peer>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Peer.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Peer>): Peer {
    return decodeMessage(buf, Peer.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Peer>): Generator<PeerIdFieldEvent | PeerRingFieldEvent | PeerAddrsFieldEvent> {
    return streamMessage(buf, Peer.codec(), opts)
  }
}

export interface Arc {
  lo: Uint8Array<ArrayBuffer>
  hi: Uint8Array<ArrayBuffer>
}

export namespace Arc {
  let _codec: Codec<Arc>

  export const codec = (): Codec<Arc> => {
    if (_codec == null) {
      _codec = message<Arc>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.lo != null && obj.lo.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.lo)
        }

        if ((obj.hi != null && obj.hi.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.hi)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          lo: uint8ArrayAlloc(0),
          hi: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.lo = reader.bytes()
              break
            }
            case 2: {
              obj.hi = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.lo`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.hi`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ArcLoFieldEvent {
    field: '$.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface ArcHiFieldEvent {
    field: '$.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Arc>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Arc.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Arc>): Arc {
    return decodeMessage(buf, Arc.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Arc>): Generator<ArcLoFieldEvent | ArcHiFieldEvent> {
    return streamMessage(buf, Arc.codec(), opts)
  }
}

export interface Route {
  hop: number
  kind: Route.Kind
  key: Uint8Array<ArrayBuffer>
  origin?: Peer
  reqId: number
  hops: number
  ttl: number
  phase: number
  final: boolean
  slot?: Uint8Array<ArrayBuffer>
  node?: Peer
  payload?: Uint8Array<ArrayBuffer>
  wantReply: boolean
}

export namespace Route {
  export enum Kind {
    LOOKUP = 'LOOKUP',
    JOIN = 'JOIN',
    MERGE = 'MERGE',
    APP = 'APP'
  }

  enum __KindValues {
    LOOKUP = 0,
    JOIN = 1,
    MERGE = 2,
    APP = 3
  }

  export namespace Kind {
    export const codec = (): Codec<Kind> => {
      return enumeration<Kind>(__KindValues)
    }
  }

  let _codec: Codec<Route>

  export const codec = (): Codec<Route> => {
    if (_codec == null) {
      _codec = message<Route>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.hop != null && obj.hop !== 0)) {
          w.uint32(8)
          w.uint32(obj.hop)
        }

        if (obj.kind != null && __KindValues[obj.kind] !== 0) {
          w.uint32(16)
          Route.Kind.codec().encode(obj.kind, w)
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.key)
        }

        if (obj.origin != null) {
          w.uint32(34)
          Peer.codec().encode(obj.origin, w)
        }

        if ((obj.reqId != null && obj.reqId !== 0)) {
          w.uint32(40)
          w.uint32(obj.reqId)
        }

        if ((obj.hops != null && obj.hops !== 0)) {
          w.uint32(48)
          w.uint32(obj.hops)
        }

        if ((obj.ttl != null && obj.ttl !== 0)) {
          w.uint32(56)
          w.uint32(obj.ttl)
        }

        if ((obj.phase != null && obj.phase !== 0)) {
          w.uint32(64)
          w.uint32(obj.phase)
        }

        if ((obj.final != null && obj.final !== false)) {
          w.uint32(72)
          w.bool(obj.final)
        }

        if (obj.slot != null) {
          w.uint32(82)
          w.bytes(obj.slot)
        }

        if (obj.node != null) {
          w.uint32(90)
          Peer.codec().encode(obj.node, w)
        }

        if (obj.payload != null) {
          w.uint32(98)
          w.bytes(obj.payload)
        }

        if ((obj.wantReply != null && obj.wantReply !== false)) {
          w.uint32(104)
          w.bool(obj.wantReply)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          hop: 0,
          kind: Kind.LOOKUP,
          key: uint8ArrayAlloc(0),
          reqId: 0,
          hops: 0,
          ttl: 0,
          phase: 0,
          final: false,
          wantReply: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.hop = reader.uint32()
              break
            }
            case 2: {
              obj.kind = Route.Kind.codec().decode(reader)
              break
            }
            case 3: {
              obj.key = reader.bytes()
              break
            }
            case 4: {
              obj.origin = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.origin
              })
              break
            }
            case 5: {
              obj.reqId = reader.uint32()
              break
            }
            case 6: {
              obj.hops = reader.uint32()
              break
            }
            case 7: {
              obj.ttl = reader.uint32()
              break
            }
            case 8: {
              obj.phase = reader.uint32()
              break
            }
            case 9: {
              obj.final = reader.bool()
              break
            }
            case 10: {
              obj.slot = reader.bytes()
              break
            }
            case 11: {
              obj.node = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.node
              })
              break
            }
            case 12: {
              obj.payload = reader.bytes()
              break
            }
            case 13: {
              obj.wantReply = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.hop`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.kind`,
                value: Route.Kind.codec().decode(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.key`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.origin`, {
                limits: opts.limits?.origin
              })

              break
            }
            case 5: {
              yield {
                field: `${prefix}.reqId`,
                value: reader.uint32()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.hops`,
                value: reader.uint32()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.ttl`,
                value: reader.uint32()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.phase`,
                value: reader.uint32()
              }
              break
            }
            case 9: {
              yield {
                field: `${prefix}.final`,
                value: reader.bool()
              }
              break
            }
            case 10: {
              yield {
                field: `${prefix}.slot`,
                value: reader.bytes()
              }
              break
            }
            case 11: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.node`, {
                limits: opts.limits?.node
              })

              break
            }
            case 12: {
              yield {
                field: `${prefix}.payload`,
                value: reader.bytes()
              }
              break
            }
            case 13: {
              yield {
                field: `${prefix}.wantReply`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface RouteHopFieldEvent {
    field: '$.hop'
    value: number
  }

  export interface RouteKindFieldEvent {
    field: '$.kind'
    value: Route.Kind
  }

  export interface RouteKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RouteOriginIdFieldEvent {
    field: '$.origin.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RouteOriginRingFieldEvent {
    field: '$.origin.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RouteOriginAddrsFieldEvent {
    field: '$.origin.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RouteReqIdFieldEvent {
    field: '$.reqId'
    value: number
  }

  export interface RouteHopsFieldEvent {
    field: '$.hops'
    value: number
  }

  export interface RouteTtlFieldEvent {
    field: '$.ttl'
    value: number
  }

  export interface RoutePhaseFieldEvent {
    field: '$.phase'
    value: number
  }

  export interface RouteFinalFieldEvent {
    field: '$.final'
    value: boolean
  }

  export interface RouteSlotFieldEvent {
    field: '$.slot'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RouteNodeIdFieldEvent {
    field: '$.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RouteNodeRingFieldEvent {
    field: '$.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RouteNodeAddrsFieldEvent {
    field: '$.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RoutePayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RouteWantReplyFieldEvent {
    field: '$.wantReply'
    value: boolean
  }

  export function encode (obj: Partial<Route>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Route.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Route>): Route {
    return decodeMessage(buf, Route.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Route>): Generator<RouteHopFieldEvent | RouteKindFieldEvent | RouteKeyFieldEvent | RouteOriginIdFieldEvent | RouteOriginRingFieldEvent | RouteOriginAddrsFieldEvent | RouteReqIdFieldEvent | RouteHopsFieldEvent | RouteTtlFieldEvent | RoutePhaseFieldEvent | RouteFinalFieldEvent | RouteSlotFieldEvent | RouteNodeIdFieldEvent | RouteNodeRingFieldEvent | RouteNodeAddrsFieldEvent | RoutePayloadFieldEvent | RouteWantReplyFieldEvent> {
    return streamMessage(buf, Route.codec(), opts)
  }
}

export interface Ack {
  hop: number
}

export namespace Ack {
  let _codec: Codec<Ack>

  export const codec = (): Codec<Ack> => {
    if (_codec == null) {
      _codec = message<Ack>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.hop != null && obj.hop !== 0)) {
          w.uint32(8)
          w.uint32(obj.hop)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          hop: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.hop = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.hop`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface AckHopFieldEvent {
    field: '$.hop'
    value: number
  }

  export function encode (obj: Partial<Ack>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Ack.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Ack>): Ack {
    return decodeMessage(buf, Ack.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Ack>): Generator<AckHopFieldEvent> {
    return streamMessage(buf, Ack.codec(), opts)
  }
}

export interface LookupReply {
  reqId: number
  owner?: Peer
  hops: number
  payload?: Uint8Array<ArrayBuffer>
}

export namespace LookupReply {
  let _codec: Codec<LookupReply>

  export const codec = (): Codec<LookupReply> => {
    if (_codec == null) {
      _codec = message<LookupReply>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.reqId != null && obj.reqId !== 0)) {
          w.uint32(8)
          w.uint32(obj.reqId)
        }

        if (obj.owner != null) {
          w.uint32(18)
          Peer.codec().encode(obj.owner, w)
        }

        if ((obj.hops != null && obj.hops !== 0)) {
          w.uint32(24)
          w.uint32(obj.hops)
        }

        if (obj.payload != null) {
          w.uint32(34)
          w.bytes(obj.payload)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          reqId: 0,
          hops: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.reqId = reader.uint32()
              break
            }
            case 2: {
              obj.owner = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.owner
              })
              break
            }
            case 3: {
              obj.hops = reader.uint32()
              break
            }
            case 4: {
              obj.payload = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.reqId`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.owner`, {
                limits: opts.limits?.owner
              })

              break
            }
            case 3: {
              yield {
                field: `${prefix}.hops`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.payload`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface LookupReplyReqIdFieldEvent {
    field: '$.reqId'
    value: number
  }

  export interface LookupReplyOwnerIdFieldEvent {
    field: '$.owner.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LookupReplyOwnerRingFieldEvent {
    field: '$.owner.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LookupReplyOwnerAddrsFieldEvent {
    field: '$.owner.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface LookupReplyHopsFieldEvent {
    field: '$.hops'
    value: number
  }

  export interface LookupReplyPayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<LookupReply>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, LookupReply.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LookupReply>): LookupReply {
    return decodeMessage(buf, LookupReply.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LookupReply>): Generator<LookupReplyReqIdFieldEvent | LookupReplyOwnerIdFieldEvent | LookupReplyOwnerRingFieldEvent | LookupReplyOwnerAddrsFieldEvent | LookupReplyHopsFieldEvent | LookupReplyPayloadFieldEvent> {
    return streamMessage(buf, LookupReply.codec(), opts)
  }
}

export interface Ping {
  seq: number
  predList: Peer[]
}

export namespace Ping {
  let _codec: Codec<Ping>

  export const codec = (): Codec<Ping> => {
    if (_codec == null) {
      _codec = message<Ping>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(8)
          w.uint32(obj.seq)
        }

        if (obj.predList != null && obj.predList.length > 0) {
          for (const value of obj.predList) {
            w.uint32(18)
            Peer.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          seq: 0,
          predList: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.seq = reader.uint32()
              break
            }
            case 2: {
              if (opts.limits?.predList != null && obj.predList.length === opts.limits.predList) {
                throw new MaxLengthError('Decode error - repeated field "predList" had too many elements')
              }

              obj.predList.push(Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.predList$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          predList: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.seq`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              if (opts.limits?.predList != null && obj.predList === opts.limits.predList) {
                throw new MaxLengthError('Streaming decode error - repeated field "predList" had too many elements')
              }

              for (const evt of Peer.codec().stream(reader, reader.uint32(), `${prefix}.predList[]`, {
                limits: opts.limits?.predList$
              })) {
                yield {
                  ...evt,
                  index: obj.predList
                }
              }

              obj.predList++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PingSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export interface PingPredListIdFieldEvent {
    field: '$.predList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PingPredListRingFieldEvent {
    field: '$.predList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PingPredListAddrsFieldEvent {
    field: '$.predList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Ping>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Ping.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Ping>): Ping {
    return decodeMessage(buf, Ping.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Ping>): Generator<PingSeqFieldEvent | PingPredListIdFieldEvent | PingPredListRingFieldEvent | PingPredListAddrsFieldEvent> {
    return streamMessage(buf, Ping.codec(), opts)
  }
}

export interface Pong {
  seq: number
  pred?: Peer
  succList: Peer[]
}

export namespace Pong {
  let _codec: Codec<Pong>

  export const codec = (): Codec<Pong> => {
    if (_codec == null) {
      _codec = message<Pong>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(8)
          w.uint32(obj.seq)
        }

        if (obj.pred != null) {
          w.uint32(18)
          Peer.codec().encode(obj.pred, w)
        }

        if (obj.succList != null && obj.succList.length > 0) {
          for (const value of obj.succList) {
            w.uint32(26)
            Peer.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          seq: 0,
          succList: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.seq = reader.uint32()
              break
            }
            case 2: {
              obj.pred = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pred
              })
              break
            }
            case 3: {
              if (opts.limits?.succList != null && obj.succList.length === opts.limits.succList) {
                throw new MaxLengthError('Decode error - repeated field "succList" had too many elements')
              }

              obj.succList.push(Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.succList$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          succList: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.seq`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.pred`, {
                limits: opts.limits?.pred
              })

              break
            }
            case 3: {
              if (opts.limits?.succList != null && obj.succList === opts.limits.succList) {
                throw new MaxLengthError('Streaming decode error - repeated field "succList" had too many elements')
              }

              for (const evt of Peer.codec().stream(reader, reader.uint32(), `${prefix}.succList[]`, {
                limits: opts.limits?.succList$
              })) {
                yield {
                  ...evt,
                  index: obj.succList
                }
              }

              obj.succList++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PongSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export interface PongPredIdFieldEvent {
    field: '$.pred.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PongPredRingFieldEvent {
    field: '$.pred.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PongPredAddrsFieldEvent {
    field: '$.pred.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface PongSuccListIdFieldEvent {
    field: '$.succList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PongSuccListRingFieldEvent {
    field: '$.succList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface PongSuccListAddrsFieldEvent {
    field: '$.succList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Pong>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Pong.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Pong>): Pong {
    return decodeMessage(buf, Pong.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Pong>): Generator<PongSeqFieldEvent | PongPredIdFieldEvent | PongPredRingFieldEvent | PongPredAddrsFieldEvent | PongSuccListIdFieldEvent | PongSuccListRingFieldEvent | PongSuccListAddrsFieldEvent> {
    return streamMessage(buf, Pong.codec(), opts)
  }
}

export interface Hint {
  node?: Peer
}

export namespace Hint {
  let _codec: Codec<Hint>

  export const codec = (): Codec<Hint> => {
    if (_codec == null) {
      _codec = message<Hint>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.node != null) {
          w.uint32(10)
          Peer.codec().encode(obj.node, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.node = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.node
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.node`, {
                limits: opts.limits?.node
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HintNodeIdFieldEvent {
    field: '$.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HintNodeRingFieldEvent {
    field: '$.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HintNodeAddrsFieldEvent {
    field: '$.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Hint>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Hint.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Hint>): Hint {
    return decodeMessage(buf, Hint.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Hint>): Generator<HintNodeIdFieldEvent | HintNodeRingFieldEvent | HintNodeAddrsFieldEvent> {
    return streamMessage(buf, Hint.codec(), opts)
  }
}

export interface JoinOk {
  reqId: number
  pred?: Peer
  succList: Peer[]
  fingers: Peer[]
}

export namespace JoinOk {
  let _codec: Codec<JoinOk>

  export const codec = (): Codec<JoinOk> => {
    if (_codec == null) {
      _codec = message<JoinOk>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.reqId != null && obj.reqId !== 0)) {
          w.uint32(8)
          w.uint32(obj.reqId)
        }

        if (obj.pred != null) {
          w.uint32(18)
          Peer.codec().encode(obj.pred, w)
        }

        if (obj.succList != null && obj.succList.length > 0) {
          for (const value of obj.succList) {
            w.uint32(26)
            Peer.codec().encode(value, w)
          }
        }

        if (obj.fingers != null && obj.fingers.length > 0) {
          for (const value of obj.fingers) {
            w.uint32(34)
            Peer.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          reqId: 0,
          succList: [],
          fingers: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.reqId = reader.uint32()
              break
            }
            case 2: {
              obj.pred = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pred
              })
              break
            }
            case 3: {
              if (opts.limits?.succList != null && obj.succList.length === opts.limits.succList) {
                throw new MaxLengthError('Decode error - repeated field "succList" had too many elements')
              }

              obj.succList.push(Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.succList$
              }))
              break
            }
            case 4: {
              if (opts.limits?.fingers != null && obj.fingers.length === opts.limits.fingers) {
                throw new MaxLengthError('Decode error - repeated field "fingers" had too many elements')
              }

              obj.fingers.push(Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.fingers$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          succList: 0,
          fingers: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.reqId`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.pred`, {
                limits: opts.limits?.pred
              })

              break
            }
            case 3: {
              if (opts.limits?.succList != null && obj.succList === opts.limits.succList) {
                throw new MaxLengthError('Streaming decode error - repeated field "succList" had too many elements')
              }

              for (const evt of Peer.codec().stream(reader, reader.uint32(), `${prefix}.succList[]`, {
                limits: opts.limits?.succList$
              })) {
                yield {
                  ...evt,
                  index: obj.succList
                }
              }

              obj.succList++

              break
            }
            case 4: {
              if (opts.limits?.fingers != null && obj.fingers === opts.limits.fingers) {
                throw new MaxLengthError('Streaming decode error - repeated field "fingers" had too many elements')
              }

              for (const evt of Peer.codec().stream(reader, reader.uint32(), `${prefix}.fingers[]`, {
                limits: opts.limits?.fingers$
              })) {
                yield {
                  ...evt,
                  index: obj.fingers
                }
              }

              obj.fingers++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface JoinOkReqIdFieldEvent {
    field: '$.reqId'
    value: number
  }

  export interface JoinOkPredIdFieldEvent {
    field: '$.pred.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface JoinOkPredRingFieldEvent {
    field: '$.pred.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface JoinOkPredAddrsFieldEvent {
    field: '$.pred.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface JoinOkSuccListIdFieldEvent {
    field: '$.succList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface JoinOkSuccListRingFieldEvent {
    field: '$.succList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface JoinOkSuccListAddrsFieldEvent {
    field: '$.succList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface JoinOkFingersIdFieldEvent {
    field: '$.fingers[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface JoinOkFingersRingFieldEvent {
    field: '$.fingers[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface JoinOkFingersAddrsFieldEvent {
    field: '$.fingers[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<JoinOk>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, JoinOk.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<JoinOk>): JoinOk {
    return decodeMessage(buf, JoinOk.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<JoinOk>): Generator<JoinOkReqIdFieldEvent | JoinOkPredIdFieldEvent | JoinOkPredRingFieldEvent | JoinOkPredAddrsFieldEvent | JoinOkSuccListIdFieldEvent | JoinOkSuccListRingFieldEvent | JoinOkSuccListAddrsFieldEvent | JoinOkFingersIdFieldEvent | JoinOkFingersRingFieldEvent | JoinOkFingersAddrsFieldEvent> {
    return streamMessage(buf, JoinOk.codec(), opts)
  }
}

export interface JoinReject {
  reqId: number
  reason: JoinReject.Reason
}

export namespace JoinReject {
  export enum Reason {
    ID_COLLISION = 'ID_COLLISION',
    NOT_MEMBER = 'NOT_MEMBER'
  }

  enum __ReasonValues {
    ID_COLLISION = 0,
    NOT_MEMBER = 1
  }

  export namespace Reason {
    export const codec = (): Codec<Reason> => {
      return enumeration<Reason>(__ReasonValues)
    }
  }

  let _codec: Codec<JoinReject>

  export const codec = (): Codec<JoinReject> => {
    if (_codec == null) {
      _codec = message<JoinReject>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.reqId != null && obj.reqId !== 0)) {
          w.uint32(8)
          w.uint32(obj.reqId)
        }

        if (obj.reason != null && __ReasonValues[obj.reason] !== 0) {
          w.uint32(16)
          JoinReject.Reason.codec().encode(obj.reason, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          reqId: 0,
          reason: Reason.ID_COLLISION
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.reqId = reader.uint32()
              break
            }
            case 2: {
              obj.reason = JoinReject.Reason.codec().decode(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.reqId`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.reason`,
                value: JoinReject.Reason.codec().decode(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface JoinRejectReqIdFieldEvent {
    field: '$.reqId'
    value: number
  }

  export interface JoinRejectReasonFieldEvent {
    field: '$.reason'
    value: JoinReject.Reason
  }

  export function encode (obj: Partial<JoinReject>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, JoinReject.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<JoinReject>): JoinReject {
    return decodeMessage(buf, JoinReject.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<JoinReject>): Generator<JoinRejectReqIdFieldEvent | JoinRejectReasonFieldEvent> {
    return streamMessage(buf, JoinReject.codec(), opts)
  }
}

export interface Leave {
  predList: Peer[]
  succList: Peer[]
}

export namespace Leave {
  let _codec: Codec<Leave>

  export const codec = (): Codec<Leave> => {
    if (_codec == null) {
      _codec = message<Leave>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.predList != null && obj.predList.length > 0) {
          for (const value of obj.predList) {
            w.uint32(10)
            Peer.codec().encode(value, w)
          }
        }

        if (obj.succList != null && obj.succList.length > 0) {
          for (const value of obj.succList) {
            w.uint32(18)
            Peer.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          predList: [],
          succList: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.predList != null && obj.predList.length === opts.limits.predList) {
                throw new MaxLengthError('Decode error - repeated field "predList" had too many elements')
              }

              obj.predList.push(Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.predList$
              }))
              break
            }
            case 2: {
              if (opts.limits?.succList != null && obj.succList.length === opts.limits.succList) {
                throw new MaxLengthError('Decode error - repeated field "succList" had too many elements')
              }

              obj.succList.push(Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.succList$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          predList: 0,
          succList: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.predList != null && obj.predList === opts.limits.predList) {
                throw new MaxLengthError('Streaming decode error - repeated field "predList" had too many elements')
              }

              for (const evt of Peer.codec().stream(reader, reader.uint32(), `${prefix}.predList[]`, {
                limits: opts.limits?.predList$
              })) {
                yield {
                  ...evt,
                  index: obj.predList
                }
              }

              obj.predList++

              break
            }
            case 2: {
              if (opts.limits?.succList != null && obj.succList === opts.limits.succList) {
                throw new MaxLengthError('Streaming decode error - repeated field "succList" had too many elements')
              }

              for (const evt of Peer.codec().stream(reader, reader.uint32(), `${prefix}.succList[]`, {
                limits: opts.limits?.succList$
              })) {
                yield {
                  ...evt,
                  index: obj.succList
                }
              }

              obj.succList++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface LeavePredListIdFieldEvent {
    field: '$.predList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface LeavePredListRingFieldEvent {
    field: '$.predList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface LeavePredListAddrsFieldEvent {
    field: '$.predList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface LeaveSuccListIdFieldEvent {
    field: '$.succList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface LeaveSuccListRingFieldEvent {
    field: '$.succList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface LeaveSuccListAddrsFieldEvent {
    field: '$.succList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Leave>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Leave.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Leave>): Leave {
    return decodeMessage(buf, Leave.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Leave>): Generator<LeavePredListIdFieldEvent | LeavePredListRingFieldEvent | LeavePredListAddrsFieldEvent | LeaveSuccListIdFieldEvent | LeaveSuccListRingFieldEvent | LeaveSuccListAddrsFieldEvent> {
    return streamMessage(buf, Leave.codec(), opts)
  }
}

export interface LeaveAck {}

export namespace LeaveAck {
  let _codec: Codec<LeaveAck>

  export const codec = (): Codec<LeaveAck> => {
    if (_codec == null) {
      _codec = message<LeaveAck>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export function encode (obj: Partial<LeaveAck>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, LeaveAck.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeaveAck>): LeaveAck {
    return decodeMessage(buf, LeaveAck.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeaveAck>): Generator<{}> {
    return streamMessage(buf, LeaveAck.codec(), opts)
  }
}

export interface Correction {
  slot: Uint8Array<ArrayBuffer>
  node?: Peer
}

export namespace Correction {
  let _codec: Codec<Correction>

  export const codec = (): Codec<Correction> => {
    if (_codec == null) {
      _codec = message<Correction>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.slot != null && obj.slot.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.slot)
        }

        if (obj.node != null) {
          w.uint32(18)
          Peer.codec().encode(obj.node, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          slot: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.slot = reader.bytes()
              break
            }
            case 2: {
              obj.node = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.node
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.slot`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.node`, {
                limits: opts.limits?.node
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface CorrectionSlotFieldEvent {
    field: '$.slot'
    value: Uint8Array<ArrayBuffer>
  }

  export interface CorrectionNodeIdFieldEvent {
    field: '$.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface CorrectionNodeRingFieldEvent {
    field: '$.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface CorrectionNodeAddrsFieldEvent {
    field: '$.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Correction>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Correction.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Correction>): Correction {
    return decodeMessage(buf, Correction.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Correction>): Generator<CorrectionSlotFieldEvent | CorrectionNodeIdFieldEvent | CorrectionNodeRingFieldEvent | CorrectionNodeAddrsFieldEvent> {
    return streamMessage(buf, Correction.codec(), opts)
  }
}

export interface FingerQuery {
  qid: number
  starts: Uint8Array<ArrayBuffer>[]
}

export namespace FingerQuery {
  let _codec: Codec<FingerQuery>

  export const codec = (): Codec<FingerQuery> => {
    if (_codec == null) {
      _codec = message<FingerQuery>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.qid != null && obj.qid !== 0)) {
          w.uint32(8)
          w.uint32(obj.qid)
        }

        if (obj.starts != null && obj.starts.length > 0) {
          for (const value of obj.starts) {
            w.uint32(18)
            w.bytes(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          qid: 0,
          starts: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.qid = reader.uint32()
              break
            }
            case 2: {
              if (opts.limits?.starts != null && obj.starts.length === opts.limits.starts) {
                throw new MaxLengthError('Decode error - repeated field "starts" had too many elements')
              }

              obj.starts.push(reader.bytes())
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          starts: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.qid`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              if (opts.limits?.starts != null && obj.starts === opts.limits.starts) {
                throw new MaxLengthError('Streaming decode error - repeated field "starts" had too many elements')
              }

              yield {
                field: `${prefix}.starts[]`,
                index: obj.starts,
                value: reader.bytes()
              }

              obj.starts++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface FingerQueryQidFieldEvent {
    field: '$.qid'
    value: number
  }

  export interface FingerQueryStartsFieldEvent {
    field: '$.starts[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<FingerQuery>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, FingerQuery.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FingerQuery>): FingerQuery {
    return decodeMessage(buf, FingerQuery.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FingerQuery>): Generator<FingerQueryQidFieldEvent | FingerQueryStartsFieldEvent> {
    return streamMessage(buf, FingerQuery.codec(), opts)
  }
}

export interface FingerAnswer {
  qid: number
  nodes: Peer[]
  extra: Peer[]
}

export namespace FingerAnswer {
  let _codec: Codec<FingerAnswer>

  export const codec = (): Codec<FingerAnswer> => {
    if (_codec == null) {
      _codec = message<FingerAnswer>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.qid != null && obj.qid !== 0)) {
          w.uint32(8)
          w.uint32(obj.qid)
        }

        if (obj.nodes != null && obj.nodes.length > 0) {
          for (const value of obj.nodes) {
            w.uint32(18)
            Peer.codec().encode(value, w)
          }
        }

        if (obj.extra != null && obj.extra.length > 0) {
          for (const value of obj.extra) {
            w.uint32(26)
            Peer.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          qid: 0,
          nodes: [],
          extra: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.qid = reader.uint32()
              break
            }
            case 2: {
              if (opts.limits?.nodes != null && obj.nodes.length === opts.limits.nodes) {
                throw new MaxLengthError('Decode error - repeated field "nodes" had too many elements')
              }

              obj.nodes.push(Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.nodes$
              }))
              break
            }
            case 3: {
              if (opts.limits?.extra != null && obj.extra.length === opts.limits.extra) {
                throw new MaxLengthError('Decode error - repeated field "extra" had too many elements')
              }

              obj.extra.push(Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.extra$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          nodes: 0,
          extra: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.qid`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              if (opts.limits?.nodes != null && obj.nodes === opts.limits.nodes) {
                throw new MaxLengthError('Streaming decode error - repeated field "nodes" had too many elements')
              }

              for (const evt of Peer.codec().stream(reader, reader.uint32(), `${prefix}.nodes[]`, {
                limits: opts.limits?.nodes$
              })) {
                yield {
                  ...evt,
                  index: obj.nodes
                }
              }

              obj.nodes++

              break
            }
            case 3: {
              if (opts.limits?.extra != null && obj.extra === opts.limits.extra) {
                throw new MaxLengthError('Streaming decode error - repeated field "extra" had too many elements')
              }

              for (const evt of Peer.codec().stream(reader, reader.uint32(), `${prefix}.extra[]`, {
                limits: opts.limits?.extra$
              })) {
                yield {
                  ...evt,
                  index: obj.extra
                }
              }

              obj.extra++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface FingerAnswerQidFieldEvent {
    field: '$.qid'
    value: number
  }

  export interface FingerAnswerNodesIdFieldEvent {
    field: '$.nodes[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface FingerAnswerNodesRingFieldEvent {
    field: '$.nodes[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface FingerAnswerNodesAddrsFieldEvent {
    field: '$.nodes[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface FingerAnswerExtraIdFieldEvent {
    field: '$.extra[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface FingerAnswerExtraRingFieldEvent {
    field: '$.extra[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface FingerAnswerExtraAddrsFieldEvent {
    field: '$.extra[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<FingerAnswer>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, FingerAnswer.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FingerAnswer>): FingerAnswer {
    return decodeMessage(buf, FingerAnswer.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FingerAnswer>): Generator<FingerAnswerQidFieldEvent | FingerAnswerNodesIdFieldEvent | FingerAnswerNodesRingFieldEvent | FingerAnswerNodesAddrsFieldEvent | FingerAnswerExtraIdFieldEvent | FingerAnswerExtraRingFieldEvent | FingerAnswerExtraAddrsFieldEvent> {
    return streamMessage(buf, FingerAnswer.codec(), opts)
  }
}

export interface Probe {
  seq: number
}

export namespace Probe {
  let _codec: Codec<Probe>

  export const codec = (): Codec<Probe> => {
    if (_codec == null) {
      _codec = message<Probe>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(8)
          w.uint32(obj.seq)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          seq: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.seq = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.seq`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ProbeSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export function encode (obj: Partial<Probe>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Probe.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Probe>): Probe {
    return decodeMessage(buf, Probe.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Probe>): Generator<ProbeSeqFieldEvent> {
    return streamMessage(buf, Probe.codec(), opts)
  }
}

export interface ProbeAck {
  seq: number
}

export namespace ProbeAck {
  let _codec: Codec<ProbeAck>

  export const codec = (): Codec<ProbeAck> => {
    if (_codec == null) {
      _codec = message<ProbeAck>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.seq != null && obj.seq !== 0)) {
          w.uint32(8)
          w.uint32(obj.seq)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          seq: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.seq = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.seq`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ProbeAckSeqFieldEvent {
    field: '$.seq'
    value: number
  }

  export function encode (obj: Partial<ProbeAck>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ProbeAck.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProbeAck>): ProbeAck {
    return decodeMessage(buf, ProbeAck.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProbeAck>): Generator<ProbeAckSeqFieldEvent> {
    return streamMessage(buf, ProbeAck.codec(), opts)
  }
}

export interface MergeReq {
  node?: Peer
}

export namespace MergeReq {
  let _codec: Codec<MergeReq>

  export const codec = (): Codec<MergeReq> => {
    if (_codec == null) {
      _codec = message<MergeReq>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.node != null) {
          w.uint32(10)
          Peer.codec().encode(obj.node, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.node = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.node
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.node`, {
                limits: opts.limits?.node
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface MergeReqNodeIdFieldEvent {
    field: '$.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface MergeReqNodeRingFieldEvent {
    field: '$.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface MergeReqNodeAddrsFieldEvent {
    field: '$.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<MergeReq>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, MergeReq.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MergeReq>): MergeReq {
    return decodeMessage(buf, MergeReq.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MergeReq>): Generator<MergeReqNodeIdFieldEvent | MergeReqNodeRingFieldEvent | MergeReqNodeAddrsFieldEvent> {
    return streamMessage(buf, MergeReq.codec(), opts)
  }
}

export interface TopologyEvent {
  kind: TopologyEvent.Kind
  node?: Peer
  pred: Uint8Array<ArrayBuffer>
  replacement?: Peer
}

export namespace TopologyEvent {
  export enum Kind {
    JOIN = 'JOIN',
    LEAVE = 'LEAVE',
    FAIL = 'FAIL'
  }

  enum __KindValues {
    JOIN = 0,
    LEAVE = 1,
    FAIL = 2
  }

  export namespace Kind {
    export const codec = (): Codec<Kind> => {
      return enumeration<Kind>(__KindValues)
    }
  }

  let _codec: Codec<TopologyEvent>

  export const codec = (): Codec<TopologyEvent> => {
    if (_codec == null) {
      _codec = message<TopologyEvent>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.kind != null && __KindValues[obj.kind] !== 0) {
          w.uint32(8)
          TopologyEvent.Kind.codec().encode(obj.kind, w)
        }

        if (obj.node != null) {
          w.uint32(18)
          Peer.codec().encode(obj.node, w)
        }

        if ((obj.pred != null && obj.pred.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.pred)
        }

        if (obj.replacement != null) {
          w.uint32(34)
          Peer.codec().encode(obj.replacement, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          kind: Kind.JOIN,
          pred: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.kind = TopologyEvent.Kind.codec().decode(reader)
              break
            }
            case 2: {
              obj.node = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.node
              })
              break
            }
            case 3: {
              obj.pred = reader.bytes()
              break
            }
            case 4: {
              obj.replacement = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.replacement
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.kind`,
                value: TopologyEvent.Kind.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.node`, {
                limits: opts.limits?.node
              })

              break
            }
            case 3: {
              yield {
                field: `${prefix}.pred`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.replacement`, {
                limits: opts.limits?.replacement
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TopologyEventKindFieldEvent {
    field: '$.kind'
    value: TopologyEvent.Kind
  }

  export interface TopologyEventNodeIdFieldEvent {
    field: '$.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TopologyEventNodeRingFieldEvent {
    field: '$.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TopologyEventNodeAddrsFieldEvent {
    field: '$.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface TopologyEventPredFieldEvent {
    field: '$.pred'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TopologyEventReplacementIdFieldEvent {
    field: '$.replacement.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TopologyEventReplacementRingFieldEvent {
    field: '$.replacement.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TopologyEventReplacementAddrsFieldEvent {
    field: '$.replacement.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<TopologyEvent>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TopologyEvent.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TopologyEvent>): TopologyEvent {
    return decodeMessage(buf, TopologyEvent.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TopologyEvent>): Generator<TopologyEventKindFieldEvent | TopologyEventNodeIdFieldEvent | TopologyEventNodeRingFieldEvent | TopologyEventNodeAddrsFieldEvent | TopologyEventPredFieldEvent | TopologyEventReplacementIdFieldEvent | TopologyEventReplacementRingFieldEvent | TopologyEventReplacementAddrsFieldEvent> {
    return streamMessage(buf, TopologyEvent.codec(), opts)
  }
}

export interface Cast {
  hop: number
  origin?: Peer
  castId: number
  arcs: Arc[]
  limit: Uint8Array<ArrayBuffer>
  events: TopologyEvent[]
  data?: Uint8Array<ArrayBuffer>
}

export namespace Cast {
  let _codec: Codec<Cast>

  export const codec = (): Codec<Cast> => {
    if (_codec == null) {
      _codec = message<Cast>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.hop != null && obj.hop !== 0)) {
          w.uint32(8)
          w.uint32(obj.hop)
        }

        if (obj.origin != null) {
          w.uint32(18)
          Peer.codec().encode(obj.origin, w)
        }

        if ((obj.castId != null && obj.castId !== 0)) {
          w.uint32(24)
          w.uint32(obj.castId)
        }

        if (obj.arcs != null && obj.arcs.length > 0) {
          for (const value of obj.arcs) {
            w.uint32(34)
            Arc.codec().encode(value, w)
          }
        }

        if ((obj.limit != null && obj.limit.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.limit)
        }

        if (obj.events != null && obj.events.length > 0) {
          for (const value of obj.events) {
            w.uint32(50)
            TopologyEvent.codec().encode(value, w)
          }
        }

        if (obj.data != null) {
          w.uint32(58)
          w.bytes(obj.data)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          hop: 0,
          castId: 0,
          arcs: [],
          limit: uint8ArrayAlloc(0),
          events: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.hop = reader.uint32()
              break
            }
            case 2: {
              obj.origin = Peer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.origin
              })
              break
            }
            case 3: {
              obj.castId = reader.uint32()
              break
            }
            case 4: {
              if (opts.limits?.arcs != null && obj.arcs.length === opts.limits.arcs) {
                throw new MaxLengthError('Decode error - repeated field "arcs" had too many elements')
              }

              obj.arcs.push(Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.arcs$
              }))
              break
            }
            case 5: {
              obj.limit = reader.bytes()
              break
            }
            case 6: {
              if (opts.limits?.events != null && obj.events.length === opts.limits.events) {
                throw new MaxLengthError('Decode error - repeated field "events" had too many elements')
              }

              obj.events.push(TopologyEvent.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.events$
              }))
              break
            }
            case 7: {
              obj.data = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          arcs: 0,
          events: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.hop`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield * Peer.codec().stream(reader, reader.uint32(), `${prefix}.origin`, {
                limits: opts.limits?.origin
              })

              break
            }
            case 3: {
              yield {
                field: `${prefix}.castId`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              if (opts.limits?.arcs != null && obj.arcs === opts.limits.arcs) {
                throw new MaxLengthError('Streaming decode error - repeated field "arcs" had too many elements')
              }

              for (const evt of Arc.codec().stream(reader, reader.uint32(), `${prefix}.arcs[]`, {
                limits: opts.limits?.arcs$
              })) {
                yield {
                  ...evt,
                  index: obj.arcs
                }
              }

              obj.arcs++

              break
            }
            case 5: {
              yield {
                field: `${prefix}.limit`,
                value: reader.bytes()
              }
              break
            }
            case 6: {
              if (opts.limits?.events != null && obj.events === opts.limits.events) {
                throw new MaxLengthError('Streaming decode error - repeated field "events" had too many elements')
              }

              for (const evt of TopologyEvent.codec().stream(reader, reader.uint32(), `${prefix}.events[]`, {
                limits: opts.limits?.events$
              })) {
                yield {
                  ...evt,
                  index: obj.events
                }
              }

              obj.events++

              break
            }
            case 7: {
              yield {
                field: `${prefix}.data`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface CastHopFieldEvent {
    field: '$.hop'
    value: number
  }

  export interface CastOriginIdFieldEvent {
    field: '$.origin.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface CastOriginRingFieldEvent {
    field: '$.origin.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface CastOriginAddrsFieldEvent {
    field: '$.origin.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface CastCastIdFieldEvent {
    field: '$.castId'
    value: number
  }

  export interface CastArcsLoFieldEvent {
    field: '$.arcs[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface CastArcsHiFieldEvent {
    field: '$.arcs[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface CastLimitFieldEvent {
    field: '$.limit'
    value: Uint8Array<ArrayBuffer>
  }

  export interface CastEventsKindFieldEvent {
    field: '$.events[].kind'
    value: TopologyEvent.Kind
    index: number
  }

  export interface CastEventsNodeIdFieldEvent {
    field: '$.events[].node.id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface CastEventsNodeRingFieldEvent {
    field: '$.events[].node.ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface CastEventsNodeAddrsFieldEvent {
    field: '$.events[].node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface CastEventsPredFieldEvent {
    field: '$.events[].pred'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface CastEventsReplacementIdFieldEvent {
    field: '$.events[].replacement.id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface CastEventsReplacementRingFieldEvent {
    field: '$.events[].replacement.ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface CastEventsReplacementAddrsFieldEvent {
    field: '$.events[].replacement.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface CastDataFieldEvent {
    field: '$.data'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Cast>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Cast.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Cast>): Cast {
    return decodeMessage(buf, Cast.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Cast>): Generator<CastHopFieldEvent | CastOriginIdFieldEvent | CastOriginRingFieldEvent | CastOriginAddrsFieldEvent | CastCastIdFieldEvent | CastArcsLoFieldEvent | CastArcsHiFieldEvent | CastLimitFieldEvent | CastEventsKindFieldEvent | CastEventsNodeIdFieldEvent | CastEventsNodeRingFieldEvent | CastEventsNodeAddrsFieldEvent | CastEventsPredFieldEvent | CastEventsReplacementIdFieldEvent | CastEventsReplacementRingFieldEvent | CastEventsReplacementAddrsFieldEvent | CastDataFieldEvent> {
    return streamMessage(buf, Cast.codec(), opts)
  }
}

export interface RingMessage {
  route?: Route
  ack?: Ack
  lookupReply?: LookupReply
  ping?: Ping
  pong?: Pong
  hint?: Hint
  joinOk?: JoinOk
  joinReject?: JoinReject
  leave?: Leave
  leaveAck?: LeaveAck
  correction?: Correction
  fingerQuery?: FingerQuery
  fingerAnswer?: FingerAnswer
  probe?: Probe
  probeAck?: ProbeAck
  mergeReq?: MergeReq
  cast?: Cast
}

export namespace RingMessage {
  let _codec: Codec<RingMessage>

  export const codec = (): Codec<RingMessage> => {
    if (_codec == null) {
      _codec = message<RingMessage>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        obj = { ...obj }

        if (obj.cast != null) {
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.mergeReq != null) {
          obj.cast = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.probeAck != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.probe != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.fingerAnswer != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.fingerQuery != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.correction != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.leaveAck != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.leave != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.joinReject != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.joinOk != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.hint != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.pong != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.ping != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.lookupReply != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.ack = undefined
          obj.route = undefined
        }

        if (obj.ack != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.route = undefined
        }

        if (obj.route != null) {
          obj.cast = undefined
          obj.mergeReq = undefined
          obj.probeAck = undefined
          obj.probe = undefined
          obj.fingerAnswer = undefined
          obj.fingerQuery = undefined
          obj.correction = undefined
          obj.leaveAck = undefined
          obj.leave = undefined
          obj.joinReject = undefined
          obj.joinOk = undefined
          obj.hint = undefined
          obj.pong = undefined
          obj.ping = undefined
          obj.lookupReply = undefined
          obj.ack = undefined
        }

        if (obj.route != null) {
          w.uint32(10)
          Route.codec().encode(obj.route, w)
        }

        if (obj.ack != null) {
          w.uint32(18)
          Ack.codec().encode(obj.ack, w)
        }

        if (obj.lookupReply != null) {
          w.uint32(26)
          LookupReply.codec().encode(obj.lookupReply, w)
        }

        if (obj.ping != null) {
          w.uint32(34)
          Ping.codec().encode(obj.ping, w)
        }

        if (obj.pong != null) {
          w.uint32(42)
          Pong.codec().encode(obj.pong, w)
        }

        if (obj.hint != null) {
          w.uint32(50)
          Hint.codec().encode(obj.hint, w)
        }

        if (obj.joinOk != null) {
          w.uint32(58)
          JoinOk.codec().encode(obj.joinOk, w)
        }

        if (obj.joinReject != null) {
          w.uint32(66)
          JoinReject.codec().encode(obj.joinReject, w)
        }

        if (obj.leave != null) {
          w.uint32(74)
          Leave.codec().encode(obj.leave, w)
        }

        if (obj.leaveAck != null) {
          w.uint32(82)
          LeaveAck.codec().encode(obj.leaveAck, w)
        }

        if (obj.correction != null) {
          w.uint32(90)
          Correction.codec().encode(obj.correction, w)
        }

        if (obj.fingerQuery != null) {
          w.uint32(98)
          FingerQuery.codec().encode(obj.fingerQuery, w)
        }

        if (obj.fingerAnswer != null) {
          w.uint32(106)
          FingerAnswer.codec().encode(obj.fingerAnswer, w)
        }

        if (obj.probe != null) {
          w.uint32(114)
          Probe.codec().encode(obj.probe, w)
        }

        if (obj.probeAck != null) {
          w.uint32(122)
          ProbeAck.codec().encode(obj.probeAck, w)
        }

        if (obj.mergeReq != null) {
          w.uint32(130)
          MergeReq.codec().encode(obj.mergeReq, w)
        }

        if (obj.cast != null) {
          w.uint32(138)
          Cast.codec().encode(obj.cast, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.route = Route.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.route
              })
              break
            }
            case 2: {
              obj.ack = Ack.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ack
              })
              break
            }
            case 3: {
              obj.lookupReply = LookupReply.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.lookupReply
              })
              break
            }
            case 4: {
              obj.ping = Ping.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ping
              })
              break
            }
            case 5: {
              obj.pong = Pong.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.pong
              })
              break
            }
            case 6: {
              obj.hint = Hint.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.hint
              })
              break
            }
            case 7: {
              obj.joinOk = JoinOk.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.joinOk
              })
              break
            }
            case 8: {
              obj.joinReject = JoinReject.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.joinReject
              })
              break
            }
            case 9: {
              obj.leave = Leave.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.leave
              })
              break
            }
            case 10: {
              obj.leaveAck = LeaveAck.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.leaveAck
              })
              break
            }
            case 11: {
              obj.correction = Correction.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.correction
              })
              break
            }
            case 12: {
              obj.fingerQuery = FingerQuery.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.fingerQuery
              })
              break
            }
            case 13: {
              obj.fingerAnswer = FingerAnswer.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.fingerAnswer
              })
              break
            }
            case 14: {
              obj.probe = Probe.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.probe
              })
              break
            }
            case 15: {
              obj.probeAck = ProbeAck.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.probeAck
              })
              break
            }
            case 16: {
              obj.mergeReq = MergeReq.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.mergeReq
              })
              break
            }
            case 17: {
              obj.cast = Cast.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.cast
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        if (obj.cast != null) {
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.mergeReq != null) {
          delete obj.cast
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.probeAck != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.probe != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.fingerAnswer != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.fingerQuery != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.correction != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.leaveAck != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.leave != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.joinReject != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.joinOk != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.hint != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.pong != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.ping != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.lookupReply
          delete obj.ack
          delete obj.route
        }

        if (obj.lookupReply != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.ack
          delete obj.route
        }

        if (obj.ack != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.route
        }

        if (obj.route != null) {
          delete obj.cast
          delete obj.mergeReq
          delete obj.probeAck
          delete obj.probe
          delete obj.fingerAnswer
          delete obj.fingerQuery
          delete obj.correction
          delete obj.leaveAck
          delete obj.leave
          delete obj.joinReject
          delete obj.joinOk
          delete obj.hint
          delete obj.pong
          delete obj.ping
          delete obj.lookupReply
          delete obj.ack
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * Route.codec().stream(reader, reader.uint32(), `${prefix}.route`, {
                limits: opts.limits?.route
              })

              break
            }
            case 2: {
              yield * Ack.codec().stream(reader, reader.uint32(), `${prefix}.ack`, {
                limits: opts.limits?.ack
              })

              break
            }
            case 3: {
              yield * LookupReply.codec().stream(reader, reader.uint32(), `${prefix}.lookupReply`, {
                limits: opts.limits?.lookupReply
              })

              break
            }
            case 4: {
              yield * Ping.codec().stream(reader, reader.uint32(), `${prefix}.ping`, {
                limits: opts.limits?.ping
              })

              break
            }
            case 5: {
              yield * Pong.codec().stream(reader, reader.uint32(), `${prefix}.pong`, {
                limits: opts.limits?.pong
              })

              break
            }
            case 6: {
              yield * Hint.codec().stream(reader, reader.uint32(), `${prefix}.hint`, {
                limits: opts.limits?.hint
              })

              break
            }
            case 7: {
              yield * JoinOk.codec().stream(reader, reader.uint32(), `${prefix}.joinOk`, {
                limits: opts.limits?.joinOk
              })

              break
            }
            case 8: {
              yield * JoinReject.codec().stream(reader, reader.uint32(), `${prefix}.joinReject`, {
                limits: opts.limits?.joinReject
              })

              break
            }
            case 9: {
              yield * Leave.codec().stream(reader, reader.uint32(), `${prefix}.leave`, {
                limits: opts.limits?.leave
              })

              break
            }
            case 10: {
              yield * LeaveAck.codec().stream(reader, reader.uint32(), `${prefix}.leaveAck`, {
                limits: opts.limits?.leaveAck
              })

              break
            }
            case 11: {
              yield * Correction.codec().stream(reader, reader.uint32(), `${prefix}.correction`, {
                limits: opts.limits?.correction
              })

              break
            }
            case 12: {
              yield * FingerQuery.codec().stream(reader, reader.uint32(), `${prefix}.fingerQuery`, {
                limits: opts.limits?.fingerQuery
              })

              break
            }
            case 13: {
              yield * FingerAnswer.codec().stream(reader, reader.uint32(), `${prefix}.fingerAnswer`, {
                limits: opts.limits?.fingerAnswer
              })

              break
            }
            case 14: {
              yield * Probe.codec().stream(reader, reader.uint32(), `${prefix}.probe`, {
                limits: opts.limits?.probe
              })

              break
            }
            case 15: {
              yield * ProbeAck.codec().stream(reader, reader.uint32(), `${prefix}.probeAck`, {
                limits: opts.limits?.probeAck
              })

              break
            }
            case 16: {
              yield * MergeReq.codec().stream(reader, reader.uint32(), `${prefix}.mergeReq`, {
                limits: opts.limits?.mergeReq
              })

              break
            }
            case 17: {
              yield * Cast.codec().stream(reader, reader.uint32(), `${prefix}.cast`, {
                limits: opts.limits?.cast
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface RingMessageRouteHopFieldEvent {
    field: '$.route.hop'
    value: number
  }

  export interface RingMessageRouteKindFieldEvent {
    field: '$.route.kind'
    value: Route.Kind
  }

  export interface RingMessageRouteKeyFieldEvent {
    field: '$.route.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRouteOriginIdFieldEvent {
    field: '$.route.origin.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRouteOriginRingFieldEvent {
    field: '$.route.origin.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRouteOriginAddrsFieldEvent {
    field: '$.route.origin.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRouteReqIdFieldEvent {
    field: '$.route.reqId'
    value: number
  }

  export interface RingMessageRouteHopsFieldEvent {
    field: '$.route.hops'
    value: number
  }

  export interface RingMessageRouteTtlFieldEvent {
    field: '$.route.ttl'
    value: number
  }

  export interface RingMessageRoutePhaseFieldEvent {
    field: '$.route.phase'
    value: number
  }

  export interface RingMessageRouteFinalFieldEvent {
    field: '$.route.final'
    value: boolean
  }

  export interface RingMessageRouteSlotFieldEvent {
    field: '$.route.slot'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRouteNodeIdFieldEvent {
    field: '$.route.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRouteNodeRingFieldEvent {
    field: '$.route.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRouteNodeAddrsFieldEvent {
    field: '$.route.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRoutePayloadFieldEvent {
    field: '$.route.payload'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageRouteWantReplyFieldEvent {
    field: '$.route.wantReply'
    value: boolean
  }

  export interface RingMessageAckHopFieldEvent {
    field: '$.ack.hop'
    value: number
  }

  export interface RingMessageLookupReplyReqIdFieldEvent {
    field: '$.lookupReply.reqId'
    value: number
  }

  export interface RingMessageLookupReplyOwnerIdFieldEvent {
    field: '$.lookupReply.owner.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageLookupReplyOwnerRingFieldEvent {
    field: '$.lookupReply.owner.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageLookupReplyOwnerAddrsFieldEvent {
    field: '$.lookupReply.owner.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageLookupReplyHopsFieldEvent {
    field: '$.lookupReply.hops'
    value: number
  }

  export interface RingMessageLookupReplyPayloadFieldEvent {
    field: '$.lookupReply.payload'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessagePingSeqFieldEvent {
    field: '$.ping.seq'
    value: number
  }

  export interface RingMessagePingPredListIdFieldEvent {
    field: '$.ping.predList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessagePingPredListRingFieldEvent {
    field: '$.ping.predList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessagePingPredListAddrsFieldEvent {
    field: '$.ping.predList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessagePongSeqFieldEvent {
    field: '$.pong.seq'
    value: number
  }

  export interface RingMessagePongPredIdFieldEvent {
    field: '$.pong.pred.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessagePongPredRingFieldEvent {
    field: '$.pong.pred.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessagePongPredAddrsFieldEvent {
    field: '$.pong.pred.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessagePongSuccListIdFieldEvent {
    field: '$.pong.succList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessagePongSuccListRingFieldEvent {
    field: '$.pong.succList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessagePongSuccListAddrsFieldEvent {
    field: '$.pong.succList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageHintNodeIdFieldEvent {
    field: '$.hint.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageHintNodeRingFieldEvent {
    field: '$.hint.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageHintNodeAddrsFieldEvent {
    field: '$.hint.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageJoinOkReqIdFieldEvent {
    field: '$.joinOk.reqId'
    value: number
  }

  export interface RingMessageJoinOkPredIdFieldEvent {
    field: '$.joinOk.pred.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageJoinOkPredRingFieldEvent {
    field: '$.joinOk.pred.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageJoinOkPredAddrsFieldEvent {
    field: '$.joinOk.pred.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageJoinOkSuccListIdFieldEvent {
    field: '$.joinOk.succList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageJoinOkSuccListRingFieldEvent {
    field: '$.joinOk.succList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageJoinOkSuccListAddrsFieldEvent {
    field: '$.joinOk.succList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageJoinOkFingersIdFieldEvent {
    field: '$.joinOk.fingers[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageJoinOkFingersRingFieldEvent {
    field: '$.joinOk.fingers[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageJoinOkFingersAddrsFieldEvent {
    field: '$.joinOk.fingers[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageJoinRejectReqIdFieldEvent {
    field: '$.joinReject.reqId'
    value: number
  }

  export interface RingMessageJoinRejectReasonFieldEvent {
    field: '$.joinReject.reason'
    value: JoinReject.Reason
  }

  export interface RingMessageLeavePredListIdFieldEvent {
    field: '$.leave.predList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageLeavePredListRingFieldEvent {
    field: '$.leave.predList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageLeavePredListAddrsFieldEvent {
    field: '$.leave.predList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageLeaveSuccListIdFieldEvent {
    field: '$.leave.succList[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageLeaveSuccListRingFieldEvent {
    field: '$.leave.succList[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageLeaveSuccListAddrsFieldEvent {
    field: '$.leave.succList[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCorrectionSlotFieldEvent {
    field: '$.correction.slot'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCorrectionNodeIdFieldEvent {
    field: '$.correction.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCorrectionNodeRingFieldEvent {
    field: '$.correction.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCorrectionNodeAddrsFieldEvent {
    field: '$.correction.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageFingerQueryQidFieldEvent {
    field: '$.fingerQuery.qid'
    value: number
  }

  export interface RingMessageFingerQueryStartsFieldEvent {
    field: '$.fingerQuery.starts[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageFingerAnswerQidFieldEvent {
    field: '$.fingerAnswer.qid'
    value: number
  }

  export interface RingMessageFingerAnswerNodesIdFieldEvent {
    field: '$.fingerAnswer.nodes[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageFingerAnswerNodesRingFieldEvent {
    field: '$.fingerAnswer.nodes[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageFingerAnswerNodesAddrsFieldEvent {
    field: '$.fingerAnswer.nodes[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageFingerAnswerExtraIdFieldEvent {
    field: '$.fingerAnswer.extra[].id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageFingerAnswerExtraRingFieldEvent {
    field: '$.fingerAnswer.extra[].ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageFingerAnswerExtraAddrsFieldEvent {
    field: '$.fingerAnswer.extra[].addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageProbeSeqFieldEvent {
    field: '$.probe.seq'
    value: number
  }

  export interface RingMessageProbeAckSeqFieldEvent {
    field: '$.probeAck.seq'
    value: number
  }

  export interface RingMessageMergeReqNodeIdFieldEvent {
    field: '$.mergeReq.node.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageMergeReqNodeRingFieldEvent {
    field: '$.mergeReq.node.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageMergeReqNodeAddrsFieldEvent {
    field: '$.mergeReq.node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCastHopFieldEvent {
    field: '$.cast.hop'
    value: number
  }

  export interface RingMessageCastOriginIdFieldEvent {
    field: '$.cast.origin.id'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCastOriginRingFieldEvent {
    field: '$.cast.origin.ring'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCastOriginAddrsFieldEvent {
    field: '$.cast.origin.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCastCastIdFieldEvent {
    field: '$.cast.castId'
    value: number
  }

  export interface RingMessageCastArcsLoFieldEvent {
    field: '$.cast.arcs[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageCastArcsHiFieldEvent {
    field: '$.cast.arcs[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageCastLimitFieldEvent {
    field: '$.cast.limit'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCastEventsKindFieldEvent {
    field: '$.cast.events[].kind'
    value: TopologyEvent.Kind
    index: number
  }

  export interface RingMessageCastEventsNodeIdFieldEvent {
    field: '$.cast.events[].node.id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageCastEventsNodeRingFieldEvent {
    field: '$.cast.events[].node.ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageCastEventsNodeAddrsFieldEvent {
    field: '$.cast.events[].node.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCastEventsPredFieldEvent {
    field: '$.cast.events[].pred'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageCastEventsReplacementIdFieldEvent {
    field: '$.cast.events[].replacement.id'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageCastEventsReplacementRingFieldEvent {
    field: '$.cast.events[].replacement.ring'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RingMessageCastEventsReplacementAddrsFieldEvent {
    field: '$.cast.events[].replacement.addrs[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export interface RingMessageCastDataFieldEvent {
    field: '$.cast.data'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<RingMessage>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, RingMessage.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RingMessage>): RingMessage {
    return decodeMessage(buf, RingMessage.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RingMessage>): Generator<RingMessageRouteHopFieldEvent | RingMessageRouteKindFieldEvent | RingMessageRouteKeyFieldEvent | RingMessageRouteOriginIdFieldEvent | RingMessageRouteOriginRingFieldEvent | RingMessageRouteOriginAddrsFieldEvent | RingMessageRouteReqIdFieldEvent | RingMessageRouteHopsFieldEvent | RingMessageRouteTtlFieldEvent | RingMessageRoutePhaseFieldEvent | RingMessageRouteFinalFieldEvent | RingMessageRouteSlotFieldEvent | RingMessageRouteNodeIdFieldEvent | RingMessageRouteNodeRingFieldEvent | RingMessageRouteNodeAddrsFieldEvent | RingMessageRoutePayloadFieldEvent | RingMessageRouteWantReplyFieldEvent | RingMessageAckHopFieldEvent | RingMessageLookupReplyReqIdFieldEvent | RingMessageLookupReplyOwnerIdFieldEvent | RingMessageLookupReplyOwnerRingFieldEvent | RingMessageLookupReplyOwnerAddrsFieldEvent | RingMessageLookupReplyHopsFieldEvent | RingMessageLookupReplyPayloadFieldEvent | RingMessagePingSeqFieldEvent | RingMessagePingPredListIdFieldEvent | RingMessagePingPredListRingFieldEvent | RingMessagePingPredListAddrsFieldEvent | RingMessagePongSeqFieldEvent | RingMessagePongPredIdFieldEvent | RingMessagePongPredRingFieldEvent | RingMessagePongPredAddrsFieldEvent | RingMessagePongSuccListIdFieldEvent | RingMessagePongSuccListRingFieldEvent | RingMessagePongSuccListAddrsFieldEvent | RingMessageHintNodeIdFieldEvent | RingMessageHintNodeRingFieldEvent | RingMessageHintNodeAddrsFieldEvent | RingMessageJoinOkReqIdFieldEvent | RingMessageJoinOkPredIdFieldEvent | RingMessageJoinOkPredRingFieldEvent | RingMessageJoinOkPredAddrsFieldEvent | RingMessageJoinOkSuccListIdFieldEvent | RingMessageJoinOkSuccListRingFieldEvent | RingMessageJoinOkSuccListAddrsFieldEvent | RingMessageJoinOkFingersIdFieldEvent | RingMessageJoinOkFingersRingFieldEvent | RingMessageJoinOkFingersAddrsFieldEvent | RingMessageJoinRejectReqIdFieldEvent | RingMessageJoinRejectReasonFieldEvent | RingMessageLeavePredListIdFieldEvent | RingMessageLeavePredListRingFieldEvent | RingMessageLeavePredListAddrsFieldEvent | RingMessageLeaveSuccListIdFieldEvent | RingMessageLeaveSuccListRingFieldEvent | RingMessageLeaveSuccListAddrsFieldEvent | RingMessageCorrectionSlotFieldEvent | RingMessageCorrectionNodeIdFieldEvent | RingMessageCorrectionNodeRingFieldEvent | RingMessageCorrectionNodeAddrsFieldEvent | RingMessageFingerQueryQidFieldEvent | RingMessageFingerQueryStartsFieldEvent | RingMessageFingerAnswerQidFieldEvent | RingMessageFingerAnswerNodesIdFieldEvent | RingMessageFingerAnswerNodesRingFieldEvent | RingMessageFingerAnswerNodesAddrsFieldEvent | RingMessageFingerAnswerExtraIdFieldEvent | RingMessageFingerAnswerExtraRingFieldEvent | RingMessageFingerAnswerExtraAddrsFieldEvent | RingMessageProbeSeqFieldEvent | RingMessageProbeAckSeqFieldEvent | RingMessageMergeReqNodeIdFieldEvent | RingMessageMergeReqNodeRingFieldEvent | RingMessageMergeReqNodeAddrsFieldEvent | RingMessageCastHopFieldEvent | RingMessageCastOriginIdFieldEvent | RingMessageCastOriginRingFieldEvent | RingMessageCastOriginAddrsFieldEvent | RingMessageCastCastIdFieldEvent | RingMessageCastArcsLoFieldEvent | RingMessageCastArcsHiFieldEvent | RingMessageCastLimitFieldEvent | RingMessageCastEventsKindFieldEvent | RingMessageCastEventsNodeIdFieldEvent | RingMessageCastEventsNodeRingFieldEvent | RingMessageCastEventsNodeAddrsFieldEvent | RingMessageCastEventsPredFieldEvent | RingMessageCastEventsReplacementIdFieldEvent | RingMessageCastEventsReplacementRingFieldEvent | RingMessageCastEventsReplacementAddrsFieldEvent | RingMessageCastDataFieldEvent> {
    return streamMessage(buf, RingMessage.codec(), opts)
  }
}

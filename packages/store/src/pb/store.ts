import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface Ballot {
  n: bigint
  by: string
}

export namespace Ballot {
  let _codec: Codec<Ballot>

  export const codec = (): Codec<Ballot> => {
    if (_codec == null) {
      _codec = message<Ballot>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.n != null && obj.n !== 0n)) {
          w.uint32(8)
          w.sint64(obj.n)
        }

        if ((obj.by != null && obj.by !== '')) {
          w.uint32(18)
          w.string(obj.by)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          n: 0n,
          by: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.n = reader.sint64()
              break
            }
            case 2: {
              obj.by = reader.string()
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
                field: `${prefix}.n`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.by`,
                value: reader.string()
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

  export interface BallotNFieldEvent {
    field: '$.n'
    value: bigint
  }

  export interface BallotByFieldEvent {
    field: '$.by'
    value: string
  }

  export function encode (obj: Partial<Ballot>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Ballot.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Ballot>): Ballot {
    return decodeMessage(buf, Ballot.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Ballot>): Generator<BallotNFieldEvent | BallotByFieldEvent> {
    return streamMessage(buf, Ballot.codec(), opts)
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

export interface EpochArc {
  lo: Uint8Array<ArrayBuffer>
  hi: Uint8Array<ArrayBuffer>
  e?: Ballot
}

export namespace EpochArc {
  let _codec: Codec<EpochArc>

  export const codec = (): Codec<EpochArc> => {
    if (_codec == null) {
      _codec = message<EpochArc>((obj, w, opts = {}) => {
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

        if (obj.e != null) {
          w.uint32(26)
          Ballot.codec().encode(obj.e, w)
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
            case 3: {
              obj.e = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.e
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
            case 3: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.e`, {
                limits: opts.limits?.e
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

  export interface EpochArcLoFieldEvent {
    field: '$.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EpochArcHiFieldEvent {
    field: '$.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface EpochArcENFieldEvent {
    field: '$.e.n'
    value: bigint
  }

  export interface EpochArcEByFieldEvent {
    field: '$.e.by'
    value: string
  }

  export function encode (obj: Partial<EpochArc>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, EpochArc.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<EpochArc>): EpochArc {
    return decodeMessage(buf, EpochArc.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<EpochArc>): Generator<EpochArcLoFieldEvent | EpochArcHiFieldEvent | EpochArcENFieldEvent | EpochArcEByFieldEvent> {
    return streamMessage(buf, EpochArc.codec(), opts)
  }
}

export interface Cursor {
  rid: Uint8Array<ArrayBuffer>
  key: Uint8Array<ArrayBuffer>
}

export namespace Cursor {
  let _codec: Codec<Cursor>

  export const codec = (): Codec<Cursor> => {
    if (_codec == null) {
      _codec = message<Cursor>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.rid != null && obj.rid.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.rid)
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.key)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          rid: uint8ArrayAlloc(0),
          key: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.rid = reader.bytes()
              break
            }
            case 2: {
              obj.key = reader.bytes()
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
                field: `${prefix}.rid`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.key`,
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

  export interface CursorRidFieldEvent {
    field: '$.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface CursorKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Cursor>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Cursor.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Cursor>): Cursor {
    return decodeMessage(buf, Cursor.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Cursor>): Generator<CursorRidFieldEvent | CursorKeyFieldEvent> {
    return streamMessage(buf, Cursor.codec(), opts)
  }
}

export interface Record {
  key: Uint8Array<ArrayBuffer>
  slot: number
  rid: Uint8Array<ArrayBuffer>
  promised?: Ballot
  accepted?: Ballot
  value?: Uint8Array<ArrayBuffer>
  version: bigint
}

export namespace Record {
  let _codec: Codec<Record>

  export const codec = (): Codec<Record> => {
    if (_codec == null) {
      _codec = message<Record>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.key)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(16)
          w.uint32(obj.slot)
        }

        if ((obj.rid != null && obj.rid.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.rid)
        }

        if (obj.promised != null) {
          w.uint32(34)
          Ballot.codec().encode(obj.promised, w)
        }

        if (obj.accepted != null) {
          w.uint32(42)
          Ballot.codec().encode(obj.accepted, w)
        }

        if (obj.value != null) {
          w.uint32(50)
          w.bytes(obj.value)
        }

        if ((obj.version != null && obj.version !== 0n)) {
          w.uint32(56)
          w.sint64(obj.version)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          key: uint8ArrayAlloc(0),
          slot: 0,
          rid: uint8ArrayAlloc(0),
          version: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.key = reader.bytes()
              break
            }
            case 2: {
              obj.slot = reader.uint32()
              break
            }
            case 3: {
              obj.rid = reader.bytes()
              break
            }
            case 4: {
              obj.promised = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.promised
              })
              break
            }
            case 5: {
              obj.accepted = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.accepted
              })
              break
            }
            case 6: {
              obj.value = reader.bytes()
              break
            }
            case 7: {
              obj.version = reader.sint64()
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
                field: `${prefix}.key`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.rid`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.promised`, {
                limits: opts.limits?.promised
              })

              break
            }
            case 5: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.accepted`, {
                limits: opts.limits?.accepted
              })

              break
            }
            case 6: {
              yield {
                field: `${prefix}.value`,
                value: reader.bytes()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.version`,
                value: reader.sint64()
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

  export interface RecordKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RecordSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface RecordRidFieldEvent {
    field: '$.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RecordPromisedNFieldEvent {
    field: '$.promised.n'
    value: bigint
  }

  export interface RecordPromisedByFieldEvent {
    field: '$.promised.by'
    value: string
  }

  export interface RecordAcceptedNFieldEvent {
    field: '$.accepted.n'
    value: bigint
  }

  export interface RecordAcceptedByFieldEvent {
    field: '$.accepted.by'
    value: string
  }

  export interface RecordValueFieldEvent {
    field: '$.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RecordVersionFieldEvent {
    field: '$.version'
    value: bigint
  }

  export function encode (obj: Partial<Record>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Record.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Record>): Record {
    return decodeMessage(buf, Record.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Record>): Generator<RecordKeyFieldEvent | RecordSlotFieldEvent | RecordRidFieldEvent | RecordPromisedNFieldEvent | RecordPromisedByFieldEvent | RecordAcceptedNFieldEvent | RecordAcceptedByFieldEvent | RecordValueFieldEvent | RecordVersionFieldEvent> {
    return streamMessage(buf, Record.codec(), opts)
  }
}

export interface Prepare {
  op: bigint
  key: Uint8Array<ArrayBuffer>
  slot: number
  rid: Uint8Array<ArrayBuffer>
  ballot?: Ballot
}

export namespace Prepare {
  let _codec: Codec<Prepare>

  export const codec = (): Codec<Prepare> => {
    if (_codec == null) {
      _codec = message<Prepare>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.key)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(24)
          w.uint32(obj.slot)
        }

        if ((obj.rid != null && obj.rid.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.rid)
        }

        if (obj.ballot != null) {
          w.uint32(42)
          Ballot.codec().encode(obj.ballot, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          key: uint8ArrayAlloc(0),
          slot: 0,
          rid: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.key = reader.bytes()
              break
            }
            case 3: {
              obj.slot = reader.uint32()
              break
            }
            case 4: {
              obj.rid = reader.bytes()
              break
            }
            case 5: {
              obj.ballot = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ballot
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.key`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.rid`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.ballot`, {
                limits: opts.limits?.ballot
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

  export interface PrepareOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface PrepareKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PrepareSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface PrepareRidFieldEvent {
    field: '$.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PrepareBallotNFieldEvent {
    field: '$.ballot.n'
    value: bigint
  }

  export interface PrepareBallotByFieldEvent {
    field: '$.ballot.by'
    value: string
  }

  export function encode (obj: Partial<Prepare>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Prepare.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Prepare>): Prepare {
    return decodeMessage(buf, Prepare.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Prepare>): Generator<PrepareOpFieldEvent | PrepareKeyFieldEvent | PrepareSlotFieldEvent | PrepareRidFieldEvent | PrepareBallotNFieldEvent | PrepareBallotByFieldEvent> {
    return streamMessage(buf, Prepare.codec(), opts)
  }
}

export interface Promise {
  op: bigint
  slot: number
  accepted?: Ballot
  value?: Uint8Array<ArrayBuffer>
  version: bigint
  range?: Arc
  epoch?: Ballot
  fences: Ballot[]
  lease?: LeaseNote
}

export namespace Promise {
  let _codec: Codec<Promise>

  export const codec = (): Codec<Promise> => {
    if (_codec == null) {
      _codec = message<Promise>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(16)
          w.uint32(obj.slot)
        }

        if (obj.accepted != null) {
          w.uint32(26)
          Ballot.codec().encode(obj.accepted, w)
        }

        if (obj.value != null) {
          w.uint32(34)
          w.bytes(obj.value)
        }

        if ((obj.version != null && obj.version !== 0n)) {
          w.uint32(40)
          w.sint64(obj.version)
        }

        if (obj.range != null) {
          w.uint32(50)
          Arc.codec().encode(obj.range, w)
        }

        if (obj.epoch != null) {
          w.uint32(58)
          Ballot.codec().encode(obj.epoch, w)
        }

        if (obj.fences != null && obj.fences.length > 0) {
          for (const value of obj.fences) {
            w.uint32(66)
            Ballot.codec().encode(value, w)
          }
        }

        if (obj.lease != null) {
          w.uint32(74)
          LeaseNote.codec().encode(obj.lease, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          slot: 0,
          version: 0n,
          fences: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.slot = reader.uint32()
              break
            }
            case 3: {
              obj.accepted = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.accepted
              })
              break
            }
            case 4: {
              obj.value = reader.bytes()
              break
            }
            case 5: {
              obj.version = reader.sint64()
              break
            }
            case 6: {
              obj.range = Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.range
              })
              break
            }
            case 7: {
              obj.epoch = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.epoch
              })
              break
            }
            case 8: {
              if (opts.limits?.fences != null && obj.fences.length === opts.limits.fences) {
                throw new MaxLengthError('Decode error - repeated field "fences" had too many elements')
              }

              obj.fences.push(Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.fences$
              }))
              break
            }
            case 9: {
              obj.lease = LeaseNote.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.lease
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
        const obj = {
          fences: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 3: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.accepted`, {
                limits: opts.limits?.accepted
              })

              break
            }
            case 4: {
              yield {
                field: `${prefix}.value`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.version`,
                value: reader.sint64()
              }
              break
            }
            case 6: {
              yield * Arc.codec().stream(reader, reader.uint32(), `${prefix}.range`, {
                limits: opts.limits?.range
              })

              break
            }
            case 7: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.epoch`, {
                limits: opts.limits?.epoch
              })

              break
            }
            case 8: {
              if (opts.limits?.fences != null && obj.fences === opts.limits.fences) {
                throw new MaxLengthError('Streaming decode error - repeated field "fences" had too many elements')
              }

              for (const evt of Ballot.codec().stream(reader, reader.uint32(), `${prefix}.fences[]`, {
                limits: opts.limits?.fences$
              })) {
                yield {
                  ...evt,
                  index: obj.fences
                }
              }

              obj.fences++

              break
            }
            case 9: {
              yield * LeaseNote.codec().stream(reader, reader.uint32(), `${prefix}.lease`, {
                limits: opts.limits?.lease
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

  export interface PromiseOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface PromiseSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface PromiseAcceptedNFieldEvent {
    field: '$.accepted.n'
    value: bigint
  }

  export interface PromiseAcceptedByFieldEvent {
    field: '$.accepted.by'
    value: string
  }

  export interface PromiseValueFieldEvent {
    field: '$.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PromiseVersionFieldEvent {
    field: '$.version'
    value: bigint
  }

  export interface PromiseRangeLoFieldEvent {
    field: '$.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PromiseRangeHiFieldEvent {
    field: '$.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PromiseEpochNFieldEvent {
    field: '$.epoch.n'
    value: bigint
  }

  export interface PromiseEpochByFieldEvent {
    field: '$.epoch.by'
    value: string
  }

  export interface PromiseFencesNFieldEvent {
    field: '$.fences[].n'
    value: bigint
    index: number
  }

  export interface PromiseFencesByFieldEvent {
    field: '$.fences[].by'
    value: string
    index: number
  }

  export interface PromiseLeaseHolderFieldEvent {
    field: '$.lease.holder'
    value: string
  }

  export interface PromiseLeaseMsFieldEvent {
    field: '$.lease.ms'
    value: bigint
  }

  export interface PromiseLeaseGrantFieldEvent {
    field: '$.lease.grant'
    value: string
  }

  export function encode (obj: Partial<Promise>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Promise.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Promise>): Promise {
    return decodeMessage(buf, Promise.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Promise>): Generator<PromiseOpFieldEvent | PromiseSlotFieldEvent | PromiseAcceptedNFieldEvent | PromiseAcceptedByFieldEvent | PromiseValueFieldEvent | PromiseVersionFieldEvent | PromiseRangeLoFieldEvent | PromiseRangeHiFieldEvent | PromiseEpochNFieldEvent | PromiseEpochByFieldEvent | PromiseFencesNFieldEvent | PromiseFencesByFieldEvent | PromiseLeaseHolderFieldEvent | PromiseLeaseMsFieldEvent | PromiseLeaseGrantFieldEvent> {
    return streamMessage(buf, Promise.codec(), opts)
  }
}

export interface LeaseNote {
  holder: string
  ms: bigint
  grant: string
}

export namespace LeaseNote {
  let _codec: Codec<LeaseNote>

  export const codec = (): Codec<LeaseNote> => {
    if (_codec == null) {
      _codec = message<LeaseNote>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.holder != null && obj.holder !== '')) {
          w.uint32(10)
          w.string(obj.holder)
        }

        if ((obj.ms != null && obj.ms !== 0n)) {
          w.uint32(16)
          w.sint64(obj.ms)
        }

        if ((obj.grant != null && obj.grant !== '')) {
          w.uint32(26)
          w.string(obj.grant)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          holder: '',
          ms: 0n,
          grant: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.holder = reader.string()
              break
            }
            case 2: {
              obj.ms = reader.sint64()
              break
            }
            case 3: {
              obj.grant = reader.string()
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
                field: `${prefix}.holder`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.ms`,
                value: reader.sint64()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.grant`,
                value: reader.string()
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

  export interface LeaseNoteHolderFieldEvent {
    field: '$.holder'
    value: string
  }

  export interface LeaseNoteMsFieldEvent {
    field: '$.ms'
    value: bigint
  }

  export interface LeaseNoteGrantFieldEvent {
    field: '$.grant'
    value: string
  }

  export function encode (obj: Partial<LeaseNote>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, LeaseNote.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeaseNote>): LeaseNote {
    return decodeMessage(buf, LeaseNote.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeaseNote>): Generator<LeaseNoteHolderFieldEvent | LeaseNoteMsFieldEvent | LeaseNoteGrantFieldEvent> {
    return streamMessage(buf, LeaseNote.codec(), opts)
  }
}

export interface Accept {
  op: bigint
  key: Uint8Array<ArrayBuffer>
  slot: number
  rid: Uint8Array<ArrayBuffer>
  ballot?: Ballot
  value?: Uint8Array<ArrayBuffer>
  version: bigint
  next?: Ballot
}

export namespace Accept {
  let _codec: Codec<Accept>

  export const codec = (): Codec<Accept> => {
    if (_codec == null) {
      _codec = message<Accept>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.key)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(24)
          w.uint32(obj.slot)
        }

        if ((obj.rid != null && obj.rid.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.rid)
        }

        if (obj.ballot != null) {
          w.uint32(42)
          Ballot.codec().encode(obj.ballot, w)
        }

        if (obj.value != null) {
          w.uint32(50)
          w.bytes(obj.value)
        }

        if ((obj.version != null && obj.version !== 0n)) {
          w.uint32(56)
          w.sint64(obj.version)
        }

        if (obj.next != null) {
          w.uint32(66)
          Ballot.codec().encode(obj.next, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          key: uint8ArrayAlloc(0),
          slot: 0,
          rid: uint8ArrayAlloc(0),
          version: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.key = reader.bytes()
              break
            }
            case 3: {
              obj.slot = reader.uint32()
              break
            }
            case 4: {
              obj.rid = reader.bytes()
              break
            }
            case 5: {
              obj.ballot = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ballot
              })
              break
            }
            case 6: {
              obj.value = reader.bytes()
              break
            }
            case 7: {
              obj.version = reader.sint64()
              break
            }
            case 8: {
              obj.next = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.next
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.key`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.rid`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.ballot`, {
                limits: opts.limits?.ballot
              })

              break
            }
            case 6: {
              yield {
                field: `${prefix}.value`,
                value: reader.bytes()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.version`,
                value: reader.sint64()
              }
              break
            }
            case 8: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.next`, {
                limits: opts.limits?.next
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

  export interface AcceptOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface AcceptKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface AcceptSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface AcceptRidFieldEvent {
    field: '$.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface AcceptBallotNFieldEvent {
    field: '$.ballot.n'
    value: bigint
  }

  export interface AcceptBallotByFieldEvent {
    field: '$.ballot.by'
    value: string
  }

  export interface AcceptValueFieldEvent {
    field: '$.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface AcceptVersionFieldEvent {
    field: '$.version'
    value: bigint
  }

  export interface AcceptNextNFieldEvent {
    field: '$.next.n'
    value: bigint
  }

  export interface AcceptNextByFieldEvent {
    field: '$.next.by'
    value: string
  }

  export function encode (obj: Partial<Accept>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Accept.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Accept>): Accept {
    return decodeMessage(buf, Accept.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Accept>): Generator<AcceptOpFieldEvent | AcceptKeyFieldEvent | AcceptSlotFieldEvent | AcceptRidFieldEvent | AcceptBallotNFieldEvent | AcceptBallotByFieldEvent | AcceptValueFieldEvent | AcceptVersionFieldEvent | AcceptNextNFieldEvent | AcceptNextByFieldEvent> {
    return streamMessage(buf, Accept.codec(), opts)
  }
}

export interface Accepted {
  op: bigint
  slot: number
  range?: Arc
  epoch?: Ballot
  fences: Ballot[]
  lease?: LeaseNote
  primed?: boolean
}

export namespace Accepted {
  let _codec: Codec<Accepted>

  export const codec = (): Codec<Accepted> => {
    if (_codec == null) {
      _codec = message<Accepted>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(16)
          w.uint32(obj.slot)
        }

        if (obj.range != null) {
          w.uint32(26)
          Arc.codec().encode(obj.range, w)
        }

        if (obj.epoch != null) {
          w.uint32(34)
          Ballot.codec().encode(obj.epoch, w)
        }

        if (obj.fences != null && obj.fences.length > 0) {
          for (const value of obj.fences) {
            w.uint32(42)
            Ballot.codec().encode(value, w)
          }
        }

        if (obj.lease != null) {
          w.uint32(50)
          LeaseNote.codec().encode(obj.lease, w)
        }

        if (obj.primed != null) {
          w.uint32(56)
          w.bool(obj.primed)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          slot: 0,
          fences: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.slot = reader.uint32()
              break
            }
            case 3: {
              obj.range = Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.range
              })
              break
            }
            case 4: {
              obj.epoch = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.epoch
              })
              break
            }
            case 5: {
              if (opts.limits?.fences != null && obj.fences.length === opts.limits.fences) {
                throw new MaxLengthError('Decode error - repeated field "fences" had too many elements')
              }

              obj.fences.push(Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.fences$
              }))
              break
            }
            case 6: {
              obj.lease = LeaseNote.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.lease
              })
              break
            }
            case 7: {
              obj.primed = reader.bool()
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
          fences: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 3: {
              yield * Arc.codec().stream(reader, reader.uint32(), `${prefix}.range`, {
                limits: opts.limits?.range
              })

              break
            }
            case 4: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.epoch`, {
                limits: opts.limits?.epoch
              })

              break
            }
            case 5: {
              if (opts.limits?.fences != null && obj.fences === opts.limits.fences) {
                throw new MaxLengthError('Streaming decode error - repeated field "fences" had too many elements')
              }

              for (const evt of Ballot.codec().stream(reader, reader.uint32(), `${prefix}.fences[]`, {
                limits: opts.limits?.fences$
              })) {
                yield {
                  ...evt,
                  index: obj.fences
                }
              }

              obj.fences++

              break
            }
            case 6: {
              yield * LeaseNote.codec().stream(reader, reader.uint32(), `${prefix}.lease`, {
                limits: opts.limits?.lease
              })

              break
            }
            case 7: {
              yield {
                field: `${prefix}.primed`,
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

  export interface AcceptedOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface AcceptedSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface AcceptedRangeLoFieldEvent {
    field: '$.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface AcceptedRangeHiFieldEvent {
    field: '$.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface AcceptedEpochNFieldEvent {
    field: '$.epoch.n'
    value: bigint
  }

  export interface AcceptedEpochByFieldEvent {
    field: '$.epoch.by'
    value: string
  }

  export interface AcceptedFencesNFieldEvent {
    field: '$.fences[].n'
    value: bigint
    index: number
  }

  export interface AcceptedFencesByFieldEvent {
    field: '$.fences[].by'
    value: string
    index: number
  }

  export interface AcceptedLeaseHolderFieldEvent {
    field: '$.lease.holder'
    value: string
  }

  export interface AcceptedLeaseMsFieldEvent {
    field: '$.lease.ms'
    value: bigint
  }

  export interface AcceptedLeaseGrantFieldEvent {
    field: '$.lease.grant'
    value: string
  }

  export interface AcceptedPrimedFieldEvent {
    field: '$.primed'
    value: boolean
  }

  export function encode (obj: Partial<Accepted>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Accepted.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Accepted>): Accepted {
    return decodeMessage(buf, Accepted.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Accepted>): Generator<AcceptedOpFieldEvent | AcceptedSlotFieldEvent | AcceptedRangeLoFieldEvent | AcceptedRangeHiFieldEvent | AcceptedEpochNFieldEvent | AcceptedEpochByFieldEvent | AcceptedFencesNFieldEvent | AcceptedFencesByFieldEvent | AcceptedLeaseHolderFieldEvent | AcceptedLeaseMsFieldEvent | AcceptedLeaseGrantFieldEvent | AcceptedPrimedFieldEvent> {
    return streamMessage(buf, Accepted.codec(), opts)
  }
}

export interface Nack {
  op: bigint
  slot: number
  reason: Nack.Reason
  promised?: Ballot
  range?: Arc
  accepted?: Ballot
  epoch?: Ballot
}

export namespace Nack {
  export enum Reason {
    UNSPECIFIED = 'UNSPECIFIED',
    NOT_OWNER = 'NOT_OWNER',
    NOT_READY = 'NOT_READY',
    CONFLICT = 'CONFLICT',
    INVALID = 'INVALID',
    LEASED = 'LEASED'
  }

  enum __ReasonValues {
    UNSPECIFIED = 0,
    NOT_OWNER = 1,
    NOT_READY = 2,
    CONFLICT = 3,
    INVALID = 4,
    LEASED = 5
  }

  export namespace Reason {
    export const codec = (): Codec<Reason> => {
      return enumeration<Reason>(__ReasonValues)
    }
  }

  let _codec: Codec<Nack>

  export const codec = (): Codec<Nack> => {
    if (_codec == null) {
      _codec = message<Nack>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(16)
          w.sint32(obj.slot)
        }

        if (obj.reason != null && __ReasonValues[obj.reason] !== 0) {
          w.uint32(24)
          Nack.Reason.codec().encode(obj.reason, w)
        }

        if (obj.promised != null) {
          w.uint32(34)
          Ballot.codec().encode(obj.promised, w)
        }

        if (obj.range != null) {
          w.uint32(42)
          Arc.codec().encode(obj.range, w)
        }

        if (obj.accepted != null) {
          w.uint32(50)
          Ballot.codec().encode(obj.accepted, w)
        }

        if (obj.epoch != null) {
          w.uint32(58)
          Ballot.codec().encode(obj.epoch, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          slot: 0,
          reason: Reason.UNSPECIFIED
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.slot = reader.sint32()
              break
            }
            case 3: {
              obj.reason = Nack.Reason.codec().decode(reader)
              break
            }
            case 4: {
              obj.promised = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.promised
              })
              break
            }
            case 5: {
              obj.range = Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.range
              })
              break
            }
            case 6: {
              obj.accepted = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.accepted
              })
              break
            }
            case 7: {
              obj.epoch = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.epoch
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.slot`,
                value: reader.sint32()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.reason`,
                value: Nack.Reason.codec().decode(reader)
              }
              break
            }
            case 4: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.promised`, {
                limits: opts.limits?.promised
              })

              break
            }
            case 5: {
              yield * Arc.codec().stream(reader, reader.uint32(), `${prefix}.range`, {
                limits: opts.limits?.range
              })

              break
            }
            case 6: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.accepted`, {
                limits: opts.limits?.accepted
              })

              break
            }
            case 7: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.epoch`, {
                limits: opts.limits?.epoch
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

  export interface NackOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface NackSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface NackReasonFieldEvent {
    field: '$.reason'
    value: Nack.Reason
  }

  export interface NackPromisedNFieldEvent {
    field: '$.promised.n'
    value: bigint
  }

  export interface NackPromisedByFieldEvent {
    field: '$.promised.by'
    value: string
  }

  export interface NackRangeLoFieldEvent {
    field: '$.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface NackRangeHiFieldEvent {
    field: '$.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface NackAcceptedNFieldEvent {
    field: '$.accepted.n'
    value: bigint
  }

  export interface NackAcceptedByFieldEvent {
    field: '$.accepted.by'
    value: string
  }

  export interface NackEpochNFieldEvent {
    field: '$.epoch.n'
    value: bigint
  }

  export interface NackEpochByFieldEvent {
    field: '$.epoch.by'
    value: string
  }

  export function encode (obj: Partial<Nack>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Nack.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Nack>): Nack {
    return decodeMessage(buf, Nack.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Nack>): Generator<NackOpFieldEvent | NackSlotFieldEvent | NackReasonFieldEvent | NackPromisedNFieldEvent | NackPromisedByFieldEvent | NackRangeLoFieldEvent | NackRangeHiFieldEvent | NackAcceptedNFieldEvent | NackAcceptedByFieldEvent | NackEpochNFieldEvent | NackEpochByFieldEvent> {
    return streamMessage(buf, Nack.codec(), opts)
  }
}

export interface RangeRead {
  op: bigint
  lo: Uint8Array<ArrayBuffer>
  hi: Uint8Array<ArrayBuffer>
  after?: Cursor
  limit: number
  fence?: Ballot
  fenceShift: number
  commit: boolean
  committed: EpochArc[]
}

export namespace RangeRead {
  let _codec: Codec<RangeRead>

  export const codec = (): Codec<RangeRead> => {
    if (_codec == null) {
      _codec = message<RangeRead>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.lo != null && obj.lo.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.lo)
        }

        if ((obj.hi != null && obj.hi.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.hi)
        }

        if (obj.after != null) {
          w.uint32(34)
          Cursor.codec().encode(obj.after, w)
        }

        if ((obj.limit != null && obj.limit !== 0)) {
          w.uint32(40)
          w.uint32(obj.limit)
        }

        if (obj.fence != null) {
          w.uint32(50)
          Ballot.codec().encode(obj.fence, w)
        }

        if ((obj.fenceShift != null && obj.fenceShift !== 0)) {
          w.uint32(56)
          w.uint32(obj.fenceShift)
        }

        if ((obj.commit != null && obj.commit !== false)) {
          w.uint32(64)
          w.bool(obj.commit)
        }

        if (obj.committed != null && obj.committed.length > 0) {
          for (const value of obj.committed) {
            w.uint32(74)
            EpochArc.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          lo: uint8ArrayAlloc(0),
          hi: uint8ArrayAlloc(0),
          limit: 0,
          fenceShift: 0,
          commit: false,
          committed: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.lo = reader.bytes()
              break
            }
            case 3: {
              obj.hi = reader.bytes()
              break
            }
            case 4: {
              obj.after = Cursor.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.after
              })
              break
            }
            case 5: {
              obj.limit = reader.uint32()
              break
            }
            case 6: {
              obj.fence = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.fence
              })
              break
            }
            case 7: {
              obj.fenceShift = reader.uint32()
              break
            }
            case 8: {
              obj.commit = reader.bool()
              break
            }
            case 9: {
              if (opts.limits?.committed != null && obj.committed.length === opts.limits.committed) {
                throw new MaxLengthError('Decode error - repeated field "committed" had too many elements')
              }

              obj.committed.push(EpochArc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.committed$
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
          committed: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.lo`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.hi`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield * Cursor.codec().stream(reader, reader.uint32(), `${prefix}.after`, {
                limits: opts.limits?.after
              })

              break
            }
            case 5: {
              yield {
                field: `${prefix}.limit`,
                value: reader.uint32()
              }
              break
            }
            case 6: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.fence`, {
                limits: opts.limits?.fence
              })

              break
            }
            case 7: {
              yield {
                field: `${prefix}.fenceShift`,
                value: reader.uint32()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.commit`,
                value: reader.bool()
              }
              break
            }
            case 9: {
              if (opts.limits?.committed != null && obj.committed === opts.limits.committed) {
                throw new MaxLengthError('Streaming decode error - repeated field "committed" had too many elements')
              }

              for (const evt of EpochArc.codec().stream(reader, reader.uint32(), `${prefix}.committed[]`, {
                limits: opts.limits?.committed$
              })) {
                yield {
                  ...evt,
                  index: obj.committed
                }
              }

              obj.committed++

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

  export interface RangeReadOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface RangeReadLoFieldEvent {
    field: '$.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RangeReadHiFieldEvent {
    field: '$.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RangeReadAfterRidFieldEvent {
    field: '$.after.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RangeReadAfterKeyFieldEvent {
    field: '$.after.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RangeReadLimitFieldEvent {
    field: '$.limit'
    value: number
  }

  export interface RangeReadFenceNFieldEvent {
    field: '$.fence.n'
    value: bigint
  }

  export interface RangeReadFenceByFieldEvent {
    field: '$.fence.by'
    value: string
  }

  export interface RangeReadFenceShiftFieldEvent {
    field: '$.fenceShift'
    value: number
  }

  export interface RangeReadCommitFieldEvent {
    field: '$.commit'
    value: boolean
  }

  export interface RangeReadCommittedLoFieldEvent {
    field: '$.committed[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeReadCommittedHiFieldEvent {
    field: '$.committed[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeReadCommittedENFieldEvent {
    field: '$.committed[].e.n'
    value: bigint
    index: number
  }

  export interface RangeReadCommittedEByFieldEvent {
    field: '$.committed[].e.by'
    value: string
    index: number
  }

  export function encode (obj: Partial<RangeRead>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, RangeRead.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RangeRead>): RangeRead {
    return decodeMessage(buf, RangeRead.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RangeRead>): Generator<RangeReadOpFieldEvent | RangeReadLoFieldEvent | RangeReadHiFieldEvent | RangeReadAfterRidFieldEvent | RangeReadAfterKeyFieldEvent | RangeReadLimitFieldEvent | RangeReadFenceNFieldEvent | RangeReadFenceByFieldEvent | RangeReadFenceShiftFieldEvent | RangeReadCommitFieldEvent | RangeReadCommittedLoFieldEvent | RangeReadCommittedHiFieldEvent | RangeReadCommittedENFieldEvent | RangeReadCommittedEByFieldEvent> {
    return streamMessage(buf, RangeRead.codec(), opts)
  }
}

export interface RangeData {
  op: bigint
  records: Record[]
  upTo: Uint8Array<ArrayBuffer>
  more: boolean
  range?: Arc
  epochs: EpochArc[]
  committed: EpochArc[]
}

export namespace RangeData {
  let _codec: Codec<RangeData>

  export const codec = (): Codec<RangeData> => {
    if (_codec == null) {
      _codec = message<RangeData>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if (obj.records != null && obj.records.length > 0) {
          for (const value of obj.records) {
            w.uint32(18)
            Record.codec().encode(value, w)
          }
        }

        if ((obj.upTo != null && obj.upTo.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.upTo)
        }

        if ((obj.more != null && obj.more !== false)) {
          w.uint32(32)
          w.bool(obj.more)
        }

        if (obj.range != null) {
          w.uint32(42)
          Arc.codec().encode(obj.range, w)
        }

        if (obj.epochs != null && obj.epochs.length > 0) {
          for (const value of obj.epochs) {
            w.uint32(50)
            EpochArc.codec().encode(value, w)
          }
        }

        if (obj.committed != null && obj.committed.length > 0) {
          for (const value of obj.committed) {
            w.uint32(58)
            EpochArc.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          records: [],
          upTo: uint8ArrayAlloc(0),
          more: false,
          epochs: [],
          committed: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              if (opts.limits?.records != null && obj.records.length === opts.limits.records) {
                throw new MaxLengthError('Decode error - repeated field "records" had too many elements')
              }

              obj.records.push(Record.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.records$
              }))
              break
            }
            case 3: {
              obj.upTo = reader.bytes()
              break
            }
            case 4: {
              obj.more = reader.bool()
              break
            }
            case 5: {
              obj.range = Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.range
              })
              break
            }
            case 6: {
              if (opts.limits?.epochs != null && obj.epochs.length === opts.limits.epochs) {
                throw new MaxLengthError('Decode error - repeated field "epochs" had too many elements')
              }

              obj.epochs.push(EpochArc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.epochs$
              }))
              break
            }
            case 7: {
              if (opts.limits?.committed != null && obj.committed.length === opts.limits.committed) {
                throw new MaxLengthError('Decode error - repeated field "committed" had too many elements')
              }

              obj.committed.push(EpochArc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.committed$
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
          records: 0,
          epochs: 0,
          committed: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              if (opts.limits?.records != null && obj.records === opts.limits.records) {
                throw new MaxLengthError('Streaming decode error - repeated field "records" had too many elements')
              }

              for (const evt of Record.codec().stream(reader, reader.uint32(), `${prefix}.records[]`, {
                limits: opts.limits?.records$
              })) {
                yield {
                  ...evt,
                  index: obj.records
                }
              }

              obj.records++

              break
            }
            case 3: {
              yield {
                field: `${prefix}.upTo`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.more`,
                value: reader.bool()
              }
              break
            }
            case 5: {
              yield * Arc.codec().stream(reader, reader.uint32(), `${prefix}.range`, {
                limits: opts.limits?.range
              })

              break
            }
            case 6: {
              if (opts.limits?.epochs != null && obj.epochs === opts.limits.epochs) {
                throw new MaxLengthError('Streaming decode error - repeated field "epochs" had too many elements')
              }

              for (const evt of EpochArc.codec().stream(reader, reader.uint32(), `${prefix}.epochs[]`, {
                limits: opts.limits?.epochs$
              })) {
                yield {
                  ...evt,
                  index: obj.epochs
                }
              }

              obj.epochs++

              break
            }
            case 7: {
              if (opts.limits?.committed != null && obj.committed === opts.limits.committed) {
                throw new MaxLengthError('Streaming decode error - repeated field "committed" had too many elements')
              }

              for (const evt of EpochArc.codec().stream(reader, reader.uint32(), `${prefix}.committed[]`, {
                limits: opts.limits?.committed$
              })) {
                yield {
                  ...evt,
                  index: obj.committed
                }
              }

              obj.committed++

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

  export interface RangeDataOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface RangeDataRecordsKeyFieldEvent {
    field: '$.records[].key'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeDataRecordsSlotFieldEvent {
    field: '$.records[].slot'
    value: number
    index: number
  }

  export interface RangeDataRecordsRidFieldEvent {
    field: '$.records[].rid'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeDataRecordsPromisedNFieldEvent {
    field: '$.records[].promised.n'
    value: bigint
    index: number
  }

  export interface RangeDataRecordsPromisedByFieldEvent {
    field: '$.records[].promised.by'
    value: string
    index: number
  }

  export interface RangeDataRecordsAcceptedNFieldEvent {
    field: '$.records[].accepted.n'
    value: bigint
    index: number
  }

  export interface RangeDataRecordsAcceptedByFieldEvent {
    field: '$.records[].accepted.by'
    value: string
    index: number
  }

  export interface RangeDataRecordsValueFieldEvent {
    field: '$.records[].value'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeDataRecordsVersionFieldEvent {
    field: '$.records[].version'
    value: bigint
    index: number
  }

  export interface RangeDataUpToFieldEvent {
    field: '$.upTo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RangeDataMoreFieldEvent {
    field: '$.more'
    value: boolean
  }

  export interface RangeDataRangeLoFieldEvent {
    field: '$.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RangeDataRangeHiFieldEvent {
    field: '$.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RangeDataEpochsLoFieldEvent {
    field: '$.epochs[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeDataEpochsHiFieldEvent {
    field: '$.epochs[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeDataEpochsENFieldEvent {
    field: '$.epochs[].e.n'
    value: bigint
    index: number
  }

  export interface RangeDataEpochsEByFieldEvent {
    field: '$.epochs[].e.by'
    value: string
    index: number
  }

  export interface RangeDataCommittedLoFieldEvent {
    field: '$.committed[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeDataCommittedHiFieldEvent {
    field: '$.committed[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface RangeDataCommittedENFieldEvent {
    field: '$.committed[].e.n'
    value: bigint
    index: number
  }

  export interface RangeDataCommittedEByFieldEvent {
    field: '$.committed[].e.by'
    value: string
    index: number
  }

  export function encode (obj: Partial<RangeData>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, RangeData.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RangeData>): RangeData {
    return decodeMessage(buf, RangeData.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RangeData>): Generator<RangeDataOpFieldEvent | RangeDataRecordsKeyFieldEvent | RangeDataRecordsSlotFieldEvent | RangeDataRecordsRidFieldEvent | RangeDataRecordsPromisedNFieldEvent | RangeDataRecordsPromisedByFieldEvent | RangeDataRecordsAcceptedNFieldEvent | RangeDataRecordsAcceptedByFieldEvent | RangeDataRecordsValueFieldEvent | RangeDataRecordsVersionFieldEvent | RangeDataUpToFieldEvent | RangeDataMoreFieldEvent | RangeDataRangeLoFieldEvent | RangeDataRangeHiFieldEvent | RangeDataEpochsLoFieldEvent | RangeDataEpochsHiFieldEvent | RangeDataEpochsENFieldEvent | RangeDataEpochsEByFieldEvent | RangeDataCommittedLoFieldEvent | RangeDataCommittedHiFieldEvent | RangeDataCommittedENFieldEvent | RangeDataCommittedEByFieldEvent> {
    return streamMessage(buf, RangeData.codec(), opts)
  }
}

export interface Handoff {
  op: bigint
  lo: Uint8Array<ArrayBuffer>
  hi: Uint8Array<ArrayBuffer>
  records: Record[]
  last: boolean
  ready: boolean
  own: EpochArc[]
  epochs: EpochArc[]
  cold: boolean
  readyParts: Arc[]
}

export namespace Handoff {
  let _codec: Codec<Handoff>

  export const codec = (): Codec<Handoff> => {
    if (_codec == null) {
      _codec = message<Handoff>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.lo != null && obj.lo.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.lo)
        }

        if ((obj.hi != null && obj.hi.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.hi)
        }

        if (obj.records != null && obj.records.length > 0) {
          for (const value of obj.records) {
            w.uint32(34)
            Record.codec().encode(value, w)
          }
        }

        if ((obj.last != null && obj.last !== false)) {
          w.uint32(40)
          w.bool(obj.last)
        }

        if ((obj.ready != null && obj.ready !== false)) {
          w.uint32(48)
          w.bool(obj.ready)
        }

        if (obj.own != null && obj.own.length > 0) {
          for (const value of obj.own) {
            w.uint32(58)
            EpochArc.codec().encode(value, w)
          }
        }

        if (obj.epochs != null && obj.epochs.length > 0) {
          for (const value of obj.epochs) {
            w.uint32(66)
            EpochArc.codec().encode(value, w)
          }
        }

        if ((obj.cold != null && obj.cold !== false)) {
          w.uint32(72)
          w.bool(obj.cold)
        }

        if (obj.readyParts != null && obj.readyParts.length > 0) {
          for (const value of obj.readyParts) {
            w.uint32(82)
            Arc.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          lo: uint8ArrayAlloc(0),
          hi: uint8ArrayAlloc(0),
          records: [],
          last: false,
          ready: false,
          own: [],
          epochs: [],
          cold: false,
          readyParts: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.lo = reader.bytes()
              break
            }
            case 3: {
              obj.hi = reader.bytes()
              break
            }
            case 4: {
              if (opts.limits?.records != null && obj.records.length === opts.limits.records) {
                throw new MaxLengthError('Decode error - repeated field "records" had too many elements')
              }

              obj.records.push(Record.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.records$
              }))
              break
            }
            case 5: {
              obj.last = reader.bool()
              break
            }
            case 6: {
              obj.ready = reader.bool()
              break
            }
            case 7: {
              if (opts.limits?.own != null && obj.own.length === opts.limits.own) {
                throw new MaxLengthError('Decode error - repeated field "own" had too many elements')
              }

              obj.own.push(EpochArc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.own$
              }))
              break
            }
            case 8: {
              if (opts.limits?.epochs != null && obj.epochs.length === opts.limits.epochs) {
                throw new MaxLengthError('Decode error - repeated field "epochs" had too many elements')
              }

              obj.epochs.push(EpochArc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.epochs$
              }))
              break
            }
            case 9: {
              obj.cold = reader.bool()
              break
            }
            case 10: {
              if (opts.limits?.readyParts != null && obj.readyParts.length === opts.limits.readyParts) {
                throw new MaxLengthError('Decode error - repeated field "readyParts" had too many elements')
              }

              obj.readyParts.push(Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.readyParts$
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
          records: 0,
          own: 0,
          epochs: 0,
          readyParts: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.lo`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.hi`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              if (opts.limits?.records != null && obj.records === opts.limits.records) {
                throw new MaxLengthError('Streaming decode error - repeated field "records" had too many elements')
              }

              for (const evt of Record.codec().stream(reader, reader.uint32(), `${prefix}.records[]`, {
                limits: opts.limits?.records$
              })) {
                yield {
                  ...evt,
                  index: obj.records
                }
              }

              obj.records++

              break
            }
            case 5: {
              yield {
                field: `${prefix}.last`,
                value: reader.bool()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.ready`,
                value: reader.bool()
              }
              break
            }
            case 7: {
              if (opts.limits?.own != null && obj.own === opts.limits.own) {
                throw new MaxLengthError('Streaming decode error - repeated field "own" had too many elements')
              }

              for (const evt of EpochArc.codec().stream(reader, reader.uint32(), `${prefix}.own[]`, {
                limits: opts.limits?.own$
              })) {
                yield {
                  ...evt,
                  index: obj.own
                }
              }

              obj.own++

              break
            }
            case 8: {
              if (opts.limits?.epochs != null && obj.epochs === opts.limits.epochs) {
                throw new MaxLengthError('Streaming decode error - repeated field "epochs" had too many elements')
              }

              for (const evt of EpochArc.codec().stream(reader, reader.uint32(), `${prefix}.epochs[]`, {
                limits: opts.limits?.epochs$
              })) {
                yield {
                  ...evt,
                  index: obj.epochs
                }
              }

              obj.epochs++

              break
            }
            case 9: {
              yield {
                field: `${prefix}.cold`,
                value: reader.bool()
              }
              break
            }
            case 10: {
              if (opts.limits?.readyParts != null && obj.readyParts === opts.limits.readyParts) {
                throw new MaxLengthError('Streaming decode error - repeated field "readyParts" had too many elements')
              }

              for (const evt of Arc.codec().stream(reader, reader.uint32(), `${prefix}.readyParts[]`, {
                limits: opts.limits?.readyParts$
              })) {
                yield {
                  ...evt,
                  index: obj.readyParts
                }
              }

              obj.readyParts++

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

  export interface HandoffOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface HandoffLoFieldEvent {
    field: '$.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HandoffHiFieldEvent {
    field: '$.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HandoffRecordsKeyFieldEvent {
    field: '$.records[].key'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface HandoffRecordsSlotFieldEvent {
    field: '$.records[].slot'
    value: number
    index: number
  }

  export interface HandoffRecordsRidFieldEvent {
    field: '$.records[].rid'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface HandoffRecordsPromisedNFieldEvent {
    field: '$.records[].promised.n'
    value: bigint
    index: number
  }

  export interface HandoffRecordsPromisedByFieldEvent {
    field: '$.records[].promised.by'
    value: string
    index: number
  }

  export interface HandoffRecordsAcceptedNFieldEvent {
    field: '$.records[].accepted.n'
    value: bigint
    index: number
  }

  export interface HandoffRecordsAcceptedByFieldEvent {
    field: '$.records[].accepted.by'
    value: string
    index: number
  }

  export interface HandoffRecordsValueFieldEvent {
    field: '$.records[].value'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface HandoffRecordsVersionFieldEvent {
    field: '$.records[].version'
    value: bigint
    index: number
  }

  export interface HandoffLastFieldEvent {
    field: '$.last'
    value: boolean
  }

  export interface HandoffReadyFieldEvent {
    field: '$.ready'
    value: boolean
  }

  export interface HandoffOwnLoFieldEvent {
    field: '$.own[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface HandoffOwnHiFieldEvent {
    field: '$.own[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface HandoffOwnENFieldEvent {
    field: '$.own[].e.n'
    value: bigint
    index: number
  }

  export interface HandoffOwnEByFieldEvent {
    field: '$.own[].e.by'
    value: string
    index: number
  }

  export interface HandoffEpochsLoFieldEvent {
    field: '$.epochs[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface HandoffEpochsHiFieldEvent {
    field: '$.epochs[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface HandoffEpochsENFieldEvent {
    field: '$.epochs[].e.n'
    value: bigint
    index: number
  }

  export interface HandoffEpochsEByFieldEvent {
    field: '$.epochs[].e.by'
    value: string
    index: number
  }

  export interface HandoffColdFieldEvent {
    field: '$.cold'
    value: boolean
  }

  export interface HandoffReadyPartsLoFieldEvent {
    field: '$.readyParts[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface HandoffReadyPartsHiFieldEvent {
    field: '$.readyParts[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<Handoff>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Handoff.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Handoff>): Handoff {
    return decodeMessage(buf, Handoff.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Handoff>): Generator<HandoffOpFieldEvent | HandoffLoFieldEvent | HandoffHiFieldEvent | HandoffRecordsKeyFieldEvent | HandoffRecordsSlotFieldEvent | HandoffRecordsRidFieldEvent | HandoffRecordsPromisedNFieldEvent | HandoffRecordsPromisedByFieldEvent | HandoffRecordsAcceptedNFieldEvent | HandoffRecordsAcceptedByFieldEvent | HandoffRecordsValueFieldEvent | HandoffRecordsVersionFieldEvent | HandoffLastFieldEvent | HandoffReadyFieldEvent | HandoffOwnLoFieldEvent | HandoffOwnHiFieldEvent | HandoffOwnENFieldEvent | HandoffOwnEByFieldEvent | HandoffEpochsLoFieldEvent | HandoffEpochsHiFieldEvent | HandoffEpochsENFieldEvent | HandoffEpochsEByFieldEvent | HandoffColdFieldEvent | HandoffReadyPartsLoFieldEvent | HandoffReadyPartsHiFieldEvent> {
    return streamMessage(buf, Handoff.codec(), opts)
  }
}

export interface HandoffAck {
  op: bigint
  taken?: boolean
}

export namespace HandoffAck {
  let _codec: Codec<HandoffAck>

  export const codec = (): Codec<HandoffAck> => {
    if (_codec == null) {
      _codec = message<HandoffAck>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if (obj.taken != null) {
          w.uint32(16)
          w.bool(obj.taken)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.taken = reader.bool()
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.taken`,
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

  export interface HandoffAckOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface HandoffAckTakenFieldEvent {
    field: '$.taken'
    value: boolean
  }

  export function encode (obj: Partial<HandoffAck>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HandoffAck.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HandoffAck>): HandoffAck {
    return decodeMessage(buf, HandoffAck.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HandoffAck>): Generator<HandoffAckOpFieldEvent | HandoffAckTakenFieldEvent> {
    return streamMessage(buf, HandoffAck.codec(), opts)
  }
}

export interface DigestReq {
  op: bigint
  lo: Uint8Array<ArrayBuffer>
  hi: Uint8Array<ArrayBuffer>
  buckets: number
}

export namespace DigestReq {
  let _codec: Codec<DigestReq>

  export const codec = (): Codec<DigestReq> => {
    if (_codec == null) {
      _codec = message<DigestReq>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.lo != null && obj.lo.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.lo)
        }

        if ((obj.hi != null && obj.hi.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.hi)
        }

        if ((obj.buckets != null && obj.buckets !== 0)) {
          w.uint32(32)
          w.uint32(obj.buckets)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          lo: uint8ArrayAlloc(0),
          hi: uint8ArrayAlloc(0),
          buckets: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.lo = reader.bytes()
              break
            }
            case 3: {
              obj.hi = reader.bytes()
              break
            }
            case 4: {
              obj.buckets = reader.uint32()
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.lo`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.hi`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.buckets`,
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

  export interface DigestReqOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface DigestReqLoFieldEvent {
    field: '$.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface DigestReqHiFieldEvent {
    field: '$.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface DigestReqBucketsFieldEvent {
    field: '$.buckets'
    value: number
  }

  export function encode (obj: Partial<DigestReq>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, DigestReq.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DigestReq>): DigestReq {
    return decodeMessage(buf, DigestReq.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DigestReq>): Generator<DigestReqOpFieldEvent | DigestReqLoFieldEvent | DigestReqHiFieldEvent | DigestReqBucketsFieldEvent> {
    return streamMessage(buf, DigestReq.codec(), opts)
  }
}

export interface Digest {
  op: bigint
  lo: Uint8Array<ArrayBuffer>
  upTo: Uint8Array<ArrayBuffer>
  hashes: number[]
  range?: Arc
  epochs: EpochArc[]
  counts: number[]
}

export namespace Digest {
  let _codec: Codec<Digest>

  export const codec = (): Codec<Digest> => {
    if (_codec == null) {
      _codec = message<Digest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.lo != null && obj.lo.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.lo)
        }

        if ((obj.upTo != null && obj.upTo.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.upTo)
        }

        if (obj.hashes != null && obj.hashes.length > 0) {
          for (const value of obj.hashes) {
            w.uint32(32)
            w.uint32(value)
          }
        }

        if (obj.range != null) {
          w.uint32(42)
          Arc.codec().encode(obj.range, w)
        }

        if (obj.epochs != null && obj.epochs.length > 0) {
          for (const value of obj.epochs) {
            w.uint32(50)
            EpochArc.codec().encode(value, w)
          }
        }

        if (obj.counts != null && obj.counts.length > 0) {
          for (const value of obj.counts) {
            w.uint32(56)
            w.uint32(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          lo: uint8ArrayAlloc(0),
          upTo: uint8ArrayAlloc(0),
          hashes: [],
          epochs: [],
          counts: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.lo = reader.bytes()
              break
            }
            case 3: {
              obj.upTo = reader.bytes()
              break
            }
            case 4: {
              if (opts.limits?.hashes != null && obj.hashes.length === opts.limits.hashes) {
                throw new MaxLengthError('Decode error - repeated field "hashes" had too many elements')
              }

              obj.hashes.push(reader.uint32())
              break
            }
            case 5: {
              obj.range = Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.range
              })
              break
            }
            case 6: {
              if (opts.limits?.epochs != null && obj.epochs.length === opts.limits.epochs) {
                throw new MaxLengthError('Decode error - repeated field "epochs" had too many elements')
              }

              obj.epochs.push(EpochArc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.epochs$
              }))
              break
            }
            case 7: {
              if (opts.limits?.counts != null && obj.counts.length === opts.limits.counts) {
                throw new MaxLengthError('Decode error - repeated field "counts" had too many elements')
              }

              obj.counts.push(reader.uint32())
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
          hashes: 0,
          epochs: 0,
          counts: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.lo`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.upTo`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              if (opts.limits?.hashes != null && obj.hashes === opts.limits.hashes) {
                throw new MaxLengthError('Streaming decode error - repeated field "hashes" had too many elements')
              }

              yield {
                field: `${prefix}.hashes[]`,
                index: obj.hashes,
                value: reader.uint32()
              }

              obj.hashes++

              break
            }
            case 5: {
              yield * Arc.codec().stream(reader, reader.uint32(), `${prefix}.range`, {
                limits: opts.limits?.range
              })

              break
            }
            case 6: {
              if (opts.limits?.epochs != null && obj.epochs === opts.limits.epochs) {
                throw new MaxLengthError('Streaming decode error - repeated field "epochs" had too many elements')
              }

              for (const evt of EpochArc.codec().stream(reader, reader.uint32(), `${prefix}.epochs[]`, {
                limits: opts.limits?.epochs$
              })) {
                yield {
                  ...evt,
                  index: obj.epochs
                }
              }

              obj.epochs++

              break
            }
            case 7: {
              if (opts.limits?.counts != null && obj.counts === opts.limits.counts) {
                throw new MaxLengthError('Streaming decode error - repeated field "counts" had too many elements')
              }

              yield {
                field: `${prefix}.counts[]`,
                index: obj.counts,
                value: reader.uint32()
              }

              obj.counts++

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

  export interface DigestOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface DigestLoFieldEvent {
    field: '$.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface DigestUpToFieldEvent {
    field: '$.upTo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface DigestHashesFieldEvent {
    field: '$.hashes[]'
    index: number
    value: number
  }

  export interface DigestRangeLoFieldEvent {
    field: '$.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface DigestRangeHiFieldEvent {
    field: '$.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface DigestEpochsLoFieldEvent {
    field: '$.epochs[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface DigestEpochsHiFieldEvent {
    field: '$.epochs[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface DigestEpochsENFieldEvent {
    field: '$.epochs[].e.n'
    value: bigint
    index: number
  }

  export interface DigestEpochsEByFieldEvent {
    field: '$.epochs[].e.by'
    value: string
    index: number
  }

  export interface DigestCountsFieldEvent {
    field: '$.counts[]'
    index: number
    value: number
  }

  export function encode (obj: Partial<Digest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Digest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Digest>): Digest {
    return decodeMessage(buf, Digest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Digest>): Generator<DigestOpFieldEvent | DigestLoFieldEvent | DigestUpToFieldEvent | DigestHashesFieldEvent | DigestRangeLoFieldEvent | DigestRangeHiFieldEvent | DigestEpochsLoFieldEvent | DigestEpochsHiFieldEvent | DigestEpochsENFieldEvent | DigestEpochsEByFieldEvent | DigestCountsFieldEvent> {
    return streamMessage(buf, Digest.codec(), opts)
  }
}

export interface RawRead {
  op: bigint
  key: Uint8Array<ArrayBuffer>
  slot: number
  rid: Uint8Array<ArrayBuffer>
}

export namespace RawRead {
  let _codec: Codec<RawRead>

  export const codec = (): Codec<RawRead> => {
    if (_codec == null) {
      _codec = message<RawRead>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.key)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(24)
          w.uint32(obj.slot)
        }

        if ((obj.rid != null && obj.rid.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.rid)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          key: uint8ArrayAlloc(0),
          slot: 0,
          rid: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.key = reader.bytes()
              break
            }
            case 3: {
              obj.slot = reader.uint32()
              break
            }
            case 4: {
              obj.rid = reader.bytes()
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.key`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.rid`,
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

  export interface RawReadOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface RawReadKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RawReadSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface RawReadRidFieldEvent {
    field: '$.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<RawRead>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, RawRead.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RawRead>): RawRead {
    return decodeMessage(buf, RawRead.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RawRead>): Generator<RawReadOpFieldEvent | RawReadKeyFieldEvent | RawReadSlotFieldEvent | RawReadRidFieldEvent> {
    return streamMessage(buf, RawRead.codec(), opts)
  }
}

export interface RawWrite {
  op: bigint
  key: Uint8Array<ArrayBuffer>
  slot: number
  rid: Uint8Array<ArrayBuffer>
  value?: Uint8Array<ArrayBuffer>
}

export namespace RawWrite {
  let _codec: Codec<RawWrite>

  export const codec = (): Codec<RawWrite> => {
    if (_codec == null) {
      _codec = message<RawWrite>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.key)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(24)
          w.uint32(obj.slot)
        }

        if ((obj.rid != null && obj.rid.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.rid)
        }

        if (obj.value != null) {
          w.uint32(42)
          w.bytes(obj.value)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          key: uint8ArrayAlloc(0),
          slot: 0,
          rid: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.key = reader.bytes()
              break
            }
            case 3: {
              obj.slot = reader.uint32()
              break
            }
            case 4: {
              obj.rid = reader.bytes()
              break
            }
            case 5: {
              obj.value = reader.bytes()
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.key`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.rid`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.value`,
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

  export interface RawWriteOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface RawWriteKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RawWriteSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface RawWriteRidFieldEvent {
    field: '$.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RawWriteValueFieldEvent {
    field: '$.value'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<RawWrite>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, RawWrite.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RawWrite>): RawWrite {
    return decodeMessage(buf, RawWrite.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RawWrite>): Generator<RawWriteOpFieldEvent | RawWriteKeyFieldEvent | RawWriteSlotFieldEvent | RawWriteRidFieldEvent | RawWriteValueFieldEvent> {
    return streamMessage(buf, RawWrite.codec(), opts)
  }
}

export interface Superseded {
  op: bigint
  rid: Uint8Array<ArrayBuffer>
  epoch?: Ballot
}

export namespace Superseded {
  let _codec: Codec<Superseded>

  export const codec = (): Codec<Superseded> => {
    if (_codec == null) {
      _codec = message<Superseded>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.rid != null && obj.rid.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.rid)
        }

        if (obj.epoch != null) {
          w.uint32(26)
          Ballot.codec().encode(obj.epoch, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          rid: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.rid = reader.bytes()
              break
            }
            case 3: {
              obj.epoch = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.epoch
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.rid`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.epoch`, {
                limits: opts.limits?.epoch
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

  export interface SupersededOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface SupersededRidFieldEvent {
    field: '$.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface SupersededEpochNFieldEvent {
    field: '$.epoch.n'
    value: bigint
  }

  export interface SupersededEpochByFieldEvent {
    field: '$.epoch.by'
    value: string
  }

  export function encode (obj: Partial<Superseded>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Superseded.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Superseded>): Superseded {
    return decodeMessage(buf, Superseded.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Superseded>): Generator<SupersededOpFieldEvent | SupersededRidFieldEvent | SupersededEpochNFieldEvent | SupersededEpochByFieldEvent> {
    return streamMessage(buf, Superseded.codec(), opts)
  }
}

export interface LeaseReq {
  op: bigint
  slot: number
  lo: Uint8Array<ArrayBuffer>
  hi: Uint8Array<ArrayBuffer>
  own: EpochArc[]
}

export namespace LeaseReq {
  let _codec: Codec<LeaseReq>

  export const codec = (): Codec<LeaseReq> => {
    if (_codec == null) {
      _codec = message<LeaseReq>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(16)
          w.uint32(obj.slot)
        }

        if ((obj.lo != null && obj.lo.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.lo)
        }

        if ((obj.hi != null && obj.hi.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.hi)
        }

        if (obj.own != null && obj.own.length > 0) {
          for (const value of obj.own) {
            w.uint32(42)
            EpochArc.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          slot: 0,
          lo: uint8ArrayAlloc(0),
          hi: uint8ArrayAlloc(0),
          own: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.slot = reader.uint32()
              break
            }
            case 3: {
              obj.lo = reader.bytes()
              break
            }
            case 4: {
              obj.hi = reader.bytes()
              break
            }
            case 5: {
              if (opts.limits?.own != null && obj.own.length === opts.limits.own) {
                throw new MaxLengthError('Decode error - repeated field "own" had too many elements')
              }

              obj.own.push(EpochArc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.own$
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
          own: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.lo`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.hi`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              if (opts.limits?.own != null && obj.own === opts.limits.own) {
                throw new MaxLengthError('Streaming decode error - repeated field "own" had too many elements')
              }

              for (const evt of EpochArc.codec().stream(reader, reader.uint32(), `${prefix}.own[]`, {
                limits: opts.limits?.own$
              })) {
                yield {
                  ...evt,
                  index: obj.own
                }
              }

              obj.own++

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

  export interface LeaseReqOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface LeaseReqSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface LeaseReqLoFieldEvent {
    field: '$.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LeaseReqHiFieldEvent {
    field: '$.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LeaseReqOwnLoFieldEvent {
    field: '$.own[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface LeaseReqOwnHiFieldEvent {
    field: '$.own[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface LeaseReqOwnENFieldEvent {
    field: '$.own[].e.n'
    value: bigint
    index: number
  }

  export interface LeaseReqOwnEByFieldEvent {
    field: '$.own[].e.by'
    value: string
    index: number
  }

  export function encode (obj: Partial<LeaseReq>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, LeaseReq.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeaseReq>): LeaseReq {
    return decodeMessage(buf, LeaseReq.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeaseReq>): Generator<LeaseReqOpFieldEvent | LeaseReqSlotFieldEvent | LeaseReqLoFieldEvent | LeaseReqHiFieldEvent | LeaseReqOwnLoFieldEvent | LeaseReqOwnHiFieldEvent | LeaseReqOwnENFieldEvent | LeaseReqOwnEByFieldEvent> {
    return streamMessage(buf, LeaseReq.codec(), opts)
  }
}

export interface LeaseGrant {
  op: bigint
  slot: number
  lo: Uint8Array<ArrayBuffer>
  hi: Uint8Array<ArrayBuffer>
  range?: Arc
  epoch?: Ballot
  grant: string
}

export namespace LeaseGrant {
  let _codec: Codec<LeaseGrant>

  export const codec = (): Codec<LeaseGrant> => {
    if (_codec == null) {
      _codec = message<LeaseGrant>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(16)
          w.uint32(obj.slot)
        }

        if ((obj.lo != null && obj.lo.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.lo)
        }

        if ((obj.hi != null && obj.hi.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.hi)
        }

        if (obj.range != null) {
          w.uint32(42)
          Arc.codec().encode(obj.range, w)
        }

        if (obj.epoch != null) {
          w.uint32(50)
          Ballot.codec().encode(obj.epoch, w)
        }

        if ((obj.grant != null && obj.grant !== '')) {
          w.uint32(58)
          w.string(obj.grant)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          slot: 0,
          lo: uint8ArrayAlloc(0),
          hi: uint8ArrayAlloc(0),
          grant: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.slot = reader.uint32()
              break
            }
            case 3: {
              obj.lo = reader.bytes()
              break
            }
            case 4: {
              obj.hi = reader.bytes()
              break
            }
            case 5: {
              obj.range = Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.range
              })
              break
            }
            case 6: {
              obj.epoch = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.epoch
              })
              break
            }
            case 7: {
              obj.grant = reader.string()
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.slot`,
                value: reader.uint32()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.lo`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.hi`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              yield * Arc.codec().stream(reader, reader.uint32(), `${prefix}.range`, {
                limits: opts.limits?.range
              })

              break
            }
            case 6: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.epoch`, {
                limits: opts.limits?.epoch
              })

              break
            }
            case 7: {
              yield {
                field: `${prefix}.grant`,
                value: reader.string()
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

  export interface LeaseGrantOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface LeaseGrantSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface LeaseGrantLoFieldEvent {
    field: '$.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LeaseGrantHiFieldEvent {
    field: '$.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LeaseGrantRangeLoFieldEvent {
    field: '$.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LeaseGrantRangeHiFieldEvent {
    field: '$.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LeaseGrantEpochNFieldEvent {
    field: '$.epoch.n'
    value: bigint
  }

  export interface LeaseGrantEpochByFieldEvent {
    field: '$.epoch.by'
    value: string
  }

  export interface LeaseGrantGrantFieldEvent {
    field: '$.grant'
    value: string
  }

  export function encode (obj: Partial<LeaseGrant>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, LeaseGrant.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeaseGrant>): LeaseGrant {
    return decodeMessage(buf, LeaseGrant.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeaseGrant>): Generator<LeaseGrantOpFieldEvent | LeaseGrantSlotFieldEvent | LeaseGrantLoFieldEvent | LeaseGrantHiFieldEvent | LeaseGrantRangeLoFieldEvent | LeaseGrantRangeHiFieldEvent | LeaseGrantEpochNFieldEvent | LeaseGrantEpochByFieldEvent | LeaseGrantGrantFieldEvent> {
    return streamMessage(buf, LeaseGrant.codec(), opts)
  }
}

export interface Chosen {
  op: bigint
  key: Uint8Array<ArrayBuffer>
  ballot?: Ballot
  grants: ChosenGrant[]
}

export namespace Chosen {
  let _codec: Codec<Chosen>

  export const codec = (): Codec<Chosen> => {
    if (_codec == null) {
      _codec = message<Chosen>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.key)
        }

        if (obj.ballot != null) {
          w.uint32(26)
          Ballot.codec().encode(obj.ballot, w)
        }

        if (obj.grants != null && obj.grants.length > 0) {
          for (const value of obj.grants) {
            w.uint32(34)
            ChosenGrant.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          key: uint8ArrayAlloc(0),
          grants: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.key = reader.bytes()
              break
            }
            case 3: {
              obj.ballot = Ballot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ballot
              })
              break
            }
            case 4: {
              if (opts.limits?.grants != null && obj.grants.length === opts.limits.grants) {
                throw new MaxLengthError('Decode error - repeated field "grants" had too many elements')
              }

              obj.grants.push(ChosenGrant.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.grants$
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
          grants: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.key`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield * Ballot.codec().stream(reader, reader.uint32(), `${prefix}.ballot`, {
                limits: opts.limits?.ballot
              })

              break
            }
            case 4: {
              if (opts.limits?.grants != null && obj.grants === opts.limits.grants) {
                throw new MaxLengthError('Streaming decode error - repeated field "grants" had too many elements')
              }

              for (const evt of ChosenGrant.codec().stream(reader, reader.uint32(), `${prefix}.grants[]`, {
                limits: opts.limits?.grants$
              })) {
                yield {
                  ...evt,
                  index: obj.grants
                }
              }

              obj.grants++

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

  export interface ChosenOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface ChosenKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface ChosenBallotNFieldEvent {
    field: '$.ballot.n'
    value: bigint
  }

  export interface ChosenBallotByFieldEvent {
    field: '$.ballot.by'
    value: string
  }

  export interface ChosenGrantsSlotFieldEvent {
    field: '$.grants[].slot'
    value: number
    index: number
  }

  export interface ChosenGrantsIdFieldEvent {
    field: '$.grants[].id'
    value: string
    index: number
  }

  export function encode (obj: Partial<Chosen>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Chosen.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Chosen>): Chosen {
    return decodeMessage(buf, Chosen.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Chosen>): Generator<ChosenOpFieldEvent | ChosenKeyFieldEvent | ChosenBallotNFieldEvent | ChosenBallotByFieldEvent | ChosenGrantsSlotFieldEvent | ChosenGrantsIdFieldEvent> {
    return streamMessage(buf, Chosen.codec(), opts)
  }
}

export interface ChosenGrant {
  slot: number
  id: string
}

export namespace ChosenGrant {
  let _codec: Codec<ChosenGrant>

  export const codec = (): Codec<ChosenGrant> => {
    if (_codec == null) {
      _codec = message<ChosenGrant>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.slot != null && obj.slot !== 0)) {
          w.uint32(8)
          w.uint32(obj.slot)
        }

        if ((obj.id != null && obj.id !== '')) {
          w.uint32(18)
          w.string(obj.id)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          slot: 0,
          id: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.slot = reader.uint32()
              break
            }
            case 2: {
              obj.id = reader.string()
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
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.id`,
                value: reader.string()
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

  export interface ChosenGrantSlotFieldEvent {
    field: '$.slot'
    value: number
  }

  export interface ChosenGrantIdFieldEvent {
    field: '$.id'
    value: string
  }

  export function encode (obj: Partial<ChosenGrant>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ChosenGrant.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChosenGrant>): ChosenGrant {
    return decodeMessage(buf, ChosenGrant.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChosenGrant>): Generator<ChosenGrantSlotFieldEvent | ChosenGrantIdFieldEvent> {
    return streamMessage(buf, ChosenGrant.codec(), opts)
  }
}

export interface Revoke {
  op: bigint
  rid: Uint8Array<ArrayBuffer>
  holder: string
}

export namespace Revoke {
  let _codec: Codec<Revoke>

  export const codec = (): Codec<Revoke> => {
    if (_codec == null) {
      _codec = message<Revoke>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.rid != null && obj.rid.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.rid)
        }

        if ((obj.holder != null && obj.holder !== '')) {
          w.uint32(26)
          w.string(obj.holder)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          rid: uint8ArrayAlloc(0),
          holder: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.rid = reader.bytes()
              break
            }
            case 3: {
              obj.holder = reader.string()
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.rid`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.holder`,
                value: reader.string()
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

  export interface RevokeOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface RevokeRidFieldEvent {
    field: '$.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface RevokeHolderFieldEvent {
    field: '$.holder'
    value: string
  }

  export function encode (obj: Partial<Revoke>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Revoke.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Revoke>): Revoke {
    return decodeMessage(buf, Revoke.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Revoke>): Generator<RevokeOpFieldEvent | RevokeRidFieldEvent | RevokeHolderFieldEvent> {
    return streamMessage(buf, Revoke.codec(), opts)
  }
}

export interface Revoked {
  op: bigint
  ms: bigint
}

export namespace Revoked {
  let _codec: Codec<Revoked>

  export const codec = (): Codec<Revoked> => {
    if (_codec == null) {
      _codec = message<Revoked>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.ms != null && obj.ms !== 0n)) {
          w.uint32(16)
          w.sint64(obj.ms)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          ms: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.ms = reader.sint64()
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.ms`,
                value: reader.sint64()
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

  export interface RevokedOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface RevokedMsFieldEvent {
    field: '$.ms'
    value: bigint
  }

  export function encode (obj: Partial<Revoked>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Revoked.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Revoked>): Revoked {
    return decodeMessage(buf, Revoked.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Revoked>): Generator<RevokedOpFieldEvent | RevokedMsFieldEvent> {
    return streamMessage(buf, Revoked.codec(), opts)
  }
}

export interface HomeOp {
  op: bigint
  key: Uint8Array<ArrayBuffer>
  kind: HomeOp.Kind
  value?: Uint8Array<ArrayBuffer>
  expected?: bigint
  by: string
}

export namespace HomeOp {
  export enum Kind {
    GET = 'GET',
    PUT = 'PUT',
    DELETE = 'DELETE',
    CAS = 'CAS'
  }

  enum __KindValues {
    GET = 0,
    PUT = 1,
    DELETE = 2,
    CAS = 3
  }

  export namespace Kind {
    export const codec = (): Codec<Kind> => {
      return enumeration<Kind>(__KindValues)
    }
  }

  let _codec: Codec<HomeOp>

  export const codec = (): Codec<HomeOp> => {
    if (_codec == null) {
      _codec = message<HomeOp>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.key != null && obj.key.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.key)
        }

        if (obj.kind != null && __KindValues[obj.kind] !== 0) {
          w.uint32(24)
          HomeOp.Kind.codec().encode(obj.kind, w)
        }

        if (obj.value != null) {
          w.uint32(34)
          w.bytes(obj.value)
        }

        if (obj.expected != null) {
          w.uint32(40)
          w.sint64(obj.expected)
        }

        if ((obj.by != null && obj.by !== '')) {
          w.uint32(50)
          w.string(obj.by)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          key: uint8ArrayAlloc(0),
          kind: Kind.GET,
          by: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.key = reader.bytes()
              break
            }
            case 3: {
              obj.kind = HomeOp.Kind.codec().decode(reader)
              break
            }
            case 4: {
              obj.value = reader.bytes()
              break
            }
            case 5: {
              obj.expected = reader.sint64()
              break
            }
            case 6: {
              obj.by = reader.string()
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.key`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.kind`,
                value: HomeOp.Kind.codec().decode(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.value`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.expected`,
                value: reader.sint64()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.by`,
                value: reader.string()
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

  export interface HomeOpOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface HomeOpKeyFieldEvent {
    field: '$.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HomeOpKindFieldEvent {
    field: '$.kind'
    value: HomeOp.Kind
  }

  export interface HomeOpValueFieldEvent {
    field: '$.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HomeOpExpectedFieldEvent {
    field: '$.expected'
    value: bigint
  }

  export interface HomeOpByFieldEvent {
    field: '$.by'
    value: string
  }

  export function encode (obj: Partial<HomeOp>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HomeOp.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HomeOp>): HomeOp {
    return decodeMessage(buf, HomeOp.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HomeOp>): Generator<HomeOpOpFieldEvent | HomeOpKeyFieldEvent | HomeOpKindFieldEvent | HomeOpValueFieldEvent | HomeOpExpectedFieldEvent | HomeOpByFieldEvent> {
    return streamMessage(buf, HomeOp.codec(), opts)
  }
}

export interface HomeDone {
  op: bigint
  ok: boolean
  value?: Uint8Array<ArrayBuffer>
  version: bigint
  reason: string
  applied?: boolean
  indeterminate?: boolean
  pending?: boolean
  range?: Arc
}

export namespace HomeDone {
  let _codec: Codec<HomeDone>

  export const codec = (): Codec<HomeDone> => {
    if (_codec == null) {
      _codec = message<HomeDone>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if ((obj.ok != null && obj.ok !== false)) {
          w.uint32(16)
          w.bool(obj.ok)
        }

        if (obj.value != null) {
          w.uint32(26)
          w.bytes(obj.value)
        }

        if ((obj.version != null && obj.version !== 0n)) {
          w.uint32(32)
          w.sint64(obj.version)
        }

        if ((obj.reason != null && obj.reason !== '')) {
          w.uint32(42)
          w.string(obj.reason)
        }

        if (obj.applied != null) {
          w.uint32(48)
          w.bool(obj.applied)
        }

        if (obj.indeterminate != null) {
          w.uint32(56)
          w.bool(obj.indeterminate)
        }

        if (obj.pending != null) {
          w.uint32(64)
          w.bool(obj.pending)
        }

        if (obj.range != null) {
          w.uint32(74)
          Arc.codec().encode(obj.range, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n,
          ok: false,
          version: 0n,
          reason: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
              break
            }
            case 2: {
              obj.ok = reader.bool()
              break
            }
            case 3: {
              obj.value = reader.bytes()
              break
            }
            case 4: {
              obj.version = reader.sint64()
              break
            }
            case 5: {
              obj.reason = reader.string()
              break
            }
            case 6: {
              obj.applied = reader.bool()
              break
            }
            case 7: {
              obj.indeterminate = reader.bool()
              break
            }
            case 8: {
              obj.pending = reader.bool()
              break
            }
            case 9: {
              obj.range = Arc.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.range
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
                field: `${prefix}.op`,
                value: reader.sint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.ok`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.value`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.version`,
                value: reader.sint64()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.reason`,
                value: reader.string()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.applied`,
                value: reader.bool()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.indeterminate`,
                value: reader.bool()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.pending`,
                value: reader.bool()
              }
              break
            }
            case 9: {
              yield * Arc.codec().stream(reader, reader.uint32(), `${prefix}.range`, {
                limits: opts.limits?.range
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

  export interface HomeDoneOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export interface HomeDoneOkFieldEvent {
    field: '$.ok'
    value: boolean
  }

  export interface HomeDoneValueFieldEvent {
    field: '$.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HomeDoneVersionFieldEvent {
    field: '$.version'
    value: bigint
  }

  export interface HomeDoneReasonFieldEvent {
    field: '$.reason'
    value: string
  }

  export interface HomeDoneAppliedFieldEvent {
    field: '$.applied'
    value: boolean
  }

  export interface HomeDoneIndeterminateFieldEvent {
    field: '$.indeterminate'
    value: boolean
  }

  export interface HomeDonePendingFieldEvent {
    field: '$.pending'
    value: boolean
  }

  export interface HomeDoneRangeLoFieldEvent {
    field: '$.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HomeDoneRangeHiFieldEvent {
    field: '$.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<HomeDone>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HomeDone.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HomeDone>): HomeDone {
    return decodeMessage(buf, HomeDone.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HomeDone>): Generator<HomeDoneOpFieldEvent | HomeDoneOkFieldEvent | HomeDoneValueFieldEvent | HomeDoneVersionFieldEvent | HomeDoneReasonFieldEvent | HomeDoneAppliedFieldEvent | HomeDoneIndeterminateFieldEvent | HomeDonePendingFieldEvent | HomeDoneRangeLoFieldEvent | HomeDoneRangeHiFieldEvent> {
    return streamMessage(buf, HomeDone.codec(), opts)
  }
}

export interface HomePing {
  op: bigint
}

export namespace HomePing {
  let _codec: Codec<HomePing>

  export const codec = (): Codec<HomePing> => {
    if (_codec == null) {
      _codec = message<HomePing>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
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
                field: `${prefix}.op`,
                value: reader.sint64()
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

  export interface HomePingOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export function encode (obj: Partial<HomePing>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HomePing.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HomePing>): HomePing {
    return decodeMessage(buf, HomePing.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HomePing>): Generator<HomePingOpFieldEvent> {
    return streamMessage(buf, HomePing.codec(), opts)
  }
}

export interface HomePong {
  op: bigint
}

export namespace HomePong {
  let _codec: Codec<HomePong>

  export const codec = (): Codec<HomePong> => {
    if (_codec == null) {
      _codec = message<HomePong>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.op != null && obj.op !== 0n)) {
          w.uint32(8)
          w.sint64(obj.op)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          op: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.op = reader.sint64()
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
                field: `${prefix}.op`,
                value: reader.sint64()
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

  export interface HomePongOpFieldEvent {
    field: '$.op'
    value: bigint
  }

  export function encode (obj: Partial<HomePong>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HomePong.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HomePong>): HomePong {
    return decodeMessage(buf, HomePong.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HomePong>): Generator<HomePongOpFieldEvent> {
    return streamMessage(buf, HomePong.codec(), opts)
  }
}

export interface StoreMessage {
  prepare?: Prepare
  promise?: Promise
  accept?: Accept
  accepted?: Accepted
  nack?: Nack
  rangeRead?: RangeRead
  rangeData?: RangeData
  handoff?: Handoff
  handoffAck?: HandoffAck
  digestReq?: DigestReq
  digest?: Digest
  rawRead?: RawRead
  rawWrite?: RawWrite
  superseded?: Superseded
  leaseReq?: LeaseReq
  leaseGrant?: LeaseGrant
  revoke?: Revoke
  revoked?: Revoked
  homeOp?: HomeOp
  homeDone?: HomeDone
  chosen?: Chosen
  homePing?: HomePing
  homePong?: HomePong
}

export namespace StoreMessage {
  let _codec: Codec<StoreMessage>

  export const codec = (): Codec<StoreMessage> => {
    if (_codec == null) {
      _codec = message<StoreMessage>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        obj = { ...obj }

        if (obj.homePong != null) {
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.homePing != null) {
          obj.homePong = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.chosen != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.homeDone != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.homeOp != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.revoked != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.revoke != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.leaseGrant != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.leaseReq != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.superseded != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.rawWrite != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.rawRead != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.digest != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.digestReq != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.handoffAck != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.handoff != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.rangeData != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.rangeRead != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.nack != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.accepted != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accept = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.accept != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.promise = undefined
          obj.prepare = undefined
        }

        if (obj.promise != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.prepare = undefined
        }

        if (obj.prepare != null) {
          obj.homePong = undefined
          obj.homePing = undefined
          obj.chosen = undefined
          obj.homeDone = undefined
          obj.homeOp = undefined
          obj.revoked = undefined
          obj.revoke = undefined
          obj.leaseGrant = undefined
          obj.leaseReq = undefined
          obj.superseded = undefined
          obj.rawWrite = undefined
          obj.rawRead = undefined
          obj.digest = undefined
          obj.digestReq = undefined
          obj.handoffAck = undefined
          obj.handoff = undefined
          obj.rangeData = undefined
          obj.rangeRead = undefined
          obj.nack = undefined
          obj.accepted = undefined
          obj.accept = undefined
          obj.promise = undefined
        }

        if (obj.prepare != null) {
          w.uint32(10)
          Prepare.codec().encode(obj.prepare, w)
        }

        if (obj.promise != null) {
          w.uint32(18)
          Promise.codec().encode(obj.promise, w)
        }

        if (obj.accept != null) {
          w.uint32(26)
          Accept.codec().encode(obj.accept, w)
        }

        if (obj.accepted != null) {
          w.uint32(34)
          Accepted.codec().encode(obj.accepted, w)
        }

        if (obj.nack != null) {
          w.uint32(42)
          Nack.codec().encode(obj.nack, w)
        }

        if (obj.rangeRead != null) {
          w.uint32(50)
          RangeRead.codec().encode(obj.rangeRead, w)
        }

        if (obj.rangeData != null) {
          w.uint32(58)
          RangeData.codec().encode(obj.rangeData, w)
        }

        if (obj.handoff != null) {
          w.uint32(66)
          Handoff.codec().encode(obj.handoff, w)
        }

        if (obj.handoffAck != null) {
          w.uint32(74)
          HandoffAck.codec().encode(obj.handoffAck, w)
        }

        if (obj.digestReq != null) {
          w.uint32(82)
          DigestReq.codec().encode(obj.digestReq, w)
        }

        if (obj.digest != null) {
          w.uint32(90)
          Digest.codec().encode(obj.digest, w)
        }

        if (obj.rawRead != null) {
          w.uint32(98)
          RawRead.codec().encode(obj.rawRead, w)
        }

        if (obj.rawWrite != null) {
          w.uint32(106)
          RawWrite.codec().encode(obj.rawWrite, w)
        }

        if (obj.superseded != null) {
          w.uint32(114)
          Superseded.codec().encode(obj.superseded, w)
        }

        if (obj.leaseReq != null) {
          w.uint32(122)
          LeaseReq.codec().encode(obj.leaseReq, w)
        }

        if (obj.leaseGrant != null) {
          w.uint32(130)
          LeaseGrant.codec().encode(obj.leaseGrant, w)
        }

        if (obj.revoke != null) {
          w.uint32(138)
          Revoke.codec().encode(obj.revoke, w)
        }

        if (obj.revoked != null) {
          w.uint32(146)
          Revoked.codec().encode(obj.revoked, w)
        }

        if (obj.homeOp != null) {
          w.uint32(154)
          HomeOp.codec().encode(obj.homeOp, w)
        }

        if (obj.homeDone != null) {
          w.uint32(162)
          HomeDone.codec().encode(obj.homeDone, w)
        }

        if (obj.chosen != null) {
          w.uint32(170)
          Chosen.codec().encode(obj.chosen, w)
        }

        if (obj.homePing != null) {
          w.uint32(178)
          HomePing.codec().encode(obj.homePing, w)
        }

        if (obj.homePong != null) {
          w.uint32(186)
          HomePong.codec().encode(obj.homePong, w)
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
              obj.prepare = Prepare.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prepare
              })
              break
            }
            case 2: {
              obj.promise = Promise.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.promise
              })
              break
            }
            case 3: {
              obj.accept = Accept.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.accept
              })
              break
            }
            case 4: {
              obj.accepted = Accepted.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.accepted
              })
              break
            }
            case 5: {
              obj.nack = Nack.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.nack
              })
              break
            }
            case 6: {
              obj.rangeRead = RangeRead.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.rangeRead
              })
              break
            }
            case 7: {
              obj.rangeData = RangeData.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.rangeData
              })
              break
            }
            case 8: {
              obj.handoff = Handoff.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.handoff
              })
              break
            }
            case 9: {
              obj.handoffAck = HandoffAck.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.handoffAck
              })
              break
            }
            case 10: {
              obj.digestReq = DigestReq.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.digestReq
              })
              break
            }
            case 11: {
              obj.digest = Digest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.digest
              })
              break
            }
            case 12: {
              obj.rawRead = RawRead.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.rawRead
              })
              break
            }
            case 13: {
              obj.rawWrite = RawWrite.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.rawWrite
              })
              break
            }
            case 14: {
              obj.superseded = Superseded.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.superseded
              })
              break
            }
            case 15: {
              obj.leaseReq = LeaseReq.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.leaseReq
              })
              break
            }
            case 16: {
              obj.leaseGrant = LeaseGrant.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.leaseGrant
              })
              break
            }
            case 17: {
              obj.revoke = Revoke.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.revoke
              })
              break
            }
            case 18: {
              obj.revoked = Revoked.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.revoked
              })
              break
            }
            case 19: {
              obj.homeOp = HomeOp.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.homeOp
              })
              break
            }
            case 20: {
              obj.homeDone = HomeDone.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.homeDone
              })
              break
            }
            case 21: {
              obj.chosen = Chosen.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.chosen
              })
              break
            }
            case 22: {
              obj.homePing = HomePing.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.homePing
              })
              break
            }
            case 23: {
              obj.homePong = HomePong.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.homePong
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        if (obj.homePong != null) {
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.homePing != null) {
          delete obj.homePong
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.chosen != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.homeDone != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.homeOp != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.revoked != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.revoke != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.leaseGrant != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.leaseReq != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.superseded != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.rawWrite != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.rawRead != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.digest != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.digestReq != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.handoffAck != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.handoff != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.rangeData != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.rangeRead != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.nack != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.accepted
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.accepted != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accept
          delete obj.promise
          delete obj.prepare
        }

        if (obj.accept != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.promise
          delete obj.prepare
        }

        if (obj.promise != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.prepare
        }

        if (obj.prepare != null) {
          delete obj.homePong
          delete obj.homePing
          delete obj.chosen
          delete obj.homeDone
          delete obj.homeOp
          delete obj.revoked
          delete obj.revoke
          delete obj.leaseGrant
          delete obj.leaseReq
          delete obj.superseded
          delete obj.rawWrite
          delete obj.rawRead
          delete obj.digest
          delete obj.digestReq
          delete obj.handoffAck
          delete obj.handoff
          delete obj.rangeData
          delete obj.rangeRead
          delete obj.nack
          delete obj.accepted
          delete obj.accept
          delete obj.promise
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * Prepare.codec().stream(reader, reader.uint32(), `${prefix}.prepare`, {
                limits: opts.limits?.prepare
              })

              break
            }
            case 2: {
              yield * Promise.codec().stream(reader, reader.uint32(), `${prefix}.promise`, {
                limits: opts.limits?.promise
              })

              break
            }
            case 3: {
              yield * Accept.codec().stream(reader, reader.uint32(), `${prefix}.accept`, {
                limits: opts.limits?.accept
              })

              break
            }
            case 4: {
              yield * Accepted.codec().stream(reader, reader.uint32(), `${prefix}.accepted`, {
                limits: opts.limits?.accepted
              })

              break
            }
            case 5: {
              yield * Nack.codec().stream(reader, reader.uint32(), `${prefix}.nack`, {
                limits: opts.limits?.nack
              })

              break
            }
            case 6: {
              yield * RangeRead.codec().stream(reader, reader.uint32(), `${prefix}.rangeRead`, {
                limits: opts.limits?.rangeRead
              })

              break
            }
            case 7: {
              yield * RangeData.codec().stream(reader, reader.uint32(), `${prefix}.rangeData`, {
                limits: opts.limits?.rangeData
              })

              break
            }
            case 8: {
              yield * Handoff.codec().stream(reader, reader.uint32(), `${prefix}.handoff`, {
                limits: opts.limits?.handoff
              })

              break
            }
            case 9: {
              yield * HandoffAck.codec().stream(reader, reader.uint32(), `${prefix}.handoffAck`, {
                limits: opts.limits?.handoffAck
              })

              break
            }
            case 10: {
              yield * DigestReq.codec().stream(reader, reader.uint32(), `${prefix}.digestReq`, {
                limits: opts.limits?.digestReq
              })

              break
            }
            case 11: {
              yield * Digest.codec().stream(reader, reader.uint32(), `${prefix}.digest`, {
                limits: opts.limits?.digest
              })

              break
            }
            case 12: {
              yield * RawRead.codec().stream(reader, reader.uint32(), `${prefix}.rawRead`, {
                limits: opts.limits?.rawRead
              })

              break
            }
            case 13: {
              yield * RawWrite.codec().stream(reader, reader.uint32(), `${prefix}.rawWrite`, {
                limits: opts.limits?.rawWrite
              })

              break
            }
            case 14: {
              yield * Superseded.codec().stream(reader, reader.uint32(), `${prefix}.superseded`, {
                limits: opts.limits?.superseded
              })

              break
            }
            case 15: {
              yield * LeaseReq.codec().stream(reader, reader.uint32(), `${prefix}.leaseReq`, {
                limits: opts.limits?.leaseReq
              })

              break
            }
            case 16: {
              yield * LeaseGrant.codec().stream(reader, reader.uint32(), `${prefix}.leaseGrant`, {
                limits: opts.limits?.leaseGrant
              })

              break
            }
            case 17: {
              yield * Revoke.codec().stream(reader, reader.uint32(), `${prefix}.revoke`, {
                limits: opts.limits?.revoke
              })

              break
            }
            case 18: {
              yield * Revoked.codec().stream(reader, reader.uint32(), `${prefix}.revoked`, {
                limits: opts.limits?.revoked
              })

              break
            }
            case 19: {
              yield * HomeOp.codec().stream(reader, reader.uint32(), `${prefix}.homeOp`, {
                limits: opts.limits?.homeOp
              })

              break
            }
            case 20: {
              yield * HomeDone.codec().stream(reader, reader.uint32(), `${prefix}.homeDone`, {
                limits: opts.limits?.homeDone
              })

              break
            }
            case 21: {
              yield * Chosen.codec().stream(reader, reader.uint32(), `${prefix}.chosen`, {
                limits: opts.limits?.chosen
              })

              break
            }
            case 22: {
              yield * HomePing.codec().stream(reader, reader.uint32(), `${prefix}.homePing`, {
                limits: opts.limits?.homePing
              })

              break
            }
            case 23: {
              yield * HomePong.codec().stream(reader, reader.uint32(), `${prefix}.homePong`, {
                limits: opts.limits?.homePong
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

  export interface StoreMessagePrepareOpFieldEvent {
    field: '$.prepare.op'
    value: bigint
  }

  export interface StoreMessagePrepareKeyFieldEvent {
    field: '$.prepare.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessagePrepareSlotFieldEvent {
    field: '$.prepare.slot'
    value: number
  }

  export interface StoreMessagePrepareRidFieldEvent {
    field: '$.prepare.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessagePrepareBallotNFieldEvent {
    field: '$.prepare.ballot.n'
    value: bigint
  }

  export interface StoreMessagePrepareBallotByFieldEvent {
    field: '$.prepare.ballot.by'
    value: string
  }

  export interface StoreMessagePromiseOpFieldEvent {
    field: '$.promise.op'
    value: bigint
  }

  export interface StoreMessagePromiseSlotFieldEvent {
    field: '$.promise.slot'
    value: number
  }

  export interface StoreMessagePromiseAcceptedNFieldEvent {
    field: '$.promise.accepted.n'
    value: bigint
  }

  export interface StoreMessagePromiseAcceptedByFieldEvent {
    field: '$.promise.accepted.by'
    value: string
  }

  export interface StoreMessagePromiseValueFieldEvent {
    field: '$.promise.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessagePromiseVersionFieldEvent {
    field: '$.promise.version'
    value: bigint
  }

  export interface StoreMessagePromiseRangeLoFieldEvent {
    field: '$.promise.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessagePromiseRangeHiFieldEvent {
    field: '$.promise.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessagePromiseEpochNFieldEvent {
    field: '$.promise.epoch.n'
    value: bigint
  }

  export interface StoreMessagePromiseEpochByFieldEvent {
    field: '$.promise.epoch.by'
    value: string
  }

  export interface StoreMessagePromiseFencesNFieldEvent {
    field: '$.promise.fences[].n'
    value: bigint
    index: number
  }

  export interface StoreMessagePromiseFencesByFieldEvent {
    field: '$.promise.fences[].by'
    value: string
    index: number
  }

  export interface StoreMessagePromiseLeaseHolderFieldEvent {
    field: '$.promise.lease.holder'
    value: string
  }

  export interface StoreMessagePromiseLeaseMsFieldEvent {
    field: '$.promise.lease.ms'
    value: bigint
  }

  export interface StoreMessagePromiseLeaseGrantFieldEvent {
    field: '$.promise.lease.grant'
    value: string
  }

  export interface StoreMessageAcceptOpFieldEvent {
    field: '$.accept.op'
    value: bigint
  }

  export interface StoreMessageAcceptKeyFieldEvent {
    field: '$.accept.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageAcceptSlotFieldEvent {
    field: '$.accept.slot'
    value: number
  }

  export interface StoreMessageAcceptRidFieldEvent {
    field: '$.accept.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageAcceptBallotNFieldEvent {
    field: '$.accept.ballot.n'
    value: bigint
  }

  export interface StoreMessageAcceptBallotByFieldEvent {
    field: '$.accept.ballot.by'
    value: string
  }

  export interface StoreMessageAcceptValueFieldEvent {
    field: '$.accept.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageAcceptVersionFieldEvent {
    field: '$.accept.version'
    value: bigint
  }

  export interface StoreMessageAcceptNextNFieldEvent {
    field: '$.accept.next.n'
    value: bigint
  }

  export interface StoreMessageAcceptNextByFieldEvent {
    field: '$.accept.next.by'
    value: string
  }

  export interface StoreMessageAcceptedOpFieldEvent {
    field: '$.accepted.op'
    value: bigint
  }

  export interface StoreMessageAcceptedSlotFieldEvent {
    field: '$.accepted.slot'
    value: number
  }

  export interface StoreMessageAcceptedRangeLoFieldEvent {
    field: '$.accepted.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageAcceptedRangeHiFieldEvent {
    field: '$.accepted.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageAcceptedEpochNFieldEvent {
    field: '$.accepted.epoch.n'
    value: bigint
  }

  export interface StoreMessageAcceptedEpochByFieldEvent {
    field: '$.accepted.epoch.by'
    value: string
  }

  export interface StoreMessageAcceptedFencesNFieldEvent {
    field: '$.accepted.fences[].n'
    value: bigint
    index: number
  }

  export interface StoreMessageAcceptedFencesByFieldEvent {
    field: '$.accepted.fences[].by'
    value: string
    index: number
  }

  export interface StoreMessageAcceptedLeaseHolderFieldEvent {
    field: '$.accepted.lease.holder'
    value: string
  }

  export interface StoreMessageAcceptedLeaseMsFieldEvent {
    field: '$.accepted.lease.ms'
    value: bigint
  }

  export interface StoreMessageAcceptedLeaseGrantFieldEvent {
    field: '$.accepted.lease.grant'
    value: string
  }

  export interface StoreMessageAcceptedPrimedFieldEvent {
    field: '$.accepted.primed'
    value: boolean
  }

  export interface StoreMessageNackOpFieldEvent {
    field: '$.nack.op'
    value: bigint
  }

  export interface StoreMessageNackSlotFieldEvent {
    field: '$.nack.slot'
    value: number
  }

  export interface StoreMessageNackReasonFieldEvent {
    field: '$.nack.reason'
    value: Nack.Reason
  }

  export interface StoreMessageNackPromisedNFieldEvent {
    field: '$.nack.promised.n'
    value: bigint
  }

  export interface StoreMessageNackPromisedByFieldEvent {
    field: '$.nack.promised.by'
    value: string
  }

  export interface StoreMessageNackRangeLoFieldEvent {
    field: '$.nack.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageNackRangeHiFieldEvent {
    field: '$.nack.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageNackAcceptedNFieldEvent {
    field: '$.nack.accepted.n'
    value: bigint
  }

  export interface StoreMessageNackAcceptedByFieldEvent {
    field: '$.nack.accepted.by'
    value: string
  }

  export interface StoreMessageNackEpochNFieldEvent {
    field: '$.nack.epoch.n'
    value: bigint
  }

  export interface StoreMessageNackEpochByFieldEvent {
    field: '$.nack.epoch.by'
    value: string
  }

  export interface StoreMessageRangeReadOpFieldEvent {
    field: '$.rangeRead.op'
    value: bigint
  }

  export interface StoreMessageRangeReadLoFieldEvent {
    field: '$.rangeRead.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRangeReadHiFieldEvent {
    field: '$.rangeRead.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRangeReadAfterRidFieldEvent {
    field: '$.rangeRead.after.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRangeReadAfterKeyFieldEvent {
    field: '$.rangeRead.after.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRangeReadLimitFieldEvent {
    field: '$.rangeRead.limit'
    value: number
  }

  export interface StoreMessageRangeReadFenceNFieldEvent {
    field: '$.rangeRead.fence.n'
    value: bigint
  }

  export interface StoreMessageRangeReadFenceByFieldEvent {
    field: '$.rangeRead.fence.by'
    value: string
  }

  export interface StoreMessageRangeReadFenceShiftFieldEvent {
    field: '$.rangeRead.fenceShift'
    value: number
  }

  export interface StoreMessageRangeReadCommitFieldEvent {
    field: '$.rangeRead.commit'
    value: boolean
  }

  export interface StoreMessageRangeReadCommittedLoFieldEvent {
    field: '$.rangeRead.committed[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeReadCommittedHiFieldEvent {
    field: '$.rangeRead.committed[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeReadCommittedENFieldEvent {
    field: '$.rangeRead.committed[].e.n'
    value: bigint
    index: number
  }

  export interface StoreMessageRangeReadCommittedEByFieldEvent {
    field: '$.rangeRead.committed[].e.by'
    value: string
    index: number
  }

  export interface StoreMessageRangeDataOpFieldEvent {
    field: '$.rangeData.op'
    value: bigint
  }

  export interface StoreMessageRangeDataRecordsKeyFieldEvent {
    field: '$.rangeData.records[].key'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeDataRecordsSlotFieldEvent {
    field: '$.rangeData.records[].slot'
    value: number
    index: number
  }

  export interface StoreMessageRangeDataRecordsRidFieldEvent {
    field: '$.rangeData.records[].rid'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeDataRecordsPromisedNFieldEvent {
    field: '$.rangeData.records[].promised.n'
    value: bigint
    index: number
  }

  export interface StoreMessageRangeDataRecordsPromisedByFieldEvent {
    field: '$.rangeData.records[].promised.by'
    value: string
    index: number
  }

  export interface StoreMessageRangeDataRecordsAcceptedNFieldEvent {
    field: '$.rangeData.records[].accepted.n'
    value: bigint
    index: number
  }

  export interface StoreMessageRangeDataRecordsAcceptedByFieldEvent {
    field: '$.rangeData.records[].accepted.by'
    value: string
    index: number
  }

  export interface StoreMessageRangeDataRecordsValueFieldEvent {
    field: '$.rangeData.records[].value'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeDataRecordsVersionFieldEvent {
    field: '$.rangeData.records[].version'
    value: bigint
    index: number
  }

  export interface StoreMessageRangeDataUpToFieldEvent {
    field: '$.rangeData.upTo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRangeDataMoreFieldEvent {
    field: '$.rangeData.more'
    value: boolean
  }

  export interface StoreMessageRangeDataRangeLoFieldEvent {
    field: '$.rangeData.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRangeDataRangeHiFieldEvent {
    field: '$.rangeData.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRangeDataEpochsLoFieldEvent {
    field: '$.rangeData.epochs[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeDataEpochsHiFieldEvent {
    field: '$.rangeData.epochs[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeDataEpochsENFieldEvent {
    field: '$.rangeData.epochs[].e.n'
    value: bigint
    index: number
  }

  export interface StoreMessageRangeDataEpochsEByFieldEvent {
    field: '$.rangeData.epochs[].e.by'
    value: string
    index: number
  }

  export interface StoreMessageRangeDataCommittedLoFieldEvent {
    field: '$.rangeData.committed[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeDataCommittedHiFieldEvent {
    field: '$.rangeData.committed[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageRangeDataCommittedENFieldEvent {
    field: '$.rangeData.committed[].e.n'
    value: bigint
    index: number
  }

  export interface StoreMessageRangeDataCommittedEByFieldEvent {
    field: '$.rangeData.committed[].e.by'
    value: string
    index: number
  }

  export interface StoreMessageHandoffOpFieldEvent {
    field: '$.handoff.op'
    value: bigint
  }

  export interface StoreMessageHandoffLoFieldEvent {
    field: '$.handoff.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageHandoffHiFieldEvent {
    field: '$.handoff.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageHandoffRecordsKeyFieldEvent {
    field: '$.handoff.records[].key'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffRecordsSlotFieldEvent {
    field: '$.handoff.records[].slot'
    value: number
    index: number
  }

  export interface StoreMessageHandoffRecordsRidFieldEvent {
    field: '$.handoff.records[].rid'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffRecordsPromisedNFieldEvent {
    field: '$.handoff.records[].promised.n'
    value: bigint
    index: number
  }

  export interface StoreMessageHandoffRecordsPromisedByFieldEvent {
    field: '$.handoff.records[].promised.by'
    value: string
    index: number
  }

  export interface StoreMessageHandoffRecordsAcceptedNFieldEvent {
    field: '$.handoff.records[].accepted.n'
    value: bigint
    index: number
  }

  export interface StoreMessageHandoffRecordsAcceptedByFieldEvent {
    field: '$.handoff.records[].accepted.by'
    value: string
    index: number
  }

  export interface StoreMessageHandoffRecordsValueFieldEvent {
    field: '$.handoff.records[].value'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffRecordsVersionFieldEvent {
    field: '$.handoff.records[].version'
    value: bigint
    index: number
  }

  export interface StoreMessageHandoffLastFieldEvent {
    field: '$.handoff.last'
    value: boolean
  }

  export interface StoreMessageHandoffReadyFieldEvent {
    field: '$.handoff.ready'
    value: boolean
  }

  export interface StoreMessageHandoffOwnLoFieldEvent {
    field: '$.handoff.own[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffOwnHiFieldEvent {
    field: '$.handoff.own[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffOwnENFieldEvent {
    field: '$.handoff.own[].e.n'
    value: bigint
    index: number
  }

  export interface StoreMessageHandoffOwnEByFieldEvent {
    field: '$.handoff.own[].e.by'
    value: string
    index: number
  }

  export interface StoreMessageHandoffEpochsLoFieldEvent {
    field: '$.handoff.epochs[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffEpochsHiFieldEvent {
    field: '$.handoff.epochs[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffEpochsENFieldEvent {
    field: '$.handoff.epochs[].e.n'
    value: bigint
    index: number
  }

  export interface StoreMessageHandoffEpochsEByFieldEvent {
    field: '$.handoff.epochs[].e.by'
    value: string
    index: number
  }

  export interface StoreMessageHandoffColdFieldEvent {
    field: '$.handoff.cold'
    value: boolean
  }

  export interface StoreMessageHandoffReadyPartsLoFieldEvent {
    field: '$.handoff.readyParts[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffReadyPartsHiFieldEvent {
    field: '$.handoff.readyParts[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageHandoffAckOpFieldEvent {
    field: '$.handoffAck.op'
    value: bigint
  }

  export interface StoreMessageHandoffAckTakenFieldEvent {
    field: '$.handoffAck.taken'
    value: boolean
  }

  export interface StoreMessageDigestReqOpFieldEvent {
    field: '$.digestReq.op'
    value: bigint
  }

  export interface StoreMessageDigestReqLoFieldEvent {
    field: '$.digestReq.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageDigestReqHiFieldEvent {
    field: '$.digestReq.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageDigestReqBucketsFieldEvent {
    field: '$.digestReq.buckets'
    value: number
  }

  export interface StoreMessageDigestOpFieldEvent {
    field: '$.digest.op'
    value: bigint
  }

  export interface StoreMessageDigestLoFieldEvent {
    field: '$.digest.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageDigestUpToFieldEvent {
    field: '$.digest.upTo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageDigestHashesFieldEvent {
    field: '$.digest.hashes[]'
    index: number
    value: number
  }

  export interface StoreMessageDigestRangeLoFieldEvent {
    field: '$.digest.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageDigestRangeHiFieldEvent {
    field: '$.digest.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageDigestEpochsLoFieldEvent {
    field: '$.digest.epochs[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageDigestEpochsHiFieldEvent {
    field: '$.digest.epochs[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageDigestEpochsENFieldEvent {
    field: '$.digest.epochs[].e.n'
    value: bigint
    index: number
  }

  export interface StoreMessageDigestEpochsEByFieldEvent {
    field: '$.digest.epochs[].e.by'
    value: string
    index: number
  }

  export interface StoreMessageDigestCountsFieldEvent {
    field: '$.digest.counts[]'
    index: number
    value: number
  }

  export interface StoreMessageRawReadOpFieldEvent {
    field: '$.rawRead.op'
    value: bigint
  }

  export interface StoreMessageRawReadKeyFieldEvent {
    field: '$.rawRead.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRawReadSlotFieldEvent {
    field: '$.rawRead.slot'
    value: number
  }

  export interface StoreMessageRawReadRidFieldEvent {
    field: '$.rawRead.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRawWriteOpFieldEvent {
    field: '$.rawWrite.op'
    value: bigint
  }

  export interface StoreMessageRawWriteKeyFieldEvent {
    field: '$.rawWrite.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRawWriteSlotFieldEvent {
    field: '$.rawWrite.slot'
    value: number
  }

  export interface StoreMessageRawWriteRidFieldEvent {
    field: '$.rawWrite.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRawWriteValueFieldEvent {
    field: '$.rawWrite.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageSupersededOpFieldEvent {
    field: '$.superseded.op'
    value: bigint
  }

  export interface StoreMessageSupersededRidFieldEvent {
    field: '$.superseded.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageSupersededEpochNFieldEvent {
    field: '$.superseded.epoch.n'
    value: bigint
  }

  export interface StoreMessageSupersededEpochByFieldEvent {
    field: '$.superseded.epoch.by'
    value: string
  }

  export interface StoreMessageLeaseReqOpFieldEvent {
    field: '$.leaseReq.op'
    value: bigint
  }

  export interface StoreMessageLeaseReqSlotFieldEvent {
    field: '$.leaseReq.slot'
    value: number
  }

  export interface StoreMessageLeaseReqLoFieldEvent {
    field: '$.leaseReq.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageLeaseReqHiFieldEvent {
    field: '$.leaseReq.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageLeaseReqOwnLoFieldEvent {
    field: '$.leaseReq.own[].lo'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageLeaseReqOwnHiFieldEvent {
    field: '$.leaseReq.own[].hi'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface StoreMessageLeaseReqOwnENFieldEvent {
    field: '$.leaseReq.own[].e.n'
    value: bigint
    index: number
  }

  export interface StoreMessageLeaseReqOwnEByFieldEvent {
    field: '$.leaseReq.own[].e.by'
    value: string
    index: number
  }

  export interface StoreMessageLeaseGrantOpFieldEvent {
    field: '$.leaseGrant.op'
    value: bigint
  }

  export interface StoreMessageLeaseGrantSlotFieldEvent {
    field: '$.leaseGrant.slot'
    value: number
  }

  export interface StoreMessageLeaseGrantLoFieldEvent {
    field: '$.leaseGrant.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageLeaseGrantHiFieldEvent {
    field: '$.leaseGrant.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageLeaseGrantRangeLoFieldEvent {
    field: '$.leaseGrant.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageLeaseGrantRangeHiFieldEvent {
    field: '$.leaseGrant.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageLeaseGrantEpochNFieldEvent {
    field: '$.leaseGrant.epoch.n'
    value: bigint
  }

  export interface StoreMessageLeaseGrantEpochByFieldEvent {
    field: '$.leaseGrant.epoch.by'
    value: string
  }

  export interface StoreMessageLeaseGrantGrantFieldEvent {
    field: '$.leaseGrant.grant'
    value: string
  }

  export interface StoreMessageRevokeOpFieldEvent {
    field: '$.revoke.op'
    value: bigint
  }

  export interface StoreMessageRevokeRidFieldEvent {
    field: '$.revoke.rid'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageRevokeHolderFieldEvent {
    field: '$.revoke.holder'
    value: string
  }

  export interface StoreMessageRevokedOpFieldEvent {
    field: '$.revoked.op'
    value: bigint
  }

  export interface StoreMessageRevokedMsFieldEvent {
    field: '$.revoked.ms'
    value: bigint
  }

  export interface StoreMessageHomeOpOpFieldEvent {
    field: '$.homeOp.op'
    value: bigint
  }

  export interface StoreMessageHomeOpKeyFieldEvent {
    field: '$.homeOp.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageHomeOpKindFieldEvent {
    field: '$.homeOp.kind'
    value: HomeOp.Kind
  }

  export interface StoreMessageHomeOpValueFieldEvent {
    field: '$.homeOp.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageHomeOpExpectedFieldEvent {
    field: '$.homeOp.expected'
    value: bigint
  }

  export interface StoreMessageHomeOpByFieldEvent {
    field: '$.homeOp.by'
    value: string
  }

  export interface StoreMessageHomeDoneOpFieldEvent {
    field: '$.homeDone.op'
    value: bigint
  }

  export interface StoreMessageHomeDoneOkFieldEvent {
    field: '$.homeDone.ok'
    value: boolean
  }

  export interface StoreMessageHomeDoneValueFieldEvent {
    field: '$.homeDone.value'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageHomeDoneVersionFieldEvent {
    field: '$.homeDone.version'
    value: bigint
  }

  export interface StoreMessageHomeDoneReasonFieldEvent {
    field: '$.homeDone.reason'
    value: string
  }

  export interface StoreMessageHomeDoneAppliedFieldEvent {
    field: '$.homeDone.applied'
    value: boolean
  }

  export interface StoreMessageHomeDoneIndeterminateFieldEvent {
    field: '$.homeDone.indeterminate'
    value: boolean
  }

  export interface StoreMessageHomeDonePendingFieldEvent {
    field: '$.homeDone.pending'
    value: boolean
  }

  export interface StoreMessageHomeDoneRangeLoFieldEvent {
    field: '$.homeDone.range.lo'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageHomeDoneRangeHiFieldEvent {
    field: '$.homeDone.range.hi'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageChosenOpFieldEvent {
    field: '$.chosen.op'
    value: bigint
  }

  export interface StoreMessageChosenKeyFieldEvent {
    field: '$.chosen.key'
    value: Uint8Array<ArrayBuffer>
  }

  export interface StoreMessageChosenBallotNFieldEvent {
    field: '$.chosen.ballot.n'
    value: bigint
  }

  export interface StoreMessageChosenBallotByFieldEvent {
    field: '$.chosen.ballot.by'
    value: string
  }

  export interface StoreMessageChosenGrantsSlotFieldEvent {
    field: '$.chosen.grants[].slot'
    value: number
    index: number
  }

  export interface StoreMessageChosenGrantsIdFieldEvent {
    field: '$.chosen.grants[].id'
    value: string
    index: number
  }

  export interface StoreMessageHomePingOpFieldEvent {
    field: '$.homePing.op'
    value: bigint
  }

  export interface StoreMessageHomePongOpFieldEvent {
    field: '$.homePong.op'
    value: bigint
  }

  export function encode (obj: Partial<StoreMessage>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, StoreMessage.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<StoreMessage>): StoreMessage {
    return decodeMessage(buf, StoreMessage.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<StoreMessage>): Generator<StoreMessagePrepareOpFieldEvent | StoreMessagePrepareKeyFieldEvent | StoreMessagePrepareSlotFieldEvent | StoreMessagePrepareRidFieldEvent | StoreMessagePrepareBallotNFieldEvent | StoreMessagePrepareBallotByFieldEvent | StoreMessagePromiseOpFieldEvent | StoreMessagePromiseSlotFieldEvent | StoreMessagePromiseAcceptedNFieldEvent | StoreMessagePromiseAcceptedByFieldEvent | StoreMessagePromiseValueFieldEvent | StoreMessagePromiseVersionFieldEvent | StoreMessagePromiseRangeLoFieldEvent | StoreMessagePromiseRangeHiFieldEvent | StoreMessagePromiseEpochNFieldEvent | StoreMessagePromiseEpochByFieldEvent | StoreMessagePromiseFencesNFieldEvent | StoreMessagePromiseFencesByFieldEvent | StoreMessagePromiseLeaseHolderFieldEvent | StoreMessagePromiseLeaseMsFieldEvent | StoreMessagePromiseLeaseGrantFieldEvent | StoreMessageAcceptOpFieldEvent | StoreMessageAcceptKeyFieldEvent | StoreMessageAcceptSlotFieldEvent | StoreMessageAcceptRidFieldEvent | StoreMessageAcceptBallotNFieldEvent | StoreMessageAcceptBallotByFieldEvent | StoreMessageAcceptValueFieldEvent | StoreMessageAcceptVersionFieldEvent | StoreMessageAcceptNextNFieldEvent | StoreMessageAcceptNextByFieldEvent | StoreMessageAcceptedOpFieldEvent | StoreMessageAcceptedSlotFieldEvent | StoreMessageAcceptedRangeLoFieldEvent | StoreMessageAcceptedRangeHiFieldEvent | StoreMessageAcceptedEpochNFieldEvent | StoreMessageAcceptedEpochByFieldEvent | StoreMessageAcceptedFencesNFieldEvent | StoreMessageAcceptedFencesByFieldEvent | StoreMessageAcceptedLeaseHolderFieldEvent | StoreMessageAcceptedLeaseMsFieldEvent | StoreMessageAcceptedLeaseGrantFieldEvent | StoreMessageAcceptedPrimedFieldEvent | StoreMessageNackOpFieldEvent | StoreMessageNackSlotFieldEvent | StoreMessageNackReasonFieldEvent | StoreMessageNackPromisedNFieldEvent | StoreMessageNackPromisedByFieldEvent | StoreMessageNackRangeLoFieldEvent | StoreMessageNackRangeHiFieldEvent | StoreMessageNackAcceptedNFieldEvent | StoreMessageNackAcceptedByFieldEvent | StoreMessageNackEpochNFieldEvent | StoreMessageNackEpochByFieldEvent | StoreMessageRangeReadOpFieldEvent | StoreMessageRangeReadLoFieldEvent | StoreMessageRangeReadHiFieldEvent | StoreMessageRangeReadAfterRidFieldEvent | StoreMessageRangeReadAfterKeyFieldEvent | StoreMessageRangeReadLimitFieldEvent | StoreMessageRangeReadFenceNFieldEvent | StoreMessageRangeReadFenceByFieldEvent | StoreMessageRangeReadFenceShiftFieldEvent | StoreMessageRangeReadCommitFieldEvent | StoreMessageRangeReadCommittedLoFieldEvent | StoreMessageRangeReadCommittedHiFieldEvent | StoreMessageRangeReadCommittedENFieldEvent | StoreMessageRangeReadCommittedEByFieldEvent | StoreMessageRangeDataOpFieldEvent | StoreMessageRangeDataRecordsKeyFieldEvent | StoreMessageRangeDataRecordsSlotFieldEvent | StoreMessageRangeDataRecordsRidFieldEvent | StoreMessageRangeDataRecordsPromisedNFieldEvent | StoreMessageRangeDataRecordsPromisedByFieldEvent | StoreMessageRangeDataRecordsAcceptedNFieldEvent | StoreMessageRangeDataRecordsAcceptedByFieldEvent | StoreMessageRangeDataRecordsValueFieldEvent | StoreMessageRangeDataRecordsVersionFieldEvent | StoreMessageRangeDataUpToFieldEvent | StoreMessageRangeDataMoreFieldEvent | StoreMessageRangeDataRangeLoFieldEvent | StoreMessageRangeDataRangeHiFieldEvent | StoreMessageRangeDataEpochsLoFieldEvent | StoreMessageRangeDataEpochsHiFieldEvent | StoreMessageRangeDataEpochsENFieldEvent | StoreMessageRangeDataEpochsEByFieldEvent | StoreMessageRangeDataCommittedLoFieldEvent | StoreMessageRangeDataCommittedHiFieldEvent | StoreMessageRangeDataCommittedENFieldEvent | StoreMessageRangeDataCommittedEByFieldEvent | StoreMessageHandoffOpFieldEvent | StoreMessageHandoffLoFieldEvent | StoreMessageHandoffHiFieldEvent | StoreMessageHandoffRecordsKeyFieldEvent | StoreMessageHandoffRecordsSlotFieldEvent | StoreMessageHandoffRecordsRidFieldEvent | StoreMessageHandoffRecordsPromisedNFieldEvent | StoreMessageHandoffRecordsPromisedByFieldEvent | StoreMessageHandoffRecordsAcceptedNFieldEvent | StoreMessageHandoffRecordsAcceptedByFieldEvent | StoreMessageHandoffRecordsValueFieldEvent | StoreMessageHandoffRecordsVersionFieldEvent | StoreMessageHandoffLastFieldEvent | StoreMessageHandoffReadyFieldEvent | StoreMessageHandoffOwnLoFieldEvent | StoreMessageHandoffOwnHiFieldEvent | StoreMessageHandoffOwnENFieldEvent | StoreMessageHandoffOwnEByFieldEvent | StoreMessageHandoffEpochsLoFieldEvent | StoreMessageHandoffEpochsHiFieldEvent | StoreMessageHandoffEpochsENFieldEvent | StoreMessageHandoffEpochsEByFieldEvent | StoreMessageHandoffColdFieldEvent | StoreMessageHandoffReadyPartsLoFieldEvent | StoreMessageHandoffReadyPartsHiFieldEvent | StoreMessageHandoffAckOpFieldEvent | StoreMessageHandoffAckTakenFieldEvent | StoreMessageDigestReqOpFieldEvent | StoreMessageDigestReqLoFieldEvent | StoreMessageDigestReqHiFieldEvent | StoreMessageDigestReqBucketsFieldEvent | StoreMessageDigestOpFieldEvent | StoreMessageDigestLoFieldEvent | StoreMessageDigestUpToFieldEvent | StoreMessageDigestHashesFieldEvent | StoreMessageDigestRangeLoFieldEvent | StoreMessageDigestRangeHiFieldEvent | StoreMessageDigestEpochsLoFieldEvent | StoreMessageDigestEpochsHiFieldEvent | StoreMessageDigestEpochsENFieldEvent | StoreMessageDigestEpochsEByFieldEvent | StoreMessageDigestCountsFieldEvent | StoreMessageRawReadOpFieldEvent | StoreMessageRawReadKeyFieldEvent | StoreMessageRawReadSlotFieldEvent | StoreMessageRawReadRidFieldEvent | StoreMessageRawWriteOpFieldEvent | StoreMessageRawWriteKeyFieldEvent | StoreMessageRawWriteSlotFieldEvent | StoreMessageRawWriteRidFieldEvent | StoreMessageRawWriteValueFieldEvent | StoreMessageSupersededOpFieldEvent | StoreMessageSupersededRidFieldEvent | StoreMessageSupersededEpochNFieldEvent | StoreMessageSupersededEpochByFieldEvent | StoreMessageLeaseReqOpFieldEvent | StoreMessageLeaseReqSlotFieldEvent | StoreMessageLeaseReqLoFieldEvent | StoreMessageLeaseReqHiFieldEvent | StoreMessageLeaseReqOwnLoFieldEvent | StoreMessageLeaseReqOwnHiFieldEvent | StoreMessageLeaseReqOwnENFieldEvent | StoreMessageLeaseReqOwnEByFieldEvent | StoreMessageLeaseGrantOpFieldEvent | StoreMessageLeaseGrantSlotFieldEvent | StoreMessageLeaseGrantLoFieldEvent | StoreMessageLeaseGrantHiFieldEvent | StoreMessageLeaseGrantRangeLoFieldEvent | StoreMessageLeaseGrantRangeHiFieldEvent | StoreMessageLeaseGrantEpochNFieldEvent | StoreMessageLeaseGrantEpochByFieldEvent | StoreMessageLeaseGrantGrantFieldEvent | StoreMessageRevokeOpFieldEvent | StoreMessageRevokeRidFieldEvent | StoreMessageRevokeHolderFieldEvent | StoreMessageRevokedOpFieldEvent | StoreMessageRevokedMsFieldEvent | StoreMessageHomeOpOpFieldEvent | StoreMessageHomeOpKeyFieldEvent | StoreMessageHomeOpKindFieldEvent | StoreMessageHomeOpValueFieldEvent | StoreMessageHomeOpExpectedFieldEvent | StoreMessageHomeOpByFieldEvent | StoreMessageHomeDoneOpFieldEvent | StoreMessageHomeDoneOkFieldEvent | StoreMessageHomeDoneValueFieldEvent | StoreMessageHomeDoneVersionFieldEvent | StoreMessageHomeDoneReasonFieldEvent | StoreMessageHomeDoneAppliedFieldEvent | StoreMessageHomeDoneIndeterminateFieldEvent | StoreMessageHomeDonePendingFieldEvent | StoreMessageHomeDoneRangeLoFieldEvent | StoreMessageHomeDoneRangeHiFieldEvent | StoreMessageChosenOpFieldEvent | StoreMessageChosenKeyFieldEvent | StoreMessageChosenBallotNFieldEvent | StoreMessageChosenBallotByFieldEvent | StoreMessageChosenGrantsSlotFieldEvent | StoreMessageChosenGrantsIdFieldEvent | StoreMessageHomePingOpFieldEvent | StoreMessageHomePongOpFieldEvent> {
    return streamMessage(buf, StoreMessage.codec(), opts)
  }
}

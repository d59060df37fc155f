/* Goal: the wire codec round-trips every message type, refuses what breaks its limits or identity checks with a reason, and never throws on arbitrary bytes. Method: real Ed25519 peer ids, one sample of each message type, fast-check for random and mutated frames. */
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { peerIdFromString, peerIdFromMultihash } from '@libp2p/peer-id'
import { expect } from 'aegir/chai'
import fc from 'fast-check'
import * as Digest from 'multiformats/hashes/digest'
import { decodeMessage, encodeMessage, idToBytes, keyToId, limits, nodeRefOf, parseMessage } from '../src/index.ts'
import { RingMessage as PB } from '../src/pb/ring.ts'
import type { NodeRef, PeerCodec, RingMessage } from '../src/index.ts'
import type { Peer as PbPeer } from '../src/pb/ring.ts'

const refs: NodeRef[] = []

/** The object without keys whose value is undefined (absent and undefined fields are the same message). */
function defined (x: unknown): unknown {
  if (x instanceof Uint8Array || typeof x !== 'object' || x === null) { return x }
  if (Array.isArray(x)) { return x.map(defined) }
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined).map(([k, v]) => [k, defined(v)]))
}

const codec: PeerCodec = {
  toPeer: (n: NodeRef): PbPeer => ({ id: peerIdFromString(n.addr).toMultihash().bytes, ring: idToBytes(n.id), addrs: [] }),
  fromPeer: (p: PbPeer): NodeRef | undefined => {
    try {
      const ref = nodeRefOf(peerIdFromMultihash(Digest.decode(p.id)))
      if (ref === undefined || p.ring.length !== 16) { return undefined }
      return idToBytes(ref.id).every((b, i) => b === p.ring[i]) ? ref : undefined
    } catch {
      return undefined
    }
  }
}

function samples (): RingMessage[] {
  const [a, b, c] = refs
  const key = keyToId('k')
  return [
    { type: 'route', hop: 7, kind: 'lookup', key, origin: a, reqId: 3, hops: 2, ttl: 60, phase: 1, final: false, slot: keyToId('s') },
    { type: 'route', hop: 8, kind: 'app', key, origin: a, reqId: 4, hops: 0, ttl: 64, phase: 0, final: true, payload: new Uint8Array([1, 2, 3]), wantReply: true },
    { type: 'route', hop: 9, kind: 'merge', key, origin: a, reqId: 0, hops: 1, ttl: 63, phase: 0, final: false, node: b },
    { type: 'ack', hop: 7 },
    { type: 'lookup-reply', reqId: 3, owner: b, hops: 4, payload: new Uint8Array([9]) },
    { type: 'ping', seq: 1, predList: [a, b] },
    { type: 'pong', seq: 1, pred: c, succList: [a, b, c] },
    { type: 'hint', node: c },
    { type: 'join-ok', reqId: 5, pred: a, succList: [b], fingers: [a, b, c] },
    { type: 'join-reject', reqId: 5, reason: 'id-collision' },
    { type: 'leave', predList: [a], succList: [b, c] },
    { type: 'leave-ack' },
    { type: 'correction', slot: keyToId('slot'), node: b },
    { type: 'finger-query', qid: 11, starts: [keyToId('1'), keyToId('2')] },
    { type: 'finger-answer', qid: 11, nodes: [a, b], extra: [c] },
    { type: 'probe', seq: 2 },
    { type: 'probe-ack', seq: 2 },
    { type: 'merge-req', node: a },
    { type: 'cast', hop: 0, origin: a, castId: 3, arcs: [{ lo: 1n, hi: 5n }], limit: keyToId('l'), payload: { kind: 'topology', events: [{ kind: 'fail', node: b, pred: keyToId('p'), replacement: c }] } },
    { type: 'cast', hop: 4, origin: a, castId: 4, arcs: [{ lo: 0n, hi: 0n }], limit: a.id, payload: { kind: 'app', data: new Uint8Array([5, 6]) } }
  ]
}

describe('wire codec', () => {
  before(async () => {
    for (let i = 0; i < 3; i++) {
      const ref = nodeRefOf(peerIdFromPrivateKey(await generateKeyPair('Ed25519')))
      if (ref === undefined) { throw new Error('Ed25519 peer ids embed their key') }
      refs.push(ref)
    }
  })

  it('round-trips one message of every type, and the result passes the core validation', () => {
    for (const m of samples()) {
      const r = decodeMessage(encodeMessage(m, codec), codec)
      expect(r.ok, m.type).to.equal(true)
      if (!r.ok) { continue }
      expect(defined(r.msg), m.type).to.deep.equal(defined(m))
      expect(parseMessage(r.msg).ok, m.type).to.equal(true)
    }
  })

  it('refuses lists over their limits', () => {
    const tooMany = Array.from({ length: limits.PRED_LIST_MAX + 1 }, (_, i) => refs[i % refs.length])
    const bytes = PB.encode({ ping: { seq: 1, predList: tooMany.map(codec.toPeer) } })
    expect(decodeMessage(bytes, codec)).to.deep.equal({ ok: false, reason: 'over-limit' })
  })

  it('refuses a peer whose claimed ring id does not match its key', () => {
    const liar = { ...codec.toPeer(refs[0]), ring: idToBytes(keyToId('somewhere else')) }
    expect(decodeMessage(PB.encode({ hint: { node: liar } }), codec)).to.deep.equal({ ok: false, reason: 'bad-peer-node' })
  })

  it('refuses frames with no body, and ring ids of the wrong length', () => {
    expect(decodeMessage(new Uint8Array(0), codec)).to.deep.equal({ ok: false, reason: 'empty' })
    expect(decodeMessage(PB.encode({ correction: { slot: new Uint8Array(15), node: codec.toPeer(refs[1]) } }), codec)).to.deep.equal({ ok: false, reason: 'bad-slot' })
  })

  it('never throws on random bytes or on mutated valid frames', () => {
    const frames = samples().map(m => encodeMessage(m, codec))
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), bytes => {
      const r = decodeMessage(bytes, codec)
      return r.ok ? parseMessage(r.msg).ok || typeof parseMessage(r.msg) === 'object' : typeof r.reason === 'string'
    }), { numRuns: 2000 })
    fc.assert(fc.property(fc.nat({ max: frames.length - 1 }), fc.nat(), fc.nat({ max: 255 }), (f, pos, byte) => {
      const bytes = new Uint8Array(frames[f])
      if (bytes.length === 0) { return true }
      bytes[pos % bytes.length] = byte
      const r = decodeMessage(bytes, codec)
      return r.ok || typeof r.reason === 'string'
    }), { numRuns: 3000 })
    fc.assert(fc.property(fc.nat({ max: frames.length - 1 }), fc.nat(), (f, cut) => {
      const r = decodeMessage(frames[f].subarray(0, cut % (frames[f].length + 1)), codec)
      return r.ok || typeof r.reason === 'string'
    }), { numRuns: 1000 })
  })
})

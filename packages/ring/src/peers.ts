/**
 * Ring identity of libp2p peers. A peer's ring id is the first 128 bits of SHA-256 of its
 * protobuf-encoded public key: a node cannot choose its place on the ring. Only peer ids that
 * embed their public key (Ed25519, secp256k1) can be ring members; an RSA peer id hashes the key
 * and would need it from elsewhere, so it is refused.
 *
 * Ids are cached (LRU): a pong or join-ok names up to a hundred peers and the hash is not free.
 */
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromMultihash, peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import * as Digest from 'multiformats/hashes/digest'
import { PEER_ADDRS_MAX, PEER_CACHE_MAX } from './constants.ts'
import { keyToId } from './core/id.ts'
import type { RingId } from './core/id.ts'
import type { NodeRef } from './core/node-ref.ts'
import type { PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

const ringIds = new Map<string, RingId>()

/** The ring id of a peer, or undefined when its peer id does not embed its public key. */
export function ringIdOfPeer (peerId: PeerId): RingId | undefined {
  const key = peerId.toString()
  const cached = ringIds.get(key)
  if (cached !== undefined) { return cached }
  if (peerId.publicKey == null) { return undefined }
  const id = keyToId(publicKeyToProtobuf(peerId.publicKey))
  ringIds.set(key, id)
  if (ringIds.size > PEER_CACHE_MAX) {
    const oldest = ringIds.keys().next().value
    if (oldest !== undefined) { ringIds.delete(oldest) }
  }
  return id
}

/** The core's reference to a peer: its ring id and its peer id string as the address. */
export function nodeRefOf (peerId: PeerId): NodeRef | undefined {
  const id = ringIdOfPeer(peerId)
  return id === undefined ? undefined : { id, addr: peerId.toString() }
}

/** The peer id behind a core reference (its address). */
export function peerIdOf (ref: NodeRef): PeerId {
  return peerIdFromString(ref.addr)
}

/** Parses peer id bytes (a multihash); undefined when they are not one. */
export function peerIdFromBytes (bytes: Uint8Array): PeerId | undefined {
  try {
    return peerIdFromMultihash(Digest.decode(bytes))
  } catch {
    return undefined
  }
}

/** Parses multiaddr bytes, keeping at most PEER_ADDRS_MAX valid ones. */
export function multiaddrsFromBytes (list: readonly Uint8Array[]): Multiaddr[] {
  const out: Multiaddr[] = []
  for (const b of list) {
    if (out.length >= PEER_ADDRS_MAX) { break }
    try {
      out.push(multiaddr(b))
    } catch {
      // An unparsable address is dropped; the peer may still be reachable by another.
    }
  }
  return out
}

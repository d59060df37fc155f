/**
 * @packageDocumentation
 *
 * The Tango/DKS ring of selfmgmt.
 *
 * - `src/core/` is the protocol as a pure state machine ({@link RingNode}): the relaxed ring for
 * membership, DKS, Tango and Chord routing geometries, correction-on-use and
 * correction-on-change, transitive lookups, broadcast and range-cast, failure detection of
 * neighbours and ring unification after partitions. It reads no clock and does no I/O.
 * - {@link ring} is the libp2p service that drives it: protocol `/selfmgmt/ring/1.0.0`,
 * protobuf frames on one long-lived stream per peer, libp2p peer and content routing through
 * the ring.
 *
 * @example
 * ```ts
 * import { createLibp2p } from 'libp2p'
 * import { ring } from '@selfmgmt/ring'
 *
 * const node = await createLibp2p({
 *   // transports, encrypters, muxers, identify ...
 *   services: { ring: ring({ bootstrap: ['/ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...'] }) }
 * })
 * const { owner, hops } = await node.services.ring.lookup('some key')
 * ```
 */
export * from './core/index.ts'
export { ring, RingService } from './service.ts'
export type { RingInit, RingComponents, RingPeer, LookupResult, RingEvents, RingOperationOptions, RingProgressEvents } from './service.ts'
export { LookupFailedError, NotMemberError, JoinFailedError, UnsupportedPeerError, RecordTooLargeError } from './errors.ts'
export { ringIdOfPeer, nodeRefOf } from './peers.ts'
export { encodeMessage, decodeMessage, DECODE_LIMITS } from './wire.ts'
export type { PeerCodec, DecodeResult } from './wire.ts'
export { PROTOCOL as RING_PROTOCOL } from './constants.ts'
export { acquirePauseClock, pauseAwareNow, pausedTotalMs, releasePauseClock, PAUSE_TICK_MS, PAUSE_TOLERANCE_MS } from './pause-clock.ts'
export { Channels } from './channels.ts'
export { readFrames } from './frames.ts'
export type { ReadFramesInit } from './frames.ts'
export type { ChannelsInit } from './channels.ts'
export { peerIdOf } from './peers.ts'
export { CoreTimer } from './core-timer.ts'

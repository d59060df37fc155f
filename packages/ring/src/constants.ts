/**
 * Defaults and limits of the libp2p ring service (the protocol core has its own in
 * core/constants.ts), each with its reason.
 */

/** The ring protocol. */
export const PROTOCOL = '/selfmgmt/ring/1.0.0'
/** Largest frame: a join-ok with 128 fingers of 4 addresses each is about 40 KiB; app payloads are 64 KiB at most. */
export const FRAME_BYTES_MAX = 256 * 1024
/** Addresses carried per peer on the wire (and kept per peer for dialling). */
export const PEER_ADDRS_MAX = 4
/** Peer ids whose ring id is cached. */
export const PEER_CACHE_MAX = 8192
/** Peers whose addresses learned from ring messages are kept for dialling. */
export const ADDRESS_BOOK_MAX = 8192
/** Streams per connection for the ring protocol: one each way, plus room for a reconnect race. */
export const MAX_INBOUND_STREAMS = 4
export const MAX_OUTBOUND_STREAMS = 4
/** Frames queued for one peer while its stream opens or drains; beyond, frames are dropped (the core retries). */
export const PEER_QUEUE_MAX = 1024
/** Peers with an open or opening ring stream. */
export const CHANNELS_MAX = 4096
/** Dialling a peer and opening its stream must finish within this. */
export const OPEN_TIMEOUT_MS = 10_000
/** Default deadline of a lookup, a routed request or a record operation. */
export const OPERATION_TIMEOUT_MS = 30_000
/** Tag value for ring neighbours and fingers in the connection manager (kad-dht's closest peers use 50). */
export const TAG_VALUE = 50
export const TAG_NAME = 'selfmgmt-ring'
/** Tags are refreshed at most this often. */
export const TAG_REFRESH_MS = 5_000
/** Records kept for content routing (provider records and values) at their owner. */
export const RECORDS_MAX = 65_536
/** Providers kept per key. */
export const PROVIDERS_PER_KEY_MAX = 32
/** Record key and value sizes for content routing (small records only). */
export const RECORD_KEY_BYTES_MAX = 1024
export const RECORD_VALUE_BYTES_MAX = 16 * 1024
/** Provider records and values expire after this; provide again to keep them (kad-dht: 48 h). */
export const RECORD_TTL_MS = 48 * 3600_000
/** Closest peers returned by getClosestPeers: the owner and its successors. */
export const CLOSEST_PEERS_MAX = 8

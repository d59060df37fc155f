/**
 * Defaults and limits of the libp2p store service and its wire format (the protocol core has its
 * own in core/constants.ts), each with its reason.
 */

/** The store protocol. */
export const STORE_PROTOCOL = '/selfmgmt/store/1.0.0'

/**
 * Largest frame. A page (range-data or hand-off) stops once its keys and values reach
 * PAGE_BYTES_MAX (4 MiB), so the record that crosses that bound adds at most one more key and
 * value: keys and values stay below 4 MiB + VALUE_BYTES_MAX (1 MiB) + KEY_BYTES_MAX (1 KiB).
 * Each of the PAGE_RECORDS_MAX (256) records adds at most ~450 bytes of ids, ballots (a 64-char
 * `by` is at most 192 UTF-8 bytes), version and tags: ~115 KiB. Worst case ~5.1 MiB (the test
 * builds that page), so 5 MiB would not do; 6 MiB leaves room. Every other message is a few KiB
 * plus at most one value.
 */
export const STORE_FRAME_BYTES_MAX = 6 * 1024 * 1024

/** Longest ballot proposer (`by`), in UTF-16 code units: the core uses a 32-digit hex ring id. */
export const BALLOT_BY_CHARS_MAX = 64

/** Default deadline of get/put/cas/delete as seen by callers and the API. */
export const OPERATION_TIMEOUT_MS = 30_000
/** A graceful stop waits this long for the hand-off of the whole range to the successor. */
export const HANDOFF_ON_STOP_MS = 10_000
/** Store streams per connection: one each way, plus room for a reconnect race. */
export const MAX_INBOUND_STREAMS = 4
export const MAX_OUTBOUND_STREAMS = 4

/** Longest lease holder (a node address, as the ring names nodes: a multiaddr with a peer id) in a lease note or revoke. */
export const LEASE_HOLDER_CHARS_MAX = 1024
/** Longest grant id (the grantor's ring id in hex, its boot tag and a counter: under 70). */
export const GRANT_ID_CHARS_MAX = 128
/** Longest failure reason in a home-done (the core's reasons are short identifiers). */
export const REASON_CHARS_MAX = 64

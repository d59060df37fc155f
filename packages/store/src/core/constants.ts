/**
 * Defaults and limits of the store core, each with its reason.
 */

/** Default replication degree (DESIGN.md §4): tolerates one lost replica per key with W = 3. */
export const R_DEFAULT = 4
/** Largest key, in bytes. */
export const KEY_BYTES_MAX = 1024
/** Largest value, in bytes (a message carries at most one value plus a few hundred bytes). */
export const VALUE_BYTES_MAX = 1024 * 1024
/** A phase (prepare or accept) that has not reached its quorum by then is retried with a higher ballot. */
export const PHASE_TIMEOUT_MS = 3000
/** A fast read (one round to exactly a quorum) not answered by then falls back to a full round. */
export const FAST_READ_TIMEOUT_MS = 1000
/**
 * A fast read asks a quorum of slots first (the nearest by measured round trip); the other slots
 * are asked too if those have not all answered by twice the slowest one's round-trip estimate
 * (at least FAST_READ_HEDGE_MIN_MS, at most FAST_READ_HEDGE_MAX_MS), or by FAST_READ_HEDGE_MS
 * when one of them has no estimate yet.
 */
export const FAST_READ_HEDGE_MS = 250
export const FAST_READ_HEDGE_MIN_MS = 20
export const FAST_READ_HEDGE_MAX_MS = 500
/** Round-trip estimates closer than this count as equal (reads rotate among those replicas). */
export const RTT_BUCKET_MS = 10
/** An operation that has not finished by then fails. */
export const OP_TIMEOUT_MS = 20_000
/** Attempts (ballots) per operation. */
export const ATTEMPTS_MAX = 6
/** First back-off after a lost ballot race; doubles per attempt, with jitter. */
export const BACKOFF_MS = 40
/** An operation refused by slots not ready yet retries after this (until its deadline). */
export const NOT_READY_RETRY_MS = 500
/** Re-resolutions of a slot's owner within one phase (a stale owner cache says not-owner). */
export const RESOLVES_PER_PHASE_MAX = 3
/** Operations in flight per node. */
export const OPS_PENDING_MAX = 4096
/** Owner ranges remembered from replies (a one-hop cache in front of ring lookups). */
export const OWNER_CACHE_MAX = 1024
/** Records per range-read or hand-off page (bounded by message size: values up to 1 MiB go one per page beyond this). */
export const PAGE_RECORDS_MAX = 256
/** Page payload bound: a page stops early once its values reach this many bytes. */
export const PAGE_BYTES_MAX = 4 * 1024 * 1024
/** A new owner waits this long for a hand-off from the previous owner before rebuilding from the other replicas. */
export const HANDOFF_WAIT_MS = 3000
/** Rebuild reads not answered (or refused as not ready) are retried after this. */
export const REBUILD_RETRY_MS = 2000
/**
 * A rebuild an operator forced (force-rebuild) goes on without a slot whose reads have been
 * refused or unanswered for this many retry periods (4 s by default): long enough for a slot
 * that answers at all to have answered a retry.
 */
export const FORCE_SKIP_RETRIES = 2
/** A pending arc whose reads of some other slot's copy have failed this long is reported stalled (rangeState). */
export const STALLED_MS = 10_000
/** A hand-off page not acknowledged by then is sent again; after HANDOFF_ATTEMPTS_MAX the records stay here. */
export const HANDOFF_RETRY_MS = 3000
export const HANDOFF_ATTEMPTS_MAX = 5
/** Arcs received ready from a leaving predecessor stay valid this long (until our range grows over them). */
export const MIGRATED_TTL_MS = 15_000
/** Arcs remembered as migrated. */
export const MIGRATED_MAX = 64
/** Ring lookups for owners in flight. */
export const LOOKUPS_PENDING_MAX = 4096
/** Events and messages waiting for the driver; beyond it the core asserts (a driver bug). */
export const QUEUE_MAX = 1 << 16
/** Anti-entropy round period per node: one sibling arc compared per round. */
export const ANTI_ENTROPY_MS = 10_000
/** Buckets of a digest: a difference costs the records of 1/this of the compared arc. */
export const DIGEST_BUCKETS = 32
/** Largest digest accepted. */
export const DIGEST_BUCKETS_MAX = 1024
/** A gained arc is rebuilt in this many chunks, each ready on its own. */
export const REBUILD_CHUNKS = 8
/** Pending arcs kept apart; beyond it adjacent ones are merged. */
export const PENDING_ARCS_MAX = 256
/** Epoch arcs per message (what a node knows over an arc's slot images; merged upward beyond it, which only excludes more). */
export const EPOCH_ARCS_MAX = 512
/** Fence spans a node keeps (merged upward beyond it). */
export const FENCE_SPANS_MAX = 4096
/** Anti-entropy pulls a differing bucket with at most this many of the sibling's records; a larger one is compared one level down first. */
export const AE_PULL_RECORDS = 32
/** Levels of digests below the first (32^4 ≈ a million buckets per compared arc). */
export const AE_DEPTH_MAX = 4
/** Anti-entropy pulls and descents in flight per node; beyond, a round stops asking (the next round compares again). */
export const AE_INFLIGHT_MAX = 64
/** Largest epoch number accepted from a peer (honest nodes count up by one per rebuild; far below 2^53, so +1 stays exact). */
export const EPOCH_N_MAX = 2 ** 48
/**
 * Read leases (config `leases`; the libp2p service turns them on by default): a grant lasts this
 * long from its receipt at the grantor (the grantor's clock).
 */
export const LEASE_MS = 2000
/**
 * The holder counts a grant valid for LEASE_MS × LEASE_GUARD from when it sent the request (its
 * clock): safe while clock rates differ by less than 15% (the simulator draws them within ±5%).
 */
export const LEASE_GUARD = 0.85
/** The holder renews its grants this often while it has had gets to answer within LEASE_DEMAND_MS. */
export const LEASE_RENEW_MS = 700
export const LEASE_DEMAND_MS = 10_000
/**
 * An arc that became ready here refuses every proposer this long (a grant made by its previous
 * holder, which we never heard of, may still be counted by its holder): LEASE_MS with margin for
 * the clock rates.
 */
export const LEASE_QUIET_MS = 2400
/** A coordinator whose quorum told of a lease waits this long for the holder's own reply before revoking the lease. */
export const LEASE_ACK_WAIT_MS = 200
/** A coordinator waits out a revoked lease for what the grantor said was left × this (clock rates again). */
export const LEASE_WAIT_FACTOR = 1.2
/** A get sent to its key's home that has no answer by then runs here instead. */
export const LEASE_GET_TIMEOUT_MS = 1000
/** Grants a node keeps, leases pieces a home keeps, keys it keeps confirmed (beyond, the oldest go). */
export const LEASE_GRANTS_MAX = 4096
export const LEASE_CONFIRMED_MAX = 100_000

/**
 * Home writes (leases): a write sent to its key's home waits for the home's answer this long
 * beyond the operation timeout before it fails indeterminate (the home runs it within its own).
 */
export const HOME_WRITE_MARGIN_MS = 2000

/** Home writes: a prime (a ballot promised with the last acceptance) is used within this long, else a full round runs. */
export const HOME_PRIME_TTL_MS = 300_000

/** Home writes: primes kept at most (one per key; the oldest forgotten first). */
export const HOME_PRIMES_MAX = 100_000

/**
 * Home writes: a write sent by another node is remembered this long (at most HOME_WRITES_SEEN_MAX
 * of them, the oldest forgotten first), and a copy of its message arriving meanwhile is dropped.
 */
export const HOME_WRITE_DEDUP_MS = 60_000
export const HOME_WRITES_SEEN_MAX = 100_000

/** Home writes: a write sent to its key's home and not answered yet is sent again this often (to the same node). */
export const HOME_WRITE_RESEND_MS = 1000

/**
 * Home writes: a home that answered a copy of a write once (that it still runs it) and then none
 * for HOME_WRITE_SILENCE_MS, or none at all for HOME_WRITE_FIRST_SILENCE_MS (the first message
 * may wait for a connection), is taken for gone: the write fails indeterminate.
 */
export const HOME_WRITE_SILENCE_MS = 3000
export const HOME_WRITE_FIRST_SILENCE_MS = 5000

/**
 * Home writes: a write goes to its key's home at once if some message came from it within this
 * long; otherwise the home is asked first whether it is there (home-ping), as a home that died
 * would leave the write indeterminate. (At 2 s, once writes pinged homes, more nodes had heard
 * from a home just before it crashed: of the simulator's failure cells r = 4 and 5 with one
 * holder crashed, seeds 1-30, 23 and 19 writes right after the crash succeeded, against 26 and
 * 27 before the pings; at 500 ms 27 and 27.)
 */
export const HOME_HEARD_MS = 500
/**
 * The write goes to the home when its home-pong comes, and runs where it was asked (nothing was
 * sent to the home, so it cannot run twice) when none came within this long.
 */
export const HOME_PROBE_MS = 1000

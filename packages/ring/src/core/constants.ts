/**
 * Defaults and limits of the ring core, each with its reason. Every list, map and queue in the
 * core has a `*_MAX`; every timeout has a default that a driver may override through
 * {@link RingConfig}.
 */

/** Successor list length: tolerates this many consecutive crashes (DKS f), and must be ≥ r + 1 for replication degree r ≤ 7. */
export const SUCC_LIST_MAX = 8
/** Predecessor list length: backup owners after a predecessor crash, and the range of branch routing. */
export const PRED_LIST_MAX = 8
/** Distinct nodes a routing table may hold: one per slot at most, and dks k=256 has 255 × 16 slots. */
export const TABLE_NODES_MAX = 4096
/** Proximity candidates kept per finger slot; the lowest-RTT one serves the slot. */
export const SLOT_CANDIDATES_MAX = 6
/** Finger nodes sent to a joiner in join-ok, and therefore decoded at most. */
export const JOIN_FINGERS_MAX = 128
/** Starts asked per finger query (one message per distinct finger). */
export const QUERY_STARTS_MAX = 64
/** Extra candidates returned by a finger answer (the answering node's successors). */
export const ANSWER_EXTRA_MAX = 6
/** Finger queries in flight per node. */
export const FINGER_QUERIES_PENDING_MAX = 256
/** Re-query depth when a finger answer points elsewhere. */
export const FINGER_QUERY_DEPTH_MAX = 3
/** Routed or cast messages awaiting a hop acknowledgement. */
export const HOPS_PENDING_MAX = 4096
/** Lookups in flight started by this node. */
export const LOOKUPS_PENDING_MAX = 4096
/** Attempts per lookup (first try included) before it is reported failed. */
export const LOOKUP_ATTEMPTS_MAX = 3
/** Hop limit of a routed message: a guard only, strict progress already rules out loops. */
export const TTL_MAX = 64
/** Ranges carried by one range-cast message. */
export const CAST_RANGES_MAX = 1024
/** Topology events carried by one correction-on-change cast. */
export const TOPOLOGY_EVENTS_MAX = 16
/** Topology events waiting for the next batch; beyond it the oldest are dropped (correction-on-use still repairs). */
export const TOPOLOGY_QUEUE_MAX = 64
/** Application payload size in a routed or cast message. */
export const PAYLOAD_BYTES_MAX = 64 * 1024
/** Length of a transport address string. */
export const ADDR_LENGTH_MAX = 256
/** Suspected nodes kept for probing (partition merge). */
export const SUSPECTS_MAX = 32
/** Recently seen (origin, id) pairs for duplicate suppression of casts and joins. */
export const SEEN_MAX = 4096
/** RTT estimates kept (LRU) under proximity: more than a table's candidates (about 50 slots × 6), so they are not evicted and probed again. */
export const RTT_TABLE_MAX = 512
/** RTT estimates kept without proximity: for timeouts to the table's nodes and neighbours only. */
export const RTT_TABLE_MAX_PLAIN = 96
/** Merge requests handled per node per minute (ring unification), to bound the work of a flood. */
export const MERGES_PER_MINUTE_MAX = 60
/** Events waiting for the driver to drain; beyond it the core asserts (a driver bug). */
export const EVENT_QUEUE_MAX = 1 << 16
/** Messages waiting for the driver to drain. */
export const TRANSMIT_QUEUE_MAX = 1 << 16

/**
 * Ping interval to the successor. One ping and one pong per interval per node: 2 / 3 s = 0.67
 * messages per node per second with no churn, within the 1 msg/node/s budget; failure detection
 * within about 2 intervals.
 */
export const PING_INTERVAL_MS = 3000
/** A predecessor silent for this long is suspected (pings come every PING_INTERVAL_MS). */
export const PRED_TIMEOUT_MS = 3.5 * PING_INTERVAL_MS
/** Retransmissions of an unanswered ping before the successor is suspected. */
export const PING_RETRIES = 1
/** Initial retransmission timeout before any RTT sample (RFC 6298 uses 1 s). */
export const RTO_INITIAL_MS = 1000
export const RTO_MIN_MS = 200
export const RTO_MAX_MS = 5000
/** A lookup attempt that gets no answer within this time is retried. */
export const LOOKUP_TIMEOUT_MS = 5000
/** A join attempt that gets no answer within this time is retried through the next bootstrap node. */
export const JOIN_TIMEOUT_MS = 5000
/** Join attempts before join-failed is reported. */
export const JOIN_ATTEMPTS_MAX = 8
/** A graceful leave waits this long for acknowledgements before it reports left anyway. */
export const LEAVE_TIMEOUT_MS = 3000
/** Finger queries unanswered after this are dropped. */
export const FINGER_QUERY_TIMEOUT_MS = 5000
/** Correction-on-change batching: topology events are sent at most this often. */
export const TOPOLOGY_BATCH_MS = 500
/** First probe of a suspected node after this delay; doubles up to SUSPECT_PROBE_MAX_MS. */
export const SUSPECT_PROBE_MIN_MS = 2000
/** Probe back-off cap: a partition healed is noticed within this time. */
export const SUSPECT_PROBE_MAX_MS = 30_000
/** Suspected nodes are forgotten after this (partitions longer than this need a bootstrap to merge). */
export const SUSPECT_TTL_MS = 30 * 60_000
/** Proximity probes per second (token bucket refill) and burst: a few hundred candidates are measured within a minute of joining. */
export const PROBES_PER_SECOND = 8
export const PROBE_BURST = 32
/** A node heard from within this window is fresh: a message from it cancels its suspicion at once. */
export const FRESH_MS = 2 * PING_INTERVAL_MS
/**
 * A suspected node heard from again sooner than this was falsely suspected (a slow first hop
 * over a new connection, a late pong) and is taken back without a ring merge; heard from later,
 * it may have lived in another ring (a partition) and a merge runs.
 */
export const MERGE_SUSPECT_MIN_MS = 2 * PING_INTERVAL_MS

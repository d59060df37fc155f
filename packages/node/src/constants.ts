/**
 * Defaults and limits of a selfmgmt node, its HTTP API, its command line and the local demo
 * network, each with its reason. Ring timeouts are tuned for a LAN (round trips under 10 ms):
 * a crashed neighbour is noticed within a few seconds. Raise them for a WAN.
 */

// ------------------------------------------------------------------ identity and state

/** The node's Ed25519 private key, protobuf-encoded, under the data directory. */
export const KEY_FILE = 'peer.key'
/** Held in the data directory while a node runs on it (data-dir-lock.ts). */
export const LOCK_FILE = 'node.lock'
/** Last known ring neighbours (peer ids and multiaddrs), tried after the explicit bootstrap on restart. */
export const PEERS_FILE = 'peers.json'
/** Replica records of the store (SQLite; `@selfmgmt/store` refuses a damaged file at start). */
export const STORE_FILE = 'store.db'
/** Owner-only: the key is the node's identity. */
export const KEY_FILE_MODE = 0o600
export const DATA_DIR_MODE = 0o700
/** A protobuf Ed25519 private key is 68 bytes; anything much larger is not a key file. */
export const KEY_FILE_BYTES_MAX = 4096
/** peers.json larger than this is ignored (it holds at most PEERS_SAVED_MAX entries). */
export const PEERS_FILE_BYTES_MAX = 256 * 1024
/** Neighbours remembered in peers.json: both neighbour lists of the ring (8 + 8). */
export const PEERS_SAVED_MAX = 16
/** Addresses kept per remembered peer. */
export const PEER_ADDRS_SAVED_MAX = 4
/** peers.json is rewritten at most this often while the neighbourhood changes. */
export const PEERS_SAVE_INTERVAL_MS = 30_000

// ------------------------------------------------------------------ network

/** Listen on loopback only unless told otherwise: nothing is exposed by accident. */
export const LISTEN_DEFAULT = '/ip4/127.0.0.1/tcp/0'
/** Bootstrap addresses used per join attempt (explicit ones first, then remembered peers). */
export const BOOTSTRAP_PEERS_MAX = 16
/**
 * libp2p refuses more than 5 inbound connections per second from one host by default; a demo or a
 * test network of dozens of nodes on one host dials far more than that at start.
 */
export const INBOUND_CONNECTION_THRESHOLD = 10_000
export const INCOMING_PENDING_CONNECTIONS_MAX = 1000
/** Connections kept: ring neighbours and fingers (under 100 for dks k=16) plus the DHT's peers. */
export const CONNECTIONS_MAX = 1000

// ------------------------------------------------------------------ ring defaults for a LAN

/** Ring arity: dks with k = 16 gives at most log16(N) hops with about 15·log16(N) fingers. */
export const GEOMETRY_DEFAULT = 'dks'
export const K_DEFAULT = 16
/**
 * The successor is pinged every second: 2 messages per node per second, trivial on a LAN, and a
 * crashed successor is suspected after one interval plus two retransmission timeouts
 * (about 1.5 s on a LAN; the ring core's WAN default is 3 s).
 */
export const PING_INTERVAL_MS = 1000
/** A predecessor silent for 3.5 ping intervals is suspected (3.5 s): 3 lost pings are not a crash. */
export const PRED_TIMEOUT_MS = 3500
/** A lookup attempt unanswered after 2 s is retried (LAN lookups take milliseconds); 3 attempts. */
export const LOOKUP_TIMEOUT_MS = 2000
/** A join attempt unanswered after 2 s goes to the next bootstrap node. */
export const JOIN_TIMEOUT_MS = 2000
/** A graceful leave waits 2 s for its neighbours' acknowledgements, then leaves anyway. */
export const LEAVE_TIMEOUT_MS = 2000
/** Joins, leaves and failures are batched for 200 ms before fingers are told (fewer messages in bursts). */
export const TOPOLOGY_BATCH_MS = 200
/** A suspected node is first probed after 1 s (a false suspicion on a LAN heals quickly). */
export const SUSPECT_PROBE_MIN_MS = 1000
/** Probe back-off cap: a healed partition is noticed within 10 s. */
export const SUSPECT_PROBE_MAX_MS = 10_000
/**
 * Deadline of one ring operation (lookup, join, leave) and of one store operation (get, put, cas,
 * delete). Above 3 lookup attempts (6 s), so a lookup the ring cannot answer fails as such
 * rather than timing out; above 3 store phase timeouts (3 s each), so a store operation gets
 * retries with higher ballots before it reports a missing quorum.
 */
export const OPERATION_TIMEOUT_MS = 10_000

// ------------------------------------------------------------------ store

/**
 * Replication degree r: each key lives on the owners of r symmetric ring ids. 4 tolerates one
 * lost replica per key with quorums of 3 (r = 3 needs 3 of 3 by the store's odd-r rule, so one
 * crash would block writes). Every node of a ring must use the same r.
 */
export const REPLICATION_DEFAULT = 4
/**
 * `full`: every acceptor write is on disk before its reply (a power loss loses no promise). The
 * safe default; `normal` trades the last transactions on power loss for write speed.
 */
export const STORE_SYNC_DEFAULT = 'full'

// ------------------------------------------------------------------ joining and stopping

/** Join rounds (each through every bootstrap address) before the node gives up joining. */
export const JOIN_ROUNDS_MAX = 10
/** Back-off between join rounds: 500 ms doubling to 8 s, jittered ±25 % (nodes restarted together do not retry in step). */
export const JOIN_BACKOFF_MIN_MS = 500
export const JOIN_BACKOFF_MAX_MS = 8000
/** waitForJoin gives up after this by default: JOIN_ROUNDS_MAX rounds with their back-off fit in it. */
export const JOIN_WAIT_TIMEOUT_MS = 120_000
/** waitForJoin checks membership this often (the ring reports join failures only to the joiner's promise). */
export const JOIN_POLL_INTERVAL_MS = 100
/** A graceful stop (store hand-off, leave, close the API, stop libp2p) is bounded: beyond this libp2p is stopped without waiting. */
export const STOP_TIMEOUT_MS = 10_000

// ------------------------------------------------------------------ HTTP API

/** The API listens on loopback only: it has no authentication. */
export const API_HOST = '127.0.0.1'
export const API_VERSION_PREFIX = '/v1'
/** Request bodies above 64 KiB are refused (413): a lookup body is a few bytes. */
export const API_BODY_BYTES_MAX = 64 * 1024
/** Lookup keys above 4 KiB (UTF-8) are refused (400). */
export const API_KEY_BYTES_MAX = 4096
/**
 * Store keys (`/v1/kv/<key>`, UTF-8 after percent-decoding) and values (the raw PUT body): the
 * store's own limits, from its light `limits` entry point (the command line checks them without
 * loading the store and SQLite).
 */
export { KEY_BYTES_MAX as KV_KEY_BYTES_MAX, VALUE_BYTES_MAX as KV_VALUE_BYTES_MAX } from '@selfmgmt/store/limits'
/**
 * Store operations served at once by one node's API; beyond, 503. Each may hold a value of up to
 * 1 MiB in memory while it runs: 64 bound that to 64 MiB (the store itself takes 4096).
 */
export const API_KV_PENDING_MAX = 64
/** A request must arrive whole within 10 s (slow clients cannot hold a socket forever). */
export const API_REQUEST_TIMEOUT_MS = 10_000
export const API_HEADERS_TIMEOUT_MS = 5000
/** Every response is sent within this: the lookup and store deadline (OPERATION_TIMEOUT_MS) plus a margin. */
export const API_RESPONSE_TIMEOUT_MS = 15_000
/** Open API connections; beyond, new ones are refused by the server. */
export const API_CONNECTIONS_MAX = 256
/** Lookups served at once by one node's API; beyond, 503 (the ring core holds at most 4096). */
export const API_LOOKUPS_PENDING_MAX = 256
/** Idle keep-alive connections are closed after this. */
export const API_KEEP_ALIVE_TIMEOUT_MS = 5000

// ------------------------------------------------------------------ command line and demo

/** The CLI's API requests must finish within this (above API_RESPONSE_TIMEOUT_MS). */
export const CLI_REQUEST_TIMEOUT_MS = 20_000
/** Demo nodes by default, and the most it will start on one host. */
export const DEMO_NODES_DEFAULT = 8
export const DEMO_NODES_MAX = 64
export const DEMO_DATA_DIR_DEFAULT = '.selfmgmt-demo'
/** Nodes started at once by the demo after the first (more at once only competes for CPU on small hosts). */
export const DEMO_START_BATCH = 4
/** Bootstrap addresses given to each demo node (already-joined nodes). */
export const DEMO_BOOTSTRAP_PEERS = 3
/** A demo node must print its addresses within this after being spawned. */
export const DEMO_SPAWN_TIMEOUT_MS = 30_000
/** A demo node must be a ring member within this after printing its addresses. */
export const DEMO_JOIN_TIMEOUT_MS = 60_000
/** Membership is polled through the API this often. */
export const DEMO_POLL_INTERVAL_MS = 200
/** Children that have not exited this long after SIGTERM are killed. */
export const DEMO_STOP_TIMEOUT_MS = 15_000
/** A child's output line (its JSON announcement) is at most this long. */
export const CHILD_LINE_BYTES_MAX = 64 * 1024

/** Ping streams a connection may have open at once each way (@libp2p/ping's default is 1 out, 2 in; the connection monitor takes one). */
export const PING_STREAMS = 4

/** A node that created a ring alone looks for its remembered peers again after this, doubling up to REUNITE_MAX_MS, for as long as it runs. */
export const REUNITE_MIN_MS = 2000
export const REUNITE_MAX_MS = 30_000
/** One such look (dialling every remembered peer) gives up after this. */
export const REUNITE_ROUND_TIMEOUT_MS = 10_000

/**
 * `npm run bench:lookup`: lookups on real libp2p nodes, side by side in one run.
 *
 * N libp2p nodes (default 100) in this process, TCP on 127.0.0.1 with Noise and Yamux, every
 * connection crossing the WAN emulator of @selfmgmt/sim (PlanetLab-like one-way delays per peer
 * pair, FIFO). Every node runs the ring and a stock @libp2p/kad-dht server. Every system gets the
 * same list of (random node, random key) operations, and runs it once untimed before the timed
 * pass (after W warm-up operations of its own), so the connections it needs are open when it is
 * timed (`--mesh` connects every pair up front instead; slow: minutes of handshakes):
 *
 * - ring dks k=16, then ring tango (the same nodes, switched with setGeometry at run time);
 * - kad-dht getClosestPeers for the key, and kad-dht findPeer for the key's owner (an existing
 * peer; useCache false, so the network is asked);
 * - the one-hop limit: one request and answer on an already open stream straight to the owner.
 *
 * Per system: latency p50/p90/p99, hops (the ring: forwarding hops of the request; kad-dht:
 * rounds, the longest chain of peers learned from one another's answers), messages, new streams
 * and bytes per lookup. Background traffic (ring pings, kad-dht upkeep) is measured in an idle
 * window before each system and subtracted. Options: --nodes N, --lookups L, --warmup W,
 * --concurrency C, --latency planetlab|constant:MS|uniform:A-B, --seed S, --markdown.
 */
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { lpStream } from '@libp2p/utils'
import { keyToId, ring } from '@selfmgmt/ring'
import { WanEmulator, parseLatency, wanTransport } from '@selfmgmt/sim'
import { createLibp2p } from 'libp2p'
import { prng } from './lib.js'
import os from 'node:os'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100' },
    lookups: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    latency: { type: 'string', default: 'planetlab' },
    seed: { type: 'string', default: '1' },
    idle: { type: 'string', default: '5' },
    mesh: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false }
  }
})
const N = Number(values.nodes)
const LOOKUPS = Number(values.lookups)
const WARMUP = Number(values.warmup)
const CONCURRENCY = Number(values.concurrency)
const SEED = Number(values.seed)
const IDLE_S = Number(values.idle)
for (const [k, v] of Object.entries({ nodes: N, lookups: LOOKUPS, warmup: WARMUP, concurrency: CONCURRENCY, seed: SEED, idle: IDLE_S })) {
  if (!Number.isInteger(v) || v < (k === 'warmup' || k === 'idle' ? 0 : 1)) { throw new Error(`--${k} needs a positive integer, got ${String(v)}`) }
}
if (N < 2) { throw new Error('--nodes needs at least 2') }

const ONE_HOP = '/selfmgmt/bench/one-hop/1.0.0'
const OP_TIMEOUT_MS = 30_000
const log = (s) => { process.stderr.write(`bench:lookup: [${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${s}\n`) }
const startedAt = Date.now()

async function pool (items, width, fn) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
}

async function retry (what, fn, attempts = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      if (attempt >= attempts) { throw new Error(`${what} failed ${attempts} times, last: ${err?.message}`) }
      log(`${what}: attempt ${attempt} failed (${err?.message}), trying again`)
      await new Promise(resolve => setTimeout(resolve, 500 * attempt))
    }
  }
}

async function waitFor (what, check, timeoutMs) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) { throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`) }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}

// ---------------------------------------------------------------- the network

const emulator = new WanEmulator({ model: parseLatency(values.latency, SEED), seed: SEED })
let streamsOpened = 0
let connectionsOpened = 0

/** Counts every stream a connection opens, on both ends of every connection. */
function countStreams (conn) {
  if (conn.__counted === true) { return }
  conn.__counted = true
  connectionsOpened++
  const open = conn.newStream.bind(conn)
  conn.newStream = async (...args) => {
    streamsOpened++
    return open(...args)
  }
}

async function startNode (i) {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [wanTransport(tcp(), { emulator, index: i })],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    // Every peer dials from 127.0.0.1; the per-host inbound rate limit must not bite, and a
    // full mesh of N nodes needs N − 1 connections per node.
    connectionManager: {
      inboundConnectionThreshold: 1_000_000,
      maxIncomingPendingConnections: 10_000,
      maxConnections: 4 * N + 100,
      // Handshakes cross emulated WAN links (several round trips of up to 300 ms) while many
      // run at once on two cores: the defaults of a few seconds are too short for the setup.
      dialTimeout: 60_000,
      addressDialTimeout: 60_000,
      inboundUpgradeTimeout: 60_000
    },
    // libp2p's connection monitor opens a ping stream on every connection every 10 s and aborts
    // the connection when the ping times out. With thousands of connections in one process that
    // is hundreds of new streams per second, and once the process is busy its timeouts abort
    // healthy connections, which then handshake again: a storm. The ring and kad-dht have their
    // own failure detection, so the monitor is off here.
    connectionMonitor: { enabled: false },
    services: {
      identify: identify(),
      ping: ping(),
      // A join crosses several emulated WAN links, each a new connection at first (handshakes of a
      // few round trips): the core's join attempt deadline is raised accordingly.
      ring: ring({ geometry: { name: 'dks', k: 16 }, autoJoin: false, joinTimeoutMs: 20_000, timeoutMs: 120_000 }),
      dht: kadDHT({ clientMode: false, peerInfoMapper: passthroughMapper })
    }
  })
  node.addEventListener('connection:open', e => { countStreams(e.detail) })
  await node.handle(ONE_HOP, async (stream) => {
    const lp = lpStream(stream)
    try {
      for (;;) { await lp.write(await lp.read()) }
    } catch {
      stream.abort(new Error('one-hop stream ended'))
    }
  }, { maxInboundStreams: 4 * N })
  return node
}

log(`starting ${N} nodes (TCP on 127.0.0.1, Noise, Yamux, ${values.latency} delays, ring + kad-dht)`)
const nodes = []
for (let i = 0; i < N; i++) { nodes.push(await startNode(i)) }
const addr = (n) => n.getMultiaddrs()[0]

if (values.mesh) {
  log('connecting every node to every other one (--mesh)')
  const pairs = []
  for (let i = 0; i < N; i++) { for (let j = i + 1; j < N; j++) { pairs.push([i, j]) } }
  let meshed = 0
  await pool(pairs, 24, async ([i, j]) => {
    await retry(`node ${i} to connect to node ${j}`, async () => { await nodes[i].dial(addr(nodes[j]), { signal: AbortSignal.timeout(60_000) }) })
    if (++meshed % 500 === 0) { log(`${meshed}/${pairs.length} connections`) }
  })
  log(`${pairs.length} connections up after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)
}

log('building the ring (dks k=16)')
const joinRand = prng(SEED + 1)
nodes[0].services.ring.create()
let joined = 1
await pool(nodes.slice(1), 1, async (n, i) => {
  // One at a time, through members already in; a join that times out is tried again.
  // Three random members, so the first nodes are not the entry point of every join.
  const members = () => {
    const m = nodes.filter(x => x.services.ring.isMember())
    return Array.from({ length: 3 }, () => addr(m[Math.floor(joinRand() * m.length)]))
  }
  const t0 = Date.now()
  await retry(`node ${i + 1} to join`, async () => { await n.services.ring.join(members(), { signal: AbortSignal.timeout(120_000) }) })
  if (++joined % 5 === 0) { log(`${joined}/${N} in the ring (the last join took ${Date.now() - t0} ms)`) }
})

const ids = nodes.map(n => n.services.ring.self.ringId)
const sorted = nodes.map((n, i) => ({ i, id: ids[i] })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
const nextOf = new Map(sorted.map((x, k) => [x.i, sorted[(k + 1) % N].i]))
function ownerOf (key) {
  const k = keyToId(key)
  return (sorted.find(x => x.id >= k) ?? sorted[0]).i
}
const consistent = () => nodes.every((n, i) => n.services.ring.getRoutingState().succList[0]?.addr === nodes[nextOf.get(i)].peerId.toString())
await waitFor('a consistent ring', consistent, 120_000)
log(`ring of ${N} consistent after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)

// ---------------------------------------------------------------- operations

const rand = prng(SEED)
const makeOps = (count, tag) => Array.from({ length: count }, (_, i) => {
  const key = `bench-${tag}-${SEED}-${i}-${Math.floor(rand() * 1e9)}`
  return { from: Math.floor(rand() * N), key, owner: ownerOf(key) }
})
const warmOps = makeOps(WARMUP, 'warm')
const ops = makeOps(LOOKUPS, 'measure')

function ringMessages () {
  let sum = 0
  for (const n of nodes) { for (const v of Object.values(n.services.ring.getRoutingState().counters.sent)) { sum += v } }
  return sum
}

const oneHopStreams = new Map()
async function oneHopStream (from, to) {
  const k = `${from}>${to}`
  let s = oneHopStreams.get(k)
  if (s === undefined) {
    const stream = await nodes[from].dialProtocol(nodes[to].peerId, ONE_HOP, { signal: AbortSignal.timeout(OP_TIMEOUT_MS) })
    s = { lp: lpStream(stream), busy: Promise.resolve() }
    oneHopStreams.set(k, s)
  }
  return s
}
const keyBytes = (key) => new TextEncoder().encode(key)

/**
 * Runs a kad-dht query to its end: rounds (the longest chain of peers learned from one another's
 * answers; 1 = every peer asked was already in the caller's table), messages (a request and a
 * response per query sent) and whether `target` was found.
 */
async function kadQuery (events, target) {
  const depth = new Map()
  let hops = 0
  let rpcs = 0
  let found = false
  for await (const ev of events) {
    if (ev.name === 'SEND_QUERY') {
      rpcs++
      const d = depth.get(ev.to.toString()) ?? 1
      depth.set(ev.to.toString(), d)
      hops = Math.max(hops, d)
    } else if (ev.name === 'PEER_RESPONSE') {
      const d = depth.get(ev.from.toString()) ?? 1
      for (const p of ev.closer ?? []) { if (!depth.has(p.id.toString())) { depth.set(p.id.toString(), d + 1) } }
    } else if (ev.name === 'FINAL_PEER' && target !== undefined && ev.peer.id.equals(target)) {
      found = true
    }
  }
  return { hops, msgs: 2 * rpcs, found }
}

/** One operation per system: resolves to { ok, hops, msgs? } and throws on failure. */
const systems = [
  {
    name: 'ring dks k=16',
    async before () { for (const n of nodes) { n.services.ring.setGeometry({ name: 'dks', k: 16 }) } },
    async op ({ from, key, owner }) {
      const r = await nodes[from].services.ring.lookup(key, { signal: AbortSignal.timeout(OP_TIMEOUT_MS) })
      return { ok: r.owner.peerId.toString() === nodes[owner].peerId.toString(), hops: r.hops }
    },
    messages: 'counted'
  },
  {
    name: 'ring tango',
    async before () { for (const n of nodes) { n.services.ring.setGeometry({ name: 'tango' }) } },
    async op (o) { return systems[0].op(o) },
    messages: 'counted'
  },
  {
    name: 'kad-dht getClosestPeers',
    async op ({ from, key }) {
      const r = await kadQuery(nodes[from].services.dht.getClosestPeers(keyBytes(key), { signal: AbortSignal.timeout(OP_TIMEOUT_MS) }))
      return { ok: true, hops: r.hops, msgs: r.msgs }
    }
  },
  {
    name: 'kad-dht findPeer',
    async op ({ from, owner }) {
      if (from === owner) { return { ok: true, hops: 0, msgs: 0 } }
      const target = nodes[owner].peerId
      const r = await kadQuery(nodes[from].services.dht.findPeer(target, { signal: AbortSignal.timeout(OP_TIMEOUT_MS), useCache: false }), target)
      return { ok: r.found, hops: r.hops, msgs: r.msgs }
    }
  },
  {
    name: 'one-hop limit',
    async before () {
      // The streams exist before anything is timed: the limit is one request on an open stream.
      await pool([...warmOps, ...ops].filter(o => o.from !== o.owner), 16, async o => { await oneHopStream(o.from, o.owner) })
    },
    async op ({ from, owner, key }) {
      if (from === owner) { return { ok: true, hops: 0, msgs: 0 } }
      const s = await oneHopStream(from, owner)
      // One request at a time per stream, as a request id would pair them otherwise.
      const prev = s.busy
      let release
      s.busy = new Promise(resolve => { release = resolve })
      await prev
      try {
        const req = keyBytes(key)
        await s.lp.write(req, { signal: AbortSignal.timeout(OP_TIMEOUT_MS) })
        const res = await s.lp.read({ signal: AbortSignal.timeout(OP_TIMEOUT_MS) })
        return { ok: res.byteLength === req.byteLength, hops: 1, msgs: 2 }
      } finally {
        release()
      }
    },
  }
]

function snapshot () {
  return { at: performance.now(), bytes: emulator.stats().bytes, streams: streamsOpened, conns: connectionsOpened, ring: ringMessages() }
}
function delta (a, b) {
  return { s: (b.at - a.at) / 1000, bytes: b.bytes - a.bytes, streams: b.streams - a.streams, conns: b.conns - a.conns, ring: b.ring - a.ring }
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]
}

const results = []
for (const sys of systems) {
  log(`${sys.name}: setting up and warming up (${WARMUP} operations, then the measured ones once, untimed)`)
  await sys.before?.()
  // Warm-up: routing tables fill (correction-on-use, kad-dht's table), and every connection the
  // measured operations need is opened here, so no system pays for new connections when timed.
  await pool([...warmOps, ...ops], CONCURRENCY, async o => { await sys.op(o).catch(() => {}) })
  // Background: what the network sends while idle, subtracted from the measured window.
  const i0 = snapshot()
  await new Promise(resolve => setTimeout(resolve, IDLE_S * 1000))
  const idle = delta(i0, snapshot())
  const lat = []
  const hops = []
  let ok = 0
  let failed = 0
  let msgs = 0
  const m0 = snapshot()
  await pool(ops, CONCURRENCY, async o => {
    const t0 = performance.now()
    try {
      const r = await sys.op(o)
      lat.push(performance.now() - t0)
      hops.push(r.hops)
      msgs += r.msgs ?? 0
      if (r.ok) { ok++ }
    } catch (err) {
      failed++
      if (failed <= 3) { log(`${sys.name}: ${err?.name ?? 'Error'}: ${err?.message}`) }
    }
  })
  const w = delta(m0, snapshot())
  const bg = (x) => Math.max(0, x) * (w.s / Math.max(idle.s, 1e-9))
  const row = {
    system: sys.name,
    lookups: ops.length,
    ok,
    failed,
    p50: pct(lat, 50),
    p90: pct(lat, 90),
    p99: pct(lat, 99),
    hopsMean: hops.reduce((a, b) => a + b, 0) / Math.max(1, hops.length),
    msgsPerLookup: sys.messages === 'counted' ? Math.max(0, w.ring - bg(idle.ring)) / ops.length : msgs / ops.length,
    streamsPerLookup: Math.max(0, w.streams - bg(idle.streams)) / ops.length,
    connectionsPerLookup: Math.max(0, w.conns - bg(idle.conns)) / ops.length,
    bytesPerLookup: Math.max(0, w.bytes - bg(idle.bytes)) / ops.length,
    opsPerS: ops.length / w.s
  }
  results.push(row)
  log(`${sys.name}: p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, ${row.hopsMean.toFixed(2)} hops, ${row.ok}/${row.lookups} ok`)
}

log('stopping the nodes')
await Promise.all(nodes.map(async n => Promise.race([n.stop(), new Promise(resolve => setTimeout(resolve, 10_000))])))

// ---------------------------------------------------------------- report

const oneHop = results.find(r => r.system === 'one-hop limit')
const kad = results.find(r => r.system === 'kad-dht getClosestPeers')
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a')
const header = ['system', 'ok', 'latency p50/p90/p99 ms', 'hops', 'msgs/lookup', 'new streams/lookup', 'new conns/lookup', 'bytes/lookup', 'p50 / one-hop', 'p50 / kad-dht']
const rows = results.map(r => [
  r.system,
  `${r.ok}/${r.lookups}${r.failed > 0 ? ` (${r.failed} failed)` : ''}`,
  `${f(r.p50)}/${f(r.p90)}/${f(r.p99)}`,
  f(r.hopsMean, 2),
  f(r.msgsPerLookup, 1),
  f(r.streamsPerLookup, 2),
  f(r.connectionsPerLookup, 2),
  f(r.bytesPerLookup, 0),
  f(r.p50 / oneHop.p50, 2),
  f(r.p50 / kad.p50, 2)
])
const cpu = os.cpus()
const title = `bench:lookup: ${N} libp2p nodes in one process, TCP on 127.0.0.1 + Noise + Yamux, ${values.latency} delays (seed ${SEED}), ${values.mesh ? 'full mesh' : 'operations run once untimed first'}; ${ops.length} lookups per system (after ${WARMUP} warm-up), ${CONCURRENCY} in flight; ${cpu.length} cores (${cpu[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; run took ${((Date.now() - startedAt) / 1000).toFixed(0)} s`
let out
if (values.markdown) {
  out = [title, '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.join(' | ')} |`)].join('\n')
} else {
  const w = header.map((h, c) => Math.max(h.length, ...rows.map(r => r[c].length)))
  out = [title, '', header.map((h, c) => h.padEnd(w[c])).join('  '), ...rows.map(r => r.map((x, c) => x.padEnd(w[c])).join('  '))].join('\n')
}
const goals = results.filter(r => r.system.startsWith('ring')).map(r =>
  `${r.system}: p50 ${f(r.p50)} ms = ${f(r.p50 / kad.p50, 2)} × kad-dht getClosestPeers (goal ≤ 0.5: ${r.p50 <= 0.5 * kad.p50 ? 'met' : 'NOT met'}), ${f(r.p50 / oneHop.p50, 2)} × the one-hop limit (goal ≤ 3: ${r.p50 <= 3 * oneHop.p50 ? 'met' : 'NOT met'})`)
process.stdout.write(`${out}\n\nGoals:\n${goals.map(g => `- ${g}`).join('\n')}\n`)
process.exit(0)

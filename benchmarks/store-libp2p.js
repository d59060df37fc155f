/**
 * `npm run bench:store`: the store on 16 real libp2p nodes in one process (TCP on 127.0.0.1,
 * Noise, Yamux; the ring and the store service; replicas in SQLite files), side by side in one
 * run:
 *
 * - `linearizable r=4`: CASPaxos per key over consistent quorums, read leases off (every get
 *   reads a quorum);
 * - `linearizable r=4 + leases`: the product, as the store runs by default: the same with read
 *   leases (the store's `leases` option, on by default: a key's home answers gets from its own
 *   copy under a quorum lease);
 * - `no consistency r=4`: the same cluster size and replication, without the protocol (a get
 *   reads one replica, a put writes all four and returns on the first acknowledgement): the
 *   product's throughput over this one's is the cost of linearizability, to compare with CATS's published cost
 *   (−5 % throughput read-heavy, −25 % write-heavy);
 * - `linearizable r=1`: no replication (read leases on, as by default): the cost of replication
 *   itself, next to the product.
 *
 * Each system gets its own 16-node cluster (all four up at once, all in this process, sharing its
 * event loop; with --process-per-system each in a Node process of its own), loaded with --keys keys; then
 * a read-heavy (95 % get / 5 % put) and a write-heavy (50/50) mix run for --seconds per system,
 * in slices of --slice seconds taken by the systems in turn, with --clients closed-loop clients
 * spread over the nodes, after a warm-up of --warmup seconds per system (not counted: leases
 * taken, keys confirmed, connections open, code compiled). Reported: throughput (ops/s), latency
 * p50/p99, failures, and the ratios: of the totals, and the median and range of the ratios of
 * slices run one after the other (how much of a ratio is this machine's noise). With --wan the
 * same again with the PlanetLab-like delays of the WAN emulator.
 *
 * Options: --keys 1000 --value-bytes 100 --clients 32 --seconds 10 --slice 2 --warmup 2 --sync full|normal --wan
 * --markdown --seed 1 --process-per-system --systems 1,2,3,4 (which systems run: 1 linearizable r=4 without read leases,
 * 2 the same with them (the default), 3 no consistency r=4, 4 linearizable r=1; the ratios need
 * 1-3) --mixes 1,2 (which mixes run: 1 read-heavy, 2 write-heavy); diagnostics: --wire-counts (Yamux frames,
 * socket writes and bytes per operation), --cpu-profile <dir> (with --process-per-system: a CPU
 * profile of each system's process from its first measured slice to its stop)
 */
import { fork } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { generateKeyPairFromSeed } from '@libp2p/crypto/keys'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { ring } from '@selfmgmt/ring'
import { WanEmulator, parseLatency, wanTransport } from '@selfmgmt/sim'
import { store } from '@selfmgmt/store'
import { createLibp2p } from 'libp2p'
import { prng, quantile } from './lib.js'

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '16' },
    keys: { type: 'string', default: '1000' },
    'value-bytes': { type: 'string', default: '100' },
    clients: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
    slice: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '2' },
    sync: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    wan: { type: 'boolean', default: false },
    systems: { type: 'string', default: '1,2,3,4' },
    mixes: { type: 'string', default: '1,2' },
    'process-per-system': { type: 'boolean', default: false },
    'wire-counts': { type: 'boolean', default: false },
    'cpu-profile': { type: 'string' },
    markdown: { type: 'boolean', default: false },
    // Internal: set by this script on the processes it forks, one per system.
    worker: { type: 'string' },
    dir: { type: 'string' },
    network: { type: 'string' }
  }
})
const N = Number(values.nodes)
const KEYS = Number(values.keys)
const VALUE_BYTES = Number(values['value-bytes'])
const CLIENTS = Number(values.clients)
const SECONDS = Number(values.seconds)
const SLICE = Number(values.slice)
const WARMUP = Number(values.warmup)
const SEED = Number(values.seed)
if (!['full', 'normal'].includes(values.sync)) { throw new Error('--sync is full or normal') }
if (values['cpu-profile'] !== undefined && !values['process-per-system']) { throw new Error('--cpu-profile needs --process-per-system (one profile per system\'s process)') }
if (!(Number.isFinite(WARMUP) && WARMUP >= 0)) { throw new Error(`--warmup needs seconds (0 or more), got ${values.warmup}`) }
for (const [k, v] of Object.entries({ nodes: N, keys: KEYS, 'value-bytes': VALUE_BYTES, clients: CLIENTS, seconds: SECONDS, slice: SLICE })) {
  if (!Number.isInteger(v) || v < 1) { throw new Error(`--${k} needs a positive integer, got ${String(v)}`) }
}
const startedAt = Date.now()
const log = (s) => { process.stderr.write(`bench:store${values.worker === undefined ? '' : ` (process of system ${values.worker})`}: [${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${s}\n`) }


async function waitFor (what, check, ms) {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) { throw new Error(`timed out after ${ms} ms waiting for ${what}`) }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

/**
 * --wire-counts: what went on the wire in this process, counted by wrapping two prototypes (a
 * diagnostic: it reaches into js-yamux's internals and may break with its next version): the
 * Yamux frames the muxers sent (data frames and window updates) and the socket writes (each
 * buffer @libp2p/tcp hands to `socket.write`) and their bytes.
 */
const wire = { yamuxData: 0, windowUpdates: 0, socketWrites: 0, bytes: 0 }
let wireCounting = false
async function countWire () {
  if (wireCounting) { return }
  wireCounting = true
  let muxer
  try {
    muxer = await import(new URL('./muxer.js', import.meta.resolve('@chainsafe/libp2p-yamux')).href)
  } catch (err) {
    throw new Error(`--wire-counts reaches into @chainsafe/libp2p-yamux's dist/src/muxer.js, which did not load: ${err.message}`)
  }
  const P = muxer.YamuxMuxer?.prototype
  if (typeof P?.sendFrame !== 'function') { throw new Error('--wire-counts: this @chainsafe/libp2p-yamux has no YamuxMuxer.prototype.sendFrame to count') }
  const sendFrame = P.sendFrame
  P.sendFrame = function (header, data) {
    if (header.type === 0) { wire.yamuxData++ } else if (header.type === 1) { wire.windowUpdates++ }
    return sendFrame.call(this, header, data)
  }
  const write = net.Socket.prototype.write
  net.Socket.prototype.write = function (chunk, ...rest) {
    wire.socketWrites++
    wire.bytes += chunk?.length ?? 0
    return write.call(this, chunk, ...rest)
  }
}

/** --cpu-profile: a CPU profile of this process from its first measured slice to its stop, written to `file`. */
function slicesProfiler (file) {
  let session
  return {
    start: async () => {
      if (session !== undefined) { return }
      session = new Session()
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.start')
    },
    stop: async () => {
      if (session === undefined) { return }
      const { profile } = await session.post('Profiler.stop')
      session.disconnect()
      session = undefined
      await mkdir(join(file, '..'), { recursive: true })
      await writeFile(file, JSON.stringify(profile))
      log(`CPU profile of the measured slices written to ${file}`)
    }
  }
}

/** 32 bytes from --seed and the node's index: node i has the same identity in every system. */
function nodeSeed (i) {
  const out = new Uint8Array(32)
  new DataView(out.buffer).setUint32(0, SEED)
  new DataView(out.buffer).setUint32(4, i)
  out[8] = 0x5e
  return out
}

async function cluster (dir, system, wan) {
  const emulator = wan ? new WanEmulator({ model: parseLatency('planetlab', SEED), seed: SEED }) : undefined
  const nodes = []
  for (let i = 0; i < N; i++) {
    const node = await createLibp2p({
      // The same identities (so ring ids, replica placement and, under --wan, latency sites) in
      // every system: before, each cluster drew its own, and the WAN baseline's nearest replicas
      // could be much nearer than the product's (read-heavy ratio 0.07 in one run, 0.31 in another).
      privateKey: await generateKeyPairFromSeed('Ed25519', nodeSeed(i)),
      addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
      transports: [emulator === undefined ? tcp() : wanTransport(tcp(), { emulator, index: i })],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      connectionManager: { inboundConnectionThreshold: 1_000_000, maxIncomingPendingConnections: 10_000, maxConnections: 4 * N + 100 },
      services: {
        identify: identify(),
        ring: ring({ autoJoin: false, pingIntervalMs: 1000, joinTimeoutMs: wan ? 20_000 : 3000, timeoutMs: 60_000 }),
        store: store({ r: system.r, path: join(dir, `${system.name.replace(/\W+/g, '-')}-${wan ? 'wan' : 'lo'}-${i}.db`), sync: values.sync, timeoutMs: 30_000, core: { consistency: system.consistency, leases: system.leases === true, handoffWaitMs: 1000 } })
      }
    })
    if (i === 0) { node.services.ring.create() } else { await node.services.ring.join([nodes[Math.floor(i / 2)].getMultiaddrs()[0]], { signal: AbortSignal.timeout(120_000) }) }
    nodes.push(node)
  }
  await waitFor('every range ready', () => nodes.every(n => { const s = n.services.store.getState(); return s.member && s.pending.length === 0 }), 120_000)
  return nodes
}

/** Closed-loop clients for `seconds`: each picks a random key and does a get or a put; adds to `acc`. */
async function runMix (nodes, readShare, seconds, rand, acc) {
  const value = new Uint8Array(VALUE_BYTES).fill(7)
  const end = Date.now() + seconds * 1000
  const client = async (c) => {
    const node = nodes[c % nodes.length]
    while (Date.now() < end) {
      const key = `key-${Math.floor(rand() * KEYS)}`
      const read = rand() < readShare
      const t0 = performance.now()
      try {
        if (read) { await node.services.store.get(key) } else { await node.services.store.put(key, value) }
        acc.lat[read ? 'get' : 'put'].push(performance.now() - t0)
        acc.ops++
      } catch (err) {
        acc.failures++
        const why = `${read ? 'get' : 'put'} ${err?.code ?? err?.name ?? 'error'}${err?.indeterminate === true ? ' (indeterminate)' : ''}`
        acc.reasons.set(why, (acc.reasons.get(why) ?? 0) + 1)
      }
    }
  }
  const t0 = Date.now()
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)))
  acc.secs += (Date.now() - t0) / 1000
}

const allSystems = [
  { name: 'linearizable r=4', r: 4, consistency: 'linearizable' },
  { name: 'linearizable r=4 + leases', r: 4, consistency: 'linearizable', leases: true },
  { name: 'no consistency r=4', r: 4, consistency: 'none' },
  { name: 'linearizable r=1', r: 1, consistency: 'linearizable', leases: true }
]
const systems = values.systems.split(',').map(x => {
  const s = allSystems[Number(x) - 1]
  if (s === undefined) { throw new Error(`--systems takes numbers from 1 to ${allSystems.length} (${allSystems.map((s, i) => `${i + 1}: ${s.name}`).join(', ')}), got ${x}`) }
  return s
})
const allMixes = [{ name: 'read-heavy 95/5', read: 0.95 }, { name: 'write-heavy 50/50', read: 0.5 }]
const mixes = values.mixes.split(',').map(x => {
  const m = allMixes[Number(x) - 1]
  if (m === undefined) { throw new Error(`--mixes takes numbers from 1 to ${allMixes.length} (${allMixes.map((m, i) => `${i + 1}: ${m.name}`).join(', ')}), got ${x}`) }
  return m
})
/** Store messages each cluster sent over the network (not to its own slots), by type, summed over its nodes. */
function networkSent (nodes) {
  const out = {}
  for (const n of nodes) {
    const c = n.services.store.getState().counters
    for (const [type, k] of Object.entries(c.sent)) { out[type] = (out[type] ?? 0) + k - (c.sentLocal[type] ?? 0) }
    for (const [type, k] of Object.entries(n.services.ring.getRoutingState().counters.sent)) { out[`ring:${type}`] = (out[`ring:${type}`] ?? 0) + k }
  }
  return out
}
const COUNTERS = ['opsStarted', 'fastReads', 'attempts', 'conflicts', 'leaseReads', 'leaseGetsSent', 'leaseRevokes', 'homeWritesSent', 'oneRoundWrites']
/** Those store counters summed over a cluster's nodes. */
function countersOf (nodes) {
  const k = Object.fromEntries(COUNTERS.map(x => [x, 0]))
  for (const n of nodes) { for (const x of COUNTERS) { k[x] += n.services.store.getState().counters[x] } }
  return k
}

/**
 * A system's cluster, started and loaded with --keys keys, in this process: `mix` runs closed-loop
 * clients for some seconds and returns what they measured, `stats` the messages and counters so
 * far, `stop` stops the nodes.
 */
async function openHere (system, dir, wan) {
  log(`${system.name}${wan ? ', WAN delays' : ''}: starting ${N} nodes`)
  if (values['wire-counts']) { await countWire() }
  const profiler = values['cpu-profile'] === undefined ? undefined : slicesProfiler(join(values['cpu-profile'], `${system.name.replace(/\W+/g, '-')}-${wan ? 'wan' : 'lo'}.cpuprofile`))
  const nodes = await cluster(dir, system, wan)
  const value = new Uint8Array(VALUE_BYTES).fill(1)
  let loaded = 0
  const loaders = Array.from({ length: CLIENTS }, async (_, c) => {
    for (let k = c; k < KEYS; k += CLIENTS) {
      await nodes[k % N].services.store.put(`key-${k}`, value)
      loaded++
    }
  })
  await Promise.all(loaders)
  log(`${system.name}: ${loaded} keys loaded`)
  const rand = prng(SEED)
  return {
    /** `measured`: a slice of the run (not the warm-up): --cpu-profile starts at the first. */
    mix: async (read, seconds, measured) => {
      if (measured) { await profiler?.start() }
      const acc = { ops: 0, failures: 0, reasons: new Map(), secs: 0, lat: { get: [], put: [] } }
      const wire0 = { ...wire }
      const cpu0 = process.cpuUsage()
      await runMix(nodes, read, seconds, rand, acc)
      const cpu = process.cpuUsage(cpu0)
      return { ...acc, reasons: [...acc.reasons], cpuMs: (cpu.user + cpu.system) / 1000, wire: Object.fromEntries(Object.entries(wire).map(([k, x]) => [k, x - wire0[k]])) }
    },
    stats: async () => ({ sent: networkSent(nodes), counters: countersOf(nodes) }),
    stop: async () => {
      await profiler?.stop()
      await Promise.all(nodes.map(async n => Promise.race([n.stop(), new Promise(resolve => setTimeout(resolve, 20_000))])))
    }
  }
}

/**
 * The same in a Node process of its own (this script again, with --worker): its 16 nodes, their
 * sockets, SQLite commits and timers then share that process's event loop with nothing else,
 * while the parent hands out the slices in turn over IPC.
 */
async function openForked (number, dir, wan) {
  const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), '--worker', String(number), '--dir', dir, '--network', wan ? 'wan' : 'lo'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const calls = new Map()
  let nextId = 0
  let exitError
  const exited = new Promise(resolve => child.once('exit', (code, signal) => {
    const err = exitError = new Error(`the process of system ${number} exited (${signal ?? `code ${code}`})`)
    for (const { reject } of calls.values()) { reject(err) }
    calls.clear()
    resolve()
  }))
  const ready = new Promise((resolve, reject) => {
    calls.set('ready', { resolve, reject })
  })
  child.on('message', (m) => {
    const call = calls.get(m.id)
    if (call === undefined) { return }
    calls.delete(m.id)
    if (m.error !== undefined) { call.reject(new Error(`system ${number}: ${m.error}`)) } else { call.resolve(m.result) }
  })
  const call = (name, ...args) => new Promise((resolve, reject) => {
    if (exitError !== undefined) {
      reject(exitError)
      return
    }
    const id = nextId++
    calls.set(id, { resolve, reject })
    // With a callback a send to a process that has gone fails this call (without one, the
    // child process would emit 'error', which nothing here listens to).
    child.send({ id, name, args }, (err) => {
      if (err == null) { return }
      calls.delete(id)
      reject(err)
    })
  })
  await ready
  return {
    mix: (read, seconds, measured) => call('mix', read, seconds, measured),
    stats: () => call('stats'),
    stop: async () => { await call('stop'); await exited }
  }
}

/** Run by a forked process: open the system here, then answer the parent's calls until told to stop. */
async function serveWorker () {
  process.on('disconnect', () => process.exit(1))
  const system = allSystems[Number(values.worker) - 1]
  const here = await openHere(system, values.dir, values.network === 'wan')
  process.on('message', async ({ id, name, args }) => {
    try {
      const result = await here[name](...args)
      process.send({ id, result }, () => { if (name === 'stop') { process.exit(0) } })
    } catch (err) {
      process.send({ id, error: String(err?.stack ?? err) })
    }
  })
  process.send({ id: 'ready' })
}

async function main () {
  const results = []
  /** What the counters counted in the measured slices (not the load or the warm-up), summed over the mixes, by network and system. */
  const counters = []
  const dir = await mkdtemp(join(tmpdir(), 'selfmgmt-bench-store-'))
  const opened = []
  try {
    for (const wan of values.wan ? [false, true] : [false]) {
      // All clusters up at once, then the mixes in slices of --slice seconds taken in turn
      // (system 1, 2, 3, 4, 1, 2, ...): a machine whose speed drifts during the run (other load,
      // CPU frequency) slows every system alike, so the ratios hold even when the absolute figures move.
      const clusters = []
      for (const system of systems) {
        const handle = values['process-per-system'] ? await openForked(allSystems.indexOf(system) + 1, dir, wan) : await openHere(system, dir, wan)
        opened.push(handle)
        clusters.push({ system, handle })
      }
      const measured = clusters.map(() => Object.fromEntries(COUNTERS.map(x => [x, 0])))
      for (const mix of mixes) {
        if (WARMUP > 0) {
          for (const c of clusters) { await c.handle.mix(mix.read, WARMUP, false) }
        }
        const accs = clusters.map(() => ({ ops: 0, failures: 0, reasons: new Map(), secs: 0, cpuMs: 0, wire: {}, lat: { get: [], put: [] }, slices: [] }))
        const before = await Promise.all(clusters.map(c => c.handle.stats()))
        const slices = Math.max(1, Math.round(SECONDS / SLICE))
        for (let i = 0; i < slices; i++) {
          for (const [j, c] of clusters.entries()) {
            const a = accs[j]
            const s = await c.handle.mix(mix.read, SECONDS / slices, true)
            a.ops += s.ops
            a.failures += s.failures
            a.secs += s.secs
            a.cpuMs += s.cpuMs
            for (const [k, x] of Object.entries(s.wire)) { a.wire[k] = (a.wire[k] ?? 0) + x }
            for (const [why, k] of s.reasons) { a.reasons.set(why, (a.reasons.get(why) ?? 0) + k) }
            for (const x of s.lat.get) { a.lat.get.push(x) }
            for (const x of s.lat.put) { a.lat.put.push(x) }
            a.slices.push(s.ops / s.secs)
          }
        }
        const after = await Promise.all(clusters.map(c => c.handle.stats()))
        for (const [j, c] of clusters.entries()) {
          for (const x of COUNTERS) { measured[j][x] += after[j].counters[x] - before[j].counters[x] }
          const a = accs[j]
          // Messages per operation: all the cluster sent while the mix ran (its idle slices too: lease renewals, anti-entropy).
          const perOp = Object.fromEntries(Object.entries(after[j].sent).map(([type, k]) => [type, (k - (before[j].sent[type] ?? 0)) / Math.max(1, a.ops)]).filter(([, x]) => x >= 0.0005))
          const r = { throughput: a.ops / a.secs, ops: a.ops, cpuUsPerOp: 1000 * a.cpuMs / Math.max(1, a.ops), sliceThroughput: a.slices, messagesPerOp: perOp, ...(values['wire-counts'] ? { wirePerOp: Object.fromEntries(Object.entries(a.wire).map(([k, x]) => [k, x / Math.max(1, a.ops)])) } : {}), gets: a.lat.get.length, failures: a.failures, getP50: quantile(a.lat.get, 0.5), getP99: quantile(a.lat.get, 0.99), putP50: quantile(a.lat.put, 0.5), putP99: quantile(a.lat.put, 0.99) }
          results.push({ system: c.system.name, network: wan ? 'WAN (PlanetLab-like)' : 'loopback', mix: mix.name, ...r })
          log(`${c.system.name} ${mix.name}: ${r.throughput.toFixed(0)} ops/s, ${r.cpuUsPerOp.toFixed(0)} µs CPU per op, get p50 ${r.getP50.toFixed(2)} ms, put p50 ${r.putP50.toFixed(2)} ms, ${r.failures} failed${a.reasons.size > 0 ? ` (${[...a.reasons].map(([why, n]) => `${why} ×${n}`).join(', ')})` : ''}`)
        }
      }
      const final = await Promise.all(clusters.map(c => c.handle.stats()))
      for (const [j, c] of clusters.entries()) {
        log(`${c.system.name}: store counters over the measured slices ${JSON.stringify(measured[j])}, over the whole run ${JSON.stringify(final[j].counters)}`)
        counters.push({ network: wan ? 'WAN (PlanetLab-like)' : 'loopback', system: c.system.name, ...measured[j] })
      }
      await Promise.all(opened.splice(0).map(async h => h.stop()))
    }
  } finally {
    await Promise.allSettled(opened.map(async h => h.stop()))
    await rm(dir, { recursive: true, force: true })
  }
  report(results, counters)
  process.exit(0)
}

const fmt = (x) => Number.isNaN(x) ? 'n/a' : x.toFixed(2)
/** a's throughput over b's: of the totals, then the median and range of the ratios of their slices taken one after the other (slice i of each). */
/** The results of systems a and b for one network and mix (either undefined when not run). */
const pair = (results, network, mix, a, b) => [a, b].map(system => results.find(r => r.network === network && r.mix === mix && r.system === system))
const fmtRatio = (results, network, mix, a, b) => {
  const [x, y] = pair(results, network, mix, a, b)
  if (x === undefined || y === undefined) { return 'n/a' }
  const total = fmt(x.throughput / y.throughput)
  const xs = x.sliceThroughput.map((t, i) => t / y.sliceThroughput[i]).sort((p, q) => p - q)
  if (xs.length < 2) { return total }
  const median = (xs[(xs.length - 1) >> 1] + xs[xs.length >> 1]) / 2
  return `${total} (slices: median ${fmt(median)}, ${fmt(xs[0])}-${fmt(xs[xs.length - 1])})`
}
/** Print the tables (--markdown) or the JSON of the results. */
function report (results, counters) {
  if (values.markdown) {
    console.log(`${N} nodes per system, ${values['process-per-system'] ? 'each system in a process of its own' : 'all in one process'} (the ${systems.length} systems up at once), ${KEYS} keys of ${VALUE_BYTES} bytes, ${CLIENTS} closed-loop clients, ${SECONDS} s per mix and system in slices of ${SLICE} s taken in turn after ${WARMUP} s of warm-up each, SQLite sync=${values.sync}, seed ${SEED}.\n`)
    console.log('| network | system | mix | ops/s | CPU per op | get p50 | get p99 | put p50 | put p99 | failed |')
    console.log('|---|---|---|---|---|---|---|---|---|---|')
    for (const r of results) { console.log(`| ${r.network} | ${r.system} | ${r.mix} | ${r.throughput.toFixed(0)} | ${r.cpuUsPerOp.toFixed(0)} µs | ${r.getP50.toFixed(2)} ms | ${r.getP99.toFixed(2)} ms | ${r.putP50.toFixed(2)} ms | ${r.putP99.toFixed(2)} ms | ${r.failures} |`) }
    console.log('\n| network | mix | linearizable (read leases, the default) / no consistency (throughput; CATS: 0.95 read-heavy, 0.75 write-heavy) | linearizable without leases / no consistency | r=4 / r=1 (cost of replication, leases on) |')
    console.log('|---|---|---|---|---|')
    for (const network of [...new Set(results.map(r => r.network))]) {
      for (const mix of mixes) { console.log(`| ${network} | ${mix.name} | ${fmtRatio(results, network, mix.name, 'linearizable r=4 + leases', 'no consistency r=4')} | ${fmtRatio(results, network, mix.name, 'linearizable r=4', 'no consistency r=4')} | ${fmtRatio(results, network, mix.name, 'linearizable r=4 + leases', 'linearizable r=1')} |`) }
    }
    console.log(`\nCPU time per operation (user + system, of ${values['process-per-system'] ? 'the system\'s own process' : 'the whole process, the idle clusters\' upkeep included'} while the system's slices ran), the baseline's over the product's (below 1: the product costs more CPU per operation; read next to the throughput ratios above):\n`)
    console.log('| network | mix | no consistency / linearizable (read leases) | no consistency / linearizable without leases |')
    console.log('|---|---|---|---|')
    const cpuRatio = (network, mix, a, b) => {
      const [x, y] = pair(results, network, mix, a, b)
      return x === undefined || y === undefined ? 'n/a' : fmt(y.cpuUsPerOp / x.cpuUsPerOp)
    }
    for (const network of [...new Set(results.map(r => r.network))]) {
      for (const mix of mixes) { console.log(`| ${network} | ${mix.name} | ${cpuRatio(network, mix.name, 'linearizable r=4 + leases', 'no consistency r=4')} | ${cpuRatio(network, mix.name, 'linearizable r=4', 'no consistency r=4')} |`) }
    }
    console.log('\nStore messages sent over the network per operation (all a cluster sent while the mix ran, its idle slices included; not those to its own slots), and the ring\'s (lookups, pings, table upkeep):\n')
    console.log('| network | system | mix | store messages / op | largest shares | ring messages / op |')
    console.log('|---|---|---|---|---|---|')
    for (const r of results) {
      const ofStore = Object.entries(r.messagesPerOp).filter(([type]) => !type.startsWith('ring:'))
      const total = ofStore.reduce((x, [, y]) => x + y, 0)
      const ring = Object.entries(r.messagesPerOp).filter(([type]) => type.startsWith('ring:'))
      const ringTotal = ring.reduce((x, [, y]) => x + y, 0)
      const top = ofStore.sort((x, y) => y[1] - x[1]).slice(0, 6).map(([type, x]) => `${type} ${x.toFixed(2)}`).join(', ')
      const ringTop = ring.sort((x, y) => y[1] - x[1]).slice(0, 3).map(([type, x]) => `${type.slice(5)} ${x.toFixed(2)}`).join(', ')
      console.log(`| ${r.network} | ${r.system} | ${r.mix} | ${total.toFixed(2)} | ${top} | ${ringTotal.toFixed(2)}${ring.length > 0 ? ` (${ringTop})` : ''} |`)
    }
    if (values['wire-counts']) {
      console.log(`\nOn the wire, per operation, counted in the system's own slices (${values['process-per-system'] ? 'its process' : 'the whole process: the idle clusters\' upkeep too'}; --wire-counts wraps js-yamux's YamuxMuxer.sendFrame and net.Socket.write). Each Yamux frame is one Noise message; @libp2p/tcp writes each buffer of a Noise message (its length prefix, its ciphertext) with a write of its own:\n`)
      console.log('| network | system | mix | Yamux data frames | window updates | socket writes | bytes written |')
      console.log('|---|---|---|---|---|---|---|')
      for (const r of results) { console.log(`| ${r.network} | ${r.system} | ${r.mix} | ${fmt(r.wirePerOp.yamuxData)} | ${fmt(r.wirePerOp.windowUpdates)} | ${fmt(r.wirePerOp.socketWrites)} | ${r.wirePerOp.bytes.toFixed(0)} |`) }
    }
    console.log('')
    for (const c of counters.filter(x => x.system === 'linearizable r=4 + leases')) {
      const gets = results.filter(r => r.network === c.network && r.system === c.system).reduce((a, r) => a + r.gets, 0)
      const puts = results.filter(r => r.network === c.network && r.system === c.system).reduce((a, r) => a + r.ops - r.gets, 0)
      console.log(`- ${c.network}, with leases: ${c.leaseReads} of ${gets} gets answered from a home's own copy; ${c.oneRoundWrites} of ${puts} puts run by their key's home in one round trip (${c.homeWritesSent} sent to the home by another node); ${c.leaseRevokes} operations revoked a lease.`)
    }
  } else {
    console.log(JSON.stringify({ nodes: N, keys: KEYS, clients: CLIENTS, seconds: SECONDS, slice: SLICE, warmup: WARMUP, sync: values.sync, results }, null, 2))
  }
}

if (values.worker !== undefined) {
  await serveWorker()
} else {
  await main()
}

/**
 * Diagnostic, not a benchmark: builds an N-node ring (dks k=16, plus kad-dht unless `nodht`) of
 * real libp2p nodes in one process behind the PlanetLab-like WAN emulator, joining one node at a
 * time through the first, and prints every 5 s the members so far, the bytes on emulated links
 * and the ring messages sent by type, summed over all nodes. It reproduces the message storm
 * seen at about 50-70 members (see benchmarks/README.md).
 *
 * Usage (Node 24 from the repository): node_modules/.bin/node benchmarks/ring-traffic.js [N=30] [nodht]
 */
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { pausedTotalMs, ring } from '@selfmgmt/ring'
import { WanEmulator, parseLatency, wanTransport } from '@selfmgmt/sim'
import { createLibp2p } from 'libp2p'
const N = Number(process.argv[2] ?? 30)
const dht = process.argv[3] !== 'nodht'
const emulator = new WanEmulator({ model: parseLatency('planetlab', 1), seed: 1 })
const nodes = []
for (let i = 0; i < N; i++) {
  const services = { identify: identify(), ping: ping(), ring: ring({ geometry: { name: 'dks', k: 16 }, autoJoin: false, joinTimeoutMs: 20000 }) }
  if (dht) services.dht = kadDHT({ clientMode: false, peerInfoMapper: passthroughMapper })
  nodes.push(await createLibp2p({ addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] }, transports: [wanTransport(tcp(), { emulator, index: i })], connectionEncrypters: [noise()], streamMuxers: [yamux()], connectionManager: { inboundConnectionThreshold: 1e6, maxIncomingPendingConnections: 10000, maxConnections: 1000 }, connectionMonitor: { enabled: process.env.MONITOR === '1' }, services }))
}
let opens = 0
let closes = 0
for (const n of nodes) { n.addEventListener('connection:open', () => { opens++ }); n.addEventListener('connection:close', () => { closes++ }) }
const t0 = Date.now()
if (process.env.EXIT_AFTER_S !== undefined) { setTimeout(() => process.exit(0), Number(process.env.EXIT_AFTER_S) * 1000) }
const sum = () => { const s = {}; for (const n of nodes) for (const [k, v] of Object.entries(n.services.ring.getRoutingState().counters.sent)) s[k] = (s[k] ?? 0) + v; return s }
let prev = {}
const iv = setInterval(() => { const s = sum(); const d = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v - (prev[k] ?? 0)]).filter(([, v]) => v > 0)); prev = s; console.log(((Date.now() - t0) / 1000).toFixed(0), 'members', nodes.filter(n => n.services.ring.isMember()).length, 'bytes', emulator.stats().bytes, 'paused', Math.round(pausedTotalMs()), 'conns', opens, closes, JSON.stringify(d)) }, 5000)
nodes[0].services.ring.create()
for (let i = 1; i < N; i++) { try { await nodes[i].services.ring.join([nodes[0].getMultiaddrs()[0]], { signal: AbortSignal.timeout(30000) }) } catch (e) { console.log('join', i, e.message) } }
await new Promise(r => setTimeout(r, 30000))
clearInterval(iv); process.exit(0)

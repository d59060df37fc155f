/**
 * js-libp2p 2.x peers for the selfmgmt interop tests, run as a child process.
 *
 * Starts N libp2p 2.10 nodes (TCP, Noise, Yamux, identify, ping, kad-dht 15 in server mode with
 * the passthrough address mapper) on 127.0.0.1, prints one JSON line
 * `{"event":"ready","nodes":[{"peerId","addrs"}]}` on stdout, then answers commands, one JSON
 * line each on stdin: `{"id","node","cmd","args"}` -> `{"id","ok":true,"result"}` or
 * `{"id","ok":false,"error":{"name","message"}}`. Bytes travel as hex.
 *
 * It stops its nodes and exits on the `stop` command, when stdin closes (the parent died), on
 * SIGTERM, or after its lifetime (`--ttl-ms`, default 10 minutes), so no peer outlives a run.
 *
 * Usage: node peers.js [--nodes N] [--ttl-ms MS]
 */
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { peerIdFromString } from '@libp2p/peer-id'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'
import { createInterface } from 'node:readline'

/** More nodes than this in one process is a mistake in the caller. */
const NODES_MAX = 16
/** Default lifetime: longer than any interop run, short enough that a leaked process goes away. */
const TTL_MS_DEFAULT = 10 * 60_000
/** Deadline of one command unless it brings its own `timeoutMs`. */
const COMMAND_TIMEOUT_MS_DEFAULT = 20_000
/** Bytes accepted from the parent in one command line. */
const LINE_BYTES_MAX = 1024 * 1024

function option (name, fallback) {
  const i = process.argv.indexOf(name)
  if (i < 0) { return fallback }
  const n = Number(process.argv[i + 1])
  if (!Number.isInteger(n) || n < 1) { throw new Error(`${name} needs a positive integer`) }
  return n
}

const count = option('--nodes', 3)
const ttlMs = option('--ttl-ms', TTL_MS_DEFAULT)
if (count > NODES_MAX) { throw new Error(`at most ${NODES_MAX} nodes`) }

const hex = (b) => Buffer.from(b).toString('hex')
const unhex = (s) => Uint8Array.from(Buffer.from(s, 'hex'))
const send = (obj) => { process.stdout.write(JSON.stringify(obj) + '\n') }

async function startNode () {
  return createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    // Every peer of the test dials from 127.0.0.1: the per-host inbound rate limit must not bite.
    connectionManager: { inboundConnectionThreshold: 10_000, maxIncomingPendingConnections: 1000, maxConnections: 1000 },
    services: {
      identify: identify(),
      ping: ping(),
      dht: kadDHT({ clientMode: false, peerInfoMapper: passthroughMapper })
    }
  })
}

/** A peer id string or a multiaddr string (with /p2p/) as something libp2p 2 dials. */
function target (s) {
  return s.startsWith('/') ? multiaddr(s) : peerIdFromString(s)
}

/**
 * Opens a stream on `protocol`, writes `data`, and reports how the remote ended it: `reset`
 * (the read side failed), `closed` (it ended cleanly) or `open` (neither within `waitMs`).
 * With `closeWrite` the write side is closed after the data; otherwise it stays open until the
 * outcome is known, so a reset cannot be mistaken for a reaction to our end of stream.
 */
async function sendRaw (node, args, signal) {
  const stream = await node.dialProtocol(target(args.to), args.protocol, { signal })
  let done
  const finished = new Promise(resolve => { done = resolve })
  const data = unhex(args.data)
  const sink = stream.sink((async function * () {
    yield data
    if (args.closeWrite !== true) { await finished }
  })()).catch(() => {})
  let outcome = 'open'
  let error
  const timer = setTimeout(() => { stream.abort(new Error('no outcome in time')) }, args.waitMs ?? 5000)
  try {
    for await (const chunk of stream.source) { void chunk }
    outcome = 'closed'
  } catch (err) {
    outcome = err.name === 'StreamResetError' || err.code === 'ERR_STREAM_RESET' ? 'reset' : 'error'
    error = { name: err.name, message: err.message }
    if (err.message === 'no outcome in time') { outcome = 'open' }
  } finally {
    clearTimeout(timer)
    done()
  }
  // A libp2p 2 sink can stay pending once the remote has reset the stream: the outcome is known,
  // so it is not waited for beyond a moment.
  await Promise.race([sink, new Promise(resolve => { setTimeout(resolve, 1000).unref() })])
  return { outcome, error, status: stream.status }
}

async function getValue (events) {
  const responders = new Set()
  let value
  for await (const ev of events) {
    if (ev.name === 'PEER_RESPONSE' && ev.record != null) { responders.add(ev.from.toString()) }
    if (ev.name === 'VALUE') { value = hex(ev.value) }
  }
  if (value === undefined) { throw Object.assign(new Error('no value found'), { name: 'NotFoundError' }) }
  return { value, responders: [...responders] }
}

const commands = {
  async dial (node, args, signal) {
    const conn = await node.dial(target(args.to), { signal })
    return conn.remotePeer.toString()
  },
  async ping (node, args, signal) {
    // Stock ping allows one outbound stream per connection and the connection monitor pings on
    // the same protocol every 10 s: a ping at that moment is refused locally; try again.
    for (;;) {
      try {
        return await node.services.ping.ping(target(args.to), { signal })
      } catch (err) {
        if (err?.name !== 'TooManyOutboundProtocolStreamsError' || signal?.aborted) { throw err }
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    }
  },
  async protocols (node, args) {
    const peer = await node.peerStore.get(peerIdFromString(args.peerId))
    return peer.protocols
  },
  async connections (node) {
    return node.getConnections().map(c => c.remotePeer.toString())
  },
  async routingTableSize (node) {
    return node.services.dht.routingTable.size
  },
  async getClosestPeers (node, args, signal) {
    const peers = new Set()
    for await (const ev of node.services.dht.getClosestPeers(unhex(args.key), { signal })) {
      if (ev.name === 'FINAL_PEER') { peers.add(ev.peer.id.toString()) }
    }
    return [...peers]
  },
  /** Asks the network (not the local peer store): `from` is the peer that answered. */
  async findPeer (node, args, signal) {
    for await (const ev of node.services.dht.findPeer(peerIdFromString(args.peerId), { signal, useCache: false })) {
      if (ev.name === 'FINAL_PEER') { return { from: ev.from.toString(), addrs: ev.peer.multiaddrs.map(m => m.toString()) } }
    }
    throw Object.assign(new Error('peer not found'), { name: 'NotFoundError' })
  },
  async put (node, args, signal) {
    for await (const ev of node.services.dht.put(unhex(args.key), unhex(args.value), { signal })) { void ev }
    return true
  },
  /** The best value, and the peers that sent the record over the network. */
  async get (node, args, signal) {
    return getValue(node.services.dht.get(unhex(args.key), { signal }))
  },
  async openStream (node, args, signal) {
    const stream = await node.dialProtocol(target(args.to), args.protocol, { signal })
    await stream.close()
    return stream.protocol
  },
  sendRaw
}

const nodes = []
let stopping

async function stopAll (code) {
  stopping ??= (async () => {
    await Promise.all(nodes.map(async n => Promise.race([n.stop(), new Promise(resolve => setTimeout(resolve, 5000))])))
    process.exit(code)
  })()
  return stopping
}

async function handle (line) {
  if (line.length > LINE_BYTES_MAX) { throw new Error('command line too long') }
  const { id, node, cmd, args = {} } = JSON.parse(line)
  try {
    if (cmd === 'stop') {
      send({ id, ok: true, result: true })
      await stopAll(0)
      return
    }
    const fn = commands[cmd]
    const n = nodes[node]
    if (fn === undefined) { throw new Error(`unknown command ${cmd}`) }
    if (n === undefined) { throw new Error(`no node ${node}`) }
    const signal = AbortSignal.timeout(args.timeoutMs ?? COMMAND_TIMEOUT_MS_DEFAULT)
    // A command that ignores its signal still answers (with the timeout) instead of never.
    const timedOut = new Promise((_resolve, reject) => { signal.addEventListener('abort', () => { reject(signal.reason) }, { once: true }) })
    send({ id, ok: true, result: await Promise.race([fn(n, args, signal), timedOut]) })
  } catch (err) {
    send({ id, ok: false, error: { name: err?.name ?? 'Error', message: err?.message ?? String(err) } })
  }
}

const lifetime = setTimeout(() => {
  process.stderr.write(`v2 peers: lifetime of ${ttlMs} ms over, stopping\n`)
  void stopAll(2)
}, ttlMs)
lifetime.unref()
process.on('SIGTERM', () => { void stopAll(0) })

for (let i = 0; i < count; i++) { nodes.push(await startNode()) }
send({ event: 'ready', nodes: nodes.map(n => ({ peerId: n.peerId.toString(), addrs: n.getMultiaddrs().map(m => m.toString()) })) })

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', line => {
  handle(line).catch(err => { process.stderr.write(`v2 peers: bad command - ${err?.message}\n`) })
})
rl.on('close', () => { void stopAll(0) })

/**
 * @packageDocumentation
 *
 * What users install: a started selfmgmt node in one call. libp2p with TCP, Noise and Yamux,
 * identify, ping, the Tango/DKS ring (`@selfmgmt/ring`), the replicated store
 * (`@selfmgmt/store`, `node.store`) and a kad-dht server beside it; a persistent Ed25519
 * identity, remembered neighbours and the store's records under a data directory; an HTTP API
 * on 127.0.0.1 (`/v1/status`, `/v1/ring`, `/v1/lookup`, `/v1/kv/<key>`); and the `selfmgmt`
 * command line (`start`, `status`, `lookup`, `ring`, `put`, `get`, `delete`, `cas`, `demo`).
 * Defaults suit a LAN: a crashed neighbour is detected within a few seconds.
 *
 * @example
 * ```ts
 * import { createNode } from '@selfmgmt/node'
 *
 * const first = await createNode({ dataDir: './data/a', apiPort: 0 })
 * const second = await createNode({
 *   dataDir: './data/b',
 *   bootstrap: [first.libp2p.getMultiaddrs()[0].toString()]
 * })
 * await second.waitForJoin()
 *
 * const { owner, hops } = await second.ring.lookup('hello')
 * console.log(`hello is owned by ${owner.peerId} (${hops} hops)`)
 *
 * await second.store?.put('greeting', new TextEncoder().encode('hi'))
 * const item = await first.store?.get('greeting')
 * console.log(new TextDecoder().decode(item?.value), item?.version) // hi 1
 *
 * const status = await (await fetch(`${first.apiUrl}/v1/status`)).json()
 * console.log(status.successors)
 *
 * await second.stop() // leaves the ring: the first node takes its range over
 * await first.stop()
 * ```
 */
export { createNode } from './node.ts'
export type { SelfmgmtNode, NodeServices, NodeLibp2p } from './node.ts'
export { resolveOptions } from './options.ts'
export type { NodeOptions, RingTimeouts, ResolvedOptions } from './options.ts'
export { loadOrCreateIdentity, readKeyFile } from './identity.ts'
export type { Identity } from './identity.ts'
export { startApi } from './api/server.ts'
export type { ApiServer, ApiInit } from './api/server.ts'
export { ApiClient, parseApiUrl } from './api/client.ts'
export type { ApiClientInit, KvItem } from './api/client.ts'
export type { StatusJson, StoreStatusJson, RingJson, LookupJson, KvWriteJson, PeerJson, ErrorJson } from './api/json.ts'
export { LocalNetwork, LocalNode } from './demo/local-network.ts'
export type { LocalNetworkInit, LocalNodeInfo } from './demo/local-network.ts'
export { main } from './cli/main.ts'
export * from './errors.ts'
export * as defaults from './constants.ts'

/**
 * WAN emulation for real libp2p nodes in one process: a transport wrapper that delays every
 * chunk by the latency model's propagation delay for the peer pair, FIFO per pair.
 */
export { WanEmulator, WAN_NODES_MAX, WAN_ADDRESSES_MAX } from './emulator.ts'
export type { WanEmulatorInit, WanStats } from './emulator.ts'
export { wanTransport } from './transport.ts'
export type { WanTransportInit } from './transport.ts'
export { WanConnection, WAN_BUFFERED_BYTES_MAX } from './connection.ts'
export type { WanLink } from './connection.ts'
export { DelayLine, DELAY_LINE_ITEMS_MAX, RELEASE_EARLY_MS } from './delay-line.ts'

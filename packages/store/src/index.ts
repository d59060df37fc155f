/**
 * @packageDocumentation
 *
 * Replicated storage on the selfmgmt ring.
 *
 * - `src/core/` is the protocol as a pure state machine ({@link StoreNode}): symmetric
 * replication of degree r, one CASPaxos acceptor per (key, slot), linearizable get, put,
 * delete and compare-and-set through quorums of ready slots, hand-off on join and leave, and
 * rebuild of a crashed node's range from the other slots.
 * - Backends keep replica records: {@link MemoryBackend} (simulator, tests) and the SQLite one on disk.
 */
export * from './core/backend.ts'
export * from './core/ballot.ts'
export * from './core/messages.ts'
export * from './core/placement.ts'
export { MemoryBackend, arcSegments } from './core/memory-backend.ts'
export { StoreNode } from './core/store-node.ts'
export { EpochMap, ZERO_EPOCH } from './core/epochs.ts'
export type { Epoch, EpochArc } from './core/epochs.ts'
export { SqliteBackend, openSqliteBackend } from './db/sqlite-backend.ts'
export type { SqliteBackendOptions, StoreFileSettings } from './db/sqlite-backend.ts'
export { NO_STORE, settingsProfile, storeProtocolId, checkFileSettings } from './settings.ts'
export type { RingSettings } from './settings.ts'
export type { StoreConfig, StoreCommand, StoreEvent, StoreCounters, OpKind } from './core/store-node.ts'
export * as storeLimits from './core/constants.ts'
export * from './errors.ts'
export { store, StoreService, operationError } from './service.ts'
export type { StoreInit, StoreComponents, StoreItem, StoreOperationOptions, StoreProgressEvents } from './service.ts'
export { STORE_PROTOCOL, STORE_FRAME_BYTES_MAX } from './constants.ts'
export { encodeStoreMessage, decodeStoreMessage } from './wire.ts'

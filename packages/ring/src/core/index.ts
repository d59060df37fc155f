/**
 * The pure ring core: no I/O, no clock, no randomness. See {@link RingNode}.
 */
export * from './id.ts'
export * from './arcs.ts'
export * from './geometry.ts'
export * from './messages.ts'
export * from './types.ts'
export * from './node-ref.ts'
export { RingNode } from './ring-node.ts'
export type { RingConfig } from './ring-node.ts'
export { RoutingTable } from './routing-table.ts'
export { parseMessage, SEQ_MAX } from './validate.ts'
export { closestPreceding, closestFollowing, nearestEitherSide } from './next-hop.ts'
export type { SortedCandidates, Hop } from './next-hop.ts'
export * as limits from './constants.ts'
export { TimerHeap } from './timers.ts'
export type { TimerEntry } from './timers.ts'

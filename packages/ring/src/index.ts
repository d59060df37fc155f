/**
 * @packageDocumentation
 *
 * The Tango/DKS ring of selfmgmt. `src/core/` is the protocol as a pure state machine
 * ({@link RingNode}): the relaxed ring for membership, DKS, Tango and Chord routing geometries,
 * correction-on-use and correction-on-change, transitive lookups, broadcast and range-cast,
 * failure detection of neighbours and ring unification after partitions. Drivers feed it
 * messages, commands and time, and carry out what it asks.
 *
 * @example
 * ```ts
 * import { RingNode, keyToId } from '@selfmgmt/ring'
 *
 * const a = new RingNode({ self: { id: keyToId('a'), addr: 'a' }, geometry: { name: 'tango' } })
 * a.handleCommand(0, { type: 'create' })
 * a.handleCommand(0, { type: 'lookup', key: keyToId('some key'), reqId: 1 })
 * // A one-node ring owns every key: the answer is immediate.
 * console.log(a.pollEvent()) // { type: 'joined' }
 * console.log(a.pollEvent()) // { type: 'lookup-done', owner: a.self, hops: 0, ... }
 * ```
 */
export * from './core/index.ts'

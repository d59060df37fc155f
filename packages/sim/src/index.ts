/**
 * @packageDocumentation
 *
 * A deterministic discrete-event simulator for selfmgmt's sans-IO protocol cores: virtual clock,
 * one event queue ordered by (time, sequence), seeded PRNG streams, network models (constant,
 * uniform, PlanetLab-like; loss, duplication, reordering, partitions, one-way cuts), churn and
 * partition scenarios, and a Kademlia baseline. The same seed gives the same run, checked by a
 * trace hash.
 *
 * @example
 * ```ts
 * import { RingSim } from '@selfmgmt/sim'
 *
 * const sim = new RingSim({ seed: 1, geometry: { name: 'dks', k: 16 } })
 * const first = sim.addNode()
 * sim.create(first)
 * for (let i = 0; i < 99; i++) sim.join(sim.addNode())
 * sim.runFor(60_000)
 * console.log(sim.check().consistent) // true
 * ```
 */
export { Rng, mix32 } from './prng.ts'
export { PlanetLabLatency, constantLatency, uniformLatency, parseLatency, PLANETLAB_REGIONS } from './latency.ts'
export type { LatencyModel } from './latency.ts'
export { Network } from './network.ts'
export type { FaultConfig } from './network.ts'
export { Engine, SimulationError } from './engine.ts'
export type { SimCore, SimNode, SimNodeRef, EngineHooks } from './engine.ts'
export { EventQueue } from './event-queue.ts'
export { RingSim, newLookupStats, describeNode } from './ring-sim.ts'
export type { RingSimOptions, RingSimNode, LookupStats } from './ring-sim.ts'
export { buildRing, buildRingOracle, runChurn, runPartition, scheduleLookups, waitConverged, defaultJoinRate } from './scenarios.ts'
export type { BuildOptions, ChurnOptions, ChurnResult, PartitionOptions, PartitionResult, Progress, SessionDistribution } from './scenarios.ts'
export { KademliaSim, newKademliaStats, KADEMLIA_K_DEFAULT, KADEMLIA_ALPHA_DEFAULT, KADEMLIA_K_MAX, KADEMLIA_ALPHA_MAX, KADEMLIA_NODES_MAX, KADEMLIA_LOOKUPS_MAX } from './kademlia.ts'
export type { KademliaOptions, KademliaLookupStats } from './kademlia.ts'
export { runLookup, runChurnCommand, runPartitionCommand, LOOKUP_GEOMETRIES } from './runs.ts'
export type { LookupRunOptions, LookupReport, ChurnRunOptions, ChurnReport, PartitionRunOptions, PartitionReport, LookupGeometry } from './runs.ts'
export { mean, percentile, round } from './stats.ts'
export { main } from './cli/main.ts'
export { WanEmulator, wanTransport, WanConnection, DelayLine, WAN_NODES_MAX, WAN_ADDRESSES_MAX, WAN_BUFFERED_BYTES_MAX, DELAY_LINE_ITEMS_MAX, RELEASE_EARLY_MS } from './wan/index.ts'
export type { WanEmulatorInit, WanStats, WanTransportInit, WanLink } from './wan/index.ts'
export { StoreSim, StoreSimCore } from './store-sim.ts'
export type { StoreSimNode, StoreSimOptions, WorkloadOptions, WorkloadStats } from './store-sim.ts'
export { runStoreScenario, runFailureCell, runForcedRebuild, STORE_FAMILIES } from './store-scenarios.ts'
export type { StoreFamily, StoreScenarioOptions, StoreScenarioResult, FailureMatrixCell } from './store-scenarios.ts'

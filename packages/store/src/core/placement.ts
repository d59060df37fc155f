/**
 * Symmetric replication (Ghodsi, Alima, Haridi 2005): key k is stored at the owners of
 * `h(k) + x·⌊N/r⌋` for x = 0..r−1, N = 2^128. Each replica record carries its slot x, so a
 * node that lost a range rebuilds it from the other slots by shifting their ids back.
 *
 * Quorum sizes. Operations need `W` slots that answer as ready owners; a slot whose owner
 * changed is rebuilt only from `REBUILD` other slots. Both are chosen so that
 * - any two operation quorums share a slot even if one slot is answered by two nodes at once
 * (a false suspicion: the old owner still serves while its successor took over): 2W − r ≥ 2,
 * so W is a majority for even r and a majority plus one for odd r;
 * - a rebuild sees every chosen value (REBUILD + W − 1 > r − 1), and two sides of a partition
 * cannot both rebuild (REBUILD is a majority of r, counted without the slot being rebuilt);
 * - a rebuild reads, and so fences (epochs.ts), every other slot: REBUILD = r − 1 for r ≥ 3.
 * Then every incarnation of another slot made after the fence learns of it (it was fenced, or
 * rebuilt from slots that know), so an older incarnation finds no unaware partners for a
 * quorum even when several slots of a key are doubly served at once. With only a majority of
 * the other slots (r = 5: 3 of 4) the simulator found an illegal history under a
 * non-transitive partition (majorities family, r = 5, seed 10); with every slot, none in seeds
 * 1-80. The margin in W matters too: a plain majority for r = 3 (W = 2) gave 4 illegal
 * histories in 120 seeds. Tried again with the epochs (2026-12-07, scratch sweeps, read leases
 * on): plain majorities (r = 3: W = 2, r = 5: W = 3) gave no illegal history in any family,
 * seeds 1-60 for r = 3 and 5 (1-30 with leases off), nor in r = 3 `bridge` seeds 61-400, but 2
 * in r = 3 `majorities` seeds 61-400 (254 and 368). In 254 a node cut off from its
 * predecessors held, in its own view, both slot 0 and slot 2 of a key and ran a put on those
 * two slots alone, a quorum of one node; two other nodes still served slots 1 and 2 with the
 * older value, agreed, and answered a later get with it. Two slots doubly served at once is
 * what one node with a range over N/r can cause, and the fences cannot help there: the quorum
 * had no partner of another node to be fenced. With the margin, quorums share two slots.
 */
import { ID_MASK, RING_SIZE, keyToId } from '@selfmgmt/ring'
import type { RingId } from '@selfmgmt/ring'

/** Smallest and largest replication degree. */
export const R_MIN = 1
export const R_MAX = 8

/** Distance between the replica ids of consecutive slots. */
export function slotStep (r: number): bigint {
  return RING_SIZE / BigInt(r)
}

/** The ring position of slot `slot` of a key whose hash is `h`. */
export function replicaId (h: RingId, slot: number, r: number): RingId {
  return (h + BigInt(slot) * slotStep(r)) & ID_MASK
}

/** All r replica ids of a key, slot 0 first. */
export function replicaIds (key: Uint8Array, r: number): RingId[] {
  const h = keyToId(key)
  const out: RingId[] = []
  for (let x = 0; x < r; x++) { out.push(replicaId(h, x, r)) }
  return out
}

/** Slots that must answer an operation. */
export function operationQuorum (r: number): number {
  if (r <= 2) { return r }
  return (r >> 1) + 1 + (r & 1)
}

/**
 * Other slots a new owner must read (and fence) before it serves a slot it did not hold: all
 * r − 1 of them (see the comment at the top). With r = 1 there is nothing to read (no
 * replication: a crash loses the range). With r = 2 it is 2, more than the one other slot: a
 * lost replica is never rebuilt (two sides of a partition could each rebuild the slot they
 * miss), so use r ≥ 3 for repair. So a slot is rebuilt only while every other slot of its keys
 * is served: a key that loses two holders at once stays unavailable (never
 * wrong) for every r, until an operator forces the rebuild (the store's forceRebuild: for
 * holders lost for good, it goes on without them once r − W + 1 others are read). (Tried: letting a slot whose new owner is itself still waiting take the
 * fence without giving records, and rebuilding from the rest. It recovered two lost holders,
 * but gave illegal histories on a third of the seeds with partitions into halves: the new
 * owners that a partition creates on each side are exactly such waiting slots.)
 */
export function rebuildQuorum (r: number): number {
  if (r <= 2) { return r === 1 ? 0 : 2 }
  return r - 1
}

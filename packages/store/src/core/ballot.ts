/**
 * Ballots and the merge of acceptor states.
 */
import type { Ballot, ReplicaRecord } from './backend.ts'

/** Total order of ballots: by number, then by proposer. */
export function compareBallots (a: Ballot, b: Ballot): number {
  if (a.n !== b.n) { return a.n < b.n ? -1 : 1 }
  if (a.by === b.by) { return 0 }
  return a.by < b.by ? -1 : 1
}

export function maxBallot (a: Ballot, b: Ballot): Ballot {
  return compareBallots(a, b) >= 0 ? a : b
}

/**
 * The acceptor state that results from also having seen `incoming`'s messages: the higher
 * promise, and the state accepted at the higher ballot. Used where the receiver is not serving
 * the record (hand-off, rebuild): any union of acceptor histories is a valid history there.
 * Returns undefined when nothing changes.
 */
export function mergeRecord (local: ReplicaRecord | undefined, incoming: ReplicaRecord): ReplicaRecord | undefined {
  if (local === undefined) { return { ...incoming, promised: maxBallot(incoming.promised, incoming.accepted) } }
  const promised = maxBallot(maxBallot(local.promised, incoming.promised), incoming.accepted)
  const newer = compareBallots(incoming.accepted, local.accepted) > 0
  if (!newer && compareBallots(promised, local.promised) === 0) { return undefined }
  if (!newer) { return { ...local, promised } }
  return { ...local, promised, accepted: incoming.accepted, value: incoming.value, version: incoming.version }
}

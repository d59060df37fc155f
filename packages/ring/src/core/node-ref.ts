/**
 * A reference to a ring node: its ring id and an opaque transport address (a peer id string in
 * the libp2p driver, a node index in the simulator). Two refs denote the same node when their
 * addresses are equal.
 */
import { ADDR_LENGTH_MAX } from './constants.ts'
import { isRingId } from './id.ts'
import type { RingId } from './id.ts'

export interface NodeRef {
  readonly id: RingId
  readonly addr: string
}

export function isNodeRef (x: unknown): x is NodeRef {
  if (typeof x !== 'object' || x === null) { return false }
  const r = x as Record<string, unknown>
  return isRingId(r.id) && typeof r.addr === 'string' && r.addr.length > 0 && r.addr.length <= ADDR_LENGTH_MAX
}

export function sameNode (a: NodeRef | undefined, b: NodeRef | undefined): boolean {
  return a !== undefined && b !== undefined && a.addr === b.addr
}

/**
 * @packageDocumentation
 *
 * Checkers for selfmgmt runs. For now: the global ring check (successor and predecessor pointers
 * against ground truth, and the number of rings), used by the simulator and by tests of real
 * nodes.
 *
 * @example
 * ```ts
 * import { checkRing } from '@selfmgmt/testkit'
 *
 * const a = { id: 1n, addr: 'a' }
 * const b = { id: 2n, addr: 'b' }
 * const r = checkRing([{ self: a, succ: b, pred: b }, { self: b, succ: a, pred: a }])
 * console.log(r.consistent, r.rings) // true 1
 * ```
 */
export { checkRing } from './ring-check.ts'
export type { RingCheck, RingMemberView, NodeRefLike } from './ring-check.ts'

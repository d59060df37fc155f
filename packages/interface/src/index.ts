/**
 * @packageDocumentation
 *
 * Types, error classes and `assert` shared by every selfmgmt package. No runtime dependencies.
 *
 * @example
 * ```ts
 * import { assert, InvalidParametersError } from '@selfmgmt/interface'
 *
 * function setDegree (r: number): void {
 *   if (!Number.isInteger(r) || r < 1 || r > 8) {
 *     throw new InvalidParametersError(`replication degree must be 1..8, got ${r}`)
 *   }
 *   assert(r > 0, 'checked above')
 * }
 * ```
 */

export { assert, unreachable, AssertionError } from './assert.ts'
export {
  SelfmgmtError,
  InvalidParametersError,
  InvalidMessageError,
  TimeoutError,
  AbortError,
  NotStartedError,
  LimitExceededError
} from './errors.ts'

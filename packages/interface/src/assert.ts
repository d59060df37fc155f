/**
 * Assertions for programmer errors. They stay on in production (TigerBeetle style): a broken
 * invariant is a bug, and running on with corrupt state is worse than stopping. Bad input from the
 * network is never checked with `assert`; it is rejected with a typed error and counted instead.
 */

/** Thrown when an internal invariant does not hold. Never caused by remote input. */
export class AssertionError extends Error {
  static readonly code = 'ERR_ASSERTION'
  readonly code = AssertionError.code

  constructor (message: string) {
    super(message)
    this.name = 'AssertionError'
  }
}

/**
 * Throws an {@link AssertionError} when `condition` is falsy.
 *
 * @example
 * ```ts
 * assert(list.length <= LIST_MAX, 'list over its limit')
 * ```
 */
export function assert (condition: unknown, message: string | (() => string) = 'assertion failed'): asserts condition {
  if (condition === false || condition === undefined || condition === null || condition === 0 || condition === '') {
    throw new AssertionError(typeof message === 'function' ? message() : message)
  }
}

/** Marks a branch that must be unreachable; useful at the end of exhaustive switches. */
export function unreachable (value: never, message = 'unreachable'): never {
  throw new AssertionError(`${message}: ${String(value)}`)
}

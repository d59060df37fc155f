/**
 * Operating errors shared by every selfmgmt package. Each failure has its own class with a stable
 * `code`; callers check `err.name` or `err.code`, not `instanceof`, so errors survive being
 * serialised across process or package boundaries.
 */

/** Base class: every selfmgmt operating error has a stable machine-readable `code`. */
export class SelfmgmtError extends Error {
  readonly code: string

  constructor (message: string, code: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SelfmgmtError'
    this.code = code
  }
}

/** An argument given by the caller is invalid (a bad key, an out-of-range option, ...). */
export class InvalidParametersError extends SelfmgmtError {
  static readonly code = 'ERR_INVALID_PARAMETERS'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, InvalidParametersError.code, options)
    this.name = 'InvalidParametersError'
  }
}

/** A message from the network failed validation; it was rejected and counted. */
export class InvalidMessageError extends SelfmgmtError {
  static readonly code = 'ERR_INVALID_MESSAGE'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, InvalidMessageError.code, options)
    this.name = 'InvalidMessageError'
  }
}

/** An operation did not finish within its deadline. */
export class TimeoutError extends SelfmgmtError {
  static readonly code = 'ERR_TIMEOUT'

  constructor (message = 'the operation timed out', options?: { cause?: unknown }) {
    super(message, TimeoutError.code, options)
    this.name = 'TimeoutError'
  }
}

/** The operation was aborted by the caller's `AbortSignal`. */
export class AbortError extends SelfmgmtError {
  static readonly code = 'ABORT_ERR'

  constructor (message = 'the operation was aborted', options?: { cause?: unknown }) {
    super(message, AbortError.code, options)
    this.name = 'AbortError'
  }
}

/** The component is not in a state that allows the operation (not started, already leaving, ...). */
export class NotStartedError extends SelfmgmtError {
  static readonly code = 'ERR_NOT_STARTED'

  constructor (message = 'not started', options?: { cause?: unknown }) {
    super(message, NotStartedError.code, options)
    this.name = 'NotStartedError'
  }
}

/** A limit (queue length, list size, rate) was reached; the request was refused, nothing was lost. */
export class LimitExceededError extends SelfmgmtError {
  static readonly code = 'ERR_LIMIT_EXCEEDED'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, LimitExceededError.code, options)
    this.name = 'LimitExceededError'
  }
}

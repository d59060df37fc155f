/**
 * Operating errors of the store; callers check `name` or `code`.
 */
import { SelfmgmtError } from '@selfmgmt/interface'

/** The store's database file is damaged or is not a selfmgmt store: it is not used. */
export class CorruptDatabaseError extends SelfmgmtError {
  static readonly code = 'ERR_CORRUPT_DATABASE'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, CorruptDatabaseError.code, options)
    this.name = 'CorruptDatabaseError'
  }
}

/**
 * An operation that did not complete. `indeterminate`: a write may still take effect (an accept
 * was sent, or the answer is unknown); false: nothing was changed.
 */
export class OperationFailedError extends SelfmgmtError {
  readonly indeterminate: boolean

  constructor (message: string, code: string, options?: { cause?: unknown, indeterminate?: boolean }) {
    super(message, code, options)
    this.indeterminate = options?.indeterminate ?? false
  }
}

/** Not enough replicas of the key answered consistently, in time. Nothing stale was returned. */
export class QuorumUnavailableError extends OperationFailedError {
  static readonly code = 'ERR_QUORUM_UNAVAILABLE'

  constructor (message: string, options?: { cause?: unknown, indeterminate?: boolean }) {
    super(message, QuorumUnavailableError.code, options)
    this.name = 'QuorumUnavailableError'
  }
}

/**
 * Concurrent operations on the same key kept taking each other's ballots until the attempts
 * ran out (the replicas answered: retry, later or from one writer).
 */
export class ContentionError extends OperationFailedError {
  static readonly code = 'ERR_CONTENTION'

  constructor (message: string, options?: { cause?: unknown, indeterminate?: boolean }) {
    super(message, ContentionError.code, options)
    this.name = 'ContentionError'
  }
}

/** A compare-and-set found another version than the expected one; nothing was written. */
export class VersionConflictError extends SelfmgmtError {
  static readonly code = 'ERR_VERSION_CONFLICT'
  /** The version found. */
  readonly actual: number

  constructor (message: string, actual: number, options?: { cause?: unknown }) {
    super(message, VersionConflictError.code, options)
    this.name = 'VersionConflictError'
    this.actual = actual
  }
}

/** A key or value is outside the limits (size, encoding). */
export class InvalidItemError extends SelfmgmtError {
  static readonly code = 'ERR_INVALID_ITEM'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, InvalidItemError.code, options)
    this.name = 'InvalidItemError'
  }
}

/**
 * This node's store settings (replication degree, consistency) differ from those its store file
 * was written with: the node does not start (see settings.ts).
 */
export class SettingsMismatchError extends SelfmgmtError {
  static readonly code = 'ERR_SETTINGS_MISMATCH'
  /** The settings the file was written with (absent when only its records tell: a file from before they were saved). */
  readonly saved?: { r: number, consistency: string }
  /** The settings this node was started with. */
  readonly wanted: { r: number, consistency: string }

  constructor (message: string, settings: { saved?: { r: number, consistency: string }, wanted: { r: number, consistency: string } }, options?: { cause?: unknown }) {
    super(message, SettingsMismatchError.code, options)
    this.name = 'SettingsMismatchError'
    this.saved = settings.saved
    this.wanted = settings.wanted
  }
}

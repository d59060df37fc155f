/**
 * Operating errors of the ring service; callers check `name` or `code`.
 */
import { SelfmgmtError } from '@selfmgmt/interface'

/** The ring did not answer a lookup or request (every attempt timed out, or no route). */
export class LookupFailedError extends SelfmgmtError {
  static readonly code = 'ERR_LOOKUP_FAILED'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, LookupFailedError.code, options)
    this.name = 'LookupFailedError'
  }
}

/** This node is not (or no longer) a ring member: it has not joined, or it left. */
export class NotMemberError extends SelfmgmtError {
  static readonly code = 'ERR_NOT_MEMBER'

  constructor (message = 'this node is not a ring member', options?: { cause?: unknown }) {
    super(message, NotMemberError.code, options)
    this.name = 'NotMemberError'
  }
}

/** Joining the ring failed (no bootstrap node answered, or our id is taken). */
export class JoinFailedError extends SelfmgmtError {
  static readonly code = 'ERR_JOIN_FAILED'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, JoinFailedError.code, options)
    this.name = 'JoinFailedError'
  }
}

/** A peer cannot be a ring member: its peer id does not embed its public key (RSA). */
export class UnsupportedPeerError extends SelfmgmtError {
  static readonly code = 'ERR_UNSUPPORTED_PEER'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, UnsupportedPeerError.code, options)
    this.name = 'UnsupportedPeerError'
  }
}

/** A record key or value is over its limit. */
export class RecordTooLargeError extends SelfmgmtError {
  static readonly code = 'ERR_RECORD_TOO_LARGE'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, RecordTooLargeError.code, options)
    this.name = 'RecordTooLargeError'
  }
}

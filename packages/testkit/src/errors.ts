/**
 * Operating errors of the checkers; callers check `name` or `code`.
 */
import { SelfmgmtError } from '@selfmgmt/interface'

/**
 * A history handed to a checker is malformed: an event out of order, a completion without an
 * invocation, a second op on a busy process, a value of the wrong type. Histories read from
 * files or other processes are validated before checking; the message names the first bad
 * event's index.
 */
export class InvalidHistoryError extends SelfmgmtError {
  static readonly code = 'ERR_INVALID_HISTORY'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, InvalidHistoryError.code, options)
    this.name = 'InvalidHistoryError'
  }
}

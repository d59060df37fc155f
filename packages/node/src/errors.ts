/**
 * Operating errors of a selfmgmt node, its HTTP API, its API client and the demo network. Callers
 * check `name` or `code`, never `instanceof`; the API sends `code` in its JSON error bodies.
 */
import { SelfmgmtError } from '@selfmgmt/interface'

/** The data directory cannot be created or written. */
export class DataDirError extends SelfmgmtError {
  static readonly code = 'ERR_DATA_DIR'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, DataDirError.code, options)
    this.name = 'DataDirError'
  }
}

/** libp2p could not listen on a configured address (in use, not local, ...): the node did not start. */
export class ListenFailedError extends SelfmgmtError {
  static readonly code = 'ERR_LISTEN_FAILED'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, ListenFailedError.code, options)
    this.name = 'ListenFailedError'
  }
}

/** Another node runs on the data directory (its lock, node.lock, is held by a live process). */
export class DataDirInUseError extends SelfmgmtError {
  static readonly code = 'ERR_DATA_DIR_IN_USE'
  /** The process that holds the lock, when known. */
  readonly pid: number | undefined

  constructor (message: string, pid: number | undefined, options?: { cause?: unknown }) {
    super(message, DataDirInUseError.code, options)
    this.name = 'DataDirInUseError'
    this.pid = pid
  }
}

/** The key file exists but cannot be read (permissions, a directory in its place ...). It is never replaced. */
export class KeyFileUnreadableError extends SelfmgmtError {
  static readonly code = 'ERR_KEY_FILE_UNREADABLE'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, KeyFileUnreadableError.code, options)
    this.name = 'KeyFileUnreadableError'
  }
}

/** The key file holds no valid Ed25519 private key (truncated, edited, another format). It is never replaced. */
export class KeyFileCorruptError extends SelfmgmtError {
  static readonly code = 'ERR_KEY_FILE_CORRUPT'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, KeyFileCorruptError.code, options)
    this.name = 'KeyFileCorruptError'
  }
}

/** No API route has this path (HTTP 404). */
export class RouteNotFoundError extends SelfmgmtError {
  static readonly code = 'ERR_NOT_FOUND'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, RouteNotFoundError.code, options)
    this.name = 'RouteNotFoundError'
  }
}

/** The route exists but not with this method (HTTP 405). */
export class MethodNotAllowedError extends SelfmgmtError {
  static readonly code = 'ERR_METHOD_NOT_ALLOWED'
  /** The methods the route takes (the `Allow` header). */
  readonly allow: string[]

  constructor (message: string, allow: string[], options?: { cause?: unknown }) {
    super(message, MethodNotAllowedError.code, options)
    this.name = 'MethodNotAllowedError'
    this.allow = allow
  }
}

/** The request body is not of the media type the route takes (HTTP 415). */
export class UnsupportedMediaTypeError extends SelfmgmtError {
  static readonly code = 'ERR_UNSUPPORTED_MEDIA_TYPE'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, UnsupportedMediaTypeError.code, options)
    this.name = 'UnsupportedMediaTypeError'
  }
}

/** The request body is not valid JSON, or not a JSON object (HTTP 400). */
export class InvalidJsonError extends SelfmgmtError {
  static readonly code = 'ERR_INVALID_JSON'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, InvalidJsonError.code, options)
    this.name = 'InvalidJsonError'
  }
}

/** A lookup request without a string `key`, or a key over the size limit, empty or badly percent-encoded (HTTP 400). */
export class InvalidKeyError extends SelfmgmtError {
  static readonly code = 'ERR_INVALID_KEY'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, InvalidKeyError.code, options)
    this.name = 'InvalidKeyError'
  }
}

/** The request body is over API_BODY_BYTES_MAX, or a value over KV_VALUE_BYTES_MAX (HTTP 413). */
export class BodyTooLargeError extends SelfmgmtError {
  static readonly code = 'ERR_BODY_TOO_LARGE'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, BodyTooLargeError.code, options)
    this.name = 'BodyTooLargeError'
  }
}

/** The node serves API_LOOKUPS_PENDING_MAX lookups (or API_KV_PENDING_MAX store operations) already (HTTP 503; retry later). */
export class BusyError extends SelfmgmtError {
  static readonly code = 'ERR_BUSY'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, BusyError.code, options)
    this.name = 'BusyError'
  }
}

/** The node's API could not be reached (refused, reset, timed out, not HTTP). */
export class ApiUnreachableError extends SelfmgmtError {
  static readonly code = 'ERR_API_UNREACHABLE'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, ApiUnreachableError.code, options)
    this.name = 'ApiUnreachableError'
  }
}

/** The node's API answered with an error; `status`, `apiCode` and (for store keys) `version` are what it sent. */
export class ApiResponseError extends SelfmgmtError {
  static readonly code = 'ERR_API_RESPONSE'
  readonly status: number
  readonly apiCode: string
  /** The key's current version, when the error names one (404 of a deleted key, 412). */
  readonly version: number | undefined

  constructor (message: string, status: number, apiCode: string, options?: { cause?: unknown, version?: number }) {
    super(message, ApiResponseError.code, options)
    this.name = 'ApiResponseError'
    this.status = status
    this.apiCode = apiCode
    this.version = options?.version
  }
}

/** A node process of a local network exited, or did not announce itself or join in time. */
export class NodeStartFailedError extends SelfmgmtError {
  static readonly code = 'ERR_NODE_START_FAILED'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, NodeStartFailedError.code, options)
    this.name = 'NodeStartFailedError'
  }
}

/** No value under the key (HTTP 404): `version` 0 means it was never written, more that it was deleted at that version. */
export class KeyNotFoundError extends SelfmgmtError {
  static readonly code = 'ERR_KEY_NOT_FOUND'
  /** The key's version: 0 never written, > 0 the version of its deletion. */
  readonly version: number

  constructor (message: string, version: number, options?: { cause?: unknown }) {
    super(message, KeyNotFoundError.code, options)
    this.name = 'KeyNotFoundError'
    this.version = version
  }
}

/** An `If-Match` header that is not one quoted version like `"3"` (HTTP 400). */
export class InvalidVersionError extends SelfmgmtError {
  static readonly code = 'ERR_INVALID_VERSION'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, InvalidVersionError.code, options)
    this.name = 'InvalidVersionError'
  }
}

/** The node was started without the store (`store: false`), so `/v1/kv` cannot be served (HTTP 503). */
export class StoreNotRunningError extends SelfmgmtError {
  static readonly code = 'ERR_NO_STORE'

  constructor (message: string, options?: { cause?: unknown }) {
    super(message, StoreNotRunningError.code, options)
    this.name = 'StoreNotRunningError'
  }
}

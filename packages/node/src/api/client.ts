/**
 * A small client of a node's HTTP API (used by the CLI, the demo and the tests). Every request
 * has a deadline; an unreachable node and an error answer are distinct errors. Store keys and
 * values are checked against the API's limits before anything is sent.
 */
import { InvalidParametersError, assert } from '@selfmgmt/interface'
import { CLI_REQUEST_TIMEOUT_MS, API_VERSION_PREFIX, KV_KEY_BYTES_MAX, KV_VALUE_BYTES_MAX } from '../constants.ts'
import { ApiResponseError, ApiUnreachableError } from '../errors.ts'
import type { KvWriteJson, LookupJson, RingJson, StatusJson } from './json.ts'
import type { AbortOptions } from '@libp2p/interface'

/** Response bodies larger than this are refused (a routing state is well under 1 MiB, a value at most 1 MiB). */
const RESPONSE_BYTES_MAX = 8 * 1024 * 1024

export interface ApiClientInit {
  /** Deadline of each request unless the caller's signal is sooner (default CLI_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number
}

/** A key's state as read through the API. */
export interface KvItem {
  /** The value; undefined when the key is absent (never written, or deleted). */
  value?: Uint8Array
  /** Changes so far: 0 never written; what `cas` compares. */
  version: number
}

interface Answer {
  status: number
  headers: Headers
  body: Uint8Array
}

export class ApiClient {
  readonly url: string
  private readonly timeoutMs: number

  /** `url` is the node's API URL as it prints it, e.g. http://127.0.0.1:43210 */
  constructor (url: string, init: ApiClientInit = {}) {
    this.url = parseApiUrl(url)
    this.timeoutMs = init.timeoutMs ?? CLI_REQUEST_TIMEOUT_MS
  }

  async status (options: AbortOptions = {}): Promise<StatusJson> {
    return this.json('GET', '/status', undefined, options) as Promise<StatusJson>
  }

  async ring (options: AbortOptions = {}): Promise<RingJson> {
    return this.json('GET', '/ring', undefined, options) as Promise<RingJson>
  }

  async lookup (key: string, options: AbortOptions = {}): Promise<LookupJson> {
    return this.json('POST', '/lookup', { key }, options) as Promise<LookupJson>
  }

  /** An operator's force-rebuild of the node's pending arcs (see the store's forceRebuild). */
  async forceRebuild (options: AbortOptions = {}): Promise<{ arcs: number }> {
    return this.json('POST', '/store/force-rebuild', { confirm: true }, options) as Promise<{ arcs: number }>
  }

  /** Reads a key: its value (undefined when absent) and version. */
  async get (key: string, options: AbortOptions = {}): Promise<KvItem> {
    const a = await this.send('GET', kvPath(key), undefined, {}, options)
    if (a.status === 200) {
      const version = etagVersion(a.headers.get('etag'))
      if (version === undefined) { throw new ApiResponseError(`GET ${kvPath(key)} answered without a valid ETag`, a.status, 'ERR_INVALID_RESPONSE') }
      return { value: a.body, version }
    }
    try {
      parseResponse(this.target(kvPath(key)), a.status, a.body)
    } catch (err: any) {
      if (err?.apiCode === 'ERR_KEY_NOT_FOUND') { return { value: undefined, version: err.version ?? 0 } }
      throw err
    }
    throw new ApiResponseError(`GET ${kvPath(key)} answered ${a.status}`, a.status, 'ERR_INVALID_RESPONSE')
  }

  /** Writes a value; resolves with the key's new version. */
  async put (key: string, value: Uint8Array, options: AbortOptions = {}): Promise<KvWriteJson> {
    checkValue(value)
    return writeJson(await this.send('PUT', kvPath(key), value, {}, options), this.target(kvPath(key)))
  }

  /** Deletes a key (a new version with no value); resolves with that version, or the key's version if it was absent already. */
  async delete (key: string, options: AbortOptions = {}): Promise<KvWriteJson> {
    return writeJson(await this.send('DELETE', kvPath(key), undefined, {}, options), this.target(kvPath(key)))
  }

  /**
   * Writes `value` (deletes, when undefined) only if the key is at version `expected` (0: never
   * written). `applied` is false when it was not; `version` is then the current one.
   */
  async cas (key: string, expected: number, value: Uint8Array | undefined, options: AbortOptions = {}): Promise<{ applied: boolean, version: number }> {
    if (!Number.isSafeInteger(expected) || expected < 0) { throw new InvalidParametersError(`the expected version must be an integer of 0 or more, got ${String(expected)}`) }
    if (value !== undefined) { checkValue(value) }
    const headers = { 'if-match': `"${expected}"` }
    try {
      const { version } = writeJson(await this.send(value === undefined ? 'DELETE' : 'PUT', kvPath(key), value, headers, options), this.target(kvPath(key)))
      return { applied: true, version }
    } catch (err: any) {
      if (err?.apiCode === 'ERR_VERSION_CONFLICT' && typeof err.version === 'number') { return { applied: false, version: err.version } }
      throw err
    }
  }

  private target (path: string): string {
    return `${this.url}${API_VERSION_PREFIX}${path}`
  }

  private async json (method: string, path: string, body: unknown, options: AbortOptions): Promise<unknown> {
    const a = await this.send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? {} : { 'content-type': 'application/json' }, options)
    return parseResponse(this.target(path), a.status, a.body)
  }

  private async send (method: string, path: string, body: string | Uint8Array | undefined, headers: Record<string, string>, options: AbortOptions): Promise<Answer> {
    const deadline = AbortSignal.timeout(this.timeoutMs)
    const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline])
    const target = this.target(path)
    let res: Response
    let bytes: Uint8Array
    try {
      // A copy: fetch takes bytes backed by an ArrayBuffer only (not a SharedArrayBuffer).
      res = await fetch(target, { method, signal, headers, body: body instanceof Uint8Array ? new Uint8Array(body) : body })
      const declared = Number(res.headers.get('content-length') ?? 0)
      if (declared > RESPONSE_BYTES_MAX) {
        await res.body?.cancel()
        throw new ApiResponseError(`${target} answered ${declared} bytes, over the limit of ${RESPONSE_BYTES_MAX}`, res.status, 'ERR_INVALID_RESPONSE')
      }
      bytes = new Uint8Array(await res.arrayBuffer())
    } catch (err: any) {
      if (err?.name === 'ApiResponseError') { throw err }
      const cause = String(err?.cause?.message ?? err?.message)
      // fetch refuses some ports outright (1, 22, 25, 6000, ...: the Fetch standard's "bad ports").
      const why = deadline.aborted ? `no answer within ${this.timeoutMs} ms` : cause === 'bad port' ? `fetch refuses to connect to port ${new URL(this.url).port} (a port the Fetch standard blocks); start the node with another --api-port` : cause
      throw new ApiUnreachableError(`cannot reach the node API at ${this.url}: ${why}`, { cause: err })
    }
    if (bytes.length > RESPONSE_BYTES_MAX) { throw new ApiResponseError(`${target} answered ${bytes.length} bytes, over the limit of ${RESPONSE_BYTES_MAX}`, res.status, 'ERR_INVALID_RESPONSE') }
    return { status: res.status, headers: res.headers, body: bytes }
  }
}

/** The JSON of a 2xx answer, or an ApiResponseError carrying the answer's error code (and version). */
function parseResponse (target: string, status: number, body: Uint8Array): unknown {
  let json: any
  try {
    json = JSON.parse(new TextDecoder().decode(body))
  } catch {
    throw new ApiResponseError(`${target} answered ${status} with a body that is not JSON`, status, 'ERR_INVALID_RESPONSE')
  }
  if (status >= 200 && status < 300) { return json }
  const code = typeof json?.error?.code === 'string' ? json.error.code : 'ERR_UNKNOWN'
  const message = typeof json?.error?.message === 'string' ? json.error.message : `HTTP ${status}`
  const version = Number.isSafeInteger(json?.error?.version) && json.error.version >= 0 ? json.error.version as number : undefined
  throw new ApiResponseError(`${message} (HTTP ${status}, ${code})`, status, code, { version })
}

function writeJson (a: Answer, target: string): KvWriteJson {
  const json = parseResponse(target, a.status, a.body) as any
  if (!Number.isSafeInteger(json?.version) || json.version < 0) { throw new ApiResponseError(`${target} answered a write without a version`, a.status, 'ERR_INVALID_RESPONSE') }
  return { version: json.version }
}

/** `/kv/<percent-encoded key>`, after checking the key's size (1 to KV_KEY_BYTES_MAX UTF-8 bytes). */
function kvPath (key: string): string {
  if (typeof key !== 'string' || !key.isWellFormed()) { throw new InvalidParametersError('the key must be a well-formed string (no lone UTF-16 surrogates)') }
  const bytes = new TextEncoder().encode(key).length
  if (bytes === 0 || bytes > KV_KEY_BYTES_MAX) { throw new InvalidParametersError(`the key must be 1 to ${KV_KEY_BYTES_MAX} bytes (UTF-8), got ${bytes}`) }
  const path = `/kv/${encodeURIComponent(key)}`
  assert(decodeURIComponent(path.slice(4)) === key, 'the key survives percent-encoding')
  return path
}

function checkValue (value: Uint8Array): void {
  if (!(value instanceof Uint8Array)) { throw new InvalidParametersError('the value must be bytes (a Uint8Array)') }
  if (value.length > KV_VALUE_BYTES_MAX) { throw new InvalidParametersError(`the value is ${value.length} bytes; the limit is ${KV_VALUE_BYTES_MAX}`) }
}

/** The version of an ETag `"<n>"`, or undefined when it is not one. */
function etagVersion (etag: string | null): number | undefined {
  const m = etag === null ? null : /^"(\d{1,16})"$/.exec(etag)
  const v = m === null ? NaN : Number(m[1])
  return Number.isSafeInteger(v) ? v : undefined
}

/** Checks an API URL (http, host, optional port, no path) and returns it without a trailing slash. */
export function parseApiUrl (url: string): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new InvalidParametersError(`--api must be a URL like http://127.0.0.1:43210, got "${url}"`)
  }
  if (u.protocol !== 'http:' || (u.pathname !== '/' && u.pathname !== '') || u.search !== '' || u.hash !== '') {
    throw new InvalidParametersError(`--api must be an http URL with no path, like http://127.0.0.1:43210, got "${url}"`)
  }
  return `${u.protocol}//${u.host}`
}

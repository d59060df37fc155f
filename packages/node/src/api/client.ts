/**
 * A small client of a node's HTTP API (used by the CLI, the demo and the tests). Every request
 * has a deadline; an unreachable node and an error answer are distinct errors.
 */
import { InvalidParametersError } from '@selfmgmt/interface'
import { CLI_REQUEST_TIMEOUT_MS, API_VERSION_PREFIX } from '../constants.ts'
import { ApiResponseError, ApiUnreachableError } from '../errors.ts'
import type { LookupJson, RingJson, StatusJson } from './json.ts'
import type { AbortOptions } from '@libp2p/interface'

/** Response bodies larger than this are refused (a routing state is well under 1 MiB). */
const RESPONSE_BYTES_MAX = 8 * 1024 * 1024

export interface ApiClientInit {
  /** Deadline of each request unless the caller's signal is sooner (default CLI_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number
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
    return this.request('GET', '/status', undefined, options) as Promise<StatusJson>
  }

  async ring (options: AbortOptions = {}): Promise<RingJson> {
    return this.request('GET', '/ring', undefined, options) as Promise<RingJson>
  }

  async lookup (key: string, options: AbortOptions = {}): Promise<LookupJson> {
    return this.request('POST', '/lookup', { key }, options) as Promise<LookupJson>
  }

  private async request (method: string, path: string, body: unknown, options: AbortOptions): Promise<unknown> {
    const deadline = AbortSignal.timeout(this.timeoutMs)
    const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline])
    const target = `${this.url}${API_VERSION_PREFIX}${path}`
    let res: Response
    let text: string
    try {
      res = await fetch(target, {
        method,
        signal,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      text = await res.text()
    } catch (err: any) {
      const why = deadline.aborted ? `no answer within ${this.timeoutMs} ms` : String(err?.cause?.message ?? err?.message)
      throw new ApiUnreachableError(`cannot reach the node API at ${this.url}: ${why}`, { cause: err })
    }
    return parseResponse(target, res.status, text)
  }
}

function parseResponse (target: string, status: number, text: string): unknown {
  if (text.length > RESPONSE_BYTES_MAX) { throw new ApiResponseError(`${target} answered ${text.length} bytes, over the limit of ${RESPONSE_BYTES_MAX}`, status, 'ERR_INVALID_RESPONSE') }
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    throw new ApiResponseError(`${target} answered ${status} with a body that is not JSON`, status, 'ERR_INVALID_RESPONSE')
  }
  if (status >= 200 && status < 300) { return json }
  const code = typeof json?.error?.code === 'string' ? json.error.code : 'ERR_UNKNOWN'
  const message = typeof json?.error?.message === 'string' ? json.error.message : `HTTP ${status}`
  throw new ApiResponseError(`${message} (HTTP ${status}, ${code})`, status, code)
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

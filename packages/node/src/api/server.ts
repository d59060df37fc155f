/**
 * The node's HTTP API on 127.0.0.1 (node:http, versioned under /v1):
 *
 * - `GET /v1/status`: identity, addresses, membership, neighbours, routing table size, uptime,
 * the store's state (`null` without a store)
 * - `GET /v1/ring`: the full routing state
 * - `POST /v1/lookup` with `{"key": "<string>"}`: the key's owner, hops and latency
 * - `GET /v1/kv/<key>`: the value as raw bytes (`application/octet-stream`) with
 * `ETag: "<version>"`; 404 ERR_KEY_NOT_FOUND when absent (with `version` in the body, and an
 * ETag, when the key was deleted)
 * - `PUT /v1/kv/<key>` with the value as the raw body (at most 1 MiB, else 413): `{"version"}`;
 * with `If-Match: "<version>"` only if the key is at that version (`"0"`: never written),
 * else 412 ERR_VERSION_CONFLICT with the current `version`; with `If-None-Match: *` only if the
 * key has no value (never written or deleted), else 412 likewise
 * - `DELETE /v1/kv/<key>`: `{"version"}`; idempotent: deleting an absent key changes nothing
 * and answers its version (0 if never written); If-Match as for PUT
 * - `POST /v1/store/force-rebuild` with `{"confirm": true}` (application/json): an operator's force-rebuild of this
 * node's pending arcs (the store's forceRebuild: only for replica holders lost for good); `{"arcs"}`
 *
 * `<key>` is everything after `/v1/kv/` up to `?`, percent-decoded to UTF-8, 1 to 1024 bytes
 * (else 400 ERR_INVALID_KEY). Store operations answer 503 ERR_QUORUM_UNAVAILABLE when too few
 * replicas answer in time, 409 ERR_CONTENTION when concurrent operations on the key kept taking
 * each other's ballots (both with `indeterminate`: whether a write may still take effect), 503
 * ERR_NOT_MEMBER before the node joined and 503 ERR_NO_STORE on a node without a store.
 *
 * Every JSON failure is a body `{"error": {"code", "message"}}` (plus `version` where a key's
 * version is known) with a 4xx or 5xx status (see `ANSWERS`); every request is answered within
 * API_RESPONSE_TIMEOUT_MS (else 504); bodies, connections, lookups and store operations in
 * flight are bounded. A handler error never reaches the process.
 */
import { createServer } from 'node:http'
import { assert } from '@selfmgmt/interface'
import { NotMemberError, keyToId } from '@selfmgmt/ring'
import { VersionConflictError } from '@selfmgmt/store'
import * as K from '../constants.ts'
import { BodyTooLargeError, BusyError, InvalidJsonError, InvalidKeyError, InvalidVersionError, KeyNotFoundError, ListenFailedError, MethodNotAllowedError, RouteNotFoundError, StoreNotRunningError, UnsupportedMediaTypeError } from '../errors.ts'
import { lookupJson, ringJson, statusJson } from './json.ts'
import type { SelfmgmtNode } from '../node.ts'
import type { Logger } from '@libp2p/interface'
import type { StoreService } from '@selfmgmt/store'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ApiServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Stops accepting, aborts requests in flight (503), closes every connection. */
  close(): Promise<void>
}

export interface ApiInit {
  /** 0 picks a free port. */
  port: number
  /** Default 127.0.0.1: the API has no authentication. */
  host?: string
  /** Every request is answered within this (default API_RESPONSE_TIMEOUT_MS); a lookup still running gets 504. */
  responseTimeoutMs?: number
}

// The command line checks keys and values against its own copy of the store's limits.

/** `path` is the request path without its query. A plain result is sent as JSON with 200; a Reply as it says. */
type Handler = (req: IncomingMessage, signal: AbortSignal, path: string) => Promise<unknown>

/** A handler's answer when it is not JSON with 200 and no extra headers. */
class Reply {
  readonly status: number
  /** Raw bytes are sent as they are; anything else as JSON. */
  readonly body: Uint8Array | object
  readonly headers: Record<string, string>

  constructor (status: number, body: Uint8Array | object, headers: Record<string, string> = {}) {
    this.status = status
    this.body = body
    this.headers = headers
  }
}

interface Context {
  node: SelfmgmtNode
  responseTimeoutMs: number
  log: Logger
  closing: AbortController
  lookupsPending: number
  kvPending: number
}

/** Store keys are everything after this prefix (the route is listed as KV_ROUTE). */
const KV_PREFIX = `${K.API_VERSION_PREFIX}/kv/`
const KV_ROUTE = `${KV_PREFIX}<key>`

/** Error names, the HTTP status each is answered with and its code; anything else is a 500. */
const ANSWERS: Record<string, { status: number, code: string }> = {
  RouteNotFoundError: { status: 404, code: 'ERR_NOT_FOUND' },
  MethodNotAllowedError: { status: 405, code: 'ERR_METHOD_NOT_ALLOWED' },
  InvalidJsonError: { status: 400, code: 'ERR_INVALID_JSON' },
  UnsupportedMediaTypeError: { status: 415, code: 'ERR_UNSUPPORTED_MEDIA_TYPE' },
  InvalidKeyError: { status: 400, code: 'ERR_INVALID_KEY' },
  BodyTooLargeError: { status: 413, code: 'ERR_BODY_TOO_LARGE' },
  NotMemberError: { status: 503, code: 'ERR_NOT_MEMBER' },
  BusyError: { status: 503, code: 'ERR_BUSY' },
  LookupFailedError: { status: 502, code: 'ERR_LOOKUP_FAILED' },
  KeyNotFoundError: { status: 404, code: 'ERR_KEY_NOT_FOUND' },
  VersionConflictError: { status: 412, code: 'ERR_VERSION_CONFLICT' },
  InvalidVersionError: { status: 400, code: 'ERR_INVALID_VERSION' },
  // A key or value the store refuses that the API let through (the API checks both first).
  InvalidItemError: { status: 400, code: 'ERR_INVALID_ITEM' },
  QuorumUnavailableError: { status: 503, code: 'ERR_QUORUM_UNAVAILABLE' },
  // Concurrent writers of one key kept taking each other's ballots: the replicas are fine, retry.
  ContentionError: { status: 409, code: 'ERR_CONTENTION' },
  StoreNotRunningError: { status: 503, code: 'ERR_NO_STORE' },
  // The ring's own deadline (OPERATION_TIMEOUT_MS) passed: libp2p's TimeoutError, which has no code.
  TimeoutError: { status: 504, code: 'ERR_TIMEOUT' }
}

export async function startApi (node: SelfmgmtNode, init: ApiInit): Promise<ApiServer> {
  const ctx: Context = { node, responseTimeoutMs: init.responseTimeoutMs ?? K.API_RESPONSE_TIMEOUT_MS, log: node.libp2p.logger.forComponent('selfmgmt:node:api'), closing: new AbortController(), lookupsPending: 0, kvPending: 0 }
  const routes = routesOf(ctx)
  const server = createServer({
    requestTimeout: K.API_REQUEST_TIMEOUT_MS,
    headersTimeout: K.API_HEADERS_TIMEOUT_MS,
    keepAliveTimeout: K.API_KEEP_ALIVE_TIMEOUT_MS
  }, (req, res) => {
    handle(ctx, routes, req, res).catch(err => {
      ctx.log.error('an API response failed - %e', err)
      res.destroy()
    })
  })
  server.maxConnections = K.API_CONNECTIONS_MAX
  server.on('clientError', (err, socket) => {
    ctx.log('bad HTTP from a client - %e', err)
    socket.destroy()
  })
  await listen(server, init.port, init.host ?? K.API_HOST)
  const addr = server.address() as AddressInfo
  assert(addr !== null && typeof addr === 'object' && addr.port > 0, 'a listening server has a port')
  return {
    url: `http://${addr.address}:${addr.port}`,
    close: async () => close(ctx, server)
  }
}

async function listen (server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException): void => {
      const why = err.code === 'EADDRINUSE' ? 'it is in use' : err.code === 'EACCES' ? 'this user may not use it' : err.code === 'EADDRNOTAVAIL' ? 'it is not an address of this machine' : undefined
      reject(why === undefined ? err : new ListenFailedError(`the HTTP API cannot listen on ${host}:${port}: ${why} (${String(err.code)}); choose another --api-port (the apiPort option), or stop what uses it`, { cause: err }))
    }
    server.once('error', failed)
    server.listen(port, host, () => {
      server.off('error', failed)
      resolve()
    })
  })
}

async function close (ctx: Context, server: Server): Promise<void> {
  ctx.closing.abort()
  const closed = new Promise<void>(resolve => { server.close(() => { resolve() }) })
  server.closeIdleConnections()
  // Requests in flight were aborted above and answer at once; whatever is left is cut.
  setTimeout(() => { server.closeAllConnections() }, 100).unref()
  await closed
}

function routesOf (ctx: Context): Record<string, Record<string, Handler>> {
  return {
    [`${K.API_VERSION_PREFIX}/status`]: { GET: async () => statusJson(ctx.node) },
    [`${K.API_VERSION_PREFIX}/ring`]: { GET: async () => ringJson(ctx.node.ring.getRoutingState()) },
    [`${K.API_VERSION_PREFIX}/lookup`]: { POST: async (req, signal) => lookup(ctx, req, signal) },
    [`${K.API_VERSION_PREFIX}/store/force-rebuild`]: { POST: async (req, signal) => forceRebuild(ctx, req, signal) },
    [KV_ROUTE]: {
      GET: async (_req, signal, path) => kvGet(ctx, path, signal),
      PUT: async (req, signal, path) => kvPut(ctx, req, path, signal),
      DELETE: async (req, signal, path) => kvDelete(ctx, req, path, signal)
    }
  }
}

async function handle (ctx: Context, routes: Record<string, Record<string, Handler>>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const deadline = AbortSignal.timeout(ctx.responseTimeoutMs)
  const gone = new AbortController()
  res.on('close', () => { gone.abort() })
  const signal = AbortSignal.any([deadline, ctx.closing.signal, gone.signal])
  try {
    const path = (req.url ?? '/').split('?')[0]
    const out = await route(routes, req.method ?? '', path)(req, signal, path)
    if (out instanceof Reply) { send(res, out) } else { sendJson(res, 200, out) }
  } catch (err: any) {
    if (gone.signal.aborted) { return } // the client left; nobody to answer
    const e = explain(err, deadline.aborted ? ctx.responseTimeoutMs : undefined, ctx.closing.signal.aborted)
    if (e.status >= 500 && e.status !== 503) { ctx.log('%s %s failed with %d - %e', req.method, req.url, e.status, err) }
    const headers: Record<string, string> = {}
    if (e.status === 405) { headers.allow = (err as MethodNotAllowedError).allow.join(', ') }
    // An oversized body is not read to its end: the connection cannot be reused.
    if (e.status === 413) { headers.connection = 'close' }
    if (e.version !== undefined && e.version > 0) { headers.etag = etagOf(e.version) }
    sendJson(res, e.status, { error: { code: e.code, message: e.message, ...(e.version === undefined ? {} : { version: e.version }), ...(e.indeterminate === undefined ? {} : { indeterminate: e.indeterminate }) } }, headers)
  }
}

function route (routes: Record<string, Record<string, Handler>>, method: string, path: string): Handler {
  const name = path.startsWith(KV_PREFIX) ? KV_ROUTE : path
  const methods = routes[name]
  if (methods === undefined || !Object.hasOwn(routes, name)) { throw new RouteNotFoundError(`no route ${path}; the API has ${Object.keys(routes).join(', ')}`) }
  const handler = methods[method]
  if (handler === undefined || !Object.hasOwn(methods, method)) {
    throw new MethodNotAllowedError(`${name} takes ${Object.keys(methods).join(', ')}, not ${method}`, Object.keys(methods))
  }
  return handler
}

/** The status, code and message an error is answered with, and the key's version when the error carries one. */
function explain (err: any, timedOutMs: number | undefined, closing: boolean): { status: number, code: string, message: string, version?: number, indeterminate?: boolean } {
  if (timedOutMs !== undefined) { return { status: 504, code: 'ERR_TIMEOUT', message: `no answer within ${timedOutMs} ms` } }
  if (closing) { return { status: 503, code: 'ERR_STOPPING', message: 'the node is stopping' } }
  const answer = Object.hasOwn(ANSWERS, String(err?.name)) ? ANSWERS[String(err?.name)] : undefined
  if (answer === undefined) { return { status: 500, code: 'ERR_INTERNAL', message: 'internal error (see the node log)' } }
  if (err.name === 'KeyNotFoundError') { return { ...answer, message: String(err.message), version: err.version } }
  if (err.name === 'VersionConflictError') { return { ...answer, message: String(err.message), version: err.actual } }
  if (err.name === 'QuorumUnavailableError' || err.name === 'ContentionError') { return { ...answer, message: String(err.message), indeterminate: err.indeterminate === true } }
  return { ...answer, message: String(err.message) }
}

function send (res: ServerResponse, reply: Reply): void {
  if (!(reply.body instanceof Uint8Array)) {
    sendJson(res, reply.status, reply.body, reply.headers)
    return
  }
  if (res.headersSent || res.destroyed) { return }
  res.writeHead(reply.status, {
    'content-type': 'application/octet-stream',
    'content-length': reply.body.byteLength,
    'cache-control': 'no-store',
    ...reply.headers
  })
  res.end(reply.body)
}

function sendJson (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) { return }
  const text = JSON.stringify(body) + '\n'
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers
  })
  res.end(text)
}

async function lookup (ctx: Context, req: IncomingMessage, signal: AbortSignal): Promise<unknown> {
  const body = parseJson(await readBody(req, signal))
  const key = body.key
  if (typeof key !== 'string') { throw new InvalidKeyError(`"key" must be a string, got ${key === undefined ? 'none' : typeof key}`) }
  if (Buffer.byteLength(key) > K.API_KEY_BYTES_MAX) { throw new InvalidKeyError(`"key" is over ${K.API_KEY_BYTES_MAX} bytes`) }
  if (!ctx.node.ring.isMember()) { throw new NotMemberError('this node is not a ring member: still joining, or it left') }
  if (ctx.lookupsPending >= K.API_LOOKUPS_PENDING_MAX) { throw new BusyError(`${K.API_LOOKUPS_PENDING_MAX} lookups in flight; retry later`) }
  ctx.lookupsPending++
  try {
    const r = await ctx.node.ring.lookup(key, { signal })
    return lookupJson(key, keyToId(key), r)
  } finally {
    ctx.lookupsPending--
  }
}

/**
 * An operator's force-rebuild (the store's forceRebuild); the body must confirm it:
 * `{"confirm": true}`, sent as application/json (which a web page cannot send to another origin
 * without the browser asking first, as it must for PUT and DELETE).
 */
async function forceRebuild (ctx: Context, req: IncomingMessage, signal: AbortSignal): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json') { throw new UnsupportedMediaTypeError(`force-rebuild takes its confirmation as application/json, got ${type === '' ? 'no content type' : type}`) }
  const body = parseJson(await readBody(req, signal))
  if (body.confirm !== true) { throw new InvalidJsonError('force-rebuild rebuilds this node\'s pending arcs without the replica holders that do not answer: only for holders lost for good, never while part of the ring may be cut off. Confirm with {"confirm": true}') }
  return storeOf(ctx).forceRebuild()
}

/** The request body as text; refuses more than API_BODY_BYTES_MAX bytes. */
async function readBody (req: IncomingMessage, signal: AbortSignal): Promise<string> {
  const bytes = await readBytes(req, signal, K.API_BODY_BYTES_MAX, 'the body')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (err) {
    throw new InvalidJsonError('the body is not UTF-8', { cause: err })
  }
}

/** The request body; refuses more than `limit` bytes before reading them where the length is declared. */
async function readBytes (req: IncomingMessage, signal: AbortSignal, limit: number, what: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) { throw new BodyTooLargeError(`${what} is ${declared} bytes; the limit is ${limit}`) }
  const chunks: Buffer[] = []
  let size = 0
  const onAbort = (): void => { req.destroy(new Error('request aborted')) }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > limit) { throw new BodyTooLargeError(`${what} is over the limit of ${limit} bytes`) }
      chunks.push(chunk as Buffer)
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
  const body = Buffer.concat(chunks)
  assert(body.length === size && size <= limit, 'the body read is within its limit')
  return body
}

function parseJson (text: string): Record<string, unknown> {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (err: any) {
    throw new InvalidJsonError(`the body is not JSON: ${String(err?.message)}`, { cause: err })
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) { throw new InvalidJsonError('the body must be a JSON object like {"key": "hello"}') }
  return v as Record<string, unknown>
}

// ------------------------------------------------------------------ /v1/kv/<key>

async function kvGet (ctx: Context, path: string, signal: AbortSignal): Promise<Reply> {
  const key = kvKey(path)
  const store = storeOf(ctx)
  const item = await withKvSlot(ctx, async () => store.get(key, { signal }))
  assert(Number.isSafeInteger(item.version) && item.version >= 0, 'a read returns a version')
  if (item.value === undefined) {
    throw new KeyNotFoundError(item.version === 0 ? 'no value under this key (never written)' : `no value under this key (deleted at version ${item.version})`, item.version)
  }
  return new Reply(200, item.value, { etag: etagOf(item.version) })
}

async function kvPut (ctx: Context, req: IncomingMessage, path: string, signal: AbortSignal): Promise<Reply> {
  const key = kvKey(path)
  const expected = ifMatch(req)
  const absent = ifNoneMatch(req, expected !== undefined)
  const store = storeOf(ctx)
  return withKvSlot(ctx, async () => {
    const value = await readBytes(req, signal, K.KV_VALUE_BYTES_MAX, 'the value')
    let version: number
    if (absent) {
      // Only where there is no value (never written, or deleted): a read, then a compare-and-set
      // at the version it saw, so a value written in between makes it fail, never lost.
      const now = await store.get(key, { signal })
      if (now.value !== undefined) { throw new VersionConflictError(`the key has a value (version ${now.version}); If-None-Match: * writes only where there is none; nothing was written`, now.version) }
      version = (await cas(store, key, now.version, value, signal)).version
    } else if (expected !== undefined) {
      version = (await cas(store, key, expected, value, signal)).version
    } else {
      version = (await store.put(key, value, { signal })).version
    }
    assert(version > 0, 'a put makes a positive version')
    return versionReply(version)
  })
}

async function kvDelete (ctx: Context, req: IncomingMessage, path: string, signal: AbortSignal): Promise<Reply> {
  const key = kvKey(path)
  const expected = ifMatch(req)
  if (req.headers['if-none-match'] !== undefined) { throw new InvalidVersionError('If-None-Match is for PUT (write only where the key has no value); a DELETE takes If-Match') }
  const store = storeOf(ctx)
  return withKvSlot(ctx, async () => {
    // Deleting an absent key changes nothing: its version stays (0 if it was never written).
    const { version } = expected === undefined ? await store.delete(key, { signal }) : await cas(store, key, expected, undefined, signal)
    return versionReply(version)
  })
}

/** A compare-and-set that throws VersionConflictError (412) when it was not applied. */
async function cas (store: StoreService, key: string, expected: number, value: Uint8Array | undefined, signal: AbortSignal): Promise<{ version: number }> {
  const r = await store.cas(key, expected, value, { signal })
  if (!r.applied) { throw new VersionConflictError(`the key is at version ${r.version}, not ${expected}; nothing was written`, r.version) }
  assert(r.version === expected + 1, 'an applied cas makes the next version')
  return { version: r.version }
}

/** `{"version"}`, with an ETag unless the key was never written. */
function versionReply (version: number): Reply {
  assert(Number.isSafeInteger(version) && version >= 0, 'a write answers a version')
  return new Reply(200, { version }, version > 0 ? { etag: etagOf(version) } : {})
}

/** The key of a /v1/kv/ path: percent-decoded UTF-8, 1 to KV_KEY_BYTES_MAX bytes. */
function kvKey (path: string): string {
  assert(path.startsWith(KV_PREFIX), 'a kv path')
  let key: string
  try {
    key = decodeURIComponent(path.slice(KV_PREFIX.length))
  } catch (err) {
    throw new InvalidKeyError('the key is not valid percent-encoded UTF-8 (encode it with encodeURIComponent)', { cause: err })
  }
  const bytes = Buffer.byteLength(key)
  if (bytes === 0) { throw new InvalidKeyError(`the key is empty: use ${KV_ROUTE}`) }
  if (bytes > K.KV_KEY_BYTES_MAX) { throw new InvalidKeyError(`the key is ${bytes} bytes (UTF-8); the limit is ${K.KV_KEY_BYTES_MAX}`) }
  return key
}

/** Whether a PUT carries `If-None-Match: *` (write only where the key has no value); any other If-None-Match is refused. */
function ifNoneMatch (req: IncomingMessage, withIfMatch: boolean): boolean {
  const h = req.headers['if-none-match']
  if (h === undefined) { return false }
  if (h.trim() !== '*') { throw new InvalidVersionError(`If-None-Match on a write takes only * (write only where the key has no value), got ${JSON.stringify(h.slice(0, 64))}`) }
  if (withIfMatch) { throw new InvalidVersionError('If-Match and If-None-Match together: send one of them') }
  return true
}

/** The version of an `If-Match: "<version>"` header, or undefined without one. */
function ifMatch (req: IncomingMessage): number | undefined {
  const h = req.headers['if-match']
  if (h === undefined) { return undefined }
  const m = /^\s*"(0|[1-9]\d{0,15})"\s*$/.exec(h)
  const v = m === null ? NaN : Number(m[1])
  if (!Number.isSafeInteger(v)) { throw new InvalidVersionError(`If-Match must be one quoted version like "3" ("0": only if the key was never written), got ${JSON.stringify(h.slice(0, 64))}`) }
  return v
}

function etagOf (version: number): string {
  return `"${version}"`
}

/** The node's store, if it runs one and is a ring member (else 503). */
function storeOf (ctx: Context): StoreService {
  const store = ctx.node.store
  if (store === undefined) { throw new StoreNotRunningError('this node runs no store (it was started with store: false or --no-store)') }
  if (!ctx.node.ring.isMember()) { throw new NotMemberError('this node is not a ring member: still joining, or it left') }
  return store
}

/** Runs a store operation within API_KV_PENDING_MAX (else 503 ERR_BUSY). */
async function withKvSlot<T> (ctx: Context, fn: () => Promise<T>): Promise<T> {
  if (ctx.kvPending >= K.API_KV_PENDING_MAX) { throw new BusyError(`${K.API_KV_PENDING_MAX} store operations in flight; retry later`) }
  ctx.kvPending++
  try {
    return await fn()
  } finally {
    ctx.kvPending--
    assert(ctx.kvPending >= 0, 'store operations in flight never go negative')
  }
}

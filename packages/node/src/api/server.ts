/**
 * The node's HTTP API on 127.0.0.1 (node:http, JSON, versioned under /v1):
 *
 * - `GET /v1/status`: identity, addresses, membership, neighbours, routing table size, uptime
 * - `GET /v1/ring`: the full routing state
 * - `POST /v1/lookup` with `{"key": "<string>"}`: the key's owner, hops and latency
 *
 * Every failure is a JSON body `{"error": {"code", "message"}}` with a 4xx or 5xx status (see
 * `ANSWERS`); every request is answered within API_RESPONSE_TIMEOUT_MS; bodies, connections and
 * lookups in flight are bounded. A handler error never reaches the process.
 */
import { createServer } from 'node:http'
import { assert } from '@selfmgmt/interface'
import { NotMemberError, keyToId } from '@selfmgmt/ring'
import * as K from '../constants.ts'
import { BodyTooLargeError, BusyError, InvalidJsonError, InvalidKeyError, MethodNotAllowedError, RouteNotFoundError } from '../errors.ts'
import { lookupJson, ringJson, statusJson } from './json.ts'
import type { SelfmgmtNode } from '../node.ts'
import type { Logger } from '@libp2p/interface'
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

type Handler = (req: IncomingMessage, signal: AbortSignal) => Promise<unknown>

interface Context {
  node: SelfmgmtNode
  responseTimeoutMs: number
  log: Logger
  closing: AbortController
  lookupsPending: number
}

/** Error names, the HTTP status each is answered with and its code; anything else is a 500. */
const ANSWERS: Record<string, { status: number, code: string }> = {
  RouteNotFoundError: { status: 404, code: 'ERR_NOT_FOUND' },
  MethodNotAllowedError: { status: 405, code: 'ERR_METHOD_NOT_ALLOWED' },
  InvalidJsonError: { status: 400, code: 'ERR_INVALID_JSON' },
  InvalidKeyError: { status: 400, code: 'ERR_INVALID_KEY' },
  BodyTooLargeError: { status: 413, code: 'ERR_BODY_TOO_LARGE' },
  NotMemberError: { status: 503, code: 'ERR_NOT_MEMBER' },
  BusyError: { status: 503, code: 'ERR_BUSY' },
  LookupFailedError: { status: 502, code: 'ERR_LOOKUP_FAILED' },
  // The ring's own deadline (OPERATION_TIMEOUT_MS) passed: libp2p's TimeoutError, which has no code.
  TimeoutError: { status: 504, code: 'ERR_TIMEOUT' }
}

export async function startApi (node: SelfmgmtNode, init: ApiInit): Promise<ApiServer> {
  const ctx: Context = { node, responseTimeoutMs: init.responseTimeoutMs ?? K.API_RESPONSE_TIMEOUT_MS, log: node.libp2p.logger.forComponent('selfmgmt:node:api'), closing: new AbortController(), lookupsPending: 0 }
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
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
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
    [`${K.API_VERSION_PREFIX}/lookup`]: { POST: async (req, signal) => lookup(ctx, req, signal) }
  }
}

async function handle (ctx: Context, routes: Record<string, Record<string, Handler>>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const deadline = AbortSignal.timeout(ctx.responseTimeoutMs)
  const gone = new AbortController()
  res.on('close', () => { gone.abort() })
  const signal = AbortSignal.any([deadline, ctx.closing.signal, gone.signal])
  try {
    const handler = route(routes, req)
    sendJson(res, 200, await handler(req, signal))
  } catch (err: any) {
    if (gone.signal.aborted) { return } // the client left; nobody to answer
    const e = explain(err, deadline.aborted ? ctx.responseTimeoutMs : undefined, ctx.closing.signal.aborted)
    if (e.status >= 500 && e.status !== 503) { ctx.log('%s %s failed with %d - %e', req.method, req.url, e.status, err) }
    const headers: Record<string, string> = {}
    if (e.status === 405) { headers.allow = (err as MethodNotAllowedError).allow.join(', ') }
    // An oversized body is not read to its end: the connection cannot be reused.
    if (e.status === 413) { headers.connection = 'close' }
    sendJson(res, e.status, { error: { code: e.code, message: e.message } }, headers)
  }
}

function route (routes: Record<string, Record<string, Handler>>, req: IncomingMessage): Handler {
  const path = (req.url ?? '/').split('?')[0]
  const methods = routes[path]
  if (methods === undefined || !Object.hasOwn(routes, path)) { throw new RouteNotFoundError(`no route ${path}; the API has ${Object.keys(routes).join(', ')}`) }
  const handler = methods[req.method ?? '']
  if (handler === undefined || !Object.hasOwn(methods, req.method ?? '')) {
    throw new MethodNotAllowedError(`${path} takes ${Object.keys(methods).join(', ')}, not ${String(req.method)}`, Object.keys(methods))
  }
  return handler
}

/** The status, code and message an error is answered with. */
function explain (err: any, timedOutMs: number | undefined, closing: boolean): { status: number, code: string, message: string } {
  if (timedOutMs !== undefined) { return { status: 504, code: 'ERR_TIMEOUT', message: `no answer within ${timedOutMs} ms` } }
  if (closing) { return { status: 503, code: 'ERR_STOPPING', message: 'the node is stopping' } }
  const answer = Object.hasOwn(ANSWERS, String(err?.name)) ? ANSWERS[String(err?.name)] : undefined
  if (answer === undefined) { return { status: 500, code: 'ERR_INTERNAL', message: 'internal error (see the node log)' } }
  return { ...answer, message: String(err.message) }
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

/** The request body as text; refuses more than API_BODY_BYTES_MAX bytes before reading them where possible. */
async function readBody (req: IncomingMessage, signal: AbortSignal): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > K.API_BODY_BYTES_MAX) { throw new BodyTooLargeError(`the body is ${declared} bytes; the limit is ${K.API_BODY_BYTES_MAX}`) }
  const chunks: Buffer[] = []
  let size = 0
  const onAbort = (): void => { req.destroy(new Error('request aborted')) }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > K.API_BODY_BYTES_MAX) { throw new BodyTooLargeError(`the body is over the limit of ${K.API_BODY_BYTES_MAX} bytes`) }
      chunks.push(chunk as Buffer)
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch (err) {
    throw new InvalidJsonError('the body is not UTF-8', { cause: err })
  }
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

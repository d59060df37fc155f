/* Goal: the store through the HTTP API (/v1/kv/<key>) and ApiClient: a value put through one node reads back byte for byte through the others with its version as ETag; deletes are new versions (404 with the version after them, idempotent); If-Match makes PUT and DELETE compare-and-set (412 with the current version when it differs, "0" = create if never written), If-None-Match: * makes a PUT write only where there is no value; absent keys are 404; bad keys are 400, bad If-Match headers 400, bodies over 1 MiB 413 (declared or streamed), wrong methods 405 with Allow; /v1/status has the store's state; the node keeps serving after every bad request. Method: a ring of three in-process nodes (createNode, API on port 0), raw node:http requests and ApiClient. */
import { expect } from 'aegir/chai'
import { ApiClient, createNode, defaults } from '../src/index.ts'
import { httpRequest, removeDir, tempDir, waitUntil } from './fixtures/util.ts'
import type { SelfmgmtNode } from '../src/index.ts'
import type { HttpAnswer } from './fixtures/util.ts'

/** Every byte value, twice, and a few invalid UTF-8 sequences: a value that is not text. */
const BINARY = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i)), Buffer.from([0xc3, 0x28, 0xff, 0xfe])])

function expectError (res: HttpAnswer, status: number, code: string, version?: number): void {
  expect(res.status, `status of ${res.body}`).to.equal(status)
  expect(String(res.headers['content-type'])).to.match(/^application\/json/)
  expect(res.json?.error?.code, res.body).to.equal(code)
  expect(res.json.error.message).to.be.a('string').and.not.equal('')
  if (version === undefined) {
    expect(res.json.error, res.body).to.have.all.keys('code', 'message')
  } else {
    expect(res.json.error, res.body).to.have.all.keys('code', 'message', 'version')
    expect(res.json.error.version).to.equal(version)
    expect(res.headers.etag, 'an ETag only for a version > 0').to.equal(version > 0 ? `"${version}"` : undefined)
  }
}

describe('store through the HTTP API (/v1/kv)', function () {
  this.timeout(30_000)
  const dirs: string[] = []
  const nodes: SelfmgmtNode[] = []
  let apis: string[] = []
  let tag = 0

  /** A key no other test uses. */
  function freshKey (name: string): string {
    return `kv-api-${name}-${++tag}-${Date.now()}`
  }

  async function kv (api: string, method: string, key: string, init: { body?: string | Buffer, headers?: Record<string, string>, chunked?: boolean, raw?: boolean } = {}): Promise<HttpAnswer> {
    const path = init.raw === true ? key : encodeURIComponent(key)
    return httpRequest(`${api}/v1/kv/${path}`, { method, body: init.body, headers: init.headers, chunked: init.chunked, timeoutMs: 20_000 })
  }

  function expectValue (res: HttpAnswer, value: Buffer | string, version: number): void {
    expect(res.status, res.body).to.equal(200)
    expect(res.headers['content-type']).to.equal('application/octet-stream')
    expect(res.headers.etag).to.equal(`"${version}"`)
    expect(res.bytes.equals(Buffer.from(value)), `value ${res.bytes.toString('hex').slice(0, 64)}`).to.equal(true)
  }

  function expectVersion (res: HttpAnswer, version: number): void {
    expect(res.status, res.body).to.equal(200)
    expect(res.json).to.deep.equal({ version })
    expect(res.headers.etag).to.equal(`"${version}"`)
  }

  before(async function () {
    this.timeout(60_000)
    for (let i = 0; i < 3; i++) {
      const dataDir = await tempDir(`kv-api-${i}`)
      dirs.push(dataDir)
      const bootstrap = i === 0 ? [] : [nodes[0].libp2p.getMultiaddrs()[0].toString()]
      const node = await createNode({ dataDir, apiPort: 0, dht: false, bootstrap })
      nodes.push(node)
      await node.waitForJoin({ signal: AbortSignal.timeout(20_000) })
    }
    apis = nodes.map(n => n.apiUrl ?? '')
    await waitUntil('every store range ready', 30_000, async () => nodes.flatMap((n, i) => {
      const st = n.store?.getState()
      return st?.member === true && st.pending.length === 0 ? [] : [`node ${i}: ${JSON.stringify(st?.pending)}`]
    }))
  })

  after(async function () {
    this.timeout(30_000)
    await Promise.all(nodes.map(async n => n.stop()))
    await Promise.all(dirs.map(async d => removeDir(d)))
  })

  describe('good requests', () => {
    it('PUT through one node, GET through every node: the same bytes, ETag = version', async () => {
      const key = freshKey('round-trip')
      expectVersion(await kv(apis[0], 'PUT', key, { body: BINARY, headers: { 'content-type': 'application/octet-stream' } }), 1)
      for (const api of apis) { expectValue(await kv(api, 'GET', key), BINARY, 1) }
      expectVersion(await kv(apis[1], 'PUT', key, { body: 'second' }), 2)
      for (const api of apis) { expectValue(await kv(api, 'GET', key), 'second', 2) }
    })

    it('DELETE is a new version: GET answers 404 with it; deleting again changes nothing and answers 200', async () => {
      const key = freshKey('delete')
      expectVersion(await kv(apis[0], 'PUT', key, { body: 'doomed' }), 1)
      expectVersion(await kv(apis[2], 'DELETE', key), 2)
      for (const api of apis) { expectError(await kv(api, 'GET', key), 404, 'ERR_KEY_NOT_FOUND', 2) }
      expectVersion(await kv(apis[1], 'DELETE', key), 2)
      expectError(await kv(apis[0], 'GET', key), 404, 'ERR_KEY_NOT_FOUND', 2)
      // Written again after the delete: versions go on counting.
      expectVersion(await kv(apis[0], 'PUT', key, { body: 'back' }), 3)
      expectValue(await kv(apis[2], 'GET', key), 'back', 3)
      // A key never written: 200 with version 0, no ETag, still absent.
      const never = await kv(apis[1], 'DELETE', freshKey('delete-never'))
      expect(never.status, never.body).to.equal(200)
      expect(never.json).to.deep.equal({ version: 0 })
      expect(never.headers.etag).to.equal(undefined)
    })

    it('a key never written: 404 with version 0 and no ETag', async () => {
      expectError(await kv(apis[1], 'GET', freshKey('never')), 404, 'ERR_KEY_NOT_FOUND', 0)
    })

    it('If-Match: "0" creates only if never written; "<version>" writes or deletes only at that version, else 412 with the current version', async () => {
      const key = freshKey('cas')
      expectVersion(await kv(apis[0], 'PUT', key, { body: 'first', headers: { 'if-match': '"0"' } }), 1)
      expectError(await kv(apis[1], 'PUT', key, { body: 'second first', headers: { 'if-match': '"0"' } }), 412, 'ERR_VERSION_CONFLICT', 1)
      expectError(await kv(apis[1], 'PUT', key, { body: 'from the future', headers: { 'if-match': '"7"' } }), 412, 'ERR_VERSION_CONFLICT', 1)
      expectValue(await kv(apis[2], 'GET', key), 'first', 1)
      expectVersion(await kv(apis[2], 'PUT', key, { body: 'swapped', headers: { 'if-match': '"1"' } }), 2)
      expectValue(await kv(apis[0], 'GET', key), 'swapped', 2)
      expectError(await kv(apis[0], 'DELETE', key, { headers: { 'if-match': '"1"' } }), 412, 'ERR_VERSION_CONFLICT', 2)
      expectValue(await kv(apis[1], 'GET', key), 'swapped', 2)
      expectVersion(await kv(apis[0], 'DELETE', key, { headers: { 'if-match': ' "2" ' } }), 3)
      // Deleted is not never written: "0" no longer matches, the deletion's version does.
      expectError(await kv(apis[1], 'PUT', key, { body: 'again', headers: { 'if-match': '"0"' } }), 412, 'ERR_VERSION_CONFLICT', 3)
      expectVersion(await kv(apis[1], 'PUT', key, { body: 'again', headers: { 'if-match': '"3"' } }), 4)
      // A conflict on a key never written: version 0, no ETag.
      expectError(await kv(apis[2], 'PUT', freshKey('cas-absent'), { body: 'x', headers: { 'if-match': '"5"' } }), 412, 'ERR_VERSION_CONFLICT', 0)
    })

    it('If-None-Match: * writes only where the key has no value (never written or deleted), else 412 with the current version', async () => {
      const key = freshKey('create-only')
      const star = { 'if-none-match': '*' }
      expectVersion(await kv(apis[0], 'PUT', key, { body: 'first', headers: star }), 1)
      expectError(await kv(apis[1], 'PUT', key, { body: 'second', headers: star }), 412, 'ERR_VERSION_CONFLICT', 1)
      expectValue(await kv(apis[2], 'GET', key), 'first', 1)
      expectVersion(await kv(apis[2], 'DELETE', key), 2)
      // Deleted: no value, so it writes again.
      expectVersion(await kv(apis[1], 'PUT', key, { body: 'after the delete', headers: star }), 3)
      expectValue(await kv(apis[0], 'GET', key), 'after the delete', 3)
      // Anything else in If-None-Match, or both headers, or on a DELETE: 400, nothing written.
      for (const headers of [{ 'if-none-match': '"3"' }, { 'if-none-match': '*', 'if-match': '"3"' }] as Array<Record<string, string>>) {
        expectError(await kv(apis[0], 'PUT', key, { body: 'x', headers }), 400, 'ERR_INVALID_VERSION')
      }
      expectError(await kv(apis[0], 'DELETE', key, { headers: star }), 400, 'ERR_INVALID_VERSION')
      expectValue(await kv(apis[2], 'GET', key), 'after the delete', 3)
    })

    it('empty values, values of exactly 1 MiB, keys of exactly 1024 bytes, Unicode keys and keys with / round-trip', async () => {
      const empty = freshKey('empty')
      expectVersion(await kv(apis[0], 'PUT', empty), 1)
      expectValue(await kv(apis[1], 'GET', empty), '', 1)
      const big = Buffer.alloc(defaults.KV_VALUE_BYTES_MAX, 0xab)
      const bigKey = freshKey('big')
      expectVersion(await kv(apis[1], 'PUT', bigKey, { body: big, chunked: true }), 1)
      expectValue(await kv(apis[2], 'GET', bigKey), big, 1)
      const longKey = freshKey('long').padEnd(defaults.KV_KEY_BYTES_MAX, 'k')
      expectVersion(await kv(apis[2], 'PUT', longKey, { body: 'long' }), 1)
      expectValue(await kv(apis[0], 'GET', longKey), 'long', 1)
      const unicode = `ключ 🔑 ${freshKey('unicode')}`
      expectVersion(await kv(apis[0], 'PUT', unicode, { body: 'ünïcödé' }), 1)
      expectValue(await kv(apis[1], 'GET', unicode), 'ünïcödé', 1)
      // A literal / and an encoded one name the same key.
      const slashed = `${freshKey('dir')}/file`
      expectVersion(await kv(apis[0], 'PUT', slashed, { body: 'in a dir' }), 1)
      expectValue(await kv(apis[1], 'GET', slashed, { raw: true }), 'in a dir', 1)
      expectValue(await kv(apis[2], 'GET', slashed), 'in a dir', 1)
    })

    it('ApiClient: get, put, cas and delete', async () => {
      const client = new ApiClient(apis[1], { timeoutMs: 20_000 })
      const key = freshKey('client')
      expect(await client.get(key)).to.deep.equal({ value: undefined, version: 0 })
      expect(await client.put(key, new Uint8Array(BINARY))).to.deep.equal({ version: 1 })
      const item = await new ApiClient(apis[2]).get(key)
      expect(item.version).to.equal(1)
      expect(Buffer.from(item.value ?? []).equals(BINARY)).to.equal(true)
      expect(await client.cas(key, 0, new TextEncoder().encode('no'))).to.deep.equal({ applied: false, version: 1 })
      expect(await client.cas(key, 1, new TextEncoder().encode('yes'))).to.deep.equal({ applied: true, version: 2 })
      expect(await client.cas(key, 1, undefined)).to.deep.equal({ applied: false, version: 2 })
      expect(await client.cas(key, 2, undefined)).to.deep.equal({ applied: true, version: 3 })
      expect(await client.get(key)).to.deep.equal({ value: undefined, version: 3 })
      expect(await client.delete(key)).to.deep.equal({ version: 3 })
      expect(await client.put(key, new Uint8Array(0))).to.deep.equal({ version: 4 })
      expect(await client.get(key)).to.deep.equal({ value: new Uint8Array(0), version: 4 })
      expect(await client.delete(key)).to.deep.equal({ version: 5 })
      // Refused before anything is sent.
      await expect(client.put('', new Uint8Array(1))).to.eventually.be.rejected.with.property('name', 'InvalidParametersError')
      await expect(client.put('k', new Uint8Array(defaults.KV_VALUE_BYTES_MAX + 1))).to.eventually.be.rejected.with.property('name', 'InvalidParametersError')
      await expect(client.get('k'.repeat(defaults.KV_KEY_BYTES_MAX + 1))).to.eventually.be.rejected.with.property('name', 'InvalidParametersError')
    })

    it('GET /v1/status has the store: r, quorum, ready, pending arcs and records', async () => {
      const records = async (): Promise<number> => {
        let sum = 0
        for (const api of apis) {
          const res = await httpRequest(`${api}/v1/status`, { method: 'GET' })
          expect(res.status).to.equal(200)
          expect(res.json.store).to.have.all.keys('r', 'quorum', 'ready', 'pendingArcs', 'stalledArcs', 'colocated', 'records', 'readLeases', 'leaseReads', 'otherSettings')
          expect(res.json.store).to.include({ r: 4, quorum: 3, ready: true, pendingArcs: 0, readLeases: true })
          expect(res.json.store.leaseReads).to.be.a('number').at.least(0)
          expect(res.json.store.records).to.be.a('number').at.least(0)
          sum += res.json.store.records
        }
        return sum
      }
      const before = await records()
      const fresh = Array.from({ length: 8 }, () => freshKey('counted'))
      for (const key of fresh) { expectVersion(await kv(apis[0], 'PUT', key, { body: 'x' }), 1) }
      // Every write is on a quorum (3) of the 4 replicas at least.
      expect(await records() - before).to.be.at.least(3 * fresh.length)
    })
  })

  describe('bad requests', () => {
    it('bad keys: 400 ERR_INVALID_KEY (empty, bad percent-encoding, not UTF-8, over 1024 bytes)', async () => {
      for (const raw of ['', '%', '%zz', '%4', 'a%ZZb', '%FF', '%C3%28', '%E0%A4', '%ED%A0%80']) {
        for (const method of ['GET', 'PUT', 'DELETE']) {
          expectError(await kv(apis[0], method, raw, { raw: true, body: method === 'PUT' ? 'x' : undefined }), 400, 'ERR_INVALID_KEY')
        }
      }
      expectError(await kv(apis[0], 'PUT', 'k'.repeat(defaults.KV_KEY_BYTES_MAX + 1), { body: 'x' }), 400, 'ERR_INVALID_KEY')
      // The limit is in UTF-8 bytes, not characters.
      expectError(await kv(apis[0], 'GET', 'é'.repeat(defaults.KV_KEY_BYTES_MAX / 2 + 1)), 400, 'ERR_INVALID_KEY')
    })

    it('bad If-Match: 400 ERR_INVALID_VERSION, and nothing is written', async () => {
      const key = freshKey('bad-if-match')
      for (const ifMatch of ['*', '1', 'W/"1"', '"x"', '"-1"', '"1.5"', '"1", "2"', '"99999999999999999"', '"06"', '']) {
        expectError(await kv(apis[1], 'PUT', key, { body: 'x', headers: { 'if-match': ifMatch } }), 400, 'ERR_INVALID_VERSION')
        expectError(await kv(apis[1], 'DELETE', key, { headers: { 'if-match': ifMatch } }), 400, 'ERR_INVALID_VERSION')
      }
      expectError(await kv(apis[2], 'GET', key), 404, 'ERR_KEY_NOT_FOUND', 0)
    })

    it('a value over 1 MiB: 413 ERR_BODY_TOO_LARGE, declared or streamed, and nothing is written', async () => {
      const key = freshKey('too-big')
      const body = Buffer.alloc(defaults.KV_VALUE_BYTES_MAX + 1, 1)
      const declared = await kv(apis[0], 'PUT', key, { body })
      expectError(declared, 413, 'ERR_BODY_TOO_LARGE')
      expect(declared.json.error.message).to.include(String(defaults.KV_VALUE_BYTES_MAX))
      expect(declared.headers.connection).to.equal('close')
      expectError(await kv(apis[0], 'PUT', key, { body, chunked: true }), 413, 'ERR_BODY_TOO_LARGE')
      expectError(await kv(apis[1], 'GET', key), 404, 'ERR_KEY_NOT_FOUND', 0)
    })

    it('a wrong method: 405 ERR_METHOD_NOT_ALLOWED with Allow: GET, PUT, DELETE', async () => {
      for (const method of ['POST', 'PATCH']) {
        const res = await kv(apis[0], method, 'some-key', { body: 'x' })
        expectError(res, 405, 'ERR_METHOD_NOT_ALLOWED')
        expect(res.headers.allow).to.equal('GET, PUT, DELETE')
      }
      // /v1/kv itself is no route.
      expectError(await httpRequest(`${apis[0]}/v1/kv`, { method: 'GET' }), 404, 'ERR_NOT_FOUND')
    })

    it('keeps serving after bad requests', async () => {
      const key = freshKey('still-here')
      expectVersion(await kv(apis[0], 'PUT', key, { body: 'fine' }), 1)
      expectValue(await kv(apis[1], 'GET', key), 'fine', 1)
    })
  })
})

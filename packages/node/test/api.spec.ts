/* Goal: the HTTP API answers good requests with the documented JSON and every bad one with a 4xx status and a JSON body {"error": {"code", "message"}}: invalid JSON, a body that is not an object, a missing key, a key of the wrong type or over the size limit, a body over the limit (declared or chunked), invalid UTF-8, an unknown route (404), a wrong method (405 with Allow); and it keeps serving afterwards. Method: one in-process node (createNode with apiPort 0), raw node:http requests. */
import { expect } from 'aegir/chai'
import { createNode, defaults } from '../src/index.ts'
import { httpRequest, keyIdHex, removeDir, ringIdHexOf, tempDir } from './fixtures/util.ts'
import type { SelfmgmtNode } from '../src/index.ts'
import type { HttpAnswer } from './fixtures/util.ts'

function expectError (res: HttpAnswer, status: number, code: string, messagePart?: string | RegExp): void {
  expect(res.status, `status of ${res.body}`).to.equal(status)
  expect(String(res.headers['content-type'])).to.match(/^application\/json/)
  expect(res.json, `a JSON body: ${res.body}`).to.be.an('object')
  expect(res.json).to.have.all.keys('error')
  expect(res.json.error).to.have.all.keys('code', 'message')
  expect(res.json.error.code).to.equal(code)
  expect(res.json.error.message).to.be.a('string').and.not.equal('')
  if (typeof messagePart === 'string') { expect(res.json.error.message).to.include(messagePart) }
  if (messagePart instanceof RegExp) { expect(res.json.error.message).to.match(messagePart) }
}

describe('HTTP API', function () {
  this.timeout(20_000)
  let dir: string | undefined
  let node: SelfmgmtNode | undefined
  let api = ''

  before(async function () {
    this.timeout(30_000)
    dir = await tempDir('api')
    node = await createNode({ dataDir: dir, apiPort: 0, listen: ['/ip4/127.0.0.1/tcp/0'], dht: false })
    await node.waitForJoin({ signal: AbortSignal.timeout(20_000) })
    api = node.apiUrl ?? ''
    expect(api).to.match(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  after(async function () {
    this.timeout(30_000)
    await node?.stop()
    await removeDir(dir)
  })

  describe('good requests', () => {
    it('GET /v1/status describes the node', async () => {
      const res = await httpRequest(`${api}/v1/status`, { method: 'GET' })
      expect(res.status).to.equal(200)
      expect(String(res.headers['content-type'])).to.match(/^application\/json/)
      const s = res.json
      expect(s.peerId).to.equal(node?.peerId.toString())
      expect(s.ringId).to.equal(ringIdHexOf(s.peerId))
      expect(s.member).to.equal(true)
      expect(s.state).to.equal('member')
      expect(s.geometry).to.equal('dks')
      expect(s.k).to.equal(16)
      expect(s.dht).to.equal(false)
      expect(s.multiaddrs).to.be.an('array').that.is.not.empty()
      expect(s.successors).to.be.an('array')
      expect(s.uptimeMs).to.be.a('number').at.least(0)
      // A query string does not change the route.
      expect((await httpRequest(`${api}/v1/status?x=1`, { method: 'GET' })).status).to.equal(200)
    })

    it('GET /v1/ring gives the routing state', async () => {
      const res = await httpRequest(`${api}/v1/ring`, { method: 'GET' })
      expect(res.status).to.equal(200)
      expect(res.json.self.peerId).to.equal(node?.peerId.toString())
      expect(res.json).to.include.keys('state', 'predList', 'succList', 'table', 'tableSize', 'suspects', 'hops', 'counters', 'streams')
    })

    it('POST /v1/lookup finds the owner (here: the only node)', async () => {
      const res = await httpRequest(`${api}/v1/lookup`, { method: 'POST', body: JSON.stringify({ key: 'hello' }), headers: { 'content-type': 'application/json' } })
      expect(res.status, res.body).to.equal(200)
      expect(res.json.key).to.equal('hello')
      expect(res.json.keyId).to.equal(keyIdHex('hello'))
      expect(res.json.owner.peerId).to.equal(node?.peerId.toString())
      expect(res.json.hops).to.equal(0)
      // Unicode keys, the empty key and a key of exactly the size limit are fine.
      for (const key of ['ключ 🔑', '', 'x'.repeat(defaults.API_KEY_BYTES_MAX)]) {
        const r = await httpRequest(`${api}/v1/lookup`, { method: 'POST', body: JSON.stringify({ key }) })
        expect(r.status, r.body).to.equal(200)
        expect(r.json.keyId).to.equal(keyIdHex(key))
      }
    })
  })

  describe('bad requests', () => {
    const lookup = async (body: string | Buffer, extra: { chunked?: boolean } = {}): Promise<HttpAnswer> =>
      httpRequest(`${api}/v1/lookup`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, ...extra })

    it('invalid JSON: 400 ERR_INVALID_JSON', async () => {
      expectError(await lookup('{"key": '), 400, 'ERR_INVALID_JSON', 'not JSON')
      expectError(await lookup('key=hello'), 400, 'ERR_INVALID_JSON')
      expectError(await lookup(''), 400, 'ERR_INVALID_JSON')
    })

    it('a JSON body that is not an object: 400 ERR_INVALID_JSON', async () => {
      for (const body of ['"hello"', '["hello"]', 'null', '42']) {
        expectError(await lookup(body), 400, 'ERR_INVALID_JSON', 'object')
      }
    })

    it('a body that is not UTF-8: 400 ERR_INVALID_JSON', async () => {
      expectError(await lookup(Buffer.from([0x7b, 0x22, 0x6b, 0x65, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400, 'ERR_INVALID_JSON', 'UTF-8')
    })

    it('a missing key: 400 ERR_INVALID_KEY', async () => {
      expectError(await lookup('{}'), 400, 'ERR_INVALID_KEY', 'none')
      expectError(await lookup('{"Key": "hello"}'), 400, 'ERR_INVALID_KEY')
    })

    it('a key of the wrong type: 400 ERR_INVALID_KEY', async () => {
      for (const key of [42, null, true, ['a'], { a: 1 }]) {
        expectError(await lookup(JSON.stringify({ key })), 400, 'ERR_INVALID_KEY', 'must be a string')
      }
    })

    it('a key over the size limit: 400 ERR_INVALID_KEY', async () => {
      expectError(await lookup(JSON.stringify({ key: 'x'.repeat(defaults.API_KEY_BYTES_MAX + 1) })), 400, 'ERR_INVALID_KEY', String(defaults.API_KEY_BYTES_MAX))
      // The limit is in UTF-8 bytes, not characters.
      expectError(await lookup(JSON.stringify({ key: 'é'.repeat(defaults.API_KEY_BYTES_MAX / 2 + 1) })), 400, 'ERR_INVALID_KEY')
    })

    it('a body over the size limit: 413 ERR_BODY_TOO_LARGE, declared or streamed', async () => {
      const big = JSON.stringify({ key: 'x', pad: 'y'.repeat(defaults.API_BODY_BYTES_MAX) })
      const declared = await lookup(big)
      expectError(declared, 413, 'ERR_BODY_TOO_LARGE', String(defaults.API_BODY_BYTES_MAX))
      expect(declared.headers.connection).to.equal('close')
      expectError(await lookup(big, { chunked: true }), 413, 'ERR_BODY_TOO_LARGE')
    })

    it('an unknown route: 404 ERR_NOT_FOUND', async () => {
      for (const path of ['/', '/v1', '/v1/', '/v1/nope', '/v2/status', '/v1/status/', '/V1/STATUS', '/v1/__proto__', '/v1/lookup/x']) {
        expectError(await httpRequest(`${api}${path}`, { method: 'GET' }), 404, 'ERR_NOT_FOUND')
      }
      expectError(await httpRequest(`${api}/v1/nope`, { method: 'POST', body: '{"key":"a"}' }), 404, 'ERR_NOT_FOUND')
    })

    it('a wrong method: 405 ERR_METHOD_NOT_ALLOWED with an Allow header', async () => {
      const get = await httpRequest(`${api}/v1/lookup`, { method: 'GET' })
      expectError(get, 405, 'ERR_METHOD_NOT_ALLOWED')
      expect(get.headers.allow).to.equal('POST')
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const res = await httpRequest(`${api}/v1/status`, { method, body: '{}' })
        expectError(res, 405, 'ERR_METHOD_NOT_ALLOWED')
        expect(res.headers.allow).to.equal('GET')
      }
      expectError(await httpRequest(`${api}/v1/ring`, { method: 'PATCH', body: '{}' }), 405, 'ERR_METHOD_NOT_ALLOWED')
    })

    it('keeps serving after bad requests', async () => {
      const res = await httpRequest(`${api}/v1/lookup`, { method: 'POST', body: JSON.stringify({ key: 'still here' }) })
      expect(res.status).to.equal(200)
      expect(res.json.owner.peerId).to.equal(node?.peerId.toString())
    })
  })
})

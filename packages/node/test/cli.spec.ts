/* Goal: the `selfmgmt` command line, run as a child process (dist/src/bin.js under this Node): `status`, `lookup KEY` and `ring` against a running node print the right facts for people and, with --json, one JSON line with the API's fields; `put` (argument, --file, stdin), `get` (raw bytes, --json with UTF-8 or base64), `delete` and `cas` reach the store through either node; `start` whose bootstrap peer does not exist exits with 1 and a join-failed event once its join rounds are used up; bad arguments exit with 2 and say why on stderr; an unreachable API exits with 1 and says so; an API error answer, an absent key and a cas conflict exit with 1 with their code. Method: two in-process nodes (a ring of two), CLI child processes with deadlines. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { idToHex } from '@selfmgmt/ring'
import { expect } from 'aegir/chai'
import { createNode } from '../src/index.ts'
import { closedPort, keyIdHex, keyOwnedBy, killChildren, removeDir, report, runCli, spawnCli, tempDir, trueOwner, waitUntil, withDeadline } from './fixtures/util.ts'
import type { SelfmgmtNode } from '../src/index.ts'
import type { CliResult, Member } from './fixtures/util.ts'

/** The environment of the CLI children, without SELFMGMT_API (unless a test sets it). */
function env (extra: Record<string, string> = {}): Record<string, string | undefined> {
  const e: Record<string, string | undefined> = { ...process.env, ...extra }
  if (extra.SELFMGMT_API === undefined) { delete e.SELFMGMT_API }
  return e
}

async function cli (args: string[], extraEnv: Record<string, string> = {}, input?: string | Uint8Array): Promise<CliResult> {
  return runCli(args, { timeoutMs: 30_000, env: env(extraEnv), input })
}

function expectOk (r: CliResult): void {
  expect(r.code, `exit code; stderr: ${r.stderr}`).to.equal(0)
  expect(r.stdout).to.not.equal('')
}

function jsonLine (r: CliResult): any {
  expectOk(r)
  const lines = r.stdout.trim().split('\n')
  expect(lines, 'one JSON line').to.have.length(1)
  return JSON.parse(lines[0])
}

describe('selfmgmt command line', function () {
  this.timeout(40_000)
  const dirs: string[] = []
  let a: SelfmgmtNode | undefined
  let b: SelfmgmtNode | undefined
  let api = ''
  let ring: Member[] = []

  function member (n: SelfmgmtNode | undefined): Member {
    if (n === undefined) { throw new Error('no node') }
    return { peerId: n.peerId.toString(), ringId: idToHex(n.ringId) }
  }

  before(async function () {
    this.timeout(60_000)
    dirs.push(await tempDir('cli-a'), await tempDir('cli-b'), await tempDir('cli-files'))
    a = await createNode({ dataDir: dirs[0], apiPort: 0, dht: false })
    await a.waitForJoin({ signal: AbortSignal.timeout(20_000) })
    b = await createNode({ dataDir: dirs[1], apiPort: 0, dht: false, bootstrap: [a.libp2p.getMultiaddrs()[0].toString()] })
    await b.waitForJoin({ signal: AbortSignal.timeout(30_000) })
    api = b.apiUrl ?? ''
    ring = [member(a), member(b)]
    // Both pointers of both nodes right: a ring of two.
    await waitUntil('a ring of two', 20_000, async () => {
      const problems: string[] = []
      for (const [x, y] of [[a, b], [b, a]]) {
        const st = x?.ring.getRoutingState()
        if (st?.succList[0]?.addr !== y?.peerId.toString()) { problems.push(`${String(x?.peerId)}: successor`) }
        if (st?.pred?.addr !== y?.peerId.toString()) { problems.push(`${String(x?.peerId)}: predecessor`) }
      }
      return problems
    })
    await waitUntil('both store ranges ready', 20_000, async () => [a, b].flatMap(n => n?.store?.getState().pending.length === 0 ? [] : [`${String(n?.peerId)}: store not ready`]))
  })

  after(async function () {
    this.timeout(30_000)
    killChildren()
    await Promise.all([a?.stop(), b?.stop()])
    await Promise.all(dirs.map(async d => removeDir(d)))
  })

  describe('against a running node', () => {
    it('status: human output', async () => {
      const r = await cli(['status', '--api', api])
      expectOk(r)
      const self = member(b)
      const other = member(a)
      expect(r.stdout).to.include(`peer id     ${self.peerId}`)
      expect(r.stdout).to.include(`ring id     ${self.ringId}`)
      expect(r.stdout).to.include('member      yes\n')
      expect(r.stdout).to.include(`predecessor ${other.ringId}  ${other.peerId}`)
      expect(r.stdout).to.match(new RegExp(`successors\\s+${other.ringId}  ${other.peerId}`))
      expect(r.stdout).to.include('kad-dht     off')
      expect(r.stdout).to.match(/store {7}r=4 quorum 3, ready, \d+ records/)
      expect(r.stdout).to.include(b?.libp2p.getMultiaddrs()[0].toString())
      expect(r.stderr).to.equal('')
    })

    it('status --json: one JSON line with the status fields', async () => {
      const s = jsonLine(await cli(['status', '--api', api, '--json']))
      expect(s).to.include.all.keys('peerId', 'ringId', 'multiaddrs', 'member', 'state', 'geometry', 'k', 'successors', 'predecessor', 'routingTableSize', 'uptimeMs', 'dht', 'store')
      expect(s.store).to.include({ r: 4, quorum: 3, ready: true, pendingArcs: 0 })
      expect(s.peerId).to.equal(member(b).peerId)
      expect(s.ringId).to.equal(member(b).ringId)
      expect(s.member).to.equal(true)
      expect(s.successors[0]).to.deep.equal(member(a))
      expect(s.predecessor).to.deep.equal(member(a))
    })

    it('status: --api may come from SELFMGMT_API', async () => {
      const s = jsonLine(await cli(['status', '--json'], { SELFMGMT_API: api }))
      expect(s.peerId).to.equal(member(b).peerId)
    })

    it('lookup KEY: human output names the true owner', async () => {
      const key = keyOwnedBy(ring, member(a), 'cli-human')
      const r = await cli(['lookup', key, '--api', api])
      expectOk(r)
      const owner = trueOwner(ring, key)
      expect(r.stdout).to.include(`key         ${key}`)
      expect(r.stdout).to.include(`key id      ${keyIdHex(key)}`)
      expect(r.stdout).to.include(`owner       ${owner.ringId}  ${owner.peerId}`)
      expect(r.stdout).to.match(/hops\s+\d+/)
      expect(r.stdout).to.match(/latency\s+[\d.]+ ms/)
    })

    it('lookup KEY --json: one JSON line with the owner (keys of both nodes)', async () => {
      for (const target of ring) {
        const key = keyOwnedBy(ring, target, 'cli-json')
        const l = jsonLine(await cli(['lookup', key, '--api', api, '--json']))
        expect(l).to.have.all.keys('key', 'keyId', 'owner', 'hops', 'latencyMs')
        expect(l.key).to.equal(key)
        expect(l.keyId).to.equal(keyIdHex(key))
        expect(l.owner).to.deep.equal(target)
        expect(l.hops).to.be.a('number').at.least(0)
        expect(l.latencyMs).to.be.a('number').at.least(0)
      }
    })

    it('ring: human and --json output', async () => {
      const human = await cli(['ring', '--api', api])
      expectOk(human)
      expect(human.stdout).to.include(`self        ${member(b).ringId}  ${member(b).peerId}`)
      expect(human.stdout).to.include('state       member')
      expect(human.stdout).to.match(new RegExp(`successors\\s+${member(a).ringId}  ${member(a).peerId}`))
      expect(human.stdout).to.match(/table\s+\d+ distinct nodes/)
      const j = jsonLine(await cli(['ring', '--api', api, '--json']))
      expect(j).to.include.all.keys('self', 'state', 'geometry', 'k', 'predecessor', 'predList', 'succList', 'table', 'tableSize', 'suspects', 'hops', 'counters', 'streams')
      expect(j.self).to.deep.equal(member(b))
      expect(j.succList[0]).to.deep.equal(member(a))
      expect(j.predecessor).to.deep.equal(member(a))
      expect(j.table).to.be.an('array')
    })

    it('help: usage on stdout, exit 0', async () => {
      for (const args of [['help'], ['--help'], ['status', '--help'], ['put', '--help'], ['lookup', '-h']]) {
        const r = await cli(args)
        expect(r.code, args.join(' ')).to.equal(0)
        expect(r.stdout).to.include('Usage: selfmgmt <command>')
        for (const command of ['put KEY VALUE', 'get KEY', 'delete KEY', 'cas KEY VERSION VALUE', '--replication R', '--no-store']) { expect(r.stdout).to.include(command) }
      }
    })
  })

  describe('store commands', () => {
    const apiA = (): string => a?.apiUrl ?? ''

    it('put KEY VALUE through one node, get KEY through the other: the bytes as they are', async () => {
      const put = await cli(['put', 'cli greeting', 'hello wörld', '--api', api])
      expectOk(put)
      expect(put.stdout).to.equal('stored "cli greeting" (version 1, 12 bytes)\n')
      const get = await cli(['get', 'cli greeting', '--api', apiA()])
      expect(get.code, get.stderr).to.equal(0)
      expect(get.stdoutBytes.equals(Buffer.from('hello wörld')), get.stdout).to.equal(true)
      expect(get.stderr).to.equal('')
      const j = jsonLine(await cli(['get', 'cli greeting', '--api', apiA(), '--json']))
      expect(j).to.deep.equal({ key: 'cli greeting', value: 'hello wörld', version: 1 })
      // A value that starts with - goes after --.
      expect(jsonLine(await cli(['put', 'cli greeting', '--api', api, '--json', '--', '-1']))).to.deep.equal({ key: 'cli greeting', version: 2 })
      expect((await cli(['get', 'cli greeting', '--api', api])).stdout).to.equal('-1')
    })

    it('put --file and put - (stdin) store bytes; get --json gives them in base64 when they are not UTF-8', async () => {
      const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256))
      const file = join(dirs[2], 'value.bin')
      await writeFile(file, bytes)
      expect(jsonLine(await cli(['put', 'cli file', '--file', file, '--api', api, '--json']))).to.deep.equal({ key: 'cli file', version: 1 })
      const raw = await cli(['get', 'cli file', '--api', apiA()])
      expect(raw.code, raw.stderr).to.equal(0)
      expect(raw.stdoutBytes.equals(bytes), 'the bytes of the file').to.equal(true)
      expect(jsonLine(await cli(['get', 'cli file', '--api', api, '--json']))).to.deep.equal({ key: 'cli file', value: bytes.toString('base64'), encoding: 'base64', version: 1 })
      const piped = Buffer.concat([bytes, Buffer.from('and more')])
      expect(jsonLine(await cli(['put', 'cli file', '-', '--api', apiA(), '--json'], {}, piped))).to.deep.equal({ key: 'cli file', version: 2 })
      expect((await cli(['get', 'cli file', '--api', api])).stdoutBytes.equals(piped), 'the bytes from stdin').to.equal(true)
      // An empty value is a value.
      expectOk(await cli(['put', 'cli empty', '', '--api', api]))
      const empty = await cli(['get', 'cli empty', '--api', apiA()])
      expect(empty.code, empty.stderr).to.equal(0)
      expect(empty.stdout).to.equal('')
    })

    it('get into a reader that goes away (selfmgmt get KEY | head -c 10): a quiet exit, not an EPIPE stack trace', async () => {
      expectOk(await cli(['put', 'cli big', '-', '--api', api], {}, Buffer.alloc(256 * 1024, 120)))
      const child = spawnCli(['get', 'cli big', '--api', api])
      // The reader closes its end at once, as head does once it has what it wants.
      child.stdout?.destroy()
      let stderr = ''
      child.stderr?.setEncoding('utf8').on('data', (x: string) => { stderr += x })
      const code = await withDeadline(new Promise<number | null>(resolve => { child.once('exit', c => { resolve(c) }) }), 20_000, 'selfmgmt get did not exit')
      expect(stderr).to.equal('')
      expect(code).to.equal(0)
    })

    it('delete KEY; get of a deleted or never written key exits with 1 and says so', async () => {
      expectOk(await cli(['put', 'cli doomed', 'soon gone', '--api', api]))
      const del = await cli(['delete', 'cli doomed', '--api', apiA()])
      expectOk(del)
      expect(del.stdout).to.equal('deleted "cli doomed" (version 2)\n')
      for (const args of [['get', 'cli doomed', '--api', api], ['get', 'cli doomed', '--api', api, '--json']]) {
        const gone = await cli(args)
        expect(gone.code, gone.stderr).to.equal(1)
        expect(gone.stdout).to.equal('')
        expect(gone.stderr).to.include('no value under "cli doomed" (deleted at version 2) [ERR_KEY_NOT_FOUND]')
      }
      const never = await cli(['get', 'cli never written', '--api', apiA()])
      expect(never.code).to.equal(1)
      expect(never.stderr).to.include('(never written)')
      expect(jsonLine(await cli(['delete', 'cli doomed', '--api', api, '--json']))).to.deep.equal({ key: 'cli doomed', version: 2 })
    })

    it('cas KEY VERSION VALUE writes only at that version; a conflict exits with 1 and gives the current version', async () => {
      const created = await cli(['cas', 'cli counter', '0', 'one', '--api', api])
      expectOk(created)
      expect(created.stdout).to.equal('stored "cli counter" (version 1, was 0, 3 bytes)\n')
      const conflict = await cli(['cas', 'cli counter', '0', 'uno', '--api', apiA()])
      expect(conflict.code, conflict.stderr).to.equal(1)
      expect(conflict.stdout).to.equal('')
      expect(conflict.stderr).to.include('"cli counter" is at version 1, not 0: nothing was written [ERR_VERSION_CONFLICT]')
      const conflictJson = await cli(['cas', 'cli counter', '5', 'cinq', '--api', apiA(), '--json'])
      expect(conflictJson.code).to.equal(1)
      expect(JSON.parse(conflictJson.stdout)).to.deep.equal({ key: 'cli counter', applied: false, version: 1 })
      expect(jsonLine(await cli(['cas', 'cli counter', '1', '-', '--api', apiA(), '--json'], {}, 'two'))).to.deep.equal({ key: 'cli counter', applied: true, version: 2 })
      expect((await cli(['get', 'cli counter', '--api', api])).stdout).to.equal('two')
    })
  })

  describe('failures', () => {
    const badArgs: Array<{ args(): string[], says: string | RegExp }> = [
      { args: () => [], says: 'a command is required' },
      { args: () => ['frobnicate'], says: 'unknown command "frobnicate"' },
      { args: () => ['status'], says: '--api URL is required' },
      { args: () => ['status', '--api'], says: /--api/ },
      { args: () => ['status', '--api', api, '--bogus'], says: /bogus/ },
      { args: () => ['status', '--api', api, '--nodes', '3'], says: 'status does not take --nodes' },
      { args: () => ['status', '--api', api, 'extra'], says: 'status takes no arguments, got "extra"' },
      { args: () => ['lookup', '--api', api], says: 'lookup takes KEY, got none' },
      { args: () => ['lookup', 'a', 'b', '--api', api], says: 'lookup takes KEY, got "a" "b"' },
      { args: () => ['ring', '--api', 'not a url'], says: '--api must be a URL' },
      { args: () => ['ring', '--api', 'ftp://127.0.0.1:1'], says: '--api must be an http URL' },
      { args: () => ['ring', '--api', `${api}/v1`], says: 'no path' },
      { args: () => ['status', '--bogus', '--api', api], says: 'unknown option --bogus (a value that starts with - goes after --, as in: selfmgmt put KEY -- -1)' },
      { args: () => ['start', '--data-dir', dirs[0], '--ping-interval-ms', '-5'], says: '--ping-interval-ms needs a value (one that starts with - is given as --ping-interval-ms=-5)' },
      { args: () => ['start', '--data-dir'], says: '--data-dir needs a value' },
      { args: () => ['demo', '--nodes', '0'], says: '--nodes must be an integer 1..64, got "0"' },
      { args: () => ['demo', '--nodes', '65'], says: '--nodes must be an integer 1..64' },
      { args: () => ['demo', '--nodes', 'many'], says: '--nodes must be an integer' },
      { args: () => ['start', '--data-dir', dirs[0], '--api-port', '70000'], says: '--api-port must be an integer 0..65535' },
      { args: () => ['start', '--data-dir', dirs[0], '--geometry', 'hypercube'], says: '--geometry must be dks, tango or chord' },
      { args: () => ['start', '--data-dir', dirs[0], '--k', '3'], says: /geometry|power of two/ },
      { args: () => ['start', '--data-dir', dirs[0], '--bootstrap', '/ip4/127.0.0.1/tcp/1'], says: 'must end in /p2p/<peer id>' },
      { args: () => ['start', '--data-dir', dirs[0], '--bootstrap', '/ip4/127.0.0.1/tcp/1/p2p/notapeerid'], says: 'names "notapeerid", which is not a peer id' },
      { args: () => ['start', '--data-dir', dirs[0], '--ping-interval-ms', '1000', '--pred-timeout-ms', '500'], says: 'predTimeoutMs (500) must exceed pingIntervalMs (1000)' },
      { args: () => ['start', '--data-dir', dirs[0], '--replication', '9'], says: '--replication must be an integer 1..8, got "9"' },
      { args: () => ['start', '--data-dir', dirs[0], '--store-sync', 'sometimes'], says: '--store-sync must be full or normal' },
      { args: () => ['start', '--data-dir', dirs[0], '--no-store', '--replication', '3'], says: '--no-store runs no store' },
      { args: () => ['start', '--data-dir', dirs[0], '--no-store', '--no-read-leases'], says: '--no-store runs no store' },
      { args: () => ['start', '--data-dir', dirs[0], '--read-leases', '--no-read-leases'], says: '--read-leases and --no-read-leases contradict each other' },
      { args: () => ['put', 'k', '--api', api], says: 'a value is needed' },
      { args: () => ['put', 'k', 'v', '--file', 'f', '--api', api], says: 'not both' },
      { args: () => ['put', '--api', api], says: 'put takes KEY [VALUE], got none' },
      { args: () => ['put', 'k', 'v', 'w', '--api', api], says: 'put takes KEY [VALUE], got "k" "v" "w"' },
      { args: () => ['put', 'k', '--file', join(dirs[2], 'no such file'), '--api', api], says: 'cannot read' },
      { args: () => ['put', '', 'v', '--api', api], says: 'the key must be 1 to 1024 bytes' },
      { args: () => ['get', 'k'.repeat(1025), '--api', api], says: 'the key must be 1 to 1024 bytes (UTF-8), got 1025' },
      { args: () => ['get', 'k', '--file', 'f', '--api', api], says: 'get does not take --file' },
      { args: () => ['delete', '--api', api], says: 'delete takes KEY, got none' },
      { args: () => ['cas', 'k', 'one', 'v', '--api', api], says: 'VERSION must be an integer' },
      { args: () => ['cas', 'k', '-1', 'v', '--api', api], says: /VERSION|-1/ },
      { args: () => ['cas', 'k', '--api', api], says: 'cas takes KEY VERSION [VALUE], got "k"' }
    ]

    it('bad arguments: exit code 2 and a message on stderr', async function () {
      this.timeout(90_000)
      const results = await Promise.all(badArgs.map(async c => ({ c, r: await cli(c.args()) })))
      for (const { c, r } of results) {
        const what = `selfmgmt ${c.args().join(' ')}`
        expect(r.code, `${what}: exit code (stderr: ${r.stderr})`).to.equal(2)
        if (typeof c.says === 'string') { expect(r.stderr, what).to.include(c.says) } else { expect(r.stderr, what).to.match(c.says) }
        expect(r.stderr, what).to.match(/^selfmgmt: /)
        expect(r.stdout, `${what}: nothing on stdout`).to.equal('')
      }
    })

    it('an unreachable API: exit code 1 and a clear message', async () => {
      const url = `http://127.0.0.1:${await closedPort()}`
      for (const args of [['status', '--api', url], ['lookup', 'hello', '--api', url, '--json'], ['ring', '--api', url], ['get', 'hello', '--api', url], ['put', 'hello', 'v', '--api', url]]) {
        const started = performance.now()
        const r = await cli(args)
        expect(r.code, `${args.join(' ')}: exit code (stderr: ${r.stderr})`).to.equal(1)
        expect(r.stderr).to.include(`cannot reach the node API at ${url}`)
        expect(r.stderr).to.include('[ERR_API_UNREACHABLE]')
        expect(r.stdout).to.equal('')
        expect(performance.now() - started, 'a refused connection fails at once').to.be.below(15_000)
      }
    })

    it('an API error answer: exit code 1 with the API error code', async () => {
      const r = await cli(['lookup', 'k'.repeat(5000), '--api', api])
      expect(r.code, r.stderr).to.equal(1)
      expect(r.stderr).to.include('HTTP 400, ERR_INVALID_KEY')
      expect(r.stdout).to.equal('')
    })
  })
})

describe('selfmgmt start that cannot join', function () {
  this.timeout(150_000)
  const dirs: string[] = []
  after(async () => {
    killChildren()
    await Promise.all(dirs.map(async d => removeDir(d)))
  })

  it('exits with 1 and says why once every join round failed (its bootstrap peer does not exist), instead of running on outside any ring', async () => {
    const dir = await tempDir('cli-no-join')
    dirs.push(dir)
    const nobody = `/ip4/127.0.0.1/tcp/${await closedPort()}/p2p/12D3KooWGRUVh2upmmW2oJ2wmVuG7HW3AaxcNNeS8uPCfw3JeQwb`
    const started = performance.now()
    const r = await runCli(['start', '--data-dir', dir, '--no-store', '--no-dht', '--bootstrap', nobody, '--join-timeout-ms', '500', '--json'], { timeoutMs: 140_000, env: env() })
    expect(r.code, r.stderr).to.equal(1)
    const events = r.stdout.trim().split('\n').map(l => JSON.parse(l))
    expect(events.map(e => e.event)).to.include.members(['started', 'join-failed', 'stopped'])
    const failed = events.find(e => e.event === 'join-failed')
    expect(failed.code).to.equal('ERR_JOIN_FAILED')
    expect(failed.message).to.include(`could not join the ring through ${nobody}`)
    // And why: the last round's error, down to the socket's.
    expect(failed.message).to.include('(the last round: no usable bootstrap peer').and.include('ECONNREFUSED')
    report(`gave up joining after ${Math.round((performance.now() - started) / 1000)} s`)
  })
})

/**
 * `selfmgmt start`: one node in the foreground. Prints its identity, addresses and API URL
 * (human text, or one JSON line per event with --json), and stops gracefully on SIGINT or
 * SIGTERM (a second signal exits at once).
 */
import { join, resolve } from 'node:path'
import { InvalidParametersError } from '@selfmgmt/interface'
import { idToHex } from '@selfmgmt/ring'
import { STORE_FILE } from '../constants.ts'
import { createNode } from '../node.ts'
import { int, list, str } from './args.ts'
import type { Values } from './args.ts'
import type { NodeOptions } from '../options.ts'
import type { GeometryName } from '@selfmgmt/ring'

/** Default data directory of `selfmgmt start`. */
export const START_DATA_DIR_DEFAULT = '.selfmgmt'
const MS_MAX = 3600_000

export function startOptions (v: Values): NodeOptions {
  const geometry = str(v, 'geometry')
  if (geometry !== undefined && !['dks', 'tango', 'chord'].includes(geometry)) { throw new InvalidParametersError(`--geometry must be dks, tango or chord, got "${geometry}"`) }
  const storeSync = str(v, 'store-sync')
  if (storeSync !== undefined && storeSync !== 'full' && storeSync !== 'normal') { throw new InvalidParametersError(`--store-sync must be full or normal, got "${storeSync}"`) }
  if (v['no-store'] === true && (v.replication !== undefined || storeSync !== undefined || v['read-leases'] === true || v['no-read-leases'] === true)) { throw new InvalidParametersError('--no-store runs no store: --replication, --store-sync and --read-leases / --no-read-leases do not apply') }
  if (v['read-leases'] === true && v['no-read-leases'] === true) { throw new InvalidParametersError('--read-leases and --no-read-leases contradict each other (read leases are on by default)') }
  return {
    dataDir: resolve(str(v, 'data-dir') ?? START_DATA_DIR_DEFAULT),
    listen: list(v, 'listen'),
    bootstrap: list(v, 'bootstrap'),
    apiPort: int(v, 'api-port', 0, 65535, 0),
    geometry: geometry as GeometryName | undefined,
    k: int(v, 'k', 2, 256),
    proximity: v.proximity === true,
    dht: v['no-dht'] !== true,
    store: v['no-store'] !== true,
    replication: int(v, 'replication', 1, 8),
    storeSync,
    readLeases: v['no-read-leases'] !== true,
    pingIntervalMs: int(v, 'ping-interval-ms', 1, MS_MAX),
    predTimeoutMs: int(v, 'pred-timeout-ms', 1, MS_MAX),
    lookupTimeoutMs: int(v, 'lookup-timeout-ms', 1, MS_MAX),
    joinTimeoutMs: int(v, 'join-timeout-ms', 1, MS_MAX),
    leaveTimeoutMs: int(v, 'leave-timeout-ms', 1, MS_MAX)
  }
}

/** Runs a node until a signal (or stdin closing, with --exit-with-stdin); returns the exit code. */
export async function runStart (v: Values): Promise<number> {
  const json = v.json === true
  const options = startOptions(v)
  const node = await createNode(options)
  const info = {
    peerId: node.peerId.toString(),
    ringId: idToHex(node.ringId),
    multiaddrs: node.libp2p.getMultiaddrs().map(a => a.toString()),
    apiUrl: node.apiUrl ?? null,
    pid: process.pid,
    dataDir: node.dataDir,
    store: node.store === undefined ? null : { r: node.options.replication, file: join(node.dataDir, STORE_FILE) }
  }
  emit(json, { event: 'started', ...info }, [
    'selfmgmt node started',
    `  peer id     ${info.peerId}`,
    `  ring id     ${info.ringId}`,
    ...info.multiaddrs.map((a, i) => `  ${i === 0 ? 'multiaddrs ' : '           '} ${a}`),
    `  api         ${info.apiUrl ?? '(none)'}`,
    `  data dir    ${info.dataDir}`,
    `  store       ${info.store === null ? 'off' : `r=${info.store.r}, ${info.store.file}`}`,
    options.bootstrap === undefined || options.bootstrap.length === 0 ? 'creating a ring (or rejoining through remembered peers) ...' : 'joining the ring ...'
  ].join('\n'))
  node.ring.addEventListener('joined', () => {
    const st = node.ring.getRoutingState()
    emit(json, { event: 'joined', successor: st.succList[0]?.addr ?? null, predecessor: st.pred?.addr ?? null },
      st.succList.length === 0 ? 'member of the ring (its first node)' : `joined the ring: successor ${st.succList[0].addr}, predecessor ${st.pred?.addr ?? '(none yet)'}`)
  })
  const watching = new AbortController()
  const failed = joinFailure(node, json, watching.signal)
  const why = await Promise.race([stopRequested(v['exit-with-stdin'] === true), failed])
  watching.abort()
  if (why instanceof Error) {
    // Joining failed for good (every bootstrap peer tried, JOIN_ROUNDS_MAX rounds): say so and
    // exit with 1, so that a supervisor sees it, rather than run on outside any ring.
    emit(json, { event: 'join-failed', code: (why as any).code ?? null, message: why.message }, `selfmgmt: ${why.message}${(why as any).code === undefined ? '' : ` [${String((why as any).code)}]`}`)
    process.stderr.write('stopping\n')
    await node.stop()
    if (v['exit-with-stdin'] === true) { process.stdin.destroy() }
    emit(json, { event: 'stopped' }, 'stopped')
    return 1
  }
  process.stderr.write(`${why}: leaving the ring and stopping ...\n`)
  await node.stop()
  if (v['exit-with-stdin'] === true) { process.stdin.destroy() }
  emit(json, { event: 'stopped' }, 'stopped')
  return 0
}

/**
 * Resolves with the error when joining failed for good; never while the node joins or is a
 * member. Says "still joining" (stderr, or a `joining` event with --json) each time waitForJoin's
 * own deadline passes meanwhile.
 */
async function joinFailure (node: Awaited<ReturnType<typeof createNode>>, json: boolean, signal: AbortSignal): Promise<Error> {
  const started = performance.now()
  for (;;) {
    try {
      await node.waitForJoin({ signal })
      // A member: nothing more to watch.
      return await new Promise<never>(() => {})
    } catch (err: any) {
      if (signal.aborted) { return new Promise<never>(() => {}) }
      if (err?.name === 'JoinFailedError') { return err }
      const s = Math.round((performance.now() - started) / 1000)
      if (json) {
        emit(true, { event: 'joining', seconds: s }, '')
      } else {
        process.stderr.write(`still joining the ring after ${s} s ...\n`)
      }
    }
  }
}

function emit (json: boolean, event: Record<string, unknown>, text: string): void {
  process.stdout.write(json ? JSON.stringify(event) + '\n' : text + '\n')
}

/** Resolves with a reason on the first SIGINT or SIGTERM (or stdin's end); a second signal exits at once. */
async function stopRequested (watchStdin: boolean): Promise<string> {
  return new Promise(resolve => {
    let requested = false
    const request = (why: string, isSignal: boolean): void => {
      if (requested && isSignal) {
        process.stderr.write(`${why} again: exiting without a graceful stop\n`)
        process.exit(130)
      }
      if (!requested) { resolve(why) }
      requested = true
    }
    process.on('SIGINT', () => { request('SIGINT', true) })
    process.on('SIGTERM', () => { request('SIGTERM', true) })
    if (watchStdin) {
      process.stdin.on('end', () => { request('stdin closed', false) })
      process.stdin.on('error', () => { request('stdin failed', false) })
      process.stdin.resume()
    }
  })
}

/**
 * `selfmgmt demo`: starts a local network of N node processes on 127.0.0.1, writes
 * DIR/network.json once every node has joined, prints what to try next, and runs until SIGINT or
 * SIGTERM, then stops every node gracefully. Progress goes to stderr; with --json the network
 * is printed as one JSON line on stdout.
 */
import { resolve } from 'node:path'
import * as K from '../constants.ts'
import { LocalNetwork } from '../demo/local-network.ts'
import { int, str } from './args.ts'
import type { Values } from './args.ts'

export async function runDemo (v: Values): Promise<number> {
  const count = int(v, 'nodes', 1, K.DEMO_NODES_MAX, K.DEMO_NODES_DEFAULT) ?? K.DEMO_NODES_DEFAULT
  const dataDir = resolve(str(v, 'data-dir') ?? K.DEMO_DATA_DIR_DEFAULT)
  const json = v.json === true
  const net = new LocalNetwork({ dataDir, onProgress: m => { process.stderr.write(`demo: ${m}\n`) } })
  const stopSignal = signalled()
  process.stderr.write(`demo: starting ${count} nodes under ${dataDir} (Ctrl-C stops them all)\n`)
  try {
    await net.start(count, { signal: stopSignal.signal })
  } catch (err: any) {
    process.stderr.write(`demo: ${stopSignal.signal.aborted ? 'interrupted' : `failed: ${String(err?.message)}`}\ndemo: stopping the nodes started so far ...\n`)
    await net.stop()
    return stopSignal.signal.aborted ? 130 : 1
  }
  const file = await net.writeNetworkJson()
  const nodes = net.infos()
  for (const n of net.nodes) {
    n.exited.then(e => {
      if (!stopSignal.signal.aborted) { process.stderr.write(`demo: node ${n.index} (${n.info.peerId}) exited unexpectedly (${JSON.stringify(e)}); see ${n.dataDir}/node.log\n`) }
    }, () => {})
  }
  process.stdout.write(json ? JSON.stringify({ network: file, nodes }) + '\n' : describe(file, nodes) + '\n')
  await new Promise(resolve => { stopSignal.signal.addEventListener('abort', resolve, { once: true }) })
  process.stderr.write('demo: stopping every node (each leaves the ring) ...\n')
  await net.stop()
  process.stderr.write(`demo: stopped ${nodes.length} nodes\n`)
  return 0
}

function describe (file: string, nodes: Array<{ peerId: string, ringId: string, apiUrl: string }>): string {
  const api = nodes[0].apiUrl
  return [
    `${nodes.length} nodes are in the ring; the list is in ${file}`,
    '',
    ...nodes.map((n, i) => `  ${String(i).padStart(2)}  ${n.ringId}  ${n.peerId}  ${n.apiUrl}`),
    '',
    'Try, in another terminal:',
    `  npx selfmgmt status --api ${api}`,
    `  npx selfmgmt lookup hello --api ${api}`,
    `  npx selfmgmt ring --api ${api}`,
    `  npx selfmgmt put hello world --api ${api}`,
    `  npx selfmgmt get hello --api ${nodes[nodes.length - 1].apiUrl}`,
    `  curl -s ${api}/v1/status`,
    `  curl -s -X POST -d '{"key":"hello"}' ${api}/v1/lookup`,
    `  curl -s -X PUT --data-binary @file.bin ${api}/v1/kv/some%20key`,
    `  kill -9 ${'<pid from network.json>'}     (the ring heals within a few seconds)`,
    '',
    'The simulator demo is still there: npx selfmgmt-sim start',
    'Ctrl-C stops every node gracefully.'
  ].join('\n')
}

/** An AbortController aborted by the first SIGINT or SIGTERM; a second one exits at once. */
function signalled (): AbortController {
  const c = new AbortController()
  const on = (name: string): void => {
    if (c.signal.aborted) {
      process.stderr.write(`demo: ${name} again: exiting now (nodes stop when their stdin closes)\n`)
      process.exit(130)
    }
    c.abort()
  }
  process.on('SIGINT', () => { on('SIGINT') })
  process.on('SIGTERM', () => { on('SIGTERM') })
  return c
}

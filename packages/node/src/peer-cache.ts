/**
 * The node's remembered neighbours: `<dataDir>/peers.json` holds the last known ring neighbours
 * with their addresses. On restart they are tried after the explicit bootstrap addresses, so a
 * node rejoins even when its original bootstrap node is gone. It is a cache: an unreadable file
 * is logged and ignored, and rewritten on the next save.
 */
import { randomBytes } from 'node:crypto'
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import { assert } from '@selfmgmt/interface'
import { KEY_FILE_MODE, PEERS_FILE, PEERS_FILE_BYTES_MAX, PEERS_SAVED_MAX, PEER_ADDRS_SAVED_MAX } from './constants.ts'
import type { Logger } from '@libp2p/interface'

export interface SavedPeer {
  peerId: string
  multiaddrs: string[]
}

interface PeersFile {
  version: 1
  peers: SavedPeer[]
}

/** Dialable addresses (`<multiaddr>/p2p/<peerId>`) of the remembered peers; [] when there are none. */
export async function loadPeerAddrs (dataDir: string, log: Logger): Promise<string[]> {
  const file = join(dataDir, PEERS_FILE)
  let parsed: unknown
  try {
    const st = await stat(file)
    if (st.size > PEERS_FILE_BYTES_MAX) {
      log.error('ignoring %s: %d bytes is over the limit of %d', file, st.size, PEERS_FILE_BYTES_MAX)
      return []
    }
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (err: any) {
    if (err?.code !== 'ENOENT') { log.error('ignoring the unreadable %s - %e', file, err) }
    return []
  }
  return addrsOf(parsed, file, log)
}

function addrsOf (parsed: unknown, file: string, log: Logger): string[] {
  const peers = (parsed as Partial<PeersFile> | null)?.peers
  if (!Array.isArray(peers)) {
    log.error('ignoring %s: no "peers" array', file)
    return []
  }
  const out: string[] = []
  for (const p of peers.slice(0, PEERS_SAVED_MAX)) {
    if (typeof p?.peerId !== 'string' || !Array.isArray(p.multiaddrs)) { continue }
    for (const a of p.multiaddrs.slice(0, PEER_ADDRS_SAVED_MAX)) {
      const full = withPeerId(a, p.peerId)
      if (full !== undefined) { out.push(full) }
    }
  }
  return out
}

/** `addr` with `/p2p/<peerId>` appended (once), or undefined when it does not parse. */
function withPeerId (addr: unknown, peerId: string): string | undefined {
  if (typeof addr !== 'string') { return undefined }
  try {
    const ma = multiaddr(addr)
    return ma.getComponents().some(c => c.name === 'p2p') ? ma.toString() : ma.encapsulate(`/p2p/${peerId}`).toString()
  } catch {
    return undefined
  }
}

/** Replaces peers.json atomically (temporary file, then rename). */
export async function savePeers (dataDir: string, peers: SavedPeer[]): Promise<void> {
  const body: PeersFile = {
    version: 1,
    peers: peers.slice(0, PEERS_SAVED_MAX).map(p => ({ peerId: p.peerId, multiaddrs: p.multiaddrs.slice(0, PEER_ADDRS_SAVED_MAX) }))
  }
  const text = JSON.stringify(body, null, 2) + '\n'
  assert(text.length <= PEERS_FILE_BYTES_MAX, 'a bounded peer list fits the peers file limit')
  const file = join(dataDir, PEERS_FILE)
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(tmp, text, { mode: KEY_FILE_MODE, flag: 'wx' })
    await rename(tmp, file)
  } catch (err) {
    await unlink(tmp).catch(() => {}) // the temporary file may not exist; the original error is what matters
    throw err
  }
}

/**
 * The node's identity: an Ed25519 private key, protobuf-encoded in `<dataDir>/peer.key` (mode
 * 0600). Created on first start, reused afterwards, so the peer id and the ring id survive
 * restarts. A key file that exists but cannot be read or parsed is refused, never replaced: a
 * new key would silently make the node someone else.
 */
import { randomBytes } from 'node:crypto'
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { assert } from '@selfmgmt/interface'
import { DATA_DIR_MODE, KEY_FILE, KEY_FILE_BYTES_MAX, KEY_FILE_MODE } from './constants.ts'
import { DataDirError, KeyFileCorruptError, KeyFileUnreadableError } from './errors.ts'
import type { PrivateKey } from '@libp2p/interface'

export interface Identity {
  privateKey: PrivateKey
  /** True when the key was created by this call (first start). */
  created: boolean
  keyFile: string
}

/** Creates the data directory (owner-only) if needed. */
export async function ensureDataDir (dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true, mode: DATA_DIR_MODE })
  } catch (err: any) {
    throw new DataDirError(`cannot create the data directory ${dataDir}: ${String(err?.message)}`, { cause: err })
  }
}

/** Loads the key from `<dataDir>/peer.key`, or creates it there when the file does not exist. */
export async function loadOrCreateIdentity (dataDir: string): Promise<Identity> {
  await ensureDataDir(dataDir)
  const keyFile = join(dataDir, KEY_FILE)
  const existing = await readKeyFile(keyFile)
  if (existing !== undefined) { return { privateKey: existing, created: false, keyFile } }
  const privateKey = await generateKeyPair('Ed25519')
  const won = await writeKeyFileOnce(keyFile, privateKeyToProtobuf(privateKey))
  if (won) { return { privateKey, created: true, keyFile } }
  // Another process created the key between our read and our write: use theirs.
  const theirs = await readKeyFile(keyFile)
  assert(theirs !== undefined, 'the key file exists after a failed exclusive create')
  return { privateKey: theirs, created: false, keyFile }
}

/** The key in `keyFile`, undefined when there is no such file; throws when it is unusable. */
export async function readKeyFile (keyFile: string): Promise<PrivateKey | undefined> {
  let bytes: Uint8Array
  try {
    const st = await stat(keyFile)
    if (!st.isFile()) { throw new KeyFileUnreadableError(`the key file ${keyFile} is not a regular file; move it away or point --data-dir elsewhere`) }
    if (st.size > KEY_FILE_BYTES_MAX) { throw new KeyFileCorruptError(`the key file ${keyFile} is ${st.size} bytes, not a private key (at most ${KEY_FILE_BYTES_MAX}); it was left untouched`) }
    bytes = await readFile(keyFile)
  } catch (err: any) {
    if (err?.code === 'ENOENT') { return undefined }
    if (err?.name === 'KeyFileUnreadableError' || err?.name === 'KeyFileCorruptError') { throw err }
    throw new KeyFileUnreadableError(`cannot read the key file ${keyFile}: ${String(err?.message)}; it was left untouched`, { cause: err })
  }
  return parseKey(keyFile, bytes)
}

function parseKey (keyFile: string, bytes: Uint8Array): PrivateKey {
  let key: PrivateKey
  try {
    key = privateKeyFromProtobuf(bytes)
  } catch (err: any) {
    throw new KeyFileCorruptError(`the key file ${keyFile} does not hold a protobuf-encoded private key (${String(err?.message)}); it was left untouched - restore it from a backup, or move it away to start as a new node`, { cause: err })
  }
  if (key.type !== 'Ed25519') {
    throw new KeyFileCorruptError(`the key file ${keyFile} holds a ${key.type} key; selfmgmt nodes use Ed25519 keys (the ring id is derived from the public key)`)
  }
  assert(key.publicKey.raw.length === 32, 'an Ed25519 public key has 32 bytes')
  return key
}

/**
 * Writes the key to a private temporary file and links it into place, so the key file appears
 * complete or not at all, and never overwrites an existing one. Returns false when it existed.
 */
async function writeKeyFileOnce (keyFile: string, bytes: Uint8Array): Promise<boolean> {
  assert(bytes.length > 0 && bytes.length <= KEY_FILE_BYTES_MAX, 'an encoded key fits the key file limit')
  const tmp = `${keyFile}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(tmp, bytes, { mode: KEY_FILE_MODE, flag: 'wx', flush: true })
    await link(tmp, keyFile)
    return true
  } catch (err: any) {
    if (err?.code === 'EEXIST') { return false }
    throw new DataDirError(`cannot write the key file ${keyFile}: ${String(err?.message)}`, { cause: err })
  } finally {
    await unlink(tmp).catch(() => {})
  }
}

/**
 * `selfmgmt put`, `get`, `delete` and `cas`: the replicated store through a node's API. Values
 * come from an argument (UTF-8), a file (`--file`) or stdin (`-`), bounded by the store's value
 * limit; `get` prints the value's bytes as they are (or, with --json, one JSON line with the
 * value as UTF-8 or base64). An absent key (get) and a version conflict (cas) exit with 1.
 */
import { readFile, stat } from 'node:fs/promises'
import { InvalidParametersError } from '@selfmgmt/interface'
import { ApiClient } from '../api/client.ts'
import { KV_VALUE_BYTES_MAX } from '../constants.ts'
import { apiUrl, str } from './args.ts'
import type { Values } from './args.ts'

export type KvCommand = 'put' | 'get' | 'delete' | 'cas'

export async function runKv (command: KvCommand, v: Values, positionals: string[]): Promise<number> {
  const client = new ApiClient(apiUrl(v))
  const json = v.json === true
  const key = positionals[0]
  if (command === 'get') { return get(client, key, json) }
  if (command === 'delete') {
    const { version } = await client.delete(key)
    return print(json ? { key, version } : `deleted ${JSON.stringify(key)} (version ${version})`)
  }
  if (command === 'put') {
    const value = await valueOf(v, positionals[1], 'put KEY VALUE')
    const { version } = await client.put(key, value)
    return print(json ? { key, version } : `stored ${JSON.stringify(key)} (version ${version}, ${value.length} bytes)`)
  }
  const expected = versionArg(positionals[1])
  const value = await valueOf(v, positionals[2], 'cas KEY VERSION VALUE')
  const r = await client.cas(key, expected, value)
  if (json) { await write(JSON.stringify({ key, applied: r.applied, version: r.version }) + '\n') }
  if (!r.applied) {
    process.stderr.write(`selfmgmt: ${JSON.stringify(key)} is at version ${r.version}, not ${expected}: nothing was written [ERR_VERSION_CONFLICT]\n`)
    return 1
  }
  return json ? 0 : print(`stored ${JSON.stringify(key)} (version ${r.version}, was ${expected}, ${value.length} bytes)`)
}

async function get (client: ApiClient, key: string, json: boolean): Promise<number> {
  const item = await client.get(key)
  if (item.value === undefined) {
    process.stderr.write(`selfmgmt: no value under ${JSON.stringify(key)} (${item.version === 0 ? 'never written' : `deleted at version ${item.version}`}) [ERR_KEY_NOT_FOUND]\n`)
    return 1
  }
  if (!json) {
    await write(item.value)
    return 0
  }
  const text = utf8(item.value)
  const out = text === undefined
    ? { key, value: Buffer.from(item.value).toString('base64'), encoding: 'base64', version: item.version }
    : { key, value: text, version: item.version }
  await write(JSON.stringify(out) + '\n')
  return 0
}

/** The value of put or cas: the argument as UTF-8, `-` for stdin, or --file; exactly one of them. */
async function valueOf (v: Values, arg: string | undefined, usage: string): Promise<Uint8Array> {
  const file = str(v, 'file')
  if (file !== undefined && arg !== undefined) { throw new InvalidParametersError(`give the value as an argument or with --file, not both (${usage})`) }
  if (file === undefined && arg === undefined) { throw new InvalidParametersError(`a value is needed: ${usage}, --file PATH, or - to read stdin`) }
  const value = file !== undefined ? await fromFile(file) : arg === '-' ? await fromStdin() : new TextEncoder().encode(arg)
  if (value.length > KV_VALUE_BYTES_MAX) { throw new InvalidParametersError(`the value is ${value.length} bytes; the limit is ${KV_VALUE_BYTES_MAX}`) }
  return value
}

async function fromFile (path: string): Promise<Uint8Array> {
  try {
    const st = await stat(path)
    if (!st.isFile()) { throw new InvalidParametersError(`--file ${path} is not a regular file`) }
    if (st.size > KV_VALUE_BYTES_MAX) { throw new InvalidParametersError(`--file ${path} is ${st.size} bytes; the limit is ${KV_VALUE_BYTES_MAX}`) }
    return new Uint8Array(await readFile(path))
  } catch (err: any) {
    if (err?.name === 'InvalidParametersError') { throw err }
    throw new InvalidParametersError(`--file: cannot read ${path} (${String(err?.code ?? err?.message)})`)
  }
}

/** Stdin to its end, refusing more than KV_VALUE_BYTES_MAX bytes. */
async function fromStdin (): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length
    if (size > KV_VALUE_BYTES_MAX) {
      process.stdin.destroy()
      throw new InvalidParametersError(`the value on stdin is over the limit of ${KV_VALUE_BYTES_MAX} bytes`)
    }
    chunks.push(chunk as Buffer)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

function versionArg (raw: string): number {
  const x = Number(raw)
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(x)) { throw new InvalidParametersError(`VERSION must be an integer of 0 or more (0: the key was never written), got "${raw}"`) }
  return x
}

function utf8 (bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

async function print (out: string | Record<string, unknown>): Promise<number> {
  await write(typeof out === 'string' ? out + '\n' : JSON.stringify(out) + '\n')
  return 0
}

/** Writes to stdout and waits until it is flushed (the process may exit right after). */
async function write (data: string | Uint8Array): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(data, err => { if (err == null) { resolve() } else { reject(err) } })
  })
}

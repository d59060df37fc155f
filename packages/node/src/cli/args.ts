/**
 * Command-line parsing: one option table, the options each command accepts, and typed getters
 * that throw `InvalidParametersError` (exit code 2) naming the bad argument.
 */
import { parseArgs } from 'node:util'
import { InvalidParametersError } from '@selfmgmt/interface'

export const USAGE = `Usage: selfmgmt <command> [options]

Commands:
  start              run one node in the foreground (Ctrl-C hands its store range over,
                     leaves the ring and stops it)
    --data-dir DIR       identity key, remembered peers and store.db (default ./.selfmgmt)
    --listen MA          multiaddr to listen on, repeatable (default /ip4/127.0.0.1/tcp/0)
    --bootstrap MA       a ring member to join through (.../p2p/<peer id>), repeatable;
                         none: create a new ring (or rejoin through remembered peers)
    --api-port PORT      HTTP API port on 127.0.0.1 (default 0: a free port)
    --geometry NAME      dks | tango | chord (default dks)
    --k K                dks arity, a power of two (default 16)
    --proximity          prefer low-latency fingers
    --no-dht             do not run a kad-dht server beside the ring
    --replication R      store replicas per key, 1..8, the same on every node (default 4)
    --store-sync MODE    full (default: each write on disk before it is acknowledged) | normal
    --no-read-leases     every store get reads a quorum (default: each key's first replica
                         answers its gets under a read lease); the same on every node
    --no-store           run no replicated store (no /v1/kv, no store.db)
    --ping-interval-ms MS, --pred-timeout-ms MS, --lookup-timeout-ms MS,
    --join-timeout-ms MS, --leave-timeout-ms MS     ring timeouts (LAN defaults, see README)
    --json               print one JSON line per event (started, joined, stopped)
    --exit-with-stdin    stop when stdin closes (used by demo: nodes never outlive it)
  status             a node's identity, neighbours, membership, store   --api URL [--json]
  lookup KEY         the owner of KEY, found through the ring           --api URL [--json]
  ring               a node's full routing state                        --api URL [--json]
  put KEY VALUE      store VALUE, a UTF-8 string (- reads stdin)        --api URL [--json]
  put KEY --file F   store the bytes of file F                          --api URL [--json]
  get KEY            print KEY's value as raw bytes; an absent key      --api URL [--json]
                     exits with 1; --json: {key, value, version}, the value
                     in UTF-8, or in base64 with "encoding": "base64"
  delete KEY         delete KEY (a new version with no value)           --api URL [--json]
  cas KEY VERSION VALUE                                                 --api URL [--json]
                     store VALUE only if KEY is at VERSION (0: never written);
                     --file F or - as for put; a conflict exits with 1
  force-rebuild --yes   rebuild this node's pending store arcs without the  --api URL [--json]
                     replica holders that do not answer: only for holders lost
                     for good (disk gone), never while part of the ring may be
                     cut off; run it on each node whose status shows arcs pending
  demo               a local network of node processes on 127.0.0.1
    --nodes N            how many (default 8, at most 64)
    --data-dir DIR       one data directory per node under DIR (default ./.selfmgmt-demo);
                         DIR/network.json lists the nodes once all have joined
  help               this text

--api may also come from the SELFMGMT_API environment variable. A VALUE that starts with -
goes after --, e.g. selfmgmt put k -- -1. Keys are 1 to 1024 bytes (UTF-8), values at most 1 MiB.
Exit codes: 0 done, 1 failed (also: get of an absent key, cas conflict), 2 bad arguments.`

const OPTIONS = {
  'data-dir': { type: 'string' },
  listen: { type: 'string', multiple: true },
  bootstrap: { type: 'string', multiple: true },
  'api-port': { type: 'string' },
  geometry: { type: 'string' },
  k: { type: 'string' },
  proximity: { type: 'boolean' },
  'no-dht': { type: 'boolean' },
  replication: { type: 'string' },
  'store-sync': { type: 'string' },
  'read-leases': { type: 'boolean' },
  'no-read-leases': { type: 'boolean' },
  'no-store': { type: 'boolean' },
  file: { type: 'string' },
  'ping-interval-ms': { type: 'string' },
  'pred-timeout-ms': { type: 'string' },
  'lookup-timeout-ms': { type: 'string' },
  'join-timeout-ms': { type: 'string' },
  'leave-timeout-ms': { type: 'string' },
  'exit-with-stdin': { type: 'boolean' },
  api: { type: 'string' },
  nodes: { type: 'string' },
  json: { type: 'boolean' },
  yes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

export type OptionName = keyof typeof OPTIONS
export type Values = Partial<Record<OptionName, string | boolean | string[]>>

const START_OPTIONS: OptionName[] = ['data-dir', 'listen', 'bootstrap', 'api-port', 'geometry', 'k', 'proximity', 'no-dht',
  'replication', 'store-sync', 'read-leases', 'no-read-leases', 'no-store', 'ping-interval-ms', 'pred-timeout-ms', 'lookup-timeout-ms', 'join-timeout-ms', 'leave-timeout-ms', 'exit-with-stdin', 'json']

/** Each command, the options it accepts and the positional arguments it takes (the last ones optional beyond `min`). */
export const COMMANDS: Record<string, { options: OptionName[], positionals: string[], min?: number }> = {
  start: { options: START_OPTIONS, positionals: [] },
  status: { options: ['api', 'json'], positionals: [] },
  lookup: { options: ['api', 'json'], positionals: ['KEY'] },
  ring: { options: ['api', 'json'], positionals: [] },
  put: { options: ['api', 'json', 'file'], positionals: ['KEY', 'VALUE'], min: 1 },
  get: { options: ['api', 'json'], positionals: ['KEY'] },
  delete: { options: ['api', 'json'], positionals: ['KEY'] },
  cas: { options: ['api', 'json', 'file'], positionals: ['KEY', 'VERSION', 'VALUE'], min: 2 },
  'force-rebuild': { options: ['api', 'json', 'yes'], positionals: [] },
  demo: { options: ['nodes', 'data-dir', 'json'], positionals: [] }
}

export interface Parsed {
  command: string | undefined
  positionals: string[]
  values: Values
}

/** Parses argv; throws InvalidParametersError for unknown options, missing values or options the command does not take. */
export function parse (argv: string[]): Parsed {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err: any) {
    // node:util's own wording, which names its API, is said in the command's terms instead.
    const option = /'(--?[^' =]+)/.exec(String(err?.message))?.[1]
    if (err?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
      throw new InvalidParametersError(`unknown option ${option} (a value that starts with - goes after --, as in: selfmgmt put KEY -- -1)`)
    }
    if (err?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
      const dash = /ambiguous/.test(String(err?.message)) ? ` (one that starts with - is given as ${option}=-5)` : ''
      throw new InvalidParametersError(`${option} needs a value${dash}`)
    }
    throw new InvalidParametersError(String(err?.message))
  }
  const [command, ...positionals] = parsed.positionals
  const values = parsed.values as Values
  const spec = command === undefined ? undefined : COMMANDS[command]
  // `selfmgmt lookup --help` prints the usage whatever else is missing.
  if (spec !== undefined && values.help !== true) {
    for (const name of Object.keys(values) as OptionName[]) {
      if (name !== 'help' && !spec.options.includes(name)) { throw new InvalidParametersError(`${command} does not take --${name}`) }
    }
    const min = spec.min ?? spec.positionals.length
    if (positionals.length < min || positionals.length > spec.positionals.length) {
      const want = spec.positionals.length === 0 ? 'no arguments' : [...spec.positionals.slice(0, min), ...spec.positionals.slice(min).map(p => `[${p}]`)].join(' ')
      throw new InvalidParametersError(`${command} takes ${want}, got ${positionals.length === 0 ? 'none' : positionals.map(p => `"${p}"`).join(' ')}`)
    }
  }
  return { command, positionals, values }
}

/** An integer option within [min, max], or the fallback when absent. */
export function int (v: Values, name: OptionName, min: number, max: number, fallback?: number): number | undefined {
  const raw = v[name]
  if (raw === undefined) { return fallback }
  const x = Number(raw)
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(x) || x < min || x > max) {
    throw new InvalidParametersError(`--${name} must be an integer ${min}..${max}, got "${String(raw)}"`)
  }
  return x
}

export function str (v: Values, name: OptionName): string | undefined {
  const raw = v[name]
  if (raw === undefined) { return undefined }
  if (typeof raw !== 'string' || raw.trim() === '') { throw new InvalidParametersError(`--${name} needs a value`) }
  return raw
}

export function list (v: Values, name: OptionName): string[] | undefined {
  const raw = v[name]
  if (raw === undefined) { return undefined }
  return Array.isArray(raw) ? raw : [String(raw)]
}

/** The API URL from --api or SELFMGMT_API. */
export function apiUrl (v: Values): string {
  const url = str(v, 'api') ?? process.env.SELFMGMT_API
  if (url === undefined || url === '') { throw new InvalidParametersError('--api URL is required (the node prints it at start), or set SELFMGMT_API') }
  return url
}

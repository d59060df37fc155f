/**
 * `selfmgmt`: the command line of a selfmgmt node. `start` runs a node, `status`, `lookup` and
 * `ring` ask a running node through its HTTP API, `put`, `get`, `delete` and `cas` use its
 * replicated store through that API, `force-rebuild` is an operator's decision on its store,
 * `demo` runs a local network. Bad arguments print a message
 * and the usage and exit with code 2; failures exit with 1.
 */
import { USAGE, parse } from './args.ts'
import { runKv } from './kv.ts'
import { runForceRebuild, runQuery } from './query.ts'

/** Runs the command line; returns the process exit code. */
export async function main (argv: string[]): Promise<number> {
  try {
    const { command, positionals, values } = parse(argv)
    if (command === 'help' || (command === undefined && values.help === true)) {
      process.stdout.write(USAGE + '\n')
      return 0
    }
    if (values.help === true) {
      process.stdout.write(USAGE + '\n')
      return 0
    }
    switch (command) {
      // start and demo load libp2p; the API commands stay quick without it.
      case 'start': return await (await import('./start.ts')).runStart(values)
      case 'status':
      case 'lookup':
      case 'ring': return await runQuery(command, values, positionals)
      case 'put':
      case 'get':
      case 'delete':
      case 'cas': return await runKv(command, values, positionals)
      case 'force-rebuild': return await runForceRebuild(values)
      case 'demo': return await (await import('./demo.ts')).runDemo(values)
      case undefined:
        process.stderr.write(`selfmgmt: a command is required\n\n${USAGE}\n`)
        return 2
      default:
        process.stderr.write(`selfmgmt: unknown command "${command}"\n\n${USAGE}\n`)
        return 2
    }
  } catch (err: any) {
    if (err?.name === 'InvalidParametersError') {
      process.stderr.write(`selfmgmt: ${String(err.message)}\n(selfmgmt help lists the commands and options)\n`)
      return 2
    }
    process.stderr.write(`selfmgmt: ${String(err?.message ?? err)}${err?.code === undefined ? '' : ` [${String(err.code)}]`}\n`)
    return 1
  }
}

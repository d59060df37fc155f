#!/usr/bin/env node
/**
 * Entry point of the `selfmgmt-sim` command (see cli/main.ts).
 */
import { main } from './cli/main.ts'

main(process.argv.slice(2)).then(code => { process.exitCode = code }, (err: unknown) => {
  process.stderr.write(`selfmgmt-sim: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exitCode = 1
})

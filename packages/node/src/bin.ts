#!/usr/bin/env node
/**
 * Entry point of the `selfmgmt` command (see cli/main.ts).
 */
import { main } from './cli/main.ts'

/** After the command is done, the process exits within this even if a stray handle keeps it alive. */
const EXIT_GRACE_MS = 2000

// The reader of our output went away (`selfmgmt get big | head -c 10`): stop quietly, as other
// command-line tools do, rather than die of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') { process.exit(0) }
  process.stderr.write(`selfmgmt: cannot write the output: ${err.message}\n`)
  process.exit(1)
})

main(process.argv.slice(2)).then(code => {
  process.exitCode = code
  setTimeout(() => { process.exit(code) }, EXIT_GRACE_MS).unref()
}, (err: unknown) => {
  process.stderr.write(`selfmgmt: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
})

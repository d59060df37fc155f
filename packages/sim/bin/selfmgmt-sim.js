#!/usr/bin/env node
// The `selfmgmt-sim` command. A file of its own outside dist/, so that `npm ci` in a fresh clone links
// it into node_modules/.bin before anything is built; the command itself is dist/src/bin.js.
try {
  await import('../dist/src/bin.js')
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err?.message).includes('dist/src/bin.js')) {
    process.stderr.write('selfmgmt-sim: @selfmgmt/sim is not built yet: run `npm run build` at the repository root first\n')
    process.exit(1)
  }
  throw err
}

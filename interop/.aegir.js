import { installV2 } from './v2/install.js'

/** @type {import('aegir').PartialOptions} */
export default {
  test: {
    // The js-libp2p 2.x peers live in v2/ with their own lockfile (never a workspace): a clean
    // clone has no v2/node_modules, so install them before mocha starts.
    before: async () => {
      installV2()
      return undefined
    }
  }
}

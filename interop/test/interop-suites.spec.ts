/* Goal: the @libp2p/interop suites (connect, dht, streams) pass with a selfmgmt node in the slot the suites call 'go' and stock js-libp2p 3 in the slot they call 'js' (both behind @libp2p/daemon-server), so a selfmgmt node connects, routes through kad-dht and carries streams like any libp2p node. Method: the suites' own matrices with our DaemonFactory (test/fixtures/daemons.ts); combinations outside TCP + Noise + Yamux, and RSA keys for the selfmgmt slot, throw the suites' UnsupportedError and are skipped (pending). */
import { connectInteropTests, dhtInteropTests, streamInteropTests } from '@libp2p/interop'
import { factory, skipUnsupported } from './fixtures/daemons.ts'

describe('@libp2p/interop suites: go = selfmgmt node, js = stock js-libp2p 3', function () {
  // The connect suite skips on UnsupportedError by itself.
  connectInteropTests(factory)
  skipUnsupported(() => {
    void dhtInteropTests(factory)
    void streamInteropTests(factory)
  })
})

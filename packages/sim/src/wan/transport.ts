/**
 * `wanTransport(inner, { emulator, index })`: any libp2p transport, with every connection it
 * dials delayed by the emulator's latency model (see connection.ts). Its listeners register
 * their addresses with the emulator, so other wrapped nodes in the process can place this one.
 * Give every node in the process a wrapped transport: the dialling end applies the link's
 * delay in both directions, so a dial from an unwrapped node is not delayed.
 */
import { serviceCapabilities, transportSymbol } from '@libp2p/interface'
import { WanConnection } from './connection.ts'
import type { WanEmulator } from './emulator.ts'
import type { Connection, CreateListenerOptions, DialTransportOptions, Listener, MultiaddrConnection, Startable, Transport, Upgrader, UpgraderOptions } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface WanTransportInit {
  emulator: WanEmulator
  /** This node's index in the latency model (default: the emulator allocates the next one). */
  index?: number
}

class WanTransport implements Transport, Startable {
  readonly [transportSymbol] = true as const
  readonly [serviceCapabilities]: string[]
  /** This node's index in the latency model. */
  readonly index: number
  private readonly inner: Transport
  private readonly emulator: WanEmulator

  constructor (inner: Transport, init: WanTransportInit) {
    this.inner = inner
    this.emulator = init.emulator
    this.index = init.emulator.allocate(init.index)
    this[serviceCapabilities] = (inner as Partial<Record<typeof serviceCapabilities, string[]>>)[serviceCapabilities] ?? ['@libp2p/transport']
  }

  get [Symbol.toStringTag] (): string {
    return `@selfmgmt/sim/wan(${this.inner[Symbol.toStringTag]})`
  }

  get listenFilter (): (multiaddrs: Multiaddr[]) => Multiaddr[] {
    return addrs => this.inner.listenFilter(addrs)
  }

  get dialFilter (): (multiaddrs: Multiaddr[]) => Multiaddr[] {
    return addrs => this.inner.dialFilter(addrs)
  }

  async start (): Promise<void> {
    await (this.inner as Partial<Startable>).start?.()
  }

  async stop (): Promise<void> {
    await (this.inner as Partial<Startable>).stop?.()
  }

  async dial (ma: Multiaddr, options: DialTransportOptions): Promise<Connection> {
    const remote = this.emulator.indexOf(ma)
    this.emulator.countDial(remote !== undefined)
    if (remote === undefined) { return this.inner.dial(ma, options) }
    return this.inner.dial(ma, { ...options, upgrader: delayingUpgrader(options.upgrader, this.emulator, this.index, remote) })
  }

  createListener (options: CreateListenerOptions): Listener {
    const listener = this.inner.createListener(options)
    let registered: Multiaddr[] = []
    listener.addEventListener('listening', () => {
      this.emulator.unregister(registered)
      registered = listener.getAddrs()
      this.emulator.register(this.index, registered)
    })
    listener.addEventListener('close', () => {
      this.emulator.unregister(registered)
      registered = []
    })
    return listener
  }
}

/** The dialler's upgrader, handed the raw connection wrapped in the emulated link. */
function delayingUpgrader (upgrader: Upgrader, emulator: WanEmulator, local: number, remote: number): Upgrader {
  const wrapped: Pick<Upgrader, 'createInboundAbortSignal' | 'getStreamMuxers' | 'getConnectionEncrypters'> & {
    upgradeOutbound(maConn: MultiaddrConnection, opts: UpgraderOptions): Promise<Connection>
    upgradeInbound(maConn: MultiaddrConnection, opts: UpgraderOptions): Promise<void>
  } = {
    upgradeOutbound: async (maConn, opts) => upgrader.upgradeOutbound(new WanConnection(maConn, { emulator, local, remote }), opts),
    upgradeInbound: async (maConn, opts) => upgrader.upgradeInbound(maConn, opts),
    createInboundAbortSignal: signal => upgrader.createInboundAbortSignal(signal),
    getStreamMuxers: () => upgrader.getStreamMuxers(),
    getConnectionEncrypters: () => upgrader.getConnectionEncrypters()
  }
  return wrapped as Upgrader
}

/**
 * Wraps a transport factory so that its connections cross the emulated WAN.
 *
 * @example
 * ```ts
 * const emulator = new WanEmulator({ model: new PlanetLabLatency(1) })
 * const node = await createLibp2p({ transports: [wanTransport(tcp(), { emulator, index: 7 })], ... })
 * ```
 */
export function wanTransport<Components> (inner: (components: Components) => Transport, init: WanTransportInit): (components: Components) => Transport {
  return (components) => new WanTransport(inner(components), init)
}

/**
 * Outbound ring streams: one long-lived stream per peer, opened on first use, carrying
 * length-prefixed frames in order. A stream that breaks is reopened once; a peer that cannot be
 * reached (dial refused, protocol unsupported) is reported so the core can suspect it at once.
 * Frames waiting for a peer are bounded; beyond the bound they are dropped and counted (the core
 * retransmits what matters).
 */
import { lpStream } from '@libp2p/utils'
import { setMaxListeners } from 'main-event'
import { CHANNELS_MAX, FRAME_BYTES_MAX, OPEN_TIMEOUT_MS, PEER_QUEUE_MAX } from './constants.ts'
import type { Logger, Stream } from '@libp2p/interface'
import type { LengthPrefixedStream } from '@libp2p/utils'

interface Channel {
  readonly addr: string
  queue: Uint8Array[]
  running: boolean
  stream?: Stream
  lp?: LengthPrefixedStream<Stream>
  /** Bounds a write's wait for the stream to drain; shared by the writes of OPEN_TIMEOUT_MS / 2 (see {@link Channels.deadline}). */
  deadline?: { signal: AbortSignal, untilMs: number }
}

export interface ChannelsInit {
  /** Opens a ring stream to a peer (dialling if needed). */
  open(addr: string, signal: AbortSignal): Promise<Stream>
  /** The peer could not be reached; its queued frames are gone. */
  unreachable(addr: string, err: Error): void
  log: Logger
  /** Largest frame (default: the ring's). */
  frameBytesMax?: number
}

export class Channels {
  private readonly channels = new Map<string, Channel>()
  private readonly init: ChannelsInit
  private closed = false
  /** Frames dropped for a full queue or an unreachable peer. */
  dropped = 0
  /** Frames written. */
  written = 0

  constructor (init: ChannelsInit) {
    this.init = init
  }

  get size (): number { return this.channels.size }

  /** Queues a frame for a peer; it is written after the frames queued before it. */
  send (addr: string, frame: Uint8Array): void {
    if (this.closed) { return }
    let ch = this.channels.get(addr)
    if (ch === undefined) {
      this.evictIdle()
      ch = { addr, queue: [], running: false }
      this.channels.set(addr, ch)
    }
    if (ch.queue.length >= PEER_QUEUE_MAX) {
      this.dropped++
      return
    }
    ch.queue.push(frame)
    if (!ch.running) { void this.run(ch) }
  }

  /** Closes every stream (stop). */
  async closeAll (): Promise<void> {
    this.closed = true
    const streams = [...this.channels.values()].map(c => c.stream).filter(s => s !== undefined)
    this.channels.clear()
    await Promise.all(streams.map(async s => s.close({ signal: AbortSignal.timeout(1000) }).catch(() => s.abort(new Error('service stopping')))))
  }

  /** Forgets a peer's stream (it left or was suspected). */
  forget (addr: string): void {
    const ch = this.channels.get(addr)
    if (ch === undefined || ch.running) { return }
    this.channels.delete(addr)
    ch.stream?.abort(new Error('peer forgotten'))
  }

  private async run (ch: Channel): Promise<void> {
    ch.running = true
    let reopened = false
    try {
      while (ch.queue.length > 0 && !this.closed) {
        if (ch.lp === undefined) { await this.connect(ch) }
        const frame = ch.queue[0]
        try {
          await (ch.lp as LengthPrefixedStream<Stream>).write(frame, { signal: this.deadline(ch) })
        } catch (err: any) {
          // A broken stream is reopened once; the frame is sent again on the new one.
          ch.stream?.abort(err)
          ch.stream = ch.lp = undefined
          if (reopened) { throw err }
          reopened = true
          continue
        }
        ch.queue.shift()
        this.written++
      }
    } catch (err: any) {
      this.dropped += ch.queue.length
      ch.queue = []
      ch.stream = ch.lp = undefined
      this.channels.delete(ch.addr)
      if (!this.closed) { this.init.unreachable(ch.addr, err) }
    } finally {
      ch.running = false
    }
  }

  /**
   * The signal that bounds a write's wait for the stream to drain: between OPEN_TIMEOUT_MS / 2
   * and OPEN_TIMEOUT_MS from the write. One is shared by the writes of OPEN_TIMEOUT_MS / 2: a
   * signal (and its timer) per frame cost more than the write itself when nothing waits (the
   * timer fires, and the signal aborts, long after the frame was sent).
   */
  private deadline (ch: Channel): AbortSignal {
    const now = performance.now()
    if (ch.deadline === undefined || ch.deadline.untilMs - now < OPEN_TIMEOUT_MS / 2) {
      const signal = AbortSignal.timeout(OPEN_TIMEOUT_MS)
      // Every write that waits for a drain adds an abort listener to it (removed only when it
      // fires): many may wait at once on a congested connection.
      setMaxListeners(Infinity, signal)
      ch.deadline = { signal, untilMs: now + OPEN_TIMEOUT_MS }
    }
    return ch.deadline.signal
  }

  private async connect (ch: Channel): Promise<void> {
    const stream = await this.init.open(ch.addr, AbortSignal.timeout(OPEN_TIMEOUT_MS))
    ch.stream = stream
    ch.lp = lpStream(stream, { maxDataLength: this.init.frameBytesMax ?? FRAME_BYTES_MAX })
    stream.addEventListener('close', () => {
      if (ch.stream === stream) { ch.stream = ch.lp = undefined }
    })
  }

  private evictIdle (): void {
    if (this.channels.size < CHANNELS_MAX) { return }
    for (const [addr, ch] of this.channels) {
      if (ch.running || ch.queue.length > 0) { continue }
      this.channels.delete(addr)
      ch.stream?.abort(new Error('channel evicted'))
      return
    }
  }
}

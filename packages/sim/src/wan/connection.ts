/**
 * A MultiaddrConnection seen through an emulated WAN link. It wraps the raw connection a
 * transport dialled (before encryption and multiplexing, so handshakes pay the delay too) and
 * delays both directions at the dialling end: what this end writes leaves after d(local, remote),
 * what arrives is handed up after d(remote, local). Closing and resets travel in order behind the
 * data. The listening end is not wrapped; one wrapper per connection applies the whole link.
 */
import { AbstractMultiaddrConnection } from '@libp2p/utils'
import { assert } from '@selfmgmt/interface'
import { DelayLine } from './delay-line.ts'
import type { WanEmulator } from './emulator.ts'
import type { AbortOptions, MultiaddrConnection, StreamCloseEvent, StreamMessageEvent } from '@libp2p/interface'
import type { SendResult } from '@libp2p/utils'
import type { Uint8ArrayList } from 'uint8arraylist'

/**
 * Bytes held per direction before the writer is told to wait (outbound) or the socket is paused
 * (inbound): a 16 MiB yamux window over a 300 ms RTT fits, and memory stays bounded.
 */
export const WAN_BUFFERED_BYTES_MAX = 32 * 1024 * 1024

export interface WanLink {
  emulator: WanEmulator
  /** Index of the dialling node. */
  local: number
  /** Index of the dialled node. */
  remote: number
}

export class WanConnection extends AbstractMultiaddrConnection {
  private readonly inner: MultiaddrConnection
  private readonly link: WanLink
  private readonly outbound: DelayLine
  private readonly inbound: DelayLine
  /** We closed or reset the inner connection: its close event is ours, not the remote's. */
  private innerClosing = false
  private pausedByUser = false
  private pausedByLine = false
  private waitingDrain = false
  private closeWaiter: { resolve(): void, reject(err: Error): void } | undefined

  constructor (inner: MultiaddrConnection, link: WanLink) {
    super({ remoteAddr: inner.remoteAddr, direction: inner.direction, log: inner.log.newScope('wan'), inactivityTimeout: inner.inactivityTimeout })
    assert(Number.isInteger(link.local) && Number.isInteger(link.remote), 'WAN link ends must be node indexes')
    this.inner = inner
    this.link = link
    const onError = (err: unknown): void => { this.log.error('a delayed delivery threw - %e', err) }
    this.outbound = new DelayLine({ onError })
    this.inbound = new DelayLine({ onError })
    inner.addEventListener('message', this.onInnerMessage)
    inner.addEventListener('drain', this.onInnerDrain)
    inner.addEventListener('remoteCloseWrite', this.onInnerRemoteCloseWrite)
    inner.addEventListener('close', this.onInnerClose)
  }

  sendData (data: Uint8ArrayList): SendResult {
    const bytes = data.byteLength
    if (bytes > 0) {
      const atMs = this.link.emulator.deliverAtMs(this.link.local, this.link.remote, performance.now(), bytes)
      this.outbound.push(atMs, bytes, () => { this.innerSend(data) })
    }
    const canSendMore = this.outstandingBytes() < WAN_BUFFERED_BYTES_MAX
    if (!canSendMore) { this.waitingDrain = true }
    return { sentBytes: bytes, canSendMore }
  }

  /** The close (FIN) travels behind the data written before it. */
  async sendClose (options?: AbortOptions): Promise<void> {
    options?.signal?.throwIfAborted()
    const closed = new Promise<void>((resolve, reject) => { this.closeWaiter = { resolve, reject } })
    const atMs = this.link.emulator.deliverAtMs(this.link.local, this.link.remote, performance.now(), 0)
    this.outbound.push(atMs, 0, () => {
      this.innerClosing = true
      this.inner.close(options).then(() => this.closeWaiter?.resolve(), (err: Error) => this.closeWaiter?.reject(err))
    })
    const onAbort = (): void => { this.closeWaiter?.reject(options?.signal?.reason ?? new Error('close aborted')) }
    options?.signal?.addEventListener('abort', onAbort, { once: true })
    try {
      await closed
    } finally {
      options?.signal?.removeEventListener('abort', onAbort)
      this.closeWaiter = undefined
    }
  }

  sendReset (err: Error): void {
    this.outbound.clear()
    this.inbound.clear()
    this.innerClosing = true
    this.closeWaiter?.resolve()
    this.inner.abort(err)
  }

  sendPause (): void {
    this.pausedByUser = true
    this.syncInnerPause()
  }

  sendResume (): void {
    this.pausedByUser = false
    this.syncInnerPause()
  }

  private outstandingBytes (): number {
    return this.outbound.bytes + this.inner.writeBufferLength
  }

  private innerSend (data: Uint8ArrayList): void {
    if (this.inner.status !== 'open') {
      this.log('dropping %d delayed bytes: the connection is %s', data.byteLength, this.inner.status)
      return
    }
    this.inner.send(data)
    this.maybeDrain()
  }

  private maybeDrain (): void {
    if (!this.waitingDrain || this.outstandingBytes() >= WAN_BUFFERED_BYTES_MAX / 2) { return }
    this.waitingDrain = false
    this.safeDispatchEvent('drain')
  }

  private syncInnerPause (): void {
    if (this.inner.status !== 'open') { return }
    try {
      if (this.pausedByUser || this.pausedByLine) { this.inner.pause() } else { this.inner.resume() }
    } catch (err) {
      this.log('pausing or resuming the inner connection failed - %e', err)
    }
  }

  private readonly onInnerMessage = (evt: StreamMessageEvent): void => {
    const data = evt.data
    const bytes = data.byteLength
    const atMs = this.link.emulator.deliverAtMs(this.link.remote, this.link.local, performance.now(), bytes)
    this.inbound.push(atMs, bytes, () => {
      this.onData(data)
      if (this.pausedByLine && this.inbound.bytes < WAN_BUFFERED_BYTES_MAX / 2) {
        this.pausedByLine = false
        this.syncInnerPause()
      }
    })
    if (!this.pausedByLine && this.inbound.bytes >= WAN_BUFFERED_BYTES_MAX) {
      this.pausedByLine = true
      this.syncInnerPause()
    }
  }

  private readonly onInnerDrain = (): void => {
    this.maybeDrain()
  }

  private readonly onInnerRemoteCloseWrite = (): void => {
    this.behindInbound(() => { this.onRemoteCloseWrite() })
  }

  /** The remote closed or reset the connection: we learn it behind the data it sent first. */
  private readonly onInnerClose = (evt: StreamCloseEvent): void => {
    if (this.innerClosing) { return }
    this.innerClosing = true
    this.behindInbound(() => {
      this.outbound.clear()
      this.onTransportClosed(evt.error)
    })
  }

  private behindInbound (run: () => void): void {
    const atMs = this.link.emulator.deliverAtMs(this.link.remote, this.link.local, performance.now(), 0)
    this.inbound.push(atMs, 0, run)
  }
}

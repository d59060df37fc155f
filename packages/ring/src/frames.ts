/**
 * Inbound ring and store streams: length-prefixed frames (an unsigned varint length, then that
 * many bytes) read as the stream's data arrives. Each complete frame goes to the handler in the
 * turn its bytes came in, as a view of the received bytes. `lpStream(...).read()` takes a
 * promise (and a microtask) per byte of a length prefix and another per frame, and
 * `LengthPrefixedDecoder` reads each prefix byte through `Uint8ArrayList.get`; measured in
 * bench:store's profile, both cost more than this.
 */
import { InvalidMessageError } from '@libp2p/interface'
import { concat } from 'uint8arrays/concat'
import type { Stream, StreamMessageEvent, StreamCloseEvent } from '@libp2p/interface'

export interface ReadFramesInit {
  /** Longest frame accepted; a longer length prefix ends the reading with an error. */
  maxDataLength: number
  /** Called with each frame, in order; a throw ends the reading with that error. */
  onFrame(frame: Uint8Array): void
}

/** A length prefix of more bytes than this cannot be below 2^35: refused. */
const PREFIX_BYTES_MAX = 5

/**
 * Reads frames from `stream` until its remote end stops writing (a last frame cut short is
 * dropped, as at the end of any stream) or the stream closes: then resolves. Rejects with the
 * error when a frame is refused (too long, or `onFrame` throws) or the stream was reset or
 * aborted; the caller decides what to do with the stream (the services reset it).
 */
export async function readFrames (stream: Stream, init: ReadFramesInit): Promise<void> {
  const { promise, resolve, reject } = Promise.withResolvers<void>()
  let done = false
  // The bytes of a frame not complete yet (its prefix included), and how many the frame needs
  // in all once its prefix is known (0 before).
  let held: Uint8Array[] = []
  let heldBytes = 0
  let needed = 0
  const finish = (err?: Error): void => {
    if (done) { return }
    done = true
    held = []
    stream.removeEventListener('message', onMessage)
    stream.removeEventListener('remoteCloseWrite', onRemoteCloseWrite)
    stream.removeEventListener('close', onClose)
    if (err === undefined) { resolve() } else { reject(err) }
  }
  /** Hands over the complete frames in `bytes`; returns where the incomplete rest starts. */
  const frames = (bytes: Uint8Array): number => {
    let at = 0
    while (at < bytes.length) {
      let length = 0
      let i = at
      let complete = false
      for (let shift = 0; i < bytes.length; shift += 7) {
        const b = bytes[i++]
        length += (b & 0x7f) * 2 ** shift
        if (b < 0x80) {
          complete = true
          break
        }
        if (i - at >= PREFIX_BYTES_MAX) { throw new InvalidMessageError('frame length prefix too long') }
      }
      if (!complete) {
        needed = 0
        return at
      }
      if (length > init.maxDataLength) { throw new InvalidMessageError(`frame of ${length} bytes, more than ${init.maxDataLength}`) }
      if (bytes.length - i < length) {
        needed = i - at + length
        return at
      }
      init.onFrame(bytes.subarray(i, i + length))
      if (done) { return bytes.length }
      at = i + length
    }
    return at
  }
  // Chunks that came while a frame was being handled (a handler whose sends reach this stream
  // at once, as an in-memory transport can): taken in order after it.
  let busy = false
  const later: Uint8Array[] = []
  const onMessage = (evt: StreamMessageEvent): void => {
    if (done) { return }
    const bytes = evt.data instanceof Uint8Array ? evt.data : evt.data.subarray()
    if (busy) {
      later.push(bytes)
      return
    }
    busy = true
    try {
      take(bytes)
      for (let next = later.shift(); next !== undefined; next = later.shift()) {
        if (done) { break }
        take(next)
      }
    } finally {
      busy = false
    }
  }
  const take = (chunk: Uint8Array): void => {
    try {
      let bytes = chunk
      if (heldBytes > 0) {
        held.push(bytes)
        heldBytes += bytes.length
        // A long frame comes in many pieces: joined once, when all of it is here.
        if (needed > 0 && heldBytes < needed) { return }
        bytes = concat(held, heldBytes)
        held = []
        heldBytes = 0
      }
      const rest = frames(bytes)
      if (done || rest >= bytes.length) { return }
      // Copied: a view would keep the whole received buffer alive.
      held = [bytes.slice(rest)]
      heldBytes = bytes.length - rest
    } catch (err: any) {
      finish(err instanceof Error ? err : new Error(String(err)))
    }
  }
  // A muxer may say the remote end closed just before it hands over the data that came with
  // the close (js-yamux does for a data frame with FIN): finish after that.
  const onRemoteCloseWrite = (): void => { queueMicrotask(() => { finish() }) }
  const onClose = (evt: StreamCloseEvent): void => { finish(evt.error) }
  stream.addEventListener('message', onMessage)
  stream.addEventListener('remoteCloseWrite', onRemoteCloseWrite)
  stream.addEventListener('close', onClose)
  // Already ended before we listened (the stream hands what it buffered to the new 'message'
  // listener in a microtask; this check runs after it).
  queueMicrotask(() => {
    if ((stream.status !== 'open' && stream.status !== 'closing') || stream.remoteWriteStatus === 'closed') { finish() }
  })
  return promise
}

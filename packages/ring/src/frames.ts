/**
 * Inbound ring and store streams: length-prefixed frames read as the stream's data arrives.
 * Each complete frame goes to the handler in the turn its bytes came in, where `lpStream(...)
 * .read()` takes a promise (and a microtask) per byte of a length prefix and another per frame.
 */
import { LengthPrefixedDecoder } from '@libp2p/utils'
import type { Stream, StreamMessageEvent, StreamCloseEvent } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface ReadFramesInit {
  /** Longest frame accepted; a longer length prefix ends the stream with an error. */
  maxDataLength: number
  /** Most bytes held for a frame not yet complete (default: the longest frame and its prefix). */
  maxBufferSize?: number
  /** Called with each frame, in order; a throw ends the reading with that error. */
  onFrame(frame: Uint8ArrayList): void
}

/**
 * Reads frames from `stream` until its remote end stops writing (a last frame cut short is
 * dropped, as at the end of any stream) or the stream closes: then resolves. Rejects with the
 * error when a frame is refused (too long, or `onFrame` throws) or the stream was reset or
 * aborted; the caller decides what to do with the stream (the services reset it).
 */
export async function readFrames (stream: Stream, init: ReadFramesInit): Promise<void> {
  const decoder = new LengthPrefixedDecoder({ maxDataLength: init.maxDataLength, maxBufferSize: init.maxBufferSize ?? init.maxDataLength + 16 })
  const { promise, resolve, reject } = Promise.withResolvers<void>()
  let done = false
  const finish = (err?: Error): void => {
    if (done) { return }
    done = true
    stream.removeEventListener('message', onMessage)
    stream.removeEventListener('remoteCloseWrite', onRemoteCloseWrite)
    stream.removeEventListener('close', onClose)
    if (err === undefined) { resolve() } else { reject(err) }
  }
  const onMessage = (evt: StreamMessageEvent): void => {
    if (done) { return }
    try {
      for (const frame of decoder.decode(evt.data)) {
        init.onFrame(frame)
        if (done) { return }
      }
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
    if (stream.status !== 'open' && stream.status !== 'closing') { finish() } else if (stream.remoteWriteStatus === 'closed') { finish() }
  })
  return promise
}

/**
 * A process-wide clock that leaves out the time this process itself was stalled.
 *
 * The core times out a hop, a ping or a probe after an RTO measured on the clock the driver gives
 * it. When the event loop is busy (a GC pause, a burst of crypto, or many nodes in one process as
 * in the benchmarks), replies sit unread in socket buffers while those timers fire late, and the
 * core would suspect peers that answered in time. Each false suspicion sends probes, hints and
 * re-routed messages, which load the loop further: without damping, a busy process turns into a
 * message storm. Cassandra's failure detector guards against the same thing by not convicting
 * after a local pause.
 *
 * A shared ticker measures how late it runs; lateness beyond {@link PAUSE_TOLERANCE_MS} per tick
 * is counted as paused and left out of the time given to the cores, so timeouts stretch while
 * the process is overloaded and RTT samples leave out local queueing. The clock never goes back.
 */

/** Ticker period. */
export const PAUSE_TICK_MS = 100
/** Lateness per tick that is ordinary timer jitter, not a pause. */
export const PAUSE_TOLERANCE_MS = 50

let users = 0
let ticker: ReturnType<typeof setInterval> | undefined
let lastTickMs = 0
let pausedMs = 0
let lastReadMs = 0

function tick (): void {
  const now = performance.now()
  const late = now - lastTickMs - PAUSE_TICK_MS
  if (late > PAUSE_TOLERANCE_MS) { pausedMs += late - PAUSE_TOLERANCE_MS }
  lastTickMs = now
}

/** Starts the shared ticker (reference-counted; it never keeps the process alive). */
export function acquirePauseClock (): void {
  users++
  if (ticker !== undefined) { return }
  lastTickMs = performance.now()
  ticker = setInterval(tick, PAUSE_TICK_MS)
  ticker.unref?.()
}

/** Stops the shared ticker once its last user is gone. */
export function releasePauseClock (): void {
  users = Math.max(0, users - 1)
  if (users > 0 || ticker === undefined) { return }
  clearInterval(ticker)
  ticker = undefined
}

/** Milliseconds since the time origin, less the time the process was stalled; never decreases. */
export function pauseAwareNow (): number {
  // A stall is only known at the tick after it, so time read during the stall may be ahead of
  // what the tick then computes: hold the clock there until it catches up.
  const t = performance.now() - pausedMs
  if (t > lastReadMs) { lastReadMs = t }
  return lastReadMs
}

/** Time left out so far (for diagnostics). */
export function pausedTotalMs (): number {
  return pausedMs
}

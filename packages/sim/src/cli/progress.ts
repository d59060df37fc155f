/**
 * A progress display on stderr: a redrawn bar on a terminal, an occasional plain line otherwise
 * (CI logs), nothing when disabled (--json). stdout is left to the results.
 */

const BAR_WIDTH = 30
const PLAIN_INTERVAL_MS = 5000
const TTY_INTERVAL_MS = 100

export class ProgressBar {
  private readonly enabled: boolean
  private readonly tty: boolean
  private lastDrawMs = 0
  private lastLabel = ''
  private drawn = false

  constructor (enabled: boolean, stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = enabled
    this.tty = stream.isTTY === true
    this.stream = stream
  }

  private readonly stream: NodeJS.WriteStream

  /** Reports `done` of `total` for a phase; cheap to call often. */
  update (done: number, total: number, label: string): void {
    if (!this.enabled) { return }
    const now = performance.now()
    const interval = this.tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS
    if (label === this.lastLabel && now - this.lastDrawMs < interval && done < total) { return }
    this.lastDrawMs = now
    this.lastLabel = label
    done = Math.round(done)
    total = Math.round(total)
    const frac = total > 0 ? Math.min(1, done / total) : 0
    const pct = (frac * 100).toFixed(0).padStart(3)
    if (this.tty) {
      const fill = Math.round(frac * BAR_WIDTH)
      this.stream.write(`\r${label.padEnd(12)} [${'#'.repeat(fill)}${'.'.repeat(BAR_WIDTH - fill)}] ${pct}%  ${done}/${total}   `)
      this.drawn = true
    } else {
      this.stream.write(`${label}: ${pct}% (${done}/${total})\n`)
    }
  }

  /** Ends the current bar line. */
  done (): void {
    if (this.enabled && this.tty && this.drawn) { this.stream.write('\n') }
    this.drawn = false
    this.lastLabel = ''
  }

  /** A message line, on its own line even mid-bar. */
  note (text: string): void {
    if (!this.enabled) { return }
    if (this.tty && this.drawn) { this.stream.write('\n') }
    this.drawn = false
    this.stream.write(text + '\n')
  }
}

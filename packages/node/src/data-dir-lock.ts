/**
 * One node per data directory. Two processes on one directory would be one identity twice: the
 * same peer id and ring id in the ring, one store file under two writers; when one of them left,
 * the ring would let the other go too (seen: the survivor stayed alone, its store unavailable).
 * So a node holds `<dataDir>/node.lock` while it runs: created exclusively (`wx`) with its pid,
 * removed when it stops. A lock whose process is gone (a crash, SIGKILL) is taken over; one whose
 * process runs refuses the start with {@link DataDirInUseError}.
 */
import { open, readFile, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { LOCK_FILE } from './constants.ts'
import { DataDirError, DataDirInUseError } from './errors.ts'

export interface DataDirLock {
  readonly file: string
  /** Removes the lock (idempotent); only if it is still ours. */
  release(): Promise<void>
}

interface LockContent { pid: number, host: string, startedAt: string }

/** An unreadable lock this recent may be one another node is writing right now. */
const UNREADABLE_LOCK_GRACE_MS = 10_000

async function youngerThan (file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs < ms
  } catch {
    return false
  }
}

/** Takes `<dataDir>/node.lock` (the directory must exist). */
export async function lockDataDir (dataDir: string): Promise<DataDirLock> {
  const file = join(dataDir, LOCK_FILE)
  const mine: LockContent = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }
  // Twice at most: a stale lock is removed once, then taken like a new one.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(file, 'wx', 0o600)
      try {
        await fh.writeFile(JSON.stringify(mine) + '\n')
        await fh.sync()
      } finally {
        await fh.close()
      }
      return lockOf(file, mine)
    } catch (err: any) {
      if (err?.code !== 'EEXIST') { throw new DataDirError(`cannot create the lock ${file}: ${String(err?.message)}`, { cause: err }) }
    }
    const held = await readLock(file)
    if (held !== undefined && held.host === mine.host && alive(held.pid)) {
      throw new DataDirInUseError(`the data directory ${dataDir} is in use by process ${held.pid} (a node started ${held.startedAt}): two nodes on one directory would be one identity twice. Stop that node first, or give this one its own --data-dir. If no such process runs, remove ${file}`, held.pid)
    }
    if (held !== undefined && held.host !== mine.host) {
      throw new DataDirInUseError(`the data directory ${dataDir} is locked by process ${held.pid} on host ${held.host} (a shared file system?). If no node runs there on it, remove ${file}`, held.pid)
    }
    if (held === undefined && await youngerThan(file, UNREADABLE_LOCK_GRACE_MS)) {
      throw new DataDirInUseError(`the data directory ${dataDir} is being locked by a node that is starting on it (${file} is not written yet)`, undefined)
    }
    // Left by a node that is gone (or unreadable and old: a crash while it was being written).
    await unlink(file).catch((err: any) => { if (err?.code !== 'ENOENT') { throw new DataDirError(`cannot remove the stale lock ${file}: ${String(err?.message)}`, { cause: err }) } })
  }
  throw new DataDirInUseError(`the data directory ${dataDir} was locked again while this node took over a stale lock: another node is starting on it`, undefined)
}

function lockOf (file: string, mine: LockContent): DataDirLock {
  let released = false
  return {
    file,
    async release () {
      if (released) { return }
      released = true
      const held = await readLock(file)
      if (held?.pid === mine.pid && held.startedAt === mine.startedAt) { await unlink(file).catch(() => {}) }
    }
  }
}

async function readLock (file: string): Promise<LockContent | undefined> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8'))
    return Number.isSafeInteger(v?.pid) && v.pid > 0 && typeof v.host === 'string' && typeof v.startedAt === 'string' ? v : undefined
  } catch {
    return undefined
  }
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
function alive (pid: number): boolean {
  if (pid === process.pid) { return true }
  try {
    process.kill(pid, 0)
    return true
  } catch (err: any) {
    return err?.code === 'EPERM'
  }
}

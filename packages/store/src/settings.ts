/**
 * Settings every node of a ring must share: the replication degree r, the consistency
 * ('linearizable', or the benchmark's 'none') and read leases. Nodes that differ in any of them
 * do not make one store: their quorums do not intersect (another r), or one side answers gets
 * from a lease that the other side's writes do not wait for (leases). So they are kept apart
 * rather than warned about:
 *
 * - on the wire, the store's protocol id ends with the settings
 * (`/selfmgmt/store/1.0.0/r4-linearizable-leases`): libp2p negotiates no common protocol between
 * nodes that differ, so no store message ever passes between them (as kad-dht keeps its LAN
 * and public DHTs apart by protocol id). Each node says so on its error log when it learns a
 * peer's protocols (identify) or fails to open a stream to it, and lists such peers in its state;
 * operations whose replicas are there fail (`ERR_QUORUM_UNAVAILABLE`), never mix;
 * - on disk, the store file keeps the r and consistency its records were written with, and a
 * node started with others refuses to start ({@link SettingsMismatchError}).
 */
import { SettingsMismatchError } from './errors.ts'
import type { SqliteBackend, StoreFileSettings } from './db/sqlite-backend.ts'

export interface RingSettings extends StoreFileSettings {
  /** Read leases on (linearizable consistency only). */
  leases: boolean
}

/** The settings as the last part of the protocol id, e.g. `r4-linearizable-leases`. */
export function settingsProfile (s: RingSettings): string {
  return `r${s.r}-${s.consistency}${s.leases && s.consistency === 'linearizable' ? '-leases' : ''}`
}

/** The protocol id of a store with these settings: `<base>/<profile>`. */
export function storeProtocolId (base: string, s: RingSettings): string {
  return `${base}/${settingsProfile(s)}`
}

/** A profile in words, for logs: `r = 4, linearizable, read leases on`. */
export function describeProfile (profile: string): string {
  const m = /^r(\d+)-(linearizable|none)(-leases)?$/.exec(profile)
  if (m === null) { return `unknown settings (${profile})` }
  return `r = ${m[1]}, ${m[2] === 'none' ? 'no consistency (benchmark baseline)' : 'linearizable'}${m[2] === 'linearizable' ? `, read leases ${m[3] === undefined ? 'off' : 'on'}` : ''}`
}

/** How otherStoreProtocol names a ring member that serves no store at all (a node started without it). */
export const NO_STORE = 'none'

/**
 * The store protocol a peer serves, among its protocols, when it is not ours: the first one of
 * our base (with other settings, or the base alone: a version from before the settings were
 * part of the id), or NO_STORE for a member of the ring (`ring`, its protocol) that serves none
 * of the base. Undefined when it serves ours, or is neither.
 */
export function otherStoreProtocol (protocols: readonly string[], base: string, ours: string, ring?: string): string | undefined {
  if (protocols.includes(ours)) { return undefined }
  const theirs = protocols.find(p => p === base || p.startsWith(`${base}/`))
  if (theirs === undefined && ring !== undefined && protocols.includes(ring)) { return NO_STORE }
  return theirs
}

/**
 * Checks that a store file holds replicas of a ring with these settings, and saves them in a
 * file that has none yet (a new one, or one from before they were saved: then every record's
 * slot must fit r).
 *
 * @throws {SettingsMismatchError} when the file was written with another r or consistency
 */
export function checkFileSettings (backend: SqliteBackend, s: StoreFileSettings): void {
  const advice = 'Every node of a ring uses the same replication degree and consistency: start this node with the settings of its file and ring, or move the file away to join with an empty store (the other replicas rebuild this node\'s range)'
  const saved = backend.loadSettings()
  if (saved !== undefined) {
    if (saved.r !== s.r || saved.consistency !== s.consistency) {
      throw new SettingsMismatchError(`${backend.path} holds replicas written with r = ${saved.r} (${saved.consistency}), and this node was started with r = ${s.r} (${s.consistency}). ${advice}`, { saved, wanted: { r: s.r, consistency: s.consistency } })
    }
    return
  }
  const top = backend.maxSlot()
  if (top !== undefined && top >= s.r) {
    throw new SettingsMismatchError(`${backend.path} holds replicas of slot ${top}, so it was written with r > ${top}, and this node was started with r = ${s.r}. ${advice}`, { wanted: { r: s.r, consistency: s.consistency } })
  }
  backend.saveSettings({ r: s.r, consistency: s.consistency })
}

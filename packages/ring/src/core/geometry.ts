/**
 * Routing geometries. A geometry is a list of finger slots, the same for every node, each an
 * offset from the node's id: the slot's ideal entry is the owner of (self + offset), and under
 * proximity any node in [self + offset, self + offset + span) may serve it.
 *
 * - `dks` (Alima et al. 2003): levels l = 1..L with s_l = N / k^l, slots at i·s_l, i = 1..k−1,
 * span s_l; at most log_k N hops.
 * - `tango` (Carton and Mesaros 2004, P2PS): symmetric fingers at ±f_j with f_j = N / 3^(j+1),
 * a balanced-ternary system (f_n = 2·r_(n−1) + 2 scaled to the ring); span = the reach of the
 * finer levels; routed bidirectionally.
 * - `chord` (Stoica et al. 2001): fingers at 2^i, span 2^i; the benchmark baseline.
 *
 * Slots are sorted by clockwise offset, so the slots that matter for a node (those beyond its
 * successor and, for negative fingers, before its predecessor) form one contiguous window.
 */
import { InvalidParametersError } from '@selfmgmt/interface'
import { ID_BITS, RING_SIZE, compareBig } from './id.ts'

export type GeometryName = 'tango' | 'dks' | 'chord'

export const GEOMETRY_NAMES: readonly GeometryName[] = ['tango', 'dks', 'chord']

export interface GeometryConfig {
  name: GeometryName
  /** Arity for dks (a power of two, 2..256); ignored by tango (3) and chord (2). */
  k?: number
}

export interface Slot {
  /** Clockwise offset from the node id, in (0, N). */
  readonly offset: bigint
  /** Width of the interval of nodes that may serve the slot under proximity. */
  readonly span: bigint
  /** 1 = coarsest level. */
  readonly level: number
  /** +1 for clockwise fingers, −1 for tango's counter-clockwise ones. */
  readonly sign: 1 | -1
}

export interface Geometry {
  readonly name: GeometryName
  /** dks: k; tango: 3; chord: 2. */
  readonly k: number
  /** Routes on both sides of the key (tango) or clockwise only (dks, chord). */
  readonly bidirectional: boolean
  /** All slots, sorted by ascending offset. */
  readonly slots: readonly Slot[]
}

export const DKS_K_DEFAULT = 16
export const DKS_K_MAX = 256

const cache = new Map<string, Geometry>()

/** The arity a configuration stands for: dks its k (16 by default), tango 3, chord 2. */
export function arity (config: GeometryConfig): number {
  if (config.name === 'dks') { return config.k ?? DKS_K_DEFAULT }
  return config.name === 'tango' ? 3 : 2
}

/** Returns the (shared, immutable) geometry for a configuration; throws on invalid arity. */
export function getGeometry (config: GeometryConfig): Geometry {
  const k = arity(config)
  const key = `${config.name}/${k}`
  let g = cache.get(key)
  if (g === undefined) {
    g = buildGeometry(config.name, k)
    cache.set(key, g)
  }
  return g
}

function buildGeometry (name: GeometryName, k: number): Geometry {
  let slots: Slot[]
  if (name === 'dks') {
    slots = dksSlots(k)
  } else if (name === 'tango') {
    slots = tangoSlots()
  } else if (name === 'chord') {
    slots = chordSlots()
  } else {
    throw new InvalidParametersError(`unknown geometry "${String(name)}", expected one of ${GEOMETRY_NAMES.join(', ')}`)
  }
  slots.sort((a, b) => compareBig(a.offset, b.offset))
  for (let i = 1; i < slots.length; i++) {
    if (slots[i].offset === slots[i - 1].offset) { throw new Error(`duplicate slot offset in ${name}`) }
  }
  return Object.freeze({ name, k, bidirectional: name === 'tango', slots: Object.freeze(slots) })
}

function dksSlots (k: number): Slot[] {
  const bits = Math.log2(k)
  if (!Number.isInteger(k) || k < 2 || k > DKS_K_MAX || !Number.isInteger(bits) || ID_BITS % bits !== 0) {
    throw new InvalidParametersError(`dks arity k must be a power of two dividing 2^${ID_BITS} (2..${DKS_K_MAX}), got ${k}`)
  }
  const slots: Slot[] = []
  const levels = ID_BITS / bits
  for (let l = 1; l <= levels; l++) {
    const span = 1n << BigInt(ID_BITS - bits * l)
    for (let i = 1; i < k; i++) { slots.push({ offset: BigInt(i) * span, span, level: l, sign: 1 }) }
  }
  return slots
}

function tangoSlots (): Slot[] {
  const fs: bigint[] = []
  for (let f = RING_SIZE / 3n; f >= 1n; f /= 3n) { fs.push(f) }
  const slots: Slot[] = []
  for (let j = 0; j < fs.length; j++) {
    // Reach of the finer levels: the node's own ±r band around each finger (r_n = f_n + r_(n−1)).
    let span = 1n
    for (let m = j + 1; m < fs.length; m++) { span += fs[m] }
    slots.push({ offset: fs[j], span, level: j + 1, sign: 1 })
    slots.push({ offset: RING_SIZE - fs[j], span, level: j + 1, sign: -1 })
  }
  return slots
}

function chordSlots (): Slot[] {
  const slots: Slot[] = []
  for (let i = ID_BITS - 1; i >= 0; i--) {
    const off = 1n << BigInt(i)
    slots.push({ offset: off, span: off, level: ID_BITS - i, sign: 1 })
  }
  return slots
}

/**
 * The window [lo, hi) of slots that matter to a node whose successor is `dSucc` clockwise and
 * whose predecessor is `dPred` counter-clockwise: a clockwise slot at offset ≤ dSucc is always
 * served by the successor, a counter-clockwise slot within dPred by the node itself. Slots down
 * to half those distances are kept as a margin, so the window does not flap as neighbours come
 * and go.
 */
export function slotWindow (g: Geometry, dSucc: bigint, dPred: bigint): { lo: number, hi: number } {
  const slots = g.slots
  const cwLimit = dSucc / 2n
  let lo = 0
  while (lo < slots.length && slots[lo].sign === 1 && slots[lo].offset <= cwLimit) { lo++ }
  let hi = slots.length
  if (g.bidirectional) {
    const ccwLimit = dPred / 2n
    while (hi > lo && slots[hi - 1].sign === -1 && RING_SIZE - slots[hi - 1].offset <= ccwLimit) { hi-- }
  }
  return { lo, hi }
}

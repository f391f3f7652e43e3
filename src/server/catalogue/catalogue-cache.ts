import type { Model } from '../../contract/model'
import { pauseUnlessAborted, runInSteps, StepCounter } from '../work-in-steps'
import { deadlineSignal } from '../upstream/deadline'
import { rejectionOnAbort } from '../upstream/linked-signal'
import { backoffMs } from './backoff'
import { type CatalogueIndex, PREPARATION_STEP, prepareCatalogueIndex } from './catalogue-index'
import { CatalogueSnapshot } from './catalogue-snapshot'
import { latestPreparation, SupersededError } from './latest-preparation'
import { doubtSteps, fingerprintOf, ImplausibleCatalogueError, type PlausibilityRule } from './plausibility'

export interface CatalogueCacheOptions {
  /** Reads the whole catalogue from the upstream; it should stop when `signal` aborts. */
  walk: (signal: AbortSignal) => Promise<Model[]>
  ttlMs: number
  /** No walk, nor any client waiting on one, lasts longer than this. */
  walkTimeoutMs?: number
  /** After the first failed walk, the next one waits this long; after each further one, twice as long (jittered). */
  retryAfterFailureMs?: number
  /** The longest wait between failed walks. */
  maxBackoffMs?: number
  /** At most one forced refresh (`refresh=1`) starts in this window. */
  forcedRefreshIntervalMs?: number
  plausibility?: PlausibilityRule
  now?: () => number
  random?: () => number
  /** Told once about each failed (or doubted) walk, with the error as thrown. */
  onWalkFailed?: (error: unknown) => void
  /** Told once about each catalogue installed as true, with its models and the snapshot's time; it must not throw. */
  onWalked?: (models: readonly Model[], at: number, options: { confirmed: boolean }) => void
  /** The byte budget of each snapshot's derived caches (views, serialized pages): CACHE_BUDGET_MB. */
  cacheBytes?: number
  /** Aborted when the server stops: the walk in progress ends at once, and no other starts. */
  stopping?: AbortSignal
}

export interface CatalogueState {
  snapshot: CatalogueSnapshot
  /** The snapshot is older than the TTL, or the latest walk failed or was doubted. */
  stale: boolean
  /** Why the latest refresh failed, while an older snapshot is served instead. */
  refreshError: unknown
}

export interface CatalogueStatus {
  snapshot: CatalogueSnapshot | null
  stale: boolean
  refreshError: unknown
  walks: number
  /** How long the walk in progress has run, or null when none is. */
  walkingForMs: number | null
}

const DEFAULT_PLAUSIBILITY: PlausibilityRule = { maxLossShare: 0.5, agreeingWalks: 2 }

/**
 * Keeps one snapshot of the catalogue and decides when to walk the upstream:
 * single-flight (one walk at a time, everyone waits on it, never past the
 * walk deadline), stale-while-revalidate (after the TTL the old snapshot is
 * served while one walk replaces it), stale-if-error (a failed walk keeps the
 * old snapshot, saying why, and the next waits out an exponential back-off,
 * with or without a snapshot), and plausibility: a walk that is empty or
 * loses too much of the catalogue is believed only when `agreeingWalks` walks
 * in a row agree on it, or an operator accepts it. A walk's catalogue is
 * indexed in steps before it is installed (the old one answering meanwhile),
 * within the walk's deadline, one preparation at a time, the newest winning.
 */
export function createCatalogueCache(options: CatalogueCacheOptions) {
  const now = options.now ?? Date.now
  const walkTimeoutMs = options.walkTimeoutMs ?? 30_000
  const baseBackoffMs = options.retryAfterFailureMs ?? 5_000
  const forcedRefreshIntervalMs = options.forcedRefreshIntervalMs ?? 5_000
  const rule = options.plausibility ?? DEFAULT_PLAUSIBILITY
  let snapshot: CatalogueSnapshot | null = null
  // False while the snapshot is a doubted first walk (no earlier one to keep): served, never called fresh.
  let trusted = false
  let inFlight: Promise<CatalogueSnapshot> | null = null
  let walkStartedAt: number | null = null
  let failures = 0
  let lastFailure: { at: number; error: unknown; nextWalkAt: number } | null = null
  // The latest doubted walk (its index kept, so an accept installs it at once), and how many walks in a row gave it.
  let doubted: { models: Model[]; index: CatalogueIndex; fingerprint: string; agreeing: number } | null = null
  let acceptRequested = false
  let lastForcedAt = -Infinity
  let walks = 0
  const prepareThenCommit = latestPreparation()

  /** `confirmed`: believed despite a doubt, by agreeing walks or an operator, so what it lacks is gone for sure. */
  function install(models: Model[], index: CatalogueIndex, asTrue: boolean, confirmed = false): CatalogueSnapshot {
    snapshot = new CatalogueSnapshot(models, now(), options.cacheBytes, index)
    trusted = asTrue
    if (asTrue) {
      failures = 0
      lastFailure = null
      doubted = null
      options.onWalked?.(models, snapshot.fetchedAt, { confirmed })
    }
    return snapshot
  }

  function fail(error: unknown) {
    failures += 1
    const at = now()
    lastFailure = { at, error, nextWalkAt: at + backoffMs(failures, { ...backoffShape(), random: options.random }) }
    options.onWalkFailed?.(error)
  }

  function backoffShape() {
    return { baseMs: baseBackoffMs, maxMs: Math.max(baseBackoffMs, options.maxBackoffMs ?? 300_000) }
  }

  /**
   * Indexes a walk's models in steps, then installs them, unless they look
   * wrong: then the error says why, and the old snapshot stays.
   */
  function believe(models: Model[], signal: AbortSignal): Promise<CatalogueSnapshot> {
    return prepareThenCommit(
      signal,
      async (own) => {
        const index = await prepareCatalogueIndex(models, own, snapshot ?? undefined)
        // Read after the preparation: any install meanwhile would have aborted this one.
        const previous = trusted && snapshot ? snapshot.models : null
        const listed = (id: string) => index.byId.has(id)
        const work = new StepCounter(undefined, PREPARATION_STEP)
        const doubt = await runInSteps(doubtSteps(previous, models.length, listed, rule, work), pauseUnlessAborted(own))
        return { index, doubt }
      },
      ({ index, doubt }) => commitWalk(models, index, doubt),
    )
  }

  function commitWalk(models: Model[], index: CatalogueIndex, doubt: string | null): CatalogueSnapshot {
    if (!doubt || acceptRequested) {
      const accepted = acceptRequested
      acceptRequested = false
      return install(models, index, true, accepted && doubt !== null)
    }
    const fingerprint = fingerprintOf(models)
    doubted =
      doubted?.fingerprint === fingerprint
        ? { models, index, fingerprint, agreeing: doubted.agreeing + 1 }
        : { models, index, fingerprint, agreeing: 1 }
    if (doubted.agreeing >= rule.agreeingWalks) return install(models, index, true, true)
    const error = new ImplausibleCatalogueError(
      `Not believed yet: ${doubt}. The last good catalogue stays until ${rule.agreeingWalks} walks in a row agree, or an operator accepts it with refresh=1&accept=1`,
    )
    fail(error)
    // With nothing better to show, the doubted catalogue is shown, marked stale and not recorded in the history.
    if (!snapshot || !trusted) return install(models, index, false)
    throw error
  }

  /** An operator's accept of the doubted catalogue: prepared already, it is installed as soon as it wins its turn. */
  async function acceptDoubted({ models, index }: { models: Model[]; index: CatalogueIndex }) {
    const deadline = deadlineSignal(walkTimeoutMs, 'the install of the accepted model list', [options.stopping])
    try {
      return await prepareThenCommit(
        deadline.signal,
        async () => index,
        () => install(models, index, true, true),
      )
    } finally {
      deadline.clear()
    }
  }

  function startWalk(): Promise<CatalogueSnapshot> {
    inFlight ??= (async () => {
      walks += 1
      walkStartedAt = now()
      // The deadline covers the walk and its preparation: until then, the new catalogue cannot answer.
      const deadline = deadlineSignal(walkTimeoutMs, 'the walk of the model list', [options.stopping])
      const { signal } = deadline
      const aborted = rejectionOnAbort(signal)
      try {
        // The race holds even for a walk that ignores its signal: no client waits past the deadline, or the stop.
        const models = await Promise.race([options.walk(signal), aborted.rejected])
        return await believe(models, signal)
      } catch (error) {
        // An operator's accept came during the preparation and won: its catalogue answers the walk's clients.
        if (error instanceof SupersededError && snapshot) return snapshot
        if (!(error instanceof ImplausibleCatalogueError)) fail(error)
        throw error
      } finally {
        deadline.clear()
        aborted.release()
        inFlight = null
        walkStartedAt = null
        acceptRequested = false
      }
    })()
    return inFlight
  }

  function state(current: CatalogueSnapshot): CatalogueState {
    return {
      snapshot: current,
      stale: !trusted || lastFailure !== null || now() - current.fetchedAt >= options.ttlMs,
      refreshError: lastFailure?.error ?? null,
    }
  }

  /** Waits for a walk; when it fails but an older snapshot exists, that one is served. */
  async function walkOrKeep(): Promise<CatalogueState> {
    try {
      return state(await startWalk())
    } catch (error) {
      if (snapshot) return state(snapshot)
      throw error
    }
  }

  const backingOff = () => lastFailure !== null && now() < lastFailure.nextWalkAt

  return {
    /**
     * The snapshot to answer from, walking first when there is none. With no
     * snapshot and a recent failure, the failure is given again until the
     * back-off ends, so a refused key costs one walk per step, not one per
     * visitor. `accept` (an operator's `refresh=1&accept=1`) installs the
     * doubted catalogue, or the next walk's, even if it looks wrong.
     */
    async get({
      forceRefresh = false,
      accept = false,
    }: { forceRefresh?: boolean; accept?: boolean } = {}): Promise<CatalogueState> {
      if (forceRefresh) {
        if (accept && doubted) return state(await acceptDoubted(doubted))
        // A person pressing Refresh means it, back-off or not; the interval bounds how often anyone can.
        if (inFlight || now() - lastForcedAt >= forcedRefreshIntervalMs) {
          // Only for the walk this ask waits on: an accept must not linger until some later walk.
          if (accept) acceptRequested = true
          if (!inFlight) lastForcedAt = now()
          return walkOrKeep()
        }
      }
      if (!snapshot) {
        if (!inFlight && lastFailure && backingOff()) throw lastFailure.error
        return state(await startWalk())
      }
      const current = state(snapshot)
      const due = now() - snapshot.fetchedAt >= options.ttlMs || !trusted || lastFailure !== null
      if (due && !inFlight && !backingOff()) {
        // Stale-while-revalidate: this request gets the old snapshot; the failure, if any, is kept in lastFailure.
        startWalk().catch(() => {})
      }
      return current
    },

    /** The state for health checks, without starting a walk. */
    peek(): CatalogueStatus {
      const walkingForMs = walkStartedAt === null ? null : now() - walkStartedAt
      // Not a spread of state(): the list's fast path asks on every request, and the spread cost it a microsecond.
      return snapshot
        ? Object.assign(state(snapshot), { walks, walkingForMs })
        : { snapshot: null, stale: true, walks, refreshError: lastFailure?.error ?? null, walkingForMs }
    },
  }
}
export type CatalogueCache = ReturnType<typeof createCatalogueCache>

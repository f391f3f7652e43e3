import { linkedSignal } from '../upstream/linked-signal'

/** A preparation that a newer one made pointless: it never installs, and its caller is served the newer one. */
export class SupersededError extends Error {
  override readonly name = 'SupersededError'
}

/**
 * One preparation at a time, the newest wins: starting one aborts the one
 * running, whose `commit` then never runs, so an older catalogue finishing
 * its preparation late can never replace a newer one. `commit` runs in the
 * same turn as the check, so nothing can start between the two.
 */
export function latestPreparation() {
  let current: AbortController | null = null
  return async function prepareThenCommit<P, T>(
    outer: AbortSignal | undefined,
    prepare: (signal: AbortSignal) => Promise<P>,
    commit: (prepared: P) => T,
  ): Promise<T> {
    current?.abort(new SupersededError('A newer catalogue is being prepared instead of this one'))
    const own = new AbortController()
    current = own
    const { signal, unlink } = linkedSignal([own.signal, outer])
    try {
      const prepared = await prepare(signal)
      signal.throwIfAborted()
      return commit(prepared)
    } finally {
      unlink()
      if (current === own) current = null
    }
  }
}

/** A signal linked to others, and how to let go of them. */
export interface LinkedSignal {
  signal: AbortSignal
  /** Removes what the link added to its sources; call it once the work the signal guards is over. */
  unlink: () => void
}

/**
 * A signal that aborts, with the same reason, as soon as any of `sources`
 * does. Not AbortSignal.any: on Node 20 the signal that one makes stays
 * reachable from every source for as long as the source lives, together with
 * the listeners added to it. Made per walk and per request from the server's
 * `stopping`, which lives as long as the process, it kept every walk (a few KB
 * a model) reachable through their listeners: 20 MB more heap per walk of 20k
 * models, until the process ran out of memory.
 */
export function linkedSignal(sources: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController()
  const linked = sources.filter((source): source is AbortSignal => source !== undefined)
  const abort = (event: Event) => {
    unlink()
    controller.abort((event.target as AbortSignal).reason)
  }
  function unlink() {
    for (const source of linked) source.removeEventListener('abort', abort)
  }
  const already = linked.find((source) => source.aborted)
  if (already) controller.abort(already.reason)
  else for (const source of linked) source.addEventListener('abort', abort, { once: true })
  return { signal: controller.signal, unlink }
}

/** A promise that rejects with the signal's reason once it aborts, and `release` to stop listening. */
export function rejectionOnAbort(signal: AbortSignal): { rejected: Promise<never>; release: () => void } {
  let release = () => {}
  const rejected = new Promise<never>((_, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    release = () => signal.removeEventListener('abort', onAbort)
  })
  // Whoever races it handles the rejection; one nobody raced any more must not be reported as unhandled.
  rejected.catch(() => {})
  return { rejected, release }
}

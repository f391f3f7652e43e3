/** The upstream answered, but not with what its contract promises. */
export class UpstreamFormatError extends Error {
  override readonly name = 'UpstreamFormatError'
}

/** One upstream attempt, or a whole walk, ran past its wall-clock limit; the socket was closed. */
export class UpstreamDeadlineError extends Error {
  override readonly name = 'UpstreamDeadlineError'
}

/** The upstream answered with a redirect; it is never followed, since another origin's catalogue is not ours. */
export class UpstreamRedirectError extends Error {
  override readonly name = 'UpstreamRedirectError'
}

/** An answer, a walk or one model was larger than the configured ceiling (counted after decompression). */
export class UpstreamTooLargeError extends Error {
  override readonly name = 'UpstreamTooLargeError'
}

/**
 * The server holds back from the upstream for a while: the upstream asked for a
 * longer wait than the server will sleep, the circuit breaker is open, or the
 * retrieve budget is spent. `retryAfterSeconds` goes on to clients as Retry-After.
 */
export class UpstreamBackoffError extends Error {
  override readonly name = 'UpstreamBackoffError'
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message)
  }
}

/**
 * A model lookup failed for another reason than "no such model" (a 5xx, a 429,
 * a timeout, the breaker open). The failure is kept for a few seconds and
 * repeated to whoever asks for the same id, so an outage costs no more
 * upstream calls than one per id per window. `failure` is what really happened;
 * `repeatedAfterMs` is null for the lookup that met it, and its age otherwise.
 */
export class LookupFailedError extends Error {
  override readonly name = 'LookupFailedError'
  constructor(
    readonly failure: unknown,
    /** When the server will ask the upstream again for this id, from now. */
    readonly retryAfterMs: number,
    readonly repeatedAfterMs: number | null,
  ) {
    super(failure instanceof Error ? failure.message : 'The model lookup failed.')
  }
}

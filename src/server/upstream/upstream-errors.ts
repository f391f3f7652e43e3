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

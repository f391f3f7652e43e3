import { UpstreamBackoffError } from './upstream-errors'

export interface CircuitBreakerOptions {
  /** Consecutive failures (429, 5xx, timeouts, broken connections) that open the circuit. */
  failureThreshold: number
  /** How long an opened circuit stays open when the upstream gave no Retry-After. */
  cooldownMs: number
  /** The longest it stays open, whatever Retry-After says, so a recovered upstream is noticed. */
  maxOpenMs: number
  now: () => number
}

/**
 * Stops asking an upstream that keeps failing. After `failureThreshold`
 * failures in a row, calls fail at once for the cooldown (or the upstream's
 * Retry-After); then one call at a time probes, and a success closes it.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions) {
  let failures = 0
  let openUntil = -Infinity
  let probing = false

  function open(forMs: number) {
    openUntil = Math.max(openUntil, options.now() + Math.min(forMs, options.maxOpenMs))
  }

  return {
    /** Throws while the circuit is open, or while another call probes it; else lets one call through. */
    enter(): { probe: boolean } {
      const waitMs = openUntil - options.now()
      if (waitMs > 0 || (probing && failures >= options.failureThreshold)) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000))
        throw new UpstreamBackoffError(
          `the Anthropic API failed ${failures} times in a row, so the server waits before asking it again`,
          seconds,
        )
      }
      const probe = failures >= options.failureThreshold
      if (probe) probing = true
      return { probe }
    },

    /** After a call that got a good (or a plainly client-side, like 404) answer. */
    succeeded(probe: boolean) {
      failures = 0
      if (probe) probing = false
    },

    /** After a failure the upstream is to blame for; `retryAfterMs` is what it asked for, if anything. */
    failed(probe: boolean, retryAfterMs: number | null) {
      failures += 1
      if (probe) probing = false
      if (failures >= options.failureThreshold) open(Math.max(options.cooldownMs, retryAfterMs ?? 0))
    },

    /** Seconds until calls go through again; 0 when they do. */
    retryAfterSeconds(): number {
      return Math.max(0, Math.ceil((openUntil - options.now()) / 1000))
    },
  }
}
export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>

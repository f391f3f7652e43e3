import { deadlineSignal } from './deadline'
import { rejectionOnAbort } from './linked-signal'
import { UpstreamRedirectError, UpstreamTooLargeError } from './upstream-errors'

export interface BoundedFetchOptions {
  /** Wall-clock limit of one attempt, from the request until the last byte of the body. */
  attemptTimeoutMs: number
  /** Ceiling on one answer's decoded bytes (after any decompression). */
  maxBodyBytes: number
  /** Aborted when the server stops: a request in progress, its body included, ends at once. */
  stopping?: AbortSignal
}

// Headers that describe the wire form; the body handed on is the decoded one, so they would be wrong.
const WIRE_HEADERS = ['content-encoding', 'content-length', 'transfer-encoding']

/**
 * A `fetch` for the SDK that trusts the upstream with nothing unbounded. The
 * SDK's own timeout stops at the headers; here the deadline covers the body,
 * which is read as a stream with a byte counter and handed on whole, so a body
 * that drips or never ends, or a gzip bomb, is cut off while it streams. A
 * redirect is refused, never followed: the key's catalogue lives at one origin.
 */
export function boundedFetch(inner: typeof globalThis.fetch, options: BoundedFetchOptions): typeof globalThis.fetch {
  return async (input, init) => {
    const deadline = deadlineSignal(options.attemptTimeoutMs, 'a request to the Anthropic API', [
      init?.signal ?? undefined,
      options.stopping,
    ])
    const { signal } = deadline
    try {
      const response = await inner(input, { ...init, signal, redirect: 'manual' })
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel().catch(() => {})
        throw new UpstreamRedirectError(`the Anthropic API answered with a redirect (HTTP ${response.status})`)
      }
      const body = await readCapped(response.body, options.maxBodyBytes, signal)
      const headers = new Headers(response.headers)
      for (const name of WIRE_HEADERS) headers.delete(name)
      return new Response(body, { status: response.status, statusText: response.statusText, headers })
    } catch (error) {
      // The SDK would report any abort as its own timeout or a user abort; the reason says which limit it was.
      if (deadline.signal.aborted) throw deadline.signal.reason
      if (init?.signal?.aborted && init.signal.reason instanceof Error) throw init.signal.reason
      throw error
    } finally {
      deadline.clear()
    }
  }
}

/** The whole body, or an error as soon as it passes `maxBytes` or the signal aborts (the stream is cancelled). */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0)
  const reader = body.getReader()
  // Not every stream ends when the fetch's signal aborts (a handler's own stream does not), so each read races it.
  const aborted = rejectionOnAbort(signal)
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted.rejected])
      if (done) break
      total += value.byteLength
      if (total > maxBytes)
        throw new UpstreamTooLargeError(`an answer was larger than ${maxBytes} bytes (UPSTREAM_MAX_PAGE_BYTES)`)
      chunks.push(value)
    }
  } catch (error) {
    reader.cancel().catch(() => {})
    throw error
  } finally {
    aborted.release()
  }
  const whole = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    whole.set(chunk, offset)
    offset += chunk.byteLength
  }
  return whole
}

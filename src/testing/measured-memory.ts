import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// A test asks V8 for a full collection before each reading, so what it measures is what is still held,
// not garbage that happens not to be collected yet; the flag is set at run time, not for the whole runner.
setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

/** Bytes held on the JS heap and in array buffers (bodies, typed arrays) after a full collection. */
export function retainedBytes(): number {
  collect()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

/**
 * Wraps a transport so that `counter.bytes` counts the bytes the reader of
 * each answer actually pulled from its body (decoded, as fetch hands them on):
 * what the server buffered at most, however large the upstream claims the body to be.
 */
export function countingBodyBytes(counter: { bytes: number }) {
  return (inner: typeof globalThis.fetch): typeof globalThis.fetch =>
    async (input, init) => {
      const response = await inner(input, init)
      if (!response.body) return response
      const counted = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            counter.bytes += chunk.byteLength
            controller.enqueue(chunk)
          },
        }),
      )
      return new Response(counted, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    }
}

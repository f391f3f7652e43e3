import autocannon from 'autocannon'

export interface LoadResult {
  /** 2xx responses per second over the run. */
  requestsPerSecond: number
  responses: number
  /** Connection errors, timeouts and non-2xx answers together. */
  failures: number
  latencyP99Ms: number
}

/** autocannon against one URL: `connections` keep-alive connections for `seconds`. */
export async function runLoad(url: string, { connections, seconds }: { connections: number; seconds: number }) {
  const result = await autocannon({ url, connections, duration: seconds })
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    responses: result['2xx'],
    failures: result.errors + result.non2xx,
    latencyP99Ms: result.latency.p99,
  } satisfies LoadResult
}

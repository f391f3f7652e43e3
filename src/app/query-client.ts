import { QueryClient } from '@tanstack/react-query'
import { ServerUnreachableError } from '../lib/api-request'

/**
 * The server already retries the upstream (with backoff, honouring
 * Retry-After), so the browser retries only when the server itself did not
 * answer, e.g. while it restarts. The server's render of a page retries nothing.
 */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The server's catalogue is fresh for a minute (its default TTL); Refresh asks for a new one.
        staleTime: 60_000,
        retry: (failureCount, error) => retry && error instanceof ServerUnreachableError && failureCount < 2,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
      },
    },
  })
}

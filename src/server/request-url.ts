// Only the query string is read, so any origin will do for a URL given from its path on.
const ANY_ORIGIN = 'http://localhost'

/** The search parameters of a request URL, absolute (as Hono gives it) or from its path on (as Node does). */
export function searchParamsOf(url: string): URLSearchParams {
  return new URL(url, ANY_ORIGIN).searchParams
}

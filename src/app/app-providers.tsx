import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ServerSearchContext } from '../hooks/use-query-states'

/** Server state (React Query) and URL state (useQueryStates): everything the dashboard reads from. */
export function AppProviders({
  queryClient,
  serverSearch,
  children,
}: {
  queryClient: QueryClient
  /** On the server, which has no `location`: the page URL's query string. */
  serverSearch?: string
  children: ReactNode
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ServerSearchContext value={serverSearch}>{children}</ServerSearchContext>
    </QueryClientProvider>
  )
}

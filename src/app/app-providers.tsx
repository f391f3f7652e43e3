import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { NuqsAdapter } from 'nuqs/adapters/react'
import type { ReactNode } from 'react'

/** Server state (React Query) and URL state (nuqs): everything the dashboard reads from. */
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
      <NuqsAdapter serverSearch={serverSearch}>{children}</NuqsAdapter>
    </QueryClientProvider>
  )
}

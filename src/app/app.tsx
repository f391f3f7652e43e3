import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Announcer } from '../components/ui/announcer'
import { ModelsDashboard } from '../features/models/components/models-dashboard'
import { AppProviders } from './app-providers'
import { createQueryClient } from './query-client'

/** The page: one dashboard, its providers, and the live region for small confirmations. */
export function App({
  queryClient,
  serverSearch,
  onHydrated,
}: {
  queryClient?: QueryClient
  serverSearch?: string
  /** Once the page is on screen (taken over from the server's HTML, or rendered). */
  onHydrated?: () => void
}) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  useEffect(() => onHydrated?.(), [onHydrated])
  return (
    <AppProviders queryClient={client} serverSearch={serverSearch}>
      <main>
        <ModelsDashboard />
      </main>
      <Announcer />
    </AppProviders>
  )
}

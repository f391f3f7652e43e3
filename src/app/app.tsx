import type { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Announcer } from '../components/ui/announcer'
import { ModelsDashboard } from '../features/models/components/models-dashboard'
import { AppProviders } from './app-providers'
import { createQueryClient } from './query-client'

/** The page: one dashboard, its providers, and the live region for small confirmations. */
export function App({ queryClient, serverSearch }: { queryClient?: QueryClient; serverSearch?: string }) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <AppProviders queryClient={client} serverSearch={serverSearch}>
      <main>
        <ModelsDashboard />
      </main>
      <Announcer />
    </AppProviders>
  )
}

import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Announcer } from '../components/ui/announcer'
import { ModelsDashboard } from '../features/models/components/models-dashboard'
import { AppProviders } from './app-providers'
import { createTakeOver, TakeOverContext } from '../lib/take-over'
import { createQueryClient } from './query-client'

/** The page: one dashboard, its providers, and the live region for small confirmations. */
export function App({
  queryClient,
  serverSearch,
  onHydrated,
}: {
  queryClient?: QueryClient
  serverSearch?: string
  /** Once the page is on screen (taken over from the server's HTML, or rendered), with every part drawn with it. */
  onHydrated?: () => void
}) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  const [takeOver] = useState(() => createTakeOver(() => onHydrated?.()))
  // The dashboard's effects ran before this one: its parts' boundaries have said whether to wait for them.
  useEffect(() => takeOver.shellTakenOver(), [takeOver])
  return (
    <AppProviders queryClient={client} serverSearch={serverSearch}>
      <TakeOverContext value={takeOver}>
        <main>
          <ModelsDashboard />
        </main>
      </TakeOverContext>
      <Announcer />
    </AppProviders>
  )
}

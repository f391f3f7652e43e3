import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { modelPageSchema } from '../contract/model'

function FirstPage() {
  const { data, error } = useQuery({
    queryKey: ['models', 'first-page'],
    queryFn: async () => modelPageSchema.parse(await (await fetch('/api/models')).json()),
  })
  if (error) return <p role="alert">Could not load the models.</p>
  if (!data) return <p role="status">Loading models…</p>
  return (
    <table>
      <tbody>
        {data.data.map((model) => (
          <tr key={model.id}>
            <td>{model.id}</td>
            <td>{model.display_name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function App() {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <QueryClientProvider client={queryClient}>
      <h1>Model catalogue</h1>
      <FirstPage />
    </QueryClientProvider>
  )
}

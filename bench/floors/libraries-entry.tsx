// The bundle-weight floor: the dashboard's libraries alone, used as the dashboard uses them (the same
// imports, so tree-shaking keeps the same parts), with no app code, styles or schema library.
import {
  hashKey,
  infiniteQueryOptions,
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable } from '@tanstack/react-table'
import { lazy, StrictMode, Suspense, useId, useState } from 'react'
import { createRoot } from 'react-dom/client'

const features = tableFeatures({ rowSortingFeature })
const column = createColumnHelper<typeof features, { id: string }>()
const columns = column.columns([column.accessor('id', { header: 'Id' })])
const Lazy = lazy(() => Promise.resolve({ default: () => null }))

function Page() {
  // The URL state is the app's own code (src/lib/url-params.ts): no library here.
  const params = { q: new URLSearchParams(window.location.search).get('q') ?? '' }
  const client = useQueryClient()
  const health = useQuery(queryOptions({ queryKey: ['health'], queryFn: () => fetch('/h').then((r) => r.json()) }))
  const pages = useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ['list', params],
      queryFn: () => fetch('/l').then((r) => r.json() as Promise<{ data: { id: string }[]; next?: string }>),
      initialPageParam: '',
      getNextPageParam: (page) => page.next,
      placeholderData: keepPreviousData,
    }),
  )
  const [sorting] = useState([])
  const table = useTable({
    features,
    columns,
    data: pages.data?.pages.flatMap((page) => page.data) ?? [],
    state: { sorting },
    manualSorting: true,
  })
  return (
    <table
      id={useId()}
      onClick={() => void client.invalidateQueries({ queryKey: ['list'] })}
      title={hashKey(['list', params]) + String(health.data)}
    >
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <Suspense fallback={null}>
        <Lazy />
      </Suspense>
    </table>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <Page />
    </QueryClientProvider>
  </StrictMode>,
)

import { FOCUS_RING } from '../../../components/ui/button'
import { DownloadIcon } from '../../../components/ui/icons'
import { type ExportFormat, exportUrl } from '../api/export-models'
import type { ModelsView } from '../../../lib/query-keys'

const LINK = `inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm font-medium whitespace-nowrap text-zinc-800 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 ${FOCUS_RING}`

const FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'json', label: 'Export JSON' },
]

/** Downloads of the whole view (every page) as plain links: the server builds and names the file. */
export function ExportLinks({ view }: { view: ModelsView }) {
  return (
    <div role="group" aria-label="Export this view" className="flex gap-1">
      {FORMATS.map(({ format, label }) => (
        <a key={format} href={exportUrl(view, format)} download className={LINK}>
          <DownloadIcon />
          {label}
        </a>
      ))}
    </div>
  )
}

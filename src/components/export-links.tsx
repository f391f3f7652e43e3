import { Button, FOCUS_RING } from './ui/button'
import { DownloadIcon } from './ui/icons'

export type ExportFormat = 'csv' | 'json'

const LINK = `inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm font-medium whitespace-nowrap text-zinc-800 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 ${FOCUS_RING}`

const FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'json', label: 'Export JSON' },
]

export interface ExportLinksProps {
  /** The download address of the whole view in a format; the server builds and names the file. */
  urlOf: (format: ExportFormat) => string
  /** The view's data failed to load: an export would download an error, so the links are off. */
  disabled?: boolean
}

/** Downloads of the whole view (every page) as plain links, or disabled buttons while its data is missing. */
export function ExportLinks({ urlOf, disabled = false }: ExportLinksProps) {
  return (
    <div role="group" aria-label="Export this view" className="flex gap-1">
      {FORMATS.map(({ format, label }) =>
        disabled ? (
          <Button key={format} disabled title="Nothing to export until the view loads">
            <DownloadIcon />
            {label}
          </Button>
        ) : (
          <a key={format} href={urlOf(format)} download className={LINK}>
            <DownloadIcon />
            {label}
          </a>
        ),
      )}
    </div>
  )
}

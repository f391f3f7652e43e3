import { isReleaseDateUnknown } from '../contract/model-values'
import { formatDateTimeUtc, formatRelative, formatDate } from '../lib/format-time'

/** A release date: the calendar date in UTC, the exact instant on hover, and how long ago. */
export function ReleaseDate({ iso, now, showRelative = true }: { iso: string; now: number; showRelative?: boolean }) {
  // The upstream's own convention: the Unix epoch means the date is not known.
  if (isReleaseDateUnknown(iso)) {
    return <span className="text-zinc-500 dark:text-zinc-400">Unknown</span>
  }
  return (
    <span className="inline-flex min-w-0 items-baseline gap-2">
      <time dateTime={iso} title={formatDateTimeUtc(iso)} className="tabular-nums">
        {formatDate(iso)}
      </time>
      {showRelative && (
        <span className="hidden truncate text-xs text-zinc-500 md:inline dark:text-zinc-400">
          {formatRelative(iso, now)}
        </span>
      )}
    </span>
  )
}

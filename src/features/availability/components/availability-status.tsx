import { type ReactNode, useId } from 'react'
import { FOCUS_RING } from '../../../components/ui/button'
import { AbsentIcon, ArchiveIcon, CheckIcon, ClockIcon, UnknownIcon } from '../../../components/ui/icons'
import type { AvailabilityStatus, AvailabilityWorkspace } from '../../../contract/availability'

const STATUS_TEXT: Record<AvailabilityStatus, string> = {
  available: 'Available',
  deprecated: 'Deprecated',
  retired: 'Retired',
  absent: 'Absent',
}
// Each state has its own icon and word, so none is told apart by colour alone.
const STATUS_ICON: Record<AvailabilityStatus, (props: { className?: string }) => ReactNode> = {
  available: CheckIcon,
  deprecated: ClockIcon,
  retired: ArchiveIcon,
  absent: AbsentIcon,
}
const STATUS_TONE: Record<AvailabilityStatus, string> = {
  available: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100',
  deprecated: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100',
  retired: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  absent: 'text-zinc-600 dark:text-zinc-400',
}

/** How a model stands in one workspace (the table's cell and the card's line); undefined when its catalogue is unknown. */
export function AvailabilityStatusBadge({
  status,
  workspace,
}: {
  status: AvailabilityStatus | undefined
  workspace: AvailabilityWorkspace
}) {
  if (!status) return <UnknownStatus workspace={workspace} />
  const Icon = STATUS_ICON[status]
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-px text-xs font-medium ${STATUS_TONE[status]}`}>
      <Icon className="size-3.5" />
      {STATUS_TEXT[status]}
    </span>
  )
}

/**
 * A workspace whose catalogue could not be read: "Unknown", and why, on hover or keyboard focus. The reason
 * is the cell's accessible description, so a screen reader says it too; `title` alone reaches neither.
 */
function UnknownStatus({ workspace }: { workspace: AvailabilityWorkspace }) {
  const reasonId = useId()
  const reason = workspace.error?.message ?? "This workspace's catalogue could not be read."
  return (
    <span
      tabIndex={0}
      aria-describedby={reasonId}
      className={`group relative inline-flex items-center gap-1 rounded border border-dashed border-zinc-400 px-1.5 py-px text-xs font-medium text-zinc-700 italic dark:border-zinc-500 dark:text-zinc-300 ${FOCUS_RING}`}
    >
      <UnknownIcon className="size-3.5" />
      Unknown
      <span
        id={reasonId}
        role="tooltip"
        className="absolute top-full right-0 z-10 mt-1 hidden w-64 max-w-[calc(100vw-2rem)] rounded-md border border-zinc-200 bg-white p-2 text-xs font-normal whitespace-normal text-zinc-800 not-italic shadow-lg group-hover:block group-focus:block dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {`Workspace ${workspace.name}: ${reason}`}
      </span>
    </span>
  )
}

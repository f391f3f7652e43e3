import type { ReactNode } from 'react'

type Tone = 'info' | 'warning' | 'error'

const TONES: Record<Tone, string> = {
  info: 'border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100',
}

export interface CalloutProps {
  tone: Tone
  /** `alert` for errors that need attention now, `status` for everything else. */
  role: 'alert' | 'status'
  title: ReactNode
  children?: ReactNode
  actions?: ReactNode
}

/** A boxed message above or instead of the table. */
export function Callout({ tone, role, title, children, actions }: CalloutProps) {
  return (
    <div
      role={role}
      className={`flex flex-wrap items-start gap-x-4 gap-y-2 rounded-lg border px-3 py-2.5 text-sm ${TONES[tone]}`}
    >
      <div className="min-w-0 flex-1 basis-64 space-y-0.5">
        <p className="font-semibold">{title}</p>
        {children && <div className="break-words opacity-90">{children}</div>}
      </div>
      {actions && <div className="flex shrink-0 gap-2">{actions}</div>}
    </div>
  )
}

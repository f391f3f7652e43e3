import type { ReactNode } from 'react'
import { FOCUS_RING } from './button'

/**
 * Detail for whoever runs the dashboard (which setting to check, a request id
 * for the log), folded away so a visitor reads only what happened and what
 * they can do. A native disclosure: keyboard and screen readers get it for free.
 */
export function Details({ children }: { children: ReactNode }) {
  return (
    <details className="mt-1 text-xs">
      <summary className={`w-fit cursor-pointer rounded font-medium underline-offset-2 hover:underline ${FOCUS_RING}`}>
        Details
      </summary>
      <div className="mt-1 space-y-0.5 break-words">{children}</div>
    </details>
  )
}

/** The operator's part of an error, if it has any: the hint and the request id. */
export function OperatorDetails({ hint, requestId }: { hint: string | null | undefined; requestId?: string | null }) {
  if (!hint && !requestId) return null
  return (
    <Details>
      {hint && <p>For whoever runs the dashboard: {hint}</p>}
      {requestId && <p className="font-mono opacity-75">Request id: {requestId}</p>}
    </Details>
  )
}

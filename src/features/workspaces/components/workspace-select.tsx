import { useId } from 'react'
import { FOCUS_RING } from '../../../components/ui/button'
import { FIELD } from '../../../components/ui/field'

export interface WorkspaceSelectProps {
  /** The server's workspaces, its default one first. */
  workspaces: readonly string[]
  /** The workspace in the URL; null for the default one. */
  value: string | null
  onChange: (workspace: string | null) => void
}

/**
 * Which workspace's catalogue the dashboard shows (the URL's `ws`). Shown only
 * when the server has more than one; a name the server does not have (an old
 * link) stays visible as such, so the choice is never silently different.
 */
export function WorkspaceSelect({ workspaces, value, onChange }: WorkspaceSelectProps) {
  const id = useId()
  if (workspaces.length < 2) return null
  const [defaultWorkspace] = workspaces
  const current = value ?? defaultWorkspace
  const unknown = value !== null && !workspaces.includes(value)
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400">
        Workspace
      </label>
      <select
        id={id}
        value={current}
        onChange={(event) => onChange(event.target.value === defaultWorkspace ? null : event.target.value)}
        className={`${FIELD} px-2 ${FOCUS_RING}`}
      >
        {unknown && (
          <option value={value} disabled>
            {value} (not on this server)
          </option>
        )}
        {workspaces.map((workspace) => (
          <option key={workspace} value={workspace}>
            {workspace}
          </option>
        ))}
      </select>
    </div>
  )
}

import {
  CAPABILITY_GROUPS,
  type CapabilityPath,
  capabilitySupport,
  otherCapabilities,
} from '../../../contract/capabilities'
import type { Capabilities } from '../../../contract/model'
import { CAPABILITY_LABELS, describeOtherCapability } from './capability-labels'

/** Supported, Not supported, or "—" when the upstream says nothing (null). */
export function SupportText({ supported }: { supported: boolean | null }) {
  if (supported === null) {
    return (
      <span className="text-zinc-400" title="Not stated">
        —<span className="sr-only">Not stated</span>
      </span>
    )
  }
  return supported ? (
    <span className="text-emerald-700 dark:text-emerald-400">Supported</span>
  ) : (
    <span className="text-zinc-500 dark:text-zinc-400">Not supported</span>
  )
}

interface RowProps {
  label: string
  supported: boolean | null
  nested?: boolean
  /** A value of another shape than a leaf, shown as text instead of Supported or not. */
  raw?: unknown
}

function Row({ label, supported, nested, raw }: RowProps) {
  return (
    <li className={`flex justify-between gap-3 ${nested ? 'pl-4' : 'font-medium'}`}>
      <span>{label}</span>
      {raw === undefined ? <SupportText supported={supported} /> : <span className="break-all">{rawText(raw)}</span>}
    </li>
  )
}

/** A value the upstream sent where the dashboard expected none, as text (never markup). */
export function rawText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * The whole capability tree as grouped, readable rows: each group (thinking,
 * effort, server tools…) with its own support and every leaf under it,
 * supported or not, "—" where the upstream says null. A capability newer than
 * the dashboard gets a row too, named from its key in words.
 */
export function CapabilityTree({ capabilities }: { capabilities: Capabilities }) {
  const newer = otherCapabilities(capabilities)
  return (
    <div className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
      {CAPABILITY_GROUPS.map((group) => (
        <ul key={group.path} aria-label={CAPABILITY_LABELS[group.path]} className="space-y-0.5">
          <Row label={CAPABILITY_LABELS[group.path]} supported={capabilitySupport(capabilities, group.path)} />
          {group.children.map((path: CapabilityPath) => (
            <Row key={path} label={CAPABILITY_LABELS[path]} supported={capabilitySupport(capabilities, path)} nested />
          ))}
        </ul>
      ))}
      {newer.length > 0 && (
        <ul aria-label="Newer capabilities" className="space-y-0.5">
          {newer.map((other) => (
            <Row
              key={other.path}
              label={describeOtherCapability(other.path)}
              supported={other.supported}
              raw={other.raw}
            />
          ))}
        </ul>
      )}
    </div>
  )
}

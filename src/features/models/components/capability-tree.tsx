import { CAPABILITY_GROUPS, type CapabilityPath, capabilitySupport } from '../../../contract/capabilities'
import type { Capabilities } from '../../../contract/model'
import { CAPABILITY_LABELS } from './capability-labels'

const KNOWN_KEYS = new Set<string>(CAPABILITY_GROUPS.map((group) => group.path))

/** `audio_input_20270101` → "Audio input": a capability the dashboard has no words for yet, never its raw key. */
function humanName(key: string): string {
  const words = key.replace(/_\d{8}$/, '').replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

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

function Row({ label, supported, nested }: { label: string; supported: boolean | null; nested?: boolean }) {
  return (
    <li className={`flex justify-between gap-3 ${nested ? 'pl-4' : 'font-medium'}`}>
      <span>{label}</span>
      <SupportText supported={supported} />
    </li>
  )
}

/**
 * The whole capability tree as grouped, readable rows: each group (thinking,
 * effort, server tools…) with its own support and every leaf under it,
 * supported or not, "—" where the upstream says null. A capability newer than
 * the dashboard gets a row too, named from its key in words.
 */
export function CapabilityTree({ capabilities }: { capabilities: Capabilities }) {
  const newer = Object.keys(capabilities).filter((key) => !KNOWN_KEYS.has(key))
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
          {newer.map((key) => {
            const node = capabilities[key]
            const supported =
              typeof node === 'object' &&
              node !== null &&
              typeof (node as { supported?: unknown }).supported === 'boolean'
                ? (node as { supported: boolean }).supported
                : null
            return <Row key={key} label={humanName(key)} supported={supported} />
          })}
        </ul>
      )}
    </div>
  )
}

import { CheckboxGroup } from '../../../components/ui/checkbox-group'
import { type Lifecycle, LIFECYCLES } from '../../../contract/list-params'

const LABELS: Record<Lifecycle, string> = { active: 'Active', deprecated: 'Deprecated', retired: 'Retired' }

export interface LifecycleFilterProps {
  value: readonly Lifecycle[]
  onChange: (stages: Lifecycle[]) => void
}

/** Which lifecycle stages the list shows, at least one. */
export function LifecycleFilter({ value, onChange }: LifecycleFilterProps) {
  return <CheckboxGroup legend="Lifecycle" options={LIFECYCLES} labels={LABELS} value={value} onChange={onChange} />
}

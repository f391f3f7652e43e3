import { Callout } from '../../../components/ui/callout'
import type { SeenModel } from '../../../contract/history'
import { formatDateTimeUtc } from '../../../lib/format-time'

/**
 * A model the catalogue no longer lists, told from what the history knows of it: when it was removed, when
 * it was last and first seen, and its last known name. The history keeps no other field of a model.
 */
export function RemovedModel({ seen }: { seen: SeenModel & { removed_at: string } }) {
  return (
    <Callout tone="warning" role="status" title={`Removed from the catalogue on ${formatDateTimeUtc(seen.removed_at)}`}>
      <p>
        The API no longer lists this model, so it cannot be used. The catalogue history last saw it on{' '}
        {formatDateTimeUtc(seen.last_seen)}, named “{seen.display_name}”.
      </p>
      <p>
        {seen.baseline
          ? `It was already in the catalogue when the history began, on ${formatDateTimeUtc(seen.first_seen)}.`
          : `It was added on ${formatDateTimeUtc(seen.first_seen)}.`}{' '}
        The history keeps no other details of a model.
      </p>
    </Callout>
  )
}

import { Callout } from '../../../components/ui/callout'
import { formatDateTimeUtc } from '../../../lib/format-time'

/** The server could not refresh the catalogue and serves its last good copy: a warning, not an error. */
export function StaleDataWarning({ fetchedAt, reason }: { fetchedAt: string; reason: string }) {
  return (
    <Callout tone="warning" role="status" title={`Showing the catalogue as of ${formatDateTimeUtc(fetchedAt)}`}>
      The server could not refresh it: {reason}
    </Callout>
  )
}

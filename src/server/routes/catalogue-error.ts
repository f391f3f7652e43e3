import type { CatalogueError } from '../../contract/history'
import type { CatalogueCache } from '../catalogue/catalogue-cache'
import { toHttpError } from '../errors'
import { freshen } from '../history/catalogue-history'
import type { Workspace } from '../workspaces/workspaces'

/**
 * Starts a walk when the snapshot is old (as freshen does) and says why the
 * workspace's catalogue cannot be read, if it cannot: a history answer carries
 * it so that an empty history is never shown as an all-clear. With no snapshot
 * yet the answer waits for the first walk, as the list does; otherwise it never
 * waits for the upstream.
 */
export async function catalogueErrorOf(workspace: Workspace): Promise<CatalogueError> {
  const catalogue: CatalogueCache = workspace.catalogue
  let error: unknown = null
  if (catalogue.peek().snapshot === null) {
    error = await catalogue.get().then(
      () => null,
      (failure: unknown) => failure ?? new Error('The catalogue could not be read.'),
    )
  } else {
    freshen(catalogue)
    error = catalogue.peek().refreshError
  }
  return error ? toHttpError(error, { keyVariable: workspace.keyVariable }).body.error : null
}

import type { Context } from 'hono'
import { type AvailabilityPage, type AvailabilityRow, parseAvailabilityParams } from '../../contract/availability'
import { availabilityRows, availabilityView } from '../catalogue/availability-table'
import type { CatalogueState } from '../catalogue/catalogue-cache'
import { CatalogueView, DEFAULT_SNAPSHOT_CACHE_BYTES, viewBytes } from '../catalogue/catalogue-snapshot'
import { LruMap } from '../catalogue/lru-map'
import { pageOfView } from '../catalogue/page-of-view'
import { badRequest, toHttpError } from '../errors'
import { sendError } from '../respond'
import type { Workspace, Workspaces } from '../workspaces/workspaces'

type Column = AvailabilityPage['workspaces'][number]

// A row's object and its model's fields it refers to, then one status per workspace (a key and a short string).
const ROW_BYTES = 160
const STATUS_BYTES = 48

function column(workspace: Workspace, result: PromiseSettledResult<CatalogueState>): Column {
  const context = { keyVariable: workspace.keyVariable }
  if (result.status === 'rejected') {
    return {
      name: workspace.name,
      fetched_at: null,
      stale: true,
      error: toHttpError(result.reason, context).body.error,
    }
  }
  const { snapshot, stale, refreshError } = result.value
  return {
    name: workspace.name,
    fetched_at: new Date(snapshot.fetchedAt).toISOString(),
    stale,
    error: refreshError ? toHttpError(refreshError, context).body.error : null,
  }
}

/**
 * `GET /api/availability`: one row per model, one column per workspace, each
 * cell available, deprecated, retired or absent, in cursor pages of a
 * filtered, sorted view. A workspace without a catalogue gets its error in
 * its column and no statuses; the others are answered as usual.
 */
export function availability(workspaces: Workspaces) {
  // Rows per set of snapshots, views per query over them: recomputed only when a snapshot changes.
  const tables = new LruMap<string, AvailabilityRow[]>({
    maxEntries: 8,
    maxBytes: DEFAULT_SNAPSHOT_CACHE_BYTES / 2,
    sizeOf: (rows) => rows.length * (ROW_BYTES + workspaces.all.length * STATUS_BYTES),
  })
  // Bounded by bytes too: each distinct q= makes a view, and a view of 100k rows is ~8 MB.
  const views = new LruMap<string, CatalogueView<AvailabilityRow>>({
    maxEntries: 128,
    maxBytes: DEFAULT_SNAPSHOT_CACHE_BYTES / 2,
    sizeOf: viewBytes,
  })

  return async (c: Context): Promise<Response> => {
    const parsed = parseAvailabilityParams(new URL(c.req.url).searchParams)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const params = parsed.value
    const sortedWorkspace = /^-?status:(.+)$/.exec(params.sort)?.[1]
    if (sortedWorkspace !== undefined && !workspaces.get(sortedWorkspace)) {
      return sendError(c, badRequest(`sort names a workspace this server does not have: ${sortedWorkspace}`))
    }

    const results = await Promise.allSettled(workspaces.all.map((workspace) => workspace.catalogue.get()))
    const loaded = workspaces.all.flatMap((workspace, index) => {
      const result = results[index]!
      return result.status === 'fulfilled' ? [{ name: workspace.name, snapshot: result.value.snapshot }] : []
    })
    const tableKey = loaded.map(({ name, snapshot }) => `${name}:${snapshot.generation}`).join(',')
    const rows = tables.getOrCreate(tableKey, () =>
      availabilityRows(loaded.map(({ name, snapshot }) => ({ name, models: snapshot.models }))),
    )
    const viewKey = `${tableKey}|${params.sort}|${params.differs === true}|${params.q ?? ''}`
    const view = views.getOrCreate(viewKey, () => new CatalogueView(availabilityView(rows, params)))
    try {
      const page = pageOfView(view, params)
      const body: AvailabilityPage = {
        workspaces: workspaces.all.map((workspace, index) => column(workspace, results[index]!)),
        ...page,
        data: [...page.data],
      }
      return c.json(body, 200, { 'Cache-Control': 'no-cache' })
    } catch (error) {
      return sendError(c, toHttpError(error))
    }
  }
}

import type { Context } from 'hono'
import {
  type AvailabilityPage,
  type AvailabilityParams,
  type AvailabilityRow,
  parseAvailabilityParams,
} from '../../contract/availability'
import { availabilityRows, availabilityView } from '../catalogue/availability-table'
import type { CatalogueState } from '../catalogue/catalogue-cache'
import { CatalogueView, DEFAULT_SNAPSHOT_CACHE_BYTES, viewBytes } from '../catalogue/catalogue-snapshot'
import { LruMap } from '../catalogue/lru-map'
import { pageOfView } from '../catalogue/page-of-view'
import { badRequest, type HttpError, toHttpError } from '../errors'
import { sendError } from '../respond'
import type { Workspace, Workspaces } from '../workspaces/workspaces'
import { availabilityExportStream, availabilityFilename } from '../catalogue/availability-export'
import { exportFormatOf, exportHeaders } from './export-request'

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

/** The workspaces' columns and the view of rows a query selects, or why the query is refused. */
type Selection = { columns: Column[]; view: CatalogueView<AvailabilityRow> } | { refused: HttpError }

/**
 * Reads every workspace's catalogue and selects the rows of a query, for the page and the export alike.
 * Rows per set of snapshots, views per query over them: recomputed only when a snapshot changes.
 */
function availabilitySource(workspaces: Workspaces) {
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
  return async (params: AvailabilityParams): Promise<Selection> => {
    const sortedWorkspace = /^-?status:(.+)$/.exec(params.sort)?.[1]
    if (sortedWorkspace !== undefined && !workspaces.get(sortedWorkspace)) {
      return { refused: badRequest(`sort names a workspace this server does not have: ${sortedWorkspace}`) }
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
    return {
      columns: workspaces.all.map((workspace, index) => column(workspace, results[index]!)),
      view: views.getOrCreate(viewKey, () => new CatalogueView(availabilityView(rows, params))),
    }
  }
}

/**
 * `GET /api/availability` (one row per model, one column per workspace, each cell available, deprecated,
 * retired or absent, in cursor pages of a filtered, sorted view) and `GET /api/availability/export` (the
 * whole view as CSV or JSON). A workspace without a catalogue gets its error in its column and no
 * statuses; the others are answered as usual.
 */
export function availabilityRoutes(workspaces: Workspaces) {
  const select = availabilitySource(workspaces)

  const page = async (c: Context): Promise<Response> => {
    const parsed = parseAvailabilityParams(new URL(c.req.url).searchParams)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const selection = await select(parsed.value)
    if ('refused' in selection) return sendError(c, selection.refused)
    try {
      const rows = pageOfView(selection.view, parsed.value)
      const body: AvailabilityPage = { workspaces: selection.columns, ...rows, data: [...rows.data] }
      return c.json(body, 200, { 'Cache-Control': 'no-cache' })
    } catch (error) {
      return sendError(c, toHttpError(error))
    }
  }

  const download = async (c: Context): Promise<Response> => {
    const search = new URL(c.req.url).searchParams
    const asked = exportFormatOf(search)
    if ('refused' in asked) return sendError(c, asked.refused)
    search.delete('format')
    const parsed = parseAvailabilityParams(search)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const selection = await select(parsed.value)
    if ('refused' in selection) return sendError(c, selection.refused)
    const rows = selection.view.models
    return new Response(availabilityExportStream(rows, selection.columns, asked.format), {
      status: 200,
      headers: exportHeaders(asked.format, availabilityFilename(parsed.value, Date.now(), asked.format), rows.length),
    })
  }

  return { page, download }
}

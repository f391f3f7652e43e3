import type { Kysely } from 'kysely'
import type { HistoryTables, ModelTable } from './history-schema'
import type { ModelRecord, SeenPage, SeenQuery } from './history-store'
import { seenRecordBytes } from './seen-page'

export type ModelRow = Omit<ModelTable, 'revision'> & { revision: number }

export const toRecord = (row: ModelRow): ModelRecord => ({
  modelId: row.model_id,
  displayName: row.display_name,
  lifecycle: row.lifecycle,
  firstSeen: row.first_seen,
  baseline: row.baseline === 1,
  lastSeen: row.last_seen,
  removedAt: row.removed_at,
  missingSince: row.missing_since,
})

// Rows per query while a page fills: few, so a page of huge names reads little past its byte budget.
const ROWS_PER_READ = 50

/**
 * One page of the seen models, by model id: read ROWS_PER_READ rows at a time
 * (each query its own LIMIT, after the last id read), until the page has
 * `limit` records, or the next would take it past `maxBytes`, or none are left.
 * The id is the models table's key and never changes, so pages asked one after
 * another never skip or repeat a model, whatever walks are written between them.
 */
export async function readSeenPage(db: Kysely<HistoryTables>, query: SeenQuery): Promise<SeenPage> {
  const { workspace, since = Number.MIN_SAFE_INTEGER, limit, afterId, beforeId, modelId, maxBytes } = query
  // A page before an id is read towards the start, then put in order.
  const backwards = beforeId !== undefined
  const records: ModelRecord[] = []
  const page = (hasMore: boolean): SeenPage => ({ records: backwards ? records.reverse() : records, hasMore })
  let bytes = 0
  let cursor = backwards ? beforeId : afterId
  for (;;) {
    // One row past the limit, to know whether there are more.
    const want = Math.min(ROWS_PER_READ, limit + 1 - records.length)
    const rows = (await db
      .selectFrom('models')
      .selectAll()
      .where('workspace', '=', workspace)
      .where((eb) =>
        eb.or([eb.and([eb('baseline', '=', 0), eb('first_seen', '>=', since)]), eb('removed_at', '>=', since)]),
      )
      .$if(modelId !== undefined, (rows) => rows.where('model_id', '=', modelId!))
      .$if(cursor !== undefined, (rows) => rows.where('model_id', backwards ? '<' : '>', cursor!))
      .orderBy('model_id', backwards ? 'desc' : 'asc')
      .limit(want)
      .execute()) as ModelRow[]
    for (const row of rows) {
      const record = toRecord(row)
      const size = seenRecordBytes(record)
      if (records.length === limit || (records.length > 0 && bytes + size > maxBytes)) return page(true)
      records.push(record)
      bytes += size
    }
    if (rows.length < want) return page(false)
    cursor = rows.at(-1)!.model_id
  }
}

import type { Generated } from 'kysely'
import type { ChangeKind } from '../../contract/change-kinds'

/** Which database keeps the history: SQLite in DATA_DIR (one server), or PostgreSQL (DATABASE_URL, several replicas). */
export type HistoryEngine = 'sqlite' | 'postgres'

// The tables as both engines hold them. Times are epoch ms (BIGINT on PostgreSQL, read back as numbers).

export interface WorkspaceTable {
  workspace: string
  feed_id: string
  first_walk_at: number | null
  last_walk_at: number | null
  last_walk_fingerprint: string | null
  walks: Generated<number>
  change_count: Generated<number>
}

export interface ModelTable {
  workspace: string
  model_id: string
  display_name: string
  lifecycle: string | null
  first_seen: number
  baseline: number
  last_seen: number | null
  removed_at: number | null
  missing_since: number | null
  /** How many changes have been recorded for this model: the "observed state" a change's key is taken from. */
  revision: Generated<number>
}

export interface ChangeTable {
  id: Generated<number>
  entry_id: string
  workspace: string
  model_id: string
  kind: ChangeKind
  at: number
  display_name: string
  before: string | null
  after: string | null
  /** With workspace and model_id, unique: the same change seen by two replicas is inserted once. */
  change_key: string
}

export interface HistoryTables {
  workspaces: WorkspaceTable
  models: ModelTable
  changes: ChangeTable
}

import { type Context, Hono } from 'hono'
import { errorBody } from '../../contract/api-error'
import type { Health } from '../../contract/model'
import type { Brotli } from '../accept-encoding'
import type { AuthEnv, Identity } from '../auth/identity'
import type { CatalogueHistory } from '../history/catalogue-history'
import { methodNotAllowed, sendError } from '../respond'
import { selectWorkspace, type WorkspaceEnv } from '../workspaces/select-workspace'
import type { Workspaces } from '../workspaces/workspaces'
import { availabilityRoutes } from './availability'
import { listChanges } from './changes'
import { health } from './health'
import { me } from './me'
import { modelDetail } from './model-detail'
import { exportModels } from './models-export'
import { listModels } from './models-list'
import { seenModels } from './seen'
import type { PageDataSource } from './index-page'

type ApiEnv = { Variables: WorkspaceEnv['Variables'] & AuthEnv['Variables'] }

/**
 * The `/api` routes, as one router: mounted in the app behind its middleware
 * (sign-in, same origin, logs), and asked in process by the page's render.
 */
export function apiRoutes({
  workspaces,
  history,
  mode,
  now,
  signOutUrl,
  mayAccept,
  brotli,
}: {
  workspaces: Workspaces
  history: CatalogueHistory
  mode: Health['mode']
  now: () => number
  signOutUrl: string | null
  /** Whether the caller may accept a catalogue the plausibility checks doubt (`refresh=1&accept=1`). */
  mayAccept: (c: Context) => boolean
  /** Brotli for the list's answers, as for every other (createApp's `brotli`). */
  brotli?: Brotli
}) {
  const api = new Hono<ApiEnv>()
  // Every endpoint answers for one workspace: `workspace=`, or the default one.
  api.use('/api/*', selectWorkspace(workspaces))
  api.get('/api/models', listModels(mayAccept, brotli))
  api.all('/api/models', methodNotAllowed)
  // Before `/api/models/:id`, which would take "export" for a model id.
  api.get('/api/models/export', exportModels())
  api.all('/api/models/export', methodNotAllowed)
  api.get('/api/models/:id', modelDetail())
  api.all('/api/models/:id', methodNotAllowed)
  api.get('/api/health', health(workspaces, mode, now))
  api.all('/api/health', methodNotAllowed)
  api.get('/api/changes', listChanges(history))
  api.all('/api/changes', methodNotAllowed)
  api.get('/api/seen', seenModels(history))
  api.all('/api/seen', methodNotAllowed)
  const availability = availabilityRoutes(workspaces)
  api.get('/api/availability', availability.page)
  api.all('/api/availability', methodNotAllowed)
  api.get('/api/availability/export', availability.download)
  api.all('/api/availability/export', methodNotAllowed)
  api.get('/api/me', me(signOutUrl))
  api.all('/api/me', methodNotAllowed)
  api.all('/api/*', (c) =>
    sendError(c, {
      status: 404,
      body: errorBody('not_found_error', `There is no API at ${c.req.path}. See the README for the endpoints.`),
      headers: {},
    }),
  )
  return api
}

/**
 * The routes asked in process for a page's render, as the caller of that page
 * (already let in by the app's middleware): no socket, no second sign-in, and
 * no second line in the logs; what `/api` would answer that caller.
 */
export function inProcessSource(api: ReturnType<typeof apiRoutes>): (c: Context) => PageDataSource {
  const caller = new Hono<ApiEnv & { Bindings: { identity: Identity | undefined } }>()
  caller.use('*', async (c, next) => {
    if (c.env.identity) c.set('identity', c.env.identity)
    await next()
  })
  caller.route('/', api)
  return (c) => {
    const identity = c.get('identity') as Identity | undefined
    return (target, signal) =>
      Promise.resolve(caller.request(target, { signal, headers: { accept: 'application/json' } }, { identity }))
  }
}

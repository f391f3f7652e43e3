import type { Context, MiddlewareHandler } from 'hono'
import { errorBody } from '../contract/api-error'
import { sendError } from './respond'

export const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * `/assets/*`: the built files, whose names carry a content hash, so a file
 * served from disk never changes and is cached for a year. A name that is not
 * on disk (a chunk of an older build, after a deploy) is a 404 that nobody
 * keeps: answering it with the page, cached for a year, would break that
 * browser until the cache expired.
 */
export function hashedAssets(assets: MiddlewareHandler) {
  return async (c: Context) => {
    // The static handler returns the file's answer, or calls next() when there is no such file.
    const served = await assets(c, async () => {})
    if (served instanceof Response) {
      if (served.ok) served.headers.set('Cache-Control', IMMUTABLE)
      return served
    }
    return sendError(c, {
      status: 404,
      body: errorBody(
        'not_found_error',
        `There is no file ${c.req.path} on this server. The dashboard has probably been updated since this page was loaded: reload the page.`,
      ),
      headers: {},
    })
  }
}

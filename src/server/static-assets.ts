import type { Context, MiddlewareHandler } from 'hono'
import { errorBody } from '../contract/api-error'
import { varyOnAcceptEncoding } from './accept-encoding'
import { sendError } from './respond'
import { asSubresource } from './security-headers'

export const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * `/assets/*`: the built files, whose names carry a content hash, so a file
 * served from disk never changes and is cached for a year. A name that is not
 * on disk (a chunk of an older build, after a deploy) is a 404 that nobody
 * keeps: answering it with the page, cached for a year, would break that
 * browser until the cache expired. The build writes each text file beside its
 * brotli (`.br`) and gzip (`.gz`) forms; `assets` (serveStatic with
 * `precompressed`) picks the one the client accepts, and every answer says it
 * varies by Accept-Encoding, the plain one too, so no cache hands a brotli
 * file to a client that cannot read it. Of the security headers, a file gets
 * those that act on a script or a stylesheet (asSubresource).
 */
export function hashedAssets(assets: MiddlewareHandler) {
  return async (c: Context) => {
    // The static handler returns the file's answer, or calls next() when there is no such file.
    const served = await assets(c, async () => {})
    if (served instanceof Response) {
      if (served.ok) {
        served.headers.set('Cache-Control', IMMUTABLE)
        served.headers.set('Vary', varyOnAcceptEncoding(served.headers.get('Vary')))
        asSubresource(served)
      }
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

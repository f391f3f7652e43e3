import type { Context, MiddlewareHandler } from 'hono'
import { errorBody } from '../../contract/api-error'
import { sendError } from '../respond'
import { isAllowedAccount } from './allowed-accounts'
import { type AuthConfig, hasSignIn } from './auth-config'
import { authPage, notAllowedPage } from './auth-pages'
import { isInBlocks } from './cidr'
import { ANONYMOUS, type AuthEnv, type Identity } from './identity'
import { isOpenPath } from './open-paths'
import { findToken, presentedToken, type TokenEntry } from './tokens'

/** What the OIDC sign-in gives the middleware: the session's account, renewing it if due. */
export interface SessionReader {
  /** The signed-in account, or null (no cookie, a bad one, or an ended session); `setCookie` when it was renewed. */
  read(c: Context): Promise<{ email: string; setCookie?: string } | null>
  /** Where a browser goes to sign in and come back to `returnTo` (a path with its query). */
  signInHref(returnTo: string): string
  signOutHref: string
}

export interface AuthenticateOptions {
  auth: AuthConfig
  /** The current lines of AUTH_TOKENS_FILE; re-read when the file changes. */
  tokens: () => readonly TokenEntry[]
  /** The address the connection came from (the Node entry gives getConnInfo's). */
  remoteAddress: (c: Context) => string | undefined
  sessions: SessionReader | null
}

// Tokens are for machines: scripts, feed readers and Prometheus read these, never the page.
const TOKEN_PATH = /^\/(api\/|feed\.xml$|metrics$)/
// What answers a machine rather than a browser: a 401 in the error shape, never a redirect.
const MACHINE_PATH = TOKEN_PATH
// Exactly the sign-in routes: any other path under /auth/ is behind the gate like the rest.
const SIGN_IN_PATH = /^\/auth\/(sign-in|callback|sign-out|signed-out)$/

type Outcome = { identity: Identity; setCookie?: string } | { refuse: (c: Context) => Response | Promise<Response> }

/**
 * The one gate in front of everything but the probes: sets `identity` for the
 * routes and the logs, or answers 401 (machines), a redirect to sign in
 * (browsers) or 403 (an account that is not allowed).
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AuthEnv> {
  const { auth } = options
  const required = hasSignIn(auth)
  return async (c, next) => {
    if (isOpenPath(c.req.path)) return next()
    if (!required) {
      c.set('identity', ANONYMOUS)
      return next()
    }
    if (SIGN_IN_PATH.test(c.req.path) && options.sessions) return next()
    const outcome = await identify(c, options)
    if ('refuse' in outcome) return outcome.refuse(c)
    c.set('identity', outcome.identity)
    await next()
    if (outcome.setCookie) c.res.headers.append('Set-Cookie', outcome.setCookie)
    // An answer for a signed-in caller must not be kept by a shared cache and shown to others.
    const cacheControl = c.res.headers.get('Cache-Control')
    if (cacheControl?.includes('public')) c.res.headers.set('Cache-Control', cacheControl.replace('public', 'private'))
    c.res.headers.append('Vary', 'Cookie, Authorization')
  }
}

async function identify(c: Context, options: AuthenticateOptions): Promise<Outcome> {
  const { auth } = options
  const machine = MACHINE_PATH.test(c.req.path)
  if (auth.tokensFile && TOKEN_PATH.test(c.req.path)) {
    const token = presentedToken(c.req.header('authorization'))
    if (token !== null) {
      const entry = await findToken(token, options.tokens())
      if (entry) return { identity: { kind: 'token', name: entry.name, operator: entry.operator } }
      return {
        refuse: (c) =>
          unauthorized(c, auth, 'The token sent is not valid: it is mistyped, or it was revoked. Ask for a new one.'),
      }
    }
  }
  if (auth.proxy) {
    // Google IAP writes its namespace before the address (accounts.google.com:ada@example.com).
    const email = c.req
      .header(auth.proxy.header)
      ?.trim()
      .replace(/^accounts\.google\.com:/, '')
    if (email !== undefined) {
      if (!isInBlocks(options.remoteAddress(c), auth.proxy.trusted)) {
        // Anyone can send the header; only the proxy's word counts.
        return {
          refuse: (c) =>
            unauthorized(
              c,
              auth,
              `The ${auth.proxy!.header} header is only taken from the sign-in proxy, and this request did not come from it. Open the dashboard through the proxy.`,
            ),
        }
      }
      if (email === '')
        return { refuse: (c) => unauthorized(c, auth, 'The sign-in proxy sent no user. Sign in again.') }
      if (!isAllowedAccount(email, auth)) return { refuse: (c) => refuseAccount(c, email, machine, null) }
      return { identity: { kind: 'proxy', email } }
    }
  }
  if (options.sessions) {
    const session = await options.sessions.read(c)
    if (session) {
      if (!isAllowedAccount(session.email, auth)) {
        // Taken off the list after signing in: the session no longer counts.
        return { refuse: (c) => refuseAccount(c, session.email, machine, options.sessions!.signOutHref) }
      }
      return { identity: { kind: 'user', email: session.email }, setCookie: session.setCookie }
    }
    if (!machine && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      const url = new URL(c.req.url)
      return { refuse: (c) => c.redirect(options.sessions!.signInHref(url.pathname + url.search), 302) }
    }
  }
  return { refuse: (c) => unauthorized(c, auth, signInAdvice(auth)) }
}

function signInAdvice(auth: AuthConfig): string {
  const ways = [
    auth.oidc ? 'sign in on the dashboard' : null,
    auth.proxy ? 'open it through the sign-in proxy' : null,
    auth.tokensFile ? 'send a token (Authorization: Bearer <token>, or as the Basic password)' : null,
  ].filter(Boolean)
  return `This needs you to be signed in: ${ways.join(', or ')}.`
}

function unauthorized(c: Context, auth: AuthConfig, message: string): Response | Promise<Response> {
  // Only machines get the challenge: on a page, Basic would open the browser's own password box.
  if (!MACHINE_PATH.test(c.req.path)) return authPage(c, 401, { title: 'Sign in first', message })
  const headers: Record<string, string> = auth.tokensFile
    ? { 'WWW-Authenticate': 'Bearer realm="model-catalogue", Basic realm="model-catalogue"' }
    : {}
  return sendError(c, { status: 401, body: errorBody('authentication_error', message), headers })
}

function refuseAccount(
  c: Context,
  email: string,
  machine: boolean,
  signOutHref: string | null,
): Response | Promise<Response> {
  if (!machine) return notAllowedPage(c, email, signOutHref)
  return sendError(c, {
    status: 403,
    body: errorBody(
      'permission_error',
      `${email} may not use this dashboard. Ask whoever runs it to add the account to AUTH_ALLOWED_EMAILS or AUTH_ALLOWED_DOMAINS.`,
    ),
    headers: {},
  })
}

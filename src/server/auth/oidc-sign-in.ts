import { type Context, Hono } from 'hono'
import { deleteCookie, generateCookie, getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import * as oidc from 'openid-client'
import type { Logger } from '../logger'
import { isAllowedAccount } from './allowed-accounts'
import type { AuthConfig, OidcConfig } from './auth-config'
import { authPage, notAllowedPage } from './auth-pages'
import type { SessionReader } from './authenticate'
import { cookieSealer } from './sealed-cookie'

const SESSION_COOKIE = 'catalogue_session'
const SIGN_IN_COOKIE = 'catalogue_sign_in'
const SIGN_IN_SECONDS = 10 * 60
// Without an expires_in from the provider, the session is checked again (by refresh) this often.
const DEFAULT_RENEW_SECONDS = 15 * 60
// Browsers drop cookies over 4096 bytes; the ID token is only a hint for sign-out, so it goes first.
const COOKIE_BUDGET = 3800

/** What the session cookie holds, encrypted. */
interface Session {
  email: string
  signedInAt: number
  renewAt: number
  refreshToken: string | null
  idToken: string | null
}

/** What the sign-in cookie holds between leaving for the provider and coming back. */
interface SignInTransaction {
  state: string
  nonce: string
  codeVerifier: string
  returnTo: string
}

export interface OidcSignInOptions {
  oidc: OidcConfig
  auth: AuthConfig
  publicUrl: string
  now: () => number
  logger: Logger
}

/**
 * Sign-in with the organisation's OpenID provider, through openid-client:
 * discovery, authorization code with PKCE, checked state and nonce. Gives the
 * `/auth/*` routes and the session reader the auth middleware asks.
 */
export function oidcSignIn({ oidc: settings, auth, publicUrl, now, logger }: OidcSignInOptions) {
  const sealer = cookieSealer(settings.sessionSecret)
  const callbackUrl = `${publicUrl}/auth/callback`
  const cookieOptions: CookieOptions = {
    httpOnly: true,
    sameSite: 'Lax',
    secure: publicUrl.startsWith('https:'),
    path: '/',
  }
  const provider = lazyDiscovery(settings)

  const signInHref = (returnTo: string) => `${publicUrl}/auth/sign-in?return_to=${encodeURIComponent(returnTo)}`
  const signOutHref = `${publicUrl}/auth/sign-out`

  async function sessionCookie(session: Session): Promise<string> {
    let sealed = await sealer.seal(SESSION_COOKIE, session)
    if (sealed.length > COOKIE_BUDGET) sealed = await sealer.seal(SESSION_COOKIE, { ...session, idToken: null })
    return generateCookie(SESSION_COOKIE, sealed, { ...cookieOptions, maxAge: settings.sessionMaxAgeSeconds })
  }

  async function openSession(c: Context): Promise<Session | null> {
    const sealed = getCookie(c, SESSION_COOKIE)
    return sealed ? asSession(await sealer.open(SESSION_COOKIE, sealed)) : null
  }

  /** A session past its renewal time, renewed by its refresh token; null when the provider says no. */
  async function renewed(session: Session): Promise<Session | null> {
    if (!session.refreshToken) return null
    try {
      const tokens = await oidc.refreshTokenGrant(await provider.get(), session.refreshToken)
      return {
        ...session,
        renewAt: now() + (tokens.expiresIn() ?? DEFAULT_RENEW_SECONDS) * 1000,
        refreshToken: tokens.refresh_token ?? session.refreshToken,
        idToken: tokens.id_token ?? session.idToken,
      }
    } catch (error) {
      logger.warn(`A session of ${session.email} could not be renewed (${describe(error)}); it has to sign in again.`)
      return null
    }
  }

  const sessions: SessionReader = {
    signInHref,
    signOutHref,
    async read(c) {
      const session = await openSession(c)
      if (!session || now() >= session.signedInAt + settings.sessionMaxAgeSeconds * 1000) return null
      if (now() < session.renewAt) return { email: session.email }
      const next = await renewed(session)
      return next ? { email: next.email, setCookie: await sessionCookie(next) } : null
    },
  }

  const routes = new Hono()
  routes.get('/auth/sign-in', async (c) => {
    const config = await provider.get().catch(() => null)
    if (!config) return providerUnreachable(c, settings.issuer)
    const transaction: SignInTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnPath(c.req.query('return_to')),
    }
    setCookie(c, SIGN_IN_COOKIE, await sealer.seal(SIGN_IN_COOKIE, transaction), {
      ...cookieOptions,
      maxAge: SIGN_IN_SECONDS,
    })
    const scopes = ['openid', 'email', 'profile']
    // Refresh tokens come with offline_access where the provider has it (Okta, Entra ID, Keycloak); Google has not.
    if (config.serverMetadata().scopes_supported?.includes('offline_access')) scopes.push('offline_access')
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl,
      scope: scopes.join(' '),
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
    })
    return c.redirect(url.href, 302)
  })

  routes.get('/auth/callback', async (c) => {
    const sealed = getCookie(c, SIGN_IN_COOKIE)
    const transaction = sealed ? asTransaction(await sealer.open(SIGN_IN_COOKIE, sealed)) : null
    deleteCookie(c, SIGN_IN_COOKIE, cookieOptions)
    if (!transaction) {
      return authPage(c, 400, {
        title: 'Sign-in did not finish',
        message:
          'The sign-in took longer than ten minutes, or came back to another browser than the one it started in. Start again.',
        link: { href: signInHref('/'), text: 'Sign in' },
      })
    }
    const config = await provider.get().catch(() => null)
    if (!config) return providerUnreachable(c, settings.issuer)
    let session: Session
    try {
      const requested = new URL(c.req.url)
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${callbackUrl}${requested.search}`), {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      })
      const idClaims = tokens.claims()!
      // Many providers put the email in the ID token; the others (oidc-provider among them) at userinfo.
      const claims =
        typeof idClaims.email === 'string' || !tokens.access_token
          ? idClaims
          : await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)
      const email = typeof claims.email === 'string' ? claims.email : null
      // An address the provider has not verified could be anyone's: the allowed lists would mean nothing.
      if (email && claims.email_verified === false) {
        return authPage(c, 403, {
          title: 'Email address not verified',
          message: `The sign-in provider has not verified ${email}, so the dashboard cannot tell it is yours. Verify it with the provider, then sign in again.`,
          link: { href: signInHref(transaction.returnTo), text: 'Sign in again' },
        })
      }
      if (!email) {
        return authPage(c, 403, {
          title: 'No email address from the sign-in provider',
          message:
            'The provider did not say which email address you signed in with, so the dashboard cannot tell whether you may enter. Ask whoever runs it to release the email claim to this client.',
        })
      }
      session = {
        email: email.toLowerCase(),
        signedInAt: now(),
        renewAt: now() + (tokens.expiresIn() ?? DEFAULT_RENEW_SECONDS) * 1000,
        refreshToken: tokens.refresh_token ?? null,
        idToken: tokens.id_token ?? null,
      }
    } catch (error) {
      logger.warn(`A sign-in was refused: ${describe(error)}.`)
      return authPage(c, 400, {
        title: 'Sign-in did not finish',
        message:
          'The answer from the sign-in provider did not match the sign-in this browser started (its state, nonce or code was wrong or already used). Start again.',
        link: { href: signInHref(transaction.returnTo), text: 'Sign in again' },
      })
    }
    if (!isAllowedAccount(session.email, auth)) {
      logger.warn(`${session.email} signed in but is not an allowed account.`)
      return notAllowedPage(c, session.email, signOutHref)
    }
    logger.info(`${session.email} signed in.`)
    c.header('Set-Cookie', await sessionCookie(session), { append: true })
    return c.redirect(`${publicUrl}${transaction.returnTo}`, 302)
  })

  routes.get('/auth/sign-out', async (c) => {
    const session = await openSession(c)
    deleteCookie(c, SESSION_COOKIE, cookieOptions)
    const config = await provider.get().catch(() => null)
    // Also end the provider's own session, where it has an end-session endpoint; otherwise only ours ends.
    if (config?.serverMetadata().end_session_endpoint) {
      const url = oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: `${publicUrl}/auth/signed-out`,
        client_id: settings.clientId,
        ...(session?.idToken ? { id_token_hint: session.idToken } : {}),
      })
      return c.redirect(url.href, 302)
    }
    return c.redirect(`${publicUrl}/auth/signed-out`, 302)
  })

  routes.get('/auth/signed-out', (c) =>
    authPage(c, 401, {
      title: 'Signed out',
      message: 'You are signed out of the model catalogue dashboard.',
      link: { href: signInHref('/'), text: 'Sign in again' },
    }),
  )

  return { routes, sessions }
}

/** Discovery once, on first use; a failure is retried on the next sign-in rather than kept. */
function lazyDiscovery(settings: OidcConfig) {
  let discovered: Promise<oidc.Configuration> | null = null
  return {
    get(): Promise<oidc.Configuration> {
      discovered ??= oidc
        .discovery(
          new URL(settings.issuer),
          settings.clientId,
          settings.clientSecret,
          undefined,
          // Config allows plain http for a loopback issuer only (tests, a local provider).
          settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          discovered = null
          throw error
        })
      return discovered
    },
  }
}

function providerUnreachable(c: Context, issuer: string) {
  return authPage(c, 503, {
    title: 'The sign-in provider did not answer',
    message: `The dashboard could not reach its sign-in provider (${issuer}). Try again in a moment; if it persists, whoever runs the dashboard should check OIDC_ISSUER and the network.`,
  })
}

/** A path of this site to come back to; anything else (another site, `//host`) comes back to `/`. */
export function safeReturnPath(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return '/'
  return returnTo
}

// openid-client's messages name the check that failed, never a token.
const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error')

function asSession(value: unknown): Session | null {
  const session = value as Partial<Session> | null
  return session && typeof session.email === 'string' && typeof session.signedInAt === 'number'
    ? (session as Session)
    : null
}

function asTransaction(value: unknown): SignInTransaction | null {
  const transaction = value as Partial<SignInTransaction> | null
  return transaction && typeof transaction.state === 'string' && typeof transaction.codeVerifier === 'string'
    ? (transaction as SignInTransaction)
    : null
}

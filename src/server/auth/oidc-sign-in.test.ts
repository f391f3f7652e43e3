import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meSchema } from '../../contract/me'
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../../testing/oidc-test-client'
import { type OidcTestProvider, startOidcTestProvider } from '../../testing/oidc-test-provider'
import { createTestBrowser, type TestBrowser } from '../../testing/test-browser'
import { createTestApp, readError } from '../../testing/test-app'
import { type AuthConfig, NO_AUTH } from './auth-config'
import { cookieSealer } from './sealed-cookie'

const DASHBOARD = 'http://dashboard.test'
const SESSION_SECRET = 'test-session-secret-0123456789abcdef-xyz'
const DEEP_LINK = '/?q=opus&sort=-created_at&lifecycle=deprecated&cursor=eyJpZCI6MX0&model=claude-opus-9'

let provider: OidcTestProvider
beforeAll(async () => {
  provider = await startOidcTestProvider(DASHBOARD)
})
afterAll(() => provider.close())

function signInApp(auth: Partial<AuthConfig> = {}) {
  const test = createTestApp({
    config: {
      auth: {
        ...NO_AUTH,
        publicUrl: DASHBOARD,
        allowedHosts: ['dashboard.test', 'localhost'],
        oidc: {
          issuer: provider.issuer,
          clientId: TEST_CLIENT_ID,
          clientSecret: TEST_CLIENT_SECRET,
          sessionSecret: SESSION_SECRET,
          sessionMaxAgeSeconds: 8 * 3600,
        },
        allowedDomains: ['example.com'],
        ...auth,
      },
    },
  })
  const browser = createTestBrowser(DASHBOARD, (url, init) => Promise.resolve(test.app.request(url, init)))
  return { ...test, browser }
}

/** Fills the provider's login form (any name is accepted) and follows the provider's redirects to the callback URL. */
async function callbackAfterLogIn(browser: TestBrowser, formPage: { response: Response; url: string }, login: string) {
  const html = await formPage.response.text()
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
  expect(action, html).toBeDefined()
  let url = new URL(action!, formPage.url).href
  let response = await browser.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
  })
  while (!(url = new URL(response.headers.get('location')!, url).href).startsWith(DASHBOARD)) {
    response = await browser.request(url)
  }
  return url
}

async function logIn(browser: TestBrowser, formPage: { response: Response; url: string }, login: string) {
  return browser.follow(await callbackAfterLogIn(browser, formPage, login))
}

async function signIn(browser: TestBrowser, login = 'ada@example.com', path = DEEP_LINK) {
  const formPage = await browser.follow(`${DASHBOARD}${path}`)
  expect(formPage.url.startsWith(provider.issuer)).toBe(true)
  return logIn(browser, formPage, login)
}

async function whoAmI(browser: TestBrowser) {
  const response = await browser.request(`${DASHBOARD}/api/me`)
  return { response, body: response.ok ? meSchema.parse(await response.json()) : null }
}

describe('single sign-on through an OpenID provider', () => {
  it('sends a browser without a session to the provider with PKCE, state and nonce, and back to the exact deep link', async () => {
    const { browser, logger } = signInApp()
    const formPage = await browser.follow(`${DASHBOARD}${DEEP_LINK}`)
    const authorize = new URL(formPage.visited.find((url) => url.startsWith(`${provider.issuer}/auth?`))!)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('state')).toBeTruthy()
    expect(authorize.searchParams.get('nonce')).toBeTruthy()
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${DASHBOARD}/auth/callback`)

    const landed = await logIn(browser, formPage, 'ada@example.com')
    expect(landed.url).toBe(`${DASHBOARD}${DEEP_LINK}`)
    expect(logger.lines).toContain('ada@example.com signed in.')
    expect((await whoAmI(browser)).body).toEqual({
      name: 'ada@example.com',
      kind: 'user',
      sign_out_url: `${DASHBOARD}/auth/sign-out`,
    })
  })

  it('sets the session cookie HttpOnly, SameSite=Lax, with a lifetime, and Secure for an https PUBLIC_URL', async () => {
    const { browser } = signInApp()
    const callback = await callbackAfterLogIn(browser, await browser.follow(`${DASHBOARD}/`), 'ada@example.com')
    const answer = await browser.request(callback)
    const cookie = answer.headers.getSetCookie().find((header) => header.startsWith('catalogue_session='))!
    expect(cookie).toMatch(/; Max-Age=28800/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).not.toMatch(/; Secure/)

    const https = signInApp({ publicUrl: 'https://dashboard.test' })
    const started = await https.app.request('https://dashboard.test/auth/sign-in?return_to=/')
    expect(started.headers.getSetCookie()[0]).toMatch(/^catalogue_sign_in=.*; Secure/)
  })

  it('lets through only the sign-in routes themselves: another path under /auth/ needs a session too', async () => {
    const { app } = signInApp()
    const response = await app.request(`${DASHBOARD}/auth/anything-else`)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(
      `${DASHBOARD}/auth/sign-in?return_to=${encodeURIComponent('/auth/anything-else')}`,
    )
  })

  it('answers /api/* without a session with 401 in the error shape, never a redirect', async () => {
    const { app } = signInApp()
    const response = await app.request(`${DASHBOARD}/api/models`)
    expect(response.status).toBe(401)
    expect((await readError(response)).error).toEqual({
      type: 'authentication_error',
      message: 'This needs you to be signed in: sign in on the dashboard.',
    })
  })

  it('signs out: clears the cookie and ends the provider session at its end-session endpoint', async () => {
    const { browser } = signInApp()
    await signIn(browser)
    const signOut = await browser.request(`${DASHBOARD}/auth/sign-out`)
    expect(signOut.status).toBe(302)
    const endSession = new URL(signOut.headers.get('location')!)
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${provider.issuer}/session/end`)
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${DASHBOARD}/auth/signed-out`)
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy()
    expect(browser.cookies(DASHBOARD).has('catalogue_session')).toBe(false)
    // The provider takes the request: it asks the user to confirm, it does not answer an error.
    expect((await browser.request(endSession.href)).status).toBe(200)
    expect((await whoAmI(browser)).response.status).toBe(401)
  })

  it('renews an expired session with the refresh token, and ends it at its lifetime', async () => {
    const { browser, clock } = signInApp()
    await signIn(browser)
    const before = browser.cookies(DASHBOARD).get('catalogue_session')
    clock.advance(2 * 3600_000)
    const renewed = await whoAmI(browser)
    expect(renewed.body?.name).toBe('ada@example.com')
    expect(renewed.response.headers.getSetCookie().some((cookie) => cookie.startsWith('catalogue_session='))).toBe(true)
    expect(browser.cookies(DASHBOARD).get('catalogue_session')).not.toBe(before)

    clock.advance(7 * 3600_000)
    expect((await whoAmI(browser)).response.status).toBe(401)
    const page = await browser.request(`${DASHBOARD}/?q=x`)
    expect(page.status).toBe(302)
    expect(page.headers.get('location')).toBe(`${DASHBOARD}/auth/sign-in?return_to=${encodeURIComponent('/?q=x')}`)
  })

  it('ends a session whose renewal the provider refuses (its refresh token revoked)', async () => {
    const { browser, clock, logger } = signInApp()
    await signIn(browser)
    const session = (await cookieSealer(SESSION_SECRET).open(
      'catalogue_session',
      browser.cookies(DASHBOARD).get('catalogue_session')!,
    )) as { refreshToken: string }
    const revoked = await fetch(`${provider.issuer}/token/revocation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${TEST_CLIENT_ID}:${TEST_CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: session.refreshToken, token_type_hint: 'refresh_token' }).toString(),
    })
    expect(revoked.status).toBe(200)
    clock.advance(2 * 3600_000)
    expect((await whoAmI(browser)).response.status).toBe(401)
    expect(logger.lines.some((line) => line.startsWith('A session of ada@example.com could not be renewed'))).toBe(true)
    expect(logger.lines.join('\n')).not.toContain(session.refreshToken)
  })

  it('gives a signed-in account that is not allowed a 403 page naming it, and no session', async () => {
    const { browser } = signInApp()
    const landed = await signIn(browser, 'eve@elsewhere.org')
    expect(landed.response.status).toBe(403)
    const page = await landed.response.text()
    expect(page).toContain('You are signed in as eve@elsewhere.org')
    expect(page).toContain('Sign out and use another account')
    expect(browser.cookies(DASHBOARD).has('catalogue_session')).toBe(false)
    expect((await whoAmI(browser)).response.status).toBe(401)
  })

  it('refuses an address the provider has not verified, whatever its domain', async () => {
    const { browser } = signInApp()
    const landed = await signIn(browser, 'unverified-ada@example.com')
    expect(landed.response.status).toBe(403)
    expect(await landed.response.text()).toContain('has not verified unverified-ada@example.com')
    expect(browser.cookies(DASHBOARD).has('catalogue_session')).toBe(false)
  })

  it('refuses a tampered session cookie', async () => {
    const { browser } = signInApp()
    await signIn(browser)
    const jar = browser.cookies(DASHBOARD)
    const sealed = jar.get('catalogue_session')!
    jar.set('catalogue_session', sealed.slice(0, 30) + (sealed[30] === 'A' ? 'B' : 'A') + sealed.slice(31))
    expect((await whoAmI(browser)).response.status).toBe(401)
  })

  it('refuses a callback whose state is not the one this browser sent, with a page saying to start again', async () => {
    const { browser, logger } = signInApp()
    const next = await callbackAfterLogIn(browser, await browser.follow(`${DASHBOARD}/`), 'ada@example.com')
    const callback = new URL(next)
    callback.searchParams.set('state', 'forged-state')
    const answer = await browser.request(callback.href)
    expect(answer.status).toBe(400)
    expect(await answer.text()).toContain('did not match the sign-in this browser started')
    expect(browser.cookies(DASHBOARD).has('catalogue_session')).toBe(false)
    expect(logger.lines.some((line) => line.startsWith('A sign-in was refused'))).toBe(true)
  })

  it('refuses a callback with no sign-in started in this browser', async () => {
    const { app } = signInApp()
    const answer = await app.request(`${DASHBOARD}/auth/callback?code=x&state=y`)
    expect(answer.status).toBe(400)
    expect(await answer.text()).toContain('Start again')
  })

  it('comes back only to a path of its own: another site in return_to comes back to /', async () => {
    const { browser } = signInApp()
    const formPage = await browser.follow(
      `${DASHBOARD}/auth/sign-in?return_to=${encodeURIComponent('//evil.example/x')}`,
    )
    const landed = await logIn(browser, formPage, 'ada@example.com')
    expect(landed.url).toBe(`${DASHBOARD}/`)
  })

  it('says so when the provider cannot be reached', async () => {
    const test = createTestApp({
      config: {
        auth: {
          ...NO_AUTH,
          publicUrl: DASHBOARD,
          allowedHosts: ['dashboard.test'],
          oidc: {
            issuer: 'http://127.0.0.1:1',
            clientId: TEST_CLIENT_ID,
            clientSecret: TEST_CLIENT_SECRET,
            sessionSecret: SESSION_SECRET,
            sessionMaxAgeSeconds: 3600,
          },
          allowedDomains: ['example.com'],
        },
      },
    })
    const answer = await test.app.request(`${DASHBOARD}/auth/sign-in?return_to=/`)
    expect(answer.status).toBe(503)
    expect(await answer.text()).toContain('could not reach its sign-in provider (http://127.0.0.1:1)')
  })

  it('never puts the session cookie, the client secret or the session secret in a log line or a body', async () => {
    const { browser, logger } = signInApp()
    const landed = await signIn(browser)
    const sealed = browser.cookies(DASHBOARD).get('catalogue_session')!
    const bodies = [await landed.response.text(), JSON.stringify((await whoAmI(browser)).body)]
    for (const text of [...logger.lines, ...bodies]) {
      expect(text).not.toContain(sealed)
      expect(text).not.toContain(TEST_CLIENT_SECRET)
      expect(text).not.toContain(SESSION_SECRET)
    }
  })
})

import { E2E_PORTS } from './ports'
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../../src/testing/oidc-test-client'

export const SIGN_IN_DASHBOARD = `http://127.0.0.1:${E2E_PORTS.signIn}`
export const OIDC_PROVIDER = `http://127.0.0.1:${E2E_PORTS.oidcProvider}`

/** The environment of the built server with single sign-on through the test provider (on demo data). */
export const SIGN_IN_SERVER_ENV = {
  PORT: String(E2E_PORTS.signIn),
  ANTHROPIC_API_KEY: '',
  PUBLIC_URL: SIGN_IN_DASHBOARD,
  OIDC_ISSUER: OIDC_PROVIDER,
  OIDC_CLIENT_ID: TEST_CLIENT_ID,
  OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
  SESSION_SECRET: 'e2e-session-secret-0123456789abcdef-0123',
  AUTH_ALLOWED_DOMAINS: 'example.com',
}

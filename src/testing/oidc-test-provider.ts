import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type ProviderContext } from 'oidc-provider'
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './oidc-test-client'

/**
 * A real OpenID provider (oidc-provider, a certified implementation) on a
 * loopback port, with one client: the dashboard at `dashboardUrl`. Its
 * development login form takes any login name, and the account's email is the
 * name (or name@example.com), verified unless the name starts "unverified".
 */
export async function startOidcTestProvider(dashboardUrl: string, port = 0) {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [`${dashboardUrl}/auth/callback`],
        post_logout_redirect_uris: [`${dashboardUrl}/auth/signed-out`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        email: id.includes('@') ? id : `${id}@example.com`,
        // A login starting "unverified" stands for an account whose address the provider has not checked.
        email_verified: !id.startsWith('unverified'),
      }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      // For tests that end a session at the provider, as an administrator would.
      revocation: { enabled: true, allowedPolicy: () => true },
    },
    // The dashboard asks only for what its client may have: skip the consent screen.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      })
      grant.addOIDCScope('openid email profile offline_access')
      grant.addOIDCClaims(['email', 'email_verified'])
      await grant.save()
      return grant
    },
    issueRefreshToken: () => true,
    // Set, so the provider does not print a notice for each default it falls back to.
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 3600, RefreshToken: 86_400, IdToken: 3600 },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
  })
  server.on('request', provider.callback())
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type OidcTestProvider = Awaited<ReturnType<typeof startOidcTestProvider>>

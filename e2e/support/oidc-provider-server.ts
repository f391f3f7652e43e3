import { startOidcTestProvider } from '../../src/testing/oidc-test-provider'
import { E2E_PORTS } from './ports'

// The OpenID provider the sign-in spec signs in at: a process of its own, as Playwright's webServer starts it.
const provider = await startOidcTestProvider(`http://127.0.0.1:${E2E_PORTS.signIn}`, E2E_PORTS.oidcProvider)
console.info(`OpenID test provider on ${provider.issuer}`)
const stop = () => void provider.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

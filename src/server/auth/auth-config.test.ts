import { describe, expect, it } from 'vitest'
import { parseConfig } from '../config'
import { describeAccess } from './auth-config'

function failure(env: Record<string, string | undefined>): string {
  const result = parseConfig(env)
  if (result.ok) throw new Error('expected a configuration error')
  return result.message
}

function auth(env: Record<string, string | undefined>) {
  const result = parseConfig(env)
  if (!result.ok) throw new Error(result.message)
  return result.config.auth
}

const OIDC = {
  OIDC_ISSUER: 'https://sso.example.com',
  OIDC_CLIENT_ID: 'catalogue',
  OIDC_CLIENT_SECRET: 'client-secret-value',
  SESSION_SECRET: 's'.repeat(40),
  PUBLIC_URL: 'https://catalogue.example.com',
  AUTH_ALLOWED_DOMAINS: 'example.com',
}

describe('safe defaults', () => {
  it('runs open on loopback with no configuration, as before sign-in existed', () => {
    expect(parseConfig({}).ok).toBe(true)
    expect(parseConfig({ HOST: 'localhost' }).ok).toBe(true)
    expect(parseConfig({ HOST: '::1' }).ok).toBe(true)
  })

  it.each(['0.0.0.0', '::', '192.168.1.20', 'dashboard.internal'])(
    'refuses to start on HOST=%s without sign-in, in one line naming every option',
    (host) => {
      const message = failure({ HOST: host })
      expect(message).not.toContain('\n')
      expect(message).toContain(`HOST=${host}`)
      for (const option of ['OIDC_ISSUER', 'AUTH_PROXY_HEADER', 'AUTH_TOKENS_FILE', 'AUTH=none']) {
        expect(message).toContain(option)
      }
    },
  )

  it('starts on the network with AUTH=none said on purpose, or with any sign-in', () => {
    expect(auth({ HOST: '0.0.0.0', AUTH: 'none' }).open).toBe(true)
    expect(auth({ HOST: '0.0.0.0', AUTH_TOKENS_FILE: '/tokens' }).tokensFile).toBe('/tokens')
    expect(
      auth({ HOST: '0.0.0.0', AUTH_PROXY_HEADER: 'X-Forwarded-Email', AUTH_PROXY_TRUSTED: '10.0.0.1' }).proxy,
    ).not.toBeNull()
    expect(auth({ HOST: '0.0.0.0', ...OIDC }).oidc).not.toBeNull()
  })

  it('refuses AUTH with another value, and AUTH=none alongside a sign-in setting', () => {
    expect(failure({ AUTH: 'off' })).toContain('AUTH can only be "none"')
    expect(failure({ AUTH: 'none', AUTH_TOKENS_FILE: '/tokens' })).toContain('keep one of them')
  })
})

describe('ALLOWED_HOSTS', () => {
  it('defaults to the loopback names, the PUBLIC_URL host and a specific bind address', () => {
    expect(auth({}).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(auth({ ...OIDC, HOST: '10.0.0.5' }).allowedHosts).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'catalogue.example.com',
      '10.0.0.5',
    ])
    expect(auth({ ...OIDC, HOST: '0.0.0.0' }).allowedHosts).not.toContain('0.0.0.0')
  })

  it('takes a comma list in lower case, and * for any host', () => {
    expect(auth({ ALLOWED_HOSTS: 'A.example, b.example:8443' }).allowedHosts).toEqual(['a.example', 'b.example:8443'])
    expect(auth({ ALLOWED_HOSTS: '*' }).allowedHosts).toBeNull()
  })
})

describe('proxy settings', () => {
  it('needs both the header and the trusted addresses', () => {
    expect(failure({ AUTH_PROXY_HEADER: 'X-Forwarded-Email' })).toContain('AUTH_PROXY_TRUSTED is not')
    expect(failure({ AUTH_PROXY_TRUSTED: '10.0.0.0/8' })).toContain('AUTH_PROXY_HEADER')
  })

  it('names a trusted entry that is not an address or block', () => {
    expect(failure({ AUTH_PROXY_HEADER: 'X-Forwarded-Email', AUTH_PROXY_TRUSTED: '10.0.0.0/8, 10.0.0/8' })).toBe(
      'Configuration error: AUTH_PROXY_TRUSTED: "10.0.0/8" is not an address or CIDR block (such as 10.0.0.0/8 or fd00::/8).',
    )
  })

  it('refuses a header name that is not one', () => {
    expect(failure({ AUTH_PROXY_HEADER: 'X Email', AUTH_PROXY_TRUSTED: '10.0.0.1' })).toContain('header name')
  })
})

describe('single sign-on settings', () => {
  it('names every missing variable', () => {
    expect(failure({ OIDC_ISSUER: 'https://sso.example.com' })).toBe(
      'Configuration error: single sign-on also needs OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, SESSION_SECRET, PUBLIC_URL.',
    )
  })

  it('needs a list of who may enter', () => {
    expect(failure({ ...OIDC, AUTH_ALLOWED_DOMAINS: undefined })).toContain(
      'AUTH_ALLOWED_EMAILS or AUTH_ALLOWED_DOMAINS',
    )
  })

  it('refuses a short SESSION_SECRET without echoing it', () => {
    const message = failure({ ...OIDC, SESSION_SECRET: 'short-secret' })
    expect(message).toContain('SESSION_SECRET must be at least 32 characters')
    expect(message).not.toContain('short-secret')
  })

  it('refuses a plain-http issuer off loopback', () => {
    expect(failure({ ...OIDC, OIDC_ISSUER: 'http://sso.example.com' })).toContain('OIDC_ISSUER must be https')
    expect(auth({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:43100' }).oidc?.issuer).toBe('http://127.0.0.1:43100')
  })
})

describe('describeAccess', () => {
  it('says how the server is reached, for the start-up line', () => {
    expect(describeAccess(auth({}))).toBe('No sign-in: for this machine only.')
    expect(describeAccess(auth({ HOST: '0.0.0.0', AUTH: 'none' }))).toBe('No sign-in (AUTH=none).')
    expect(describeAccess(auth({ ...OIDC, AUTH_TOKENS_FILE: '/tokens' }))).toBe('Sign-in: single sign-on, tokens.')
    expect(describeAccess(auth({ AUTH_PROXY_HEADER: 'X-Forwarded-Email', AUTH_PROXY_TRUSTED: '10.0.0.1' }))).toBe(
      "Sign-in: the sign-in proxy's x-forwarded-email.",
    )
  })
})

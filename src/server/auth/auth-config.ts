import { z } from 'zod'
import { type CidrBlock, parseCidr } from './cidr'

/** Sign-in through the organisation's OpenID Connect provider. */
export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret: string
  /** Encrypts the session cookie. */
  sessionSecret: string
  /** How long a sign-in lasts at most, even while refresh tokens keep renewing it. */
  sessionMaxAgeSeconds: number
}

/** Who may reach the server, and how they prove it. */
export interface AuthConfig {
  /** `AUTH=none`: open to anyone who can reach it, chosen on purpose. */
  open: boolean
  /** The external base URL (no trailing slash): feed links, the sign-in redirect, the allowed Host. */
  publicUrl: string | null
  /** `host` (any port) or `host:port` entries; null allows any Host (`ALLOWED_HOSTS=*`). */
  allowedHosts: readonly string[] | null
  tokensFile: string | null
  proxy: { header: string; trusted: readonly CidrBlock[] } | null
  oidc: OidcConfig | null
  /** Lower-cased; empty lists with OIDC would let no one in, so OIDC requires one of them. */
  allowedEmails: readonly string[]
  allowedDomains: readonly string[]
  /** AUTH_OPERATORS, lower-cased: the accounts (single sign-on or the proxy's) that may act as operators. */
  operators: readonly string[]
  /** No sign-in on a loopback HOST: whoever reaches the server sits at its machine, and is its operator. */
  localOperator: boolean
}

const commaList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** The variables of sign-in and host checks, merged into the configuration's schema. */
export const authEnvShape = {
  AUTH: z.literal('none', { error: 'AUTH can only be "none" (to run without sign-in on purpose)' }).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL' }).optional(),
  ALLOWED_HOSTS: z.string().transform(commaList).optional(),
  AUTH_TOKENS_FILE: z.string().optional(),
  AUTH_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'AUTH_PROXY_HEADER must be a header name, such as X-Forwarded-Email')
    .optional(),
  AUTH_PROXY_TRUSTED: z.string().transform(commaList).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'OIDC_ISSUER must be an http(s) URL' }).optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters (openssl rand -hex 32)').optional(),
  SESSION_MAX_AGE_SECONDS: z
    .string()
    .regex(/^\d+$/, 'SESSION_MAX_AGE_SECONDS must be a whole number')
    .transform(Number)
    .pipe(z.number().min(60, 'SESSION_MAX_AGE_SECONDS must be at least 60'))
    .optional(),
  AUTH_ALLOWED_EMAILS: z
    .string()
    .transform((value) => commaList(value).map((email) => email.toLowerCase()))
    .optional(),
  AUTH_ALLOWED_DOMAINS: z
    .string()
    .transform((value) => commaList(value).map((domain) => domain.toLowerCase().replace(/^@/, '')))
    .optional(),
  AUTH_OPERATORS: z
    .string()
    .transform((value) => commaList(value).map((email) => email.toLowerCase()))
    .optional(),
}

type AuthEnv = z.infer<z.ZodObject<typeof authEnvShape>>
type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]'])
const DEFAULT_SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600
const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'SESSION_SECRET', 'PUBLIC_URL'] as const

/** Whether a bind address only takes connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare)
}

export function hasSignIn(auth: AuthConfig): boolean {
  return Boolean(auth.tokensFile || auth.proxy || auth.oidc)
}

/** How the server is reached, for its start-up line. */
export function describeAccess(auth: AuthConfig): string {
  const ways = [
    auth.oidc ? 'single sign-on' : null,
    auth.proxy ? `the sign-in proxy's ${auth.proxy.header}` : null,
    auth.tokensFile ? 'tokens' : null,
  ].filter(Boolean)
  if (ways.length > 0) return `Sign-in: ${ways.join(', ')}.`
  return auth.open ? 'No sign-in (AUTH=none).' : 'No sign-in: for this machine only.'
}

/** Reads the sign-in settings; a non-loopback HOST needs one of them, or AUTH=none said on purpose. */
export function authConfig(env: AuthEnv & { HOST: string }): Parsed<AuthConfig> {
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null

  const proxy = proxySettings(env)
  if (!proxy.ok) return proxy
  const oidc = oidcSettings(env)
  if (!oidc.ok) return oidc

  const auth: AuthConfig = {
    open: env.AUTH === 'none',
    publicUrl,
    allowedHosts: allowedHosts(env.ALLOWED_HOSTS, publicUrl, env.HOST),
    tokensFile: env.AUTH_TOKENS_FILE ?? null,
    proxy: proxy.value,
    oidc: oidc.value,
    allowedEmails: env.AUTH_ALLOWED_EMAILS ?? [],
    allowedDomains: env.AUTH_ALLOWED_DOMAINS ?? [],
    operators: env.AUTH_OPERATORS ?? [],
    localOperator: false,
  }
  auth.localOperator = !hasSignIn(auth) && isLoopbackHost(env.HOST)
  if (auth.operators.length > 0 && !auth.oidc && !auth.proxy) {
    return {
      ok: false,
      message:
        'AUTH_OPERATORS names accounts, but no sign-in tells who a user is: set up single sign-on (OIDC_ISSUER) or a sign-in proxy (AUTH_PROXY_HEADER), or give tokens the operator role in AUTH_TOKENS_FILE instead',
    }
  }
  if (auth.open && hasSignIn(auth)) {
    return { ok: false, message: 'AUTH=none turns sign-in off, but a sign-in setting is also set; keep one of them' }
  }
  if (!auth.open && !hasSignIn(auth) && !isLoopbackHost(env.HOST)) {
    return {
      ok: false,
      message:
        `HOST=${env.HOST} is reachable from the network, but no sign-in is set up: set OIDC_ISSUER (single sign-on), ` +
        'AUTH_PROXY_HEADER with AUTH_PROXY_TRUSTED (behind a sign-in proxy) or AUTH_TOKENS_FILE (tokens), ' +
        'or AUTH=none to run it open on purpose',
    }
  }
  return { ok: true, value: auth }
}

function allowedHosts(listed: string[] | undefined, publicUrl: string | null, bind: string): string[] | null {
  if (listed?.includes('*')) return null
  if (listed) return listed.map((host) => host.toLowerCase())
  const hosts = [...LOOPBACK_HOSTS]
  // Any port: behind a proxy the external port is rarely the one the server listens on.
  if (publicUrl) hosts.push(new URL(publicUrl).hostname)
  // A server bound to one address of its own is reached by that address.
  if (!WILDCARD_BINDS.has(bind) && !isLoopbackHost(bind)) hosts.push(bind.toLowerCase())
  return [...new Set(hosts)]
}

function proxySettings(env: AuthEnv): Parsed<AuthConfig['proxy']> {
  if (!env.AUTH_PROXY_HEADER && !env.AUTH_PROXY_TRUSTED) return { ok: true, value: null }
  if (!env.AUTH_PROXY_HEADER) {
    return { ok: false, message: 'AUTH_PROXY_TRUSTED is set, but AUTH_PROXY_HEADER (the header with the user) is not' }
  }
  if (!env.AUTH_PROXY_TRUSTED?.length) {
    return {
      ok: false,
      message:
        'AUTH_PROXY_HEADER is set, but AUTH_PROXY_TRUSTED is not: list the addresses the proxy connects from (CIDRs, comma-separated)',
    }
  }
  const trusted: CidrBlock[] = []
  for (const text of env.AUTH_PROXY_TRUSTED) {
    const block = parseCidr(text)
    if (!block) {
      return {
        ok: false,
        message: `AUTH_PROXY_TRUSTED: "${text}" is not an address or CIDR block (such as 10.0.0.0/8 or fd00::/8)`,
      }
    }
    trusted.push(block)
  }
  return { ok: true, value: { header: env.AUTH_PROXY_HEADER.toLowerCase(), trusted } }
}

function oidcSettings(env: AuthEnv): Parsed<OidcConfig | null> {
  if (!env.OIDC_ISSUER && !env.OIDC_CLIENT_ID && !env.OIDC_CLIENT_SECRET) return { ok: true, value: null }
  const missing = OIDC_VARIABLES.filter((name) => !env[name])
  if (missing.length > 0) return { ok: false, message: `single sign-on also needs ${missing.join(', ')}` }
  if (!env.AUTH_ALLOWED_EMAILS?.length && !env.AUTH_ALLOWED_DOMAINS?.length) {
    return {
      ok: false,
      message: 'single sign-on needs AUTH_ALLOWED_EMAILS or AUTH_ALLOWED_DOMAINS to say who may enter',
    }
  }
  const issuer = new URL(env.OIDC_ISSUER!)
  if (issuer.protocol === 'http:' && !isLoopbackHost(issuer.hostname)) {
    return { ok: false, message: 'OIDC_ISSUER must be https (plain http is allowed on loopback only, for testing)' }
  }
  return {
    ok: true,
    value: {
      issuer: env.OIDC_ISSUER!,
      clientId: env.OIDC_CLIENT_ID!,
      clientSecret: env.OIDC_CLIENT_SECRET!,
      sessionSecret: env.SESSION_SECRET!,
      sessionMaxAgeSeconds: env.SESSION_MAX_AGE_SECONDS ?? DEFAULT_SESSION_MAX_AGE_SECONDS,
    },
  }
}

/** The settings of a server with no sign-in on loopback, as with no configuration. */
export const NO_AUTH: AuthConfig = {
  open: false,
  publicUrl: null,
  allowedHosts: LOOPBACK_HOSTS,
  tokensFile: null,
  proxy: null,
  oidc: null,
  allowedEmails: [],
  allowedDomains: [],
  operators: [],
  localOperator: true,
}

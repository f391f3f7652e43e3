import type { AuthConfig } from './auth-config'

/**
 * Whether an account may use the dashboard: listed by address, or in a listed
 * domain. With neither list set (possible behind a proxy, which decides
 * itself) anyone it vouches for may.
 */
export function isAllowedAccount(email: string, auth: Pick<AuthConfig, 'allowedEmails' | 'allowedDomains'>): boolean {
  if (auth.allowedEmails.length === 0 && auth.allowedDomains.length === 0) return true
  const address = email.trim().toLowerCase()
  const domain = address.slice(address.lastIndexOf('@') + 1)
  return auth.allowedEmails.includes(address) || (address.includes('@') && auth.allowedDomains.includes(domain))
}

import type { ServerConfig } from './config'

/**
 * The configured values no log line may print, whatever message or field
 * carries them: every API key, the sign-in client secret and the session
 * secret, and DATABASE_URL (which may hold a password). A secret added to the
 * configuration belongs in this list too.
 */
export function secretsOf(config: ServerConfig): (string | null)[] {
  return [
    config.apiKey,
    ...config.workspaces.map((workspace) => workspace.apiKey),
    config.auth.oidc?.clientSecret ?? null,
    config.auth.oidc?.sessionSecret ?? null,
    config.database?.url ?? null,
    databasePassword(config.database?.url),
  ]
}

function databasePassword(url: string | undefined): string | null {
  if (!url) return null
  try {
    return decodeURIComponent(new URL(url).password) || null
  } catch {
    return null
  }
}

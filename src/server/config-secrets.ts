import type { ServerConfig } from './config'

/**
 * The configured values no log line may print, whatever message or field
 * carries them: every API key, the sign-in client secret and the session
 * secret. A secret added to the configuration belongs in this list too.
 */
export function secretsOf(config: ServerConfig): (string | null)[] {
  return [
    config.apiKey,
    ...config.workspaces.map((workspace) => workspace.apiKey),
    config.auth.oidc?.clientSecret ?? null,
    config.auth.oidc?.sessionSecret ?? null,
  ]
}

import type { ServerConfig } from './config'

/**
 * The configured values no log line may print, whatever message or field
 * carries them: every API key. Secrets added to the configuration (sign-in
 * client secret, session secret…) belong in this list too.
 */
export function secretsOf(config: ServerConfig): (string | null)[] {
  return [config.apiKey, ...config.workspaces.map((workspace) => workspace.apiKey)]
}

/**
 * Who made a request, as the sign-in middleware sets it on the Hono context
 * (`c.get('identity')`): a person (signed in, or named by a sign-in proxy), a
 * script's API token (by its name, never the token), or nobody when no
 * sign-in is configured. Observability only reads it.
 */
export type Identity =
  { kind: 'user' | 'proxy'; email: string } | { kind: 'token'; name: string } | { kind: 'anonymous' }

declare module 'hono' {
  interface ContextVariableMap {
    // Optional: until the sign-in middleware runs (or when there is none), nothing has set it.
    identity?: Identity
  }
}

/** The name a log line gives the caller: an email, a token's name, or null for nobody. */
export function callerOf(identity: Identity | undefined): string | null {
  if (!identity || identity.kind === 'anonymous') return null
  return identity.kind === 'token' ? identity.name : identity.email
}

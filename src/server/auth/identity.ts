import type { Context } from 'hono'

/** Who made a request, as the auth middleware found; logs name the user by `identityLabel`. */
export type Identity =
  | { kind: 'user'; email: string }
  | { kind: 'token'; name: string; operator: boolean }
  | { kind: 'proxy'; email: string }
  | { kind: 'anonymous' }

export interface AuthEnv {
  Variables: { identity: Identity }
}

declare module 'hono' {
  interface ContextVariableMap {
    // Optional: until the auth middleware runs (the probes, a test app without it), nothing has set it.
    identity?: Identity
  }
}

export const ANONYMOUS: Identity = { kind: 'anonymous' }

/** The request's caller; anonymous on the paths the auth middleware lets through (the probes). */
export function identityOf(c: Context): Identity {
  return (c.get('identity') as Identity | undefined) ?? ANONYMOUS
}

/** The name a log line gives the caller: an email, a token's name, or null for nobody. */
export function callerOf(identity: Identity | undefined): string | null {
  if (!identity || identity.kind === 'anonymous') return null
  return identity.kind === 'token' ? identity.name : identity.email
}

import type { Context } from 'hono'

/** Who made a request, as the auth middleware found; logs name the user by `identityLabel`. */
export type Identity =
  | { kind: 'user'; email: string }
  | { kind: 'token'; name: string }
  | { kind: 'proxy'; email: string }
  | { kind: 'anonymous' }

export interface AuthEnv {
  Variables: { identity: Identity }
}

export const ANONYMOUS: Identity = { kind: 'anonymous' }

/** The caller as a log field: an email, `token:<name>` (never the token) or `anonymous`. */
export function identityLabel(identity: Identity): string {
  switch (identity.kind) {
    case 'user':
    case 'proxy':
      return identity.email
    case 'token':
      return `token:${identity.name}`
    case 'anonymous':
      return 'anonymous'
  }
}

/** The request's caller; anonymous on the paths the auth middleware lets through (the probes). */
export function identityOf(c: Context): Identity {
  return (c.get('identity') as Identity | undefined) ?? ANONYMOUS
}

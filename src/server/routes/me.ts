import type { Context } from 'hono'
import type { Me } from '../../contract/me'
import { identityOf } from '../auth/identity'

/** `GET /api/me`: the signed-in user for the dashboard's header, never a token (a token's name at most). */
export function me(signOutUrl: string | null) {
  return (c: Context): Response => {
    const identity = identityOf(c)
    const body: Me = {
      name: identity.kind === 'token' ? identity.name : identity.kind === 'anonymous' ? null : identity.email,
      kind: identity.kind,
      sign_out_url: identity.kind === 'user' ? signOutUrl : null,
    }
    return c.json(body, 200, { 'Cache-Control': 'no-store' })
  }
}

import type { AuthConfig } from './auth-config'
import type { Identity } from './identity'

/**
 * Whether the caller may take an operator's action: believe a catalogue the
 * server doubts (`refresh=1&accept=1`), which rewrites what everyone sees and
 * what the history records. A token with the operator role, an account in
 * AUTH_OPERATORS, or, with no sign-in on a loopback HOST, whoever is at the
 * machine. An open server on the network (AUTH=none) has no operators.
 */
export function isOperator(identity: Identity, auth: Pick<AuthConfig, 'operators' | 'localOperator'>): boolean {
  switch (identity.kind) {
    case 'token':
      return identity.operator
    case 'user':
    case 'proxy':
      return auth.operators.includes(identity.email.trim().toLowerCase())
    case 'anonymous':
      return auth.localOperator
  }
}

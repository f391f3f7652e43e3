import { describe, expect, it } from 'vitest'
import { cookieSealer } from './sealed-cookie'

const SECRET = 'a-session-secret-of-at-least-32-characters'

describe('cookieSealer', () => {
  it('opens what it sealed, and the sealed text does not show the value', async () => {
    const sealer = cookieSealer(SECRET)
    const sealed = await sealer.seal('session', { email: 'ada@example.com' })
    expect(sealed).not.toContain('ada')
    expect(await sealer.open('session', sealed)).toEqual({ email: 'ada@example.com' })
  })

  it('opens nothing tampered with, truncated, sealed for another cookie or under another secret', async () => {
    const sealer = cookieSealer(SECRET)
    const sealed = await sealer.seal('session', { email: 'ada@example.com' })
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21)
    expect(await sealer.open('session', flipped)).toBeNull()
    expect(await sealer.open('session', sealed.slice(0, -4))).toBeNull()
    expect(await sealer.open('sign_in', sealed)).toBeNull()
    expect(await cookieSealer(`${SECRET}!`).open('session', sealed)).toBeNull()
    expect(await sealer.open('session', 'not base64url!')).toBeNull()
    expect(await sealer.open('session', '')).toBeNull()
  })
})

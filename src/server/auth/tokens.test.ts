import { describe, expect, it, vi } from 'vitest'
import { constantTimeEqual, parseTokenLines, presentedToken, sha256, findToken } from './tokens'

const hex = async (text: string) => Buffer.from(await sha256(text)).toString('hex')

describe('parseTokenLines', () => {
  it('reads name:sha256 lines, skipping blanks and comments', async () => {
    const parsed = parseTokenLines(`# scrapers\nprometheus:${await hex('a')}\n\r\nfeeds:${await hex('b')}\n`, 'tokens')
    expect(parsed.ok && parsed.entries.map((entry) => entry.name)).toEqual(['prometheus', 'feeds'])
  })

  it.each([
    ['prometheus', 'tokens line 2 is not "name:sha256-hex-of-token"'],
    ['prometheus:abc', 'tokens line 2 is not "name:sha256-hex-of-token"'],
    [`bad name:${'a'.repeat(64)}`, 'tokens line 2 is not "name:sha256-hex-of-token"'],
    [`first:${'b'.repeat(64)}`, 'tokens line 2 repeats the name first'],
  ])('refuses the bad line %j with a message naming the file and line', (line, message) => {
    const parsed = parseTokenLines(`first:${'a'.repeat(64)}\n${line}`, 'tokens')
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.message).toContain(message)
  })
})

describe('findToken', () => {
  it('names the entry whose digest is the token’s, and nothing for another token', async () => {
    const parsed = parseTokenLines(`one:${await hex('token-one')}\ntwo:${await hex('token-two')}`, 'tokens')
    const entries = parsed.ok ? parsed.entries : []
    expect((await findToken('token-two', entries))?.name).toBe('two')
    expect(await findToken('token-three', entries)).toBeNull()
  })

  it('compares digests (never the token) against every entry, with the constant-time comparison', async () => {
    const parsed = parseTokenLines(`one:${await hex('token-one')}\ntwo:${await hex('token-two')}`, 'tokens')
    const equal = vi.fn(constantTimeEqual)
    expect((await findToken('token-one', parsed.ok ? parsed.entries : [], equal))?.name).toBe('one')
    // No early exit after the match: both entries were compared, each as 32-byte digests.
    expect(equal).toHaveBeenCalledTimes(2)
    for (const [presented, stored] of equal.mock.calls) {
      expect(presented).toHaveLength(32)
      expect(stored).toHaveLength(32)
    }
  })
})

describe('constantTimeEqual', () => {
  it('is true only for equal bytes, and false for other lengths', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true)
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false)
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false)
  })
})

describe('presentedToken', () => {
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`
  it('takes a Bearer token, or the password of Basic whatever the user name', () => {
    expect(presentedToken('Bearer abc.def')).toBe('abc.def')
    expect(presentedToken('bearer abc')).toBe('abc')
    expect(presentedToken(basic('prometheus:s3cret:with-colon'))).toBe('s3cret:with-colon')
    expect(presentedToken(basic(':s3cret'))).toBe('s3cret')
  })

  it('takes nothing from a missing header, another scheme, an empty password or bad base64', () => {
    expect(presentedToken(undefined)).toBeNull()
    expect(presentedToken('Digest abc')).toBeNull()
    expect(presentedToken('Bearer')).toBeNull()
    expect(presentedToken(basic('user:'))).toBeNull()
    expect(presentedToken('Basic %%%')).toBeNull()
  })
})

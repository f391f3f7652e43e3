import { describe, expect, it } from 'vitest'
import { negotiateEncoding, varyOnAcceptEncoding, weakEtag } from './accept-encoding'

describe('Accept-Encoding negotiation', () => {
  it.each([
    ['br, gzip, deflate', ['br', 'gzip'], 'br'],
    ['gzip, deflate, br, zstd', ['br', 'gzip'], 'br'],
    ['gzip', ['br', 'gzip'], 'gzip'],
    ['br;q=0.5, gzip;q=0.8', ['br', 'gzip'], 'gzip'],
    ['BR;Q=1.0', ['br', 'gzip'], 'br'],
    ['*', ['br', 'gzip'], 'br'],
    ['*;q=0.1, br;q=0', ['br', 'gzip'], 'gzip'],
  ] as const)('picks from %j among %j: %s', (header, offered, expected) => {
    expect(negotiateEncoding(header, offered)).toBe(expected)
  })

  it.each([undefined, null, '', 'identity', 'deflate', 'gzip;q=0', 'br;q=0, gzip;q=0', '*;q=0', 'gzip;q=nonsense'])(
    'sends identity for %j',
    (header) => {
      expect(negotiateEncoding(header, ['br', 'gzip'])).toBeNull()
    },
  )

  it('adds Accept-Encoding to Vary once, and leaves * alone', () => {
    expect(varyOnAcceptEncoding(null)).toBe('Accept-Encoding')
    expect(varyOnAcceptEncoding('Origin')).toBe('Origin, Accept-Encoding')
    expect(varyOnAcceptEncoding('origin, accept-encoding')).toBe('origin, accept-encoding')
    expect(varyOnAcceptEncoding('*')).toBe('*')
  })

  it('weakens a strong ETag, once', () => {
    expect(weakEtag('"a-1"')).toBe('W/"a-1"')
    expect(weakEtag('W/"a-1"')).toBe('W/"a-1"')
  })
})

import { describe, expect, it } from 'vitest'
import { isInBlocks, parseAddress, parseCidr } from './cidr'

const blocks = (...texts: string[]) =>
  texts.map((text) => {
    const block = parseCidr(text)
    if (!block) throw new Error(`not a block: ${text}`)
    return block
  })

describe('parseCidr', () => {
  it.each([
    '10.0.0.0/8',
    '192.168.1.7',
    '0.0.0.0/0',
    'fd00::/8',
    '::1',
    '::/0',
    '2001:db8::1/128',
    '::ffff:10.0.0.0/104',
  ])('reads %s', (text) => expect(parseCidr(text)).not.toBeNull())

  it.each([
    '10.0.0.0/33',
    '10.0.0/8',
    '256.0.0.1',
    '10.0.0.01',
    'fd00::/129',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'fd00::/x',
    'example.com',
    '10.0.0.0/8/8',
    '',
  ])('refuses %s', (text) => expect(parseCidr(text)).toBeNull())
})

describe('isInBlocks', () => {
  it('matches IPv4 addresses inside a block and not outside it', () => {
    const trusted = blocks('10.1.0.0/16')
    expect(isInBlocks('10.1.200.3', trusted)).toBe(true)
    expect(isInBlocks('10.2.0.1', trusted)).toBe(false)
  })

  it('matches an IPv4 address however the socket writes it (IPv4-mapped IPv6)', () => {
    expect(isInBlocks('::ffff:10.1.2.3', blocks('10.1.0.0/16'))).toBe(true)
    expect(isInBlocks('::ffff:10.9.2.3', blocks('10.1.0.0/16'))).toBe(false)
  })

  it('matches IPv6 blocks with prefixes that are not whole bytes', () => {
    const trusted = blocks('fd00:abcd::/20')
    expect(isInBlocks('fd00:a000::1', trusted)).toBe(true)
    expect(isInBlocks('fd00:b000::1', trusted)).toBe(false)
  })

  it('matches a single address, and loopback IPv6 with a zone', () => {
    expect(isInBlocks('127.0.0.1', blocks('127.0.0.1'))).toBe(true)
    expect(isInBlocks('127.0.0.2', blocks('127.0.0.1'))).toBe(false)
    expect(isInBlocks('fe80::1%eth0', blocks('fe80::/10'))).toBe(true)
  })

  it('never matches a missing or unreadable address', () => {
    expect(isInBlocks(undefined, blocks('0.0.0.0/0'))).toBe(false)
    expect(isInBlocks('not-an-address', blocks('::/0'))).toBe(false)
  })

  it('keeps the families apart: ::/0 holds IPv4-mapped addresses, 0.0.0.0/0 holds no native IPv6 one', () => {
    expect(isInBlocks('2001:db8::1', blocks('0.0.0.0/0'))).toBe(false)
    expect(isInBlocks('10.0.0.1', blocks('::/0'))).toBe(true)
  })
})

describe('parseAddress', () => {
  it('expands :: and brackets', () => {
    expect(Array.from(parseAddress('[::1]')!)).toEqual([...Array<number>(15).fill(0), 1])
  })
})

import { describe, expect, test } from 'vitest'
import { parseAsFlag } from './url-flag'

describe('a yes/no URL parameter', () => {
  test('reads 1 and true as yes, 0 and false as no, in any case', () => {
    for (const yes of ['1', 'true', 'TRUE', 'True']) expect(parseAsFlag.parse(yes)).toBe(true)
    for (const no of ['0', 'false', 'False']) expect(parseAsFlag.parse(no)).toBe(false)
  })

  test('anything else is not given', () => {
    for (const other of ['', 'yes', '2', 'on']) expect(parseAsFlag.parse(other)).toBeNull()
  })

  test('is written in one form', () => {
    expect(parseAsFlag.serialize(true)).toBe('1')
    expect(parseAsFlag.serialize(false)).toBe('0')
  })
})

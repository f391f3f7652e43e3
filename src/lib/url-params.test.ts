import { describe, expect, it } from 'vitest'
import * as url from './url-params'

const list = url.createParser({
  parse: (text: string) => (text ? text.split(',') : null),
  serialize: (items: string[]) => items.join(','),
  eq: (a: string[], b: string[]) => a.join() === b.join(),
})
const params = {
  q: url.parseAsString.withDefault(''),
  sort: url.parseAsStringLiteral(['id', '-id']),
  limit: url.parseAsNumberLiteral([10, 20] as const).withDefault(20),
  stages: list,
  broken: url.createParser({
    parse: (): string => {
      throw new Error('unreadable')
    },
    serialize: (value: string) => value,
  }),
}

describe('URL parameters', () => {
  it('read each parameter’s first value, and its default or null when absent or unreadable', () => {
    expect(url.readParams(params, '?q=opus+4&q=other&sort=-id&limit=10&stages=a,b&broken=x')).toEqual({
      q: 'opus 4',
      sort: '-id',
      limit: 10,
      stages: ['a', 'b'],
      broken: null,
    })
    expect(url.readParams(params, '?sort=name&limit=15')).toEqual({
      q: '',
      sort: null,
      limit: 20,
      stages: null,
      broken: null,
    })
  })

  it('write a change in its order, leaving out null and defaults, and keep other parameters as they were', () => {
    const search = new URLSearchParams('ws=staging&limit=10&q=old')
    url.writeParams(params, search, { sort: 'id', q: 'new', limit: 20, stages: ['x'], unknown: 'y' } as never)
    expect(search.toString()).toBe('ws=staging&q=new&sort=id&stages=x')
    url.writeParams(params, search, { q: '', sort: null, stages: undefined })
    expect(search.toString()).toBe('ws=staging&stages=x')
  })

  it('write a readable query string: commas, colons and slashes as they are, a space as +, what would break it escaped', () => {
    const search = new URLSearchParams()
    search.set('q', 'opus 4 & 50% "#1" <b>+')
    search.set('caps', 'thinking.types.adaptive,effort:max/low')
    expect(url.renderQueryString(search)).toBe(
      '?q=opus+4+%26+50%25+%22%231%22+%3Cb%3E%2B&caps=thinking.types.adaptive,effort:max/low',
    )
    expect(new URLSearchParams(url.renderQueryString(search)).get('q')).toBe('opus 4 & 50% "#1" <b>+')
    expect(url.renderQueryString(new URLSearchParams())).toBe('')
  })

  it('serialize onto a base URL, keeping its query string and hash', () => {
    const serialize = url.createSerializer(params)
    expect(serialize('http://host/path?ws=a#top', { q: 'x y', limit: 10 })).toBe(
      'http://host/path?ws=a&q=x+y&limit=10#top',
    )
    expect(serialize('http://host/', { q: '', limit: 20 })).toBe('http://host/')
  })
})

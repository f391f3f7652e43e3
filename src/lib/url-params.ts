/**
 * Typed URL query parameters: how each is read from and written to the query
 * string. A value that does not read is the parameter's default (or null), a
 * default is left out of the URL, and the query string is written as the
 * dashboard's links have always been (nuqs's rules, which this replaces in
 * fewer bytes: commas and colons stay as they are, a space is `+`), so a
 * shared link reads the same.
 */
export interface UrlParam<T> {
  /** The value a query string's text stands for; null when it stands for none. */
  parse(text: string): T | null
  serialize(value: T): string
  eq(a: T, b: T): boolean
  /** The same parameter, read as `value` when absent, and left out of the URL when it is `value`. */
  withDefault(value: T): UrlParam<T> & { defaultValue: T }
}

// Method syntax above keeps the parameters of any value type assignable to this.
export type UrlParams = Readonly<Record<string, UrlParam<unknown>>>

/** What a parameter reads as: its type, or null when it has no default. */
type ValueOf<Param> = Param extends { defaultValue: infer Default }
  ? Default
  : Param extends UrlParam<infer Value>
    ? Value | null
    : never

export type UrlValues<Params extends UrlParams> = { [Key in keyof Params]: ValueOf<Params[Key]> }

/** A change of some parameters: null (or the default) leaves the URL, undefined leaves the parameter as it is. */
export type UrlUpdate<Params extends UrlParams> = Partial<{ [Key in keyof Params]: ValueOf<Params[Key]> | null }>

export function createParser<T>(parser: {
  parse: (text: string) => T | null
  serialize: (value: T) => string
  eq?: (a: T, b: T) => boolean
}): UrlParam<T> {
  const param: UrlParam<T> = {
    eq: (a, b) => a === b,
    ...parser,
    withDefault: (defaultValue) => ({ ...param, defaultValue }),
  }
  return param
}

export const parseAsString = createParser({ parse: (text) => text, serialize: (value: string) => value })

export function parseAsStringLiteral<T extends string>(values: readonly T[]): UrlParam<T> {
  return createParser({
    parse: (text) => ((values as readonly string[]).includes(text) ? (text as T) : null),
    serialize: (value) => value,
  })
}

export function parseAsNumberLiteral<T extends number>(values: readonly T[]): UrlParam<T> {
  return createParser({
    parse: (text) => {
      const number = parseFloat(text)
      return (values as readonly number[]).includes(number) ? (number as T) : null
    },
    serialize: String,
  })
}

/** The values a query string holds: each parameter's first value, read; its default (or null) when absent or unreadable. */
export function readParams<Params extends UrlParams>(
  params: Params,
  search: string | URLSearchParams,
): UrlValues<Params> {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search
  const values: Record<string, unknown> = {}
  for (const [key, param] of Object.entries(params)) {
    const text = query.get(key)
    let value: unknown = null
    try {
      value = text === null ? null : param.parse(text)
    } catch {
      // A parser that throws on a hand-made URL reads it as none, like one that refuses it.
    }
    values[key] = value ?? (param as { defaultValue?: unknown }).defaultValue ?? null
  }
  return values as UrlValues<Params>
}

/** `search` with `update` written into it, key by key in the update's order (a new key goes last). */
export function writeParams<Params extends UrlParams>(
  params: Params,
  search: URLSearchParams,
  update: UrlUpdate<Params>,
): URLSearchParams {
  for (const [key, value] of Object.entries(update)) {
    const param = params[key]
    if (!param || value === undefined) continue
    const { defaultValue } = param as { defaultValue?: unknown }
    if (value === null || (defaultValue !== undefined && param.eq(value, defaultValue))) search.delete(key)
    else search.set(key, param.serialize(value))
  }
  return search
}

/** A value in a query string, escaped only where it must be: the URL stays readable (`lifecycle=active,retired`). */
function encodeQueryValue(value: string): string {
  return (
    value
      .replace(/%/g, '%25')
      .replace(/\+/g, '%2B')
      .replace(/ /g, '+')
      .replace(/#/g, '%23')
      .replace(/&/g, '%26')
      .replace(/"/g, '%22')
      .replace(/'/g, '%27')
      .replace(/`/g, '%60')
      .replace(/</g, '%3C')
      .replace(/>/g, '%3E')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped here
      .replace(/[\x00-\x1F]/g, (character) => encodeURIComponent(character))
  )
}

/** `?key=value&…`, or nothing for no parameters. */
export function renderQueryString(search: URLSearchParams): string {
  const pairs = [...search].map(
    ([key, value]) =>
      `${key.replace(/#/g, '%23').replace(/&/g, '%26').replace(/\+/g, '%2B').replace(/=/g, '%3D').replace(/\?/g, '%3F')}=${encodeQueryValue(value)}`,
  )
  return pairs.length > 0 ? `?${pairs.join('&')}` : ''
}

/** `base` (a URL, its query string kept) with `values` written into its query string. */
export function createSerializer<Params extends UrlParams>(params: Params) {
  return (base: string, values: UrlUpdate<Params>): string => {
    const [pathAndSearch = '', ...hash] = base.split('#')
    const [path = '', ...query] = pathAndSearch.split('?')
    const search = writeParams(params, new URLSearchParams(query.join('?')), values)
    return `${path}${renderQueryString(search)}${hash.length > 0 ? `#${hash.join('#')}` : ''}`
  }
}

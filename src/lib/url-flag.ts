import { createParser } from './url-params'

/**
 * A yes/no URL parameter, read as the BFF reads its flags: `1` or `true` is
 * yes, `0` or `false` is no, anything else is not given. Written in one form,
 * `1` (a no is the default and leaves the URL), so links compare equal.
 */
export const parseAsFlag = createParser<boolean>({
  parse: (value) => {
    const normalized = value.trim().toLowerCase()
    if (normalized === '1' || normalized === 'true') return true
    if (normalized === '0' || normalized === 'false') return false
    return null
  },
  serialize: (value) => (value ? '1' : '0'),
})

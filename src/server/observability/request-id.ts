const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const ID_LENGTH = 24
// 248 = 4 × 62: bytes from 248 up are skipped, so every character is equally likely.
const UNBIASED_LIMIT = 248
const POOL_SIZE = 4096

/** The shape of the ids this server gives, like the Anthropic API's own: `req_` and 24 base62 characters. */
export const REQUEST_ID_PATTERN = /^req_[0-9A-Za-z]{24}$/

let pool = new Uint8Array(0)
let offset = 0

function randomByte(): number {
  // One call to the random source per few hundred ids: the list's fast path answers in microseconds.
  if (offset === pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_SIZE))
    offset = 0
  }
  return pool[offset++]!
}

/** A fresh id for one request: sent as the `request-id` header, in error bodies and in the log line. */
export function newRequestId(): string {
  let id = 'req_'
  while (id.length < 4 + ID_LENGTH) {
    const byte = randomByte()
    if (byte < UNBIASED_LIMIT) id += BASE62[byte % 62]
  }
  return id
}

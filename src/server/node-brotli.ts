import { Duplex } from 'node:stream'
import { brotliCompressSync, constants, createBrotliCompress } from 'node:zlib'
import type { Brotli } from './accept-encoding'

/**
 * Per-request brotli at quality 6 of 11: on the page (about 120 KB of HTML)
 * about 18% fewer bytes than gzip at its default level, and on
 * 2.6 MB of pages and lists (an export's size) about gzip's CPU: 0.8 ms and
 * 13–18 ms, against gzip's 0.8 and 14 ms (measured on the bench machine).
 * Quality 9 and up cost ten times that; 11 is for the build's assets,
 * compressed once (vite.config.ts).
 */
export const DYNAMIC_BROTLI_QUALITY = 6

const OPTIONS = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
}

/** node:zlib's brotli for the app core (createApp's `brotli`) and the list's fast path, the same settings for both. */
export const nodeBrotli: Brotli = {
  stream: () => Duplex.toWeb(createBrotliCompress(OPTIONS)) as ReadableWritablePair<Uint8Array, Uint8Array>,
  bytes: (bytes) => new Uint8Array(brotliCompressSync(bytes, OPTIONS)),
}

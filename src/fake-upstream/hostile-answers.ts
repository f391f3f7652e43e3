import type { Model } from '../contract/model'

/**
 * Answers of an upstream having a bad day, or a hostile one: bodies that drip,
 * never end, or inflate, and lists that loop, repeat or look odd. Each body is
 * made as it is read, so the fake holds none of it in memory.
 */

const encoder = new TextEncoder()

/** Headers now, then the body one byte per `intervalMs`, for as long as anyone reads. */
export function drippingBody(intervalMs: number): ReadableStream<Uint8Array> {
  const text = encoder.encode('{"data":[' + ' '.repeat(1_000_000))
  let offset = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  return new ReadableStream({
    pull(controller) {
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          controller.enqueue(text.slice(offset, offset + 1))
          offset = (offset + 1) % text.length
          resolve()
        }, intervalMs)
      })
    },
    cancel() {
      clearTimeout(timer)
    },
  })
}

/** A valid page of `bytes` bytes (roughly): one model whose unknown field is padding. */
export function hugePageBody(bytes: number, model: Model): ReadableStream<Uint8Array> {
  const head = encoder.encode(`{"data":[${JSON.stringify(model).slice(0, -1)},"padding":"`)
  const tail = encoder.encode(
    `"}],"first_id":${JSON.stringify(model.id)},"last_id":${JSON.stringify(model.id)},"has_more":false}`,
  )
  return paddedBody(head, tail, bytes)
}

/**
 * A gzip body that inflates to about `bytes` bytes: one member of a MiB of
 * spaces (about 1 KB compressed), repeated, then a member with a valid empty
 * page. Gzip allows members one after another, so the bomb costs the fake
 * one small compression, however large it inflates.
 */
export function gzipBombBody(bytes: number): ReadableStream<Uint8Array> {
  let members = Math.max(0, Math.floor(bytes / MEBIBYTE))
  return new ReadableStream({
    async pull(controller) {
      if (members > 0) {
        members -= 1
        controller.enqueue(await gzipped(MEBIBYTE_OF_SPACES))
      } else {
        controller.enqueue(await gzipped(EMPTY_PAGE))
        controller.close()
      }
    },
  })
}

const MEBIBYTE = 1024 * 1024
const MEBIBYTE_OF_SPACES = ' '.repeat(MEBIBYTE)
const EMPTY_PAGE = '{"data":[],"first_id":null,"last_id":null,"has_more":false}'
const compressed = new Map<string, Promise<Uint8Array>>()

function gzipped(text: string): Promise<Uint8Array> {
  let member = compressed.get(text)
  if (!member) {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
    member = new Response(stream).arrayBuffer().then((buffer) => new Uint8Array(buffer))
    compressed.set(text, member)
  }
  return member
}

const PADDING_CHUNK = encoder.encode('a'.repeat(64 * 1024))

function paddedBody(head: Uint8Array, tail: Uint8Array, bytes: number): ReadableStream<Uint8Array> {
  let remaining = Math.max(0, bytes - head.length - tail.length)
  let started = false
  return new ReadableStream({
    pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(head)
      } else if (remaining > 0) {
        const size = Math.min(remaining, PADDING_CHUNK.length)
        controller.enqueue(PADDING_CHUNK.subarray(0, size))
        remaining -= size
      } else {
        controller.enqueue(tail)
        controller.close()
      }
    },
  })
}

/** The first three models twice each, right after themselves, the copy renamed: to see which one wins. */
export function withDuplicates(models: readonly Model[]): Model[] {
  return models.flatMap((model, index) =>
    index < 3 ? [model, { ...model, display_name: `${model.display_name} (duplicate)` }] : [model],
  )
}

/** Ids no model of Anthropic's has, but an upstream could send: spaces, slashes, dots only, non-ASCII, escapes. */
export const ODD_IDS = [
  'claude odd id',
  'claude/slash',
  '..',
  'claude-ünïcödé',
  'claude%2Fescaped',
  'claude?query#hash',
]

/** The catalogue with one model for each odd id at its start, so a page boundary falls on them too. */
export function withOddIds(models: readonly Model[]): Model[] {
  const odd = ODD_IDS.map((id, index) => ({
    id,
    type: 'model',
    display_name: `Odd ${index + 1}`,
    created_at: '2025-01-01T00:00:00Z',
  }))
  return [...odd, ...models]
}

/** A lone high surrogate: half of a UTF-16 pair, valid in a JS string and JSON, not in UTF-8. */
export const LONE_SURROGATE = '\uD83D'

/** The first three models with a lone surrogate in their names, as a sloppy upstream's truncation would leave. */
export function withLoneSurrogates(models: readonly Model[]): Model[] {
  return models.map((model, index) =>
    index < 3 ? { ...model, display_name: `${model.display_name} ${LONE_SURROGATE}` } : model,
  )
}

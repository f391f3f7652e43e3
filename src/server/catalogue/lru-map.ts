export interface LruLimits<V, K = unknown> {
  /** The most entries kept. */
  maxEntries?: number
  /** The most bytes kept, as `sizeOf` estimates them: what bounds memory when one entry can be 10 bytes or 10 MB. */
  maxBytes?: number
  /** An entry's bytes; the key is given too, for caches whose keys are visitor input of any length. */
  sizeOf?: (value: V, key: K) => number
}

/**
 * A Map that forgets its least recently used entries beyond its limits: a
 * number of entries, or a total of bytes. A value bigger than the whole byte
 * budget is handed back by getOrCreate but not kept.
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, { value: V; bytes: number }>()
  readonly #maxEntries: number
  readonly #maxBytes: number
  readonly #sizeOf: (value: V, key: K) => number
  #bytes = 0

  constructor(limits: number | LruLimits<V, K>) {
    const {
      maxEntries = Infinity,
      maxBytes = Infinity,
      sizeOf = () => 0,
    } = typeof limits === 'number' ? { maxEntries: limits } : limits
    this.#maxEntries = maxEntries
    this.#maxBytes = maxBytes
    this.#sizeOf = sizeOf
  }

  /** The bytes kept, as estimated. */
  get bytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#entries.size
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key)
    if (entry !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, entry)
    }
    return entry?.value
  }

  set(key: K, value: V): void {
    this.delete(key)
    const bytes = this.#sizeOf(value, key)
    if (bytes > this.#maxBytes) return
    this.#entries.set(key, { value, bytes })
    this.#bytes += bytes
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      this.delete(this.#entries.keys().next().value as K)
    }
  }

  delete(key: K): void {
    const entry = this.#entries.get(key)
    if (entry === undefined) return
    this.#entries.delete(key)
    this.#bytes -= entry.bytes
  }

  getOrCreate(key: K, create: () => V): V {
    const existing = this.get(key)
    if (existing !== undefined) return existing
    const value = create()
    this.set(key, value)
    return value
  }
}

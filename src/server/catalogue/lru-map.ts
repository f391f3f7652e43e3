/** A Map that forgets its least recently used entries beyond `capacity`. */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>()

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.#entries.get(key)
    if (value !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, value)
    }
    return value
  }

  set(key: K, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    if (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value as K)
    }
  }

  getOrCreate(key: K, create: () => V): V {
    const existing = this.get(key)
    if (existing !== undefined) return existing
    const value = create()
    this.set(key, value)
    return value
  }
}

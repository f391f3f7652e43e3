import type { Model } from '../../contract/model'

const SIGNATURE_WORDS = 4 // 128 bits per model

function setBit(signatures: Int32Array, base: number, hash: number): void {
  const bit = hash >>> 25 // 0–127
  signatures[base + (bit >>> 5)]! |= 1 << (bit & 31)
}

/** Sets a bit for every character and every pair of neighbouring characters of `text`. */
function sign(text: string, signatures: Int32Array, base: number): void {
  let previous = -1
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    setBit(signatures, base, Math.imul(code, 0x9e3779b1))
    if (previous >= 0) setBit(signatures, base, Math.imul(previous * 65_537 + code, 0x85ebca6b))
    previous = code
  }
}

/**
 * The lower-cased search text of each model (id and display name), with a
 * 128-bit signature of its characters and character pairs. A term can only be
 * in a text whose signature has every bit of the term's, so a query rules out
 * most models with four integer tests and searches the strings of the rest: a
 * filter over 100,000 models takes well under a millisecond instead of several.
 */
export class SearchIndex {
  readonly #texts: string[]
  readonly #signatures: Int32Array

  constructor(models: readonly Model[]) {
    this.#texts = models.map((model) => `${model.id}\n${model.display_name}`.toLowerCase())
    this.#signatures = new Int32Array(models.length * SIGNATURE_WORDS)
    this.#texts.forEach((text, index) => sign(text, this.#signatures, index * SIGNATURE_WORDS))
  }

  /**
   * The indices in `order` (positions in the models given to the constructor)
   * whose text contains every term, in the same order. Terms are lower-case.
   */
  filter(order: Int32Array, terms: readonly string[]): number[] {
    const wanted = new Int32Array(SIGNATURE_WORDS)
    for (const term of terms) sign(term, wanted, 0)
    const [w0, w1, w2, w3] = [wanted[0]!, wanted[1]!, wanted[2]!, wanted[3]!]
    const texts = this.#texts
    const signatures = this.#signatures
    const matches: number[] = []
    candidates: for (let position = 0; position < order.length; position += 1) {
      const index = order[position]!
      const base = index * SIGNATURE_WORDS
      if (
        (signatures[base]! & w0) !== w0 ||
        (signatures[base + 1]! & w1) !== w1 ||
        (signatures[base + 2]! & w2) !== w2 ||
        (signatures[base + 3]! & w3) !== w3
      ) {
        continue
      }
      const text = texts[index]!
      for (const term of terms) if (!text.includes(term)) continue candidates
      matches.push(index)
    }
    return matches
  }
}

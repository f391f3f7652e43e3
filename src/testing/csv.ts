import { expect } from 'vitest'

/** An RFC 4180 reader, strict about what this test expects: CRLF records, doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      index += 1
    } else {
      if (char === '\r' || char === '\n') throw new Error(`a bare ${JSON.stringify(char)} outside quotes`)
      cell += char
    }
  }
  expect(cell, 'the last record ends with CRLF').toBe('')
  return rows
}

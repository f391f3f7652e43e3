import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { csvCell, csvColumns, exportFilename, exportStream } from './export-format'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'

const AT = Date.UTC(2026, 10, 25, 14)

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['', ''],
  ])('writes %j as %j (RFC 4180)', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    // Quoted too: a tab separates cells in some imports.
    ['\tTAB', `"'\tTAB"`],
    ['=HYPERLINK("http://x", "y")', `"'=HYPERLINK(""http://x"", ""y"")"`],
    // The CR starts a formula, and so does the = after it once a reader splits the line there.
    ['\r=1', `"'\r'=1"`],
  ])('escapes the formula %j as text: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it.each([
    ['  =1+1', "'  =1+1"],
    // Trimmed, the cell starts with the ' put before the =.
    ['\n=1+1', `"\n'=1+1"`],
    ['\u00A0\u3000@SUM(A1)', "'\u00A0\u3000@SUM(A1)"],
    ['\uFEFF-1', "'\uFEFF-1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
    ['  \uFF1DHYPERLINK(1)', "'  \uFF1DHYPERLINK(1)"],
  ])('escapes %j, a formula once blanks are trimmed or in full-width form, as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it.each([
    ['a;b', '"a;b"'],
    ['Opus;=1+1', `"Opus;'=1+1"`],
    ['Opus; \uFF0B1', `"Opus;' \uFF0B1"`],
    ['Opus,@x', `"Opus,'@x"`],
    ['Opus\t-1', `"Opus\t'-1"`],
    ['two\n=lines', `"two\n'=lines"`],
  ])('quotes %j, with a separator in it, and neutralises a formula after it: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('leaves no cell, nor any part split at a separator, starting with a formula once trimmed', () => {
    const starts = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']
    const blanks = ['', ' ', '\n', '\r\n', '\u3000', '\u00A0 ']
    const separators = [',', ';', '\t', '\n']
    for (const start of starts) {
      for (const blank of blanks) {
        for (const separator of separators) {
          const cell = csvCell(`${blank}${start}1${separator}${blank}${start}2`)
          const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell
          for (const part of unquoted.split(/[,;\t\r\n]/)) {
            expect(part.replace(/^[\s\u00A0\u3000\uFEFF]+/, ''), JSON.stringify(cell)).not.toMatch(
              /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/,
            )
          }
        }
      }
    }
  })

  it('writes null and undefined as empty, numbers as digits, objects as JSON', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(200000)).toBe('200000')
    expect(csvCell({ vision: true })).toBe('"{""vision"":true}"')
  })
})

describe('csvColumns', () => {
  const base: Model = { id: 'a', type: 'model', display_name: 'A', created_at: '2025-01-01T00:00:00Z' }

  it('gives the four base columns for a seed-era catalogue', () => {
    expect(csvColumns([base])).toEqual(['id', 'display_name', 'created_at', 'type'])
  })

  it('adds the optional fields that any model has, known ones first, then unknown ones', () => {
    const models: Model[] = [
      { ...base, future_field: 'x' },
      { ...base, id: 'b', max_tokens: 64000, lifecycle: 'active' },
    ]
    expect(csvColumns(models)).toEqual([
      'id',
      'display_name',
      'created_at',
      'type',
      'lifecycle',
      'max_tokens',
      'future_field',
    ])
  })

  it('has a column for each of the eleven keys of an API 2026-10-21 record, the capability tree as JSON', async () => {
    expect(csvColumns(DEMO_MODELS)).toEqual([
      'id',
      'display_name',
      'created_at',
      'type',
      'lifecycle',
      'deprecated_at',
      'retires_at',
      'line',
      'max_input_tokens',
      'max_tokens',
      'capabilities',
    ])
    const csv = await new Response(exportStream(DEMO_MODELS.slice(0, 1), 'csv')).text()
    const cells = csv.split('\r\n')[1]!
    expect(cells).toContain(',opus,1000000,128000,')
    expect(cells).toContain(csvCell(DEMO_MODELS[0]!.capabilities))
  })
})

describe('exportStream as JSON', () => {
  it('keeps every field of every record, the whole capability tree included', async () => {
    const json = await new Response(exportStream(DEMO_MODELS, 'json')).text()
    expect(JSON.parse(json)).toEqual(DEMO_MODELS)
  })
})

describe('exportFilename', () => {
  it('names the whole catalogue "all" with the date', () => {
    expect(exportFilename({}, AT, 'csv')).toBe('models-all-2026-11-25.csv')
  })

  it('names the filter and sort in safe characters only', () => {
    expect(exportFilename({ q: 'Opus 4', sort: '-created_at' }, AT, 'json')).toBe(
      'models-opus-4-by-created_at-desc-2026-11-25.json',
    )
    const hostile = exportFilename({ q: '"; rm -rf / \r\n../../etc/passwd' }, AT, 'csv')
    expect(hostile).toMatch(/^models-[a-z0-9_-]+-2026-11-25\.csv$/)
  })

  it('keeps the name short however long the filter', () => {
    expect(exportFilename({ q: 'x'.repeat(200) }, AT, 'csv').length).toBeLessThan(110)
  })
})

describe('exportStream', () => {
  async function text(stream: ReadableStream<Uint8Array>) {
    return new Response(stream).text()
  }

  it('gives an empty JSON array and a header-only CSV for an empty view', async () => {
    expect(JSON.parse(await text(exportStream([], 'json')))).toEqual([])
    expect(await text(exportStream([], 'csv'))).toBe('id,display_name,created_at,type\r\n')
  })

  it('sends a large view in several chunks', async () => {
    const models = Array.from({ length: 1200 }, (_, index) => ({
      id: `m-${index}`,
      type: 'model',
      display_name: `M ${index}`,
      created_at: '2025-01-01T00:00:00Z',
    }))
    const reader = exportStream(models, 'json').getReader()
    let chunks = 0
    let body = ''
    const decoder = new TextDecoder()
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks += 1
      body += decoder.decode(read.value, { stream: true })
    }
    expect(chunks).toBeGreaterThan(1)
    expect(JSON.parse(body)).toEqual(models)
  })

  it('leaves an unknown release date empty in the CSV and keeps the upstream value in the JSON', async () => {
    const models = [
      { id: 'old', type: 'model', display_name: 'Old', created_at: '1970-01-01T00:00:00Z' },
      { id: 'new', type: 'model', display_name: 'New', created_at: '2025-01-01T00:00:00Z' },
    ]
    expect(await text(exportStream(models, 'csv'))).toBe(
      'id,display_name,created_at,type\r\nold,Old,,model\r\nnew,New,2025-01-01T00:00:00Z,model\r\n',
    )
    expect(JSON.parse(await text(exportStream(models, 'json')))).toEqual(models)
  })
})

import { expect, test } from '@playwright/test'
import { firstVisitFiles } from '../scripts/first-visit-bytes'

// Deterministic, so a test: the JS and CSS of a first visit, gzip-compressed.
const BUDGET_GZIP_BYTES = 125 * 1024

test(`the first visit loads at most ${BUDGET_GZIP_BYTES / 1024} KB of gzip JS and CSS`, () => {
  const files = firstVisitFiles()
  expect(files.some((file) => file.path.endsWith('.js'))).toBe(true)
  const total = files.reduce((sum, file) => sum + file.gzipBytes, 0)
  const listing = files.map((file) => `${file.path}: ${(file.gzipBytes / 1024).toFixed(1)} KB`).join('\n')
  expect(total, `first-visit files:\n${listing}`).toBeLessThanOrEqual(BUDGET_GZIP_BYTES)
})

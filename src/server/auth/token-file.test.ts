import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCapturingLogger, createFakeClock } from '../../testing/test-app'
import { readTokenFile, watchedTokenFile } from './token-file'

const line = (name: string, token: string) => `${name}:${createHash('sha256').update(token).digest('hex')}`
const dirs: string[] = []
function tokenFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokens-'))
  dirs.push(dir)
  const path = join(dir, 'tokens')
  writeFileSync(path, text)
  return path
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('readTokenFile', () => {
  it('reads the lines a README command makes', () => {
    const read = readTokenFile(tokenFile(`${line('prometheus', 'a')}\n${line('feeds', 'b')}\n`))
    expect(read.ok && read.entries.map((entry) => entry.name)).toEqual(['prometheus', 'feeds'])
  })

  it('names the file and the line of a bad line, without echoing the line', () => {
    const path = tokenFile(`${line('prometheus', 'a')}\nfeeds:my-plain-token\n`)
    const read = readTokenFile(path)
    expect(read.ok).toBe(false)
    expect(!read.ok && read.message).toMatch(new RegExp(`^AUTH_TOKENS_FILE ${path} line 2 is not "name:sha256-hex`))
    expect(!read.ok && read.message).not.toContain('my-plain-token')
  })

  it('says when the file cannot be read', () => {
    expect(readTokenFile('/nonexistent/tokens')).toEqual({
      ok: false,
      message: 'AUTH_TOKENS_FILE /nonexistent/tokens could not be read (ENOENT)',
    })
  })
})

describe('watchedTokenFile', () => {
  it('re-reads the file when it changes, so a removed line revokes its token', () => {
    const path = tokenFile(`${line('prometheus', 'a')}\n${line('feeds', 'b')}\n`)
    const initial = readTokenFile(path)
    const clock = createFakeClock()
    const logger = createCapturingLogger()
    const current = watchedTokenFile(path, initial.ok ? initial.entries : [], logger, clock.now)
    writeFileSync(path, `${line('prometheus', 'a')}\n`)
    // Checked at most once a second.
    expect(current().map((entry) => entry.name)).toEqual(['prometheus', 'feeds'])
    clock.advance(1000)
    expect(current().map((entry) => entry.name)).toEqual(['prometheus'])
    expect(logger.lines).toEqual(['Tokens re-read from AUTH_TOKENS_FILE: prometheus.'])
  })

  it('accepts no token while an edit leaves the file broken', () => {
    const path = tokenFile(`${line('prometheus', 'a')}\n`)
    const initial = readTokenFile(path)
    const clock = createFakeClock()
    const logger = createCapturingLogger()
    const current = watchedTokenFile(path, initial.ok ? initial.entries : [], logger, clock.now)
    writeFileSync(path, `${line('prometheus', 'a')}\noops\n`)
    clock.advance(1000)
    expect(current()).toEqual([])
    expect(logger.lines[0]).toContain('line 2 is not')
    expect(logger.lines[0]).toContain('No token is accepted until it is fixed.')
  })
})

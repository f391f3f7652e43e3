import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/history-fixtures'
import { createDirectory, LOCK_FILE, lockDataDir } from './data-dir'

function refused(result: ReturnType<typeof lockDataDir>): string {
  if (result.ok) throw new Error('expected DATA_DIR to be refused')
  expect(result.message).not.toContain('\n')
  expect(result.message).toContain('start again')
  return result.message
}

describe('createDirectory', () => {
  it('creates a directory and its missing parents', () => {
    const dir = join(tempDir('data-dir-'), 'a', 'b', 'c')
    createDirectory(dir)
    expect(existsSync(dir)).toBe(true)
    createDirectory(dir)
  })

  it.runIf(process.platform === 'linux')(
    'fails at once, with a code, where recursive mkdir would spin (/proc/self/x)',
    () => {
      const startedAt = performance.now()
      expect(() => createDirectory('/proc/self/x/y')).toThrow(expect.objectContaining({ code: expect.any(String) }))
      expect(performance.now() - startedAt).toBeLessThan(1_000)
    },
  )

  it('refuses a path whose last part is a file', () => {
    const file = join(tempDir('data-dir-'), 'file')
    writeFileSync(file, 'x')
    expect(() => createDirectory(file)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }))
  })
})

describe('lockDataDir', () => {
  it('takes DATA_DIR with a lock file holding its pid, and gives it back on release', () => {
    const dir = join(tempDir('data-dir-'), 'data')
    const lock = lockDataDir(dir)
    expect(lock.ok).toBe(true)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
    if (lock.ok) lock.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('refuses a second server on the same DATA_DIR in one line naming the other pid and what to do', () => {
    const dir = tempDir('data-dir-')
    const first = lockDataDir(dir)
    expect(first.ok).toBe(true)
    // Another process asking: the holder (this process) is running.
    const message = refused(lockDataDir(dir, process.pid + 1))
    expect(message).toContain(`pid ${process.pid}`)
    expect(message).toContain(dir)
    expect(message).toContain('give this server its own DATA_DIR')
    // Releasing from the refused side never removes the holder's lock.
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
  })

  it.each([
    ['a pid that no longer runs', '2147483646\n'],
    ['garbage', 'not a pid'],
  ])('takes over a lock left with %s', (_what, content) => {
    const dir = tempDir('data-dir-')
    writeFileSync(join(dir, LOCK_FILE), content)
    expect(lockDataDir(dir).ok).toBe(true)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
  })

  it('takes over its own pid, as after a container restart where it is pid 1 again', () => {
    const dir = tempDir('data-dir-')
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n`)
    expect(lockDataDir(dir).ok).toBe(true)
  })

  it.runIf(process.platform === 'linux')('refuses a DATA_DIR that cannot be created, at once', () => {
    const message = refused(lockDataDir('/proc/self/x'))
    expect(message).toContain('DATA_DIR /proc/self/x cannot be created')
  })

  it.skipIf(process.getuid?.() === 0)('refuses a DATA_DIR this user cannot write', () => {
    const dir = join(tempDir('data-dir-'), 'data')
    mkdirSync(dir)
    chmodSync(dir, 0o555)
    expect(refused(lockDataDir(dir))).toContain('cannot be written')
    chmodSync(dir, 0o755)
  })
})

import { describe, expect, it } from 'vitest'
import { latestPreparation, SupersededError } from './latest-preparation'

/** A preparation that ends when the test says, or with its signal's reason once aborted. */
function controlled<T>(value: T) {
  let finish!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  let seen: AbortSignal | undefined
  const prepare = async (signal: AbortSignal) => {
    seen = signal
    await done
    return value
  }
  return { prepare, finish, signal: () => seen }
}

describe('one preparation at a time', () => {
  it('lets the newest win: an older one that finishes later never commits', async () => {
    const run = latestPreparation()
    const committed: string[] = []
    const older = controlled('older')
    const newer = controlled('newer')
    const first = run(undefined, older.prepare, (value) => committed.push(value))
    const second = run(undefined, newer.prepare, (value) => committed.push(value))
    // The older one was told to stop as soon as the newer one started.
    expect(older.signal()?.aborted).toBe(true)
    newer.finish()
    older.finish()
    await expect(second).resolves.toBe(1)
    await expect(first).rejects.toBeInstanceOf(SupersededError)
    expect(committed).toEqual(['newer'])
  })

  it('lets the newest win when the older one finishes first, too', async () => {
    const run = latestPreparation()
    const committed: string[] = []
    const older = controlled('older')
    const first = run(undefined, older.prepare, (value) => committed.push(value))
    older.finish()
    const second = run(
      undefined,
      async () => 'newer',
      (value) => committed.push(value),
    )
    await expect(first).rejects.toBeInstanceOf(SupersededError)
    await second
    expect(committed).toEqual(['newer'])
  })

  it('is cancelled by its caller (a deadline, a stop): it ends with that reason and commits nothing', async () => {
    const run = latestPreparation()
    const caller = new AbortController()
    const prepared = controlled('value')
    let commits = 0
    const pending = run(caller.signal, prepared.prepare, () => (commits += 1))
    const reason = new Error('the deadline passed')
    caller.abort(reason)
    expect(prepared.signal()?.aborted).toBe(true)
    prepared.finish()
    await expect(pending).rejects.toBe(reason)
    expect(commits).toBe(0)
  })

  it('runs the next one normally after one has ended', async () => {
    const run = latestPreparation()
    await run(
      undefined,
      async () => 1,
      (value) => value,
    )
    await expect(
      run(
        undefined,
        async () => 2,
        (value) => value * 10,
      ),
    ).resolves.toBe(20)
  })
})

import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const tsx = createRequire(import.meta.url).resolve('tsx/cli')

/** Starts the server entry with only `env`, and gives what it printed once it exits or has printed `until`. */
function start(env: Record<string, string>, until?: RegExp): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, 'src/server/main.ts'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (until?.test(stderr)) child.kill()
    })
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

// Each test starts a process through tsx, which takes seconds on a loaded machine.
describe('start-up', { timeout: 30_000 }, () => {
  it('refuses a network HOST without sign-in, in one line naming the options', async () => {
    const { code, stderr } = await start({ HOST: '0.0.0.0' })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      'Configuration error: HOST=0.0.0.0 is reachable from the network, but no sign-in is set up: set OIDC_ISSUER (single sign-on), AUTH_PROXY_HEADER with AUTH_PROXY_TRUSTED (behind a sign-in proxy) or AUTH_TOKENS_FILE (tokens), or AUTH=none to run it open on purpose.',
    ])
  })

  it('warns at start when AUTH=none opens it to the network on purpose', async () => {
    const { stderr } = await start({ HOST: '0.0.0.0', AUTH: 'none' }, /Warning/)
    expect(stderr).toContain(
      'Warning: AUTH=none with HOST=0.0.0.0: anyone who can reach this address can read the catalogue.',
    )
  })

  it('refuses a tokens file it cannot read, naming it', async () => {
    const { code, stderr } = await start({ AUTH_TOKENS_FILE: '/nonexistent/tokens' })
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('Configuration error: AUTH_TOKENS_FILE /nonexistent/tokens could not be read (ENOENT).')
  })
})

import { describe, expect, it } from 'vitest'
import { createTestApp, readError } from '../../testing/test-app'
import { NO_AUTH } from './auth-config'

function appAllowing(allowedHosts: string[] | null) {
  return createTestApp({ config: { auth: { ...NO_AUTH, allowedHosts } } }).app
}

describe('Host check', () => {
  it('answers the loopback names on any port by default', async () => {
    const app = appAllowing(NO_AUTH.allowedHosts as string[])
    for (const origin of ['http://localhost:8787', 'http://127.0.0.1:5173', 'http://[::1]:8787', 'http://localhost']) {
      expect((await app.request(`${origin}/api/health`)).status, origin).toBe(200)
    }
  })

  it('answers 421 in the error shape to another Host, as a DNS-rebinding page would send', async () => {
    const app = appAllowing(NO_AUTH.allowedHosts as string[])
    const response = await app.request('http://attacker.example:8787/api/models')
    expect(response.status).toBe(421)
    expect((await readError(response)).error.message).toBe(
      'This server does not answer for the host "attacker.example:8787". Open it by its own address, or add the host to ALLOWED_HOSTS on the server.',
    )
    expect((await app.request('http://attacker.example/')).status).toBe(421)
    expect((await app.request('http://attacker.example/feed.xml')).status).toBe(421)
  })

  it('takes a port in an entry as the only port allowed for that host', async () => {
    const app = appAllowing(['dash.example:8443', 'other.example'])
    expect((await app.request('https://dash.example:8443/api/health')).status).toBe(200)
    expect((await app.request('https://dash.example/api/health')).status).toBe(421)
    expect((await app.request('https://other.example:9999/api/health')).status).toBe(200)
    expect((await app.request('https://other.example/api/health')).status).toBe(200)
  })

  it('answers any host with ALLOWED_HOSTS=*', async () => {
    expect((await appAllowing(null).request('http://anything.example/api/health')).status).toBe(200)
  })

  it('leaves the probes to any host: orchestrators call them by address', async () => {
    const app = appAllowing(['dash.example'])
    // The probes are the other half of issue 11; whatever answers them, the Host check does not.
    for (const path of ['/healthz', '/readyz']) {
      expect((await app.request(`http://10.1.2.3:8787${path}`)).status).not.toBe(421)
    }
  })
})

/**
 * A browser as far as sign-in needs one: a cookie jar per host, and redirects
 * followed one by one. Requests to `appOrigin` go to the app's own `request`
 * (no network); every other host is fetched for real.
 */
export function createTestBrowser(
  appOrigin: string,
  appRequest: (url: string, init: RequestInit) => Promise<Response>,
) {
  const jars = new Map<string, Map<string, string>>()
  const jarOf = (url: URL) => jars.get(url.host) ?? jars.set(url.host, new Map()).get(url.host)!

  function keepCookies(url: URL, response: Response) {
    const jar = jarOf(url)
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';')
      const [name, ...value] = pair!.split('=')
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))
      if (expired) jar.delete(name!.trim())
      else jar.set(name!.trim(), value.join('='))
    }
  }

  async function request(target: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(target)
    const cookie = [...jarOf(url)].map(([name, value]) => `${name}=${value}`).join('; ')
    const headers = new Headers(init.headers)
    if (cookie) headers.set('cookie', cookie)
    const response =
      url.origin === appOrigin
        ? await appRequest(url.href, { ...init, headers })
        : await fetch(url, { ...init, headers, redirect: 'manual' })
    keepCookies(url, response)
    return response
  }

  /** Requests `target` and follows redirects; gives the last answer, where it came from, and each URL on the way. */
  async function follow(target: string, init: RequestInit = {}) {
    const visited = [target]
    let response = await request(target, init)
    while (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      const next = new URL(response.headers.get('location')!, visited.at(-1)).href
      visited.push(next)
      if (visited.length > 12) throw new Error(`too many redirects: ${visited.join(' → ')}`)
      response = await request(next)
    }
    return { response, url: visited.at(-1)!, visited }
  }

  return {
    request,
    follow,
    cookies: (origin: string) => jarOf(new URL(origin)),
  }
}
export type TestBrowser = ReturnType<typeof createTestBrowser>

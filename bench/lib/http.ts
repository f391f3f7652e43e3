/** GET a URL and read its JSON; anything but a 200 is an error naming the URL. */
export async function getJson<T = unknown>(url: string): Promise<T> {
  const response = await fetch(url)
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

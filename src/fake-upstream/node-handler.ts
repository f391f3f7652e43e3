import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

/**
 * A web-standard handler (`Request → Response`) as a Node request listener,
 * for the fake on a real port. The body is streamed, not buffered: a dripping
 * or endless body reaches the client as it is made, and stops when it leaves.
 */
export function nodeHandler(handle: (request: Request, signal: AbortSignal) => Promise<Response>) {
  async function answer(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const controller = new AbortController()
    outgoing.on('close', () => controller.abort())
    const url = `http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD'
    const request = new Request(url, {
      method: incoming.method,
      headers: incoming.headers as Record<string, string>,
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream) : undefined,
      signal: controller.signal,
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit)
    const response = await handle(request, controller.signal)
    if (response.type === 'error') {
      incoming.socket.destroy()
      return
    }
    outgoing.writeHead(response.status, Object.fromEntries(response.headers))
    if (!response.body) return void outgoing.end()
    const body = Readable.fromWeb(response.body as NodeReadableStream)
    outgoing.on('close', () => body.destroy())
    body.pipe(outgoing)
  }

  return (incoming: IncomingMessage, outgoing: ServerResponse) => {
    answer(incoming, outgoing).catch(() => outgoing.destroy())
  }
}

import type { Agent } from 'node:http'
import { send } from './client'
import { judge } from './judge'
import type { createRecorder } from './recorder'
import { createUser, seededRandom } from './request-mix'

/** `connections` simulated users, each sending one request after another until `until`. */
export async function runUsers(
  agent: Agent,
  baseUrl: string,
  recorder: ReturnType<typeof createRecorder>,
  { connections, until, phase, seed }: { connections: number; until: number; phase: () => string; seed: number },
): Promise<void> {
  const random = seededRandom(seed)
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const user = createUser(random)
      while (performance.now() < until) {
        const planned = user.next()
        const answer = await send(agent, `${baseUrl}${planned.path}`, planned)
        const verdict = judge(answer, planned.expect)
        recorder.record(planned.kind, planned.path, phase(), answer.status, answer.ms, verdict)
        if (verdict.page && !verdict.problem && planned.kind !== 'refresh') {
          const etag = answer.headers.etag
          user.saw({
            path: planned.path,
            etag: typeof etag === 'string' ? etag : undefined,
            ids: verdict.page.data.map((model) => model.id),
            offset: verdict.page.offset,
            total: verdict.page.total,
          })
        }
      }
    }),
  )
}

import type { ConnectionPool } from './client'
import { judge } from './judge'
import type { createRecorder } from './recorder'
import { createUser, seededRandom } from './request-mix'

/** `connections` simulated users, each sending one request after another until `until`. */
export async function runUsers(
  pool: ConnectionPool,
  recorder: ReturnType<typeof createRecorder>,
  { connections, until, phase, seed }: { connections: number; until: number; phase: () => string; seed: number },
): Promise<void> {
  const random = seededRandom(seed)
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const user = createUser(random)
      while (performance.now() < until) {
        const planned = user.next()
        // Filed under the upstream's phase when it was sent: a request sent into a hang may be answered after it.
        const sentIn = phase()
        const answer = await pool.send(planned.path, planned)
        // Judging takes longer than reading an answer. Left in the callback that read this one, it would delay
        // the reading, and so the timing, of every other answer that arrived with it; after setImmediate those
        // have all been read first.
        await new Promise(setImmediate)
        const verdict = judge(answer, planned.expect)
        recorder.record(planned.kind, planned.path, sentIn, answer.status, answer.ms, verdict)
        if (verdict.page && !verdict.problem && planned.kind !== 'refresh') {
          const etag = answer.headers.etag
          user.saw({
            path: planned.path,
            etag: typeof etag === 'string' ? etag : undefined,
            ids: verdict.page.data.map((model) => model.id),
            offset: verdict.page.offset,
            total: verdict.page.total,
            fetchedAt: verdict.page.fetched_at,
          })
        }
      }
    }),
  )
}

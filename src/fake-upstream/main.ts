import { createServer } from 'node:http'
import { z } from 'zod'
import { DEMO_MODELS } from './demo-catalogue'
import { createFakeUpstream, FAKE_API_KEY } from './fake-upstream'
import { faultSchema } from './faults'
import { listenUntilStopped } from './listen'
import { nodeHandler } from './node-handler'
import { syntheticCatalogue } from './synthetic-catalogue'

/**
 * The fake upstream on a port of its own, for e2e tests, benchmarks and anyone
 * who wants to point ANTHROPIC_BASE_URL at it. `POST /__fake/*` switches it.
 */
const env = z
  .object({
    FAKE_UPSTREAM_HOST: z.string().default('127.0.0.1'),
    FAKE_UPSTREAM_PORT: z.coerce.number().int().min(0).max(65_535).default(8788),
    FAKE_UPSTREAM_KEY: z.string().min(1).default(FAKE_API_KEY),
    DEMO_MODELS: z.coerce.number().int().min(1).optional(),
    // A fault to start with, as JSON: e.g. a server that must meet a failing upstream first.
    FAKE_UPSTREAM_FAULT: z
      .string()
      .transform((text, context) => {
        try {
          return JSON.parse(text) as unknown
        } catch {
          context.addIssue({ code: 'custom', message: 'must be JSON' })
          return z.NEVER
        }
      })
      .pipe(faultSchema)
      .optional(),
  })
  .safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')))
if (!env.success) {
  console.error(
    `Configuration error: ${env.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
  )
  process.exit(1)
}
const { FAKE_UPSTREAM_HOST: host, FAKE_UPSTREAM_PORT: port, FAKE_UPSTREAM_KEY: apiKey, DEMO_MODELS: size } = env.data
const catalogue = () => (size ? syntheticCatalogue(size) : [...DEMO_MODELS])
const fake = createFakeUpstream({ apiKey, models: catalogue() })
if (env.data.FAKE_UPSTREAM_FAULT) fake.setFault(env.data.FAKE_UPSTREAM_FAULT)

const controlSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('fault'),
    fault: faultSchema.nullable(),
    times: z.number().int().positive().optional(),
  }),
  z.object({ action: z.literal('latency'), ms: z.number().int().min(0) }),
  z.object({
    action: z.literal('models'),
    count: z.number().int().min(0).optional(),
    models: z.array(z.looseObject({})).optional(),
  }),
  z.object({ action: z.literal('shape'), shape: z.enum(['seed', 'current']) }),
  z.object({ action: z.literal('reset') }),
])

async function control(request: Request): Promise<Response> {
  if (request.method === 'GET') return Response.json({ ok: true })
  const parsed = controlSchema.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message }, { status: 400 })
  const command = parsed.data
  if (command.action === 'fault') fake.setFault(command.fault, command.times)
  if (command.action === 'latency') fake.setLatency(command.ms)
  if (command.action === 'shape') fake.setShape(command.shape)
  if (command.action === 'reset') {
    fake.reset()
    fake.setModels(catalogue())
  }
  if (command.action === 'models') {
    fake.setModels(
      command.models
        ? (command.models as never)
        : command.count !== undefined
          ? syntheticCatalogue(command.count)
          : catalogue(),
    )
  }
  return Response.json({
    ok: true,
    stats: { listCalls: fake.stats.listCalls, retrieveCalls: fake.stats.retrieveCalls },
  })
}

const server = createServer(
  nodeHandler((request, signal) =>
    new URL(request.url).pathname.startsWith('/__fake/') ? control(request) : fake.handle(request, signal),
  ),
)
listenUntilStopped(
  server,
  host,
  port,
  (url) => `Fake Anthropic API on ${url} (key: FAKE_UPSTREAM_KEY or the built-in demo key)`,
)

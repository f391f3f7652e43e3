import { parseConfig } from './config'
import { secretsOf } from './config-secrets'
import { createApp } from './create-app'
import { createPinoLogger } from './observability/pino-logger'

// The app that `npm run dev` mounts inside Vite for /api. Vite itself serves the page (with HMR, no server
// render), so unlike start-server.ts this entry hands createApp no client and no page renderer.
const parsed = parseConfig(process.env)
if (!parsed.ok) throw new Error(parsed.message)

const config = parsed.config
export default createApp(config, {
  logger: createPinoLogger({ format: config.logFormat, level: config.logLevel, secrets: secretsOf(config) }),
})

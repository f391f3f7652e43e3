import { parseConfig } from './config'
import { createApp } from './create-app'

// The app that `npm run dev` mounts inside Vite for /api. Vite itself serves the page (with HMR, no server
// render), so unlike start-server.ts this entry hands createApp no client and no page renderer.
const parsed = parseConfig(process.env)
if (!parsed.ok) throw new Error(parsed.message)

export default createApp(parsed.config)

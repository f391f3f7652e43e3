import { parseConfig } from './config'
import { createApp } from './create-app'

// The app that `npm run dev` mounts inside Vite; Vite itself serves the page.
const parsed = parseConfig(process.env)
if (!parsed.ok) throw new Error(parsed.message)

export default createApp(parsed.config)

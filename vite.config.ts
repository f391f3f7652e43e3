import devServer from '@hono/vite-dev-server'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// One config, two builds: the dashboard into dist/client, and (with --ssr) the
// server and the stand-alone fake upstream into dist/server.
export default defineConfig(({ isSsrBuild }) =>
  isSsrBuild
    ? {
        build: {
          ssr: true,
          copyPublicDir: false,
          outDir: 'dist/server',
          emptyOutDir: true,
          target: 'node20',
          rollupOptions: {
            input: { main: 'src/server/main.ts', 'fake-upstream': 'src/fake-upstream/main.ts' },
            // Chunks beside the entries, so each finds the client at ../client/.
            output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      }
    : {
        plugins: [
          react(),
          tailwindcss(),
          // `npm run dev`: the BFF answers /api inside Vite's own server, with HMR for the page.
          devServer({ entry: 'src/server/dev-entry.ts', exclude: [/^(?!\/api(\/|$)).*/] }),
        ],
        server: { host: '127.0.0.1', port: 8787, strictPort: true },
        build: { outDir: 'dist/client', emptyOutDir: true },
      },
)

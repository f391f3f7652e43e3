import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import devServer from '@hono/vite-dev-server'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/**
 * Vite moves the entry script into <head>; this puts it back at the end of
 * <body>, where index.html has it. It still loads early (the preload scanner
 * finds it) and runs after parsing, as a module does anyway, but the server-
 * rendered rows reach the DOM before the browser starts on it: measured
 * median time to the first row 73 → 60 ms for the same HTML (`npm run bench`, item 2).
 */
function entryScriptAtEndOfBody(): Plugin {
  return {
    name: 'entry-script-at-end-of-body',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /\s*<script type="module" crossorigin src="[^"]+"><\/script>/.exec(html)
        if (!entry) throw new Error('entry-script-at-end-of-body: no entry script in the built index.html')
        return html.replace(entry[0], '').replace('</body>', `  ${entry[0].trim()}\n  </body>`)
      },
    },
  }
}

/**
 * Puts the favicon into the page as a data: URL: a first visit then makes one
 * request less (its headers alone were 0.8 KB, five times the icon). The file
 * stays in public/, the one copy, for whatever asks for /favicon.svg itself.
 */
function inlineFavicon(): Plugin {
  return {
    name: 'inline-favicon',
    apply: 'build',
    transformIndexHtml(html) {
      const link = '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />'
      if (!html.includes(link)) throw new Error('inline-favicon: no favicon link in index.html')
      // Only what a data: URL in a double-quoted attribute cannot hold is escaped: the rest compresses as it is.
      const svg = readFileSync('public/favicon.svg', 'utf8')
        .trim()
        .replaceAll('"', "'")
        .replace(/[%#<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
      return html.replace(link, `<link rel="icon" href="data:image/svg+xml,${svg}" type="image/svg+xml" />`)
    },
  }
}

/**
 * Marks the entry script and the chunks it imports statically for V8 to
 * compile every function as it streams them in, on a background thread
 * (Chromium's explicit compile hints, from Chrome 136; other engines read a
 * comment). Their code runs at load anyway (React, the page's take-over) or at
 * the first click; compiled lazily, it cost the main thread about 20 ms
 * unthrottled at the take-over, and the first sort click or dialog of a visit
 * its own compile time (issue 10: Total Blocking Time, input to next paint).
 */
function compileEagerlyOnLoad(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n'
  return {
    name: 'compile-eagerly-on-load',
    apply: 'build',
    // After Vite's own additions to the entry (its preload helper's first line): the hint must come first.
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const entries = Object.values(bundle).filter((file) => file.type === 'chunk' && file.isEntry)
        const onLoad = new Set(
          entries.flatMap((entry) => (entry.type === 'chunk' ? [entry.fileName, ...entry.imports] : [])),
        )
        for (const fileName of onLoad) {
          const chunk = bundle[fileName]
          if (chunk?.type === 'chunk') chunk.code = HINT + chunk.code
        }
      },
    },
  }
}

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) form beside each hashed text
 * asset, both at their highest level: made once here, they cost the server
 * nothing per request (serveStatic's `precompressed` picks one by
 * Accept-Encoding). A form no smaller than the file is not written.
 */
function precompressedAssets(): Plugin {
  let outDir = 'dist/client'
  return {
    name: 'precompressed-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/^assets\/.+\.(?:js|css|svg|json|txt)$/.test(fileName)) continue
        const path = join(outDir, fileName)
        const content = readFileSync(path)
        const brotli = brotliCompressSync(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
          },
        })
        const gzip = gzipSync(content, { level: 9 })
        if (brotli.byteLength < content.byteLength) writeFileSync(`${path}.br`, brotli)
        if (gzip.byteLength < content.byteLength) writeFileSync(`${path}.gz`, gzip)
      }
    },
  }
}

// One config, two builds: the dashboard into dist/client, and (with --ssr) the
// server and the stand-alone fake upstream into dist/server. The server-render
// entry, src/entry-server.tsx, is bundled into main.js through start-server.ts,
// the one place that hands it to createApp.
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
            input: {
              main: 'src/server/main.ts',
              'fake-upstream': 'src/fake-upstream/main.ts',
              // The history's worker thread: sqlite-history-thread.ts starts it from beside the chunk it is in.
              'sqlite-history-worker': 'src/server/history/sqlite-history-worker.ts',
            },
            // Chunks beside the entries, so each finds the client at ../client/.
            output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      }
    : {
        plugins: [
          react(),
          tailwindcss(),
          entryScriptAtEndOfBody(),
          inlineFavicon(),
          compileEagerlyOnLoad(),
          precompressedAssets(),
          // `npm run dev`: the BFF answers /api inside Vite's own server, with HMR for the page.
          devServer({ entry: 'src/server/dev-entry.ts', exclude: [/^(?!\/api(\/|$)).*/] }),
        ],
        resolve: {
          alias: [
            // TanStack Table's store asks for the React 17 shim of useSyncExternalStore; React 19 has it built in,
            // and the package's own React 18+ entry uses that: 0.7 KB less in the first visit's script.
            {
              find: /^use-sync-external-store\/shim\/with-selector(?:\.js)?$/,
              replacement: 'use-sync-external-store/with-selector',
            },
          ],
        },
        server: { host: '127.0.0.1', port: 8787, strictPort: true },
        // No modulepreload polyfill in the entry (0.16 KB of a first visit): only browsers older than Firefox 115 and
        // Safari 17 lack modulepreload, and there a lazy part's imports load when it is imported instead of ahead.
        build: { outDir: 'dist/client', emptyOutDir: true, modulePreload: { polyfill: false } },
      },
)

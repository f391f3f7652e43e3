import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Import zones (see the README's Layout). Paths are from this folder; a glob `from` needs glob exceptions.
const here = import.meta.dirname

/**
 * What each feature offers the rest of the dashboard: every other file of a
 * feature is its own, and another feature (or app/) importing it fails lint.
 * A new feature folder is zoned at once and offers nothing until listed here.
 */
const FEATURE_EXPORTS = {
  models: [
    'components/models-dashboard.tsx',
    'api/embedded-first-page.ts',
    'api/next-pages-ahead.ts',
    'api/get-model.ts',
    'hooks/use-models-search-params.ts',
  ],
  changes: ['components/changes-view.tsx', 'api/get-seen.ts', 'api/get-seen-model.ts'],
  availability: ['components/availability-view.tsx'],
  workspaces: ['hooks/use-workspace.ts', 'components/workspace-select.tsx'],
  shortcuts: ['hooks/use-keyboard-shortcuts.ts', 'components/shortcuts-dialog.tsx'],
  'model-id-check': ['components/model-id-check.tsx'],
  auth: ['components/signed-in-user.tsx'],
}
// One glob (a brace list) naming every offered file: the rule takes only globs as exceptions to a glob.
const offered = [
  `${here}/src/features/{${Object.entries(FEATURE_EXPORTS)
    .flatMap(([feature, files]) => files.map((file) => `${feature}/${file}`))
    .join(',')}}`,
]
const features = readdirSync(`${here}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const THROUGH_EXPORTS = 'A feature is imported only through the files it offers (FEATURE_EXPORTS in eslint.config.js).'
const CLIENT = ['./src/app', './src/features', './src/components', './src/hooks', './src/lib']

const ZONES = [
  // Each feature: its own files, and of the others only what they offer.
  ...features.map((feature) => ({
    target: `./src/features/${feature}/**`,
    from: './src/features/*/**',
    except: [`${here}/src/features/${feature}/**`, ...offered],
    message: THROUGH_EXPORTS,
  })),
  { target: ['./src/app/**', './src/*.tsx'], from: './src/features/*/**', except: offered, message: THROUGH_EXPORTS },
  {
    target: ['./src/components', './src/hooks', './src/lib'],
    from: ['./src/app', './src/features', './src/entry-server.tsx', './src/main.tsx'],
    message: 'Shared code serves the features; it never imports one, nor the app.',
  },
  {
    // Its tests may use the test fixtures.
    target: './src/contract/!(*.test).ts',
    from: [...CLIENT, './src/server', './src/fake-upstream', './src/testing', './src/entry-server.tsx'],
    message: 'The contract is what both sides share: it imports neither.',
  },
  {
    target: './src/fake-upstream',
    from: [...CLIENT, './src/server', './src/testing'],
    message: 'The fake upstream stands for the outside world: it imports nothing of the server or the dashboard.',
  },
]
// The server core (everything but its entries) knows no client; its tests may hand in the SSR entry.
const SERVER_CORE_ZONE = {
  target: './src/server',
  from: [...CLIENT, './src/entry-server.tsx', './src/main.tsx'],
  message: 'The server core gets the page renderer injected: only start-server.ts and dev-entry.ts import the client.',
}
const SERVER_TEST_ZONE = { ...SERVER_CORE_ZONE, from: CLIENT }
const FAKE_DATA_ZONE = {
  target: './src/server',
  from: './src/fake-upstream',
  except: ['./demo-upstream.ts'],
  message: 'The server reaches the demo upstream through its fetch (fake-upstream/demo-upstream.ts), never its data.',
}
const SERVER_ENTRIES = ['src/server/main.ts', 'src/server/start-server.ts', 'src/server/dev-entry.ts']
const zones = (...extra) => ['error', { basePath: here, zones: [...ZONES, ...extra] }]

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended, ...pluginQuery.configs['flat/recommended']],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // The cycle check parses each imported file: it must know the TypeScript ones.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      // A new import circle fails lint.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': zones(),
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render upstream text as text.' },
      ],
    },
  },
  {
    // The app core must run on edge runtimes: only the Node entry points and the SQLite store may touch Node.
    files: ['src/server/**/*.ts', 'src/contract/**/*.ts', 'src/fake-upstream/**/*.ts'],
    ignores: [
      'src/server/main.ts',
      'src/server/start-server.ts',
      'src/server/listen.ts',
      'src/server/data-dir.ts',
      'src/server/list-fast-path.ts',
      'src/server/node-brotli.ts',
      'src/server/history/sqlite-history-store.ts',
      'src/server/history/sqlite-history-thread.ts',
      'src/server/history/sqlite-history-worker.ts',
      'src/server/history/wal-checkpointer.ts',
      'src/server/auth/token-file.ts',
      'src/fake-upstream/main.ts',
      'src/fake-upstream/listen.ts',
      'src/fake-upstream/node-handler.ts',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The app core runs on edge runtimes too.' }] },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: [...SERVER_ENTRIES, '**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': zones(SERVER_CORE_ZONE, FAKE_DATA_ZONE) },
  },
  {
    files: ['src/server/**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': zones(SERVER_TEST_ZONE) },
  },
)

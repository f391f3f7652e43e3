import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended, ...pluginQuery.configs['flat/recommended']],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
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
      'src/server/list-fast-path.ts',
      'src/server/history/sqlite-history-store.ts',
      'src/server/auth/token-file.ts',
      'src/fake-upstream/main.ts',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The app core runs on edge runtimes too.' }] },
      ],
    },
  },
)

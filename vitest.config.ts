import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/{server,contract,fake-upstream}/**/*.test.ts'],
          // A throwaway PostgreSQL for the history store's tests on that engine.
          globalSetup: ['src/testing/postgres-global-setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['src/{app,features,components,hooks,lib}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-client.ts'],
        },
      },
    ],
  },
})

import type { TestProject } from 'vitest/node'
import { startPostgresCluster } from './postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's URL (its `postgres` database); tests make databases of their own on it. */
    postgresUrl: string
  }
}

/** One PostgreSQL cluster for the server tests' run, removed at the end even when tests fail. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster()
  project.provide('postgresUrl', cluster.url)
  return () => cluster.stop()
}

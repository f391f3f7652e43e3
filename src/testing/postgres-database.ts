import pg from 'pg'
import { inject } from 'vitest'

let made = 0

/** A new, empty database on the tests' cluster, for one test: its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') })
  await admin.connect()
  const name = `history_${process.pid}_${(made += 1)}`
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(inject('postgresUrl'))
  url.pathname = `/${name}`
  return url.toString()
}

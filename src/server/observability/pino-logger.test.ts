import { describe, expect, it } from 'vitest'
import { createPinoLogger, type PinoLoggerOptions } from './pino-logger'

const KEY = 'sk-ant-api03-PINOCHECK-91c2'

function capture(options: Partial<PinoLoggerOptions> = {}) {
  const lines: string[] = []
  const logger = createPinoLogger({
    format: 'json',
    level: 'info',
    secrets: [KEY, null],
    destination: { write: (line) => void lines.push(line) },
    ...options,
  })
  return { logger, lines }
}

describe('createPinoLogger', () => {
  it('writes one JSON object a line, with an ISO time, the level by name, the message and the fields', () => {
    const { logger, lines } = capture()
    logger.info('GET /api/models 200', { request_id: 'req_1', route: '/api/models', status: 200, user: null })
    expect(lines).toHaveLength(1)
    expect(lines[0]!.endsWith('\n')).toBe(true)
    const line: unknown = JSON.parse(lines[0]!)
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      msg: 'GET /api/models 200',
      request_id: 'req_1',
      route: '/api/models',
      status: 200,
      user: null,
    })
  })

  it('leaves out lines below its level', () => {
    const { logger, lines } = capture({ level: 'warn' })
    logger.debug('probe')
    logger.info('request')
    logger.warn('refresh failed')
    logger.error('unexpected')
    expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(['warn', 'error'])
  })

  it('writes readable lines for a person with the pretty format', () => {
    const { logger, lines } = capture({ format: 'pretty' })
    logger.warn('Catalogue refresh failed', { workspace: 'staging' })
    expect(lines.join('')).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: Catalogue refresh failed\n {4}workspace: "staging"\n$/,
    )
  })

  it.each(['json', 'pretty'] as const)(
    'never prints a configured secret, in the message or in a field (%s)',
    (format) => {
      const { logger, lines } = capture({ format })
      logger.error(`upstream said: bad key ${KEY}`, { detail: `x-api-key: ${KEY}`, [KEY]: 1 })
      expect(lines.join('')).not.toContain(KEY)
      expect(lines.join('')).toContain('[redacted]')
    },
  )

  it('censors credential fields, should a line ever carry headers or options', () => {
    const { logger, lines } = capture()
    const careless = logger.info as (message: string, fields: object) => void
    careless('request', {
      headers: { authorization: 'Bearer tok-abc123', cookie: 'session=s3cr3t', 'x-api-key': 'k-1' },
      token: 'tok-def456',
      options: { apiKey: 'k-2', clientSecret: 'cs-1', sessionSecret: 'ss-1' },
    })
    const text = lines.join('')
    for (const secret of ['tok-abc123', 's3cr3t', 'k-1', 'tok-def456', 'k-2', 'cs-1', 'ss-1']) {
      expect(text).not.toContain(secret)
    }
    expect(JSON.parse(text)).toMatchObject({ headers: { authorization: '[redacted]', cookie: '[redacted]' } })
  })
})

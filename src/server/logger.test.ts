import { describe, expect, it } from 'vitest'
import { createCapturingLogger } from '../testing/test-app'
import { redactingLogger } from './logger'

describe('redactingLogger', () => {
  it('blanks every occurrence of a secret out of every level', () => {
    const sink = createCapturingLogger()
    const logger = redactingLogger(['sk-ant-secret', null], sink)
    logger.info('key sk-ant-secret and again sk-ant-secret')
    logger.warn('sk-ant-secret')
    logger.error('x-api-key: sk-ant-secret')
    expect(sink.lines).toEqual(['key [redacted] and again [redacted]', '[redacted]', 'x-api-key: [redacted]'])
  })

  it('passes lines through untouched when there is no secret (demo mode)', () => {
    const sink = createCapturingLogger()
    redactingLogger([null], sink).info('nothing to hide')
    expect(sink.lines).toEqual(['nothing to hide'])
  })
})

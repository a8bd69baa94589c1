import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable, isInputError } from '../../server/database-faults'

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code, severity: 'ERROR' })

describe('telling a lost database from other errors', () => {
  it('knows a terminated backend, a server shutting down or starting, and a refused connection', () => {
    expect(isDatabaseUnavailable(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true)
    expect(isDatabaseUnavailable(pgError('57P03', 'the database system is starting up'))).toBe(true)
    expect(isDatabaseUnavailable(pgError('08006'))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true)
  })

  it('looks through causes and aggregates (a dual-stack connect that failed twice)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1'), { code: 'ECONNREFUSED' })
    expect(isDatabaseUnavailable(new AggregateError([refused]))).toBe(true)
    expect(isDatabaseUnavailable(new Error('query failed', { cause: pgError('57P01') }))).toBe(true)
  })

  it('does not take a constraint, a syntax error or a bug for an outage', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key'))).toBe(false)
    expect(isDatabaseUnavailable(pgError('42601', 'syntax error'))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false)
    expect(isDatabaseUnavailable(undefined)).toBe(false)
  })

  it('knows an input error that escaped a route: a schema, a URI, a value PostgreSQL refuses', () => {
    expect(isInputError(Object.assign(new Error('[]'), { name: 'ZodError' }))).toBe(true)
    expect(isInputError(new URIError('URI malformed'))).toBe(true)
    expect(isInputError(pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toBe(true)
    expect(isInputError(pgError('22P02', 'invalid input syntax for type uuid'))).toBe(true)
    expect(isInputError(pgError('23505'))).toBe(false)
    expect(isInputError(new Error('22021'))).toBe(false)
  })
})

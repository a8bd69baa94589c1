import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SOURCE } from '../../db/seed'
import { cloudEvent, sendEvent } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

// Read once when the route module loads: this file runs in its own process (pool: forks).
process.env.API_RATE_LIMIT_BURST = '3'
process.env.API_RATE_LIMIT_PER_SECOND = '0.01'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const send = (token: string) =>
  sendEvent(server.url, cloudEvent('gesloten', 'ZS-NONE', {}, { source: 'urn:test', datacontenttype: undefined }), {
    token,
  })

describe('the API rate limit (in-process token bucket per token)', () => {
  it('answers 429 with Retry-After once a token has spent its burst, and keeps other tokens apart', async () => {
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await send(DEMO_SOURCE.token)).status)
    expect(statuses).toEqual([422, 422, 422, 429])
    const limited = await send(DEMO_SOURCE.token)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await limited.json()).status).toBe(429)
    // Another token has its own bucket: refused for being wrong, not for being fast.
    expect((await send('another-token')).status).toBe(401)
  })
})

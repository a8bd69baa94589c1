import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '~/services/audit.server'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

const JAN = '999993653'
let server: TestServer
beforeAll(async () => {
  await seedPersonas(getDb())
  server = await startTestServer()
})
afterAll(() => server.close())

const entries = (action: string) =>
  getDb()
    .selectFrom('audit_log')
    .select(['actor_kind', 'actor_id', 'action', 'subject_bsn', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute()

describe('logging in and out in the audit log', () => {
  it('records a citizen login with the level and a staff login with the employee, never a BSN as the actor', async () => {
    await loginAsCitizen(server.url, JAN, 'midden')
    await loginAsStaff(server.url, 'E2001')
    const logins = await entries('login')
    expect(logins).toEqual([
      { actor_kind: 'citizen', actor_id: 'citizen', action: 'login', subject_bsn: JAN, details: { level: 'midden' } },
      { actor_kind: 'staff', actor_id: 'E2001', action: 'login', subject_bsn: null, details: { roles: ['support'] } },
    ])
  })

  it('records a logout, and the chain stays intact', async () => {
    const cookie = await loginAsCitizen(server.url, JAN)
    const res = await fetch(`${server.url}/uitloggen`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: server.url },
    })
    expect(res.status).toBe(302)
    expect(await entries('logout')).toEqual([
      { actor_kind: 'citizen', actor_id: 'citizen', action: 'logout', subject_bsn: JAN, details: {} },
    ])
    expect((await verifyAuditChain(getDb())).ok).toBe(true)
  })
})

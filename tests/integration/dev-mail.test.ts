import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensurePrivateJwk } from '~/services/auth/oidc-keys.server'
import { createMailer } from '~/services/mail.server'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The demo mailbox: under `npm start` (NODE_ENV=production with the mock identity providers) a
 * newcomer must be able to open the e-mail confirmation link of the demo, so /dev/mail is open
 * whenever the mock providers are on — and closed (404) with real ones.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'mijnstad-devmail-'))
const previousDataDir = process.env.DATA_DIR
let demo: TestServer
let real: TestServer
let mailId: string

beforeAll(async () => {
  // The viewer reads DATA_DIR/mail, as the server's mailer writes it.
  process.env.DATA_DIR = dataDir
  const mailer = createMailer({ from: 'Mijn Stad <noreply@example.org>', mailDir: path.join(dataDir, 'mail') })
  await mailer.send({
    to: 'jan@example.org',
    subject: 'Bevestig uw e-mailadres',
    text: 'Klik op de link: http://localhost/mijn/gegevens/email-bevestigen?token=abc',
  })
  mailer.close()
  demo = await startTestServer({ DATA_DIR: dataDir })
  const keys = path.join(dataDir, 'keys')
  ensurePrivateJwk(path.join(keys, 'digid.jwk.json'))
  ensurePrivateJwk(path.join(keys, 'staff.jwk.json'))
  real = await startTestServer({
    DATA_DIR: dataDir,
    MOCK_IDP: 'false',
    PAYMENTS_API_KEY: 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM', // no mock payment provider either
    OIDC_ISSUER: 'http://127.0.0.1:9/digid',
    STAFF_OIDC_ISSUER: 'http://127.0.0.1:9/sso',
    OIDC_PRIVATE_KEY_FILE: path.join(keys, 'digid.jwk.json'),
    STAFF_OIDC_PRIVATE_KEY_FILE: path.join(keys, 'staff.jwk.json'),
    APP_SECRET: 'a-test-secret-of-at-least-thirty-two-characters',
  })
})
afterAll(async () => {
  await demo?.close()
  await real?.close()
  if (previousDataDir === undefined) delete process.env.DATA_DIR
  else process.env.DATA_DIR = previousDataDir
  rmSync(dataDir, { recursive: true, force: true })
})

describe('/dev/mail', () => {
  it('lists the demo’s e-mails under NODE_ENV=production while the mock providers are on', async () => {
    const res = await fetch(`${demo.url}/dev/mail`)
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toContain('Verstuurde e-mails')
    expect(body).toContain('Bevestig uw e-mailadres')
    mailId = /href="\/dev\/mail\/([^"]+)"/.exec(body)![1]
    const one = await fetch(`${demo.url}/dev/mail/${mailId}`)
    expect(one.status).toBe(200)
    expect(await one.text()).toContain('/mijn/gegevens/email-bevestigen?token=abc')
  })

  it('does not exist with real identity providers: 404 for the list and for a message', async () => {
    expect((await fetch(`${real.url}/dev/mail`)).status).toBe(404)
    expect((await fetch(`${real.url}/dev/mail/${mailId}`)).status).toBe(404)
  })
})

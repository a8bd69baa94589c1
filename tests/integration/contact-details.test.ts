import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import {
  confirmEmail,
  emailConfirmationTask,
  getPreferences,
  peekEmailConfirmation,
  savePreferences,
} from '~/services/requests/contact-details.server'

const lisa = personaByKey('lisa')
const truus = personaByKey('truus')
const mehmet = personaByKey('mehmet')

beforeAll(async () => {
  await seedPersonas(getDb())
})

async function queuedConfirmation(): Promise<{ confirmationId: string; token: string; language: 'nl' | 'en' }> {
  const { rows } = await sql<{ payload: { confirmationId: string; token: string; language: 'nl' | 'en' } }>`
    select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'email_confirmation_send' order by j.id desc limit 1`.execute(getDb())
  return rows[0].payload
}

describe('contact details and preferences', () => {
  it('keeps the old e-mail address until the new one is confirmed through the mailed link', async () => {
    const now = new Date()
    const saved = await savePreferences(
      { bsn: lisa.bsn },
      { email: 'lisa@nieuw.example', phone: '06 67890123', letterChannel: 'digital', language: 'nl' },
      { now },
    )
    expect(saved).toEqual({ ok: true, changed: ['email'], confirmationSentTo: 'lisa@nieuw.example' })
    const prefs = await getPreferences({ bsn: lisa.bsn }, { now })
    expect(prefs).toMatchObject({
      email: 'lisa.vanderberg@example.nl',
      emailVerified: true,
      pendingEmail: 'lisa@nieuw.example',
    })

    // The job mails the link to the new address; the link carries the token only.
    const payload = await queuedConfirmation()
    const sent: Array<{ to: string; subject: string; text: string }> = []
    await emailConfirmationTask({ mailer: { send: async (m) => void sent.push(m) }, baseUrl: 'https://mijn.example' })(
      payload,
    )
    expect(sent).toHaveLength(1)
    expect(sent[0].to).toBe('lisa@nieuw.example')
    expect(sent[0].subject).toBe('Bevestig uw e-mailadres voor Mijn Stad')
    expect(sent[0].text).toContain(`https://mijn.example/mijn/gegevens/email-bevestigen?token=${payload.token}`)
    expect(sent[0].text).not.toContain(lisa.bsn)

    expect(await peekEmailConfirmation(payload.token, { now })).toEqual({ ok: true, email: 'lisa@nieuw.example' })
    expect(await confirmEmail(payload.token, { now })).toEqual({ ok: true, email: 'lisa@nieuw.example' })
    expect(await getPreferences({ bsn: lisa.bsn }, { now })).toMatchObject({
      email: 'lisa@nieuw.example',
      emailVerified: true,
      pendingEmail: null,
    })
    expect(await confirmEmail(payload.token, { now })).toEqual({ ok: false, error: 'already_confirmed' })
    const audit = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('subject_bsn', '=', lisa.bsn)
      .where('action', 'like', 'contact_details.%')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['contact_details.changed', 'contact_details.email_confirmed'])
  })

  it('lets a link expire after 24 hours, and stops an older link when a newer address is entered', async () => {
    const now = new Date()
    await savePreferences(
      { bsn: mehmet.bsn },
      { email: 'm@een.example', phone: '', letterChannel: 'digital', language: 'nl' },
      { now },
    )
    const first = await queuedConfirmation()
    expect(await peekEmailConfirmation(first.token, { now: new Date(now.getTime() + 24 * 3_600_000 + 1) })).toEqual({
      ok: false,
      error: 'expired',
    })
    await savePreferences(
      { bsn: mehmet.bsn },
      { email: 'm@twee.example', phone: '', letterChannel: 'digital', language: 'nl' },
      { now },
    )
    expect(await confirmEmail(first.token, { now })).toEqual({ ok: false, error: 'superseded' })
    // The first job finds its confirmation replaced and mails nothing.
    const sent: unknown[] = []
    await emailConfirmationTask({ mailer: { send: async (m) => void sent.push(m) }, baseUrl: 'https://mijn.example' })(
      first,
    )
    expect(sent).toEqual([])
    expect(await confirmEmail('not-a-token', { now })).toEqual({ ok: false, error: 'invalid' })
  })

  it('changes phone, letter channel and language at once; digital only needs an e-mail address', async () => {
    const now = new Date()
    expect(
      await savePreferences(
        { bsn: truus.bsn },
        { email: '', phone: '050 3131313', letterChannel: 'digital', language: 'nl' },
        { now },
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'letterChannel', error: 'needs_email' }],
    })
    expect(
      await savePreferences(
        { bsn: truus.bsn },
        { email: '', phone: '', letterChannel: 'paper', language: 'en' },
        { now },
      ),
    ).toEqual({ ok: true, changed: ['phone', 'language'], confirmationSentTo: null })
    expect(await getPreferences({ bsn: truus.bsn }, { now })).toMatchObject({
      phone: null,
      letterChannel: 'paper',
      language: 'en',
    })
  })
})

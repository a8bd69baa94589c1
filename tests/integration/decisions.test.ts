import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { DEMO_SOURCE, seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { formatLetterDate } from '~/domain/letters-format'
import { objectionTerm } from '~/domain/objection'
import { holidayCalendar, municipalToday } from '~/services/calendar.server'
import { createCase } from '../support/factories'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { cloudEvent, portalClient, sendEvent } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Recording a decision with its reasons (Awb 3:46), through the caseworker's form and through
 * the back-office API, and what the citizen then reads: the reasons in full, what they can do,
 * and the right to object with its last day, on the case page and in the letter.
 */
let server: TestServer
let db: DB
const liam = personaByKey('liam') // letters in English
const lisa = personaByKey('lisa')
const cookies: Record<string, string> = {}

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.mirjam = await loginAsStaff(server.url, 'E1001')
  cookies.lisa = await loginAsCitizen(server.url, lisa.bsn, 'midden') // objecting asks for Midden
  cookies.liam = await loginAsCitizen(server.url, liam.bsn)
})
afterAll(() => server?.close())

const { get, post } = portalClient(() => server.url)
const formIdOf = (html: string) => /name="formId" value="([0-9a-f-]{36})"/.exec(html)?.[1] ?? ''
const decidedEvents = async (caseId: string) =>
  db.selectFrom('case_events').select(['payload']).where('case_id', '=', caseId).where('type', '=', 'decided').execute()
const lettersOf = async (caseId: string) =>
  db
    .selectFrom('letters')
    .select(['template_code', 'content'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute()
/** The text of an HTML page without its tags, whitespace collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')

const REASONS = 'De dakkapel is 1,80 meter hoog. Het omgevingsplan staat hoogstens 1,50 meter toe.'
const OPTIONS = 'Maak de dakkapel lager en vraag opnieuw een vergunning aan.'

describe('the caseworker’s decision form', () => {
  it('asks for the reasons and, for a refusal, what the citizen can do: all missing parts at once, typed text kept, nothing written', async () => {
    const permit = await createCase(db, { bsn: lisa.bsn, receivedDaysAgo: 10 })
    const form = await (await get(`/medewerker/zaken/${permit.caseId}/besluiten`, cookies.mirjam)).text()
    expect(form).toContain('name="reasons"')
    expect(form).toContain('name="citizenOptions"')
    const res = await post(`/medewerker/zaken/${permit.caseId}/besluiten`, cookies.mirjam, {
      formId: formIdOf(form),
      outcome: 'refused',
      summary: 'Geen vergunning voor de dakkapel',
      reasons: '   ',
      citizenOptions: '',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Schrijf waarom dit het besluit is')
    expect(html).toContain('Schrijf wat de inwoner nu kan doen')
    expect(html).toContain('Geen vergunning voor de dakkapel')
    expect(await decidedEvents(permit.caseId)).toEqual([])
  })

  it('records a refusal with its reasons and options; the letter and the case page hold them, with the objection clause', async () => {
    const permit = await createCase(db, { bsn: lisa.bsn, receivedDaysAgo: 10, subject: 'Dakkapel achterkant' })
    const form = await (await get(`/medewerker/zaken/${permit.caseId}/besluiten`, cookies.mirjam)).text()
    const res = await post(`/medewerker/zaken/${permit.caseId}/besluiten`, cookies.mirjam, {
      formId: formIdOf(form),
      outcome: 'refused',
      reasons: REASONS,
      citizenOptions: OPTIONS,
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`/medewerker/zaken/${permit.caseId}?vastgelegd=besluiten`)
    const [event] = await decidedEvents(permit.caseId)
    expect(event.payload).toEqual({ outcome: 'refused', reasons: REASONS, citizenOptions: OPTIONS })

    const today = municipalToday()
    const lastDay = formatLetterDate(objectionTerm(today, holidayCalendar()).endsOn, 'nl')
    const letter = (await lettersOf(permit.caseId)).find((l) => l.template_code === 'decision_notice')!
    const letterText = JSON.stringify(letter.content)
    expect(letterText).toContain(REASONS)
    expect(letterText).toContain(OPTIONS)
    expect(letterText).toContain(`Uw bezwaar moet uiterlijk op ${lastDay} bij ons zijn.`)
    expect(letterText).not.toContain('Het hele besluit staat in Mijn Stad')

    const page = textOf(await (await get(`/mijn/zaken/${permit.caseId}`, cookies.lisa)).text())
    expect(page).toContain('Het besluit: Afgewezen')
    expect(page).toContain(REASONS)
    expect(page).toContain(OPTIONS)
    expect(page).toContain(`Dan kunt u bezwaar maken, tot en met ${lastDay}.`)
    expect(await (await get(`/mijn/zaken/${permit.caseId}`, cookies.lisa)).text()).toContain(
      `href="/mijn/zaken/${permit.caseId}/bezwaar"`,
    )
  })

  it('takes a withdrawal without reasons, and then offers no objection', async () => {
    const permit = await createCase(db, { bsn: lisa.bsn, receivedDaysAgo: 3 })
    const form = await (await get(`/medewerker/zaken/${permit.caseId}/besluiten`, cookies.mirjam)).text()
    const res = await post(`/medewerker/zaken/${permit.caseId}/besluiten`, cookies.mirjam, {
      formId: formIdOf(form),
      outcome: 'withdrawn',
    })
    expect(res.status).toBe(302)
    const html = await (await get(`/mijn/zaken/${permit.caseId}`, cookies.lisa)).text()
    expect(html).not.toContain('/bezwaar"')
    expect(textOf(html)).toContain('U heeft uw aanvraag ingetrokken. Wij hebben daarom niets besloten.')
    expect((await get(`/mijn/zaken/${permit.caseId}/bezwaar`, cookies.lisa)).status).toBe(404)
  })

  it('shows the caseworker the decision with its reasons on the case screen', async () => {
    const permit = await createCase(db, {
      bsn: lisa.bsn,
      receivedDaysAgo: 10,
      events: [{ daysAgo: 1, type: 'decided', outcome: 'refused', reasons: REASONS, citizenOptions: OPTIONS }],
    })
    const page = textOf(await (await get(`/medewerker/zaken/${permit.caseId}`, cookies.mirjam)).text())
    expect(page).toContain(REASONS)
    expect(page).toContain(OPTIONS)
  })
})

describe('the decided event of the back-office API (nl.groningen.zaak.besloten)', () => {
  async function api(subject: string, data: Record<string, unknown>) {
    const res = await sendEvent(server.url, cloudEvent('besloten', subject, data, { datacontenttype: undefined }), {
      token: DEMO_SOURCE.token,
    })
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any } // eslint-disable-line @typescript-eslint/no-explicit-any -- problem+json
  }
  const externalCase = async (bsn: string) => {
    const externalId = `ZS-${randomUUID().slice(0, 8)}`
    const played = await createCase(db, { bsn, source: DEMO_SOURCE.id, externalId, receivedDaysAgo: 5 })
    return { ...played, externalId }
  }

  it('refuses a decision without reasons, and a refusal without what the citizen can do, naming the fields; nothing is written', async () => {
    const permit = await externalCase(liam.bsn)
    const missingReasons = await api(permit.externalId, { outcome: 'granted', summary: 'Verleend' })
    expect(missingReasons.status).toBe(400)
    expect(missingReasons.type).toBe('application/problem+json')
    expect(missingReasons.body.errors).toEqual([
      { field: 'data.reasons', code: 'reasons_required', message: expect.stringContaining('Awb 3:46') },
    ])
    const missingOptions = await api(permit.externalId, { outcome: 'partly_granted', reasons: 'De schuur past niet' })
    expect(missingOptions.status).toBe(400)
    expect(missingOptions.body.errors).toEqual([
      { field: 'data.citizenOptions', code: 'citizen_options_required', message: expect.any(String) },
    ])
    expect(await decidedEvents(permit.caseId)).toEqual([])
  })

  it('takes the same fields as the form; the citizen’s letter, in their language, holds them in full', async () => {
    const permit = await externalCase(liam.bsn)
    const accepted = await api(permit.externalId, {
      outcome: 'refused',
      reasons: 'Your car is not registered at your address.',
      citizenOptions: 'Register the car at your address and apply again.',
    })
    expect(accepted.status).toBe(202)
    const letter = (await lettersOf(permit.caseId)).find((l) => l.template_code === 'decision_notice')!
    const text = JSON.stringify(letter.content)
    expect(text).toContain('Why did we decide this?')
    expect(text).toContain('Your car is not registered at your address.')
    expect(text).toContain('Register the car at your address and apply again.')
    expect(text).toContain('Then you can object.')
    const page = textOf(await (await get(`/mijn/zaken/${permit.caseId}`, cookies.liam)).text())
    expect(page).toContain('Your car is not registered at your address.')
  })

  it('takes a withdrawal without reasons', async () => {
    const permit = await externalCase(liam.bsn)
    expect((await api(permit.externalId, { outcome: 'withdrawn' })).status).toBe(202)
    const count = await db
      .selectFrom('letters')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('case_id', '=', permit.caseId)
      .where('template_code', '=', 'decision_notice')
      .executeTakeFirstOrThrow()
    expect(count.n).toBe(1)
  })
})

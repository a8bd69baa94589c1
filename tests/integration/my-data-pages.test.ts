import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { addDays, todayIn } from '~/domain/local-date'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * "Mijn gegevens", the move and correction flows and the preferences over HTTP, without
 * JavaScript (plain form posts), logged in through the mock DigiD. Every bad input gets its
 * message at the field and in the error summary, with what was typed kept (README, "Forms").
 */
let server: TestServer
let db: DB
const cookies: Record<string, string> = {}
const anneke = personaByKey('anneke')
const thomas = personaByKey('thomas')
const pieter = personaByKey('pieter')
const jan = personaByKey('jan')
const lisa = personaByKey('lisa')
const liam = personaByKey('liam')

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.thomas = await loginAsCitizen(server.url, thomas.bsn, 'midden')
  cookies.pieter = await loginAsCitizen(server.url, pieter.bsn, 'midden')
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
  cookies.janBasis = await loginAsCitizen(server.url, jan.bsn, 'basis')
  cookies.lisa = await loginAsCitizen(server.url, lisa.bsn, 'midden')
  cookies.rianne = await loginAsStaff(server.url, 'E1003')
  const en = await fetch(`${server.url}/taal`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ lng: 'en', returnTo: '/' }),
  })
  cookies.english = (en.headers.get('set-cookie') ?? '').split(';')[0]
})

/** The same session with the language cookie set to English (replacing any lng cookie the login set). */
const inEnglish = (cookie: string) =>
  [...cookie.split(/;\s*/).filter((c) => !c.startsWith('lng=')), cookies.english].join('; ')
afterAll(() => server?.close())

const { get, post } = portalClient(() => server.url)
/** A form with files: `post` sends a FormData as multipart. */
const postMultipart = post

/** The error summary comes right after the h1 and names the problem; the field repeats it. */
function expectError(html: string, fieldId: string, message: string) {
  const h1End = html.indexOf('</h1>')
  const summary = html.indexOf('id="error-summary-title"')
  expect(summary).toBeGreaterThan(h1End)
  expect(html.slice(h1End, summary)).not.toMatch(/<(p|form|input)\b/)
  expect(html.slice(summary)).toContain(`href="#${fieldId}"`)
  const escaped = message.replace(/'/g, '&#x27;')
  expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(2) // in the summary and at the field
  expect(html).toMatch(
    new RegExp(
      `id="${fieldId}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${fieldId}"|id="${fieldId}-error"|<fieldset[^>]*${fieldId}`,
    ),
  )
}

const countAudit = async (action: string, bsn: string) =>
  (
    await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', action)
      .where('subject_bsn', '=', bsn)
      .executeTakeFirstOrThrow()
  ).n

describe('Mijn gegevens', () => {
  it('asks for DigiD Midden: a Basis login is stepped up, not refused', async () => {
    const res = await get('/mijn/gegevens', cookies.janBasis)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(/^\/inloggen\?niveau=midden/)
  })

  it('shows name, birth, nationality, address with history, household and contact details, with source and last update; the view is audited', async () => {
    const before = await countAudit('personal_data.viewed', pieter.bsn)
    const res = await get('/mijn/gegevens', cookies.pieter)
    expect(res.status).toBe(200)
    const html = await res.text()
    for (const text of [
      'Mijn gegevens',
      'Pieter',
      'Vries',
      'Groningen',
      'Nederlandse',
      'Helperzoom 8',
      'Fatima el Amrani',
      'Noor de Vries',
      'Daan de Vries',
      'pieter.devries@example.nl',
      'Basisregistratie Personen (BRP)',
      'Door u ingevuld',
      'Bijgewerkt',
      '30 mei 1986',
    ]) {
      expect(html).toContain(text)
    }
    for (const link of ['Verhuizing doorgeven', 'Correctie aanvragen', 'Contactgegevens wijzigen'])
      expect(html).toContain(link)
    expect(html).not.toContain(pieter.bsn)
    expect(await countAudit('personal_data.viewed', pieter.bsn)).toBe(before + 1)
  })

  it('speaks English, dates included, when the citizen chose English', async () => {
    const html = await (await get('/mijn/gegevens', inEnglish(cookies.pieter))).text()
    expect(html).toContain('My details')
    expect(html).toContain('30 May 1986')
    expect(html).toContain('Report a move')
    expect(html).toContain('Personal Records Database (BRP)')
  })
})

describe('reporting a move without JavaScript', () => {
  it('answers an invalid postcode at the field and in the summary, keeping what was typed', async () => {
    const res = await post('/mijn/gegevens/verhuizen', cookies.thomas, {
      postcode: '0123 ab',
      houseNumber: '12b',
      addition: '',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expectError(html, 'postcode', 'Een postcode begint niet met een 0. Vul een postcode in zoals 9712 HA')
    expect(html).toContain('value="0123 ab"')
    expect(html).toContain('value="12b"')
  })

  it('answers an address that does not exist', async () => {
    const res = await post('/mijn/gegevens/verhuizen', cookies.thomas, {
      postcode: '9715 AB',
      houseNumber: '999',
      addition: '',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expectError(html, 'houseNumber', 'Wij kunnen dit adres niet vinden. Controleer de postcode en het huisnummer')
    expect(html).toContain('value="9715 AB"')
    expect(html).toContain('value="999"')
  })

  it('answers in English for an English-speaking citizen', async () => {
    const res = await post('/mijn/gegevens/verhuizen', inEnglish(cookies.thomas), {
      postcode: 'abc',
      houseNumber: '',
      addition: '',
    })
    const html = await res.text()
    expectError(html, 'postcode', 'Enter a postcode with 4 digits and 2 letters, for example 9712 HA')
    expect(html).toContain('There is a problem')
    expect(html).toContain('Enter the house number')
  })

  it('goes address → date → who → check → confirmation, refusing a date outside the window and a co-mover the law does not allow; no BSN in any URL', async () => {
    const locations: string[] = []
    const follow = (res: Response) => {
      const location = res.headers.get('location') ?? ''
      locations.push(location)
      return location
    }
    // Step 1: Thomas moves to Korreweg 2; his mother Anneke lives with him.
    let res = await post('/mijn/gegevens/verhuizen', cookies.thomas, {
      postcode: '9715ab',
      houseNumber: '2',
      addition: '',
    })
    expect(res.status).toBe(302)
    let next = follow(res)
    expect(next).toMatch(/^\/mijn\/gegevens\/verhuizen\/datum\?aanvraag=[0-9a-f-]{36}$/)
    const id = new URL(next, server.url).searchParams.get('aanvraag')!

    // Step 2: a date 29 days ahead is refused with the window in words; the typed date stays.
    const today = todayIn(new Date())
    const late = addDays(today, 29)
    res = await post(`/mijn/gegevens/verhuizen/datum?aanvraag=${id}`, cookies.thomas, {
      aanvraag: id,
      day: late.slice(8),
      month: late.slice(5, 7),
      year: late.slice(0, 4),
    })
    expect([res.status, res.headers.get('location')]).toEqual([400, null])
    let html = await res.text()
    expect(html).toContain('De verhuisdatum mag niet later zijn dan')
    expect(html).toContain('href="#moveDate-day"')
    expect(html).toContain(`value="${late.slice(8)}"`)
    const moveDate = addDays(today, 10)
    res = await post(`/mijn/gegevens/verhuizen/datum?aanvraag=${id}`, cookies.thomas, {
      aanvraag: id,
      day: moveDate.slice(8),
      month: moveDate.slice(5, 7),
      year: moveDate.slice(0, 4),
    })
    expect(res.status).toBe(302)
    next = follow(res)

    // Step 3: Anneke is shown with the reason; picking her anyway is refused by name.
    html = await (await get(next, cookies.thomas)).text()
    expect(html).toContain('Anneke Bakker')
    expect(html).toContain('is uw ouder')
    expect(html).not.toContain('name="meeverhuizer"')
    res = await post(`/mijn/gegevens/verhuizen/wie?aanvraag=${id}`, cookies.thomas, { aanvraag: id, meeverhuizer: '0' })
    expect(res.status).toBe(400)
    html = await res.text()
    expectError(
      html,
      'coMovers',
      'Anneke Bakker is uw ouder en kan niet met u meeverhuizen. Anneke Bakker geeft de verhuizing zelf door',
    )
    res = await post(`/mijn/gegevens/verhuizen/wie?aanvraag=${id}`, cookies.thomas, { aanvraag: id })
    next = follow(res)
    expect(next).toMatch(/^\/mijn\/gegevens\/verhuizen\/controleren\?aanvraag=/)

    // Step 4: check your answers, with change links, then send.
    html = await (await get(next, cookies.thomas)).text()
    expect(html).toContain('Controleer uw gegevens')
    expect(html).toContain('Korreweg 2, 9715 AB Groningen')
    expect(html).toContain('Alleen u')
    expect(html).toMatch(/Wijzigen<span class="sr-only"> verhuisdatum<\/span>/)
    res = await post(`/mijn/gegevens/verhuizen/controleren?aanvraag=${id}`, cookies.thomas, { aanvraag: id })
    next = follow(res)
    expect(next).toMatch(/^\/mijn\/gegevens\/verhuizen\/bevestiging\?aanvraag=/)
    html = await (await get(next, cookies.thomas)).text()
    expect(html).toContain('Uw verhuizing is doorgegeven')
    const reference = /Z-\d{4}-\d{6}/.exec(html)?.[0]
    expect(reference).toBeTruthy()
    const kase = await db
      .selectFrom('cases')
      .select(['case_type_code', 'bsn', 'channel'])
      .where('reference', '=', reference!)
      .executeTakeFirstOrThrow()
    expect(kase).toEqual({ case_type_code: 'verhuizing', bsn: thomas.bsn, channel: 'internet' })
    expect(
      await db
        .selectFrom('letters')
        .select('template_code')
        .innerJoin('cases', 'cases.id', 'letters.case_id')
        .where('cases.reference', '=', reference!)
        .execute(),
    ).toEqual([{ template_code: 'acknowledgement' }])

    for (const location of locations) for (const bsn of [thomas.bsn, anneke.bsn]) expect(location).not.toContain(bsn)

    // The caseworker approves on the staff screen, confirming on the check page; the move date is
    // ten days ahead, so Thomas keeps his address until then.
    const request = await db.selectFrom('move_requests').select('id').where('id', '=', id).executeTakeFirstOrThrow()
    html = await (await get('/medewerker/verhuizingen', cookies.rianne)).text()
    expect(html).toContain(reference!)
    res = await post(`/medewerker/verhuizingen/${request.id}`, cookies.rianne, { intent: 'approve' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`/medewerker/verhuizingen/${request.id}/goedkeuren`)
    res = await post(`/medewerker/verhuizingen/${request.id}/goedkeuren`, cookies.rianne, { intent: 'confirm-approve' })
    expect(res.status).toBe(302)
    html = await (await get(res.headers.get('location')!, cookies.rianne)).text()
    expect(html).toContain('De verhuizing is goedgekeurd. Het nieuwe adres gaat in op')
    const person = await db
      .selectFrom('persons')
      .innerJoin('addresses', 'addresses.id', 'persons.address_id')
      .select(['street', 'house_number'])
      .where('bsn', '=', thomas.bsn)
      .executeTakeFirstOrThrow()
    expect(person).toEqual({ street: 'Paterswoldseweg', house_number: 31 })
  })

  it('answers another citizen’s draft id like a missing one: back to the first step', async () => {
    const res = await post('/mijn/gegevens/verhuizen', cookies.jan, {
      postcode: '9715AB',
      houseNumber: '4',
      addition: '',
    })
    const id = new URL(res.headers.get('location')!, server.url).searchParams.get('aanvraag')!
    const other = await get(`/mijn/gegevens/verhuizen/datum?aanvraag=${id}`, cookies.lisa)
    expect(other.status).toBe(302)
    expect(other.headers.get('location')).toBe('/mijn/gegevens/verhuizen')
  })

  it('refuses a staff member on the citizen pages and a citizen on the staff pages', async () => {
    expect((await get('/medewerker/verhuizingen', cookies.jan)).status).toBe(403)
    expect((await get('/mijn/gegevens', cookies.rianne)).status).toBe(403)
  })
})

describe('a correction request', () => {
  const pdf = () =>
    new Blob([new TextEncoder().encode('%PDF-1.7\n% test\n'), new Uint8Array(200)], { type: 'application/pdf' })
  const form = (fields: Record<string, string>, file?: { blob: Blob; name: string }) => {
    const f = new FormData()
    for (const [k, v] of Object.entries(fields)) f.append(k, v)
    if (file) f.append('evidence', file.blob, file.name)
    else f.append('evidence', new Blob([]), '')
    return f
  }

  it('needs an explanation, and keeps the rest of what was typed', async () => {
    const res = await postMultipart(
      '/mijn/gegevens/correctie',
      cookies.jan,
      form({ field: 'surname', proposedValue: 'Janssen', explanation: '   ' }),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expectError(html, 'explanation', 'Leg uit waarom het gegeven niet klopt')
    expect(html).toContain('value="Janssen"')
    expect(html).toMatch(/value="surname"[^>]*checked|checked[^>]*value="surname"/)
  })

  it('refuses a file over 10 MB, keeping the typed values', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(new TextEncoder().encode('%PDF-1.7'))
    const res = await postMultipart(
      '/mijn/gegevens/correctie',
      cookies.jan,
      form(
        { field: 'surname', proposedValue: 'Janssen', explanation: 'Er staat één s te weinig in.' },
        { blob: new Blob([big]), name: 'akte.pdf' },
      ),
    )
    expect(res.status).toBe(413)
    const html = await res.text()
    expectError(html, 'evidence', 'Het bestand is groter dan 10 MB. Kies een kleiner bestand')
    expect(html).toContain('value="Janssen"')
    expect(html).toContain('Er staat één s te weinig in.')
  })

  it('checks the file type by content: a text file named .pdf is refused, a real PDF named .txt is taken', async () => {
    let res = await postMultipart(
      '/mijn/gegevens/correctie',
      cookies.jan,
      form(
        { field: 'surname', proposedValue: 'Janssen', explanation: 'Er staat één s te weinig in.' },
        { blob: new Blob(['gewoon tekst'], { type: 'application/pdf' }), name: 'akte.pdf' },
      ),
    )
    expect(res.status).toBe(400)
    expectError(await res.text(), 'evidence', 'Het bestand moet een PDF, JPG of PNG zijn')

    res = await postMultipart(
      '/mijn/gegevens/correctie',
      cookies.jan,
      form(
        { field: 'surname', proposedValue: 'Janssen', explanation: 'Er staat één s te weinig in.' },
        { blob: pdf(), name: 'akte.txt' },
      ),
    )
    expect(res.status).toBe(302)
    const next = res.headers.get('location')!
    expect(next).toMatch(/^\/mijn\/gegevens\/correctie\/controleren\?aanvraag=[0-9a-f-]{36}$/)
    const html = await (await get(next, cookies.jan)).text()
    expect(html).toContain('Controleer uw gegevens')
    expect(html).toContain('akte.pdf') // named by its real type
    expect(html).toContain('Janssen')
    const id = new URL(next, server.url).searchParams.get('aanvraag')!
    res = await post(`/mijn/gegevens/correctie/controleren?aanvraag=${id}`, cookies.jan, { aanvraag: id })
    expect(res.headers.get('location')).toMatch(/^\/mijn\/gegevens\/correctie\/bevestiging\?aanvraag=/)
    const done = await (await get(res.headers.get('location')!, cookies.jan)).text()
    expect(done).toContain('Uw verzoek is verstuurd')
    const row = await db
      .selectFrom('correction_requests')
      .select(['status', 'evidence_type', 'evidence_size', 'current_value', 'proposed_value'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'submitted',
      evidence_type: 'application/pdf',
      current_value: 'Jansen',
      proposed_value: 'Janssen',
    })
    expect(await countAudit('correction.requested', jan.bsn)).toBe(1)
    const kase = await db
      .selectFrom('cases')
      .innerJoin('correction_requests as r', 'r.case_id', 'cases.id')
      .select(['cases.case_type_code', 'cases.decision_due_on', 'cases.received_on'])
      .where('r.id', '=', id)
      .executeTakeFirstOrThrow()
    expect(kase.case_type_code).toBe('brp_correctie')

    // The caseworker opens the evidence (audited) and refuses with a reason: a letter that mentions objection.
    const evidence = await get(`/medewerker/correcties/${id}/bewijs`, cookies.rianne)
    expect(evidence.status).toBe(200)
    expect(evidence.headers.get('content-type')).toBe('application/pdf')
    expect(evidence.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await countAudit('correction.evidence_viewed', jan.bsn)).toBe(1)
    res = await post(`/medewerker/correcties/${id}`, cookies.rianne, { intent: 'refuse', reason: '' })
    expect(res.status).toBe(400)
    res = await post(`/medewerker/correcties/${id}`, cookies.rianne, {
      intent: 'refuse',
      reason: 'Op uw geboorteakte staat Jansen met één s.',
    })
    expect(res.status).toBe(302)
    const letters = await db
      .selectFrom('letters')
      .innerJoin('correction_requests as r', 'r.case_id', 'letters.case_id')
      .select(['letters.template_code', 'letters.content'])
      .where('r.id', '=', id)
      .execute()
    expect(letters.map((l) => l.template_code).sort()).toEqual(['acknowledgement', 'correction_decision'])
    const decision = JSON.stringify(letters.find((l) => l.template_code === 'correction_decision')!.content)
    expect(decision).toContain('Op uw geboorteakte staat Jansen met één s.')
    expect(decision).toContain('bezwaar')
    expect(
      (await db.selectFrom('persons').select('surname').where('bsn', '=', jan.bsn).executeTakeFirstOrThrow()).surname,
    ).toBe('Jansen')
  })
})

describe('preferences (DigiD Basis)', () => {
  it('refuses a malformed e-mail address and phone number, keeping both', async () => {
    const res = await post('/mijn/voorkeuren', cookies.janBasis, {
      email: 'jan@',
      phone: '12',
      letterChannel: 'digital',
      language: 'nl',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expectError(html, 'email', 'Vul een e-mailadres in zoals naam@voorbeeld.nl')
    expect(html).toContain('Vul een telefoonnummer in zoals 06 12345678 of +31 50 123 4567')
    expect(html).toContain('value="jan@"')
    expect(html).toContain('value="12"')
  })

  it('changes phone, channel and language at once (the portal switches too) and confirms a new e-mail address by a link before using it', async () => {
    let res = await post('/mijn/voorkeuren', cookies.janBasis, {
      email: 'jan.nieuw@example.nl',
      phone: '06 11112222',
      letterChannel: 'paper',
      language: 'en',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('set-cookie')).toMatch(/^lng=/)
    const contact = await db
      .selectFrom('contact_details')
      .selectAll()
      .where('bsn', '=', jan.bsn)
      .executeTakeFirstOrThrow()
    expect(contact).toMatchObject({
      email: 'jan.jansen@example.nl',
      phone: '06 11112222',
      letter_channel: 'paper',
      language: 'en',
    })
    expect(await countAudit('contact_details.changed', jan.bsn)).toBe(1)

    const job = await sql<{ payload: { token: string; confirmationId: string } }>`
      select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'email_confirmation_send' order by j.id desc limit 1`.execute(
      db,
    )
    const token = job.rows[0].payload.token
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const stored = await db
      .selectFrom('email_confirmations')
      .select(['token_hash', 'email'])
      .where('bsn', '=', jan.bsn)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toBe(token)

    const page = await get(`/mijn/gegevens/email-bevestigen?token=${token}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('jan.nieuw@example.nl')
    expect(html).not.toContain(jan.bsn)
    // Opening the link changed nothing; the button does.
    expect(
      (await db.selectFrom('contact_details').select('email').where('bsn', '=', jan.bsn).executeTakeFirstOrThrow())
        .email,
    ).toBe('jan.jansen@example.nl')
    res = await post('/mijn/gegevens/email-bevestigen', '', { token })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Uw e-mailadres is bevestigd')
    expect(
      (await db.selectFrom('contact_details').select('email').where('bsn', '=', jan.bsn).executeTakeFirstOrThrow())
        .email,
    ).toBe('jan.nieuw@example.nl')
    // A link works once.
    res = await post('/mijn/gegevens/email-bevestigen', '', { token })
    expect(res.status).toBe(410)
  })

  it('needs an e-mail address for digital-only letters', async () => {
    const cookie = await loginAsCitizen(server.url, liam.bsn, 'basis')
    const res = await post('/mijn/voorkeuren', cookie, {
      email: '',
      phone: '',
      letterChannel: 'digital',
      language: 'en',
    })
    expect(res.status).toBe(400)
    expectError(
      await res.text(),
      'letterChannel',
      'For digital only we need your email address. Enter your email address or choose letters on paper',
    )
  })
})

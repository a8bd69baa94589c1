import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { DEMO_SOURCE, seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { addDays, todayIn, type LocalDate } from '~/domain/local-date'
import { deriveCaseState } from '~/domain/case-history'
import { holidayCalendar } from '~/services/calendar.server'
import { loadCaseType, loadEvents, toDomainEvent } from '~/services/cases/catalogue.server'
import { answerInformationRequest } from '~/services/cases/information.server'
import { listCasesForStaff } from '~/services/cases/access.server'
import { addCaseParties } from '~/services/cases/parties.server'
import { createCase } from '../support/factories'
import { cloudEvent, multipart, portalClient, redirectTarget, sendEvent } from '../support/http'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Answering a request for information (Awb 4:15) through the service, over HTTP as a browser
 * without JavaScript sends it, and from a back office: the event ends the suspension that day,
 * the files become documents of the case and the acknowledgement letter is written, all in one
 * transaction; a refused file, an empty answer, a foreign case, a case not waiting, a second
 * tab and a support employee looking along all write nothing.
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const cookies: Record<string, string> = {}
const portal = portalClient(() => server.url)

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn, 'midden')
  cookies.caseworker = await loginAsStaff(server.url, 'E1001') // Vergunningen: environmental permits
  cookies.support = await loginAsStaff(server.url, 'E2001')
})
afterAll(() => server?.close())

const today = () => todayIn(new Date())
const pdf = (text = 'tekening') => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`)
/** A Windows program renamed to look like a PDF: its first bytes give it away. */
const exe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)])

/** An environmental permit of `bsn`, asked for information `askedDaysAgo` days ago. */
async function waitingCase(bsn = jan.bsn, { askedDaysAgo = 3, respondInDays = 11 } = {}) {
  return createCase(db, {
    bsn,
    subject: 'Dakkapel achterkant',
    receivedDaysAgo: askedDaysAgo + 7,
    externalId: `ZS-INFO-${randomUUID().slice(0, 8)}`,
    events: [
      {
        daysAgo: askedDaysAgo,
        type: 'suspended',
        information: 'Een bouwtekening met de maten van de dakkapel.',
        respondBy: addDays(today(), respondInDays),
      },
    ],
  })
}

/** Everything an answer writes, for one case. */
async function written(caseId: string) {
  const [events, documents, letters, row] = await Promise.all([
    db
      .selectFrom('case_events')
      .select(['type', 'payload', 'actor'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute(),
    db.selectFrom('documents').select(['id', 'kind', 'title', 'added_by']).where('case_id', '=', caseId).execute(),
    db.selectFrom('letters').select(['id', 'template_code', 'content']).where('case_id', '=', caseId).execute(),
    db
      .selectFrom('cases')
      .select(['status', 'decision_due_on', 'information_received_on', 'last_event_seq'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow(),
  ])
  return { events, documents, letters, row }
}

/** The latest decision date the domain derives for the case's history as of `on`. */
async function derivedDue(caseId: string, on: LocalDate) {
  const c = await db.selectFrom('cases').select('case_type_code').where('id', '=', caseId).executeTakeFirstOrThrow()
  const type = (await loadCaseType(db, c.case_type_code))!
  const stored = (await loadEvents(db, [caseId])).get(caseId) ?? []
  return deriveCaseState(type.rules, stored.map(toDomainEvent), on, holidayCalendar()).decisionDueOn
}

const accepted = (name: string, bytes: Buffer) => ({ name, mediaType: 'application/pdf' as const, bytes })

describe('answering through the service', () => {
  it('records the answer with its files, ends the suspension today and writes the acknowledgement, all at once', async () => {
    const c = await waitingCase()
    const before = await written(c.caseId)
    expect(before.row.status).toBe('suspended')
    const result = await answerInformationRequest(
      jan,
      c.caseId,
      { answer: '  Hierbij de tekening.  ', files: [accepted('tekening.pdf', pdf())] },
      { formId: randomUUID() },
    )
    expect(result).toMatchObject({ ok: true, duplicate: false, caseId: c.caseId })
    const after = await written(c.caseId)
    const event = after.events.at(-1)!
    expect(event.type).toBe('information_received')
    expect(event.actor).toBe('citizen')
    expect(after.documents).toEqual([
      expect.objectContaining({ kind: 'answer', title: 'tekening.pdf', added_by: 'citizen' }),
    ])
    expect(event.payload).toEqual({
      channel: 'internet',
      answer: 'Hierbij de tekening.',
      documentIds: [after.documents[0].id],
    })
    expect(after.row.status).toBe('open')
    expect(after.row.information_received_on).toBe(today())
    // The projection holds the date the domain derives, now fixed: three days suspended.
    expect(after.row.decision_due_on).toBe(await derivedDue(c.caseId, today()))
    expect(await derivedDue(c.caseId, addDays(today(), 5))).toBe(after.row.decision_due_on)
    const letter = after.letters.find((l) => l.template_code === 'information_received')
    expect(letter).toBeDefined()
    expect(JSON.stringify(letter!.content)).toContain('Wij hebben uw aanvulling ontvangen op')
  })

  it('takes words alone, or files alone, but not nothing', async () => {
    const words = await waitingCase()
    expect(
      await answerInformationRequest(
        jan,
        words.caseId,
        { answer: 'Zie mijn mail', files: [] },
        { formId: randomUUID() },
      ),
    ).toMatchObject({ ok: true })
    const files = await waitingCase()
    expect(
      await answerInformationRequest(
        jan,
        files.caseId,
        { files: [accepted('a.pdf', pdf())] },
        { formId: randomUUID() },
      ),
    ).toMatchObject({ ok: true })
    const empty = await waitingCase()
    expect(
      await answerInformationRequest(jan, empty.caseId, { answer: '   ', files: [] }, { formId: randomUUID() }),
    ).toEqual({
      ok: false,
      code: 'answer_empty',
      field: 'answer',
    })
    expect((await written(empty.caseId)).row.status).toBe('suspended')
  })

  it("answers another citizen's case, an unknown and a malformed id alike, and writes nothing", async () => {
    const c = await waitingCase(fatima.bsn)
    const before = await written(c.caseId)
    for (const id of [c.caseId, randomUUID(), 'not-a-case']) {
      expect(
        await answerInformationRequest(
          jan,
          id,
          { answer: 'x', files: [accepted('a.pdf', pdf())] },
          { formId: randomUUID() },
        ),
      ).toEqual({
        ok: false,
        code: 'case_not_found',
      })
    }
    expect(await written(c.caseId)).toEqual(before)
  })

  it('leaves the answer to the applicant: a party who may read the case (a co-mover) is not asked', async () => {
    const c = await waitingCase()
    await addCaseParties(db, c.caseId, [fatima.bsn], 'co_mover', new Date())
    expect(
      await answerInformationRequest(fatima, c.caseId, { answer: 'x', files: [] }, { formId: randomUUID() }),
    ).toEqual({ ok: false, code: 'case_not_found' })
    // Fatima reads the case and the request, without the button; it is not on her list of actions.
    const page = await (await portal.get(`/mijn/zaken/${c.caseId}`, cookies.fatima)).text()
    expect(page).toContain('Wat wij nog van u nodig hebben')
    expect(page).not.toContain(`/mijn/zaken/${c.caseId}/aanvullen`)
    expect(await (await portal.get('/mijn', cookies.fatima)).text()).not.toContain(`/mijn/zaken/${c.caseId}/aanvullen`)
    expect((await portal.get(`/mijn/zaken/${c.caseId}/aanvullen`, cookies.fatima)).status).toBe(404)
    expect((await written(c.caseId)).row.status).toBe('suspended')
  })

  it('refuses a case that is not waiting for information, and keeps none of the files', async () => {
    const c = await createCase(db, { bsn: jan.bsn, receivedDaysAgo: 4 })
    const result = await answerInformationRequest(
      jan,
      c.caseId,
      { answer: 'x', files: [accepted('a.pdf', pdf())] },
      { formId: randomUUID() },
    )
    expect(result).toEqual({ ok: false, code: 'not_suspended' })
    expect((await written(c.caseId)).documents).toEqual([])
  })

  it('records one event for the same form sent twice, and for two tabs sending at once', async () => {
    const c = await waitingCase()
    const formId = randomUUID()
    const first = await answerInformationRequest(jan, c.caseId, { files: [accepted('a.pdf', pdf('een'))] }, { formId })
    const again = await answerInformationRequest(jan, c.caseId, { files: [accepted('a.pdf', pdf('een'))] }, { formId })
    expect(first).toMatchObject({ ok: true, duplicate: false })
    expect(again).toMatchObject({ ok: true, duplicate: true })
    let after = await written(c.caseId)
    expect(after.events.filter((e) => e.type === 'information_received')).toHaveLength(1)
    expect(after.documents).toHaveLength(1)

    const racing = await waitingCase()
    const results = await Promise.all(
      ['tab een', 'tab twee'].map((text) =>
        answerInformationRequest(
          jan,
          racing.caseId,
          { answer: text, files: [accepted('b.pdf', pdf(text))] },
          { formId: randomUUID() },
        ),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'not_suspended' }])
    after = await written(racing.caseId)
    expect(after.events.filter((e) => e.type === 'information_received')).toHaveLength(1)
    expect(after.documents).toHaveLength(1)
    expect(after.letters.filter((l) => l.template_code === 'information_received')).toHaveLength(1)
  })

  it('writes nothing at all when its letter cannot be written: no event, no document, no new date', async () => {
    const c = await waitingCase()
    const before = await written(c.caseId)
    // A failure inside the letter's insert, after the documents and the event were written.
    await sql`create or replace function refuse_information_letter() returns trigger language plpgsql as $$
      begin
        if new.template_code = 'information_received' and new.case_id = ${sql.lit(c.caseId)}::uuid then
          raise exception 'letter store down';
        end if;
        return new;
      end $$`.execute(db)
    await sql`create trigger refuse_information_letter before insert on letters
      for each row execute function refuse_information_letter()`.execute(db)
    try {
      await expect(
        answerInformationRequest(
          jan,
          c.caseId,
          { answer: 'x', files: [accepted('a.pdf', pdf())] },
          { formId: randomUUID() },
        ),
      ).rejects.toThrow(/letter store down/)
    } finally {
      await sql`drop trigger refuse_information_letter on letters`.execute(db)
      await sql`drop function refuse_information_letter()`.execute(db)
    }
    expect(await written(c.caseId)).toEqual(before)
  })
})

describe('the form, as a browser without JavaScript sends it', () => {
  const formIdIn = (html: string) => /name="formId" value="([^"]+)"/.exec(html)?.[1] ?? ''
  const form = (fields: Record<string, string>, files: Array<[string, Buffer, string]> = []) => {
    const body = multipart(fields)
    for (const [name, bytes, type] of files) body.append('files', new Blob([new Uint8Array(bytes)], { type }), name)
    return body
  }

  it('shows the question, takes a PDF and a note, and the confirmation shows the new date and the letter', async () => {
    const c = await waitingCase()
    const page = await portal.get(`/mijn/zaken/${c.caseId}/aanvullen`, cookies.jan)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Een bouwtekening met de maten van de dakkapel.')
    const res = await portal.post(
      `/mijn/zaken/${c.caseId}/aanvullen`,
      cookies.jan,
      form({ formId: formIdIn(html), answer: 'De tekening zit erbij.' }, [['tekening.pdf', pdf(), 'application/pdf']]),
    )
    expect(res.status).toBe(302)
    expect(redirectTarget(res, server.url).pathname).toBe(`/mijn/zaken/${c.caseId}/aanvullen/verstuurd`)
    const sent = await portal.get(`/mijn/zaken/${c.caseId}/aanvullen/verstuurd`, cookies.jan)
    const sentHtml = await sent.text()
    expect(sent.status).toBe(200)
    expect(sentHtml).toContain('Wij hebben uw informatie ontvangen')
    const { row, letters } = await written(c.caseId)
    const due = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${row.decision_due_on}T00:00:00Z`))
    expect(sentHtml).toContain(due)
    const letter = letters.find((l) => l.template_code === 'information_received')!
    expect(sentHtml).toContain(`/mijn/brieven/${letter.id}`)
    // The form is closed now: it says so instead of asking again.
    expect(await (await portal.get(`/mijn/zaken/${c.caseId}/aanvullen`, cookies.jan)).text()).toContain(
      'Wij wachten niet op informatie van u',
    )
  })

  it('refuses a file that is no PDF, JPG or PNG by its content: a message at the field, the text kept, nothing stored', async () => {
    const c = await waitingCase()
    const html = await (await portal.get(`/mijn/zaken/${c.caseId}/aanvullen`, cookies.jan)).text()
    const before = await written(c.caseId)
    const res = await portal.post(
      `/mijn/zaken/${c.caseId}/aanvullen`,
      cookies.jan,
      form({ formId: formIdIn(html), answer: 'Mijn uitleg bij de tekening' }, [
        ['tekening.pdf', pdf(), 'application/pdf'],
        ['tekening2.pdf', exe(), 'application/pdf'],
      ]),
    )
    expect(res.status).toBe(400)
    const body = await res.text()
    expect(body).toContain('Het bestand tekening2.pdf is geen PDF, JPG of PNG.')
    expect(body).toMatch(/<textarea[^>]*>Mijn uitleg bij de tekening<\/textarea>/)
    expect(body).toContain('aria-invalid="true"')
    expect(await written(c.caseId)).toEqual(before)
  })

  it('asks for words or a file when both are empty, and refuses an over-long answer keeping it', async () => {
    const c = await waitingCase()
    const html = await (await portal.get(`/mijn/zaken/${c.caseId}/aanvullen`, cookies.jan)).text()
    const empty = await portal.post(
      `/mijn/zaken/${c.caseId}/aanvullen`,
      cookies.jan,
      form({ formId: formIdIn(html), answer: '' }),
    )
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Schrijf een antwoord of kies een bestand.')
    const long = 'a'.repeat(4001)
    const tooLong = await portal.post(
      `/mijn/zaken/${c.caseId}/aanvullen`,
      cookies.jan,
      form({ formId: formIdIn(html), answer: long }),
    )
    expect(tooLong.status).toBe(400)
    const body = await tooLong.text()
    expect(body).toContain('Gebruik hoogstens 4000 tekens.')
    expect(body).toContain(long)
    expect((await written(c.caseId)).row.status).toBe('suspended')
  })

  it("answers another citizen's case with the same 404 as an unknown one, for the page and the post", async () => {
    const c = await waitingCase(fatima.bsn)
    for (const id of [c.caseId, randomUUID(), 'x']) {
      expect((await portal.get(`/mijn/zaken/${id}/aanvullen`, cookies.jan)).status).toBe(404)
      const res = await portal.post(
        `/mijn/zaken/${id}/aanvullen`,
        cookies.jan,
        form({ formId: randomUUID(), answer: 'x' }),
      )
      expect(res.status).toBe(404)
    }
    expect((await portal.get(`/mijn/zaken/${c.caseId}/aanvullen/verstuurd`, cookies.jan)).status).toBe(404)
    expect((await written(c.caseId)).row.status).toBe('suspended')
  })

  it('tells the second tab that its answer was not kept', async () => {
    const c = await waitingCase()
    const tab1 = formIdIn(await (await portal.get(`/mijn/zaken/${c.caseId}/aanvullen`, cookies.jan)).text())
    const tab2 = formIdIn(await (await portal.get(`/mijn/zaken/${c.caseId}/aanvullen`, cookies.jan)).text())
    expect(tab1).not.toBe(tab2)
    const first = await portal.post(
      `/mijn/zaken/${c.caseId}/aanvullen`,
      cookies.jan,
      form({ formId: tab1, answer: 'een' }),
    )
    expect(first.status).toBe(302)
    const second = await portal.post(
      `/mijn/zaken/${c.caseId}/aanvullen`,
      cookies.jan,
      form({ formId: tab2, answer: 'twee' }),
    )
    expect(second.status).toBe(409)
    expect(await second.text()).toContain('Wat u net stuurde, hebben wij niet bewaard.')
    const { events } = await written(c.caseId)
    expect(events.filter((e) => e.type === 'information_received')).toEqual([
      expect.objectContaining({ payload: { channel: 'internet', answer: 'een' } }),
    ])
  })

  it('shows the panel on the case page and on /mijn, with the button to the form', async () => {
    const c = await waitingCase()
    for (const path of [`/mijn/zaken/${c.caseId}`, '/mijn']) {
      const html = await (await portal.get(path, cookies.jan)).text()
      expect(html, path).toContain('Wat wij nog van u nodig hebben')
      expect(html, path).toContain(`href="/mijn/zaken/${c.caseId}/aanvullen"`)
      expect(html, path).toContain('Wij beslissen dan met de informatie die wij al hebben.')
    }
  })

  it('refuses sending while a support employee looks along, and nothing changes', async () => {
    const c = await waitingCase()
    const search = await portal.post('/medewerker/burgers', cookies.support, {
      intent: 'search',
      kind: 'bsn',
      bsn: jan.bsn,
    })
    const choice = /name="choice" value="([^"]+)"/.exec(await search.text())?.[1]
    expect(choice).toBeTruthy()
    const start = await portal.post('/medewerker/burgers', cookies.support, {
      intent: 'start',
      choice: choice!,
      reasonCode: 'phone',
      reference: 'T-2026-0099',
    })
    expect(start.status).toBe(302)
    try {
      // Looking is allowed: the support employee sees what the citizen sees.
      expect((await portal.get(`/mijn/zaken/${c.caseId}`, cookies.support)).status).toBe(200)
      const before = await written(c.caseId)
      const res = await portal.post(
        `/mijn/zaken/${c.caseId}/aanvullen`,
        cookies.support,
        form({ formId: randomUUID(), answer: 'x' }, [['a.pdf', pdf(), 'application/pdf']]),
      )
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('Wijzigen kan niet tijdens meekijken')
      expect(await written(c.caseId)).toEqual(before)
    } finally {
      await portal.post('/medewerker/meekijken/stoppen', cookies.support, {})
    }
  })
})

describe('the caseworker', () => {
  it('finds the case on the list as "information received" until the next event, sees what came in, and can ask again', async () => {
    const c = await waitingCase()
    await answerInformationRequest(
      jan,
      c.caseId,
      { answer: 'Mijn antwoord voor de medewerker', files: [accepted('maten.pdf', pdf())] },
      { formId: randomUUID() },
    )
    const listed = await listCasesForStaff({ employeeId: 'E1001' }, { mine: false }, { lang: 'nl' })
    expect(listed.find((x) => x.id === c.caseId)?.informationReceivedOn).toBe(today())

    const list = await (await portal.get('/medewerker/zaken?alle=1&ontvangen=1', cookies.caseworker)).text()
    expect(list).toContain(c.reference)
    expect(list).toContain('Informatie ontvangen')
    const screen = await (await portal.get(`/medewerker/zaken/${c.caseId}`, cookies.caseworker)).text()
    expect(screen).toContain('Mijn antwoord voor de medewerker')
    expect(screen).toContain('maten.pdf')
    expect(screen).toContain(`/medewerker/zaken/${c.caseId}/informatie-opvragen`)

    // Ask again: a new request with a new date; the case leaves the "information received" list.
    const form = await (
      await portal.get(`/medewerker/zaken/${c.caseId}/informatie-opvragen`, cookies.caseworker)
    ).text()
    const formId = /name="formId" value="([^"]+)"/.exec(form)?.[1]
    const res = await portal.post(`/medewerker/zaken/${c.caseId}/informatie-opvragen`, cookies.caseworker, {
      formId: formId!,
      information: 'De tekening mist de hoogte. Stuur een tekening met de hoogte erop.',
      respondBy: addDays(today(), 14),
    })
    expect(res.status).toBe(302)
    const after = await written(c.caseId)
    expect(after.row.status).toBe('suspended')
    expect(after.row.information_received_on).toBeNull()
    const again = await (await portal.get('/medewerker/zaken?alle=1&ontvangen=1', cookies.caseworker)).text()
    expect(again).not.toContain(c.reference)
  })
})

describe('the same event from a back office (an answer by post or at the counter)', () => {
  it('accepts informatie-ontvangen with its channel and note, once, and refuses it when nothing is asked', async () => {
    const c = await waitingCase()
    const event = cloudEvent('informatie-ontvangen', c.reference, {
      channel: 'post',
      note: 'Tekening per post ontvangen',
    })
    const res = await sendEvent(server.url, event, { token: DEMO_SOURCE.token })
    expect(res.status).toBe(202)
    expect(await res.json()).toMatchObject({ status: 'accepted', reference: c.reference })
    const { events, row, letters } = await written(c.caseId)
    expect(events.at(-1)).toMatchObject({
      type: 'information_received',
      actor: `system:${DEMO_SOURCE.id}`,
      payload: { channel: 'post', note: 'Tekening per post ontvangen' },
    })
    expect(row.status).toBe('open')
    expect(letters.some((l) => l.template_code === 'information_received')).toBe(true)

    const again = await sendEvent(server.url, event, { token: DEMO_SOURCE.token })
    expect(await again.json()).toMatchObject({ status: 'duplicate' })
    const second = await sendEvent(server.url, cloudEvent('informatie-ontvangen', c.reference, { channel: 'post' }), {
      token: DEMO_SOURCE.token,
    })
    expect(second.status).toBe(409)
    expect(second.headers.get('content-type')).toContain('application/problem+json')
    expect(await second.json()).toMatchObject({ errors: [{ code: 'not_suspended' }] })
  })

  it('refuses an event without a channel as problem+json', async () => {
    const c = await waitingCase()
    const res = await sendEvent(server.url, cloudEvent('informatie-ontvangen', c.reference, { note: 'x' }), {
      token: DEMO_SOURCE.token,
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errors: [{ field: 'data.channel', code: 'required' }] })
    expect((await written(c.caseId)).row.status).toBe('suspended')
  })
})

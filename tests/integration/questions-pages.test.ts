import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { QUESTION_MAX_LENGTH } from '~/domain/questions'
import { deliverToCitizen } from '~/services/questions/deliver.server'
import { readQuestionForCitizen } from '~/services/questions/citizen.server'
import { QUESTION_MAIL_TASK } from '~/services/questions/question-mail.server'
import { multipart, portalClient } from '../support/http'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'
import { plainPng } from '../support/upload-files'

/**
 * The citizen's pages of a question and the public contact form, through HTTP as a browser sends
 * them: asking with a file, the acknowledgement on screen, the list and the thread (never the
 * internal hand-overs), reading marks answers read, a reaction opens the question again, another
 * citizen's or an unknown id is one 404, looking along changes nothing, and the public form's
 * honeypot and limit per address.
 */
let server: TestServer
let db: DB
const jan = personaByKey('jan')
const fatima = personaByKey('fatima')
const truus = personaByKey('truus')
const cookies: Record<string, string> = {}
const portal = portalClient(() => server.url)

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer({ TRUST_PROXY: 'true', CONTACT_FORM_LIMIT: '3' })
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'basis')
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn, 'basis')
  cookies.truus = await loginAsCitizen(server.url, truus.bsn, 'basis')
  cookies.support = await loginAsStaff(server.url, 'E2001')
  cookies.mirjam = await loginAsStaff(server.url, 'E1001')
})
afterAll(() => server?.close())

const ask = (cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) => {
  const form = multipart({ formId: randomUUID(), topic: 'parking', answerChannel: 'portal', ...fields })
  if (file) form.append('attachment', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  return portal.post('/mijn/vragen/nieuw', cookie, form)
}
const idFrom = (res: Response) =>
  /\/mijn\/vragen\/([0-9a-f-]{36})\?verstuurd=1$/.exec(res.headers.get('location') ?? '')?.[1]

async function answer(questionId: string, body: string) {
  await db.transaction().execute(async (trx) => {
    const entry = await trx
      .insertInto('question_entries')
      .values({
        question_id: questionId,
        kind: 'answer',
        author_kind: 'employee',
        employee_id: 'E2002',
        body,
        sent_via: 'portal',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await deliverToCitizen(trx, questionId, entry.id, { now: new Date() })
    await trx.updateTable('questions').set({ answered_at: new Date() }).where('id', '=', questionId).execute()
  })
}

describe('asking a question in Mijn Stad', () => {
  it('shows the form with the topic from the link, the norm beforehand and the confirmed address', async () => {
    const res = await portal.get('/mijn/vragen/nieuw?onderwerp=waste', cookies.jan)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(
      'U krijgt binnen 6 weken antwoord, meestal sneller. Binnen 5 werkdagen krijgt u een ontvangstbevestiging.',
    )
    expect(html).toMatch(/<option value="waste" selected=""/)
    expect(html).toContain(`Wij sturen het antwoord naar ${jan.email}.`)
    expect(html).toContain(jan.phone!) // the call-back number, prefilled
  })

  it('stores the question with its file and shows the acknowledgement on screen', async () => {
    const png = plainPng()
    const res = await ask(
      cookies.jan,
      { body: 'Wanneer wordt het grofvuil opgehaald?', topic: 'waste' },
      { name: 'foto.png', bytes: png, type: 'image/png' },
    )
    expect(res.status).toBe(302)
    const id = idFrom(res)!
    const page = await (await portal.get(`/mijn/vragen/${id}?verstuurd=1`, cookies.jan)).text()
    const q = await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(page).toContain('Uw vraag is verstuurd')
    expect(page).toContain(q.reference)
    expect(page).toContain('Wij hebben uw vraag ontvangen op')
    expect(page).toContain('In Mijn Stad')
    const [file] = await db.selectFrom('question_attachments').select(['id']).where('question_id', '=', id).execute()
    const download = await portal.get(`/mijn/vragen/${id}/bijlagen/${file.id}`, cookies.jan)
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true)
    expect((await portal.get(`/mijn/vragen/${id}/bijlagen/${file.id}`, cookies.fatima)).status).toBe(404)
  })

  it('keeps the typed text on a refusal, names the field, and asks for the file again', async () => {
    const long = 'a'.repeat(QUESTION_MAX_LENGTH + 1)
    const form = multipart({ formId: randomUUID(), topic: 'parking', answerChannel: 'phone', phone: '', body: long })
    form.append('attachment', new Blob([new Uint8Array(plainPng())], { type: 'image/png' }), 'foto.png')
    const res = await portal.post('/mijn/vragen/nieuw', cookies.jan, form)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(long)
    expect(html).toContain(`Gebruik maximaal ${QUESTION_MAX_LENGTH} tekens.`)
    expect(html).toContain('Vul uw telefoonnummer in, dan bellen wij u terug.')
    expect(html).toContain('Kies het dan opnieuw.')
  })

  it('refuses an answer by e-mail without a confirmed address at the field', async () => {
    const res = await ask(cookies.truus, { body: 'Mijn vraag', answerChannel: 'email' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('U heeft geen bevestigd e-mailadres.')
  })

  it('refuses a file that is not what it says, and stores nothing', async () => {
    const formId = randomUUID()
    const form = multipart({ formId, topic: 'parking', answerChannel: 'portal', body: 'Met bijlage' })
    form.append('attachment', new Blob([Buffer.from('MZ not a picture')], { type: 'image/png' }), 'virus.png')
    const res = await portal.post('/mijn/vragen/nieuw', cookies.jan, form)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('virus.png')
    expect(await db.selectFrom('questions').select('id').where('form_id', '=', formId).execute()).toHaveLength(0)
  })
})

describe('Mijn vragen and a question', () => {
  it('lists the questions, shows a hand-over as in progress and never its note, and marks reading', async () => {
    const id = idFrom(await ask(cookies.jan, { body: 'Hoe vraag ik een bewonersvergunning aan?' }))!
    const q = await db.selectFrom('questions').select('reference').where('id', '=', id).executeTakeFirstOrThrow()
    await db
      .insertInto('question_entries')
      .values([
        {
          question_id: id,
          kind: 'handover',
          author_kind: 'employee',
          employee_id: 'E2002',
          department: 'Vergunningen',
          body: 'GEHEIME OVERDRACHT',
        },
        { question_id: id, kind: 'note', author_kind: 'employee', employee_id: 'E2002', body: 'INTERNE NOTITIE' },
      ])
      .execute()
    const list = await (await portal.get('/mijn/vragen', cookies.jan)).text()
    expect(list).toContain(q.reference)
    expect(list).toContain('In behandeling')
    expect(list).toContain('Stel een vraag')
    const thread = await (await portal.get(`/mijn/vragen/${id}`, cookies.jan)).text()
    expect(thread).not.toContain('GEHEIME OVERDRACHT')
    expect(thread).not.toContain('INTERNE NOTITIE')
    expect(thread).not.toContain('Vergunningen')

    await answer(id, 'U vraagt hem aan op de pagina Parkeren.')
    expect(await (await portal.get('/mijn', cookies.jan)).text()).toContain(
      `Er is een antwoord op uw vraag ${q.reference}.`,
    )
    expect(await (await portal.get('/mijn/vragen', cookies.jan)).text()).toContain('1 nieuw antwoord')
    // Looking along (the service as the route calls it then) does not mark it read.
    await readQuestionForCitizen(jan.bsn, id, { markRead: false })
    expect(await (await portal.get('/mijn', cookies.jan)).text()).toContain(q.reference)
    const read = await (await portal.get(`/mijn/vragen/${id}`, cookies.jan)).text()
    expect(read).toContain('U vraagt hem aan op de pagina Parkeren.')
    expect(read).toContain('Beantwoord')
    expect(await (await portal.get('/mijn', cookies.jan)).text()).not.toContain(
      `Er is een antwoord op uw vraag ${q.reference}.`,
    )
  })

  it('answers the same 404 for another citizen’s question, an unknown and a malformed id', async () => {
    const id = idFrom(await ask(cookies.jan, { body: 'Privé vraag' }))!
    for (const path of [
      `/mijn/vragen/${id}`,
      `/mijn/vragen/${randomUUID()}`,
      '/mijn/vragen/niet-een-id',
      "/mijn/vragen/1'or'1",
    ]) {
      expect((await portal.get(path, cookies.fatima)).status, path).toBe(404)
    }
    const react = await portal.post(`/mijn/vragen/${id}`, cookies.fatima, {
      body: 'van iemand anders',
      formId: randomUUID(),
    })
    expect(react.status).toBe(404)
    expect(
      await db
        .selectFrom('question_entries')
        .select('id')
        .where('question_id', '=', id)
        .where('kind', '=', 'follow_up')
        .execute(),
    ).toHaveLength(0)
  })

  it('opens the question again with a reaction, stored once for a double submit', async () => {
    const id = idFrom(await ask(cookies.jan, { body: 'Hoeveel kost een vergunning?' }))!
    await answer(id, 'Het kost 40 euro.')
    const formId = randomUUID()
    for (let i = 0; i < 2; i++) {
      const res = await portal.post(`/mijn/vragen/${id}`, cookies.jan, { body: 'Per jaar of per maand?', formId })
      expect(res.status).toBe(302)
    }
    const followUps = await db
      .selectFrom('question_entries')
      .select('id')
      .where('question_id', '=', id)
      .where('kind', '=', 'follow_up')
      .execute()
    expect(followUps).toHaveLength(1)
    const q = await db.selectFrom('questions').select('answered_at').where('id', '=', id).executeTakeFirstOrThrow()
    expect(q.answered_at).toBeNull()
    expect(await (await portal.get('/mijn/vragen', cookies.jan)).text()).toContain('Ontvangen')
  })

  it('shows a letter about a question in Mijn brieven with its number, and the paper one in the post queue', async () => {
    const id = idFrom(
      await ask(cookies.truus, {
        body: 'Kan ik hulp krijgen bij het invullen?',
        answerChannel: 'letter',
        topic: 'care',
      }),
    )!
    const q = await db.selectFrom('questions').select('reference').where('id', '=', id).executeTakeFirstOrThrow()
    const letter = await db
      .selectFrom('letters')
      .select(['id', 'delivery'])
      .where('question_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(letter.delivery).toBe('paper')
    const list = await (await portal.get('/mijn/brieven', cookies.truus)).text()
    expect(list).toContain(q.reference)
    expect(list).toContain('Wij hebben uw vraag ontvangen')
    const page = await (await portal.get(`/mijn/brieven/${letter.id}`, cookies.truus)).text()
    expect(page).toContain(`/mijn/vragen/${id}`)
    const pdf = await portal.get(`/mijn/brieven/${letter.id}/pdf`, cookies.truus)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toContain('application/pdf')
    const post = await (await portal.get('/medewerker/post', cookies.mirjam)).text()
    expect(post).toContain(q.reference)
  })

  it('lets an employee looking along read, and refuses every write', async () => {
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
      reference: 'T-2026-0042',
    })
    expect(start.status).toBe(302)
    expect((await portal.get('/mijn/vragen', cookies.support)).status).toBe(200)
    const formId = randomUUID()
    const res = await portal.post(
      '/mijn/vragen/nieuw',
      cookies.support,
      multipart({ formId, topic: 'parking', answerChannel: 'portal', body: 'Namens Jan' }),
    )
    expect(res.status).toBe(403)
    expect(await db.selectFrom('questions').select('id').where('form_id', '=', formId).execute()).toHaveLength(0)
    const [mine] = await db.selectFrom('questions').select('id').where('bsn', '=', jan.bsn).limit(1).execute()
    expect(
      (await portal.post(`/mijn/vragen/${mine.id}`, cookies.support, { body: 'Namens Jan', formId: randomUUID() }))
        .status,
    ).toBe(403)
  })
})

describe('the contact form without DigiD', () => {
  const send = (
    fields: Record<string, string>,
    { ip = '198.51.100.7', language }: { ip?: string; language?: string } = {},
  ) =>
    fetch(`${server.url}/contactformulier`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: server.url,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': ip,
        ...(language
          ? { cookie: `lng=${encodeURIComponent(Buffer.from(JSON.stringify(language)).toString('base64'))}` }
          : {}),
      },
      body: new URLSearchParams({
        formId: randomUUID(),
        email: 'iemand@example.org',
        topic: 'waste',
        body: 'Wanneer komt de vuilniswagen?',
        answerChannel: 'email',
        website: '',
        ...fields,
      }),
    })
  const questionsOf = (email: string) =>
    db.selectFrom('questions').select(['id', 'bsn']).where('email', '=', email).execute()

  it('offers the form without login, with a honeypot people never reach, and no cookie', async () => {
    const res = await fetch(`${server.url}/contactformulier`)
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toBeNull()
    const html = await res.text()
    expect(html).toMatch(/<div aria-hidden="true"[^>]*><label for="website">/)
    expect(html).toMatch(/<input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/i)
    expect(await (await fetch(`${server.url}/`)).text()).toContain('href="/contactformulier"')
  })

  it('stores the question without a BSN and acknowledges it by e-mail', async () => {
    const res = await send({ email: 'publiek@example.org', name: 'Iemand' }, { ip: '198.51.100.10' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/contactformulier/verstuurd')
    const [q] = await questionsOf('publiek@example.org')
    expect(q.bsn).toBeNull()
    const [ack] = await db
      .selectFrom('question_entries')
      .select('id')
      .where('question_id', '=', q.id)
      .where('kind', '=', 'acknowledgement')
      .execute()
    const jobs = await sql<{ n: number }>`select count(*)::int as n from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = ${QUESTION_MAIL_TASK} and j.payload->>'entryId' = ${ack.id}`.execute(db)
    expect(jobs.rows[0].n).toBe(1)
    expect(await (await fetch(`${server.url}/contactformulier/verstuurd`)).text()).toContain(
      'Wij hebben uw vraag ontvangen',
    )
  })

  it('answers a filled honeypot with the same confirmation, and stores nothing', async () => {
    const res = await send({ email: 'robot@example.org', website: 'https://spam.example' }, { ip: '198.51.100.11' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/contactformulier/verstuurd')
    expect(await questionsOf('robot@example.org')).toHaveLength(0)
  })

  it('refuses a bad e-mail address and a call back without a number at the field, keeping the text', async () => {
    const res = await send(
      { email: 'geen-adres', answerChannel: 'phone', body: 'Mijn getypte vraag' },
      { ip: '198.51.100.12' },
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Vul een e-mailadres in zoals naam@voorbeeld.nl.')
    expect(html).toContain('Vul uw telefoonnummer in, dan bellen wij u terug.')
    expect(html).toContain('Mijn getypte vraag')
  })

  it('limits sends per address with a plain 429 in the reader’s language; another address goes on', async () => {
    const ip = '203.0.113.50'
    for (let i = 0; i < 3; i++) expect((await send({ email: 'vaak@example.org' }, { ip })).status).toBe(302)
    const refused = await send({ email: 'vaak@example.org' }, { ip })
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('U heeft te veel vragen achter elkaar verstuurd.')
    const english = await send({ email: 'vaak@example.org' }, { ip, language: 'en' })
    expect(english.status).toBe(429)
    expect(await english.text()).toContain('You have sent too many questions in a row.')
    expect(await questionsOf('vaak@example.org')).toHaveLength(3)
    expect((await send({ email: 'ander@example.org' }, { ip: '203.0.113.51' })).status).toBe(302)
  })
})

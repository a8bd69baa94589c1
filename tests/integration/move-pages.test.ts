import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { formatLocalDate } from '~/components/date-text'
import { addDays, todayIn } from '~/domain/local-date'
import { saveCoMovers, saveMoveAddress, saveMoveDate } from '~/services/requests/move-draft.server'
import { submitMove } from '~/services/requests/move-submit.server'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The pages of a move that takes effect on its date, over HTTP without JavaScript (plain form
 * posts), logged in through the mock DigiD and staff SSO: the co-mover's own view of the case, no
 * second move, the approver's residents and confirmation step, the address investigation, and
 * withdrawing. Server-rendered pages, so each answer is what a browser without JavaScript shows.
 */
let server: TestServer
let db: DB
const cookies: Record<string, string> = {}
const pieter = personaByKey('pieter')
const fatima = personaByKey('fatima')
const anneke = personaByKey('anneke')
const thomas = personaByKey('thomas')
const jan = personaByKey('jan')
const lisa = personaByKey('lisa')
const today = todayIn(new Date())
const moveDate = addDays(today, 14)
const nl = (date: string) => formatLocalDate(date, 'nl')

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer({ MOVE_RESIDENTS_WARNING: '4' })
  cookies.pieter = await loginAsCitizen(server.url, pieter.bsn, 'midden')
  cookies.fatima = await loginAsCitizen(server.url, fatima.bsn, 'midden')
  cookies.anneke = await loginAsCitizen(server.url, anneke.bsn, 'midden')
  cookies.thomas = await loginAsCitizen(server.url, thomas.bsn, 'midden')
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
  cookies.lisa = await loginAsCitizen(server.url, lisa.bsn, 'midden')
  cookies.rianne = await loginAsStaff(server.url, 'E1003')
})
afterAll(() => server?.close())

const { get, post } = portalClient(() => server.url)
/** The text of a page's <main>, tags stripped and entities of apostrophes undone. */
const mainText = async (res: Response) => {
  const html = await res.text()
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
}

/** A move reported through the service, as the steps would: address, date, co-movers, send. */
async function report(bsn: string, to: { postcode: string; houseNumber: string }, picked: number[]) {
  const saved = await saveMoveAddress({ bsn }, null, { ...to, addition: '' })
  if (!saved.ok) throw new Error(`address refused: ${JSON.stringify(saved)}`)
  await saveMoveDate({ bsn }, saved.id, {
    day: moveDate.slice(8),
    month: moveDate.slice(5, 7),
    year: moveDate.slice(0, 4),
  })
  await saveCoMovers({ bsn }, saved.id, picked)
  const sent = await submitMove({ bsn }, saved.id)
  if (!sent.ok) throw new Error(`submit refused: ${JSON.stringify(sent)}`)
  const { id } = await db
    .selectFrom('move_requests')
    .select('id')
    .where('case_id', '=', sent.caseId)
    .executeTakeFirstOrThrow()
  return { ...sent, requestId: id }
}

describe('Pieter reports the family’s move; Fatima moves along', () => {
  let move: Awaited<ReturnType<typeof report>>
  let fatimasOlderDraft: string

  beforeAll(async () => {
    // Fatima had started a move of her own, not sent yet.
    const draft = await saveMoveAddress({ bsn: fatima.bsn }, null, {
      postcode: '9715AB',
      houseNumber: '1',
      addition: '',
    })
    if (!draft.ok) throw new Error('draft refused')
    fatimasOlderDraft = draft.id
    await saveMoveDate({ bsn: fatima.bsn }, draft.id, {
      day: moveDate.slice(8),
      month: moveDate.slice(5, 7),
      year: moveDate.slice(0, 4),
    })
    await saveCoMovers({ bsn: fatima.bsn }, draft.id, [])
    move = await report(pieter.bsn, { postcode: '9712HA', houseNumber: '5' }, [0, 1, 2])
  })

  it('shows Fatima the move on her own case page, with her letter, and who reported it', async () => {
    const res = await get(`/mijn/zaken/${move.caseId}`, cookies.fatima)
    expect(res.status).toBe(200)
    const text = await mainText(res)
    expect(text).toContain(`Pieter de Vries heeft deze verhuizing op ${nl(today)} voor u doorgegeven. U verhuist mee.`)
    expect(text).toContain('Oude Ebbingestraat 5, 9712 HA Groningen')
    expect(text).toContain('Pieter de Vries, Fatima el Amrani, Noor de Vries, Daan de Vries')
    expect(text).toContain('Er is een verhuizing voor u doorgegeven') // her letter, listed on the case
    expect(text).toContain('Klopt deze verhuizing niet? Bel ons dan op 14 050.')
    expect(text).not.toContain('Verhuizing intrekken')
    const cases = await mainText(await get('/mijn/zaken', cookies.fatima))
    expect(cases).toContain(move.reference)
  })

  it('answers another citizen, an unknown id and a malformed id with the same 404', async () => {
    expect((await get(`/mijn/zaken/${move.caseId}`, cookies.jan)).status).toBe(404)
    expect((await get('/mijn/zaken/00000000-0000-4000-8000-000000000000', cookies.fatima)).status).toBe(404)
    expect((await get('/mijn/zaken/not-a-case', cookies.fatima)).status).toBe(404)
    expect((await get(`/mijn/zaken/${move.caseId}/intrekken`, cookies.jan)).status).toBe(404)
    expect((await post(`/mijn/zaken/${move.caseId}/intrekken`, cookies.jan, {})).status).toBe(404)
  })

  it('does not let Fatima report a second move: the start page says which move stands, a direct post is refused', async () => {
    const page = await get('/mijn/gegevens/verhuizen', cookies.fatima)
    expect(page.status).toBe(200)
    const text = await mainText(page)
    expect(text).toContain('Er is al een verhuizing voor u doorgegeven')
    expect(text).toContain(
      `Pieter de Vries heeft op ${nl(today)} al een verhuizing voor u doorgegeven naar Oude Ebbingestraat 5, 9712 HA Groningen per ${nl(moveDate)}.`,
    )
    expect(text).not.toContain('Postcode')
    expect(await (await get('/mijn/gegevens/verhuizen', cookies.fatima)).text()).toContain(
      `href="/mijn/zaken/${move.caseId}"`,
    )

    const drafts = async () =>
      (await db.selectFrom('move_requests').select('id').where('bsn', '=', fatima.bsn).execute()).length
    const before = await drafts()
    const direct = await post('/mijn/gegevens/verhuizen', cookies.fatima, {
      postcode: '9715AB',
      houseNumber: '2',
      addition: '',
    })
    expect(direct.status).toBe(409)
    expect(await mainText(direct)).toContain('al een verhuizing voor u doorgegeven')
    expect(await drafts()).toBe(before)

    // Her draft from before Pieter's report cannot be sent either.
    const sent = await post(`/mijn/gegevens/verhuizen/controleren?aanvraag=${fatimasOlderDraft}`, cookies.fatima, {
      aanvraag: fatimasOlderDraft,
    })
    expect(sent.status).toBe(302)
    expect(sent.headers.get('location')).toBe('/mijn/gegevens/verhuizen')
    expect(
      await db
        .selectFrom('move_requests')
        .select('status')
        .where('id', '=', fatimasOlderDraft)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'draft' })
  })

  it('shows the approver the residents and the warnings, and does nothing on "Verhuizing goedkeuren" without the confirmation', async () => {
    const page = await mainText(await get(`/medewerker/verhuizingen/${move.requestId}`, cookies.rianne))
    expect(page).toContain('Wie wonen nu op het nieuwe adres')
    expect(page).toMatch(/Geertruida van Dijk, 8\d jaar/)
    expect(page).toContain('Na de verhuizing wonen hier 5 mensen. Dat is meer dan 4.') // MOVE_RESIDENTS_WARNING=4
    expect(page).toMatch(
      /Hier woont nu iemand van 8\d jaar alleen\. Weet deze bewoner dat er 4 mensen bij komen wonen\?/,
    )
    expect(page).not.toContain(personaByKey('truus').bsn)

    const res = await post(`/medewerker/verhuizingen/${move.requestId}`, cookies.rianne, { intent: 'approve' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`/medewerker/verhuizingen/${move.requestId}/goedkeuren`)
    const status = async () =>
      db
        .selectFrom('move_requests')
        .select(['status', 'decided_at'])
        .where('id', '=', move.requestId)
        .executeTakeFirstOrThrow()
    expect(await status()).toEqual({ status: 'submitted', decided_at: null })
    const events = await db.selectFrom('case_events').select('type').where('case_id', '=', move.caseId).execute()
    expect(events.map((e) => e.type)).toEqual(['received'])

    // The check page says what will happen; a post without its confirmation does nothing either.
    const check = await mainText(await get(`/medewerker/verhuizingen/${move.requestId}/goedkeuren`, cookies.rianne))
    expect(check).toContain('Verhuizing goedkeuren?')
    expect(check).toContain(
      `Het nieuwe adres gaat in op ${nl(moveDate)}; dan krijgen de afdelingen en organisaties die het moeten weten bericht.`,
    )
    expect(check).toContain('Bevestigen')
    const unconfirmed = await post(`/medewerker/verhuizingen/${move.requestId}/goedkeuren`, cookies.rianne, {})
    expect(unconfirmed.status).toBe(302)
    expect(await status()).toEqual({ status: 'submitted', decided_at: null })
  })

  it('approves after "Bevestigen": the screen says when the address applies; Pieter’s page shows "Nieuw adres vanaf" beside the current one', async () => {
    const res = await post(`/medewerker/verhuizingen/${move.requestId}/goedkeuren`, cookies.rianne, {
      intent: 'confirm-approve',
    })
    expect(res.status).toBe(302)
    const done = await mainText(await get(res.headers.get('location')!, cookies.rianne))
    expect(done).toContain(
      `De verhuizing is goedgekeurd. Het nieuwe adres gaat in op ${nl(moveDate)}; dan krijgen de afdelingen en organisaties die het moeten weten bericht.`,
    )
    expect(done).not.toContain('staat in de BRP')
    expect(done).toContain(`Nog niets doorgegeven. Dat gebeurt op ${nl(moveDate)}, als het nieuwe adres ingaat.`)
    expect(done).toContain('Goedgekeurd, wacht op verhuisdatum')
    // A second confirmation (a double click) decides nothing twice: it lands on the decided move.
    const again = await post(`/medewerker/verhuizingen/${move.requestId}/goedkeuren`, cookies.rianne, {
      intent: 'confirm-approve',
    })
    expect(again.status).toBe(302)
    expect(again.headers.get('location')).toBe(`/medewerker/verhuizingen/${move.requestId}`)
    const decided = await db
      .selectFrom('case_events')
      .select('type')
      .where('case_id', '=', move.caseId)
      .where('type', '=', 'decided')
      .execute()
    expect(decided).toHaveLength(1)

    for (const who of [cookies.pieter, cookies.fatima]) {
      const mine = await mainText(await get('/mijn/gegevens', who))
      expect(mine).toContain('Woonadres Helperzoom 8, 9722 BA Groningen')
      expect(mine).toContain(`Nieuw adres vanaf ${nl(moveDate)} Oude Ebbingestraat 5, 9712 HA Groningen`)
    }
    const casePage = await mainText(await get(`/mijn/zaken/${move.caseId}`, cookies.pieter))
    expect(casePage).toContain(`Het nieuwe adres gaat in op ${nl(moveDate)}.`)
    expect(casePage).toContain('Dat kan niet meer online, want wij hebben al besloten. Bel ons op 14 050.')
  })
})

describe('an address investigation from the staff screen', () => {
  it('starts with one click, shows on the screen and the case, and sends the letter', async () => {
    const move = await report(lisa.bsn, { postcode: '9715AB', houseNumber: '4' }, [])
    const res = await post(`/medewerker/verhuizingen/${move.requestId}`, cookies.rianne, { intent: 'investigate' })
    expect(res.status).toBe(302)
    const page = await mainText(await get(res.headers.get('location')!, cookies.rianne))
    expect(page).toContain('Het adresonderzoek is gestart.')
    expect(page).toContain(`Adresonderzoek gestart op ${nl(today)}`)
    expect(page).not.toContain('Adresonderzoek starten') // once
    const mine = await mainText(await get(`/mijn/zaken/${move.caseId}`, cookies.lisa))
    expect(mine).toContain(`Sinds ${nl(today)} doen wij een adresonderzoek.`)
    expect(mine).toContain('Wij onderzoeken uw nieuwe adres') // the letter, on the case
  })
})

describe('withdrawing a move', () => {
  it('asks for confirmation, closes the case as withdrawn, and tells Thomas; Thomas himself cannot withdraw it', async () => {
    const move = await report(anneke.bsn, { postcode: '9715AB', houseNumber: '6' }, [0])
    const casePage = await get(`/mijn/zaken/${move.caseId}`, cookies.anneke)
    expect(await casePage.text()).toContain(`href="/mijn/zaken/${move.caseId}/intrekken"`)

    const confirm = await mainText(await get(`/mijn/zaken/${move.caseId}/intrekken`, cookies.anneke))
    expect(confirm).toContain('Wilt u deze verhuizing intrekken?')
    expect(confirm).toContain('Ja, verhuizing intrekken')

    const byThomas = await get(`/mijn/zaken/${move.caseId}/intrekken`, cookies.thomas)
    expect(byThomas.status).toBe(200)
    expect(await mainText(byThomas)).toContain('Alleen wie de verhuizing doorgaf, kan die intrekken.')
    expect((await post(`/mijn/zaken/${move.caseId}/intrekken`, cookies.thomas, {})).status).toBe(409)

    const res = await post(`/mijn/zaken/${move.caseId}/intrekken`, cookies.anneke, {})
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`/mijn/zaken/${move.caseId}?ingetrokken=1`)
    const after = await mainText(await get(res.headers.get('location')!, cookies.anneke))
    expect(after).toContain('U heeft de verhuizing ingetrokken. U krijgt een brief.')
    expect(after).toContain('De verhuizing is ingetrokken. Uw adres verandert niet.')
    const thomasCase = await mainText(await get(`/mijn/zaken/${move.caseId}`, cookies.thomas))
    expect(thomasCase).toContain('De verhuizing is ingetrokken')

    // Once decided, a second withdrawal (or a late click) is refused with what to do instead.
    const late = await post(`/mijn/zaken/${move.caseId}/intrekken`, cookies.anneke, {})
    expect(late.status).toBe(409)
    expect(await mainText(late)).toContain('Deze verhuizing kunt u niet meer intrekken')
  })
})

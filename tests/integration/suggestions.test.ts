import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { LISA_MOVED_DAYS_AGO, seedSuggestionsDemo } from '../../server/seed/suggestions'
import { formatLocalDate } from '~/components/date-text'
import { addDays, todayIn } from '~/domain/local-date'
import { ReadOnlyImpersonation } from '~/services/requests/kernel.server'
import { loadSuggestionFacts } from '~/services/suggestions/facts.server'
import { dismissSuggestion, getSuggestions } from '~/services/suggestions/index.server'
import { portalClient } from '../support/http'
import { loginAsCitizen } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * "Voor u" against the database and over HTTP: the facts read for one citizen (the register's
 * only at DigiD Midden), a dismissal (only of a key suggested to this citizen now, never while a
 * staff member looks along), and Mijn overzicht with and without the section.
 */
let server: TestServer
let db: DB
const now = new Date()
const today = todayIn(now)
const movedOn = addDays(today, -LISA_MOVED_DAYS_AGO)
const lisa = personaByKey('lisa')
const anneke = personaByKey('anneke')
const jan = personaByKey('jan')
const cookies: Record<string, string> = {}
const { get, post } = portalClient(() => server.url)

beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  await seedSuggestionsDemo(db, now)
  server = await startTestServer()
  cookies.lisa = await loginAsCitizen(server.url, lisa.bsn, 'midden')
  cookies.lisaBasis = await loginAsCitizen(server.url, lisa.bsn, 'basis')
  cookies.anneke = await loginAsCitizen(server.url, anneke.bsn, 'midden')
  cookies.jan = await loginAsCitizen(server.url, jan.bsn, 'midden')
})
afterAll(() => server?.close())

const dismissals = (bsn: string) =>
  db.selectFrom('suggestion_dismissals').select('suggestion').where('bsn', '=', bsn).execute()
const audits = (bsn: string, action: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_kind', 'resource', 'details'])
    .where('subject_bsn', '=', bsn)
    .where('action', '=', action)
    .orderBy('id')
    .execute()
const mainOf = (html: string) =>
  (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ')

describe('the facts', () => {
  it('reads the address, its date, the permit and the e-mail state of the citizen, the register only at Midden', async () => {
    const facts = await loadSuggestionFacts(lisa.bsn, { db, level: 'midden', now })
    expect(facts.personalData).toEqual({
      birthDate: lisa.birth_date,
      address: { street: 'Nieuwe Ebbingestraat', houseNumber: '23A', since: movedOn },
      household: [],
    })
    expect(facts.email).toBe('confirmed')
    expect(facts.cases).toEqual([
      expect.objectContaining({ caseType: 'parkeervergunning', outcome: 'granted', open: false }),
    ])
    const basis = await loadSuggestionFacts(lisa.bsn, { db, level: 'basis', now })
    expect(basis.personalData).toBeNull()
    expect(basis.cases).toEqual(facts.cases)
  })

  it('lists the household as Mijn gegevens does: Thomas lives with Anneke', async () => {
    const facts = await loadSuggestionFacts(anneke.bsn, { db, level: 'midden', now })
    expect(facts.personalData?.household).toEqual([
      { relation: 'child', birthDate: personaByKey('thomas').birth_date, livesWithYou: true },
    ])
  })
})

describe('suggestions and dismissals', () => {
  it('suggests the permit and the waste pass after Lisa’s move, and audits showing her address', async () => {
    const before = (await audits(lisa.bsn, 'personal_data.viewed')).length // the logins landed on /mijn
    const view = await getSuggestions({ bsn: lisa.bsn, level: 'midden' }, { db, now })
    expect(view.shown.map((s) => s.key)).toEqual([`parking-after-move:${movedOn}`, `waste-after-move:${movedOn}`])
    expect(view.waiting).toBe(0)
    const seen = await audits(lisa.bsn, 'personal_data.viewed')
    expect(seen).toHaveLength(before + 1)
    expect(seen.at(-1)).toEqual({
      actor_kind: 'citizen',
      resource: 'mijn/voor-u',
      details: { suggestions: ['parking-after-move', 'waste-after-move'] },
    })
    // DigiD Basis may not see Mijn gegevens: nothing from the register, and nothing audited
    expect((await getSuggestions({ bsn: lisa.bsn, level: 'basis' }, { db, now })).shown).toEqual([])
    expect(await audits(lisa.bsn, 'personal_data.viewed')).toHaveLength(before + 1)
  })

  it('dismisses one suggestion of this citizen: only that one goes, twice is once, audited once', async () => {
    const actor = { bsn: lisa.bsn, level: 'midden' as const }
    expect(await dismissSuggestion(actor, `waste-after-move:${movedOn}`, { db, now })).toEqual({ ok: true })
    expect(await dismissSuggestion(actor, `waste-after-move:${movedOn}`, { db, now })).toEqual({ ok: true })
    expect(await dismissals(lisa.bsn)).toEqual([{ suggestion: `waste-after-move:${movedOn}` }])
    expect(await audits(lisa.bsn, 'suggestion.dismissed')).toEqual([
      { actor_kind: 'citizen', resource: 'mijn/voor-u', details: { suggestion: 'waste-after-move' } },
    ])
    const view = await getSuggestions(actor, { db, now })
    expect(view.shown.map((s) => s.kind)).toEqual(['parking-after-move'])
  })

  it('refuses a key not suggested to this citizen now: another’s, an old fact’s, made up; nothing written', async () => {
    const actor = { bsn: lisa.bsn, level: 'midden' as const }
    const annekes = (await getSuggestions({ bsn: anneke.bsn, level: 'midden' }, { db, now })).shown[0].key
    expect(annekes).toMatch(/^special-assistance:/)
    for (const key of [annekes, 'waste-after-move:2020-01-01', 'anything', '', `parking-after-move:${movedOn}x`])
      expect(await dismissSuggestion(actor, key, { db, now })).toEqual({ ok: false, error: 'not_suggested' })
    // the register's suggestions are not there at Basis, so not dismissable either
    expect(await dismissSuggestion({ ...actor, level: 'basis' }, `parking-after-move:${movedOn}`, { db, now })).toEqual(
      {
        ok: false,
        error: 'not_suggested',
      },
    )
    expect(await dismissals(lisa.bsn)).toEqual([{ suggestion: `waste-after-move:${movedOn}` }])
    expect(await dismissals(anneke.bsn)).toEqual([])
  })

  it('refuses while a staff member looks along: read-only', async () => {
    const actor = {
      bsn: lisa.bsn,
      level: 'midden' as const,
      impersonatedBy: { employeeId: 'E2001', name: 'Sanne', impersonationId: '00000000-0000-4000-8000-000000000001' },
    }
    await expect(dismissSuggestion(actor, `parking-after-move:${movedOn}`, { db, now })).rejects.toBeInstanceOf(
      ReadOnlyImpersonation,
    )
    expect(await dismissals(lisa.bsn)).toEqual([{ suggestion: `waste-after-move:${movedOn}` }])
  })

  it('shows a dismissed suggestion again after a new move: its key names the new date', async () => {
    const actor = { bsn: lisa.bsn, level: 'midden' as const }
    const later = addDays(movedOn, 10)
    await db.updateTable('persons').set({ moved_in_on: later }).where('bsn', '=', lisa.bsn).execute()
    try {
      const view = await getSuggestions(actor, { db, now })
      expect(view.shown.map((s) => s.key)).toEqual([`parking-after-move:${later}`, `waste-after-move:${later}`])
    } finally {
      await db.updateTable('persons').set({ moved_in_on: movedOn }).where('bsn', '=', lisa.bsn).execute()
    }
  })
})

describe('Mijn overzicht over HTTP', () => {
  it('shows "Voor u" with the why in Lisa’s own facts, after the cases', async () => {
    const res = await get('/mijn', cookies.lisa)
    expect(res.status).toBe(200)
    const html = await res.text()
    const main = mainOf(html)
    expect(html).toMatch(/<h2 id="suggestions-heading"[^>]*>Voor u<\/h2>/)
    expect(main).toContain('Uw parkeervergunning geldt nog voor uw oude adres')
    expect(main).toContain(
      `U bent op ${formatLocalDate(movedOn, 'nl')} verhuisd naar Nieuwe Ebbingestraat 23A. Uw parkeervergunning geldt nog voor uw oude adres.`,
    )
    expect(html).toContain('href="/mijn/aanvragen/parkeervergunning"')
    expect(html).toMatch(/<form method="post" action="\/mijn\/voor-u\/verbergen">/)
    // the waste pass was put away above
    expect(main).not.toContain('Een afvalpas voor uw nieuwe adres')
    expect(html.indexOf('suggestions-heading')).toBeGreaterThan(html.indexOf('overview-open-heading'))
    expect(html).not.toContain(lisa.bsn)
  })

  it('has no section without suggestions: Jan, and Lisa at DigiD Basis', async () => {
    for (const cookie of [cookies.jan, cookies.lisaBasis]) {
      const html = await (await get('/mijn', cookie)).text()
      expect(mainOf(html)).toContain('Actie nodig')
      expect(html).not.toContain('id="suggestions-heading"')
      expect(html).not.toContain('/mijn/voor-u/verbergen')
    }
  })

  it('"Niet meer tonen" without JavaScript: back to /mijn, which says so; with a fetcher: JSON', async () => {
    const key = `special-assistance:${(await getSuggestions({ bsn: anneke.bsn, level: 'midden' }, { db, now })).shown[0].facts.reference}`
    const res = await post('/mijn/voor-u/verbergen', cookies.anneke, { key })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/mijn?verborgen=1#voor-u')
    const after = mainOf(await (await get('/mijn?verborgen=1', cookies.anneke)).text())
    expect(after).toContain('De suggestie is verborgen.')
    expect(after).not.toContain('Hulp bij kosten die u niet kunt betalen')
    expect(await dismissals(anneke.bsn)).toEqual([{ suggestion: key }])

    const fetched = await post('/mijn/voor-u/verbergen', cookies.lisa, {
      key: `parking-after-move:${movedOn}`,
      fetcher: '1',
    })
    expect(fetched.status).toBe(200)
    expect(await fetched.json()).toEqual({ ok: true })
  })

  it('answers 404 to a key that is not suggested, malformed or missing, and writes nothing', async () => {
    const before = await dismissals(jan.bsn)
    expect((await post('/mijn/voor-u/verbergen', cookies.jan, { key: `waste-after-move:${movedOn}` })).status).toBe(404)
    expect((await post('/mijn/voor-u/verbergen', cookies.jan, { key: 'x'.repeat(300) })).status).toBe(404)
    expect((await post('/mijn/voor-u/verbergen', cookies.jan, {})).status).toBe(404)
    const fetched = await post('/mijn/voor-u/verbergen', cookies.jan, { key: 'anything', fetcher: '1' })
    expect(fetched.status).toBe(404)
    expect(await fetched.json()).toEqual({ ok: false, error: 'not_suggested' })
    expect(await dismissals(jan.bsn)).toEqual(before)
    // a GET of the form's address goes back to the overview
    expect((await get('/mijn/voor-u/verbergen', cookies.jan)).headers.get('location')).toBe('/mijn')
  })
})

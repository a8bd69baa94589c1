import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { formDefaults } from '~/domain/knowledge-form'
import { portalClient } from '../support/http'
import { fixtureArticles, useArticles } from '../support/knowledge'
import { loginAsStaff } from '../support/login'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The knowledge base over HTTP: the editor saves and publishes new versions, the public page
 * and the search show a published change at once, two editors never overwrite each other, old
 * versions can be published again, and only editors change anything.
 */
let server: TestServer
const cookies: Record<string, string> = {}
const portal = portalClient(() => server.url)
const article = fixtureArticles.find((a) => a.slug === 'parkeervergunning-aanvragen')!
const editPath = `/medewerker/kennisbank/${article.slug}`

beforeAll(async () => {
  await useArticles(getDb())
  server = await startTestServer()
  for (const [who, id] of [
    ['editor', 'E4001'],
    ['kcc', 'E2002'],
    ['caseworker', 'E1001'],
  ])
    cookies[who] = await loginAsStaff(server.url, id)
})
afterAll(() => server?.close())

const get = async (path: string, cookie?: string) => {
  const res = await portal.get(path, cookie)
  return { status: res.status, body: await res.text() }
}
const post = async (path: string, cookie: string, form: Record<string, string | undefined>) => {
  const fields = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined))
  const res = await portal.post(path, cookie, fields)
  return { status: res.status, location: res.headers.get('location'), body: await res.text() }
}
/** The form as the editor page fills it, with changes. */
const form = (changes: Record<string, string | undefined>) => ({ ...formDefaults(article), ...changes })
const latestVersion = async () =>
  (
    await getDb()
      .selectFrom('knowledge_articles')
      .select(['latest_version', 'published_version'])
      .where('slug', '=', article.slug)
      .executeTakeFirstOrThrow()
  ).latest_version

describe('the knowledge base editor', () => {
  it('lets the editor and the contact centre in, and no one else', async () => {
    const editor = await get('/medewerker/kennisbank', cookies.editor)
    expect(editor.status).toBe(200)
    expect(editor.body).toContain('Nieuw artikel')
    expect(editor.body).toContain('Parkeervergunning aanvragen')
    const kcc = await get('/medewerker/kennisbank', cookies.kcc)
    expect(kcc.status).toBe(200)
    expect(kcc.body).not.toContain('Nieuw artikel')
    expect(kcc.body).toContain('Alleen redacteuren kunnen ze wijzigen')
    expect((await get('/medewerker/kennisbank', cookies.caseworker)).status).toBe(403)
    expect((await get('/medewerker/kennisbank/nieuw', cookies.kcc)).status).toBe(403)
  })

  it('refuses a change from anyone but an editor (403), and saves nothing', async () => {
    const before = await latestVersion()
    const kcc = await post(
      editPath,
      cookies.kcc,
      form({ nlTitle: 'Gekaapt', baseVersion: String(before), intent: 'publish' }),
    )
    expect(kcc.status).toBe(403)
    const caseworker = await post(`${editPath}/versies`, cookies.caseworker, { version: '1' })
    expect(caseworker.status).toBe(403)
    expect(await latestVersion()).toBe(before)
  })

  it('keeps a draft from the public, and shows a published change at once', async () => {
    const base = await latestVersion()
    const draft = await post(
      editPath,
      cookies.editor,
      form({ nlTitle: 'Parkeervergunning concepttekst', baseVersion: String(base), intent: 'draft', note: 'Concept' }),
    )
    expect(draft.status).toBe(302)
    expect(draft.location).toBe(`${editPath}?opgeslagen=${base + 1}`)
    expect((await get(`/onderwerpen/${article.slug}`)).body).not.toContain('concepttekst')
    expect((await get(`/onderwerpen?q=concepttekst`)).body).toContain('Geen resultaten')

    const published = await post(
      editPath,
      cookies.editor,
      form({
        nlTitle: 'Parkeervergunning voor bewoners',
        baseVersion: String(base + 1),
        intent: 'publish',
        note: 'Titel',
      }),
    )
    expect(published.status).toBe(302)
    expect(published.location).toBe(`${editPath}?gepubliceerd=${base + 2}`)
    const page = await get(`/onderwerpen/${article.slug}`)
    expect(page.body).toContain('<h1 class="mt-2 text-3xl md:text-5xl">Parkeervergunning voor bewoners</h1>')
    expect((await get('/onderwerpen?q=bewoners')).body).toContain(`/onderwerpen/${article.slug}`)
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'resource'])
      .where('resource', '=', `knowledge:${article.slug}`)
      .execute()
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'knowledge.draft_saved', actor_id: 'E4001', resource: `knowledge:${article.slug}` },
        { action: 'knowledge.published', actor_id: 'E4001', resource: `knowledge:${article.slug}` },
      ]),
    )
  })

  it('refuses the second of two editors saving from the same version, keeping their text', async () => {
    const base = String(await latestVersion())
    const first = await post(
      editPath,
      cookies.editor,
      form({ nlSummary: 'Eerste redacteur.', baseVersion: base, intent: 'publish' }),
    )
    expect(first.status).toBe(302)
    const second = await post(
      editPath,
      cookies.editor,
      form({ nlSummary: 'Tweede redacteur, niet kwijt.', baseVersion: base, intent: 'publish' }),
    )
    expect(second.status).toBe(409)
    expect(second.body).toContain('Iemand anders heeft dit artikel intussen opgeslagen')
    expect(second.body).toContain('Tweede redacteur, niet kwijt.')
    expect((await get(`/onderwerpen/${article.slug}`)).body).toContain('Eerste redacteur.')
    // Told, the second editor may save again: the form now stands on the newest version.
    expect(second.body).toContain(`name="baseVersion" value="${Number(base) + 1}"`)
  })

  it('answers a form with a missing title with the message and everything typed', async () => {
    const refused = await post(
      editPath,
      cookies.editor,
      form({ nlTitle: '', enSummary: 'Typed and kept', baseVersion: String(await latestVersion()), intent: 'publish' }),
    )
    expect(refused.status).toBe(400)
    expect(refused.body).toContain('Er is een probleem')
    expect(refused.body).toContain('Vul dit in.')
    expect(refused.body).toContain('Typed and kept')
  })

  it('keeps every version, with who and why, and publishes an old text again as a new version', async () => {
    const history = await get(`${editPath}/versies`, cookies.kcc)
    expect(history.status).toBe(200)
    expect(history.body).toContain('Pieter Smit')
    expect(history.body).toContain('Titel')
    const old = await get(`${editPath}/versies/1`, cookies.editor)
    expect(old.body).toContain('Parkeervergunning aanvragen')
    expect(old.body).toContain('Gepubliceerde versie')

    const before = await latestVersion()
    const restored = await post(`${editPath}/versies`, cookies.editor, { version: '1' })
    expect(restored.status).toBe(302)
    expect(restored.location).toBe(`${editPath}?gepubliceerd=${before + 1}`)
    expect((await get(`/onderwerpen/${article.slug}`)).body).toContain('>Parkeervergunning aanvragen</h1>')
    const versions = await getDb()
      .selectFrom('knowledge_article_versions as v')
      .innerJoin('knowledge_articles as a', 'a.id', 'v.article_id')
      .select(['v.version', 'v.status', 'v.note'])
      .where('a.slug', '=', article.slug)
      .orderBy('v.version')
      .execute()
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1))
    expect(versions.at(-1)).toMatchObject({ status: 'published', note: 'Versie 1 teruggezet' })
  })

  it('creates a new article, refusing an address that is taken', async () => {
    const fresh = {
      ...formDefaults({ ...article, slug: 'hondenbelasting' }),
      nlTitle: 'Hondenbelasting',
      enTitle: 'Dog tax',
      topic: 'taxes',
      baseVersion: '0',
      intent: 'publish',
    }
    const taken = await post('/medewerker/kennisbank/nieuw', cookies.editor, { ...fresh, slug: article.slug })
    expect(taken.status).toBe(409)
    expect(taken.body).toContain('Er is al een artikel met dit webadres.')
    const created = await post('/medewerker/kennisbank/nieuw', cookies.editor, fresh)
    expect(created.location).toBe('/medewerker/kennisbank/hondenbelasting?gepubliceerd=1')
    expect((await get('/onderwerpen/hondenbelasting')).status).toBe(200)
  })
})

describe('the public pages', () => {
  it('answers an unknown article with the 404 page', async () => {
    const res = await get('/onderwerpen/bestaat-niet')
    expect(res.status).toBe(404)
    expect(res.body).toContain('Pagina niet gevonden')
  })

  it('answers any query, however hostile, with a page', async () => {
    for (const q of [`"&|!:*()`, 'a'.repeat(10_000), `'); drop table x; --`, 'paspoort\u0001'])
      expect((await portal.get(`/onderwerpen?q=${encodeURIComponent(q)}`)).status).toBe(200)
    // A NUL byte or a broken escape: the page, or refused before it (400); never a 500.
    for (const q of ['%00paspoort', '%E0%A4%A'])
      expect([200, 400]).toContain((await portal.get(`/onderwerpen?q=${q}`)).status)
  })

  it('offers "Bedoelde u …?" as a link', async () => {
    const page = await get('/onderwerpen?q=reisdokumint')
    expect(page.body).toContain('Geen resultaten voor “reisdokumint”')
    expect(page.body).toMatch(/Bedoelde u <a [^>]*href="\/onderwerpen\?q=reisdocument"[^>]*>reisdocument<\/a>\?/)
  })

  it('sends "Stel een vraag" to the public form, or for a logged-in citizen to Mijn vragen', async () => {
    const page = await get('/onderwerpen/reisdocument-aanvragen')
    expect(page.body).toContain('href="/contactformulier?onderwerp=identity"')
    expect(page.body).toContain('Maak een afspraak')
  })
})

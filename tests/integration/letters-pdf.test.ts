import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setSettingsOutsideRequests, settings } from '~/context.server'
import { receiveCase, recordCaseEvent } from '~/services/cases/record.server'
import type { CaseEventInput } from '~/domain/case-events'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { loginAsCitizen, loginAsStaff } from '../support/login'
import { portalClient } from '../support/http'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The letter pages and the PDF over real HTTP: the PDF's text (read back with poppler's
 * pdftotext) is the page's text; the PDF is tagged, titled, A4, with its font embedded.
 * poppler-utils is required: without pdftotext this file fails, it never skips.
 */
const jan = personaByKey('jan')
const liam = personaByKey('liam')
const truus = personaByKey('truus')
const NOW = new Date('2026-03-04T09:00:00Z')

let server: TestServer
let db: DB
let work: string
const cookies: Record<string, string> = {}
const letterIds: Record<string, string> = {}

function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed: this test needs poppler-utils (apt-get install -y poppler-utils)`)
    }
    throw error
  }
}

let ids = 0
async function caseWithEvents(bsn: string, caseTypeCode: string, events: Array<[CaseEventInput, string]> = []) {
  const received = await receiveCase(
    {
      caseTypeCode,
      bsn,
      subject: 'Testaanvraag voor de brieven',
      channel: 'internet',
      receivedOn: '2026-03-04',
      source: 'zaaksysteem',
      sourceEventId: `pdf-test-${++ids}`,
      actor: 'system:zaaksysteem',
      occurredAt: NOW,
      now: NOW,
    },
    db,
  )
  if (!received.ok) throw new Error(received.code)
  for (const [event, at] of events) {
    const result = await recordCaseEvent(
      {
        case: { caseId: received.caseId },
        event,
        source: 'zaaksysteem',
        sourceEventId: `pdf-test-${++ids}`,
        actor: 'system:zaaksysteem',
        occurredAt: new Date(at),
        now: new Date(at),
      },
      db,
    )
    if (!result.ok) throw new Error(result.code)
  }
  return received
}

const letterOf = async (caseId: string, template: string) =>
  (
    await db
      .selectFrom('letters')
      .select('id')
      .where('case_id', '=', caseId)
      .where('template_code', '=', template)
      .executeTakeFirstOrThrow()
  ).id

beforeAll(async () => {
  poppler('pdftotext', ['-v']) // fail at once, with the reason, when poppler-utils is missing
  db = getDb()
  await seedPersonas(db)
  server = await startTestServer()
  // Letters written outside a request link to this server.
  setSettingsOutsideRequests({ ...settings(), baseUrl: server.url })
  work = mkdtempSync(path.join(tmpdir(), 'mijnstad-pdf-'))

  const permit = await caseWithEvents(jan.bsn, 'omgevingsvergunning', [
    [
      { type: 'suspended', information: 'Een bouwtekening met de maten van de dakkapel', respondBy: '2026-03-18' },
      '2026-03-05T10:00:00Z',
    ],
    [{ type: 'resumed' }, '2026-03-10T10:00:00Z'],
    [{ type: 'extended', reason: 'Wij vragen advies aan de welstandscommissie' }, '2026-04-20T10:00:00Z'],
    [
      {
        type: 'decided',
        outcome: 'refused',
        reasons: 'De dakkapel is hoger dan het omgevingsplan toestaat',
        citizenOptions: 'Maak de dakkapel lager en vraag opnieuw aan',
      },
      '2026-05-20T10:00:00Z',
    ],
  ])
  letterIds.acknowledgement = await letterOf(permit.caseId, 'acknowledgement')
  letterIds.information_request = await letterOf(permit.caseId, 'information_request')
  letterIds.extension = await letterOf(permit.caseId, 'extension')
  letterIds.decision_notice = await letterOf(permit.caseId, 'decision_notice')
  const correction = await caseWithEvents(liam.bsn, 'brp_correctie', [
    [
      {
        type: 'decided',
        outcome: 'refused',
        reasons: 'The deed from Cork gives the same place of birth as the BRP',
        citizenOptions: 'Send another deed with a new request',
      },
      '2026-03-20T10:00:00Z',
    ],
  ])
  letterIds.correction_decision_en = await letterOf(correction.caseId, 'correction_decision')
  letterIds.acknowledgement_en = await letterOf(correction.caseId, 'acknowledgement')
  const paper = await caseWithEvents(truus.bsn, 'wmo')
  letterIds.paper = await letterOf(paper.caseId, 'acknowledgement')

  cookies.jan = await loginAsCitizen(server.url, jan.bsn)
  cookies.liam = await loginAsCitizen(server.url, liam.bsn)
  cookies.caseworker = await loginAsStaff(server.url, 'E1004')
  cookies.support = await loginAsStaff(server.url, 'E2001')
}, 120_000)

afterAll(async () => {
  await server?.close()
  setSettingsOutsideRequests(undefined)
  if (work) rmSync(work, { recursive: true, force: true })
})

const { get } = portalClient(() => server.url)

/** The text a reader gets from the letter's <article>: inline tags join, block tags separate. */
function articleText(html: string): string {
  const article = /<article[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1]
  if (!article) throw new Error('no <article> on the page')
  return article
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<\/?(a|span|strong|em|time|abbr)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

async function pdfFor(letterId: string, cookie: string) {
  const res = await get(`/mijn/brieven/${letterId}/pdf`, cookie)
  expect(res.status).toBe(200)
  const file = path.join(work, `${letterId}.pdf`)
  writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return { res, file }
}

describe('the letter as HTML and as PDF', () => {
  it.each([
    ['acknowledgement', 'jan'],
    ['information_request', 'jan'],
    ['extension', 'jan'],
    ['decision_notice', 'jan'],
    ['acknowledgement_en', 'liam'],
    ['correction_decision_en', 'liam'],
  ])('%s: the PDF says exactly what the page says', async (key, who) => {
    const page = await get(`/mijn/brieven/${letterIds[key]}`, cookies[who])
    expect(page.status).toBe(200)
    const html = await page.text()
    const { file } = await pdfFor(letterIds[key], cookies[who])
    const pdfText = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ').trim()
    expect(pdfText).toBe(articleText(html))
  })

  it('is a tagged A4 PDF with its title and language, PDF/A-2a identification and the font embedded', async () => {
    const { res, file } = await pdfFor(letterIds.acknowledgement, cookies.jan)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const info = poppler('pdfinfo', [file])
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^Title:\s+Wij hebben uw aanvraag ontvangen$/m)
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m)
    const fonts = poppler('pdffonts', [file])
    const rows = fonts.split('\n').filter((line) => line.includes('AtkinsonHyperlegible'))
    expect(rows.length).toBeGreaterThanOrEqual(2) // regular and bold
    for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\b/) // embedded, subset, unicode map
    const raw = Buffer.from(
      await (await get(`/mijn/brieven/${letterIds.acknowledgement}/pdf`, cookies.jan)).arrayBuffer(),
    ).toString('latin1')
    expect(raw).toContain('/Lang (nl-NL)')
    expect(raw).toContain('/DisplayDocTitle true')
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/)
    expect(raw).toContain('/StructTreeRoot')
  })

  it('downloads as brief-<reference>.pdf, private, with no BSN anywhere in the answer', async () => {
    const { res } = await pdfFor(letterIds.acknowledgement, cookies.jan)
    const disposition = res.headers.get('content-disposition') ?? ''
    expect(disposition).toMatch(/^attachment; filename="brief-Z-\d{4}-\d{6}\.pdf"$/)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(JSON.stringify([...res.headers])).not.toContain(jan.bsn)
  })

  it('answers 404 for another citizen letter, its PDF and an unknown id, and sends a visitor without login to DigiD', async () => {
    expect((await get(`/mijn/brieven/${letterIds.acknowledgement}`, cookies.liam)).status).toBe(404)
    expect((await get(`/mijn/brieven/${letterIds.acknowledgement}/pdf`, cookies.liam)).status).toBe(404)
    expect((await get('/mijn/brieven/00000000-0000-4000-8000-000000000000', cookies.jan)).status).toBe(404)
    expect((await get('/mijn/brieven/niet-een-id/pdf', cookies.jan)).status).toBe(404)
    const anonymous = await get(`/mijn/brieven/${letterIds.acknowledgement}`)
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/^\/inloggen/)
  })
})

describe('Mijn brieven', () => {
  it('lists the letters newest first with their reference, marks unread ones with a word, and opening one reads it', async () => {
    const fresh = await caseWithEvents(liam.bsn, 'parkeervergunning', [
      [{ type: 'extended', reason: 'We need a second check' }, '2026-03-16T10:00:00Z'],
    ])
    const items = await letterItems()
    expect(items).toHaveLength(4) // two read in the tests above, two new
    const dates = items.map((item) => Date.parse(/(?:Date|Datum) (\d{1,2} \w+ \d{4})/.exec(item)?.[1] ?? ''))
    expect(dates.every((d) => !Number.isNaN(d))).toBe(true)
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
    for (const item of items) {
      expect(item).toMatch(/(?:Reference|Kenmerk) Z-\d{4}-\d{6}$/)
      expect(/^(?:New|Nieuw) /.test(item)).toBe(item.includes(fresh.reference))
    }
    await get(`/mijn/brieven/${await letterOf(fresh.caseId, 'acknowledgement')}`, cookies.liam)
    const after = await letterItems()
    expect(after.filter((item) => /^(?:New|Nieuw) /.test(item))).toEqual([
      expect.stringMatching(/^(?:New|Nieuw) We need more time for your application/),
    ])
  })
})

/** The entries of Liam's letter list (inside <main>, the site's own lists left out), as text. */
async function letterItems(): Promise<string[]> {
  const html = await (await get('/mijn/brieven', cookies.liam)).text()
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? ''
  return [...main.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => articleText(`<article>${m[1]}</article>`))
}

describe('the post queue', () => {
  it('is for caseworkers only', async () => {
    expect((await get('/medewerker/post', cookies.support)).status).toBe(403)
    expect((await get('/medewerker/post', cookies.jan)).status).toBe(403)
  })

  it('lists the paper letter with its address, opens its PDF and marks it printed with a POST', async () => {
    const page = await (await get('/medewerker/post', cookies.caseworker)).text()
    expect(page).toContain('Geertruida van Dijk')
    expect(page).toContain('Oude Ebbingestraat 5')
    expect(page).not.toContain(letterIds.acknowledgement) // digital letters are not printed
    const pdf = await get(`/medewerker/post/${letterIds.paper}/pdf`, cookies.caseworker)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline; filename="brief-Z-/)
    expect((await get(`/medewerker/post/${letterIds.acknowledgement}/pdf`, cookies.caseworker)).status).toBe(404)

    const post = await fetch(`${server.url}/medewerker/post`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.caseworker, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ letterId: letterIds.paper }),
    })
    expect(post.status).toBe(302)
    expect(post.headers.get('location')).toBe('/medewerker/post?gedrukt=1')
    const done = await (await get('/medewerker/post?gedrukt=1', cookies.caseworker)).text()
    expect(done).toContain('1 brief staat op Gedrukt.')
    expect(done).not.toContain('Geertruida van Dijk')
  })

  it('refuses a POST without a letter id', async () => {
    const res = await fetch(`${server.url}/medewerker/post`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.caseworker, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ letterId: 'x' }),
    })
    expect(res.status).toBe(400)
  })
})

describe('the PDF renderer itself', () => {
  it('takes letters outside its main font file from the latin-ext file: "Łukasz Şahin" reads back as written', async () => {
    const { renderLetterPdf } = await import('~/services/letters/pdf.server')
    const { lettersForEvent } = await import('~/domain/letters-for-event')
    const { events, letterContext } = await import('../support/letters')
    const context = letterContext({ history: [events.received('2026-03-03')], letterDate: '2026-03-03' })
    context.recipient = { ...context.recipient, name: 'Łukasz Şahin-Ğüneş' }
    const [composed] = lettersForEvent(context)
    const pdf = await renderLetterPdf({
      ...composed,
      id: 'x',
      caseId: 'y',
      reference: 'Z-2026-000123',
      letterDate: '2026-03-03',
    })
    const file = path.join(work, 'latin-ext.pdf')
    writeFileSync(file, pdf)
    const text = poppler('pdftotext', ['-enc', 'UTF-8', file, '-'])
    expect(text).toContain('Łukasz Şahin-Ğüneş')
    expect(text).toContain('Beste Łukasz Şahin-Ğüneş,')
    expect(
      poppler('pdffonts', [file])
        .split('\n')
        .filter((l) => l.includes('AtkinsonHyperlegible')),
    ).toHaveLength(3) // regular, bold, regular latin-ext
  })
})

describe('the development mailbox (/dev/mail), outside production', () => {
  it('lists the written mails and shows one; an id that is no mail file is a 404', async () => {
    const { createMailer, mailDirectory } = await import('~/services/mail.server')
    const list = await import('~/routes/dev+/mail._index')
    const one = await import('~/routes/dev+/mail.$mailId')
    const previous = settings()
    setSettingsOutsideRequests({ ...previous, mailDir: path.join(work, 'mail') })
    try {
      const mailer = createMailer({ from: 'Mijn Stad <noreply@mijnstad.test>', mailDir: mailDirectory() })
      await mailer.send({
        to: 'iemand@example.nl',
        subject: 'Er staat een nieuwe brief voor u klaar in Mijn Stad',
        text: 'Naar Mijn brieven: https://x/mijn/brieven',
      })
      const args = (url: string, params = {}) => ({ request: new Request(url), params, context: {} })
      const listed = (await (await list.loader(args('http://localhost/dev/mail'))).json()) as {
        mails: Array<{ id: string; subject: string; to: string }>
      }
      expect(listed.mails[0]).toMatchObject({
        subject: 'Er staat een nieuwe brief voor u klaar in Mijn Stad',
        to: 'iemand@example.nl',
      })
      const shown = (await (
        await one.loader(args(`http://localhost/dev/mail/${listed.mails[0].id}`, { mailId: listed.mails[0].id }))
      ).json()) as { mail: { text: string } }
      expect(shown.mail.text).toBe('Naar Mijn brieven: https://x/mijn/brieven')
      await expect(
        one.loader(args('http://localhost/dev/mail/x', { mailId: '..%2F..%2Fetc%2Fpasswd' })),
      ).rejects.toMatchObject({ status: 404 })
    } finally {
      setSettingsOutsideRequests(previous)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { caseTypes } from '../../db/seed/case-types'
import { seedArticles } from '../../db/seed/knowledge-articles'
import {
  checkAll,
  feeOf,
  firstIncompletePageId,
  formatCents,
  knownFacts,
  mergeAnswers,
  questionCounts,
  readPage,
  reviewRows,
  SERVICES,
  serviceByCode,
  subjectOf,
  visiblePages,
  visibleQuestions,
} from '~/domain/eloket/engine'
import { SERVICE_CODES, type Answers, type FormContext, type ServiceDefinition } from '~/domain/eloket/form'
import { EXTRA_CONTAINER_FEE_CENTS, REPLACEMENT_PASS_FEE_CENTS } from '~/domain/eloket/services/afval'
import { PARKING_PERMIT_FEE_CENTS } from '~/domain/eloket/services/parkeervergunning'
import { NEIGHBOURHOOD_GRANT_MAX_EUROS } from '~/domain/eloket/services/subsidie'
import { EXTRACT_FEE_CENTS } from '~/domain/eloket/services/uittreksel-brp'
import { contextOf } from './eloket-fixtures'

const ctx = contextOf()
const service = (code: string) => serviceByCode(code)!
const pageIds = (s: ServiceDefinition, answers: Answers, c: FormContext = ctx) =>
  visiblePages(s, answers, c).map((page) => page.id)

describe('the six services', () => {
  it('defines each service code once, each on a case type of the catalogue', () => {
    expect(SERVICES.map((s) => s.code).sort()).toEqual([...SERVICE_CODES].sort())
    const codes = new Set(caseTypes.map((c) => c.code))
    for (const s of SERVICES) expect(codes.has(s.caseType), s.code).toBe(true)
  })

  it('has its knowledge article, and the article links to the application', () => {
    for (const s of SERVICES) {
      const article = seedArticles.find((a) => a.slug === s.articleSlug)
      expect(article?.onward.apply, s.code).toBe(`/mijn/aanvragen/${s.code}`)
    }
  })

  it('writes every text in Dutch and English, none empty', () => {
    const texts: Array<{ nl: string; en: string }> = []
    for (const s of SERVICES) {
      texts.push(s.title, s.summary, ...s.before)
      for (const page of s.pages) {
        texts.push(page.title, ...(page.intro ? [page.intro] : []))
        for (const q of page.questions) {
          texts.push(
            q.label,
            ...(q.hint ? [q.hint] : []),
            ...(q.short ? [q.short] : []),
            ...Object.values(q.errors ?? {}),
          )
          if (q.kind === 'radios' || q.kind === 'checkboxes')
            for (const o of q.options) texts.push(o.label, ...(o.hint ? [o.hint] : []))
        }
      }
    }
    for (const text of texts) {
      expect(text.nl.trim(), JSON.stringify(text)).not.toBe('')
      expect(text.en.trim(), JSON.stringify(text)).not.toBe('')
    }
  })

  it('is unavailable to someone without an address in the municipality, and open to a resident', () => {
    const homeless = contextOf({ address: null })
    for (const s of SERVICES) {
      expect(s.unavailable?.(homeless)?.nl, s.code).toBeTruthy()
      expect(s.unavailable?.(ctx) ?? null, s.code).toBeNull()
    }
  })

  it('states in its texts the same fees the definitions charge', () => {
    const articleOf = (code: string) => seedArticles.find((a) => a.slug === service(code).articleSlug)!
    expect(articleOf('parkeervergunning').nl.cost).toContain(formatCents(PARKING_PERMIT_FEE_CENTS).nl)
    expect(articleOf('uittreksel-brp').nl.cost).toContain(formatCents(EXTRACT_FEE_CENTS).nl)
    expect(articleOf('afval').nl.cost).toContain(formatCents(EXTRA_CONTAINER_FEE_CENTS).nl)
    expect(articleOf('afval').en.cost).toContain(formatCents(REPLACEMENT_PASS_FEE_CENTS).en)
    expect(articleOf('subsidie').nl.what).toContain('€ 5.000')
    expect(NEIGHBOURHOOD_GRANT_MAX_EUROS).toBe(5000)
  })
})

describe('Wmo support request', () => {
  const wmo = service('wmo')

  it('asks what “something else” is only when it was chosen, and who helps only when someone does', () => {
    expect(pageIds(wmo, { helpWith: ['household'], informalCare: 'no' })).toEqual([
      'hulp',
      'situatie',
      'mantelzorg',
      'documenten',
    ])
    expect(pageIds(wmo, { helpWith: ['household', 'other'], informalCare: 'yes' })).toEqual([
      'hulp',
      'iets-anders',
      'situatie',
      'mantelzorg',
      'mantelzorger',
      'documenten',
    ])
  })

  it('uses the phone number of Voorkeuren and asks it only when there is none', () => {
    expect(pageIds(wmo, {})).not.toContain('contact')
    expect(pageIds(wmo, {}, contextOf({ phone: null }))).toContain('contact')
    expect(mergeAnswers(wmo, {}, { helpWith: ['daily'] }, ctx).phone).toBe('06 12345678')
  })

  it('needs no attachment and has no fee', () => {
    expect(readPage(wmo, 'documenten', {}, ctx, {}).errors).toEqual([])
    expect(feeOf(wmo, {}, ctx)).toBeNull()
    expect(subjectOf(wmo, { helpWith: ['household', 'mobility'] }, ctx).nl).toBe(
      'Melding Wmo: het huishouden, ergens naartoe gaan',
    )
  })
})

describe('special assistance', () => {
  const bb = service('bijzondere-bijstand')

  it('takes an amount of € 1 to € 10.000 and requires a quote or invoice', () => {
    expect(readPage(bb, 'bedrag', { amount: '€ 1.250,50' }, ctx, {}).answers.amount).toBe('125050')
    expect(readPage(bb, 'bedrag', { amount: '10001' }, ctx, {}).errors).toEqual([{ field: 'amount', code: 'tooLarge' }])
    expect(readPage(bb, 'bewijs', {}, ctx, {}).errors).toEqual([{ field: 'quote', code: 'required' }])
  })

  it('shows the household it knows from the BRP, and asks what other costs are only for “other”', () => {
    expect(knownFacts(bb, ctx).map((f) => f.key)).toEqual(['name', 'address', 'household'])
    expect(knownFacts(bb, ctx)[2]!.value.nl).toBe('Sanne de Vries, Lotte de Vries, Bram de Vries')
    expect(pageIds(bb, { costType: 'glasses' })).not.toContain('andere-kosten')
    expect(pageIds(bb, { costType: 'other' })).toContain('andere-kosten')
  })

  it('names the cost and the amount in the subject', () => {
    expect(subjectOf(bb, { costType: 'glasses', amount: '25000' }, ctx)).toEqual({
      nl: 'Bijzondere bijstand: een bril of lenzen (€ 250,00)',
      en: 'Special assistance: glasses or contact lenses (€250.00)',
    })
  })
})

describe('neighbourhood grant', () => {
  const grant = service('subsidie')

  it('takes at most € 5.000', () => {
    expect(readPage(grant, 'bedrag', { amount: '5000' }, ctx, {}).errors).toEqual([])
    expect(readPage(grant, 'bedrag', { amount: '5.000,01' }, ctx, {}).errors).toEqual([
      { field: 'amount', code: 'tooLarge' },
    ])
  })

  it('asks the KvK number (8 digits) only for an association or foundation', () => {
    expect(pageIds(grant, { organisation: 'no' })).not.toContain('kvk')
    expect(pageIds(grant, { organisation: 'yes' })).toContain('kvk')
    const read = (kvkNumber: string) =>
      readPage(grant, 'kvk', { organisationName: 'Buurtvereniging Oost', kvkNumber }, ctx, {}, { organisation: 'yes' })
    expect(read('12345678').errors).toEqual([])
    expect(read('1234567').errors).toEqual([{ field: 'kvkNumber', code: 'invalid' }])
    expect(read('123456789').errors).toEqual([{ field: 'kvkNumber', code: 'tooLong' }])
    // Saying no afterwards drops the number.
    const answers = mergeAnswers(grant, { organisation: 'yes' }, read('12345678').answers, ctx)
    expect(answers.kvkNumber).toBe('12345678')
    expect(mergeAnswers(grant, answers, { organisation: 'no' }, ctx).kvkNumber).toBeUndefined()
  })

  it('refuses an activity that has already started', () => {
    const date = { 'activityDate.day': '1', 'activityDate.month': '3', 'activityDate.year': '2026' }
    expect(readPage(grant, 'datum', date, ctx, {}).errors).toEqual([{ field: 'activityDate', code: 'tooEarly' }])
  })
})

describe('extra container or waste pass', () => {
  const waste = service('afval')

  it('asks about the container or about the pass, never both', () => {
    expect(pageIds(waste, { request: 'container' })).toEqual(['wat', 'container', 'reden'])
    expect(pageIds(waste, { request: 'container', containerReason: 'other' })).toEqual([
      'wat',
      'container',
      'reden',
      'andere-reden',
    ])
    expect(pageIds(waste, { request: 'pass' })).toEqual(['wat', 'pas'])
    const container = mergeAnswers(
      waste,
      {},
      { request: 'container', containerType: 'gft', containerReason: 'household' },
      ctx,
    )
    expect(mergeAnswers(waste, container, { request: 'pass' }, ctx)).toEqual({ request: 'pass' })
  })

  it('charges for an extra container and a replacement pass, not for the first pass at a new address', () => {
    expect(feeOf(waste, { request: 'container', containerType: 'rest' }, ctx)?.amountCents).toBe(4500)
    expect(feeOf(waste, { request: 'pass', passReason: 'lost' }, ctx)?.amountCents).toBe(1000)
    expect(feeOf(waste, { request: 'pass', passReason: 'newAddress' }, ctx)).toBeNull()
  })
})

describe('extract from the BRP', () => {
  const extract = service('uittreksel-brp')

  it('offers the children under 16 of the household, and no choice to someone without them', () => {
    const forWhom = visibleQuestions(
      extract.pages.find((p) => p.id === 'voor-wie')!,
      {},
      ctx,
    )[0]!
    expect(forWhom.kind === 'radios' && forWhom.options.map((o) => o.value)).toEqual(['self', 'kind:Lotte de Vries'])
    // Bram turned 16 on 10 January 2024: he asks it himself.
    expect(pageIds(extract, {}, contextOf({ household: [] }))).not.toContain('voor-wie')
    const answers = mergeAnswers(extract, {}, { extractKind: 'current', forWhom: 'kind:Lotte de Vries' }, ctx)
    expect(subjectOf(extract, answers, ctx).nl).toBe(
      'Uittreksel BRP: met alleen het huidige adres, voor Lotte de Vries',
    )
    expect(readPage(extract, 'voor-wie', { forWhom: 'kind:Bram de Vries' }, ctx, {}).errors).toEqual([
      { field: 'forWhom', code: 'notAnOption' },
    ])
  })

  it('asks the language only for a Dutch extract, the multilingual one has its own', () => {
    expect(pageIds(extract, { extractKind: 'history' })).toContain('taal')
    expect(pageIds(extract, { extractKind: 'international' })).not.toContain('taal')
  })

  it('charges € 16,00 per extract', () => {
    expect(feeOf(extract, { copies: '1' }, ctx)).toEqual({
      amountCents: 1600,
      description: { nl: 'Uittreksel BRP', en: 'Extract from the BRP' },
    })
    expect(feeOf(extract, { copies: '3' }, ctx)?.amountCents).toBe(4800)
  })

  it('is complete without the optional purpose', () => {
    const answers = mergeAnswers(
      extract,
      {},
      { extractKind: 'current', forWhom: 'self', extractLanguage: 'nl', copies: '1' },
      ctx,
    )
    expect(firstIncompletePageId(extract, answers, ctx, {})).toBeNull()
    expect(checkAll(extract, answers, ctx, {})).toEqual([])
    expect(reviewRows(extract, answers, ctx).find((r) => r.questionId === 'purpose')?.value.nl).toBe('Niet ingevuld')
  })
})

describe('what prefill saves', () => {
  it('counts for each service the questions asked and the fields known', () => {
    const counts = Object.fromEntries(SERVICES.map((s) => [s.code, questionCounts(s, {}, ctx)]))
    expect(counts.parkeervergunning).toEqual({ asked: 2, known: 3 })
    // Wmo: the phone number of Voorkeuren is known.
    expect(counts.wmo).toEqual({ asked: 4, known: 3 })
    expect(questionCounts(service('wmo'), {}, contextOf({ phone: null }))).toEqual({ asked: 5, known: 2 })
  })
})

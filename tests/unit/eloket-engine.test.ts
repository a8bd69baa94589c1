import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkAll,
  feeOf,
  firstIncompletePageId,
  knownFacts,
  mergeAnswers,
  nextPageId,
  previousPageId,
  questionCounts,
  readPage,
  reviewRows,
  SERVICES,
  serviceByCode,
  subjectOf,
  visiblePages,
  visibleQuestions,
  type FormValues,
} from '~/domain/eloket/engine'
import type { Page, Question, ServiceDefinition } from '~/domain/eloket/form'
import { normaliseLicencePlate, parseMoney } from '~/domain/eloket/values'
import { contextOf } from './eloket-fixtures'

const parking = serviceByCode('parkeervergunning')!
const ctx = contextOf()
const noPlate = contextOf({ licencePlates: [] })
const ids = (pages: Page[]) => pages.map((page) => page.id)

/** A small service with one question of every kind, to test the validation of each. */
const kinds: ServiceDefinition = {
  ...parking,
  pages: [
    {
      id: 'alles',
      title: { nl: 'Alles', en: 'All' },
      questions: [
        { id: 'name', kind: 'text', maxLength: 20, label: { nl: 'Naam', en: 'Name' } },
        { id: 'kvk', kind: 'text', maxLength: 8, pattern: /^\d{8}$/, optional: true, label: { nl: 'KvK', en: 'KvK' } },
        { id: 'story', kind: 'textarea', maxLength: 50, optional: true, label: { nl: 'Verhaal', en: 'Story' } },
        { id: 'email', kind: 'email', maxLength: 254, optional: true, label: { nl: 'E-mail', en: 'Email' } },
        { id: 'phone', kind: 'phone', maxLength: 20, optional: true, label: { nl: 'Telefoon', en: 'Phone' } },
        { id: 'plate', kind: 'licencePlate', optional: true, label: { nl: 'Kenteken', en: 'Plate' } },
        { id: 'people', kind: 'number', min: 1, max: 20, optional: true, label: { nl: 'Personen', en: 'People' } },
        { id: 'amount', kind: 'money', min: 1, max: 10_000, optional: true, label: { nl: 'Bedrag', en: 'Amount' } },
        { id: 'when', kind: 'date', earliest: 0, latest: 60, optional: true, label: { nl: 'Datum', en: 'Date' } },
        {
          id: 'colour',
          kind: 'radios',
          optional: true,
          label: { nl: 'Kleur', en: 'Colour' },
          options: [
            { value: 'red', label: { nl: 'Rood', en: 'Red' } },
            { value: 'blue', label: { nl: 'Blauw', en: 'Blue' } },
          ],
        },
        {
          id: 'bins',
          kind: 'checkboxes',
          optional: true,
          label: { nl: 'Containers', en: 'Bins' },
          options: [
            { value: 'rest', label: { nl: 'Restafval', en: 'Residual waste' } },
            { value: 'gft', label: { nl: 'Gft', en: 'Organic waste' } },
          ],
        },
        { id: 'ok', kind: 'yesNo', optional: true, label: { nl: 'Akkoord', en: 'Agreed' } },
        { id: 'proof', kind: 'file', maxFiles: 2, optional: true, label: { nl: 'Bewijs', en: 'Proof' } },
      ],
    },
  ],
}

/** The one answer (or the error code) for a single field, the other (optional) fields left empty. */
function read(values: FormValues, files: Record<string, number> = {}) {
  return readPage(kinds, 'alles', { name: 'Jan', ...values }, ctx, files)
}
function codeOf(field: string, values: FormValues, files: Record<string, number> = {}) {
  return read(values, files).errors.find((error) => error.field === field)?.code ?? null
}
function answerOf(field: string, values: FormValues, files: Record<string, number> = {}) {
  const result = read(values, files)
  expect(result.errors).toEqual([])
  return result.answers[field]
}

describe('the services', () => {
  it('finds a service by its code and nothing for another word', () => {
    expect(serviceByCode('parkeervergunning')?.caseType).toBe('parkeervergunning')
    expect(serviceByCode('toString')).toBeNull()
    expect(serviceByCode('')).toBeNull()
  })

  it('gives every page and question an id that is unique within its service and fits an address', () => {
    for (const service of SERVICES) {
      const pageIds = service.pages.map((page) => page.id)
      expect(new Set(pageIds).size, service.code).toBe(pageIds.length)
      for (const id of pageIds) expect(id).toMatch(/^[a-z0-9-]+$/)
      const questionIds = service.pages.flatMap((page) => page.questions.map((question) => question.id))
      expect(new Set(questionIds).size, service.code).toBe(questionIds.length)
      // A page id is never a word FLOW's routes use after the application id.
      for (const id of pageIds) expect(['controleren', 'verstuurd', 'betaling']).not.toContain(id)
    }
  })
})

describe('prefill: what the municipality knows is not asked again', () => {
  it('skips the licence plate page when a plate of an earlier permit is known', () => {
    expect(ids(visiblePages(parking, {}, ctx))).toEqual(['auto', 'ingangsdatum'])
    expect(ids(visiblePages(parking, {}, noPlate))).toEqual(['kenteken', 'auto', 'ingangsdatum'])
  })

  it('asks the known question after all when the citizen wants to give another value', () => {
    const page = parking.pages[0]!
    expect(visibleQuestions(page, {}, ctx)).toEqual([])
    expect(visibleQuestions(page, {}, ctx, { askKnown: true }).map((q) => q.id)).toEqual(['licencePlate'])
    const { answers, errors } = readPage(
      parking,
      'kenteken',
      { licencePlate: 'xx-99-99' },
      ctx,
      {},
      {},
      { askKnown: true },
    )
    expect(errors).toEqual([])
    const merged = mergeAnswers(parking, {}, answers, ctx)
    expect(merged.licencePlate).toBe('XX-99-99')
    // Another plate than the known one stands, and the page is asked from then on.
    expect(ids(visiblePages(parking, merged, ctx))).toContain('kenteken')
    expect(subjectOf(parking, merged, ctx).nl).toBe('Parkeervergunning bewoners, kenteken XX-99-99')
  })

  it('keeps the known plate in the answers, so the case and its PDF carry it', () => {
    const merged = mergeAnswers(parking, {}, { carOwner: 'own' }, ctx)
    expect(merged.licencePlate).toBe('12-ABC-3')
    expect(ids(visiblePages(parking, merged, ctx))).not.toContain('kenteken')
    const row = reviewRows(parking, merged, ctx).find((r) => r.questionId === 'licencePlate')
    expect(row).toMatchObject({ known: true, value: { nl: '12-ABC-3', en: '12-ABC-3' } })
  })

  it('shows the known facts with where to correct them', () => {
    const facts = knownFacts(parking, ctx, 'app-1')
    expect(facts.map((f) => f.key)).toEqual(['name', 'address', 'licencePlate'])
    expect(facts[0]).toMatchObject({ value: { nl: 'Jan de Vries' }, correctHref: '/mijn/gegevens/correctie' })
    expect(facts[1]!.value.nl).toBe('Korreweg 17-1, 9715 AB Groningen')
    expect(facts[2]!.correctHref).toBe('/mijn/aanvragen/parkeervergunning/app-1/kenteken?anders=1')
    expect(knownFacts(parking, ctx)[2]!.correctHref).toBe('/mijn/aanvragen/parkeervergunning?anders=1')
    expect(knownFacts(parking, noPlate).map((f) => f.key)).toEqual(['name', 'address'])
  })

  it('is unavailable without an address in the municipality, or with a permit application still open', () => {
    expect(parking.unavailable!(ctx)).toBeNull()
    expect(parking.unavailable!(contextOf({ address: null }))?.nl).toMatch(/niet ingeschreven/)
    const open = contextOf({
      cases: [{ caseType: 'parkeervergunning', open: true, receivedOn: '2026-02-20', outcome: null }],
    })
    expect(open.known.cases[0]!.open).toBe(true)
    expect(parking.unavailable!(open)?.en).toMatch(/still handling/)
    // An open case of another kind is no reason.
    expect(
      parking.unavailable!(
        contextOf({ cases: [{ caseType: 'wmo', open: true, receivedOn: '2026-02-20', outcome: null }] }),
      ),
    ).toBeNull()
  })
})

describe('conditions', () => {
  it('asks for the statement only for a lease or employer’s car', () => {
    expect(ids(visiblePages(parking, { carOwner: 'own' }, ctx))).toEqual(['auto', 'ingangsdatum'])
    expect(ids(visiblePages(parking, { carOwner: 'lease' }, ctx))).toEqual(['auto', 'verklaring', 'ingangsdatum'])
    expect(nextPageId(parking, 'auto', { carOwner: 'employer' }, ctx)).toBe('verklaring')
    expect(nextPageId(parking, 'auto', { carOwner: 'own' }, ctx)).toBe('ingangsdatum')
    expect(nextPageId(parking, 'ingangsdatum', { carOwner: 'own' }, ctx)).toBeNull()
    expect(previousPageId(parking, 'ingangsdatum', { carOwner: 'lease' }, ctx)).toBe('verklaring')
    expect(previousPageId(parking, 'auto', {}, ctx)).toBeNull()
    expect(previousPageId(parking, 'auto', {}, noPlate)).toBe('kenteken')
  })

  it('drops the answer of a page a changed answer hides', () => {
    const before = mergeAnswers(parking, {}, { carOwner: 'lease', useStatement: '1' }, ctx)
    expect(before.useStatement).toBe('1')
    const after = mergeAnswers(parking, before, { carOwner: 'own' }, ctx)
    expect(after.useStatement).toBeUndefined()
    expect(after.carOwner).toBe('own')
  })

  it('clears an optional answer the citizen emptied', () => {
    const first = readPage(kinds, 'alles', { name: 'Jan', story: 'Iets' }, ctx, {})
    const merged = mergeAnswers(kinds, {}, first.answers, ctx)
    expect(merged.story).toBe('Iets')
    const second = readPage(kinds, 'alles', { name: 'Jan', story: '  ' }, ctx, {})
    expect(mergeAnswers(kinds, merged, second.answers, ctx).story).toBeUndefined()
  })

  it('sends the citizen to the first page with a missing or no longer valid answer', () => {
    const complete = { carOwner: 'own', startDate: '2026-03-10', licencePlate: '12-ABC-3' }
    expect(firstIncompletePageId(parking, complete, ctx, {})).toBeNull()
    expect(checkAll(parking, complete, ctx, {})).toEqual([])
    expect(firstIncompletePageId(parking, { carOwner: 'lease', startDate: '2026-03-10' }, ctx, {})).toBe('verklaring')
    expect(
      firstIncompletePageId(parking, { carOwner: 'lease', startDate: '2026-03-10' }, ctx, { useStatement: 1 }),
    ).toBeNull()
    // A draft picked up again after its start date passed.
    const later = contextOf({}, '2026-03-20')
    expect(firstIncompletePageId(parking, complete, later, {})).toBe('ingangsdatum')
    expect(checkAll(parking, complete, later, {})).toEqual([{ field: 'startDate', code: 'tooEarly' }])
    // Answers tampered with in the database are checked again, too.
    expect(checkAll(parking, { ...complete, carOwner: ['own', 'lease'] }, ctx, {})).toEqual([
      { field: 'carOwner', code: 'invalid' },
    ])
  })
})

describe('validation per kind', () => {
  it('requires what is not optional, and keeps nothing for an optional field left empty', () => {
    expect(codeOf('name', { name: '   ' })).toBe('required')
    expect(read({}).answers.kvk).toBe('')
    expect(read({}).errors).toEqual([])
  })

  it('text: trims, refuses what is too long or off the pattern, and an array for one value', () => {
    expect(answerOf('name', { name: '  Jan  ' })).toBe('Jan')
    expect(codeOf('name', { name: 'x'.repeat(21) })).toBe('tooLong')
    expect(codeOf('name', { name: 'x'.repeat(100_000) })).toBe('tooLong')
    expect(codeOf('kvk', { kvk: '1234567' })).toBe('invalid')
    expect(answerOf('kvk', { kvk: '12345678' })).toBe('12345678')
    expect(codeOf('name', { name: ['Jan', 'Piet'] })).toBe('invalid')
    expect(codeOf('name', { name: 'Jan\u0000' })).toBe('invalid')
    expect(codeOf('name', { name: 'Jan\nPiet' })).toBe('invalid')
  })

  it('text area: keeps line breaks, counts the length', () => {
    expect(answerOf('story', { story: 'Eén\r\ntwee' })).toBe('Eén\ntwee')
    expect(codeOf('story', { story: 'x'.repeat(51) })).toBe('tooLong')
    expect(codeOf('story', { story: 'a\u0007b' })).toBe('invalid')
  })

  it('e-mail: a sane check', () => {
    expect(answerOf('email', { email: ' jan@example.nl ' })).toBe('jan@example.nl')
    for (const bad of ['jan', 'jan@', '@example.nl', 'jan@example', 'jan @example.nl', 'jan@exa mple.nl'])
      expect(codeOf('email', { email: bad }), bad).toBe('invalid')
  })

  it('phone: Dutch and international numbers of 10 to 15 digits', () => {
    expect(answerOf('phone', { phone: '06  12345678' })).toBe('06 12345678')
    expect(answerOf('phone', { phone: '+31 6 1234 5678' })).toBe('+31 6 1234 5678')
    expect(answerOf('phone', { phone: '050-3678911' })).toBe('050-3678911')
    for (const bad of ['0612345', '06-1234567890123456', '06 1234 abcd', '+31+612345678', '(050) 3678911'])
      expect(codeOf('phone', { phone: bad }), bad).toBe('invalid')
  })

  it('licence plate: every Dutch side code, written the RDW’s way, and nothing else', () => {
    expect(answerOf('plate', { plate: '12abc3' })).toBe('12-ABC-3')
    expect(answerOf('plate', { plate: '12-ABC-3 ' })).toBe('12-ABC-3')
    expect(answerOf('plate', { plate: ' ab 12 cd' })).toBe('AB-12-CD')
    expect(normaliseLicencePlate('12-AB-C3')).toBe('12-ABC-3')
    expect(normaliseLicencePlate('GBBZ12')).toBe('GB-BZ-12')
    expect(normaliseLicencePlate('1KBB23')).toBe('1-KBB-23')
    expect(normaliseLicencePlate('XXX99X')).toBe('XXX-99-X')
    expect(normaliseLicencePlate('999XX9')).toBe('999-XX-9')
    for (const bad of ['123456', 'ABCDEF', '12-ABC', '12-ABC-34', 'A1B2C3', '12-AB€-3', ''])
      expect(normaliseLicencePlate(bad), bad).toBeNull()
    expect(codeOf('plate', { plate: 'AB-CD-EF' })).toBe('invalid')
  })

  it('number: a whole number within its bounds', () => {
    expect(answerOf('people', { people: ' 4 ' })).toBe('4')
    expect(codeOf('people', { people: '4,5' })).toBe('invalid')
    expect(codeOf('people', { people: '0' })).toBe('tooSmall')
    expect(codeOf('people', { people: '21' })).toBe('tooLarge')
    expect(codeOf('people', { people: '1e3' })).toBe('invalid')
  })

  it('money: as people type it, to whole cents, within the bounds in euros', () => {
    expect(parseMoney('125')).toBe(12_500)
    expect(parseMoney('125,50')).toBe(12_550)
    expect(parseMoney('€ 1.250,00')).toBe(125_000)
    expect(parseMoney('€ 1.250,50')).toBe(125_050)
    expect(parseMoney('125.5')).toBe(12_550)
    expect(parseMoney('1,250.75')).toBe(125_075)
    expect(parseMoney('125,-')).toBe(12_500)
    expect(parseMoney('1.250')).toBe(125_000)
    for (const bad of ['', 'twaalf', '12,345,6', '-5', '1.25.0', '12,5,0', '€€5', '1 2 3 4 5 6 7 8 9 0'])
      expect(parseMoney(bad), bad).toBeNull()
    expect(answerOf('amount', { amount: '€ 1.250,50' })).toBe('125050')
    expect(answerOf('amount', { amount: '10000' })).toBe('1000000')
    expect(codeOf('amount', { amount: '10001' })).toBe('tooLarge')
    expect(codeOf('amount', { amount: '10.000,01' })).toBe('tooLarge')
    expect(codeOf('amount', { amount: '0,99' })).toBe('tooSmall')
  })

  it('date: three fields, a real calendar date, within the days allowed from today', () => {
    const date = (day: string, month: string, year: string) => ({
      'when.day': day,
      'when.month': month,
      'when.year': year,
    })
    expect(answerOf('when', date('2', '3', '2026'))).toBe('2026-03-02')
    expect(answerOf('when', date('01', '05', '2026'))).toBe('2026-05-01') // today + 60
    expect(codeOf('when', date('31', '2', '2026'))).toBe('invalid')
    expect(codeOf('when', date('29', '2', '2026'))).toBe('invalid')
    expect(codeOf('when', date('1', '3', '2026'))).toBe('tooEarly')
    expect(codeOf('when', date('2', '5', '2026'))).toBe('tooLate')
    expect(codeOf('when', date('2', '', '2026'))).toBe('invalid')
    expect(codeOf('when', date('2', '3', '26'))).toBe('invalid')
    expect(codeOf('when', { 'when.day': ['1', '2'], 'when.month': '3', 'when.year': '2026' })).toBe('invalid')
    // What was typed comes back to be shown again.
    expect(read(date('31', '2', '2026')).answers.when).toEqual(['31', '2', '2026'])
  })

  it('radios, checkboxes, yes/no: only what is offered', () => {
    expect(answerOf('colour', { colour: 'blue' })).toBe('blue')
    expect(codeOf('colour', { colour: 'green' })).toBe('notAnOption')
    expect(codeOf('colour', { colour: ['red', 'blue'] })).toBe('invalid')
    expect(answerOf('bins', { bins: ['gft', 'rest', 'gft'] })).toEqual(['rest', 'gft'])
    expect(answerOf('bins', { bins: 'gft' })).toEqual(['gft'])
    expect(codeOf('bins', { bins: ['gft', 'plastic'] })).toBe('notAnOption')
    expect(answerOf('ok', { ok: 'no' })).toBe('no')
    expect(codeOf('ok', { ok: 'maybe' })).toBe('notAnOption')
  })

  it('checkboxes: at least one unless optional', () => {
    const required: Question = { ...(kinds.pages[0]!.questions[10] as Question), optional: false }
    const service = { ...kinds, pages: [{ ...kinds.pages[0]!, questions: [required] }] }
    expect(readPage(service, 'alles', {}, ctx, {}).errors).toEqual([{ field: 'bins', code: 'required' }])
  })

  it('file: between one (unless optional) and the most files allowed', () => {
    expect(answerOf('proof', {}, { proof: 2 })).toBe('2')
    expect(codeOf('proof', {}, { proof: 3 })).toBe('tooManyFiles')
    expect(readPage(parking, 'verklaring', {}, ctx, {}).errors).toEqual([{ field: 'useStatement', code: 'required' }])
  })

  it('never throws, whatever is posted', () => {
    const value = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }))
    const names = kinds.pages[0]!.questions.flatMap((q) =>
      q.kind === 'date' ? [`${q.id}.day`, `${q.id}.month`, `${q.id}.year`] : [q.id],
    )
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names, '__proto__', 'constructor'), value),
        fc.dictionary(fc.constantFrom('proof', 'x'), fc.integer({ min: -5, max: 50 })),
        (values, files) => {
          const { errors } = readPage(kinds, 'alles', values, ctx, files)
          for (const error of errors) expect(typeof error.code).toBe('string')
        },
      ),
      { numRuns: 500 },
    )
    for (const service of SERVICES)
      fc.assert(
        fc.property(fc.dictionary(fc.string({ maxLength: 30 }), value), (answers) => {
          checkAll(service, answers, ctx, {})
          reviewRows(service, answers, ctx)
          mergeAnswers(service, answers, answers, ctx)
          firstIncompletePageId(service, answers, ctx, {})
          subjectOf(service, answers, ctx)
          feeOf(service, answers, ctx)
          questionCounts(service, answers, ctx)
          for (const page of visiblePages(service, answers, ctx)) nextPageId(service, page.id, answers, ctx)
        }),
        { numRuns: 200 },
      )
  })
})

describe('fee, counts, subject and the check page', () => {
  it('charges the parking permit’s yearly fee', () => {
    expect(feeOf(parking, {}, ctx)).toMatchObject({ amountCents: 6590 })
  })

  it('counts the questions asked and the fields the municipality filled in', () => {
    // Name and address are known; the plate too: two questions are asked (whose car, start date).
    expect(questionCounts(parking, { carOwner: 'own' }, ctx)).toEqual({ asked: 2, known: 3 })
    // A lease car brings the statement; without an earlier permit the plate is asked as well.
    expect(questionCounts(parking, { carOwner: 'lease' }, noPlate)).toEqual({ asked: 4, known: 2 })
  })

  it('lists the answers for the check page and the PDF in both languages', () => {
    const answers = mergeAnswers(parking, {}, { carOwner: 'lease', useStatement: '2', startDate: '2026-03-15' }, ctx)
    const rows = reviewRows(parking, answers, ctx)
    expect(rows.map((row) => [row.pageId, row.label.nl, row.value.nl])).toEqual([
      ['kenteken', 'Kenteken', '12-ABC-3'],
      ['auto', 'Eigenaar van de auto', 'Het is een leaseauto'],
      ['verklaring', 'Verklaring', '2 bestanden'],
      ['ingangsdatum', 'Ingangsdatum', '15 maart 2026'],
    ])
    expect(rows.map((row) => row.value.en)).toEqual(['12-ABC-3', 'It is a lease car', '2 files', '15 March 2026'])
  })
})

import { createInstance } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, OUTCOMES } from '~/domain/case-terms'
import { CORRECTABLE_FIELDS } from '~/domain/correction'
import { DATA_EXPORT_SCHEMA, exportFileName, letterText, type DataExport } from '~/domain/data-export'
import { composeExportDocument, type Translate } from '~/domain/data-export-document'
import { DOCUMENT_KINDS } from '~/domain/documents'
import { i18nConfig } from '~/i18n'

const translators: Record<'nl' | 'en', Translate> = {} as Record<'nl' | 'en', Translate>
beforeAll(async () => {
  for (const lng of ['nl', 'en'] as const) {
    const i18n = createInstance()
    await i18n.init({ ...i18nConfig, lng })
    translators[lng] = (key, values) => i18n.t(`export:${key}`, values ?? {})
  }
})

/** A citizen the municipality knows little about: every list empty. */
function emptyCopy(language: 'nl' | 'en' = 'nl'): DataExport {
  return {
    schema: DATA_EXPORT_SCHEMA,
    version: 1,
    generatedAt: '2026-04-26T22:30:00.000Z',
    language,
    controller: { name: 'Gemeente Groningen', postalAddress: ['Postbus 30026'], phone: '14 050', website: 'x' },
    person: {
      bsn: '999993653',
      givenNames: 'Jan Willem',
      namePrefix: null,
      surname: 'Jansen',
      gender: 'M',
      birthDate: '1980-02-29',
      birthPlace: 'Groningen',
      birthCountry: 'Nederland',
      nationality: 'Nederlandse',
      address: null,
      updatedAt: '2026-01-01T10:00:00.000Z',
    },
    addressHistory: [],
    household: [],
    contactDetails: null,
    dataChanges: [],
    cases: [],
    letters: [],
    correctionRequests: [],
    moves: [],
    contactMoments: [],
    questions: [],
    viewedBy: [],
  }
}

const allText = (doc: ReturnType<typeof composeExportDocument>) =>
  JSON.stringify([doc.title, doc.intro, doc.sections.map((s) => [s.heading, s.parts])])

describe('the copy’s file name', () => {
  it('names what it is and the day, never the person', () => {
    expect(exportFileName('json', '2026-05-01T10:22:33.000Z')).toBe('mijn-gegevens-2026-05-01.json')
    expect(exportFileName('pdf', '2026-05-01T10:22:33.000Z')).toBe('mijn-gegevens-2026-05-01.pdf')
  })
})

describe('a letter as text', () => {
  it('keeps the reading order: salutation, headings, paragraphs, lists, facts, greeting, signature', () => {
    const text = letterText({
      salutation: 'Beste Jan Willem Jansen,',
      blocks: [
        { kind: 'heading', text: 'Wanneer beslissen wij?' },
        { kind: 'paragraph', text: 'Uiterlijk op 3 maart 2026.' },
        { kind: 'list', items: ['Ontvangen', 'Besluit'] },
        { kind: 'facts', items: [{ label: 'Kenmerk', value: 'Z-2026-000001' }] },
      ],
      closing: { greeting: 'Met vriendelijke groet,', signature: ['Mirjam Kuipers', 'Gemeente Groningen'] },
    })
    expect(text.split('\n').filter(Boolean)).toEqual([
      'Beste Jan Willem Jansen,',
      'Wanneer beslissen wij?',
      'Uiterlijk op 3 maart 2026.',
      '- Ontvangen',
      '- Besluit',
      'Kenmerk: Z-2026-000001',
      'Met vriendelijke groet,',
      'Mirjam Kuipers',
      'Gemeente Groningen',
    ])
  })
})

describe('the readable copy', () => {
  it('has every section, in the JSON’s order, and says so when one is empty', () => {
    const doc = composeExportDocument(emptyCopy(), translators.nl)
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'Persoonsgegevens',
      'Adressen',
      'Gezin',
      'Contactgegevens en voorkeuren',
      'Wijzigingen in uw gegevens',
      'Zaken',
      'Brieven',
      'Correctieverzoeken',
      'Verhuizingen',
      'Contact met de gemeente',
      'Uw vragen aan de gemeente',
      'Wie heeft uw gegevens bekeken',
    ])
    const text = allText(doc)
    for (const empty of [
      'U heeft geen zaken.',
      'Wij hebben u geen brieven gestuurd.',
      'U heeft geen contactgegevens ingevuld.',
      'U heeft geen vragen gesteld.',
    ]) {
      expect(text).toContain(empty)
    }
  })

  it('writes dates and moments for the reader, in the municipality’s time zone', () => {
    const nl = allText(composeExportDocument(emptyCopy('nl'), translators.nl))
    // 22:30 UTC on 26 April is 00:30 on King's Day in Amsterdam (summer time).
    expect(nl).toContain('Gemaakt voor Jan Willem Jansen op 27 april 2026 om 00:30')
    expect(nl).toContain('29 februari 1980')
    const en = allText(composeExportDocument(emptyCopy('en'), translators.en))
    expect(en).toContain('27 April 2026')
    expect(en).toContain('29 February 1980')
    expect(en).toContain('Your details at the Municipality of Groningen')
  })

  it('names a case’s events in words: the step by name, dates written out, codes translated', () => {
    const copy = emptyCopy()
    copy.cases = [
      {
        reference: 'Z-2026-000001',
        caseType: 'Wmo-voorziening',
        subject: 'Traplift',
        channel: 'phone',
        status: 'suspended',
        currentStep: 'Onderzoek',
        receivedOn: '2026-03-02',
        acknowledgementDueOn: '2026-03-09',
        decisionDueOn: '2026-04-27',
        extended: false,
        outcome: null,
        decidedOn: null,
        closedOn: null,
        contactPerson: null,
        events: [
          {
            seq: 1,
            type: 'received',
            occurredAt: '2026-03-02T09:00:00.000Z',
            details: { receivedOn: '2026-03-02', channel: 'phone' },
          },
          {
            seq: 2,
            type: 'step_reached',
            occurredAt: '2026-03-03T09:00:00.000Z',
            details: { step: 'onderzoek', stepName: 'Onderzoek' },
          },
          {
            seq: 3,
            type: 'suspended',
            occurredAt: '2026-03-04T09:00:00.000Z',
            details: { information: 'Een offerte', respondBy: '2026-03-18' },
          },
        ],
        messages: [],
        informationAnswers: [],
        documents: [],
      },
    ]
    const text = allText(composeExportDocument(copy, translators.nl))
    expect(text).toContain('Ontvangen (Ontvangen op 2 maart 2026; Telefoon)')
    expect(text).toContain('Volgende stap (Onderzoek)')
    expect(text).not.toContain('onderzoek;')
    expect(text).toContain('Wij vroegen u om informatie (Een offerte; Reageren uiterlijk op 18 maart 2026)')
    expect(text).toContain('Wacht op u')
  })

  it('gives a case’s messages, answers and documents, naming the municipality’s side by name and department, never by id', () => {
    const copy = emptyCopy()
    copy.cases = [
      {
        reference: 'Z-2026-000002',
        caseType: 'Omgevingsvergunning',
        subject: 'Dakkapel',
        channel: 'internet',
        status: 'open',
        currentStep: 'Beoordeling',
        receivedOn: '2026-03-02',
        acknowledgementDueOn: '2026-03-09',
        decisionDueOn: '2026-04-27',
        extended: false,
        outcome: null,
        decidedOn: null,
        closedOn: null,
        contactPerson: null,
        events: [],
        messages: [
          {
            from: 'you',
            author: null,
            department: null,
            sentAt: '2026-03-03T08:05:00.000Z',
            text: 'Moet ik\ntekeningen sturen?',
            acknowledgement: false,
            readAt: '2026-03-04T09:00:00.000Z',
          },
          {
            from: 'municipality',
            author: 'Mirjam Kuipers',
            department: 'Vergunningen',
            sentAt: '2026-03-05T10:00:00.000Z',
            text: 'Dat is niet nodig.',
            acknowledgement: false,
            readAt: null,
          },
        ],
        informationAnswers: [
          { receivedOn: '2026-03-10', channel: 'internet', text: 'Hier is de offerte.', files: ['offerte.pdf'] },
          { receivedOn: '2026-03-12', channel: 'post', text: null, files: [] },
        ],
        documents: [
          {
            title: 'offerte.pdf',
            kind: 'answer',
            addedAt: '2026-03-10T11:00:00.000Z',
            mediaType: 'application/pdf',
            bytes: 245_760,
            addedBy: 'you',
            department: null,
          },
          {
            title: 'Advies welstand',
            kind: 'attachment',
            addedAt: '2026-03-11T11:00:00.000Z',
            mediaType: 'application/pdf',
            bytes: 1_468_006,
            addedBy: 'municipality',
            department: 'Vergunningen',
          },
        ],
      },
    ]
    const text = allText(composeExportDocument(copy, translators.nl))
    expect(text).toContain('3 maart 2026 om 09:05, U: Moet ik tekeningen sturen? (gelezen op 4 maart 2026 om 10:00)')
    expect(text).toContain('Mirjam Kuipers, gemeente, Vergunningen: Dat is niet nodig. (nog niet gelezen)')
    expect(text).toContain('Uw antwoorden op onze vragen')
    expect(text).toContain('10 maart 2026, Internet: Hier is de offerte. (bestanden: offerte.pdf)')
    expect(text).toContain('12 maart 2026, Post: alleen bestanden')
    expect(text).toContain('offerte.pdf · Antwoord · 10 maart 2026 om 12:00 · 240 kB · van u')
    expect(text).toContain(
      'Advies welstand · Bijlage · 11 maart 2026 om 12:00 · 1,4 MB · van De gemeente, Vergunningen',
    )
    const en = allText(composeExportDocument({ ...copy, language: 'en' }, translators.en))
    expect(en).toContain('Mirjam Kuipers, municipality, Vergunningen: Dat is niet nodig. (not read yet)')
    expect(en).toContain('Your answers to our questions')
  })

  it('leaves out a case’s messages, answers and documents when it has none', () => {
    const copy = emptyCopy()
    copy.cases = [
      {
        reference: 'Z-2026-000003',
        caseType: 'Parkeervergunning',
        subject: 'Bewonersvergunning',
        channel: 'internet',
        status: 'open',
        currentStep: 'Controle',
        receivedOn: '2026-03-02',
        acknowledgementDueOn: '2026-03-09',
        decisionDueOn: '2026-04-27',
        extended: false,
        outcome: null,
        decidedOn: null,
        closedOn: null,
        contactPerson: null,
        events: [],
        messages: [],
        informationAnswers: [],
        documents: [],
      },
    ]
    const text = allText(composeExportDocument(copy, translators.nl))
    for (const heading of ['Berichten', 'Uw antwoorden op onze vragen', 'Documenten'])
      expect(text).not.toContain(heading)
  })

  it('has words for every code the copy can hold, in both languages', () => {
    for (const lng of ['nl', 'en'] as const) {
      const t = translators[lng]
      const groups: Record<string, readonly string[]> = {
        channel: CHANNELS,
        outcome: OUTCOMES,
        item: CORRECTABLE_FIELDS,
        status: ['open', 'suspended', 'decided', 'closed'],
        event: [
          'received',
          'step_reached',
          'suspended',
          'resumed',
          'extended',
          'decided',
          'closed',
          'information_received',
        ],
        documentKind: DOCUMENT_KINDS,
        request: ['draft', 'submitted', 'accepted', 'approved', 'refused'],
        gender: ['M', 'V', 'O'],
        relation: ['partner', 'child', 'parent'],
      }
      for (const [group, codes] of Object.entries(groups)) {
        for (const code of codes) expect(t(`codes.${group}.${code}`)).not.toBe(`codes.${group}.${code}`)
      }
    }
  })
})

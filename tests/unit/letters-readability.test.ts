import type { ComposedLetter, ObjectedDecision } from '~/domain/letters'
import { lettersForEvent } from '~/domain/letters-for-event'
import type { LetterLanguage } from '~/domain/letters-format'
import { dutchSyllables, letterReadability, readabilityOf, sentencesOf } from '~/domain/letters-readability'
import { events, letterContext, type LetterFixture } from '../support/letters'

/**
 * Plain language (B1) as a bar the templates must stay under: at most 15 words per sentence on
 * average, and a Flesch–Douma score of at least 60 for the Dutch text. Every template and every
 * variant it has (late, refused, partly granted, …) is measured in both languages, with the
 * free text an employee would type (a reason, what is needed) at a realistic length.
 */
const MAX_AVERAGE_SENTENCE_LENGTH = 15
const MIN_FLESCH_DOUMA = 60

const received = events.received('2026-03-03')
const correction = { caseTypeCode: 'brp_correctie', subject: 'Geboorteplaats', persona: 'kees' }
/** What a caseworker types: the reasons, and for a refusal what the citizen can do now. */
const permitDecision = {
  reasons:
    'De dakkapel is 1,80 meter hoog. Het omgevingsplan staat aan de achterkant hoogstens 1,50 meter toe. Daarom past uw plan niet.',
  citizenOptions:
    'Maak de dakkapel lager en vraag opnieuw een vergunning aan. Wilt u eerst overleggen? Bel dan Mirjam Kuipers.',
}
const correctionDecision = {
  reasons: 'De akte uit Leeuwarden noemt dezelfde geboorteplaats als de BRP. Wij vonden geen fout.',
  citizenOptions: 'Heeft u een andere akte? Stuur die dan mee met een nieuw verzoek.',
}
const objectedDecision = (late: boolean): ObjectedDecision => ({
  reference: 'Z-2026-000100',
  caseTypeName: { nl: 'Parkeervergunning', en: 'Parking permit' },
  subject: 'Bewonersvergunning Korreweg',
  sentOn: '2026-03-02',
  termEndsOn: '2026-04-13',
  late,
  lateReason: late ? 'Ik lag in het ziekenhuis' : null,
})
const objection = { caseTypeCode: 'bezwaar', subject: 'Parkeervergunning (Z-2026-000100)' }
const variants: Array<[string, Omit<LetterFixture, 'language'>]> = [
  ['acknowledgement', { history: [received], letterDate: '2026-03-03' }],
  ['acknowledgement, late', { history: [events.received('2026-03-03', '2026-02-16')], letterDate: '2026-03-03' }],
  ['acknowledgement, no contact person', { history: [received], letterDate: '2026-03-03', contact: false }],
  ['acknowledgement, Wmo', { caseTypeCode: 'wmo', subject: 'Traplift', history: [received], letterDate: '2026-03-03' }],
  [
    'acknowledgement, move',
    {
      caseTypeCode: 'verhuizing',
      subject: 'Verhuizing naar Korreweg 17-1',
      history: [received],
      letterDate: '2026-03-03',
    },
  ],
  [
    'extension',
    {
      history: [
        received,
        events.extended('2026-04-20', 'Wij vragen advies aan de welstandscommissie. Die vergadert pas op 12 mei'),
      ],
      letterDate: '2026-04-20',
    },
  ],
  [
    'information request',
    {
      history: [
        received,
        events.suspended('2026-03-10', 'Een bouwtekening met de maten van de dakkapel', '2026-03-24'),
      ],
      letterDate: '2026-03-10',
    },
  ],
  [
    'information received',
    {
      history: [
        received,
        events.suspended('2026-03-10', 'Een bouwtekening met de maten van de dakkapel', '2026-03-24'),
        events.informationReceived('2026-03-16', 'Hierbij de tekening.'),
      ],
      letterDate: '2026-03-16',
    },
  ],
  [
    'information received on the day of the request',
    {
      history: [
        received,
        events.suspended('2026-03-10', 'Een bouwtekening met de maten van de dakkapel', '2026-03-24'),
        events.informationReceived('2026-03-10'),
      ],
      letterDate: '2026-03-10',
    },
  ],
  ...(['granted', 'partly_granted', 'refused', 'withdrawn'] as const).map(
    (outcome): [string, Omit<LetterFixture, 'language'>] => [
      `decision notice, ${outcome}`,
      {
        history: [received, events.decided('2026-04-14', outcome, permitDecision)],
        letterDate: '2026-04-14',
      },
    ],
  ),
  ...(['granted', 'partly_granted', 'refused', 'withdrawn'] as const).map(
    (outcome): [string, Omit<LetterFixture, 'language'>] => [
      `correction decision, ${outcome}`,
      {
        ...correction,
        history: [received, events.decided('2026-03-20', outcome, correctionDecision)],
        letterDate: '2026-03-20',
      },
    ],
  ),
  [
    'objection acknowledgement',
    {
      ...objection,
      objection: objectedDecision(false),
      history: [events.received('2026-03-03', '2026-03-03', '2026-04-13')],
      letterDate: '2026-03-03',
    },
  ],
  [
    'objection acknowledgement, late',
    {
      ...objection,
      objection: objectedDecision(true),
      history: [events.received('2026-04-20')],
      letterDate: '2026-04-20',
    },
  ],
  ...(['granted', 'partly_granted', 'refused', 'withdrawn'] as const).map(
    (outcome): [string, Omit<LetterFixture, 'language'>] => [
      `objection decision, ${outcome}`,
      {
        ...objection,
        objection: objectedDecision(false),
        history: [
          events.received('2026-03-03', '2026-03-03', '2026-04-13'),
          events.decided('2026-05-12', outcome, {
            reasons:
              'U liet zien dat de auto op uw naam staat. Dat wisten wij niet toen wij besloten. Daarom krijgt u de vergunning alsnog.',
            citizenOptions: 'Stuur ons een kopie van het kentekenbewijs. Dan maken wij de vergunning voor u klaar.',
          }),
        ],
        letterDate: '2026-05-12',
      },
    ],
  ),
]

function compose(fixture: Omit<LetterFixture, 'language'>, language: LetterLanguage): ComposedLetter {
  const [letter] = lettersForEvent(letterContext({ ...fixture, language }))
  return letter
}

describe('every template is plain language (B1)', () => {
  it.each(variants)(
    '%s: at most 15 words per sentence in Dutch and English, Flesch–Douma ≥ 60 in Dutch',
    (_name, fixture) => {
      const nl = letterReadability(compose(fixture, 'nl'))
      const en = letterReadability(compose(fixture, 'en'))
      expect(nl.sentences).toBeGreaterThan(3)
      expect(nl.averageSentenceLength).toBeLessThanOrEqual(MAX_AVERAGE_SENTENCE_LENGTH)
      expect(en.averageSentenceLength).toBeLessThanOrEqual(MAX_AVERAGE_SENTENCE_LENGTH)
      expect(nl.fleschDouma).toBeGreaterThanOrEqual(MIN_FLESCH_DOUMA)
    },
  )

  it('covers every event that writes a letter', () => {
    const covered = new Set(variants.map(([, fixture]) => compose(fixture, 'nl').templateCode))
    expect([...covered].sort()).toEqual([
      'acknowledgement',
      'correction_decision',
      'decision_notice',
      'extension',
      'information_received',
      'information_request',
      'objection_acknowledgement',
      'objection_decision',
    ])
  })
})

describe('the measure itself', () => {
  it('counts Dutch syllables as vowel groups, a diaeresis starting a new one', () => {
    expect(dutchSyllables('huis')).toBe(1)
    expect(dutchSyllables('ontvangstbevestiging')).toBe(6)
    expect(dutchSyllables('beslisdatum')).toBe(4)
    expect(dutchSyllables('ideeën')).toBe(3)
    expect(dutchSyllables('beëindigen')).toBe(4)
    expect(dutchSyllables('Z-2026-000123')).toBe(1)
    expect(dutchSyllables('https://mijn.groningen.example/mijn/zaken')).toBe(1)
  })

  it('splits sentences at . ! ? and not at a colon', () => {
    expect(sentencesOf('Het besluit is: ja. U krijgt wat u vroeg! Klopt dat? Ja')).toEqual([
      'Het besluit is: ja.',
      'U krijgt wat u vroeg!',
      'Klopt dat?',
      'Ja',
    ])
  })

  it('computes Flesch–Douma as 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence', () => {
    // 2 sentences, 10 words, 11 syllables: 206.84 − 0.77 × 110 − 0.93 × 5 = 117.49
    const stats = readabilityOf(['Wij hebben uw brief.', 'Dank u wel voor uw vraag.'])
    expect(stats.words).toBe(10)
    expect(stats.sentences).toBe(2)
    expect(stats.syllables).toBe(11)
    expect(stats.fleschDouma).toBeCloseTo(117.49, 5)
  })

  it('fails a letter written in officialese, so the bar has teeth', () => {
    const officialese = readabilityOf([
      'Naar aanleiding van uw aanvraag delen wij u mede dat wij, gelet op het bepaalde in artikel 4:14 van de Algemene wet bestuursrecht, genoodzaakt zijn de beslistermijn met een termijn van zes weken te verdagen.',
      'Indien u zich met de onderhavige beschikking niet kunt verenigen, kunt u binnen zes weken na dagtekening een gemotiveerd bezwaarschrift indienen.',
    ])
    expect(officialese.averageSentenceLength).toBeGreaterThan(MAX_AVERAGE_SENTENCE_LENGTH)
    expect(officialese.fleschDouma).toBeLessThan(MIN_FLESCH_DOUMA)
  })
})

describe('the scores, for the record', () => {
  it("prints each template's figures", () => {
    const rows = variants.map(([name, fixture]) => {
      const nl = letterReadability(compose(fixture, 'nl'))
      const en = letterReadability(compose(fixture, 'en'))
      return `${name.padEnd(36)} nl ${nl.averageSentenceLength.toFixed(1).padStart(4)} w/s FD ${nl.fleschDouma.toFixed(0)} | en ${en.averageSentenceLength.toFixed(1).padStart(4)} w/s`
    })
    // Visible with --reporter=verbose; kept as a test so the figures are one command away.
    expect(rows).toHaveLength(variants.length)
    if (process.env.LETTERS_READABILITY_REPORT) console.info(rows.join('\n'))
  })
})

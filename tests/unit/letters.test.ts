import {
  acknowledgementIsLate,
  letterAsText,
  objectionDeadline,
  TEMPLATE_VERSIONS,
  type ComposedLetter,
  type ObjectedDecision,
} from '~/domain/letters'
import { lettersForEvent } from '~/domain/letters-for-event'
import { addressLines, formatLetterDate, personName } from '~/domain/letters-format'
import { letterNoticeMail } from '~/domain/letters-notice'
import { calendar, events, letterContext, type LetterFixture } from '../support/letters'

const received = events.received('2026-03-03') // a Tuesday

function only(fixture: LetterFixture): ComposedLetter {
  const letters = lettersForEvent(letterContext(fixture))
  expect(letters).toHaveLength(1)
  return letters[0]
}

const fixtures = {
  acknowledgement: { history: [received], letterDate: '2026-03-03' },
  lateAcknowledgement: { history: [events.received('2026-03-03', '2026-02-16')], letterDate: '2026-03-03' },
  extension: {
    history: [
      received,
      events.extended('2026-04-20', 'Wij vragen advies aan de welstandscommissie. Die vergadert pas op 12 mei'),
    ],
    letterDate: '2026-04-20',
  },
  informationRequest: {
    history: [received, events.suspended('2026-03-10', 'Een bouwtekening met de maten van de dakkapel', '2026-03-24')],
    letterDate: '2026-03-10',
  },
  refused: {
    history: [
      received,
      events.decided('2026-04-14', 'refused', {
        reasons:
          'De dakkapel is 1,80 meter hoog. Het omgevingsplan staat aan de achterkant hoogstens 1,50 meter toe.\n\nDaarom past uw plan niet',
        citizenOptions:
          'Maak de dakkapel lager en vraag opnieuw een vergunning aan. Wilt u eerst overleggen? Bel dan ons',
      }),
    ],
    letterDate: '2026-04-14',
  },
  correctionRefused: {
    caseTypeCode: 'brp_correctie',
    subject: 'Geboorteplaats',
    persona: 'kees',
    history: [
      received,
      events.decided('2026-03-20', 'refused', {
        reasons: 'De akte uit Leeuwarden noemt dezelfde geboorteplaats als de BRP',
        citizenOptions: 'Heeft u een andere akte? Stuur die dan mee met een nieuw verzoek',
      }),
    ],
    letterDate: '2026-03-20',
  },
} satisfies Record<string, LetterFixture>

describe('which event writes which letter', () => {
  it('writes an acknowledgement for a received case', () => {
    expect(only(fixtures.acknowledgement).templateCode).toBe('acknowledgement')
  })

  it('writes an extension letter, a request for information and a decision notice for those events', () => {
    expect(only(fixtures.extension).templateCode).toBe('extension')
    expect(only(fixtures.informationRequest).templateCode).toBe('information_request')
    expect(only(fixtures.refused).templateCode).toBe('decision_notice')
  })

  it('writes its own decision letter for a correction of BRP data, not the general notice', () => {
    expect(only(fixtures.correctionRefused).templateCode).toBe('correction_decision')
  })

  it('writes nothing for a step reached, a resumed suspension or a closed case', () => {
    const suspended = events.suspended('2026-03-10', 'Een bouwtekening', '2026-03-24')
    const resumed = { seq: 0, type: 'resumed' as const, occurredAt: new Date('2026-03-12T12:00:00Z'), payload: {} }
    const closed = { seq: 0, type: 'closed' as const, occurredAt: new Date('2026-04-20T12:00:00Z'), payload: {} }
    const decided = events.decided('2026-04-14', 'granted')
    expect(
      lettersForEvent(
        letterContext({
          history: [received, events.stepReached('2026-03-05', 'volledigheid')],
          letterDate: '2026-03-05',
        }),
      ),
    ).toEqual([])
    expect(
      lettersForEvent(letterContext({ history: [received, suspended, resumed], letterDate: '2026-03-12' })),
    ).toEqual([])
    expect(lettersForEvent(letterContext({ history: [received, decided, closed], letterDate: '2026-04-20' }))).toEqual(
      [],
    )
  })

  it('stamps every letter with its template version and the recipient language', () => {
    const letter = only({ ...fixtures.acknowledgement, language: 'en' })
    expect(letter.templateVersion).toBe(TEMPLATE_VERSIONS.acknowledgement)
    expect(letter.language).toBe('en')
  })
})

describe('the acknowledgement (quality charter, letters)', () => {
  it('says everything the charter requires, in Dutch', () => {
    expect(letterAsText(only(fixtures.acknowledgement))).toMatchInlineSnapshot(`
      "Gemeente Groningen
      Postbus 30026
      9700 RM Groningen
      Telefoon 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Datum: 3 maart 2026
      Ons kenmerk: Z-2026-000123
      Onderwerp: Omgevingsvergunning: Dakkapel aan de achterkant

      Wij hebben uw aanvraag ontvangen

      Beste Jan Willem Jansen,

      Bedankt voor uw aanvraag. Wij hebben uw aanvraag ontvangen op 3 maart 2026. In deze brief leest u wat er nu gebeurt.

      Ontvangen op: 3 maart 2026
      Uiterlijke beslisdatum: 28 april 2026
      Uw contactpersoon: Mirjam Kuipers
      Direct telefoonnummer: 050 367 1001

      ## Wanneer beslissen wij?
      Wij beslissen uiterlijk op 28 april 2026. Hebben wij meer tijd nodig? Dan krijgt u voor die datum een brief van ons.

      ## Welke stappen volgt uw aanvraag?
      - Ontvangen: Wij hebben uw aanvraag ontvangen en gaan ermee aan de slag.
      - Controle volledigheid: Wij kijken of uw aanvraag compleet is. Mist er iets, dan vragen wij u dat.
      - Inhoudelijke beoordeling: Wij toetsen uw plan aan de regels, zoals het omgevingsplan.
      - Besluit: Wij hebben een besluit genomen. U krijgt daarover een brief.

      ## Uw aanvraag volgen
      In Mijn Stad ziet u hoe het met uw aanvraag gaat. U logt in met DigiD. Ga naar https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      ## Heeft u een vraag?
      Bel dan Mirjam Kuipers. Het directe nummer is 050 367 1001. Noem dan ons kenmerk Z-2026-000123.

      Met vriendelijke groet,
      Mirjam Kuipers
      Afdeling Vergunningen
      Gemeente Groningen"
    `)
  })

  it('says the same in English', () => {
    expect(letterAsText(only({ ...fixtures.acknowledgement, language: 'en' }))).toMatchInlineSnapshot(`
      "Municipality of Groningen
      Postbus 30026
      9700 RM Groningen
      Phone 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Date: 3 March 2026
      Our reference: Z-2026-000123
      Subject: Environmental permit: Dakkapel aan de achterkant

      We have received your application

      Dear Jan Willem Jansen,

      Thank you for your application. We received your application on 3 March 2026. This letter tells you what happens next.

      Received on: 3 March 2026
      Latest decision date: 28 April 2026
      Your contact person: Mirjam Kuipers
      Direct phone number: 050 367 1001

      ## When will we decide?
      We will decide on 28 April 2026 at the latest. Do we need more time? Then we will write to you before that date.

      ## Which steps does your application go through?
      - Received: We have received your application and are starting on it.
      - Completeness check: We check whether your application is complete. If something is missing, we ask you for it.
      - Assessment: We test your plan against the rules, such as the environment plan.
      - Decision: We have made a decision. We will send you a letter about it.

      ## Follow your application
      In Mijn Stad you can see how your application is going. You log in with DigiD. Go to https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      ## Do you have a question?
      Then call Mirjam Kuipers. The direct number is 050 367 1001. Please give our reference Z-2026-000123.

      Kind regards,
      Mirjam Kuipers
      Vergunningen department
      Municipality of Groningen"
    `)
  })

  it('contains the reference, the date received, the latest decision date, the steps, the link and the direct number', () => {
    const text = letterAsText(only(fixtures.acknowledgement))
    for (const required of [
      'Z-2026-000123',
      '3 maart 2026',
      'Uiterlijke beslisdatum: 28 april 2026',
      'Controle volledigheid',
      'Inhoudelijke beoordeling',
      'https://mijn.groningen.example/mijn/zaken/Z-2026-000123',
      'Mirjam Kuipers',
      '050 367 1001',
    ]) {
      expect(text).toContain(required)
    }
  })

  it('apologises plainly when the case was registered more than 5 working days after receipt', () => {
    const late = letterAsText(only(fixtures.lateAcknowledgement))
    expect(late).toContain('Deze brief komt te laat.')
    expect(late).toContain('Onze excuses daarvoor.')
    // The term runs from receipt, not from registration (Awb 4:13).
    expect(late).toContain('Uiterlijke beslisdatum: 13 april 2026')
    expect(letterAsText(only({ ...fixtures.lateAcknowledgement, language: 'en' }))).toContain('This letter is late.')
  })

  it('is on time on the fifth working day after receipt and late on the sixth (counting from the day after)', () => {
    // Received Tuesday 3 March 2026: working days 4, 5, 6, 9, 10 March; the 11th is the sixth.
    const onTime = letterContext({ history: [events.received('2026-03-10', '2026-03-03')], letterDate: '2026-03-10' })
    const late = letterContext({ history: [events.received('2026-03-11', '2026-03-03')], letterDate: '2026-03-11' })
    expect(acknowledgementIsLate(onTime.state, onTime.letterDate)).toBe(false)
    expect(acknowledgementIsLate(late.state, late.letterDate)).toBe(true)
    expect(letterAsText(lettersForEvent(onTime)[0])).not.toContain('te laat')
  })

  it('skips no holiday: received before Easter 2026, Good Friday and Easter Monday do not count', () => {
    // Received Thursday 2 April 2026; 3 April (Good Friday) and 6 April (Easter Monday) are no working days:
    // working days 7, 8, 9, 10, 13 April; so the 13th is in time and the 14th is late.
    const onTime = letterContext({ history: [events.received('2026-04-13', '2026-04-02')], letterDate: '2026-04-13' })
    const late = letterContext({ history: [events.received('2026-04-14', '2026-04-02')], letterDate: '2026-04-14' })
    expect(acknowledgementIsLate(onTime.state, onTime.letterDate)).toBe(false)
    expect(acknowledgementIsLate(late.state, late.letterDate)).toBe(true)
  })

  it('points to the general number when the case has no contact person yet', () => {
    const text = letterAsText(only({ ...fixtures.acknowledgement, contact: false }))
    expect(text).toContain('Bel ons dan op 14 050.')
    expect(text).not.toContain('Uw contactpersoon')
  })

  it('calls a correction a request and a move a notice, not an application', () => {
    expect(only({ ...fixtures.acknowledgement, caseTypeCode: 'brp_correctie' }).title).toBe(
      'Wij hebben uw verzoek ontvangen',
    )
    expect(only({ ...fixtures.acknowledgement, caseTypeCode: 'verhuizing', language: 'en' }).title).toBe(
      'We have received your notice of your move',
    )
  })
})

describe('the extension letter (Awb 4:14)', () => {
  it('gives the reason, the old and the new latest date, in Dutch', () => {
    expect(letterAsText(only(fixtures.extension))).toMatchInlineSnapshot(`
      "Gemeente Groningen
      Postbus 30026
      9700 RM Groningen
      Telefoon 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Datum: 20 april 2026
      Ons kenmerk: Z-2026-000123
      Onderwerp: Omgevingsvergunning: Dakkapel aan de achterkant

      Wij hebben meer tijd nodig voor uw aanvraag

      Beste Jan Willem Jansen,

      Wij hebben uw aanvraag ontvangen op 3 maart 2026. Wij hebben meer tijd nodig om te beslissen.

      ## Waarom hebben wij meer tijd nodig?
      Wij vragen advies aan de welstandscommissie. Die vergadert pas op 12 mei.

      ## Wanneer beslissen wij nu?
      Wij zouden uiterlijk op 28 april 2026 beslissen. Dat wordt nu uiterlijk 9 juni 2026. Dit uitstel mag volgens de wet één keer.

      ## Uw aanvraag volgen
      In Mijn Stad ziet u hoe het met uw aanvraag gaat. U logt in met DigiD. Ga naar https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      ## Heeft u een vraag?
      Bel dan Mirjam Kuipers. Het directe nummer is 050 367 1001. Noem dan ons kenmerk Z-2026-000123.

      Met vriendelijke groet,
      Mirjam Kuipers
      Afdeling Vergunningen
      Gemeente Groningen"
    `)
  })

  it('and in English', () => {
    expect(letterAsText(only({ ...fixtures.extension, language: 'en' }))).toMatchInlineSnapshot(`
      "Municipality of Groningen
      Postbus 30026
      9700 RM Groningen
      Phone 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Date: 20 April 2026
      Our reference: Z-2026-000123
      Subject: Environmental permit: Dakkapel aan de achterkant

      We need more time for your application

      Dear Jan Willem Jansen,

      We received your application on 3 March 2026. We need more time to decide.

      ## Why do we need more time?
      Wij vragen advies aan de welstandscommissie. Die vergadert pas op 12 mei.

      ## When will we decide now?
      We were going to decide by 28 April 2026. That is now 9 June 2026 at the latest. The law allows this delay only once.

      ## Follow your application
      In Mijn Stad you can see how your application is going. You log in with DigiD. Go to https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      ## Do you have a question?
      Then call Mirjam Kuipers. The direct number is 050 367 1001. Please give our reference Z-2026-000123.

      Kind regards,
      Mirjam Kuipers
      Vergunningen department
      Municipality of Groningen"
    `)
  })

  it('counts the old date from the suspension before it, when there was one', () => {
    const history = [
      received,
      events.suspended('2026-03-10', 'Een bouwtekening', '2026-03-24'),
      { seq: 0, type: 'resumed' as const, occurredAt: new Date('2026-03-20T12:00:00Z'), payload: {} },
      events.extended('2026-04-20', 'Advies nodig'),
    ]
    // 28 April moved 10 days by the suspension to 8 May; six weeks on is 19 June.
    const text = letterAsText(only({ history, letterDate: '2026-04-20' }))
    expect(text).toContain('Wij zouden uiterlijk op 8 mei 2026 beslissen. Dat wordt nu uiterlijk 19 juni 2026.')
  })
})

describe('the request for information (Awb 4:15 and 4:5)', () => {
  it('says what is needed, by when, that the term stands still and what happens otherwise, in Dutch', () => {
    expect(letterAsText(only(fixtures.informationRequest))).toMatchInlineSnapshot(`
      "Gemeente Groningen
      Postbus 30026
      9700 RM Groningen
      Telefoon 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Datum: 10 maart 2026
      Ons kenmerk: Z-2026-000123
      Onderwerp: Omgevingsvergunning: Dakkapel aan de achterkant

      Wij hebben meer informatie van u nodig

      Beste Jan Willem Jansen,

      Wij werken aan uw aanvraag. Wij missen nog informatie. Zonder die informatie kunnen wij niet beslissen.

      ## Wat hebben wij nodig?
      Een bouwtekening met de maten van de dakkapel.

      ## Wanneer moet het bij ons zijn?
      Stuur de informatie uiterlijk op 24 maart 2026. Dat kan per post naar Postbus 30026, 9700 RM Groningen. U kunt het ook afgeven bij de balie. Zet ons kenmerk Z-2026-000123 erbij.

      ## Wat betekent dit voor ons besluit?
      Zolang wij op u wachten, staat de tijd voor ons besluit stil. De datum van ons besluit schuift dus op. Dat is met het aantal dagen dat wij wachten. In Mijn Stad ziet u steeds de nieuwe datum.

      ## En als de informatie niet komt?
      Krijgen wij de informatie niet op tijd? Dan kunnen wij uw aanvraag niet verder behandelen. Of wij beslissen met de informatie die wij al hebben. Lukt het u niet op tijd? Bel ons dan. Misschien kunnen wij u meer tijd geven.

      ## Uw aanvraag volgen
      In Mijn Stad ziet u hoe het met uw aanvraag gaat. U logt in met DigiD. Ga naar https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      ## Heeft u een vraag?
      Bel dan Mirjam Kuipers. Het directe nummer is 050 367 1001. Noem dan ons kenmerk Z-2026-000123.

      Met vriendelijke groet,
      Mirjam Kuipers
      Afdeling Vergunningen
      Gemeente Groningen"
    `)
  })

  it('and in English', () => {
    expect(letterAsText(only({ ...fixtures.informationRequest, language: 'en' }))).toMatchInlineSnapshot(`
      "Municipality of Groningen
      Postbus 30026
      9700 RM Groningen
      Phone 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Date: 10 March 2026
      Our reference: Z-2026-000123
      Subject: Environmental permit: Dakkapel aan de achterkant

      We need more information from you

      Dear Jan Willem Jansen,

      We are working on your application. Some information is still missing. Without it we cannot decide.

      ## What do we need?
      Een bouwtekening met de maten van de dakkapel.

      ## When do we need it?
      Send the information by 24 March 2026 at the latest. You can post it to Postbus 30026, 9700 RM Groningen. You can also hand it in at the service desk. Please add our reference Z-2026-000123.

      ## What does this mean for our decision?
      While we wait for you, the time for our decision stands still. So the date of our decision moves. It moves by the number of days we wait. Mijn Stad always shows you the new date.

      ## And if the information does not come?
      If we do not get the information in time, we cannot deal with your application any further. Or we decide with the information we already have. Can you not make it in time? Then call us. We may be able to give you more time.

      ## Follow your application
      In Mijn Stad you can see how your application is going. You log in with DigiD. Go to https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      ## Do you have a question?
      Then call Mirjam Kuipers. The direct number is 050 367 1001. Please give our reference Z-2026-000123.

      Kind regards,
      Mirjam Kuipers
      Vergunningen department
      Municipality of Groningen"
    `)
  })
})

describe('the decision notice', () => {
  it('gives the outcome, the reasons in full, what to do now and the right to object with its dates, in Dutch', () => {
    expect(letterAsText(only(fixtures.refused))).toMatchInlineSnapshot(`
      "Gemeente Groningen
      Postbus 30026
      9700 RM Groningen
      Telefoon 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Datum: 14 april 2026
      Ons kenmerk: Z-2026-000123
      Onderwerp: Omgevingsvergunning: Dakkapel aan de achterkant

      Wij hebben een besluit genomen over uw aanvraag

      Beste Jan Willem Jansen,

      Wij hebben een besluit genomen over uw aanvraag van 3 maart 2026.

      Het besluit is: nee. U krijgt niet wat u heeft gevraagd.

      ## Waarom hebben wij zo besloten?
      De dakkapel is 1,80 meter hoog. Het omgevingsplan staat aan de achterkant hoogstens 1,50 meter toe.

      Daarom past uw plan niet.

      ## Wat kunt u nu doen?
      Maak de dakkapel lager en vraag opnieuw een vergunning aan. Wilt u eerst overleggen? Bel dan ons.

      ## Bent u het niet eens met dit besluit?
      Dan kunt u bezwaar maken. Daarvoor heeft u 6 weken. Die tijd begint op 15 april 2026. Uw bezwaar moet uiterlijk op 26 mei 2026 bij ons zijn.

      ## Hoe maakt u bezwaar?
      Dat kan online in Mijn Stad. U logt in met DigiD. Kies dan Bezwaar maken. Ga naar https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      U kunt ook een brief sturen naar het college van burgemeester en wethouders van Groningen, Postbus 30026, 9700 RM Groningen. Schrijf in uw brief:

      - uw naam en adres
      - de datum
      - over welk besluit het gaat: ons kenmerk Z-2026-000123
      - waarom u het niet eens bent met het besluit
      - uw handtekening

      Het besluit blijft gelden, ook als u bezwaar maakt.

      ## Heeft u een vraag?
      Bel dan Mirjam Kuipers. Het directe nummer is 050 367 1001. Noem dan ons kenmerk Z-2026-000123.

      Met vriendelijke groet,
      Mirjam Kuipers
      Afdeling Vergunningen
      Gemeente Groningen"
    `)
  })

  it('and in English', () => {
    expect(letterAsText(only({ ...fixtures.refused, language: 'en' }))).toMatchInlineSnapshot(`
      "Municipality of Groningen
      Postbus 30026
      9700 RM Groningen
      Phone 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Date: 14 April 2026
      Our reference: Z-2026-000123
      Subject: Environmental permit: Dakkapel aan de achterkant

      We have made a decision on your application

      Dear Jan Willem Jansen,

      We have made a decision on your application of 3 March 2026.

      The decision is: no. You do not get what you asked for.

      ## Why did we decide this?
      De dakkapel is 1,80 meter hoog. Het omgevingsplan staat aan de achterkant hoogstens 1,50 meter toe.

      Daarom past uw plan niet.

      ## What can you do now?
      Maak de dakkapel lager en vraag opnieuw een vergunning aan. Wilt u eerst overleggen? Bel dan ons.

      ## Do you disagree with this decision?
      Then you can object. You have 6 weeks to do so. That time starts on 15 April 2026. Your objection must reach us by 26 May 2026 at the latest.

      ## How do you object?
      You can do this online in Mijn Stad. You log in with DigiD. Then choose Object. Go to https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      You can also send a letter to the Municipal Executive of Groningen, Postbus 30026, 9700 RM Groningen. Write in your letter:

      - your name and address
      - the date
      - which decision it is about: our reference Z-2026-000123
      - why you disagree with the decision
      - your signature

      The decision still applies, even if you object.

      ## Do you have a question?
      Then call Mirjam Kuipers. The direct number is 050 367 1001. Please give our reference Z-2026-000123.

      Kind regards,
      Mirjam Kuipers
      Vergunningen department
      Municipality of Groningen"
    `)
  })

  it('says yes plainly for a grant, with its reasons and the right to object: a grant is a decision too (Awb 3:45)', () => {
    const text = letterAsText(
      only({
        history: [received, events.decided('2026-04-14', 'granted', { reasons: 'Uw plan past in het omgevingsplan' })],
        letterDate: '2026-04-14',
      }),
    )
    expect(text).toContain('Het besluit is: ja. U krijgt wat u heeft gevraagd.')
    expect(text).toContain('## Waarom hebben wij zo besloten?\nUw plan past in het omgevingsplan.')
    expect(text).toContain('Dan kunt u bezwaar maken.')
    // Only a refusal or partial grant says what the citizen can do next.
    expect(text).not.toContain('Wat kunt u nu doen?')
  })

  it('never sends the reader elsewhere for the decision or for how to object', () => {
    for (const language of ['nl', 'en'] as const) {
      const text = letterAsText(only({ ...fixtures.refused, language }))
      expect(text).not.toMatch(
        /Het hele besluit staat|In het besluit staat hoe|The full decision is in|The decision explains how/,
      )
    }
  })

  it('mentions objection for a partial grant', () => {
    const partly = letterAsText(
      only({
        history: [
          received,
          events.decided('2026-04-14', 'partly_granted', {
            reasons: 'De aanbouw past, de schuur niet',
            citizenOptions: 'Vraag opnieuw aan',
          }),
        ],
        letterDate: '2026-04-14',
      }),
    )
    expect(partly).toContain('Het besluit is: voor een deel ja.')
    expect(partly).toContain('## Wat kunt u nu doen?\nVraag opnieuw aan.')
    expect(partly).toContain('Dan kunt u bezwaar maken.')
  })

  it('says the treatment stopped for a withdrawal, without reasons or objection: nothing was decided (Awb 1:3)', () => {
    const letter = only({ history: [received, events.decided('2026-04-14', 'withdrawn')], letterDate: '2026-04-14' })
    const text = letterAsText(letter)
    expect(letter.title).toBe('U heeft uw aanvraag ingetrokken')
    expect(text).toContain('U heeft uw aanvraag van 3 maart 2026 ingetrokken. Daarom stoppen wij met de behandeling.')
    expect(text).not.toContain('bezwaar')
    expect(text).not.toContain('besluit')
  })
})

describe('the decision on a BRP correction (Wet BRP art. 2.58)', () => {
  it('refuses with the reasons, what to do now and how to object within six weeks, in Dutch', () => {
    expect(letterAsText(only(fixtures.correctionRefused))).toMatchInlineSnapshot(`
      "Gemeente Groningen
      Postbus 30026
      9700 RM Groningen
      Telefoon 14 050
      gemeente.groningen.nl

      Kees Smit
      Friesestraatweg 22
      9711 NR Groningen

      Datum: 20 maart 2026
      Ons kenmerk: Z-2026-000123
      Onderwerp: Correctie van uw gegevens (BRP): Geboorteplaats

      Ons besluit over uw verzoek om uw gegevens te verbeteren

      Beste Kees Smit,

      U vroeg ons op 3 maart 2026 om uw gegevens te verbeteren. Het gaat om uw gegevens in de Basisregistratie Personen (BRP). Wij hebben uw verzoek onderzocht.

      Het besluit is: nee. Wij verbeteren uw gegevens niet.

      ## Waarom hebben wij zo besloten?
      De akte uit Leeuwarden noemt dezelfde geboorteplaats als de BRP.

      ## Wat kunt u nu doen?
      Heeft u een andere akte? Stuur die dan mee met een nieuw verzoek.

      U ziet uw gegevens in Mijn Stad. Ga naar https://mijn.groningen.example/mijn/gegevens

      ## Bent u het niet eens met dit besluit?
      Dan kunt u bezwaar maken. Daarvoor heeft u 6 weken. Die tijd begint op 21 maart 2026. Uw bezwaar moet uiterlijk op 1 mei 2026 bij ons zijn.

      ## Hoe maakt u bezwaar?
      Dat kan online in Mijn Stad. U logt in met DigiD. Kies dan Bezwaar maken. Ga naar https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      U kunt ook een brief sturen naar het college van burgemeester en wethouders van Groningen, Postbus 30026, 9700 RM Groningen. Schrijf in uw brief:

      - uw naam en adres
      - de datum
      - over welk besluit het gaat: ons kenmerk Z-2026-000123
      - waarom u het niet eens bent met het besluit
      - uw handtekening

      Het besluit blijft gelden, ook als u bezwaar maakt.

      ## Heeft u een vraag?
      Bel dan Rianne Mulder. Het directe nummer is 050 367 1003. Noem dan ons kenmerk Z-2026-000123.

      Met vriendelijke groet,
      Rianne Mulder
      Afdeling Burgerzaken
      Gemeente Groningen"
    `)
  })

  it('and in English', () => {
    expect(letterAsText(only({ ...fixtures.correctionRefused, language: 'en' }))).toMatchInlineSnapshot(`
      "Municipality of Groningen
      Postbus 30026
      9700 RM Groningen
      Phone 14 050
      gemeente.groningen.nl

      Kees Smit
      Friesestraatweg 22
      9711 NR Groningen

      Date: 20 March 2026
      Our reference: Z-2026-000123
      Subject: Correction of your details (BRP): Geboorteplaats

      Our decision on your request to correct your details

      Dear Kees Smit,

      On 3 March 2026 you asked us to correct your details. These are your details in the Personal Records Database (BRP). We have looked into your request.

      The decision is: no. We will not correct your details.

      ## Why did we decide this?
      De akte uit Leeuwarden noemt dezelfde geboorteplaats als de BRP.

      ## What can you do now?
      Heeft u een andere akte? Stuur die dan mee met een nieuw verzoek.

      You can see your details in Mijn Stad. Go to https://mijn.groningen.example/mijn/gegevens

      ## Do you disagree with this decision?
      Then you can object. You have 6 weeks to do so. That time starts on 21 March 2026. Your objection must reach us by 1 May 2026 at the latest.

      ## How do you object?
      You can do this online in Mijn Stad. You log in with DigiD. Then choose Object. Go to https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      You can also send a letter to the Municipal Executive of Groningen, Postbus 30026, 9700 RM Groningen. Write in your letter:

      - your name and address
      - the date
      - which decision it is about: our reference Z-2026-000123
      - why you disagree with the decision
      - your signature

      The decision still applies, even if you object.

      ## Do you have a question?
      Then call Rianne Mulder. The direct number is 050 367 1003. Please give our reference Z-2026-000123.

      Kind regards,
      Rianne Mulder
      Burgerzaken department
      Municipality of Groningen"
    `)
  })

  it('grants with its reasons and the right to object', () => {
    const text = letterAsText(
      only({
        ...fixtures.correctionRefused,
        history: [received, events.decided('2026-03-20', 'granted', { reasons: 'De akte noemt Leeuwarden' })],
      }),
    )
    expect(text).toContain('Het besluit is: ja. Wij hebben uw gegevens verbeterd.')
    expect(text).toContain('## Waarom hebben wij zo besloten?\nDe akte noemt Leeuwarden.')
    expect(text).toContain('Dan kunt u bezwaar maken.')
  })

  it('grants in part with the reasons, what to do now and the right to object', () => {
    const text = letterAsText(
      only({
        ...fixtures.correctionRefused,
        history: [
          received,
          events.decided('2026-03-20', 'partly_granted', {
            reasons: 'De spelling van uw voornaam klopt niet',
            citizenOptions: 'Stuur ons een kopie van uw paspoort',
          }),
        ],
      }),
    )
    expect(text).toContain('Het besluit is: voor een deel ja.')
    expect(text).toContain('## Waarom hebben wij zo besloten?\nDe spelling van uw voornaam klopt niet.')
    expect(text).toContain('## Wat kunt u nu doen?\nStuur ons een kopie van uw paspoort.')
    expect(text).toContain(
      'U kunt ook een brief sturen naar het college van burgemeester en wethouders van Groningen, Postbus 30026, 9700 RM Groningen.',
    )
  })

  it('says nothing of objecting when the request was withdrawn', () => {
    const text = letterAsText(
      only({ ...fixtures.correctionRefused, history: [received, events.decided('2026-03-20', 'withdrawn')] }),
    )
    expect(text).toContain('U heeft uw verzoek ingetrokken.')
    expect(text).not.toContain('bezwaar')
  })
})

describe('the letters about an objection (bezwaar)', () => {
  const objectedDecision = (late: boolean): ObjectedDecision => ({
    reference: 'Z-2026-000100',
    caseTypeName: { nl: 'Parkeervergunning', en: 'Parking permit' },
    subject: 'Bewonersvergunning Korreweg',
    sentOn: '2026-03-02',
    termEndsOn: '2026-04-13',
    late,
    lateReason: late ? 'Ik lag in het ziekenhuis' : null,
  })
  // Objected on 3 March, in time; the decision term counts from the end of the term to object.
  const inTime = {
    caseTypeCode: 'bezwaar',
    subject: 'Parkeervergunning (Z-2026-000100)',
    objection: objectedDecision(false),
    history: [events.received('2026-03-03', '2026-03-03', '2026-04-13')],
    letterDate: '2026-03-03',
  } satisfies LetterFixture

  it('acknowledges the objection: which decision, the latest decision date (Awb 7:10), a hearing (Awb 7:2), in Dutch', () => {
    expect(letterAsText(only(inTime))).toMatchInlineSnapshot(`
      "Gemeente Groningen
      Postbus 30026
      9700 RM Groningen
      Telefoon 14 050
      gemeente.groningen.nl

      Jan Willem Jansen
      Oosterstraat 12
      9711 NR Groningen

      Datum: 3 maart 2026
      Ons kenmerk: Z-2026-000123
      Onderwerp: Bezwaar tegen een besluit: Parkeervergunning (Z-2026-000100)

      Wij hebben uw bezwaar ontvangen

      Beste Jan Willem Jansen,

      Bedankt voor uw bezwaar. Wij hebben uw bezwaar ontvangen op 3 maart 2026. In deze brief leest u wat er nu gebeurt.

      Ontvangen op: 3 maart 2026
      Bezwaar tegen: Parkeervergunning: Bewonersvergunning Korreweg
      Kenmerk van het besluit: Z-2026-000100
      Datum van het besluit: 2 maart 2026
      Uiterlijke beslisdatum: 26 mei 2026
      Uw contactpersoon: Femke Bos
      Direct telefoonnummer: 050 367 1005

      ## Wanneer beslissen wij?
      Wij beslissen uiterlijk op 26 mei 2026. Hebben wij meer tijd nodig? Dan krijgt u voor die datum een brief van ons.

      ## Wat gebeurt er nu?
      Wij kijken opnieuw naar het besluit. Daarbij lezen wij goed wat u schrijft. Meestal nodigen wij u uit voor een gesprek. Daarin legt u uw bezwaar uit. Dat heet een hoorzitting. U hoort op tijd wanneer die is.

      - Ontvangen: Wij hebben uw bezwaar ontvangen en gaan ermee aan de slag.
      - Hoorzitting: In een gesprek legt u uw bezwaar uit. Wij nodigen u daarvoor uit.
      - Opnieuw bekijken: Wij bekijken het besluit opnieuw, met wat u ons heeft verteld.
      - Beslissing op bezwaar: Wij hebben beslist over uw bezwaar. U krijgt daarover een brief.

      ## Geldt het besluit nu nog?
      Ja. Het besluit blijft gelden, ook nu u bezwaar heeft gemaakt.

      ## Uw bezwaar volgen
      In Mijn Stad ziet u hoe het met uw bezwaar gaat. U logt in met DigiD. Ga naar https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      ## Heeft u een vraag?
      Bel dan Femke Bos. Het directe nummer is 050 367 1005. Noem dan ons kenmerk Z-2026-000123.

      Met vriendelijke groet,
      Femke Bos
      Afdeling Juridische Zaken
      Gemeente Groningen"
    `)
  })

  it('and in English', () => {
    const letter = only({ ...inTime, language: 'en' })
    expect(letter.templateCode).toBe('objection_acknowledgement')
    const text = letterAsText(letter)
    expect(text).toContain('Objection to: Parking permit: Bewonersvergunning Korreweg')
    expect(text).toContain('Reference of the decision: Z-2026-000100')
    expect(text).toContain('Latest decision date: 26 May 2026')
    expect(text).toContain('This is called a hearing.')
    expect(text).toContain('The decision still applies, even now that you have objected.')
  })

  it('says a late objection came late and that the reason will be weighed, not that it is refused (Awb 6:11)', () => {
    const text = letterAsText(
      only({
        ...inTime,
        objection: objectedDecision(true),
        history: [events.received('2026-04-20')],
        letterDate: '2026-04-20',
      }),
    )
    expect(text).toContain('## Uw bezwaar kwam te laat')
    expect(text).toContain('U kon bezwaar maken tot en met 13 april 2026.')
    // Counted from receipt: 20 April + 6 weeks is Monday 1 June 2026.
    expect(text).toContain('Uiterlijke beslisdatum: 1 juni 2026')
    expect(letterAsText(only(inTime))).not.toContain('te laat')
  })

  it('decides on the objection with the way to the court, not a second objection (Awb 7:1, 8:1, 6:7)', () => {
    const letter = only({
      ...inTime,
      history: [
        ...inTime.history,
        events.decided('2026-05-12', 'refused', {
          reasons: 'De auto staat niet op uw naam',
          citizenOptions: 'Vraag opnieuw aan als de auto op uw naam staat',
        }),
      ],
      letterDate: '2026-05-12',
    })
    expect(letter.templateCode).toBe('objection_decision')
    const text = letterAsText(letter)
    expect(text).toContain('Onze beslissing: uw bezwaar is ongegrond.')
    expect(text).toContain('## Waarom hebben wij zo beslist?\nDe auto staat niet op uw naam.')
    expect(text).toContain('Dan kunt u in beroep gaan bij de rechter. Opnieuw bezwaar maken kan niet.')
    expect(text).toContain(
      'Die tijd begint op 13 mei 2026. Uw beroep moet uiterlijk op 23 juni 2026 bij de rechter zijn.',
    )
    expect(text).toContain('rechtbank Noord-Nederland')
    expect(text).not.toContain('Dan kunt u bezwaar maken')
    expect(text).not.toContain('Kies dan Bezwaar maken')
  })

  it('and in English', () => {
    const text = letterAsText(
      only({
        ...inTime,
        language: 'en',
        history: [...inTime.history, events.decided('2026-05-12', 'granted', { reasons: 'The car is yours' })],
        letterDate: '2026-05-12',
      }),
    )
    expect(text).toContain('Our decision: your objection is upheld.')
    expect(text).toContain('Then you can appeal to the court. You cannot object again.')
    expect(text).not.toContain('Then you can object')
  })

  it('offers no appeal when the citizen withdrew the objection (Awb 6:21)', () => {
    const letter = only({
      ...inTime,
      history: [...inTime.history, events.decided('2026-04-01', 'withdrawn')],
      letterDate: '2026-04-01',
    })
    expect(letter.title).toBe('U heeft uw bezwaar ingetrokken')
    expect(letterAsText(letter)).not.toContain('beroep')
  })

  it('never puts an objection clause under the decision on an objection, even one registered by hand', () => {
    const text = letterAsText(
      only({
        caseTypeCode: 'bezwaar',
        history: [received, events.decided('2026-04-14', 'refused', { reasons: 'X', citizenOptions: 'Y' })],
        letterDate: '2026-04-14',
      }),
    )
    expect(text).toContain('Dan kunt u in beroep gaan bij de rechter.')
    expect(text).not.toContain('Dan kunt u bezwaar maken')
  })
})

describe('terms and formats the letters use', () => {
  it('names the first and the last day to object in the letter: sent Tuesday 14 April 2026, from 15 April to 26 May', () => {
    const text = letterAsText(only(fixtures.refused))
    expect(text).toContain('Die tijd begint op 15 april 2026. Uw bezwaar moet uiterlijk op 26 mei 2026 bij ons zijn.')
    // Sent on Friday 13 November 2026: six weeks end on Christmas Day, so on Monday 28 December.
    const christmas = letterAsText(
      only({
        history: [received, events.decided('2026-11-13', 'granted', { reasons: 'Het past' })],
        letterDate: '2026-11-13',
        language: 'en',
      }),
    )
    expect(christmas).toContain(
      'That time starts on 14 November 2026. Your objection must reach us by 28 December 2026',
    )
  })

  it('gives six weeks to object from the day after the letter, moved past a weekend or holiday (Awb 6:8, Atw art. 1)', () => {
    expect(objectionDeadline('2026-04-14', calendar)).toBe('2026-05-26')
    // 6 weeks after Monday 30 March 2026 is Monday 11 May; after Friday 27 March it is Friday 8 May.
    expect(objectionDeadline('2026-03-27', calendar)).toBe('2026-05-08')
    // 6 weeks after Saturday 25 April 2026 is Saturday 6 June → Monday 8 June.
    expect(objectionDeadline('2026-04-25', calendar)).toBe('2026-06-08')
    // 6 weeks after 13 Nov 2026 is Christmas Day, a Friday: Boxing Day, the weekend → Monday 28 December.
    expect(objectionDeadline('2026-11-13', calendar)).toBe('2026-12-28')
  })

  it('writes dates the way readers expect, in both languages', () => {
    expect(formatLetterDate('2026-03-03', 'nl')).toBe('3 maart 2026')
    expect(formatLetterDate('2026-12-31', 'en')).toBe('31 December 2026')
  })

  it('writes names with their prefix and addresses with letter, addition and a spaced postcode', () => {
    expect(personName({ givenNames: 'Lisa', namePrefix: 'van der', surname: 'Berg' })).toBe('Lisa van der Berg')
    expect(
      addressLines({
        street: 'Korreweg',
        houseNumber: 17,
        houseLetter: null,
        houseNumberAddition: '1',
        postcode: '9715AB',
        city: 'Groningen',
      }),
    ).toEqual(['Korreweg 17-1', '9715 AB Groningen'])
    expect(
      addressLines({
        street: 'Nieuwe Ebbingestraat',
        houseNumber: 23,
        houseLetter: 'A',
        houseNumberAddition: null,
        postcode: '9712NE',
        city: 'Groningen',
      }),
    ).toEqual(['Nieuwe Ebbingestraat 23A', '9712 NE Groningen'])
  })
})

describe('the e-mail notice', () => {
  it('is neutral: no name, no reference, no subject, only a link to the letters', () => {
    const mail = letterNoticeMail('nl', 'https://mijn.groningen.example/mijn/brieven', 'Gemeente Groningen')
    expect(mail.subject).toBe('Er staat een nieuwe brief voor u klaar in Mijn Stad')
    expect(mail.text).toMatchInlineSnapshot(`
      "Er staat een nieuwe brief voor u klaar in Mijn Stad.
      Log in met DigiD om de brief te lezen.

      Naar Mijn brieven: https://mijn.groningen.example/mijn/brieven

      Dit is een automatisch bericht van Gemeente Groningen. U kunt er niet op antwoorden. Wilt u geen e-mail meer over nieuwe brieven? Kies dan in Mijn Stad bij Voorkeuren voor brieven op papier.
      "
    `)
    const en = letterNoticeMail('en', 'https://mijn.groningen.example/mijn/brieven', 'Municipality of Groningen')
    expect(en.subject).toBe('A new letter is waiting for you in Mijn Stad')
    expect(en.html).toContain('<html lang="en">')
    expect(en.html).toContain('href="https://mijn.groningen.example/mijn/brieven"')
  })
})

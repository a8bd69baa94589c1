import {
  acknowledgementIsLate,
  letterAsText,
  lettersForEvent,
  objectionDeadline,
  TEMPLATE_VERSIONS,
  type ComposedLetter,
} from '~/domain/letters'
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
    history: [received, events.decided('2026-04-14', 'refused', 'De dakkapel is hoger dan het omgevingsplan toestaat')],
    letterDate: '2026-04-14',
  },
  correctionRefused: {
    caseTypeCode: 'brp_correctie',
    subject: 'Geboorteplaats',
    persona: 'kees',
    history: [
      received,
      events.decided('2026-03-20', 'refused', 'De akte uit Leeuwarden noemt dezelfde geboorteplaats als de BRP'),
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

describe('the acknowledgement (seed §2.2 "Brieven", DESIGN §4)', () => {
  it('says everything the seed requires, in Dutch', () => {
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
  it('gives the outcome, where to read the decision and, for a refusal, the six weeks to object, in Dutch', () => {
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

      De dakkapel is hoger dan het omgevingsplan toestaat.

      ## Waar leest u het besluit?
      Het hele besluit staat in Mijn Stad bij uw aanvraag. Daar leest u ook waarom wij zo besloten. U logt in met DigiD. Ga naar https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      Wilt u het besluit op papier? Bel ons dan. Wij sturen het u toe.

      ## Bent u het niet eens met het besluit?
      Dan kunt u bezwaar maken. Dat doet u binnen 6 weken na de datum van deze brief. Dat is uiterlijk op 26 mei 2026.

      In het besluit staat hoe u bezwaar maakt.

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

      De dakkapel is hoger dan het omgevingsplan toestaat.

      ## Where can you read the decision?
      The full decision is in Mijn Stad with your application. There you can also read why we decided this way. You log in with DigiD. Go to https://mijn.groningen.example/mijn/zaken/Z-2026-000123

      Would you like the decision on paper? Then call us. We will send it to you.

      ## Do you disagree with the decision?
      Then you can object. You do this within 6 weeks of the date of this letter. That is on 26 May 2026 at the latest.

      The decision explains how to object.

      ## Do you have a question?
      Then call Mirjam Kuipers. The direct number is 050 367 1001. Please give our reference Z-2026-000123.

      Kind regards,
      Mirjam Kuipers
      Vergunningen department
      Municipality of Groningen"
    `)
  })

  it('says yes plainly for a grant, and mentions no objection then', () => {
    const text = letterAsText(
      only({ history: [received, events.decided('2026-04-14', 'granted')], letterDate: '2026-04-14' }),
    )
    expect(text).toContain('Het besluit is: ja. U krijgt wat u heeft gevraagd.')
    expect(text).not.toContain('bezwaar')
  })

  it('mentions objection for a partial grant, and says the treatment stopped for a withdrawal', () => {
    const partly = letterAsText(
      only({ history: [received, events.decided('2026-04-14', 'partly_granted')], letterDate: '2026-04-14' }),
    )
    expect(partly).toContain('Het besluit is: voor een deel ja.')
    expect(partly).toContain('Dan kunt u bezwaar maken.')
    const withdrawn = letterAsText(
      only({ history: [received, events.decided('2026-04-14', 'withdrawn')], letterDate: '2026-04-14' }),
    )
    expect(withdrawn).toContain('U heeft uw aanvraag ingetrokken. Daarom stoppen wij met de behandeling.')
    expect(withdrawn).not.toContain('bezwaar')
  })
})

describe('the decision on a BRP correction (Wet BRP art. 2.58)', () => {
  it('refuses with the reason and says how to object within six weeks, in Dutch', () => {
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

      ## Waarom niet?
      De akte uit Leeuwarden noemt dezelfde geboorteplaats als de BRP.

      U ziet uw gegevens in Mijn Stad. Ga naar https://mijn.groningen.example/mijn/gegevens

      ## Bent u het niet eens met het besluit?
      Dan kunt u bezwaar maken. Dat doet u binnen 6 weken na de datum van deze brief. Dat is uiterlijk op 1 mei 2026.

      Schrijf in uw bezwaar:

      - uw naam en adres
      - de datum
      - ons kenmerk Z-2026-000123
      - waarom u het niet eens bent met het besluit
      - uw handtekening

      Stuur uw bezwaar naar het college van burgemeester en wethouders, Postbus 30026, 9700 RM Groningen.

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

      ## Why not?
      De akte uit Leeuwarden noemt dezelfde geboorteplaats als de BRP.

      You can see your details in Mijn Stad. Go to https://mijn.groningen.example/mijn/gegevens

      ## Do you disagree with the decision?
      Then you can object. You do this within 6 weeks of the date of this letter. That is on 1 May 2026 at the latest.

      Write in your objection:

      - your name and address
      - the date
      - our reference Z-2026-000123
      - why you disagree with the decision
      - your signature

      Send your objection to the Municipal Executive, Postbus 30026, 9700 RM Groningen.

      ## Do you have a question?
      Then call Rianne Mulder. The direct number is 050 367 1003. Please give our reference Z-2026-000123.

      Kind regards,
      Rianne Mulder
      Burgerzaken department
      Municipality of Groningen"
    `)
  })

  it('grants without a word about objecting', () => {
    const text = letterAsText(
      only({ ...fixtures.correctionRefused, history: [received, events.decided('2026-03-20', 'granted')] }),
    )
    expect(text).toContain('Het besluit is: ja. Wij hebben uw gegevens verbeterd.')
    expect(text).not.toContain('bezwaar')
  })

  it('grants in part with the right to object', () => {
    const text = letterAsText(
      only({
        ...fixtures.correctionRefused,
        history: [received, events.decided('2026-03-20', 'partly_granted', 'De spelling van uw voornaam klopt niet')],
      }),
    )
    expect(text).toContain('Het besluit is: voor een deel ja.')
    expect(text).toContain('## Waarom?\nDe spelling van uw voornaam klopt niet.')
    expect(text).toContain('Stuur uw bezwaar naar het college van burgemeester en wethouders')
  })
})

describe('terms and formats the letters use', () => {
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

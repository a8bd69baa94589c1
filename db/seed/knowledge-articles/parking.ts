import type { SeedArticle } from './types'

/** Parking in the paid-parking zones: residents, their visitors, people with a disability. */
export const parkingArticles: SeedArticle[] = [
  {
    slug: 'parkeervergunning-bewoners',
    topic: 'parking',
    synonyms: [
      'parkeervergunning',
      'bewonersvergunning',
      'parkeren bewoner',
      'vergunning parkeren',
      'parkeerkaart',
      'residents parking permit',
      'parking permit',
      'parking',
    ],
    onward: { apply: '/mijn/aanvragen/parkeervergunning', ask: true, appointment: false },
    nl: {
      title: 'Parkeervergunning voor bewoners',
      summary:
        'Woont u in een wijk met betaald parkeren? Dan kunt u een parkeervergunning voor bewoners aanvragen. Daarmee parkeert u in uw eigen wijk.',
      what: 'In veel wijken van Groningen betaalt u voor parkeren. Als bewoner kunt u een vergunning krijgen. Daarmee parkeert u in uw eigen vergunninggebied.\n\nIn sommige wijken is er een wachtlijst. Per adres krijgt u een beperkt aantal vergunningen. De vergunning hoort bij een kenteken.',
      forWhom:
        'Bewoners die staan ingeschreven op een adres in een vergunninggebied. De auto staat op uw naam, of u mag hem gebruiken van uw werkgever of leasemaatschappij.',
      cost: 'Een parkeervergunning voor bewoners kost € 65,90 per jaar. U betaalt als u de aanvraag verstuurt.',
      duration:
        'Wij beslissen zo snel mogelijk, en uiterlijk binnen 8 weken (Awb 4:13). Staat uw wijk op een wachtlijst? Dan duurt het langer.',
      bring: [
        'Uw DigiD',
        'Het kenteken van uw auto',
        'Een verklaring van uw werkgever of leasemaatschappij, als de auto niet op uw naam staat',
      ],
    },
    en: {
      title: 'Residents’ parking permit',
      summary: 'Live in a paid-parking area? You can apply for a residents’ permit to park in your own neighbourhood.',
      what: 'In many parts of Groningen parking is paid. As a resident you can get a permit to park in your own permit zone.\n\nSome neighbourhoods have a waiting list, and there is a limit per address. The permit is linked to a registration number.',
      forWhom:
        'Residents registered at an address in a permit zone, whose car is in their name or provided by their employer or lease company.',
      cost: 'A residents’ parking permit costs €65.90 a year. You pay when you send the application.',
      duration:
        'We decide as soon as we can, and within 8 weeks at the latest (Awb 4:13). If your area has a waiting list, it takes longer.',
      bring: [
        'Your DigiD',
        "Your car's registration number",
        'A statement from your employer or lease company, if the car is not in your name',
      ],
    },
  },
  {
    slug: 'bezoekersparkeren',
    topic: 'parking',
    synonyms: [
      'bezoekersvergunning',
      'bezoekerspas',
      'parkeren bezoek',
      'bezoekersregeling',
      'visitor parking',
      'visitors permit',
      'guest parking',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Parkeren voor uw bezoek',
      summary:
        'Krijgt u bezoek en woont u in een wijk met betaald parkeren? Met de bezoekersregeling parkeert uw bezoek tegen een lager tarief.',
      what: 'Als bewoner van een vergunninggebied kunt u een bezoekersregeling krijgen. U meldt het kenteken van uw bezoek aan via een app of website. Uw bezoek parkeert dan voor een lager tarief.\n\nU stopt de parkeeractie zelf als uw bezoek weggaat. Zo betaalt u niet te veel.',
      forWhom: 'Bewoners die staan ingeschreven op een adres in een vergunninggebied van de gemeente Groningen.',
      cost: 'U betaalt per uur dat uw bezoek parkeert. Kijk voor het actuele tarief op gemeente.groningen.nl.',
      duration: 'Na uw aanvraag kunt u de regeling meestal binnen een paar werkdagen gebruiken.',
      bring: ['Uw DigiD', 'Het kenteken van uw bezoek, als u parkeren aanmeldt'],
    },
    en: {
      title: 'Parking for your visitors',
      summary: 'Expecting visitors in a paid-parking area? With the visitors’ scheme they park at a lower rate.',
      what: "As a resident of a permit zone you can join the visitors' scheme. You register your visitor's registration number in an app or on a website, and they park at a lower rate.\n\nStop the parking session yourself when your visitor leaves, so you do not pay too much.",
      forWhom: 'Residents registered at an address in a permit zone of the municipality of Groningen.',
      cost: 'You pay for each hour your visitor parks. See gemeente.groningen.nl for the current rate.',
      duration: 'After applying, you can usually use the scheme within a few working days.',
      bring: ['Your DigiD', "Your visitor's registration number, when you start a session"],
    },
  },
  {
    slug: 'gehandicaptenparkeerkaart',
    topic: 'parking',
    synonyms: [
      'gpk',
      'invalidenparkeerkaart',
      'gehandicaptenkaart',
      'gehandicaptenparkeerplaats',
      'invalidenparkeerplaats',
      'disabled parking card',
      'blue badge',
      'disabled parking space',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Gehandicaptenparkeerkaart (GPK)',
      summary:
        'Kunt u door een ziekte of handicap niet ver lopen? Vraag dan een gehandicaptenparkeerkaart aan. Daarmee mag u op speciale plekken parkeren.',
      what: 'Met een gehandicaptenparkeerkaart (GPK) mag u parkeren op een algemene gehandicaptenparkeerplaats. De kaart geldt in heel Nederland en in veel andere Europese landen. Er is een kaart voor bestuurders en een voor passagiers.\n\nEen onafhankelijke arts kijkt of u de kaart nodig heeft. Heeft u ook een eigen parkeerplaats bij huis nodig? Vraag dat dan tegelijk aan.',
      forWhom:
        'Inwoners van de gemeente Groningen die langer dan 6 maanden niet meer dan 100 meter kunnen lopen, ook niet met een hulpmiddel. Of die als passagier altijd hulp nodig hebben van de bestuurder.',
      cost: 'Kijk voor de actuele kosten van de kaart en het medisch onderzoek op gemeente.groningen.nl.',
      duration:
        'Wij beslissen binnen 8 weken (Awb 4:13). Het medisch onderzoek hoort daarbij. De kaart is hoogstens 5 jaar geldig.',
      bring: ['Uw DigiD', 'Een recente pasfoto', 'Gegevens over uw ziekte of handicap, zoals een brief van uw arts'],
    },
    en: {
      title: 'Disabled parking card (GPK)',
      summary:
        'Can you not walk far because of an illness or disability? Apply for a disabled parking card to use the special parking spaces.',
      what: 'A disabled parking card (GPK) lets you park in public disabled parking spaces. It is valid throughout the Netherlands and in many other European countries. There is a card for drivers and one for passengers.\n\nAn independent doctor assesses whether you need the card. If you also need a reserved space near your home, apply for both at once.',
      forWhom:
        'Residents of the municipality of Groningen who for more than 6 months cannot walk more than 100 metres even with an aid, or who as a passenger always need the driver’s help.',
      cost: 'See gemeente.groningen.nl for the current cost of the card and the medical assessment.',
      duration:
        'We decide within 8 weeks (Awb 4:13), including the medical assessment. The card is valid for at most 5 years.',
      bring: [
        'Your DigiD',
        'A recent passport photo',
        'Information about your illness or disability, such as a letter from your doctor',
      ],
    },
  },
]

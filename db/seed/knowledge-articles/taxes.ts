import type { SeedArticle } from './types'

/** Municipal taxes: the yearly assessment, the WOZ value, remission when you cannot pay. */
export const taxesArticles: SeedArticle[] = [
  {
    slug: 'kwijtschelding-gemeentelijke-belastingen',
    topic: 'taxes',
    synonyms: [
      'kwijtschelding',
      'kwijtschelding aanvragen',
      'belasting niet betalen',
      'gemeentelijke belastingen',
      'afvalstoffenheffing kwijtschelding',
      'remission',
      'tax relief',
      'cannot pay tax',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Kwijtschelding van gemeentelijke belastingen',
      summary:
        'Heeft u een laag inkomen en weinig spaargeld? Dan hoeft u sommige gemeentelijke belastingen misschien niet te betalen. Vraag kwijtschelding aan.',
      what: 'Kwijtschelding betekent dat u een belasting niet hoeft te betalen. Meestal gaat het om de afvalstoffenheffing en de rioolheffing. Kijk op gemeente.groningen.nl voor welke belastingen het kan.\n\nHeeft u vorig jaar kwijtschelding gekregen? Dan kijken wij soms zelf of u het weer krijgt. U krijgt daar bericht over.',
      forWhom:
        'Inwoners van de gemeente Groningen met een inkomen rond het bijstandsniveau en weinig spaargeld of bezit. Ondernemers kunnen geen kwijtschelding krijgen voor hun bedrijf.',
      cost: 'Aanvragen is gratis.',
      duration:
        'Vraag kwijtschelding zo snel mogelijk aan nadat u de aanslag heeft gekregen. Op de aanslag staat tot wanneer dat kan. Zolang wij beslissen, hoeft u dat deel nog niet te betalen.',
      bring: [
        'Uw DigiD',
        'Het aanslagbiljet',
        'Bewijs van uw inkomen',
        'Bankafschriften van de laatste 3 maanden',
        'Uw huurcontract of hypotheekgegevens',
      ],
    },
    en: {
      title: 'Remission of municipal taxes',
      summary:
        'On a low income with little savings? You may not have to pay some municipal taxes. Apply for remission.',
      what: 'Remission (kwijtschelding) means you are let off paying a tax. It usually concerns the waste charge and the sewerage charge; gemeente.groningen.nl lists which taxes qualify.\n\nIf you were granted remission last year, we sometimes check ourselves whether you qualify again, and let you know.',
      forWhom:
        'Residents of the municipality of Groningen with an income around the social assistance level and few savings or assets. Businesses cannot get remission.',
      cost: 'Applying is free.',
      duration:
        'Apply as soon as you can after receiving the assessment; it says by when. While we decide, you need not pay that part yet.',
      bring: [
        'Your DigiD',
        'The tax assessment',
        'Proof of your income',
        'Bank statements for the last 3 months',
        'Your rental contract or mortgage details',
      ],
    },
  },
  {
    slug: 'woz-waarde-en-bezwaar',
    topic: 'taxes',
    synonyms: [
      'woz',
      'woz-waarde',
      'woz waarde',
      'woz beschikking',
      'bezwaar woz',
      'waarde woning',
      'taxatieverslag',
      'ozb',
      'property value',
      'woz value',
      'object to woz',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'WOZ-waarde: bekijken en bezwaar maken',
      summary:
        'Elk jaar bepaalt de gemeente de WOZ-waarde van uw woning. Vindt u die te hoog of te laag? Maak dan binnen 6 weken bezwaar. Dat is gratis.',
      what: 'De WOZ-waarde is de waarde van uw woning volgens de gemeente. Het is de waarde op 1 januari van het vorige jaar. Wij gebruiken die voor de onroerendezaakbelasting (OZB). De Belastingdienst en het waterschap gebruiken hem ook.\n\nU krijgt de WOZ-waarde elk jaar samen met uw aanslag. In het taxatieverslag ziet u hoe wij tot de waarde komen. Klopt er iets niet? Bel ons eerst. Vaak lossen wij het zo op.',
      forWhom: 'Eigenaren en huurders van een woning in de gemeente Groningen. Ook huurders mogen bezwaar maken.',
      cost: 'Bezwaar maken is gratis. Let op bureaus die ‘no cure no pay’ aanbieden: u kunt het ook zelf doen.',
      duration:
        'Maak bezwaar binnen 6 weken na de datum van de beschikking (Awb 6:7). Bij belastingen mag de gemeente er langer over doen dan bij andere besluiten. U hoort van ons wanneer u de uitspraak krijgt.',
      bring: [
        'Uw DigiD',
        'De WOZ-beschikking of het aanslagbiljet',
        'Waarom u de waarde niet juist vindt, bijvoorbeeld verkoopprijzen van vergelijkbare huizen',
      ],
    },
    en: {
      title: 'WOZ value: checking it and objecting',
      summary:
        'Every year the municipality sets the WOZ value of your home. Think it is wrong? Object within 6 weeks, free of charge.',
      what: "The WOZ value is the municipality's valuation of your home, as at 1 January of the previous year. We use it for property tax (OZB); the Tax Administration and the water board use it too.\n\nYou receive the WOZ value each year with your tax assessment. The valuation report shows how we arrived at it. If something is wrong, call us first: it can often be sorted out quickly.",
      forWhom: 'Owners and tenants of a home in the municipality of Groningen; tenants may object too.',
      cost: "Objecting is free. Be wary of 'no cure, no pay' agencies: you can do it yourself.",
      duration:
        'Object within 6 weeks of the date of the decision (Awb 6:7). For taxes the law gives the municipality more time than for other decisions; we tell you when to expect our ruling.',
      bring: [
        'Your DigiD',
        'The WOZ decision or the tax assessment',
        'Why you think the value is wrong, for example the sale prices of similar homes',
      ],
    },
  },
  {
    slug: 'afvalstoffenheffing-en-rioolheffing',
    topic: 'taxes',
    synonyms: [
      'afvalstoffenheffing',
      'rioolheffing',
      'gemeentelijke belastingen',
      'aanslag',
      'aanslagbiljet',
      'belastingaanslag',
      'betalingsregeling',
      'automatische incasso',
      'waste charge',
      'sewerage charge',
      'municipal tax',
      'tax bill',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Gemeentelijke belastingen: afvalstoffenheffing en rioolheffing',
      summary:
        'Elk jaar krijgt u een aanslag voor de gemeentelijke belastingen, zoals afvalstoffenheffing en rioolheffing. U kunt in termijnen betalen.',
      what: 'Met de gemeentelijke belastingen betalen wij onder meer het ophalen van afval en het onderhoud van het riool. Begin van het jaar krijgt u één aanslag met alle bedragen. Bent u eigenaar van een woning? Dan staat ook de onroerendezaakbelasting (OZB) op de aanslag.\n\nBetaalt u met automatische incasso? Dan betaalt u in termijnen. Dat is makkelijk en u vergeet niets.',
      forWhom:
        'Huishoudens en eigenaren in de gemeente Groningen. De afvalstoffenheffing hangt af van het aantal mensen in uw huishouden.',
      cost: 'Kijk voor de actuele tarieven op gemeente.groningen.nl. Heeft u een laag inkomen? Dan kunt u kwijtschelding aanvragen.',
      duration:
        'De betaaltermijn staat op uw aanslag. Bent u het niet eens met de aanslag? Maak dan binnen 6 weken bezwaar (Awb 6:7).',
      bring: ['Uw DigiD', 'Het aanslagbiljet', 'Uw rekeningnummer, als u automatische incasso wilt'],
    },
    en: {
      title: 'Municipal taxes: waste charge and sewerage charge',
      summary:
        'Every year you receive an assessment for municipal taxes such as the waste and sewerage charges. You can pay in instalments.',
      what: 'Municipal taxes pay for, among other things, waste collection and maintaining the sewers. Early in the year you receive one assessment listing every amount. Homeowners also find the property tax (OZB) on it.\n\nPaying by direct debit spreads the amount over instalments: easy, and nothing is forgotten.',
      forWhom:
        'Households and property owners in the municipality of Groningen. The waste charge depends on the number of people in your household.',
      cost: 'See gemeente.groningen.nl for the current rates. On a low income you can apply for remission.',
      duration: 'The payment term is on your assessment. If you disagree with it, object within 6 weeks (Awb 6:7).',
      bring: ['Your DigiD', 'The tax assessment', 'Your bank account number, if you want to pay by direct debit'],
    },
  },
]

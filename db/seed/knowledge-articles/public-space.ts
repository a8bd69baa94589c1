import type { SeedArticle } from './types'

/** Streets, green and lighting: reporting what is broken, dirty or unsafe, and nuisance. */
export const publicSpaceArticles: SeedArticle[] = [
  {
    slug: 'melding-openbare-ruimte',
    topic: 'publicSpace',
    synonyms: [
      'melding',
      'melding openbare ruimte',
      'stoeptegel',
      'losse stoeptegel',
      'lantaarnpaal',
      'straatlantaarn',
      'straatverlichting',
      'kapotte lamp',
      'gat in de weg',
      'zwerfafval',
      'zwerfvuil',
      'dumping',
      'graffiti',
      'kuil',
      'loose paving stone',
      'street light',
      'pothole',
      'litter',
      'report a problem',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Melding openbare ruimte: losse stoeptegel, kapotte lantaarnpaal',
      summary:
        'Ziet u een losse stoeptegel, een kapotte lantaarnpaal of afval op straat? Meld het bij de gemeente. Online, in de app of via 14 050.',
      what: 'De gemeente zorgt voor straten, stoepen, groen, speeltuinen en verlichting. Ziet u iets dat kapot, vies of onveilig is? Laat het ons weten. Zet er een foto en de plek bij. Dan vinden wij het snel.\n\nIs het gevaarlijk? Bijvoorbeeld een omgevallen boom op de weg of een open put? Bel dan meteen 14 050.',
      forWhom: 'Iedereen die iets ziet in de openbare ruimte van de gemeente Groningen. U hoeft hier niet te wonen.',
      cost: 'Gratis.',
      duration:
        'Een gevaarlijke situatie pakken wij zo snel mogelijk aan, ook buiten kantoortijd. Bij andere meldingen laten wij u weten wat wij doen en wanneer.',
      bring: ['De plek: adres of een punt op de kaart', 'Een foto, als u die kunt maken'],
    },
    en: {
      title: 'Reporting a problem in a public space: loose paving, broken street light',
      summary:
        'Spotted a loose paving stone, a broken street light or litter? Report it to the municipality: online, in the app or by calling 14 050.',
      what: 'The municipality looks after streets, pavements, green spaces, playgrounds and lighting. If something is broken, dirty or unsafe, let us know, with a photo and the location so we can find it quickly.\n\nIs it dangerous, such as a fallen tree across the road or an open manhole? Call 14 050 straight away.',
      forWhom:
        'Anyone who notices something in a public space in the municipality of Groningen; you do not need to live here.',
      cost: 'Free.',
      duration:
        'Dangerous situations are dealt with as soon as possible, also outside office hours. For other reports we let you know what we will do and when.',
      bring: ['The location: an address or a point on the map', 'A photo, if you can take one'],
    },
  },
  {
    slug: 'overlast-melden',
    topic: 'publicSpace',
    synonyms: [
      'overlast',
      'geluidsoverlast',
      'burenruzie',
      'buurtbemiddeling',
      'hangjongeren',
      'stank',
      'nuisance',
      'noise complaint',
      'neighbour dispute',
      'antisocial behaviour',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Overlast melden',
      summary:
        'Heeft u last van lawaai, stank of vervelend gedrag in uw buurt? Wat u kunt doen, hangt af van de soort overlast. Wij wijzen u de weg.',
      what: 'Heeft u ruzie of last van uw buren? Praat er eerst samen over. Lukt dat niet? Dan kan buurtbemiddeling helpen. Vrijwilligers helpen u en uw buren om samen een oplossing te vinden.\n\nOverlast van een bedrijf, café of evenement meldt u bij de gemeente. Is er gevaar of een misdrijf? Bel dan de politie: 112 bij spoed, anders 0900-8844.',
      forWhom: 'Inwoners van de gemeente Groningen die overlast hebben in hun woonomgeving.',
      cost: 'Melden en buurtbemiddeling zijn gratis.',
      duration:
        'Wij laten u weten wat wij met uw melding doen. Buurtbemiddeling neemt meestal binnen een paar weken contact met u op.',
      bring: ['Wat er gebeurt, waar en wanneer', 'Eventueel een logboek met data en tijden'],
    },
    en: {
      title: 'Reporting nuisance',
      summary:
        'Bothered by noise, smells or antisocial behaviour in your neighbourhood? What you can do depends on the kind of nuisance; we show you the way.',
      what: 'Trouble with your neighbours? Try talking it through first. If that does not work, neighbourhood mediation can help: volunteers help you and your neighbours find a solution together.\n\nNuisance from a business, café or event is reported to the municipality. If there is danger or a crime, call the police: 112 in an emergency, otherwise 0900-8844.',
      forWhom: 'Residents of the municipality of Groningen troubled by nuisance where they live.',
      cost: 'Reporting and mediation are free.',
      duration:
        'We let you know what we do with your report. Neighbourhood mediation usually contacts you within a few weeks.',
      bring: ['What happens, where and when', 'A log of dates and times, if you keep one'],
    },
  },
]

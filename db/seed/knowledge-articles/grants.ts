import type { SeedArticle } from './types'

/** Subsidies: for clubs and activities, and for making a home more sustainable. */
export const grantsArticles: SeedArticle[] = [
  {
    slug: 'subsidie-vereniging-of-activiteit',
    topic: 'grants',
    synonyms: [
      'subsidie',
      'subsidie aanvragen',
      'subsidie vereniging',
      'subsidie evenement',
      'buurtactiviteit',
      'bewonersinitiatief',
      'wijkbudget',
      'grant',
      'subsidy',
      'funding',
      'community project',
    ],
    onward: { apply: '/mijn/aanvragen/subsidie', ask: true, appointment: false },
    nl: {
      title: 'Subsidie voor een vereniging, evenement of buurtactiviteit',
      summary:
        'Organiseert u iets voor de stad of uw buurt? Misschien kunt u subsidie krijgen. Vraag die aan vóórdat uw activiteit begint.',
      what: 'De gemeente geeft subsidie aan verenigingen, stichtingen en bewoners. Bijvoorbeeld voor een buurtfeest, een sportclub, cultuur of een evenement. Elke regeling heeft eigen voorwaarden en een eigen uiterste datum.\n\nVoor een klein bewonersinitiatief is er een eenvoudige aanvraag. U vraagt daarvoor hoogstens € 5.000 aan. Het wijkteam helpt u op weg.',
      forWhom:
        'Verenigingen, stichtingen en groepen bewoners met een activiteit in de gemeente Groningen. Commerciële activiteiten krijgen meestal geen subsidie.',
      cost: 'Aanvragen is gratis. Na afloop laat u soms zien waaraan u het geld heeft besteed.',
      duration:
        'Vraag de subsidie op tijd aan. Kijk voor de uiterste datum per regeling op gemeente.groningen.nl. Wij beslissen binnen 8 weken (Awb 4:13), tenzij de regeling een andere termijn noemt.',
      bring: [
        'Uw DigiD of eHerkenning',
        'Een beschrijving van de activiteit',
        'Een begroting: wat het kost en hoe u het betaalt',
        'Het rekeningnummer van uw vereniging of stichting',
      ],
    },
    en: {
      title: 'Grants for a club, event or neighbourhood activity',
      summary:
        'Organising something for the city or your neighbourhood? You may be eligible for a grant. Apply before your activity starts.',
      what: 'The municipality gives grants to associations, foundations and residents: for a street party, a sports club, culture or an event, for example. Each scheme has its own conditions and deadline.\n\nA small residents’ initiative has a simple application, for at most €5,000, and the neighbourhood team can help you get started.',
      forWhom:
        'Associations, foundations and groups of residents with an activity in the municipality of Groningen. Commercial activities usually do not qualify.',
      cost: 'Applying is free. Afterwards you sometimes show what you spent the money on.',
      duration:
        'Apply in good time; see gemeente.groningen.nl for the deadline of each scheme. We decide within 8 weeks (Awb 4:13), unless the scheme sets another term.',
      bring: [
        'Your DigiD or eHerkenning',
        'A description of the activity',
        'A budget: what it costs and how you will pay for it',
        "Your association's or foundation's bank account number",
      ],
    },
  },
  {
    slug: 'subsidie-duurzaamheid-en-isolatie',
    topic: 'grants',
    synonyms: [
      'isolatie',
      'isoleren',
      'subsidie isolatie',
      'duurzaamheid',
      'zonnepanelen',
      'warmtepomp',
      'energie besparen',
      'isde',
      'energielening',
      'insulation',
      'sustainability grant',
      'heat pump',
      'solar panels',
      'energy saving',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Subsidie voor isolatie en duurzaamheid',
      summary:
        'Wilt u uw huis isoleren of een warmtepomp nemen? Er zijn landelijke subsidies en soms regelingen van de gemeente. Wij helpen u op weg.',
      what: 'Een goed geïsoleerd huis is comfortabeler en u bespaart op uw energierekening. Voor isolatie en een warmtepomp is er landelijke subsidie: de ISDE. Die vraagt u aan bij de Rijksdienst voor Ondernemend Nederland (RVO). Voor een lening kunt u bij het Nationaal Warmtefonds terecht.\n\nDe gemeente heeft soms eigen regelingen of gratis energieadvies. Kijk op gemeente.groningen.nl welke er nu zijn.',
      forWhom:
        'Eigenaren van een woning in de gemeente Groningen. Huurt u? Vraag dan uw verhuurder of hij wil isoleren. Voor huurders is er soms hulp bij kleine energiebesparende maatregelen.',
      cost: 'Aanvragen en advies zijn gratis.',
      duration:
        'De termijnen van de ISDE staan op rvo.nl. Vaak vraagt u die subsidie aan nadat het werk klaar is. Voor een regeling van de gemeente beslissen wij binnen 8 weken (Awb 4:13).',
      bring: ['Uw DigiD', 'De offerte of factuur van het werk', 'Gegevens van het product, zoals de isolatiewaarde'],
    },
    en: {
      title: 'Grants for insulation and sustainability',
      summary:
        'Want to insulate your home or install a heat pump? There are national grants and sometimes municipal schemes. We can help you find your way.',
      what: 'A well-insulated home is more comfortable and lowers your energy bill. For insulation and heat pumps there is a national grant, the ISDE, which you apply for at the Netherlands Enterprise Agency (RVO). For a loan, see the National Heat Fund (Nationaal Warmtefonds).\n\nThe municipality sometimes has its own schemes or free energy advice; gemeente.groningen.nl lists what is available now.',
      forWhom:
        'Home owners in the municipality of Groningen. Tenants can ask their landlord to insulate; there is sometimes help for small energy-saving measures too.',
      cost: 'Applying and advice are free.',
      duration:
        'The ISDE terms are on rvo.nl; you often apply after the work is done. For a municipal scheme we decide within 8 weeks (Awb 4:13).',
      bring: ['Your DigiD', 'The quote or invoice for the work', 'Product details, such as the insulation value'],
    },
  },
]

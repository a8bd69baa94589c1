import type { SeedArticle } from './types'

/** Permits and services for entrepreneurs and organisers: events, terraces, alcohol, markets, starting up. */
export const businessArticles: SeedArticle[] = [
  {
    slug: 'evenementenvergunning',
    topic: 'business',
    synonyms: [
      'evenement',
      'evenementenvergunning',
      'vergunning evenement',
      'festival',
      'straatfeest',
      'buurtfeest',
      'markt organiseren',
      'event permit',
      'street party',
      'festival permit',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Evenementenvergunning aanvragen',
      summary:
        'Organiseert u een festival, straatfeest of ander evenement? Dan heeft u vaak een vergunning nodig. Voor een klein evenement is een melding soms genoeg.',
      what: 'Voor een evenement op straat of in een park heeft u meestal een vergunning nodig. Wij kijken naar veiligheid, geluid, verkeer en afval. Bij een groot evenement overleggen wij ook met de politie, brandweer en ambulancedienst.\n\nEen klein buurtfeest kunt u soms alleen melden. De regels staan in de Algemene plaatselijke verordening (APV) van de gemeente.',
      forWhom: 'Organisatoren van een evenement in de gemeente Groningen: bewoners, verenigingen en bedrijven.',
      cost: 'Een melding is gratis. Voor een vergunning betaalt u leges. Kijk voor de actuele tarieven op gemeente.groningen.nl.',
      duration:
        'Vraag de vergunning ruim op tijd aan. Kijk op gemeente.groningen.nl hoeveel weken van tevoren dat moet. Voor een groot evenement is dat eerder dan voor een klein.',
      bring: [
        'Uw DigiD of eHerkenning',
        'Een plattegrond van het terrein',
        'Een draaiboek met datum, tijden en het verwachte aantal bezoekers',
        'Een veiligheidsplan, bij een groot evenement',
      ],
    },
    en: {
      title: 'Apply for an event permit',
      summary:
        'Organising a festival, street party or other event? You often need a permit; for a small event a notification is sometimes enough.',
      what: 'An event in a street or park usually needs a permit. We look at safety, noise, traffic and waste, and for a large event we also consult the police, fire brigade and ambulance service.\n\nA small street party can sometimes simply be notified. The rules are in the municipal bye-laws (APV).',
      forWhom: 'Organisers of an event in the municipality of Groningen: residents, associations and businesses.',
      cost: 'A notification is free. A permit costs a fee; see gemeente.groningen.nl for the current rates.',
      duration:
        'Apply well in advance; gemeente.groningen.nl says how many weeks ahead. Large events must apply earlier than small ones.',
      bring: [
        'Your DigiD or eHerkenning',
        'A map of the site',
        'A schedule with the date, times and expected number of visitors',
        'A safety plan, for a large event',
      ],
    },
  },
  {
    slug: 'terrasvergunning',
    topic: 'business',
    synonyms: [
      'terras',
      'terrasvergunning',
      'terras vergroten',
      'stoep terras',
      'uitstalling',
      'reclamebord',
      'terrace permit',
      'outdoor seating',
      'pavement cafe',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Terrasvergunning aanvragen',
      summary:
        'Wilt u als horecaondernemer een terras op de stoep of het plein? Vraag dan een terrasvergunning aan bij de gemeente.',
      what: 'Met een terrasvergunning mag u tafels en stoelen buiten zetten. In de vergunning staat hoe groot het terras mag zijn en tot hoe laat het open mag. Er moet genoeg ruimte blijven voor voetgangers, rolstoelen en hulpdiensten.\n\nVoor een bord of uitstalling op de stoep gelden ook regels. Vraag ons wat er mag.',
      forWhom: 'Horecaondernemers met een zaak in de gemeente Groningen.',
      cost: 'U betaalt leges voor de vergunning. Soms betaalt u ook precario of huur voor de grond. Kijk voor de actuele tarieven op gemeente.groningen.nl.',
      duration: 'Wij beslissen binnen 8 weken (Awb 4:13). Vraag de vergunning dus ruim vóór het terrasseizoen aan.',
      bring: ['Uw eHerkenning of DigiD', 'Een tekening van het terras met de maten', 'Uw inschrijving bij de KvK'],
    },
    en: {
      title: 'Apply for a terrace permit',
      summary:
        'Want a terrace on the pavement or square for your café or restaurant? Apply for a terrace permit from the municipality.',
      what: 'A terrace permit lets you put tables and chairs outside. It sets how large the terrace may be and how late it may stay open. Enough room must remain for pedestrians, wheelchairs and emergency services.\n\nSigns and displays on the pavement have rules too; ask us what is allowed.',
      forWhom: 'Hospitality businesses with premises in the municipality of Groningen.',
      cost: 'You pay a fee for the permit, and sometimes a charge or rent for the public space. See gemeente.groningen.nl for the current rates.',
      duration: 'We decide within 8 weeks (Awb 4:13), so apply well before the terrace season.',
      bring: [
        'Your eHerkenning or DigiD',
        'A drawing of the terrace with its dimensions',
        'Your Chamber of Commerce (KvK) registration',
      ],
    },
  },
  {
    slug: 'bedrijf-starten-kvk',
    topic: 'business',
    synonyms: [
      'kvk',
      'kamer van koophandel',
      'bedrijf starten',
      'eigen bedrijf',
      'zzp',
      'zzp-er',
      'ondernemer worden',
      'inschrijven kvk',
      'start a business',
      'chamber of commerce',
      'self-employed',
      'freelancer',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Een bedrijf starten: inschrijven bij de KvK',
      summary:
        'Start u een bedrijf? Schrijf het in bij de Kamer van Koophandel (KvK), niet bij de gemeente. Bij de gemeente regelt u daarna wel vergunningen.',
      what: 'Iedere ondernemer schrijft zijn bedrijf in bij de KvK. Daarna krijgt u een KvK-nummer. De KvK geeft uw gegevens door aan de Belastingdienst. Die stuurt u een btw-nummer.\n\nDe gemeente helpt met wat daarna komt. Bijvoorbeeld een vergunning, een bedrijfspand of hulp als u start vanuit een uitkering.',
      forWhom: 'Iedereen die in de gemeente Groningen een bedrijf begint, ook als zzp’er.',
      cost: 'De KvK rekent een bedrag voor de inschrijving. Kijk voor het actuele tarief op kvk.nl.',
      duration: 'U maakt online een afspraak bij de KvK. Na de afspraak staat uw bedrijf meestal direct ingeschreven.',
      bring: [
        'Een geldig paspoort of ID-kaart',
        'Het adres van uw bedrijf',
        'Toestemming van de eigenaar of verhuurder, als u vanuit huis werkt en huurt',
      ],
    },
    en: {
      title: 'Starting a business: registering with the KvK',
      summary:
        'Starting a business? Register it with the Chamber of Commerce (KvK), not the municipality. Permits, however, you arrange with us.',
      what: 'Every entrepreneur registers with the KvK and receives a KvK number. The KvK passes your details to the Tax Administration, which sends you a VAT number.\n\nThe municipality helps with what follows: a permit, business premises, or support if you start from a benefit.',
      forWhom: 'Anyone starting a business in the municipality of Groningen, including the self-employed.',
      cost: 'The KvK charges a registration fee; see kvk.nl for the current amount.',
      duration:
        'You book an appointment with the KvK online; your business is usually registered at the appointment itself.',
      bring: [
        'A valid passport or ID card',
        'Your business address',
        'Permission from the owner or landlord, if you work from a rented home',
      ],
    },
  },
  {
    slug: 'alcoholvergunning-horeca',
    topic: 'business',
    synonyms: [
      'drank- en horecavergunning',
      'drank en horecavergunning',
      'alcoholvergunning',
      'alcoholwet',
      'horecavergunning',
      'exploitatievergunning',
      'café beginnen',
      'restaurant openen',
      'liquor licence',
      'alcohol licence',
      'hospitality licence',
      'bar',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Alcoholvergunning en horecavergunning',
      summary:
        'Schenkt u alcohol in uw café, restaurant of kantine? Dan heeft u een alcoholvergunning nodig. Vaak ook een exploitatievergunning.',
      what: 'De alcoholvergunning heette vroeger drank- en horecavergunning. De regels staan in de Alcoholwet. Wij kijken naar het pand en naar de leidinggevenden. Zij moeten bijvoorbeeld een Verklaring Sociale Hygiëne hebben.\n\nMet een exploitatievergunning mag u een horecazaak runnen. Wij doen daarvoor ook een Bibob-toets. Die controleert of er geen misdaad achter uw bedrijf zit.',
      forWhom:
        'Ondernemers en verenigingen in de gemeente Groningen die horeca beginnen, overnemen of alcohol willen schenken. Een nieuwe leidinggevende meldt u ook bij ons.',
      cost: 'U betaalt leges. Kijk voor de actuele tarieven op gemeente.groningen.nl.',
      duration:
        'Wij beslissen binnen 8 weken (Awb 4:13). Vragen wij advies aan het Landelijk Bureau Bibob? Dan kan het langer duren (Wet Bibob). U hoort dat dan van ons.',
      bring: [
        'Uw eHerkenning',
        'Uw inschrijving bij de KvK',
        'De Verklaringen Sociale Hygiëne van de leidinggevenden',
        'Een plattegrond van het pand',
        'Het huurcontract of de koopakte van het pand',
      ],
    },
    en: {
      title: 'Alcohol licence and hospitality permit',
      summary:
        'Serving alcohol in your café, restaurant or club canteen? You need an alcohol licence, and often an operating permit too.',
      what: 'The alcohol licence used to be called the drink and catering licence (drank- en horecavergunning); the rules are in the Alcohol Act. We look at the premises and at the managers, who need a Social Hygiene certificate, among other things.\n\nAn operating permit (exploitatievergunning) allows you to run a hospitality business. For it we also carry out a Bibob integrity check to make sure no crime lies behind the business.',
      forWhom:
        'Entrepreneurs and associations in the municipality of Groningen starting or taking over a hospitality business, or wanting to serve alcohol. A new manager must also be reported to us.',
      cost: 'You pay a fee; see gemeente.groningen.nl for the current rates.',
      duration:
        'We decide within 8 weeks (Awb 4:13). If we ask the national Bibob office for advice, it can take longer (Bibob Act); we will tell you if so.',
      bring: [
        'Your eHerkenning',
        'Your Chamber of Commerce (KvK) registration',
        "The managers' Social Hygiene certificates",
        'A floor plan of the premises',
        'The lease or deed of purchase of the premises',
      ],
    },
  },
  {
    slug: 'marktstandplaats',
    topic: 'business',
    synonyms: [
      'markt',
      'marktkraam',
      'standplaats',
      'marktvergunning',
      'weekmarkt',
      'vismarkt',
      'vaste standplaats',
      'market stall',
      'market pitch',
      'street trading',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Standplaats op de markt of straat',
      summary:
        'Wilt u op de markt staan of met een kraam op straat verkopen? Dan heeft u een standplaatsvergunning nodig van de gemeente.',
      what: 'Groningen heeft weekmarkten in de stad en in de dorpen. U kunt een vaste plek krijgen of als dagplaatser komen. Voor vaste plekken is vaak een wachtlijst.\n\nWilt u buiten de markt met een kraam of foodtruck staan? Dan vraagt u een standplaatsvergunning aan. De regels staan in de APV en de marktverordening.',
      forWhom: 'Ondernemers die in de gemeente Groningen op de markt of op straat willen verkopen.',
      cost: 'U betaalt marktgeld of leges. Kijk voor de actuele tarieven op gemeente.groningen.nl.',
      duration:
        'Wij beslissen over een standplaatsvergunning binnen 8 weken (Awb 4:13). Staat u op de wachtlijst? Dan hoort u van ons als er een plek vrijkomt.',
      bring: [
        'Uw eHerkenning of DigiD',
        'Uw inschrijving bij de KvK',
        'Wat u wilt verkopen',
        'Een foto of tekening van uw kraam of wagen',
      ],
    },
    en: {
      title: 'A pitch at the market or in the street',
      summary:
        'Want to sell at the market or from a stall in the street? You need a pitch permit from the municipality.',
      what: 'Groningen has weekly markets in the city and the villages. You can get a permanent pitch or come as a day trader; permanent pitches often have a waiting list.\n\nTo trade outside the market with a stall or food truck, you apply for a pitch permit. The rules are in the APV and the market bye-laws.',
      forWhom: 'Traders who want to sell at a market or in the street in the municipality of Groningen.',
      cost: 'You pay market fees or a permit fee; see gemeente.groningen.nl for the current rates.',
      duration:
        'We decide on a pitch permit within 8 weeks (Awb 4:13). If you are on the waiting list, we contact you when a pitch becomes free.',
      bring: [
        'Your eHerkenning or DigiD',
        'Your Chamber of Commerce (KvK) registration',
        'What you want to sell',
        'A photo or drawing of your stall or vehicle',
      ],
    },
  },
]

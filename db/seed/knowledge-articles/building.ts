import type { SeedArticle } from './types'

/** Building and the living environment under the Omgevingswet: permits, permit-free work, monuments, trees. */
export const buildingArticles: SeedArticle[] = [
  {
    slug: 'omgevingsvergunning-aanvragen',
    topic: 'building',
    synonyms: [
      'omgevingsvergunning',
      'bouwvergunning',
      'vergunning bouwen',
      'verbouwen',
      'aanbouw',
      'uitbouw',
      'omgevingsloket',
      'omgevingswet',
      'building permit',
      'planning permission',
      'renovation permit',
      'extension',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Omgevingsvergunning aanvragen (bouwen en verbouwen)',
      summary:
        'Gaat u bouwen of verbouwen? Kijk eerst in het Omgevingsloket of u een vergunning nodig heeft. U vraagt de vergunning daar ook aan.',
      what: 'Voor veel bouwplannen heeft u een omgevingsvergunning nodig. Bijvoorbeeld voor een aanbouw, een nieuw huis of het splitsen van een woning. De regels staan in de Omgevingswet en in het omgevingsplan van de gemeente.\n\nDoe eerst de vergunningcheck in het Omgevingsloket. Twijfelt u? Vraag dan vooroverleg aan. Dan bespreken wij uw plan voordat u alles uitwerkt.',
      forWhom:
        'Iedereen die in de gemeente Groningen wil bouwen, verbouwen of slopen. Het maakt niet uit of u eigenaar, huurder of bedrijf bent. Huurt u? Vraag dan ook toestemming aan de eigenaar.',
      cost: 'Voor een vergunning betaalt u leges. Het bedrag hangt af van de bouwkosten. Kijk voor de actuele tarieven op gemeente.groningen.nl.',
      duration:
        'Wij beslissen binnen 8 weken na uw aanvraag. Die termijn mogen wij één keer met 6 weken verlengen (Omgevingswet). Voor grote of ingewikkelde plannen geldt soms een langere procedure.',
      bring: [
        'Uw DigiD of eHerkenning',
        'Tekeningen van de huidige en de nieuwe situatie',
        'Een foto van de plek',
        'De adviezen of rapporten die de vergunningcheck vraagt',
      ],
    },
    en: {
      title: 'Apply for an environment and planning permit (building and renovating)',
      summary:
        'Planning to build or renovate? First check in the Omgevingsloket whether you need a permit; you apply there too.',
      what: 'Many building plans need an environment and planning permit (omgevingsvergunning): an extension, a new house, or dividing a home, for example. The rules are in the Environment and Planning Act (Omgevingswet) and the municipal environment plan.\n\nStart with the permit check in the Omgevingsloket. If in doubt, ask for a preliminary consultation, so we can discuss your plan before you work it all out.',
      forWhom:
        'Anyone who wants to build, renovate or demolish in the municipality of Groningen, whether owner, tenant or business. Tenants also need the owner’s permission.',
      cost: 'You pay a fee (leges) based on the building costs. See gemeente.groningen.nl for the current rates.',
      duration:
        'We decide within 8 weeks of your application, a term we may extend once by 6 weeks (Omgevingswet). Large or complex plans sometimes follow a longer procedure.',
      bring: [
        'Your DigiD or eHerkenning',
        'Drawings of the current and the new situation',
        'A photo of the site',
        'The advice or reports the permit check asks for',
      ],
    },
  },
  {
    slug: 'vergunningvrij-bouwen',
    topic: 'building',
    synonyms: [
      'vergunningvrij',
      'zonder vergunning bouwen',
      'dakkapel',
      'schuur',
      'tuinhuis',
      'overkapping',
      'schutting',
      'erfafscheiding',
      'vergunningcheck',
      'dormer',
      'garden shed',
      'fence',
      'no permit needed',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Dakkapel, schuur of schutting: heeft u een vergunning nodig?',
      summary:
        'Een schuur, schutting of dakkapel mag u soms bouwen zonder vergunning. Dat hangt af van de plek en de maat. Doe de vergunningcheck in het Omgevingsloket.',
      what: 'Sommige kleine bouwwerken zijn vergunningvrij. Vaak geldt dat aan de achterkant van uw huis, als het bouwwerk niet te groot is. Aan de voorkant of zijkant heeft u vaker wel een vergunning nodig.\n\nOok zonder vergunning moet het bouwwerk veilig zijn en aan de regels voldoen. Woont u in een monument of een beschermd stadsgezicht? Dan heeft u bijna altijd een vergunning nodig.',
      forWhom:
        'Iedereen in de gemeente Groningen die iets kleins wil bouwen of verbouwen. Praat ook met uw buren. Dat voorkomt ruzie.',
      cost: 'De vergunningcheck is gratis. Blijkt dat u toch een vergunning nodig heeft? Dan betaalt u leges.',
      duration:
        'De vergunningcheck geeft direct antwoord. Heeft u toch een vergunning nodig? Dan beslissen wij binnen 8 weken, met één keer 6 weken verlenging (Omgevingswet).',
      bring: ['Het adres', 'De maten van het bouwwerk', 'Waar het komt te staan ten opzichte van uw huis en de straat'],
    },
    en: {
      title: 'Dormer, shed or fence: do you need a permit?',
      summary:
        'You can sometimes build a shed, fence or dormer without a permit, depending on where it goes and its size. Use the permit check in the Omgevingsloket.',
      what: 'Some small structures need no permit, often at the back of the house as long as they are not too large. At the front or side you more often do need one.\n\nEven without a permit, the structure must be safe and meet the building rules. If you live in a listed building or a protected townscape, you almost always need a permit.',
      forWhom:
        'Anyone in the municipality of Groningen planning small building work. Talk to your neighbours too; it avoids disputes.',
      cost: 'The permit check is free. If you turn out to need a permit after all, you pay a fee.',
      duration:
        'The permit check answers straight away. If you do need a permit, we decide within 8 weeks, extendable once by 6 weeks (Omgevingswet).',
      bring: [
        'The address',
        'The dimensions of the structure',
        'Where it will stand relative to your house and the street',
      ],
    },
  },
  {
    slug: 'monument-verbouwen',
    topic: 'building',
    synonyms: [
      'monument',
      'rijksmonument',
      'gemeentelijk monument',
      'beschermd stadsgezicht',
      'erfgoed',
      'restauratie',
      'monumentenvergunning',
      'listed building',
      'heritage',
      'monument permit',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Een monument verbouwen of onderhouden',
      summary:
        'Woont u in een monument? Dan heeft u voor de meeste veranderingen een vergunning nodig. Vraag ons eerst om advies. Dat is gratis.',
      what: 'Groningen heeft veel rijksmonumenten en gemeentelijke monumenten. Wilt u iets veranderen aan de buitenkant of binnenkant? Dan heeft u een omgevingsvergunning nodig. Gewoon onderhoud met hetzelfde materiaal mag meestal zonder vergunning.\n\nOnze adviseurs erfgoed denken graag vroeg met u mee. Voor herstel van een monument zijn er soms subsidies of leningen. Bijvoorbeeld via het Nationaal Restauratiefonds.',
      forWhom: 'Eigenaren en huurders van een monument in de gemeente Groningen.',
      cost: 'Advies is gratis. Voor een vergunning betaalt u leges. Kijk voor de actuele tarieven op gemeente.groningen.nl.',
      duration:
        'Wij beslissen binnen 8 weken na uw aanvraag, met één keer 6 weken verlenging (Omgevingswet). Soms vragen wij eerst advies aan de commissie voor erfgoed. Dat past binnen de termijn.',
      bring: [
        'Uw DigiD of eHerkenning',
        'Tekeningen en foto’s van de huidige situatie',
        'Een beschrijving van het materiaal dat u wilt gebruiken',
      ],
    },
    en: {
      title: 'Renovating or maintaining a listed building',
      summary: 'Living in a listed building? Most changes need a permit. Ask us for advice first; it is free.',
      what: 'Groningen has many national and municipal monuments. Changing the outside or inside of one needs an environment and planning permit; ordinary maintenance with the same materials usually does not.\n\nOur heritage advisers are glad to think along early. For restoration there are sometimes grants or loans, for example through the National Restoration Fund (Nationaal Restauratiefonds).',
      forWhom: 'Owners and tenants of a listed building in the municipality of Groningen.',
      cost: 'Advice is free. A permit costs a fee; see gemeente.groningen.nl for the current rates.',
      duration:
        'We decide within 8 weeks of your application, extendable once by 6 weeks (Omgevingswet). Sometimes the heritage committee advises first; that fits within the term.',
      bring: [
        'Your DigiD or eHerkenning',
        'Drawings and photos of the current situation',
        'A description of the materials you want to use',
      ],
    },
  },
  {
    slug: 'boom-kappen',
    topic: 'building',
    synonyms: [
      'boom kappen',
      'kapvergunning',
      'boom omhakken',
      'boom weghalen',
      'bomen',
      'houtopstand',
      'tree felling',
      'cut down a tree',
      'tree permit',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Een boom kappen: heeft u een vergunning nodig?',
      summary:
        'Voor het kappen van een grotere boom heeft u vaak een vergunning nodig, ook in uw eigen tuin. Doe de vergunningcheck in het Omgevingsloket.',
      what: 'Bomen zijn belangrijk voor een groene en gezonde stad. Daarom mag u niet zomaar elke boom kappen. Of u een vergunning nodig heeft, hangt af van de dikte van de stam en de plek van de boom.\n\nIs een boom gevaarlijk, bijvoorbeeld na een storm? Bel dan meteen 14 050. Gaat het om een boom van de gemeente? Doe dan een melding openbare ruimte.',
      forWhom: 'Eigenaren van grond met een boom in de gemeente Groningen.',
      cost: 'De vergunningcheck is gratis. Voor een kapvergunning betaalt u leges. Soms moet u een nieuwe boom planten.',
      duration:
        'Wij beslissen binnen 8 weken na uw aanvraag, met één keer 6 weken verlenging (Omgevingswet). Kap niet in het broedseizoen van vogels.',
      bring: ['Het adres en de plek van de boom', 'Een foto van de boom', 'De reden dat de boom weg moet'],
    },
    en: {
      title: 'Felling a tree: do you need a permit?',
      summary:
        'Felling a larger tree often needs a permit, even in your own garden. Use the permit check in the Omgevingsloket.',
      what: 'Trees matter for a green and healthy city, so you may not fell just any tree. Whether you need a permit depends on the thickness of the trunk and where the tree stands.\n\nIs a tree dangerous, for example after a storm? Call 14 050 straight away. If it is a municipal tree, report it as an issue in a public space.',
      forWhom: 'Owners of land with a tree in the municipality of Groningen.',
      cost: 'The permit check is free. A felling permit costs a fee, and sometimes you must plant a new tree.',
      duration:
        'We decide within 8 weeks of your application, extendable once by 6 weeks (Omgevingswet). Do not fell during the bird breeding season.',
      bring: ['The address and location of the tree', 'A photo of the tree', 'Why the tree has to go'],
    },
  },
]

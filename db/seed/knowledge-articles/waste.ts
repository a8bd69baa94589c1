import type { SeedArticle } from './types'

/** Household waste: when it is collected, bulky waste, containers. */
export const wasteArticles: SeedArticle[] = [
  {
    slug: 'afvalkalender',
    topic: 'waste',
    synonyms: [
      'afval',
      'ophaaldag',
      'ophaaldagen',
      'afvalwijzer',
      'gft',
      'papier',
      'container aan de weg',
      'afval ophalen',
      'bin day',
      'waste collection',
      'rubbish',
      'garbage',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Afvalkalender: wanneer wordt mijn afval opgehaald?',
      summary:
        'Op de afvalkalender ziet u wanneer uw afval wordt opgehaald. Vul uw postcode en huisnummer in op de website of in de afval-app.',
      what: 'De gemeente haalt restafval, groente-, fruit- en tuinafval (gft) en oud papier op. De ophaaldag verschilt per straat. Op de afvalkalender staat welke dag uw container wordt geleegd.\n\nZet uw container op de ophaaldag vóór 7.30 uur aan de weg. Woont u in een flat met een ondergrondse container? Dan kunt u uw afval altijd kwijt.',
      forWhom: 'Alle huishoudens in de gemeente Groningen.',
      cost: 'De afvalkalender is gratis. Voor het ophalen betaalt u afvalstoffenheffing.',
      duration:
        'Is uw container niet geleegd? Meld het dezelfde dag of de dag erna. Wij komen dan zo snel mogelijk terug.',
      bring: ['Uw postcode en huisnummer'],
    },
    en: {
      title: 'Waste calendar: when is my waste collected?',
      summary:
        'The waste calendar shows when your waste is collected. Enter your postcode and house number on the website or in the waste app.',
      what: 'The municipality collects residual waste, vegetable, fruit and garden waste, and paper. The day differs by street; the waste calendar tells you when your bin is emptied.\n\nPut your bin out by 7:30 on collection day. If you live in a block of flats with an underground container, you can use it at any time.',
      forWhom: 'All households in the municipality of Groningen.',
      cost: 'The calendar is free. Collection is paid for through the waste charge (afvalstoffenheffing).',
      duration: 'Bin not emptied? Report it the same day or the day after, and we come back as soon as we can.',
      bring: ['Your postcode and house number'],
    },
  },
  {
    slug: 'grofvuil-ophalen',
    topic: 'waste',
    synonyms: [
      'grofvuil',
      'grof vuil',
      'grofafval',
      'bank weggooien',
      'matras',
      'milieustraat',
      'afvalbrengpunt',
      'bulky waste',
      'large items',
      'recycling centre',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Grofvuil laten ophalen of wegbrengen',
      summary:
        'Grote spullen, zoals een bank of matras, laat u ophalen op afspraak. U kunt ze ook zelf naar een afvalbrengpunt brengen.',
      what: 'Grofvuil is afval dat niet in de container past. Denk aan meubels, matrassen of een kapotte wasmachine. U maakt een afspraak om het te laten ophalen. Zet het op de afgesproken dag vóór 7.30 uur buiten.\n\nU kunt grofvuil ook zelf wegbrengen naar een afvalbrengpunt. Daar scheidt u het afval. Veel spullen, zoals hout en metaal, kunt u daar gratis kwijt.',
      forWhom:
        'Huishoudens in de gemeente Groningen. Bedrijven brengen hun afval naar een bedrijf dat bedrijfsafval verwerkt.',
      cost: 'Ophalen en wegbrengen kan gratis of tegen betaling. Dat hangt af van de hoeveelheid en het soort afval. Kijk voor de actuele tarieven op gemeente.groningen.nl.',
      duration: 'Meestal kunnen wij binnen 2 weken komen. U kiest zelf een datum uit de beschikbare dagen.',
      bring: ['Uw adres', 'Een lijst van de spullen die weg moeten', 'Uw afvalpas, als u naar een afvalbrengpunt gaat'],
    },
    en: {
      title: 'Bulky waste: collection or drop-off',
      summary:
        'Large items such as a sofa or mattress can be collected by appointment, or you can take them to a recycling centre yourself.',
      what: 'Bulky waste is waste that does not fit in your bin: furniture, mattresses, a broken washing machine. Book a collection and put the items outside by 7:30 on the agreed day.\n\nYou can also take bulky waste to a recycling centre and sort it there. Many materials, such as wood and metal, can be dropped off for free.',
      forWhom:
        'Households in the municipality of Groningen. Businesses take their waste to a commercial waste company.',
      cost: 'Collection and drop-off are free or charged depending on the amount and kind of waste. See gemeente.groningen.nl for the current fees.',
      duration: 'We can usually come within 2 weeks; you pick a date from the available days.',
      bring: [
        'Your address',
        'A list of the items to be collected',
        'Your waste pass, if you go to a recycling centre',
      ],
    },
  },
  {
    slug: 'minicontainer-of-afvalpas',
    topic: 'waste',
    synonyms: [
      'minicontainer',
      'kliko',
      'container kapot',
      'container gestolen',
      'extra container',
      'afvalpas',
      'milieupas',
      'wheelie bin',
      'bin broken',
      'waste pass',
      'new bin',
    ],
    onward: { apply: '/mijn/aanvragen/afval', ask: true, appointment: false },
    nl: {
      title: 'Minicontainer of afvalpas aanvragen of vervangen',
      summary: 'Is uw minicontainer kapot of weg? Of bent u uw afvalpas kwijt? Vraag een nieuwe aan bij de gemeente.',
      what: 'Bij uw woning horen containers voor restafval en gft. Soms ook voor papier. Bent u net verhuisd, of is een container kapot of gestolen? Dan krijgt u een nieuwe.\n\nMet de afvalpas opent u een ondergrondse container. U gebruikt hem ook bij het afvalbrengpunt.',
      forWhom: 'Huishoudens in de gemeente Groningen.',
      cost: 'Een extra container kost € 45,00. Uw eerste afvalpas op een nieuw adres is gratis. Een nieuwe of extra pas kost € 10,00. Een vervangende container is soms gratis, bijvoorbeeld als de vuilniswagen hem kapot maakte.',
      duration: 'Een nieuwe container of pas krijgt u meestal binnen 2 weken.',
      bring: ['Uw adres', 'Het nummer van de container of pas, als u dat weet'],
    },
    en: {
      title: 'Request or replace a wheelie bin or waste pass',
      summary:
        'Is your wheelie bin broken or missing, or have you lost your waste pass? Request a new one from the municipality.',
      what: 'Your home comes with bins for residual waste and garden and food waste, sometimes also for paper. If you have just moved in, or a bin is broken or stolen, you get a new one.\n\nThe waste pass opens underground containers and gives you access to the recycling centre.',
      forWhom: 'Households in the municipality of Groningen.',
      cost: 'An extra bin costs €45.00. Your first waste pass at a new address is free; a replacement or extra pass costs €10.00. A replacement bin is sometimes free, for example if the collection lorry damaged it.',
      duration: 'You usually receive a new bin or pass within 2 weeks.',
      bring: ['Your address', 'The number of the bin or pass, if you know it'],
    },
  },
]

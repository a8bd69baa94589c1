import type { SeedArticle } from './types'

/** Registration at an address (Wet BRP): leaving the country, arriving from abroad, a postal address. */
export const movingArticles: SeedArticle[] = [
  {
    slug: 'verhuizen-naar-het-buitenland',
    topic: 'moving',
    synonyms: [
      'emigratie',
      'emigreren',
      'vertrek buitenland',
      'uitschrijven',
      'verhuizen buitenland',
      'emigrate',
      'moving abroad',
      'leaving the netherlands',
      'deregister',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Verhuizen naar het buitenland (emigratie)',
      summary:
        'Gaat u minstens 8 maanden in het buitenland wonen? Geef uw vertrek dan door aan de gemeente. Dat doet u in de 5 dagen vóór uw vertrek.',
      what: 'Als u emigreert, schrijven wij u uit in de Basisregistratie Personen (BRP). U krijgt een bewijs van uitschrijving. Dat heeft u soms nodig in uw nieuwe land.\n\nAndere overheden krijgen uw vertrek vanzelf door. Regel zelf wel uw zorgverzekering, uw AOW en uw belastingen.',
      forWhom:
        'Iedereen die in de gemeente Groningen woont en binnen een jaar minstens 8 maanden in het buitenland gaat wonen. Bent u 16 jaar of ouder? Dan geeft u uw vertrek zelf door. Voor kinderen onder 16 doet de ouder dat.',
      cost: 'Gratis.',
      duration:
        'Geef uw vertrek door in de 5 dagen vóór uw vertrek (Wet BRP, art. 2.43). Het doorgeven zelf duurt maar een paar minuten.',
      bring: [
        'Uw paspoort of ID-kaart',
        'Uw nieuwe adres in het buitenland, als u dat al weet',
        'De paspoorten of ID-kaarten van de gezinsleden die meegaan',
      ],
    },
    en: {
      title: 'Moving abroad (emigration)',
      summary: 'Going to live abroad for at least 8 months? Tell the municipality, in the 5 days before you leave.',
      what: 'When you emigrate, we deregister you from the Personal Records Database (BRP) and give you proof of deregistration, which your new country may ask for.\n\nOther government bodies are told automatically. You do need to arrange your health insurance, state pension (AOW) and taxes yourself.',
      forWhom:
        'Residents of the municipality of Groningen who will live abroad for at least 8 months within a year. From 16 you report your own departure; parents report it for children under 16.',
      cost: 'Free.',
      duration:
        'Report your departure in the 5 days before you leave (Wet BRP, art. 2.43). Reporting it takes only a few minutes.',
      bring: [
        'Your passport or ID card',
        'Your new address abroad, if you already know it',
        'The passports or ID cards of family members who go with you',
      ],
    },
  },
  {
    slug: 'inschrijven-vanuit-het-buitenland',
    topic: 'moving',
    synonyms: [
      'immigratie',
      'eerste inschrijving',
      'inschrijven gemeente',
      'bsn aanvragen',
      'terug naar nederland',
      'registration',
      'register with the municipality',
      'moving to the netherlands',
      'bsn number',
      'arriving from abroad',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Inschrijven als u uit het buitenland komt',
      summary:
        'Komt u uit het buitenland in Groningen wonen? Schrijf u binnen 5 dagen na aankomst in bij de gemeente. Maak hiervoor een afspraak.',
      what: 'Als u in Nederland komt wonen, schrijven wij u in de Basisregistratie Personen (BRP) in. Bent u hier voor het eerst? Dan krijgt u ook een burgerservicenummer (BSN). Dat heeft u nodig voor werk, zorg en de bank.\n\nDe eerste inschrijving doet u zelf aan de balie. Woonde u al eerder in Nederland? Dan heeft u al een BSN.',
      forWhom:
        'Iedereen die uit het buitenland komt en minstens 4 maanden in de gemeente Groningen gaat wonen. Blijft u korter? Dan kunt u zich laten inschrijven als niet-ingezetene (RNI).',
      cost: 'Gratis.',
      duration: 'Schrijf u in binnen 5 dagen na aankomst (Wet BRP). Uw BSN krijgt u meestal bij de afspraak.',
      bring: [
        'Een geldig paspoort of ID-kaart',
        'Uw geboorteakte, soms gelegaliseerd of met apostille',
        'Een huurcontract of koopakte, of toestemming van de hoofdbewoner',
        'Uw verblijfsdocument, als u dat nodig heeft',
      ],
    },
    en: {
      title: 'Registering when you move here from abroad',
      summary:
        'Moving to Groningen from abroad? Register with the municipality within 5 days of arrival. Make an appointment to do so.',
      what: 'When you come to live in the Netherlands, we register you in the Personal Records Database (BRP). If it is your first time here, you also get a citizen service number (BSN), which you need for work, healthcare and a bank account.\n\nYou register in person at the counter the first time. If you lived in the Netherlands before, you already have a BSN.',
      forWhom:
        'Anyone arriving from abroad who will live in the municipality of Groningen for at least 4 months. Staying shorter? You can register as a non-resident (RNI).',
      cost: 'Free.',
      duration: 'Register within 5 days of arrival (Wet BRP). You usually receive your BSN at the appointment.',
      bring: [
        'A valid passport or ID card',
        'Your birth certificate, sometimes legalised or with an apostille',
        "A rental contract or deed of purchase, or the main occupant's permission",
        'Your residence document, if you need one',
      ],
    },
  },
  {
    slug: 'briefadres-aanvragen',
    topic: 'moving',
    synonyms: [
      'briefadres',
      'postadres',
      'geen woonadres',
      'dakloos',
      'tijdelijk adres',
      'postal address',
      'no fixed address',
      'homeless',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Briefadres aanvragen',
      summary:
        'Heeft u tijdelijk geen woonadres? Dan kunt u een briefadres aanvragen. Uw post komt dan bij iemand anders of bij een instelling.',
      what: 'Iedereen moet met een adres in de Basisregistratie Personen (BRP) staan. Zonder adres krijgt u bijvoorbeeld geen uitkering of zorgtoeslag. Heeft u geen vaste woning? Dan kunt u een briefadres krijgen.\n\nDe persoon of instelling van het briefadres (de briefadresgever) moet toestemming geven. Die zorgt dat u uw post krijgt.',
      forWhom:
        'Inwoners van de gemeente Groningen zonder vast woonadres. Bijvoorbeeld omdat u dakloos bent, in een opvang woont of tijdelijk bij verschillende mensen verblijft. Wij kijken samen met u of een briefadres past.',
      cost: 'Gratis.',
      duration:
        'Vraag het briefadres aan binnen 5 dagen nadat u geen woonadres meer heeft. Wij beslissen zo snel mogelijk, en uiterlijk binnen 8 weken (Awb 4:13).',
      bring: [
        'Een geldig paspoort of ID-kaart',
        'De schriftelijke toestemming van de briefadresgever',
        'Een kopie van het ID van de briefadresgever',
      ],
    },
    en: {
      title: 'Apply for a postal address (briefadres)',
      summary:
        'No home address for the time being? You can apply for a postal address, so that your post goes to another person or an organisation.',
      what: 'Everyone must be registered at an address in the BRP. Without one you cannot, for example, receive benefits or healthcare allowance. If you have no fixed home, you can get a postal address.\n\nThe person or organisation providing it must agree and makes sure you receive your post.',
      forWhom:
        'Residents of the municipality of Groningen without a fixed home: for example if you are homeless, live in a shelter, or stay with different people. We look at your situation with you.',
      cost: 'Free.',
      duration:
        'Apply within 5 days of losing your home address. We decide as soon as we can, and within 8 weeks at the latest (Awb 4:13).',
      bring: [
        'A valid passport or ID card',
        'Written permission from the person or organisation providing the address',
        'A copy of their ID',
      ],
    },
  },
]

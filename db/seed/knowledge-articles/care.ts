import type { SeedArticle } from './types'

/** Support under the Wmo 2015 and the Jeugdwet, arranged with the WIJ team in the neighbourhood. */
export const careArticles: SeedArticle[] = [
  {
    slug: 'wmo-ondersteuning-aanvragen',
    topic: 'care',
    synonyms: [
      'wmo',
      'wet maatschappelijke ondersteuning',
      'keukentafelgesprek',
      'ondersteuning thuis',
      'hulpmiddelen',
      'rolstoel',
      'scootmobiel',
      'woningaanpassing',
      'traplift',
      'wij-team',
      'wij team',
      'support at home',
      'social support',
      'wheelchair',
      'mobility scooter',
    ],
    onward: { apply: '/mijn/aanvragen/wmo', ask: true, appointment: false },
    nl: {
      title: 'Hulp of ondersteuning thuis aanvragen (Wmo)',
      summary:
        'Lukt het thuis niet meer goed door ouderdom, ziekte of een beperking? Meld u bij het WIJ-team. Samen kijken wij welke hulp u nodig heeft.',
      what: 'Met de Wet maatschappelijke ondersteuning (Wmo) helpt de gemeente mensen om thuis te blijven wonen en mee te doen. Denk aan een scootmobiel, een traplift, begeleiding of vervoer.\n\nEerst meldt u zich. Daarna heeft u een gesprek met iemand van het WIJ-team, vaak bij u thuis. Dit heet het keukentafelgesprek. Samen zoeken wij een oplossing. Soms kan uw familie of een buurthuis helpen. Is dat niet genoeg? Dan vraagt u een voorziening aan.',
      forWhom:
        'Inwoners van de gemeente Groningen die zich thuis of in de wijk niet goed meer kunnen redden. Ook mantelzorgers kunnen zich melden.',
      cost: 'Het gesprek is gratis. Voor de meeste voorzieningen betaalt u een eigen bijdrage van hoogstens een vast bedrag per 4 weken. Het CAK rekent die bijdrage uit. Kijk op hetcak.nl.',
      duration:
        'Na uw melding voeren wij binnen 6 weken het gesprek (Wmo 2015, art. 2.3.2). Daarna vraagt u de voorziening aan. Wij beslissen binnen 2 weken na die aanvraag (Wmo 2015, art. 2.3.5).',
      bring: [
        'Uw DigiD of uw BSN',
        'Gegevens over uw gezondheid, als u die heeft',
        'Eventueel iemand die u vertrouwt, bij het gesprek',
      ],
    },
    en: {
      title: 'Support at home (Wmo)',
      summary:
        'Finding it hard to manage at home because of age, illness or a disability? Contact the WIJ team and we will work out together what help you need.',
      what: 'Under the Social Support Act (Wmo), the municipality helps people to keep living at home and take part in society: a mobility scooter, a stairlift, personal guidance or transport, for example.\n\nFirst you get in touch. Then someone from the WIJ team talks with you, often at home, in what is called the kitchen-table conversation. Together we look for a solution: sometimes family or a community centre can help. If that is not enough, you apply for a provision.',
      forWhom:
        'Residents of the municipality of Groningen who can no longer manage well at home or in their neighbourhood. Informal carers can contact us too.',
      cost: 'The conversation is free. For most provisions you pay a personal contribution, capped at a fixed amount per 4 weeks, which the CAK calculates. See hetcak.nl.',
      duration:
        'After you contact us, the conversation takes place within 6 weeks (Wmo 2015, art. 2.3.2). You then apply for the provision, and we decide within 2 weeks of that application (Wmo 2015, art. 2.3.5).',
      bring: [
        'Your DigiD or your BSN',
        'Information about your health, if you have it',
        'Someone you trust at the conversation, if you like',
      ],
    },
  },
  {
    slug: 'huishoudelijke-hulp',
    topic: 'care',
    synonyms: [
      'huishoudelijke hulp',
      'hulp in de huishouding',
      'schoonmaakhulp',
      'thuishulp',
      'wmo',
      'household help',
      'cleaning help',
      'home help',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Huishoudelijke hulp',
      summary:
        'Kunt u uw huis niet meer zelf schoonhouden door ziekte of ouderdom? Dan kunt u huishoudelijke hulp krijgen via de Wmo. Meld u bij het WIJ-team.',
      what: 'Huishoudelijke hulp helpt u met schoonmaken, de was of boodschappen. U krijgt de hulp van een zorgaanbieder waar de gemeente mee werkt.\n\nEerst praten wij met u over uw situatie. Wij kijken wat u zelf kunt en wat mensen om u heen kunnen doen. Daarna bepalen wij hoeveel hulp u nodig heeft.',
      forWhom:
        'Inwoners van de gemeente Groningen die hun huishouden niet meer zelf kunnen doen. Ook niet met hulp van huisgenoten of familie.',
      cost: 'U betaalt een eigen bijdrage van hoogstens een vast bedrag per 4 weken. Het CAK rekent die uit. Kijk op hetcak.nl.',
      duration:
        'Het gesprek is binnen 6 weken na uw melding (Wmo 2015, art. 2.3.2). Wij beslissen binnen 2 weken na uw aanvraag (Wmo 2015, art. 2.3.5).',
      bring: ['Uw DigiD of uw BSN', 'Gegevens over uw gezondheid, als u die heeft'],
    },
    en: {
      title: 'Household help',
      summary:
        'Can you no longer keep your home clean because of illness or old age? You may get household help under the Wmo. Contact the WIJ team.',
      what: 'Household help assists with cleaning, laundry or shopping, provided by a care organisation the municipality works with.\n\nWe first talk with you about your situation: what you can do yourself and what the people around you can do. Then we decide how much help you need.',
      forWhom:
        'Residents of the municipality of Groningen who can no longer run their household themselves, not even with help from the people they live with or family.',
      cost: 'You pay a personal contribution, capped at a fixed amount per 4 weeks, calculated by the CAK. See hetcak.nl.',
      duration:
        'The conversation takes place within 6 weeks of contacting us (Wmo 2015, art. 2.3.2); we decide within 2 weeks of your application (art. 2.3.5).',
      bring: ['Your DigiD or your BSN', 'Information about your health, if you have it'],
    },
  },
  {
    slug: 'jeugdhulp',
    topic: 'care',
    synonyms: [
      'jeugdhulp',
      'jeugdzorg',
      'opvoeden',
      'opvoedhulp',
      'hulp bij opvoeding',
      'kind hulp',
      'jeugdwet',
      'youth care',
      'parenting support',
      'help for my child',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Hulp voor uw kind of gezin (jeugdhulp)',
      summary:
        'Maakt u zich zorgen over uw kind of over de opvoeding? Het WIJ-team helpt u. U kunt ook via de huisarts hulp krijgen.',
      what: 'Jeugdhulp is hulp bij opgroeien en opvoeden. Bijvoorbeeld als uw kind somber is, problemen heeft op school, of als het thuis niet goed gaat. De gemeente regelt deze hulp (Jeugdwet).\n\nU praat eerst met iemand van het WIJ-team. Vaak kan het WIJ-team zelf helpen. Is meer hulp nodig? Dan regelen wij dat samen met u. De huisarts kan u ook doorverwijzen.',
      forWhom:
        'Kinderen en jongeren tot 18 jaar in de gemeente Groningen, en hun ouders. Soms loopt de hulp door tot 23 jaar.',
      cost: 'Gratis.',
      duration:
        'U kunt meestal binnen een paar weken een gesprek hebben. Wij beslissen over de hulp binnen 8 weken na uw aanvraag (Awb 4:13). Is het dringend? Zeg het ons, dan helpen wij sneller.',
      bring: ['Uw DigiD of uw BSN en dat van uw kind', 'Een verwijzing van de huisarts, als u die heeft'],
    },
    en: {
      title: 'Help for your child or family (youth care)',
      summary: 'Worried about your child or about parenting? The WIJ team can help. Your GP can also refer you.',
      what: 'Youth care is help with growing up and parenting: for example when your child is low, struggles at school, or things are difficult at home. The municipality arranges this help under the Youth Act (Jeugdwet).\n\nYou first talk with someone from the WIJ team, who can often help directly. If more is needed, we arrange it with you. Your GP can refer you too.',
      forWhom:
        'Children and young people up to 18 in the municipality of Groningen, and their parents. Sometimes the help continues until 23.',
      cost: 'Free.',
      duration:
        'You can usually talk to someone within a few weeks. We decide on the help within 8 weeks of your application (Awb 4:13). If it is urgent, tell us and we will act sooner.',
      bring: ["Your DigiD or BSN and your child's", "A GP's referral, if you have one"],
    },
  },
  {
    slug: 'mantelzorg-ondersteuning',
    topic: 'care',
    synonyms: [
      'mantelzorg',
      'mantelzorger',
      'respijtzorg',
      'mantelzorgwaardering',
      'zorgen voor familie',
      'informal care',
      'carer support',
      'caregiver',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Ondersteuning voor mantelzorgers',
      summary:
        'Zorgt u voor een zieke partner, ouder of kind? Dan bent u mantelzorger. De gemeente kan u helpen, zodat u het volhoudt.',
      what: 'Mantelzorg is zorg voor iemand uit uw omgeving, zonder dat u ervoor betaald wordt. Dat kan zwaar zijn. Het WIJ-team denkt met u mee. U kunt advies krijgen, lotgenoten ontmoeten of de zorg even overdragen. Dat laatste heet respijtzorg.\n\nElk jaar kunt u ook een mantelzorgwaardering krijgen. Kijk op gemeente.groningen.nl hoe dat werkt.',
      forWhom:
        'Inwoners die zorgen voor iemand die in de gemeente Groningen woont. U hoeft zelf niet in Groningen te wonen.',
      cost: 'Advies en ondersteuning zijn gratis. Voor respijtzorg betaalt u soms een eigen bijdrage.',
      duration: 'U kunt meestal binnen een paar weken een gesprek hebben met het WIJ-team.',
      bring: [],
    },
    en: {
      title: 'Support for informal carers',
      summary:
        'Caring for a partner, parent or child who is ill? Then you are an informal carer, and the municipality can help you keep going.',
      what: 'Informal care is unpaid care for someone close to you, and it can be demanding. The WIJ team thinks along with you: advice, meeting others in the same situation, or handing the care over for a while (respite care).\n\nEvery year you can also receive a token of appreciation for carers; gemeente.groningen.nl explains how.',
      forWhom: 'Anyone caring for someone who lives in the municipality of Groningen; you need not live here yourself.',
      cost: 'Advice and support are free. Respite care sometimes has a personal contribution.',
      duration: 'You can usually talk with the WIJ team within a few weeks.',
      bring: [],
    },
  },
]

import type { SeedArticle } from './types'

/** Income and debts: social assistance (Participatiewet), debt help, the schemes for low incomes. */
export const incomeArticles: SeedArticle[] = [
  {
    slug: 'bijstandsuitkering-aanvragen',
    topic: 'income',
    synonyms: [
      'bijstand',
      'bijstandsuitkering',
      'uitkering',
      'participatiewet',
      'geen inkomen',
      'sociale dienst',
      'welfare',
      'social assistance',
      'benefit',
      'benefits',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Bijstand aanvragen (bijstandsuitkering)',
      summary:
        'Heeft u geen of te weinig inkomen om van te leven? Dan kunt u misschien een bijstandsuitkering krijgen. U vraagt die aan bij de gemeente.',
      what: 'De bijstand is een uitkering voor mensen die niet genoeg geld hebben om van te leven. De regels staan in de Participatiewet. Wij helpen u ook bij het vinden van werk.\n\nU vraagt de uitkering aan met DigiD. Daarna heeft u een gesprek met een consulent. Wij kijken naar uw inkomen, uw spaargeld en uw woonsituatie.',
      forWhom:
        'Inwoners van de gemeente Groningen van 18 jaar tot de AOW-leeftijd, die rechtmatig in Nederland wonen. Bent u jonger dan 27 jaar? Dan zoekt u eerst 4 weken zelf naar werk of een opleiding.',
      cost: 'Aanvragen is gratis. Hoeveel u krijgt, hangt af van uw leeftijd en of u samenwoont. Kijk voor de actuele bedragen op gemeente.groningen.nl.',
      duration:
        'Wij beslissen binnen 8 weken (Awb 4:13). Duurt het langer dan 4 weken? Dan kunt u een voorschot krijgen (Participatiewet, art. 52).',
      bring: [
        'Uw DigiD',
        'Uw paspoort of ID-kaart',
        'Bankafschriften van de laatste 3 maanden',
        'Uw huurcontract of hypotheekgegevens',
        'Bewijs van ander inkomen, zoals loonstroken',
      ],
    },
    en: {
      title: 'Apply for social assistance (bijstand)',
      summary:
        'Do you have no income, or not enough to live on? You may be entitled to social assistance, which you apply for at the municipality.',
      what: 'Social assistance (bijstand) is a benefit for people without enough money to live on, under the Participation Act (Participatiewet). We also help you find work.\n\nYou apply online with DigiD, after which you talk with a consultant. We look at your income, savings and living situation.',
      forWhom:
        'Residents of the municipality of Groningen aged 18 up to state pension age who live in the Netherlands lawfully. If you are under 27, you first spend 4 weeks looking for work or education yourself.',
      cost: 'Applying is free. The amount depends on your age and whether you live with someone; see gemeente.groningen.nl for the current rates.',
      duration:
        'We decide within 8 weeks (Awb 4:13). If it takes longer than 4 weeks, you can get an advance payment (Participation Act, art. 52).',
      bring: [
        'Your DigiD',
        'Your passport or ID card',
        'Bank statements for the last 3 months',
        'Your rental contract or mortgage details',
        'Proof of any other income, such as payslips',
      ],
    },
  },
  {
    slug: 'schuldhulpverlening',
    topic: 'income',
    synonyms: [
      'schulden',
      'schuldhulp',
      'schuldsanering',
      'geldproblemen',
      'betalingsachterstand',
      'budgetbeheer',
      'debt',
      'debt help',
      'money problems',
      'arrears',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Hulp bij schulden',
      summary:
        'Heeft u schulden of moeite met rondkomen? Vraag hulp bij de gemeente. Hoe eerder, hoe beter. De hulp is gratis.',
      what: 'Schulden geven veel stress. De gemeente helpt u om overzicht te krijgen. Samen maken wij een plan. Soms regelen wij een betalingsregeling met de mensen en bedrijven aan wie u geld schuldig bent. Soms beheren wij tijdelijk uw geld.\n\nU hoeft zich niet te schamen. Veel mensen hebben geldzorgen.',
      forWhom: 'Inwoners van de gemeente Groningen met schulden of geldzorgen. Ook ondernemers kunnen hulp krijgen.',
      cost: 'Gratis.',
      duration:
        'U heeft binnen 4 weken een eerste gesprek (Wet gemeentelijke schuldhulpverlening). Dreigt u uit uw huis te worden gezet, of wordt uw energie afgesloten? Dan helpen wij binnen 3 werkdagen.',
      bring: [
        'Uw DigiD',
        'Uw paspoort of ID-kaart',
        'Brieven over uw schulden, zoals aanmaningen',
        'Een overzicht van uw inkomsten en vaste lasten',
      ],
    },
    en: {
      title: 'Help with debts',
      summary:
        'In debt, or struggling to make ends meet? Ask the municipality for help, the sooner the better. The help is free.',
      what: 'Debts cause a lot of stress. The municipality helps you get an overview and make a plan with you. Sometimes we arrange a payment plan with the people and companies you owe; sometimes we manage your money for a while.\n\nThere is nothing to be ashamed of: many people have money worries.',
      forWhom: 'Residents of the municipality of Groningen with debts or money worries, self-employed people included.',
      cost: 'Free.',
      duration:
        'Your first conversation is within 4 weeks (Municipal Debt Assistance Act). If you face eviction or having your energy cut off, we help within 3 working days.',
      bring: [
        'Your DigiD',
        'Your passport or ID card',
        'Letters about your debts, such as reminders',
        'An overview of your income and fixed costs',
      ],
    },
  },
  {
    slug: 'individuele-inkomenstoeslag',
    topic: 'income',
    synonyms: [
      'inkomenstoeslag',
      'langdurigheidstoeslag',
      'iit',
      'toeslag laag inkomen',
      'minima',
      'income supplement',
      'low income allowance',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Individuele inkomenstoeslag',
      summary:
        'Heeft u al lang een laag inkomen? Dan kunt u eens per jaar een extra bedrag krijgen: de individuele inkomenstoeslag.',
      what: 'De individuele inkomenstoeslag is een bedrag dat u één keer per jaar krijgt. U mag het zelf besteden. Bijvoorbeeld aan een nieuwe wasmachine of kleding.\n\nWij kijken ook of u kans heeft op een hoger inkomen. Dat hangt bijvoorbeeld af van uw gezondheid of leeftijd.',
      forWhom:
        'Inwoners van de gemeente Groningen tot de AOW-leeftijd die al jaren een laag inkomen hebben. Kijk op gemeente.groningen.nl welke leeftijd en hoeveel jaar precies gelden.',
      cost: 'Aanvragen is gratis. Kijk voor het actuele bedrag op gemeente.groningen.nl.',
      duration: 'Wij beslissen binnen 8 weken (Awb 4:13).',
      bring: ['Uw DigiD', 'Bankafschriften van de laatste maand', 'Bewijs van uw inkomen'],
    },
    en: {
      title: 'Individual income supplement',
      summary:
        'Have you had a low income for a long time? You may receive an extra amount once a year: the individual income supplement.',
      what: 'The individual income supplement is a sum you receive once a year and may spend as you wish, for instance on a new washing machine or clothes.\n\nWe check whether you have any prospect of a higher income, for example given your health or age.',
      forWhom:
        'Residents of the municipality of Groningen below state pension age who have had a low income for years. See gemeente.groningen.nl for the exact age and number of years.',
      cost: 'Applying is free. See gemeente.groningen.nl for the current amount.',
      duration: 'We decide within 8 weeks (Awb 4:13).',
      bring: ['Your DigiD', "Last month's bank statements", 'Proof of your income'],
    },
  },
  {
    slug: 'stadjerspas',
    topic: 'income',
    synonyms: [
      'stadjerspas',
      'stadjers pas',
      'kortingspas',
      'korting laag inkomen',
      'kindpakket',
      'discount card',
      'discount pass',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Stadjerspas: korting bij een laag inkomen',
      summary:
        'Met de Stadjerspas krijgt u korting op sport, cultuur en activiteiten in Groningen. De pas is voor inwoners met een laag inkomen.',
      what: 'Met de Stadjerspas doet u mee, ook als u weinig geld heeft. U krijgt korting bij het zwembad, de bibliotheek, het museum, de bioscoop en nog veel meer. Kinderen krijgen soms extra, bijvoorbeeld voor schoolspullen of sport.\n\nOp de website van de Stadjerspas ziet u alle aanbiedingen.',
      forWhom:
        'Inwoners van de gemeente Groningen met een laag inkomen. Kijk op gemeente.groningen.nl of uw inkomen laag genoeg is.',
      cost: 'Kijk op gemeente.groningen.nl of de pas voor u iets kost.',
      duration: 'U krijgt de pas meestal binnen een paar weken thuisgestuurd. Wij beslissen binnen 8 weken (Awb 4:13).',
      bring: ['Uw DigiD', 'Bewijs van uw inkomen', 'Een pasfoto, voor een nieuwe pas'],
    },
    en: {
      title: 'Stadjerspas: discounts on a low income',
      summary:
        'The Stadjerspas gives you discounts on sport, culture and activities in Groningen. It is for residents with a low income.',
      what: 'The Stadjerspas helps you join in, even on a tight budget: discounts at the swimming pool, the library, museums, the cinema and much more. Children sometimes get extra, for school supplies or sport.\n\nThe Stadjerspas website lists all offers.',
      forWhom:
        'Residents of the municipality of Groningen with a low income. See gemeente.groningen.nl to check whether your income qualifies.',
      cost: 'See gemeente.groningen.nl for whether the pass costs you anything.',
      duration: 'The pass usually reaches you within a few weeks; we decide within 8 weeks (Awb 4:13).',
      bring: ['Your DigiD', 'Proof of your income', 'A passport photo, for a new pass'],
    },
  },
  {
    slug: 'bijzondere-bijstand',
    topic: 'income',
    synonyms: [
      'bijzondere bijstand',
      'onverwachte kosten',
      'vergoeding kosten',
      'tegemoetkoming',
      'special assistance',
      'unexpected costs',
      'one-off costs',
    ],
    onward: { apply: '/mijn/aanvragen/bijzondere-bijstand', ask: true, appointment: false },
    nl: {
      title: 'Bijzondere bijstand voor onverwachte kosten',
      summary:
        'Heeft u hoge kosten die u niet kunt betalen, zoals een bril of de eigen bijdrage voor een advocaat? Vraag dan bijzondere bijstand aan.',
      what: 'Bijzondere bijstand is een vergoeding voor kosten die nodig zijn en die u niet zelf kunt betalen. Denk aan een bril, tandarts, advocaatkosten of een verhuizing. U hoeft geen bijstandsuitkering te hebben.\n\nVraag de bijstand het liefst aan vóórdat u de kosten maakt.',
      forWhom:
        'Inwoners van de gemeente Groningen met een laag inkomen en weinig spaargeld. Wij kijken eerst of een verzekering of een andere regeling de kosten betaalt.',
      cost: 'Aanvragen is gratis.',
      duration: 'Wij beslissen binnen 8 weken (Awb 4:13).',
      bring: [
        'Uw DigiD',
        'Een offerte of rekening van de kosten',
        'Bewijs van uw inkomen',
        'Bankafschriften van de laatste maand',
      ],
    },
    en: {
      title: 'Special assistance for unexpected costs',
      summary:
        "Facing necessary costs you cannot pay, such as glasses or your contribution to a lawyer's fee? Apply for special assistance.",
      what: "Special assistance (bijzondere bijstand) pays for necessary costs you cannot meet yourself: glasses, dental care, a lawyer's fee or a move, for example. You do not need to be on social assistance.\n\nIf you can, apply before you incur the costs.",
      forWhom:
        'Residents of the municipality of Groningen with a low income and little savings. We first check whether insurance or another scheme covers the costs.',
      cost: 'Applying is free.',
      duration: 'We decide within 8 weeks (Awb 4:13).',
      bring: ['Your DigiD', 'A quote or invoice for the costs', 'Proof of your income', "Last month's bank statements"],
    },
  },
]

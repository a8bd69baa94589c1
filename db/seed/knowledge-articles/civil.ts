import type { SeedArticle } from './types'

/** The civil registry and statements about a person: birth, marriage, death, names, extracts, VOG. */
export const civilArticles: SeedArticle[] = [
  {
    slug: 'uittreksel-brp',
    topic: 'civil',
    synonyms: [
      'uittreksel',
      'uittreksel gba',
      'gba',
      'brp',
      'bewijs van inschrijving',
      'adresbewijs',
      'extract',
      'proof of address',
      'proof of registration',
    ],
    onward: { apply: '/mijn/aanvragen/uittreksel-brp', ask: true, appointment: false },
    nl: {
      title: 'Uittreksel BRP aanvragen',
      summary:
        'Een uittreksel BRP laat zien op welk adres u staat ingeschreven. U vraagt het online aan met DigiD of aan de balie.',
      what: 'De Basisregistratie Personen (BRP) is de lijst van alle inwoners van Nederland. Een uittreksel is een officieel papier uit die lijst. Er staan uw naam, geboortedatum en adres op. Soms staan er meer gegevens op, zoals eerdere adressen.\n\nU heeft een uittreksel bijvoorbeeld nodig voor een nieuwe baan, een huurhuis of een instantie in het buitenland.',
      forWhom:
        'Iedereen die in de gemeente Groningen staat ingeschreven. Een uittreksel van iemand anders kunt u alleen krijgen met een machtiging van die persoon.',
      cost: 'Een uittreksel kost € 16,00.',
      duration:
        'Vraagt u het online aan? Dan krijgt u het uittreksel binnen een paar werkdagen per post. Aan de balie krijgt u het meteen mee.',
      bring: ['Uw DigiD, als u het online aanvraagt', 'Een geldig paspoort of ID-kaart, als u naar de balie komt'],
    },
    en: {
      title: 'Request an extract from the BRP',
      summary:
        'An extract from the Personal Records Database (BRP) shows the address you are registered at. Request it online with DigiD or at the counter.',
      what: 'The BRP is the register of everyone who lives in the Netherlands. An extract is an official document from that register with your name, date of birth and address, sometimes with more, such as earlier addresses.\n\nYou may need one for a new job, a rented home or an authority abroad.',
      forWhom:
        'Everyone registered in the municipality of Groningen. You can only get an extract about someone else with their written authorisation.',
      cost: 'An extract costs €16.00.',
      duration:
        'Requested online, the extract reaches you by post within a few working days. At the counter you take it home straight away.',
      bring: ['Your DigiD, if you apply online', 'A valid passport or ID card, if you come to the counter'],
    },
  },
  {
    slug: 'verklaring-omtrent-het-gedrag',
    topic: 'civil',
    synonyms: [
      'vog',
      'verklaring omtrent gedrag',
      'verklaring goed gedrag',
      'bewijs van goed gedrag',
      'justis',
      'certificate of conduct',
      'certificate of good conduct',
      'background check',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Verklaring Omtrent het Gedrag (VOG)',
      summary:
        'Een VOG vraagt u online aan bij Justis, niet bij de gemeente. Vaak doet uw werkgever of vereniging de aanvraag voor u klaar.',
      what: 'Een Verklaring Omtrent het Gedrag (VOG) laat zien dat uw verleden geen bezwaar is voor een baan of vrijwilligerswerk. Justis, een dienst van het ministerie van Justitie en Veiligheid, beoordeelt de aanvraag.\n\nMeestal zet de organisatie de aanvraag voor u klaar. U krijgt dan een link. Die maakt u af met uw DigiD.',
      forWhom:
        'Iedereen die voor werk, een opleiding of vrijwilligerswerk een VOG moet laten zien. Heeft u geen DigiD? Kijk op justis.nl hoe u de VOG dan aanvraagt.',
      cost: 'Justis bepaalt de prijs. Kijk voor het actuele tarief op justis.nl. Voor veel vrijwilligers is de VOG gratis. Vraag dit na bij uw organisatie.',
      duration: 'Meestal heeft u de VOG binnen een paar weken. Justis stuurt hem per post naar uw adres.',
      bring: ['Uw DigiD', 'De link of het formulier van uw werkgever of organisatie'],
    },
    en: {
      title: 'Certificate of Conduct (VOG)',
      summary:
        'You apply for a Certificate of Conduct (VOG) online at Justis, not at the municipality. Your employer or club usually starts the application for you.',
      what: 'A VOG shows that your past is no obstacle to a particular job or volunteer role. Justis, part of the Ministry of Justice and Security, assesses the application.\n\nUsually the organisation prepares the application and sends you a link; you complete it with your DigiD.',
      forWhom:
        'Anyone who needs to show a VOG for work, training or volunteering. No DigiD? justis.nl explains how to apply without one.',
      cost: 'Justis sets the fee; see justis.nl for the current amount. For many volunteers the VOG is free; ask your organisation.',
      duration: 'You usually receive the VOG within a few weeks. Justis sends it to your address by post.',
      bring: ['Your DigiD', 'The link or form from your employer or organisation'],
    },
  },
  {
    slug: 'geboorteaangifte-doen',
    topic: 'civil',
    synonyms: [
      'geboorte',
      'geboorteaangifte',
      'aangifte geboorte',
      'baby',
      'pasgeboren',
      'kind aangeven',
      'register a birth',
      'birth registration',
      'newborn',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Geboorteaangifte doen',
      summary:
        'Is uw kind geboren? Doe binnen 3 dagen aangifte bij de gemeente waar uw kind is geboren. Maak hiervoor een afspraak.',
      what: 'Met de geboorteaangifte wordt uw kind officieel ingeschreven. Wij maken een geboorteakte. Uw kind krijgt een burgerservicenummer (BSN) en staat daarna in de BRP.\n\nBent u niet getrouwd en heeft u geen geregistreerd partnerschap? Dan moet de vader of meemoeder het kind eerst erkennen. Dat kan al vóór de geboorte.',
      forWhom:
        'Ouders van een kind dat in de gemeente Groningen is geboren. De vader, de moeder of de meemoeder doet de aangifte. Kan dat niet? Dan mag iemand anders die bij de geboorte was het doen.',
      cost: 'Gratis.',
      duration:
        'Doe de aangifte binnen 3 dagen na de geboorte. Valt er een weekend of feestdag in die dagen? Dan heeft u wat langer. De aangifte zelf duurt ongeveer 15 minuten.',
      bring: [
        'Uw paspoort of ID-kaart',
        'Het paspoort of de ID-kaart van de moeder',
        'De akte van erkenning of naamskeuze, als u die heeft',
      ],
    },
    en: {
      title: 'Register a birth',
      summary:
        'Has your child been born? Register the birth within 3 days with the municipality where your child was born. Make an appointment to do so.',
      what: 'Registering the birth makes your child officially known. We draw up a birth certificate; your child gets a citizen service number (BSN) and is entered in the BRP.\n\nIf you are not married or in a registered partnership, the father or co-mother first has to acknowledge the child. That can be done before the birth.',
      forWhom:
        'Parents of a child born in the municipality of Groningen. The father, mother or co-mother registers the birth; if they cannot, someone else who was present at the birth may do it.',
      cost: 'Free.',
      duration:
        'Register the birth within 3 days. If a weekend or public holiday falls in that period, you have a little longer. The registration itself takes about 15 minutes.',
      bring: [
        'Your passport or ID card',
        "The mother's passport or ID card",
        'The deed of acknowledgement or choice of name, if you have one',
      ],
    },
  },
  {
    slug: 'trouwen-of-geregistreerd-partnerschap',
    topic: 'civil',
    synonyms: [
      'trouwen',
      'huwelijk',
      'geregistreerd partnerschap',
      'partnerschap',
      'melding voorgenomen huwelijk',
      'ondertrouw',
      'trouwambtenaar',
      'marriage',
      'get married',
      'wedding',
      'registered partnership',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Trouwen of geregistreerd partnerschap',
      summary:
        'Wilt u trouwen of een geregistreerd partnerschap aangaan? Meld dit eerst bij de gemeente. Dat doet u minstens 2 weken en hoogstens 1 jaar vóór de datum.',
      what: 'Eerst meldt u uw voorgenomen huwelijk of partnerschap bij de gemeente. Vroeger heette dit ondertrouw. Wij controleren dan of u mag trouwen.\n\nDaarna kiest u een datum, een locatie en een trouwambtenaar. U heeft 2 tot 4 getuigen nodig.',
      forWhom:
        'Iedereen die in de gemeente Groningen wil trouwen of een partnerschap wil aangaan. U hoeft hier niet te wonen. U en uw partner zijn 18 jaar of ouder.',
      cost: 'Er is een gratis of goedkope mogelijkheid op vaste tijden. Op andere dagen en locaties betaalt u meer. Kijk voor de tarieven op gemeente.groningen.nl.',
      duration:
        'Meld uw huwelijk minstens 2 weken en hoogstens 1 jaar vóór de trouwdatum. Populaire datums raken snel vol. Meld u dus op tijd.',
      bring: [
        'Uw paspoort of ID-kaart en die van uw partner',
        'De namen en ID-gegevens van uw getuigen',
        'Bent u in het buitenland geboren of eerder getrouwd geweest? Dan soms extra papieren. Wij zeggen u welke.',
      ],
    },
    en: {
      title: 'Marriage and registered partnership',
      summary:
        'Planning a marriage or registered partnership? First give notice to the municipality, at least 2 weeks and at most 1 year before the date.',
      what: 'You first give notice of your intended marriage or partnership. We then check that nothing stands in the way.\n\nAfter that you choose a date, a venue and a registrar. You need 2 to 4 witnesses.',
      forWhom:
        'Anyone who wants to marry or register a partnership in the municipality of Groningen; you do not need to live here. Both of you must be 18 or over.',
      cost: 'There is a free or low-cost option at set times. Other days and venues cost more; see gemeente.groningen.nl for the fees.',
      duration:
        'Give notice at least 2 weeks and at most 1 year before the wedding date. Popular dates fill up quickly, so do not leave it late.',
      bring: [
        "Your passport or ID card and your partner's",
        'The names and ID details of your witnesses',
        'If you were born abroad or were married before, sometimes extra documents; we tell you which',
      ],
    },
  },
  {
    slug: 'overlijden-aangeven',
    topic: 'civil',
    synonyms: [
      'overlijden',
      'overleden',
      'aangifte overlijden',
      'sterfgeval',
      'begrafenis',
      'crematie',
      'uitvaart',
      'death',
      'register a death',
      'funeral',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Overlijden aangeven',
      summary:
        'Is iemand overleden? Meestal doet de uitvaartondernemer de aangifte bij de gemeente. U hoeft dan zelf niets te doen.',
      what: 'Een overlijden moet worden aangegeven bij de gemeente waar iemand is overleden. Wij maken dan een akte van overlijden. De overledene wordt uitgeschreven uit de BRP. Andere instanties, zoals de SVB en de Belastingdienst, krijgen dit vanzelf door.\n\nDe uitvaartondernemer regelt de aangifte bijna altijd. Daarna kan de begrafenis of crematie doorgaan.',
      forWhom:
        'Nabestaanden van iemand die in de gemeente Groningen is overleden. Is er geen uitvaartondernemer? Neem dan contact met ons op.',
      cost: 'De aangifte is gratis. Een afschrift van de akte van overlijden kost geld. Kijk op gemeente.groningen.nl.',
      duration:
        'De aangifte moet gebeuren vóór de begrafenis of crematie. Die is uiterlijk op de 6e werkdag na het overlijden (Wet op de lijkbezorging).',
      bring: [
        'De verklaring van overlijden van de arts',
        'Het paspoort of de ID-kaart van de overledene, als dat er is',
      ],
    },
    en: {
      title: 'Registering a death',
      summary:
        'Has someone died? The funeral director usually registers the death with the municipality, so you need not do anything yourself.',
      what: 'A death is registered with the municipality where the person died. We draw up a death certificate and remove the person from the BRP. Other bodies, such as the SVB and the Tax Administration, are informed automatically.\n\nThe funeral director almost always takes care of this, after which the burial or cremation can go ahead.',
      forWhom:
        'The family of someone who died in the municipality of Groningen. If there is no funeral director, please contact us.',
      cost: 'Registration is free. A copy of the death certificate costs a fee; see gemeente.groningen.nl.',
      duration:
        'The death is registered before the burial or cremation, which takes place on the 6th working day after the death at the latest (Burial and Cremation Act).',
      bring: ["The doctor's certificate of death", "The deceased's passport or ID card, if available"],
    },
  },
  {
    slug: 'naamskeuze-kind',
    topic: 'civil',
    synonyms: [
      'naamskeuze',
      'achternaam kind',
      'dubbele achternaam',
      'gecombineerde achternaam',
      'erkenning',
      'kind erkennen',
      'surname',
      'choice of name',
      'double surname',
      'acknowledge a child',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Achternaam kiezen voor uw kind (naamskeuze)',
      summary:
        'U kunt kiezen welke achternaam uw eerste kind krijgt. Dat kan de naam van een van beide ouders zijn, of een combinatie van beide.',
      what: 'Zonder keuze krijgt uw kind de achternaam van de vader als u getrouwd bent. Bent u niet getrouwd? Dan krijgt uw kind de naam van de moeder. Wilt u een andere naam? Dan legt u een naamskeuze vast.\n\nSinds 2024 mag u ook een dubbele achternaam kiezen. De naam die u kiest, geldt ook voor uw latere kinderen samen.',
      forWhom:
        'Ouders die samen een kind krijgen. U legt de naamskeuze samen vast, vóór of bij de geboorteaangifte. Bent u niet getrouwd? Dan moet de vader of meemoeder het kind ook erkennen.',
      cost: 'Gratis.',
      duration:
        'Maak een afspraak vóór de geboorte, of regel het bij de geboorteaangifte. Na de aangifte kan dat meestal niet meer.',
      bring: ['De paspoorten of ID-kaarten van beide ouders', 'De akte van erkenning, als u die heeft'],
    },
    en: {
      title: "Choosing your child's surname",
      summary: "You can choose which surname your first child gets: either parent's surname, or both combined.",
      what: "Without a choice, your child takes the father's surname if you are married, and the mother's if you are not. If you want a different name, you record a choice of name.\n\nSince 2024 you may also choose a double surname. Your choice applies to your later children together as well.",
      forWhom:
        'Parents having a child together. You record the choice together, before or when registering the birth. If you are not married, the father or co-mother must also acknowledge the child.',
      cost: 'Free.',
      duration:
        'Make an appointment before the birth, or arrange it when you register the birth. After registration it is usually too late.',
      bring: ["Both parents' passports or ID cards", 'The deed of acknowledgement, if you have one'],
    },
  },
  {
    slug: 'akte-burgerlijke-stand',
    topic: 'civil',
    synonyms: [
      'geboorteakte',
      'huwelijksakte',
      'overlijdensakte',
      'akte',
      'afschrift akte',
      'internationaal uittreksel',
      'birth certificate',
      'marriage certificate',
      'death certificate',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Geboorteakte of huwelijksakte aanvragen',
      summary:
        'Heeft u een afschrift of uittreksel nodig van een geboorte-, huwelijks- of overlijdensakte? Vraag het aan bij de gemeente waar de akte is opgemaakt.',
      what: 'Bij een geboorte, huwelijk, partnerschap of overlijden maakt de gemeente een akte. U kunt daarvan een officieel afschrift of uittreksel krijgen. Er bestaat ook een meertalig uittreksel voor gebruik in het buitenland.\n\nWij hebben alleen de akten van gebeurtenissen in de gemeente Groningen.',
      forWhom:
        'Iedereen die een akte nodig heeft over zichzelf. Over iemand anders kan dat alleen in bepaalde gevallen, bijvoorbeeld als familielid. Vraag ons wat voor u geldt.',
      cost: 'Kijk voor het actuele tarief op gemeente.groningen.nl.',
      duration: 'U krijgt de akte binnen een paar werkdagen per post. Aan de balie krijgt u hem meestal meteen mee.',
      bring: ['Uw DigiD of een geldig paspoort of ID-kaart', 'De naam, de datum en de plaats van de gebeurtenis'],
    },
    en: {
      title: 'Request a birth or marriage certificate',
      summary:
        'Need a copy or extract of a birth, marriage or death certificate? Request it from the municipality where the certificate was drawn up.',
      what: 'The municipality draws up a certificate for every birth, marriage, partnership or death. You can get an official copy or extract of it, including a multilingual extract for use abroad.\n\nWe only hold certificates of events that took place in the municipality of Groningen.',
      forWhom:
        'Anyone who needs a certificate about themselves. About someone else only in certain cases, for example as a family member; ask us what applies.',
      cost: 'See gemeente.groningen.nl for the current fee.',
      duration:
        'The certificate reaches you by post within a few working days; at the counter you usually get it straight away.',
      bring: ['Your DigiD, or a valid passport or ID card', 'The name, date and place of the event'],
    },
  },
]

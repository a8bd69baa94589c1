import type { SeedArticle } from './types'

/** Passport, ID card, driving licence: made by the national agencies, applied for at the counter. */
export const identityArticles: SeedArticle[] = [
  {
    slug: 'paspoort-aanvragen',
    topic: 'identity',
    synonyms: [
      'paspoort',
      'pasport',
      'paspoort verlengen',
      'paspoort verlopen',
      'reisdocument',
      'nieuw paspoort',
      'kinderpaspoort',
      'passport',
      'travel document',
      'renew passport',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Paspoort aanvragen',
      summary:
        'U vraagt een paspoort aan bij de balie van de gemeente. Maak eerst een afspraak. Na ongeveer 5 werkdagen kunt u het ophalen.',
      what: 'Een paspoort is een reisdocument. U kunt ermee reizen naar alle landen. U laat er ook mee zien wie u bent.\n\nU vraagt het paspoort aan bij de balie. Daar maken wij een vingerafdruk. U moet het paspoort ook zelf ophalen.',
      forWhom:
        'Iedereen met de Nederlandse nationaliteit die in de gemeente Groningen woont. Ook kinderen hebben een eigen paspoort nodig. Voor een kind onder 18 jaar tekenen beide ouders met gezag.',
      cost: 'Een paspoort voor iemand van 18 jaar of ouder kost ongeveer € 84,00 in 2026. Het is 10 jaar geldig. Voor een kind onder 18 jaar is het goedkoper en 5 jaar geldig. Kijk voor het actuele tarief op gemeente.groningen.nl.',
      duration:
        'Uw paspoort ligt na ongeveer 5 werkdagen klaar. Heeft u het sneller nodig? Vraag dan naar een spoedaanvraag. Daarvoor betaalt u extra.',
      bring: [
        'Uw oude paspoort of ID-kaart',
        'Eén recente pasfoto die voldoet aan de eisen',
        'Voor een kind: toestemming van de andere ouder met gezag, en een kopie van het ID van die ouder',
      ],
    },
    en: {
      title: 'Apply for a passport',
      summary:
        'You apply for a passport at the municipal counter, by appointment. It is ready to collect after about 5 working days.',
      what: 'A passport is a travel document for every country in the world, and proof of who you are.\n\nYou apply in person at the counter, where we take your fingerprints. You also collect the passport yourself.',
      forWhom:
        'Dutch nationals who live in the municipality of Groningen. Children need a passport of their own; for a child under 18, both parents with parental authority give their consent.',
      cost: 'A passport for someone aged 18 or over costs about € 84.00 in 2026 and is valid for 10 years. For a child under 18 it costs less and is valid for 5 years. See gemeente.groningen.nl for the current fee.',
      duration:
        'Your passport is ready after about 5 working days. Need it sooner? Ask about an urgent application, which costs extra.',
      bring: [
        'Your old passport or ID card',
        'One recent passport photo that meets the requirements',
        "For a child: consent from the other parent with authority, and a copy of that parent's ID",
      ],
    },
  },
  {
    slug: 'id-kaart-aanvragen',
    topic: 'identity',
    synonyms: [
      'id kaart',
      'id-kaart',
      'identiteitskaart',
      'identiteitsbewijs',
      'nederlandse identiteitskaart',
      'id card',
      'identity card',
      'idkaart',
      'paspoort',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'ID-kaart aanvragen',
      summary:
        'U vraagt een Nederlandse identiteitskaart aan bij de balie van de gemeente. Maak eerst een afspraak. Na ongeveer 5 werkdagen ligt hij klaar.',
      what: 'Met een ID-kaart laat u zien wie u bent. U kunt er ook mee reizen binnen Europa en naar een aantal andere landen. Kijk vóór uw reis welke landen dat zijn.\n\nU vraagt de ID-kaart aan bij de balie. Wij maken daar een vingerafdruk.',
      forWhom:
        'Iedereen met de Nederlandse nationaliteit die in de gemeente Groningen woont. Voor een kind onder 18 jaar geven beide ouders met gezag toestemming.',
      cost: 'Een ID-kaart voor iemand van 18 jaar of ouder is 10 jaar geldig. Voor een kind onder 18 jaar is hij goedkoper en 5 jaar geldig. Kijk voor het actuele tarief op gemeente.groningen.nl.',
      duration: 'Uw ID-kaart ligt na ongeveer 5 werkdagen klaar. U haalt hem zelf op bij de balie.',
      bring: [
        'Uw oude ID-kaart of paspoort',
        'Eén recente pasfoto die voldoet aan de eisen',
        'Voor een kind: toestemming van de andere ouder met gezag',
      ],
    },
    en: {
      title: 'Apply for an ID card',
      summary:
        'You apply for a Dutch identity card at the municipal counter, by appointment. It is ready after about 5 working days.',
      what: 'An ID card proves who you are. You can also travel with it within Europe and to some other countries; check before you go which ones.\n\nYou apply in person at the counter, where we take your fingerprints.',
      forWhom:
        'Dutch nationals who live in the municipality of Groningen. For a child under 18, both parents with parental authority give their consent.',
      cost: 'An ID card for someone aged 18 or over is valid for 10 years. For a child under 18 it costs less and is valid for 5 years. See gemeente.groningen.nl for the current fee.',
      duration: 'Your ID card is ready after about 5 working days. You collect it yourself at the counter.',
      bring: [
        'Your old ID card or passport',
        'One recent passport photo that meets the requirements',
        'For a child: consent from the other parent with authority',
      ],
    },
  },
  {
    slug: 'rijbewijs-verlengen',
    topic: 'identity',
    synonyms: [
      'rijbewijs',
      'rijbewijs verlopen',
      'rijbewijs vernieuwen',
      'rijbewijs aanvragen',
      'rijbewjs',
      'gezondheidsverklaring',
      'driving licence',
      'driving license',
      "driver's license",
      'renew licence',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Rijbewijs verlengen',
      summary:
        'Is uw rijbewijs bijna verlopen? Vraag een nieuw rijbewijs aan bij de balie van de gemeente. Na ongeveer 5 werkdagen ligt het klaar.',
      what: 'U vraagt een nieuw rijbewijs aan bij de gemeente. De RDW maakt het rijbewijs en bepaalt de regels.\n\nSoms heeft u eerst een Gezondheidsverklaring nodig. Dat geldt bijvoorbeeld vanaf een bepaalde leeftijd of bij sommige ziektes. Kijk op cbr.nl of dit voor u geldt.',
      forWhom:
        'Iedereen die in de gemeente Groningen woont en een Nederlands rijbewijs heeft of net examen heeft gedaan. Een buitenlands rijbewijs omwisselen kan ook. Kijk op rdw.nl of dat voor uw rijbewijs kan.',
      cost: 'Kijk voor het actuele tarief op gemeente.groningen.nl. Een Gezondheidsverklaring van het CBR kost extra.',
      duration:
        'Uw nieuwe rijbewijs ligt na ongeveer 5 werkdagen klaar. Vraag het op tijd aan. U mag niet rijden met een verlopen rijbewijs.',
      bring: [
        'Uw huidige rijbewijs',
        'Eén recente pasfoto die voldoet aan de eisen',
        'Een geldig paspoort of ID-kaart',
      ],
    },
    en: {
      title: 'Renew your driving licence',
      summary:
        'Is your driving licence about to expire? Apply for a new one at the municipal counter. It is ready after about 5 working days.',
      what: 'You apply for a new driving licence at the municipality. The RDW (the national vehicle authority) makes the licence and sets the rules.\n\nSometimes you first need a health declaration (Gezondheidsverklaring), for example from a certain age or with some medical conditions. Check cbr.nl to see whether this applies to you.',
      forWhom:
        'Residents of the municipality of Groningen with a Dutch driving licence, or who have just passed their test. You may also be able to exchange a foreign licence; rdw.nl tells you whether yours qualifies.',
      cost: 'See gemeente.groningen.nl for the current fee. A health declaration from the CBR costs extra.',
      duration:
        'Your new licence is ready after about 5 working days. Apply in good time: you may not drive on an expired licence.',
      bring: [
        'Your current driving licence',
        'One recent passport photo that meets the requirements',
        'A valid passport or ID card',
      ],
    },
  },
  {
    slug: 'reisdocument-kwijt-of-gestolen',
    topic: 'identity',
    synonyms: [
      'paspoort kwijt',
      'paspoort gestolen',
      'id-kaart kwijt',
      'rijbewijs kwijt',
      'vermissing',
      'verloren',
      'diefstal',
      'lost passport',
      'stolen passport',
      'lost id card',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Paspoort of ID-kaart kwijt of gestolen',
      summary:
        'Bent u uw paspoort of ID-kaart kwijt? Meld dit bij de gemeente. Daarna kunt u meteen een nieuw document aanvragen.',
      what: 'Een document dat kwijt of gestolen is, is niet meer geldig. Wij laten het ongeldig maken. Zo kan niemand anders het gebruiken.\n\nU meldt het verlies bij de balie. Daar vraagt u ook een nieuw document aan. Is het gestolen? Dan kunt u ook aangifte doen bij de politie. Bent u in het buitenland? Ga dan naar de Nederlandse ambassade of het consulaat.',
      forWhom:
        'Iedereen die in de gemeente Groningen woont en een paspoort of ID-kaart kwijt is. Is uw rijbewijs kwijt? Dat meldt u ook bij de balie.',
      cost: 'Het melden is gratis. Voor het nieuwe document betaalt u het gewone tarief. Soms komt er een bedrag bij voor het kwijtraken. Kijk op gemeente.groningen.nl.',
      duration:
        'U meldt het verlies bij uw afspraak. Uw nieuwe document ligt na ongeveer 5 werkdagen klaar. Vindt u het oude document terug? Gebruik het dan niet meer. Lever het in bij de gemeente.',
      bring: [
        'Een ander geldig identiteitsbewijs, als u dat heeft',
        'Eén recente pasfoto',
        'Het bewijs van aangifte bij de politie, als u die heeft gedaan',
      ],
    },
    en: {
      title: 'Lost or stolen passport or ID card',
      summary:
        'Lost your passport or ID card? Report it to the municipality; you can apply for a new document straight away.',
      what: 'A lost or stolen document is no longer valid. We have it cancelled so that nobody else can use it.\n\nYou report the loss at the counter and apply for a new document there. If it was stolen, you can also report the theft to the police. If you are abroad, go to the Dutch embassy or consulate.',
      forWhom:
        'Residents of the municipality of Groningen who have lost their passport or ID card. A lost driving licence is also reported at the counter.',
      cost: 'Reporting the loss is free. For the new document you pay the normal fee, sometimes with an extra charge for the loss. See gemeente.groningen.nl.',
      duration:
        'You report the loss at your appointment; the new document is ready after about 5 working days. If you find the old one again, do not use it: hand it in at the municipality.',
      bring: [
        'Another valid proof of identity, if you have one',
        'One recent passport photo',
        'The police report, if you made one',
      ],
    },
  },
]

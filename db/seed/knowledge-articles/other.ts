import type { SeedArticle } from './types'

/** Your rights towards the municipality and how to reach it: objection, complaint, Woo, your data, contact. */
export const otherArticles: SeedArticle[] = [
  {
    slug: 'bezwaar-maken',
    topic: 'other',
    synonyms: [
      'bezwaar',
      'bezwaarschrift',
      'bezwaar maken',
      'niet eens met besluit',
      'beroep',
      'in beroep gaan',
      'bezwaartermijn',
      'objection',
      'appeal',
      'disagree with a decision',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Bezwaar maken tegen een besluit',
      summary:
        'Bent u het niet eens met een besluit van de gemeente? Maak dan binnen 6 weken bezwaar. Dat is gratis. Wij kijken dan opnieuw naar het besluit.',
      what: 'In een bezwaar schrijft u waarom u het niet eens bent met een besluit. Wij kijken dan opnieuw naar het besluit. Vaak nodigen wij u uit om uw bezwaar uit te leggen. Soms hoort een onafhankelijke commissie u.\n\nGaat het om een zaak in Mijn Stad? Dan maakt u het bezwaar online bij die zaak. U kunt ook een brief sturen. Zet daarin uw naam, adres, de datum, het besluit en waarom u het er niet mee eens bent. En onderteken de brief.',
      forWhom:
        'Iedereen die rechtstreeks te maken heeft met een besluit van de gemeente Groningen. Bijvoorbeeld omdat het over u gaat, of over het huis naast u.',
      cost: 'Gratis.',
      duration:
        'Maak bezwaar binnen 6 weken. Die gaan in op de dag nadat het besluit is verstuurd (Awb 6:7 en 6:8). Wij beslissen binnen 6 weken, of binnen 12 weken als een commissie u hoort. Wij mogen dit één keer met 6 weken verlengen (Awb 7:10).',
      bring: [
        'Het besluit of het kenmerk ervan',
        'Waarom u het niet eens bent',
        'Stukken die uw bezwaar steunen, als u die heeft',
      ],
    },
    en: {
      title: 'Objecting to a decision',
      summary:
        'Disagree with a decision by the municipality? Lodge an objection within 6 weeks, free of charge, and we will look at the decision again.',
      what: 'In an objection you explain why you disagree with a decision, and we reconsider it. We often invite you to explain your objection in person, sometimes to an independent committee.\n\nIf the decision belongs to a case in Mijn Stad, you can object online from that case. You can also send a letter with your name, address, the date, the decision and why you disagree, and sign it.',
      forWhom:
        'Anyone directly affected by a decision of the municipality of Groningen: because it is about you, for example, or about the house next door.',
      cost: 'Free.',
      duration:
        'Object within 6 weeks, counted from the day after the decision was sent (Awb 6:7 and 6:8). We decide within 6 weeks, or 12 weeks if a committee hears you, and may extend this once by 6 weeks (Awb 7:10).',
      bring: [
        'The decision or its reference',
        'Why you disagree',
        'Documents supporting your objection, if you have them',
      ],
    },
  },
  {
    slug: 'klacht-indienen',
    topic: 'other',
    synonyms: [
      'klacht',
      'klagen',
      'klacht indienen',
      'ontevreden',
      'slecht behandeld',
      'ombudsman',
      'complaint',
      'make a complaint',
      'unhappy with service',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Een klacht indienen over de gemeente',
      summary:
        'Bent u niet tevreden over hoe de gemeente of een medewerker u heeft behandeld? Dien dan een klacht in. Wij reageren binnen 6 weken.',
      what: 'Een klacht gaat over hoe wij met u zijn omgegaan. Bijvoorbeeld als u lang moest wachten, onvriendelijk werd behandeld of niets meer hoorde. Bent u het oneens met een besluit? Dan maakt u bezwaar. Dat is iets anders.\n\nMeestal bellen wij u eerst. Vaak lossen wij het samen op. Bent u daarna nog niet tevreden? Dan kunt u naar de Nationale ombudsman.',
      forWhom: 'Iedereen die contact heeft gehad met de gemeente Groningen.',
      cost: 'Gratis.',
      duration:
        'Wij handelen uw klacht af binnen 6 weken. Wij mogen dit één keer met 4 weken verlengen. U hoort dat dan van ons (Awb 9:11).',
      bring: ['Wat er is gebeurd, wanneer en met wie', 'Het kenmerk van uw zaak of brief, als u dat heeft'],
    },
    en: {
      title: 'Making a complaint about the municipality',
      summary:
        'Unhappy with how the municipality or a member of staff treated you? Make a complaint; we respond within 6 weeks.',
      what: 'A complaint is about how we dealt with you: a long wait, unfriendly treatment, or not hearing back, for example. If you disagree with a decision, you lodge an objection instead; that is a different procedure.\n\nWe usually call you first and can often sort it out together. Still not satisfied afterwards? You can turn to the National Ombudsman.',
      forWhom: 'Anyone who has been in contact with the municipality of Groningen.',
      cost: 'Free.',
      duration:
        'We deal with your complaint within 6 weeks, and may extend this once by 4 weeks, telling you so (Awb 9:11).',
      bring: ['What happened, when and with whom', 'The reference of your case or letter, if you have one'],
    },
  },
  {
    slug: 'woo-verzoek',
    topic: 'other',
    synonyms: [
      'woo',
      'wob',
      'wet open overheid',
      'wob-verzoek',
      'woo-verzoek',
      'openbaarheid',
      'informatie opvragen',
      'documenten opvragen',
      'freedom of information',
      'foi request',
      'open government',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Informatie opvragen bij de gemeente (Woo-verzoek)',
      summary:
        'Wilt u documenten van de gemeente inzien, bijvoorbeeld over een besluit? Doe dan een Woo-verzoek. Wij beslissen binnen 4 weken.',
      what: 'Met de Wet open overheid (Woo) kan iedereen informatie van de overheid opvragen. Bijvoorbeeld e-mails, rapporten of notulen. Vroeger heette dit de Wob. Wij maken de documenten openbaar. Wat geheim moet blijven, zoals persoonlijke gegevens, maken wij onleesbaar.\n\nBeschrijf zo precies mogelijk welke informatie u zoekt. Wij nemen contact met u op als uw verzoek te breed is. Zoekt u informatie over uzelf? Gebruik dan uw recht op inzage (AVG).',
      forWhom: 'Iedereen. U hoeft niet te zeggen waarom u de informatie wilt hebben.',
      cost: 'Gratis.',
      duration:
        'Wij beslissen binnen 4 weken. Wij mogen dit met 2 weken verlengen (Woo, art. 4.4). U hoort dat dan van ons.',
      bring: [
        'Een zo precies mogelijke beschrijving van de informatie',
        'De periode waar het over gaat',
        'Uw contactgegevens',
      ],
    },
    en: {
      title: 'Requesting information from the municipality (Woo request)',
      summary:
        'Want to see municipal documents, for instance about a decision? Make a request under the Open Government Act (Woo); we decide within 4 weeks.',
      what: 'Under the Open Government Act (Woo, formerly Wob), anyone can request government information: e-mails, reports or minutes, for example. We disclose the documents except what must stay confidential, such as personal data.\n\nDescribe as precisely as you can what you are looking for; if your request is too broad, we contact you. Looking for information about yourself? Use your right of access under the GDPR instead.',
      forWhom: 'Anyone. You do not have to say why you want the information.',
      cost: 'Free.',
      duration: 'We decide within 4 weeks and may extend this by 2 weeks, telling you so (Woo, art. 4.4).',
      bring: [
        'As precise a description of the information as possible',
        'The period it concerns',
        'Your contact details',
      ],
    },
  },
  {
    slug: 'uw-gegevens-inzien',
    topic: 'other',
    synonyms: [
      'avg',
      'gdpr',
      'privacy',
      'inzageverzoek',
      'recht op inzage',
      'welke gegevens',
      'persoonsgegevens',
      'mijn gegevens',
      'gegevens downloaden',
      'subject access request',
      'my data',
      'personal data',
    ],
    onward: { apply: '/mijn/gegevens/downloaden', ask: true, appointment: false },
    nl: {
      title: 'Welke gegevens heeft de gemeente over mij?',
      summary:
        'U mag weten welke gegevens de gemeente over u heeft. In Mijn Stad kunt u ze direct downloaden. U kunt ook een inzageverzoek doen.',
      what: 'Volgens de privacywet (AVG) mag u weten welke persoonsgegevens wij van u hebben. Ook waarvoor wij ze gebruiken en aan wie wij ze geven.\n\nIn Mijn Stad downloadt u met DigiD uw gegevens, uw zaken en uw brieven. Wilt u meer weten? Bijvoorbeeld over gegevens bij een andere afdeling? Doe dan een inzageverzoek.',
      forWhom:
        'Iedereen van wie de gemeente Groningen gegevens heeft. Voor een kind onder 16 jaar doet de ouder het verzoek.',
      cost: 'Gratis.',
      duration:
        'Downloaden in Mijn Stad kan meteen. Op een inzageverzoek antwoorden wij binnen 1 maand. Is het verzoek ingewikkeld? Dan mogen wij dat met 2 maanden verlengen (AVG, art. 12).',
      bring: ['Uw DigiD', 'Bij een schriftelijk verzoek: een kopie van uw ID, met uw BSN en foto afgeschermd'],
    },
    en: {
      title: 'What data does the municipality hold about me?',
      summary:
        'You have the right to know what data the municipality holds about you. In Mijn Stad you can download it straight away, or you can make an access request.',
      what: 'Under the GDPR (AVG) you may know which personal data we hold about you, what we use it for and who we share it with.\n\nIn Mijn Stad you download your data, cases and letters with DigiD. Want to know more, for instance about data held by another department? Make an access request.',
      forWhom:
        'Everyone whose data the municipality of Groningen holds. For a child under 16, a parent makes the request.',
      cost: 'Free.',
      duration:
        'Downloading in Mijn Stad is immediate. We answer an access request within 1 month, extendable by 2 months for complex requests (GDPR, art. 12).',
      bring: ['Your DigiD', 'For a written request: a copy of your ID with your BSN and photo blanked out'],
    },
  },
  {
    slug: 'gegevens-laten-corrigeren',
    topic: 'other',
    synonyms: [
      'correctie',
      'gegevens wijzigen',
      'fout in mijn gegevens',
      'naam verkeerd',
      'geboortedatum fout',
      'brp corrigeren',
      'gegevens aanpassen',
      'correct my data',
      'wrong details',
      'rectification',
    ],
    onward: { apply: '/mijn/gegevens/correctie', ask: true, appointment: false },
    nl: {
      title: 'Een fout in uw gegevens laten verbeteren',
      summary:
        'Staat er iets verkeerd in uw gegevens bij de gemeente? Vraag online een correctie aan met DigiD. Wij beslissen binnen 4 weken.',
      what: 'Uw naam, geboortedatum of nationaliteit staan in de Basisregistratie Personen (BRP). Klopt er iets niet? Dan vraagt u ons om het te verbeteren. Zeg wat er fout is en wat het moet zijn.\n\nSoms vragen wij om een bewijs, zoals een geboorteakte. Gaat het om uw adres omdat u verhuist? Geef dan uw verhuizing door.',
      forWhom: 'Iedereen die in de gemeente Groningen staat ingeschreven.',
      cost: 'Gratis.',
      duration:
        'Wij beslissen binnen 4 weken (Wet BRP, art. 2.58). U krijgt ons besluit schriftelijk. Bent u het er niet mee eens? Dan kunt u bezwaar maken.',
      bring: ['Uw DigiD', 'Een bewijs van de juiste gegevens, zoals een akte of paspoort'],
    },
    en: {
      title: 'Having an error in your data corrected',
      summary:
        'Is something wrong in the data the municipality holds about you? Request a correction online with DigiD; we decide within 4 weeks.',
      what: 'Your name, date of birth and nationality are recorded in the Personal Records Database (BRP). If something is wrong, ask us to correct it: say what is wrong and what it should be.\n\nSometimes we ask for proof, such as a birth certificate. If it is your address because you are moving, report your move instead.',
      forWhom: 'Everyone registered in the municipality of Groningen.',
      cost: 'Free.',
      duration:
        'We decide within 4 weeks (Wet BRP, art. 2.58) and send you our decision in writing. If you disagree, you can object.',
      bring: ['Your DigiD', 'Proof of the correct details, such as a certificate or passport'],
    },
  },
  {
    slug: 'contact-en-openingstijden',
    topic: 'other',
    synonyms: [
      'contact',
      'openingstijden',
      'telefoonnummer',
      '14050',
      '14 050',
      'bellen',
      'balie',
      'afspraak maken',
      'adres gemeente',
      'stadhuis',
      'opening hours',
      'phone number',
      'contact the municipality',
      'appointment',
    ],
    onward: { ask: true, appointment: true },
    nl: {
      title: 'Contact en openingstijden',
      summary:
        'Bel 14 050, stel online een vraag of maak een afspraak voor de balie. Op een vraag per e-mail of post krijgt u binnen 6 weken antwoord.',
      what: 'U kunt de gemeente Groningen bellen op 14 050. Voor de balie maakt u altijd eerst een afspraak. Dan hoeft u niet te wachten.\n\nU kunt ook online een vraag stellen, een e-mail sturen of een brief schrijven. In Mijn Stad ziet u uw vragen en ons antwoord.',
      forWhom: 'Iedereen met een vraag aan de gemeente Groningen.',
      cost: 'Bellen naar 14 050 kost wat een gewoon gesprek kost bij uw provider. Een afspraak en een vraag zijn gratis.',
      duration:
        'Stelt u een vraag per e-mail, post of online? Binnen 5 werkdagen bevestigen wij dat wij uw vraag hebben. Binnen 6 weken krijgt u antwoord. Kijk voor de openingstijden van de balies op gemeente.groningen.nl.',
      bring: ['Voor de balie: een geldig paspoort of ID-kaart', 'Het kenmerk van uw zaak of vraag, als u dat heeft'],
    },
    en: {
      title: 'Contact and opening hours',
      summary:
        'Call 14 050, ask a question online, or book an appointment at the counter. A question by e-mail or post is answered within 6 weeks.',
      what: 'You can call the municipality of Groningen on 14 050. Always book an appointment for the counter first, so you do not have to wait.\n\nYou can also ask a question online, send an e-mail or write a letter. In Mijn Stad you see your questions and our answers.',
      forWhom: 'Anyone with a question for the municipality of Groningen.',
      cost: 'Calling 14 050 costs the same as a normal call with your provider. Appointments and questions are free.',
      duration:
        'Ask by e-mail, post or online and we confirm receipt within 5 working days and answer within 6 weeks. See gemeente.groningen.nl for the counters’ opening hours.',
      bring: [
        'For the counter: a valid passport or ID card',
        'The reference of your case or question, if you have one',
      ],
    },
  },
  {
    slug: 'gevonden-voorwerpen',
    topic: 'other',
    synonyms: [
      'gevonden voorwerp',
      'gevonden voorwerpen',
      'verloren voorwerp',
      'iets verloren',
      'iets gevonden',
      'fiets gevonden',
      'portemonnee kwijt',
      'sleutels kwijt',
      'lost property',
      'lost and found',
      'found item',
    ],
    onward: { ask: true, appointment: false },
    nl: {
      title: 'Iets verloren of gevonden',
      summary:
        'Bent u iets kwijt in Groningen? Of heeft u iets gevonden? Kijk op verlorenofgevonden.nl of meld het bij de gemeente.',
      what: 'De gemeente bewaart gevonden spullen. De meeste staan op verlorenofgevonden.nl. Daar kunt u zoeken of iets van u is gevonden. U kunt er ook een verloren voorwerp melden.\n\nHeeft u iets gevonden? Meld het dan. Bent u een identiteitsbewijs kwijt? Meld dat aan de balie. Dan maken wij het ongeldig.',
      forWhom: 'Iedereen die in de gemeente Groningen iets heeft verloren of gevonden.',
      cost: 'Melden is gratis. Kijk op gemeente.groningen.nl of ophalen iets kost.',
      duration:
        'Komt niemand een gevonden voorwerp halen? Dan wordt de vinder na een jaar soms de eigenaar (Burgerlijk Wetboek, art. 5:6).',
      bring: [
        'Een beschrijving van het voorwerp',
        'De plek en de datum',
        'Bij ophalen: een geldig paspoort of ID-kaart',
      ],
    },
    en: {
      title: 'Lost or found something',
      summary:
        'Lost something in Groningen, or found something? Check verlorenofgevonden.nl or report it to the municipality.',
      what: 'Found items are kept by the municipality, and most are listed on verlorenofgevonden.nl, where you can search for your belongings or report something lost.\n\nFound something? Report it. Lost an identity document? Report that at the counter, so we can cancel it.',
      forWhom: 'Anyone who lost or found something in the municipality of Groningen.',
      cost: 'Reporting is free. See gemeente.groningen.nl for whether collecting an item costs anything.',
      duration:
        'If nobody claims a found item, the finder may become its owner after a year (Dutch Civil Code, art. 5:6).',
      bring: ['A description of the item', 'The place and the date', 'When collecting: a valid passport or ID card'],
    },
  },
]

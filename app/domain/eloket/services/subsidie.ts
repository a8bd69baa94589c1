import type { ServiceDefinition } from '../form'
import { answerText, notResident } from './shared'

/** The most a neighbourhood initiative can ask for in one application (the grants article states the same). */
export const NEIGHBOURHOOD_GRANT_MAX_EUROS = 5000

/**
 * A small grant for a neighbourhood initiative (Algemene subsidieverordening): what, for whom,
 * when, how much (at most € 5.000) and a budget. Applying on behalf of an association or
 * foundation asks for its Chamber of Commerce (KvK) number. No fee.
 */
export const subsidie: ServiceDefinition = {
  code: 'subsidie',
  caseType: 'subsidie',
  topic: 'grants',
  articleSlug: 'subsidie-vereniging-of-activiteit',
  title: { nl: 'Subsidie voor een buurtinitiatief aanvragen', en: 'Apply for a neighbourhood initiative grant' },
  summary: {
    nl: 'Geld voor een activiteit in uw buurt, zoals een buurtfeest of een moestuin. Hoogstens € 5.000.',
    en: 'Money for an activity in your neighbourhood, such as a street party or a community garden. At most €5,000.',
  },
  before: [
    { nl: 'Een beschrijving van uw plan', en: 'A description of your plan' },
    {
      nl: 'Een begroting: wat het kost en hoe u het betaalt',
      en: 'A budget: what it costs and how you will pay for it',
    },
    {
      nl: 'Het KvK-nummer, als u aanvraagt voor een vereniging of stichting',
      en: 'The KvK number, if you apply for an association or foundation',
    },
  ],
  fee: null,
  known: ['name', 'address', 'email'],
  pages: [
    {
      id: 'initiatief',
      title: { nl: 'Uw initiatief', en: 'Your initiative' },
      questions: [
        {
          id: 'initiativeName',
          kind: 'text',
          maxLength: 100,
          label: { nl: 'Wat is de naam van uw initiatief?', en: 'What is the name of your initiative?' },
          hint: { nl: 'Bijvoorbeeld: Buurtfeest Oosterpark', en: 'For example: Oosterpark street party' },
          short: { nl: 'Naam van het initiatief', en: 'Name of the initiative' },
          errors: { required: { nl: 'Vul de naam van uw initiatief in', en: 'Enter the name of your initiative' } },
        },
      ],
    },
    {
      id: 'plan',
      title: { nl: 'Uw plan', en: 'Your plan' },
      questions: [
        {
          id: 'plan',
          kind: 'textarea',
          maxLength: 2000,
          label: { nl: 'Wat gaat u doen, en voor wie?', en: 'What will you do, and for whom?' },
          hint: {
            nl: 'Vertel wat u organiseert en wie er iets aan hebben. Bijvoorbeeld: de bewoners van onze straat.',
            en: 'Tell us what you are organising and who benefits. For example: the residents of our street.',
          },
          short: { nl: 'Plan', en: 'Plan' },
          errors: {
            required: { nl: 'Vertel wat u gaat doen en voor wie', en: 'Tell us what you will do and for whom' },
          },
        },
      ],
    },
    {
      id: 'datum',
      title: { nl: 'Datum', en: 'Date' },
      questions: [
        {
          id: 'activityDate',
          kind: 'date',
          earliest: 0,
          latest: 730,
          label: { nl: 'Wanneer begint de activiteit?', en: 'When does the activity start?' },
          hint: {
            nl: 'Vraag de subsidie aan voordat de activiteit begint. Bijvoorbeeld 21 6 2026',
            en: 'Apply before the activity starts. For example, 21 6 2026',
          },
          short: { nl: 'Begindatum', en: 'Start date' },
          errors: {
            required: { nl: 'Vul de datum in waarop de activiteit begint', en: 'Enter the date the activity starts' },
            invalid: { nl: 'De datum moet een echte datum zijn', en: 'The date must be a real date' },
            tooEarly: {
              nl: 'De activiteit moet vandaag of later beginnen. Voor een activiteit die al voorbij is, krijgt u geen subsidie.',
              en: 'The activity must start today or later. There is no grant for an activity that is already over.',
            },
            tooLate: {
              nl: 'De activiteit moet binnen 2 jaar beginnen',
              en: 'The activity must start within 2 years',
            },
          },
        },
      ],
    },
    {
      id: 'bedrag',
      title: { nl: 'Bedrag', en: 'Amount' },
      questions: [
        {
          id: 'amount',
          kind: 'money',
          min: 1,
          max: NEIGHBOURHOOD_GRANT_MAX_EUROS,
          label: { nl: 'Hoeveel subsidie vraagt u?', en: 'How much do you ask for?' },
          hint: { nl: 'Hoogstens € 5.000. Bijvoorbeeld 750', en: 'At most €5,000. For example, 750' },
          short: { nl: 'Gevraagd bedrag', en: 'Amount asked for' },
          errors: {
            required: { nl: 'Vul het bedrag in dat u vraagt', en: 'Enter the amount you ask for' },
            invalid: { nl: 'Vul een bedrag in, zoals 750 of 750,50', en: 'Enter an amount, like 750 or 750.50' },
            tooSmall: { nl: 'Het bedrag moet minstens € 1 zijn', en: 'The amount must be at least €1' },
            tooLarge: {
              nl: 'U kunt hoogstens € 5.000 vragen voor een buurtinitiatief',
              en: 'You can ask for at most €5,000 for a neighbourhood initiative',
            },
          },
        },
      ],
    },
    {
      id: 'begroting',
      title: { nl: 'Begroting', en: 'Budget' },
      questions: [
        {
          id: 'budget',
          kind: 'file',
          maxFiles: 3,
          label: { nl: 'Begroting', en: 'Budget' },
          hint: {
            nl: 'Wat kost uw plan, en hoe betaalt u het? Een PDF, een spreadsheet als PDF of een foto. Hoogstens 3 bestanden.',
            en: 'What does your plan cost, and how will you pay for it? A PDF or a photo. At most 3 files.',
          },
          short: { nl: 'Begroting', en: 'Budget' },
          errors: { required: { nl: 'Kies een bestand met de begroting', en: 'Select a file with the budget' } },
        },
      ],
    },
    {
      id: 'organisatie',
      title: { nl: 'Organisatie', en: 'Organisation' },
      questions: [
        {
          id: 'organisation',
          kind: 'yesNo',
          label: {
            nl: 'Vraagt u de subsidie aan voor een vereniging of stichting?',
            en: 'Are you applying for an association or foundation?',
          },
          hint: {
            nl: 'Kies nee als u het als bewoner of met een groep bewoners organiseert.',
            en: 'Select no if you organise it as a resident or with a group of residents.',
          },
          short: { nl: 'Voor een vereniging of stichting', en: 'For an association or foundation' },
          errors: {
            required: {
              nl: 'Kies ja als u aanvraagt voor een vereniging of stichting',
              en: 'Select yes if you apply for an association or foundation',
            },
          },
        },
      ],
    },
    {
      id: 'kvk',
      title: { nl: 'Vereniging of stichting', en: 'Association or foundation' },
      when: (answers) => answers.organisation === 'yes',
      questions: [
        {
          id: 'organisationName',
          kind: 'text',
          maxLength: 150,
          autocomplete: 'organization',
          label: { nl: 'Naam van de vereniging of stichting', en: 'Name of the association or foundation' },
          short: { nl: 'Vereniging of stichting', en: 'Association or foundation' },
          errors: {
            required: {
              nl: 'Vul de naam van de vereniging of stichting in',
              en: 'Enter the name of the association or foundation',
            },
          },
        },
        {
          id: 'kvkNumber',
          kind: 'text',
          maxLength: 8,
          width: 'short',
          pattern: /^\d{8}$/,
          label: { nl: 'KvK-nummer', en: 'KvK number' },
          hint: {
            nl: '8 cijfers. U vindt het op het uittreksel van de Kamer van Koophandel.',
            en: '8 digits. You find it on the extract from the Chamber of Commerce (KvK).',
          },
          errors: {
            required: { nl: 'Vul het KvK-nummer in', en: 'Enter the KvK number' },
            invalid: { nl: 'Het KvK-nummer bestaat uit 8 cijfers', en: 'The KvK number has 8 digits' },
            tooLong: { nl: 'Het KvK-nummer bestaat uit 8 cijfers', en: 'The KvK number has 8 digits' },
          },
        },
      ],
    },
  ],
  subject: (answers) => {
    const name = answerText(answers.initiativeName)
    return name
      ? { nl: `Subsidie buurtinitiatief: ${name}`, en: `Neighbourhood initiative grant: ${name}` }
      : { nl: 'Subsidie buurtinitiatief', en: 'Neighbourhood initiative grant' }
  },
  unavailable: (ctx) => notResident(ctx, { nl: 'subsidie voor een buurtinitiatief', en: 'a neighbourhood grant' }),
}

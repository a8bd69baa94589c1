import type { Option, ServiceDefinition } from '../form'
import { formatCents } from '../display'
import { answerText, notResident } from './shared'

const COSTS: Option[] = [
  { value: 'glasses', label: { nl: 'Een bril of lenzen', en: 'Glasses or contact lenses' } },
  { value: 'dental', label: { nl: 'De tandarts', en: 'The dentist' } },
  {
    value: 'legal',
    label: { nl: 'Een advocaat', en: 'A lawyer' },
    hint: { nl: 'De eigen bijdrage die u moet betalen', en: 'The contribution you have to pay yourself' },
  },
  { value: 'moving', label: { nl: 'Een verhuizing', en: 'A move' } },
  {
    value: 'household',
    label: { nl: 'Iets voor in huis', en: 'Something for your home' },
    hint: {
      nl: 'Bijvoorbeeld een wasmachine, een bed of een koelkast',
      en: 'For example a washing machine, a bed or a fridge',
    },
  },
  { value: 'other', label: { nl: 'Iets anders', en: 'Something else' } },
]

const INCOME: Option[] = [
  { value: 'below-1000', label: { nl: 'Minder dan € 1.000', en: 'Less than €1,000' } },
  { value: '1000-1500', label: { nl: '€ 1.000 tot € 1.500', en: '€1,000 to €1,500' } },
  { value: '1500-2000', label: { nl: '€ 1.500 tot € 2.000', en: '€1,500 to €2,000' } },
  { value: '2000-2500', label: { nl: '€ 2.000 tot € 2.500', en: '€2,000 to €2,500' } },
  { value: 'above-2500', label: { nl: '€ 2.500 of meer', en: '€2,500 or more' } },
]

/**
 * Special assistance (Participatiewet art. 35): money for necessary costs the citizen cannot
 * pay. The household is known from the BRP (the income that counts is the household's); a quote
 * or an invoice is required. No fee.
 */
export const bijzondereBijstand: ServiceDefinition = {
  code: 'bijzondere-bijstand',
  caseType: 'bijzondere_bijstand',
  topic: 'income',
  articleSlug: 'bijzondere-bijstand',
  title: { nl: 'Bijzondere bijstand aanvragen', en: 'Apply for special assistance' },
  summary: {
    nl: 'Geld voor noodzakelijke kosten die u zelf niet kunt betalen.',
    en: 'Money for necessary costs you cannot pay yourself.',
  },
  before: [
    { nl: 'Een offerte of rekening van de kosten', en: 'A quote or invoice for the costs' },
    {
      nl: 'Hoeveel geld uw huishouden per maand krijgt, na belasting',
      en: 'How much money your household gets each month, after tax',
    },
  ],
  fee: null,
  known: ['name', 'address', 'household'],
  pages: [
    {
      id: 'kosten',
      title: { nl: 'Waarvoor zijn de kosten?', en: 'What are the costs for?' },
      questions: [
        {
          id: 'costType',
          kind: 'radios',
          label: { nl: 'Waarvoor zijn de kosten?', en: 'What are the costs for?' },
          short: { nl: 'Kosten voor', en: 'Costs for' },
          options: COSTS,
          errors: { required: { nl: 'Kies waarvoor de kosten zijn', en: 'Select what the costs are for' } },
        },
      ],
    },
    {
      id: 'andere-kosten',
      title: { nl: 'Andere kosten', en: 'Other costs' },
      when: (answers) => answers.costType === 'other',
      questions: [
        {
          id: 'costOther',
          kind: 'text',
          maxLength: 200,
          label: { nl: 'Waarvoor zijn de kosten?', en: 'What are the costs for?' },
          short: { nl: 'Omschrijving van de kosten', en: 'Description of the costs' },
          errors: { required: { nl: 'Vul in waarvoor de kosten zijn', en: 'Enter what the costs are for' } },
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
          max: 10_000,
          label: { nl: 'Hoeveel kosten het?', en: 'How much do they cost?' },
          hint: {
            nl: 'Het bedrag op de offerte of rekening. Bijvoorbeeld 125,50',
            en: 'The amount on the quote or invoice. For example, 125.50',
          },
          short: { nl: 'Bedrag', en: 'Amount' },
          errors: {
            required: { nl: 'Vul het bedrag in', en: 'Enter the amount' },
            invalid: { nl: 'Vul een bedrag in, zoals 125,50', en: 'Enter an amount, like 125.50' },
            tooSmall: { nl: 'Het bedrag moet minstens € 1 zijn', en: 'The amount must be at least €1' },
            tooLarge: {
              nl: 'Het bedrag kan hoogstens € 10.000 zijn. Zijn de kosten hoger? Bel ons op 14 050.',
              en: 'The amount can be at most €10,000. Are the costs higher? Call us on 14 050.',
            },
          },
        },
      ],
    },
    {
      id: 'datum',
      title: { nl: 'Datum van de kosten', en: 'Date of the costs' },
      questions: [
        {
          id: 'costDate',
          kind: 'date',
          earliest: -365,
          latest: 365,
          label: { nl: 'Wanneer maakt u de kosten?', en: 'When do you incur the costs?' },
          hint: {
            nl: 'De datum op de rekening, of wanneer u de kosten verwacht. Bijvoorbeeld 15 3 2026',
            en: 'The date on the invoice, or when you expect the costs. For example, 15 3 2026',
          },
          short: { nl: 'Datum van de kosten', en: 'Date of the costs' },
          errors: {
            required: { nl: 'Vul de datum van de kosten in', en: 'Enter the date of the costs' },
            invalid: { nl: 'De datum moet een echte datum zijn', en: 'The date must be a real date' },
            tooEarly: {
              nl: 'Kosten van meer dan een jaar geleden vergoeden wij niet',
              en: 'We do not pay costs of more than a year ago',
            },
            tooLate: {
              nl: 'De datum kan hoogstens een jaar na vandaag zijn',
              en: 'The date can be at most a year from today',
            },
          },
        },
      ],
    },
    {
      id: 'inkomen',
      title: { nl: 'Inkomen', en: 'Income' },
      questions: [
        {
          id: 'income',
          kind: 'radios',
          label: {
            nl: 'Hoeveel geld krijgt uw huishouden per maand?',
            en: 'How much money does your household get each month?',
          },
          hint: {
            nl: 'Na belasting. Tel het inkomen van uw partner mee, als u die heeft.',
            en: 'After tax. Include your partner’s income, if you have a partner.',
          },
          short: { nl: 'Inkomen per maand', en: 'Income per month' },
          options: INCOME,
          errors: {
            required: {
              nl: 'Kies hoeveel geld uw huishouden per maand krijgt',
              en: 'Select your household’s monthly income',
            },
          },
        },
      ],
    },
    {
      id: 'bewijs',
      title: { nl: 'Offerte of rekening', en: 'Quote or invoice' },
      questions: [
        {
          id: 'quote',
          kind: 'file',
          maxFiles: 5,
          label: { nl: 'Offerte of rekening', en: 'Quote or invoice' },
          hint: {
            nl: 'Hierop staat wat het kost. Een PDF of een foto. Hoogstens 5 bestanden.',
            en: 'This shows what it costs. A PDF or a photo. At most 5 files.',
          },
          short: { nl: 'Offerte of rekening', en: 'Quote or invoice' },
          errors: {
            required: {
              nl: 'Kies een bestand met de offerte of rekening',
              en: 'Select a file with the quote or invoice',
            },
          },
        },
      ],
    },
  ],
  subject: (answers) => {
    const cost = COSTS.find((option) => option.value === answers.costType)
    const what =
      answers.costType === 'other' && answerText(answers.costOther)
        ? { nl: answerText(answers.costOther), en: answerText(answers.costOther) }
        : cost?.label
    const amount = /^\d+$/.test(answerText(answers.amount)) ? formatCents(Number(answers.amount)) : null
    const tail = (lang: 'nl' | 'en') =>
      [what ? what[lang].toLowerCase() : null, amount ? `(${amount[lang]})` : null].filter(Boolean).join(' ')
    return {
      nl: ['Bijzondere bijstand', tail('nl')].filter(Boolean).join(': '),
      en: ['Special assistance', tail('en')].filter(Boolean).join(': '),
    }
  },
  unavailable: (ctx) => notResident(ctx, { nl: 'bijzondere bijstand', en: 'special assistance' }),
}

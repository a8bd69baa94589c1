import type { Answers, Option, ServiceDefinition, Text } from '../form'
import { notResident } from './shared'

const HELP: Option[] = [
  {
    value: 'household',
    label: { nl: 'Het huishouden', en: 'Housework' },
    hint: { nl: 'Bijvoorbeeld schoonmaken of de was doen', en: 'For example cleaning or doing the laundry' },
  },
  {
    value: 'mobility',
    label: { nl: 'Ergens naartoe gaan', en: 'Getting around' },
    hint: { nl: 'Bijvoorbeeld met vervoer of een scootmobiel', en: 'For example transport or a mobility scooter' },
  },
  {
    value: 'housing',
    label: { nl: 'Uw woning aanpassen', en: 'Adapting your home' },
    hint: { nl: 'Bijvoorbeeld een traplift of een douchestoel', en: 'For example a stairlift or a shower chair' },
  },
  {
    value: 'daily',
    label: { nl: 'Hulp bij het dagelijks leven', en: 'Support in daily life' },
    hint: {
      nl: 'Bijvoorbeeld uw dag indelen, post en geld regelen of mensen ontmoeten',
      en: 'For example planning your day, dealing with post and money, or meeting people',
    },
  },
  { value: 'other', label: { nl: 'Iets anders', en: 'Something else' } },
]

const chose = (value: string) => (answers: Answers) =>
  Array.isArray(answers.helpWith) && answers.helpWith.includes(value)

/**
 * A Wmo support request: the report (melding) that starts the inquiry and the conversation at
 * home (Wmo 2015 art. 2.3.2). No fee. The phone number of Voorkeuren is used to make the
 * appointment; it is asked only when the municipality has none.
 */
export const wmo: ServiceDefinition = {
  code: 'wmo',
  caseType: 'wmo',
  topic: 'care',
  articleSlug: 'wmo-ondersteuning-aanvragen',
  title: { nl: 'Hulp of ondersteuning thuis aanvragen (Wmo)', en: 'Ask for support at home (Wmo)' },
  summary: {
    nl: 'Lukt het thuis niet meer goed? Vertel ons waarmee u hulp nodig heeft.',
    en: 'Finding it hard to manage at home? Tell us what you need help with.',
  },
  before: [
    { nl: 'Wat er thuis niet meer goed lukt', en: 'What you can no longer manage well at home' },
    {
      nl: 'Als u die heeft: een brief van uw arts of een andere hulpverlener',
      en: 'If you have one: a letter from your doctor or another care worker',
    },
  ],
  fee: null,
  known: ['name', 'address'],
  pages: [
    {
      id: 'hulp',
      title: { nl: 'Waarmee heeft u hulp nodig?', en: 'What do you need help with?' },
      questions: [
        {
          id: 'helpWith',
          kind: 'checkboxes',
          label: { nl: 'Waarmee heeft u hulp nodig?', en: 'What do you need help with?' },
          hint: { nl: 'Kies alles wat voor u geldt.', en: 'Select all that apply.' },
          short: { nl: 'Hulp bij', en: 'Help with' },
          options: HELP,
          errors: { required: { nl: 'Kies waarmee u hulp nodig heeft', en: 'Select what you need help with' } },
        },
      ],
    },
    {
      id: 'iets-anders',
      title: { nl: 'Iets anders', en: 'Something else' },
      when: chose('other'),
      questions: [
        {
          id: 'otherHelp',
          kind: 'text',
          maxLength: 200,
          label: { nl: 'Waarmee heeft u nog meer hulp nodig?', en: 'What else do you need help with?' },
          short: { nl: 'Ook hulp bij', en: 'Also help with' },
          errors: { required: { nl: 'Vul in waarmee u hulp nodig heeft', en: 'Enter what you need help with' } },
        },
      ],
    },
    {
      id: 'situatie',
      title: { nl: 'Uw situatie', en: 'Your situation' },
      questions: [
        {
          id: 'description',
          kind: 'textarea',
          maxLength: 1500,
          label: { nl: 'Wat lukt er niet meer goed?', en: 'What can you no longer manage well?' },
          hint: {
            nl: 'Vertel het in een paar zinnen. In het gesprek bij u thuis bespreken wij het verder.',
            en: 'Tell us in a few sentences. We talk about it further in the conversation at your home.',
          },
          short: { nl: 'Wat niet meer lukt', en: 'What you cannot manage' },
          errors: {
            required: { nl: 'Vertel wat er niet meer goed lukt', en: 'Tell us what you can no longer manage well' },
          },
        },
      ],
    },
    {
      id: 'mantelzorg',
      title: { nl: 'Hulp die u al krijgt', en: 'Help you already get' },
      questions: [
        {
          id: 'informalCare',
          kind: 'yesNo',
          label: {
            nl: 'Helpt iemand u nu al, zoals familie, buren of vrienden?',
            en: 'Does someone already help you, such as family, neighbours or friends?',
          },
          hint: { nl: 'Dit heet mantelzorg.', en: 'This is called informal care (mantelzorg).' },
          short: { nl: 'Krijgt mantelzorg', en: 'Gets informal care' },
          errors: {
            required: { nl: 'Kies ja als iemand u al helpt', en: 'Select yes if someone already helps you' },
          },
        },
      ],
    },
    {
      id: 'mantelzorger',
      title: { nl: 'Wie helpt u?', en: 'Who helps you?' },
      when: (answers) => answers.informalCare === 'yes',
      questions: [
        {
          id: 'carerName',
          kind: 'text',
          maxLength: 100,
          autocomplete: 'off',
          label: { nl: 'Wie helpt u?', en: 'Who helps you?' },
          hint: {
            nl: 'De naam, en wie het is. Bijvoorbeeld: Els Bakker, mijn dochter',
            en: 'Their name, and who they are. For example: Els Bakker, my daughter',
          },
          short: { nl: 'Mantelzorger', en: 'Informal carer' },
          errors: { required: { nl: 'Vul in wie u helpt', en: 'Enter who helps you' } },
        },
      ],
    },
    {
      id: 'contact',
      title: { nl: 'Contact', en: 'Contact' },
      intro: {
        nl: 'Wij bellen u om een gesprek bij u thuis af te spreken.',
        en: 'We call you to arrange a conversation at your home.',
      },
      questions: [
        {
          id: 'phone',
          kind: 'phone',
          maxLength: 20,
          width: 'short',
          autocomplete: 'tel',
          label: { nl: 'Op welk telefoonnummer kunnen wij u bellen?', en: 'What phone number can we call you on?' },
          hint: { nl: 'Bijvoorbeeld 06 12345678', en: 'For example, 06 12345678' },
          short: { nl: 'Telefoonnummer', en: 'Phone number' },
          known: (ctx) => ctx.known.phone,
          errors: {
            required: { nl: 'Vul uw telefoonnummer in', en: 'Enter your phone number' },
            invalid: {
              nl: 'Vul een telefoonnummer in zoals 06 12345678 of +31 50 1234567',
              en: 'Enter a phone number like 06 12345678 or +31 50 1234567',
            },
          },
        },
      ],
    },
    {
      id: 'documenten',
      title: { nl: 'Documenten', en: 'Documents' },
      questions: [
        {
          id: 'documents',
          kind: 'file',
          maxFiles: 5,
          optional: true,
          label: {
            nl: 'Heeft u een brief van uw arts of een andere hulpverlener?',
            en: 'Do you have a letter from your doctor or another care worker?',
          },
          hint: {
            nl: 'Dit hoeft niet. Het helpt ons wel om u goed te helpen. Hoogstens 5 bestanden.',
            en: 'You do not have to. It does help us to help you well. At most 5 files.',
          },
          short: { nl: 'Documenten', en: 'Documents' },
        },
      ],
    },
  ],
  subject: (answers) => {
    const chosen = Array.isArray(answers.helpWith) ? answers.helpWith : []
    const labels = HELP.filter((option) => chosen.includes(option.value)).map((option) => option.label)
    const list = (lang: keyof Text) => labels.map((label) => label[lang].toLowerCase()).join(', ')
    return labels.length === 0
      ? { nl: 'Melding Wmo', en: 'Wmo support request' }
      : { nl: `Melding Wmo: ${list('nl')}`, en: `Wmo support request: ${list('en')}` }
  },
  unavailable: (ctx) => notResident(ctx, { nl: 'hulp via de Wmo', en: 'support under the Wmo' }),
}

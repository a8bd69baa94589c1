import { addMonths, compareLocalDate, isLocalDate } from '~/domain/local-date'
import { formatDate } from '../display'
import type { FormContext, KnownPerson, Option, ServiceDefinition } from '../form'
import { answerText } from './shared'

/** The fee per extract (Legesverordening; the same figure as the article). */
export const EXTRACT_FEE_CENTS = 1600

/** A parent may request an extract for a child under 16 in the household; from 16 a child asks it themselves. */
export function childrenUnder16(ctx: FormContext): KnownPerson[] {
  return ctx.known.household.filter(
    (person) =>
      person.relation === 'child' &&
      isLocalDate(person.birthDate) &&
      compareLocalDate(addMonths(person.birthDate, 16 * 12), ctx.today) > 0,
  )
}

/** A child's option: its value names the child, so it stays the same child if the household changes. */
function childOption(person: KnownPerson): Option {
  const born = person.birthDate ? formatDate(person.birthDate) : null
  return {
    value: `kind:${person.name}`,
    label: { nl: `Mijn kind ${person.name}`, en: `My child ${person.name}` },
    ...(born ? { hint: { nl: `Geboren op ${born.nl}`, en: `Born on ${born.en}` } } : {}),
  }
}

const KINDS: Option[] = [
  {
    value: 'current',
    label: { nl: 'Met alleen het huidige adres', en: 'With the current address only' },
    hint: { nl: 'Voor de meeste instanties, zoals een werkgever', en: 'For most organisations, such as an employer' },
  },
  {
    value: 'history',
    label: { nl: 'Met eerdere adressen', en: 'With earlier addresses' },
    hint: { nl: 'Bijvoorbeeld voor een woningcorporatie', en: 'For example for a housing association' },
  },
  {
    value: 'international',
    label: { nl: 'Internationaal (meertalig)', en: 'International (multilingual)' },
    hint: {
      nl: 'Voor een instantie in een ander land van de Europese Unie',
      en: 'For an organisation in another country of the European Union',
    },
  },
]

function copiesOf(value: string | string[] | undefined): number {
  const copies = Number(answerText(value))
  return Number.isInteger(copies) && copies >= 1 && copies <= 5 ? copies : 1
}

/**
 * An extract from the personal records database (Wet BRP art. 3.8): for the citizen or a child
 * under 16 of their household, with or without address history or in the multilingual EU form
 * (Regulation (EU) 2016/1191). A fee per extract; sent by post to the address we know.
 */
export const uittrekselBrp: ServiceDefinition = {
  code: 'uittreksel-brp',
  caseType: 'uittreksel_brp',
  topic: 'civil',
  articleSlug: 'uittreksel-brp',
  title: { nl: 'Uittreksel BRP aanvragen', en: 'Request an extract from the BRP' },
  summary: {
    nl: 'Een officieel bewijs van uw inschrijving en adres. U krijgt het per post.',
    en: 'Official proof of your registration and address. You get it by post.',
  },
  before: [
    { nl: 'Waarvoor u het uittreksel nodig heeft', en: 'What you need the extract for' },
    { nl: 'Een betaalrekening voor iDEAL of een creditcard', en: 'A bank account for iDEAL, or a credit card' },
  ],
  fee: (answers) => {
    const copies = copiesOf(answers.copies)
    return {
      amountCents: copies * EXTRACT_FEE_CENTS,
      description:
        copies === 1
          ? { nl: 'Uittreksel BRP', en: 'Extract from the BRP' }
          : { nl: `${copies} uittreksels BRP`, en: `${copies} extracts from the BRP` },
    }
  },
  known: ['name', 'birthDate', 'address'],
  pages: [
    {
      id: 'soort',
      title: { nl: 'Soort uittreksel', en: 'Kind of extract' },
      questions: [
        {
          id: 'extractKind',
          kind: 'radios',
          label: { nl: 'Welk uittreksel heeft u nodig?', en: 'Which extract do you need?' },
          short: { nl: 'Soort uittreksel', en: 'Kind of extract' },
          options: KINDS,
          errors: { required: { nl: 'Kies welk uittreksel u nodig heeft', en: 'Select which extract you need' } },
        },
      ],
    },
    {
      id: 'voor-wie',
      title: { nl: 'Voor wie?', en: 'For whom?' },
      when: (_answers, ctx) => childrenUnder16(ctx).length > 0,
      questions: [
        {
          id: 'forWhom',
          kind: 'radios',
          label: { nl: 'Voor wie is het uittreksel?', en: 'Who is the extract for?' },
          hint: {
            nl: 'Voor een kind jonger dan 16 jaar dat bij u woont, kunt u het uittreksel ook aanvragen.',
            en: 'You can also request it for a child under 16 who lives with you.',
          },
          short: { nl: 'Voor', en: 'For' },
          options: [{ value: 'self', label: { nl: 'Voor mijzelf', en: 'For myself' } }],
          optionsFrom: (ctx) => childrenUnder16(ctx).map(childOption),
          errors: { required: { nl: 'Kies voor wie het uittreksel is', en: 'Select who the extract is for' } },
        },
      ],
    },
    {
      id: 'taal',
      title: { nl: 'Taal', en: 'Language' },
      when: (answers) => answers.extractKind !== 'international',
      questions: [
        {
          id: 'extractLanguage',
          kind: 'radios',
          label: { nl: 'In welke taal wilt u het uittreksel?', en: 'In which language do you want the extract?' },
          short: { nl: 'Taal', en: 'Language' },
          options: [
            { value: 'nl', label: { nl: 'Nederlands', en: 'Dutch' } },
            { value: 'en', label: { nl: 'Engels', en: 'English' } },
          ],
          errors: { required: { nl: 'Kies een taal', en: 'Select a language' } },
        },
      ],
    },
    {
      id: 'aantal',
      title: { nl: 'Aantal', en: 'Number of copies' },
      questions: [
        {
          id: 'copies',
          kind: 'number',
          min: 1,
          max: 5,
          label: { nl: 'Hoeveel uittreksels heeft u nodig?', en: 'How many extracts do you need?' },
          hint: { nl: 'Elk uittreksel kost € 16,00. Hoogstens 5.', en: 'Each extract costs €16.00. At most 5.' },
          short: { nl: 'Aantal', en: 'Number' },
          errors: {
            required: { nl: 'Vul in hoeveel uittreksels u nodig heeft', en: 'Enter how many extracts you need' },
            invalid: { nl: 'Vul een getal in, zoals 1', en: 'Enter a number, like 1' },
            tooSmall: { nl: 'U heeft minstens 1 uittreksel nodig', en: 'You need at least 1 extract' },
            tooLarge: {
              nl: 'U kunt hoogstens 5 uittreksels tegelijk aanvragen',
              en: 'You can request at most 5 extracts at once',
            },
          },
        },
      ],
    },
    {
      id: 'doel',
      title: { nl: 'Waarvoor?', en: 'What for?' },
      questions: [
        {
          id: 'purpose',
          kind: 'text',
          maxLength: 200,
          optional: true,
          label: { nl: 'Waarvoor heeft u het uittreksel nodig?', en: 'What do you need the extract for?' },
          hint: {
            nl: 'Bijvoorbeeld: voor een nieuwe baan of een huurhuis. Zo kunnen wij controleren of u het goede uittreksel kiest.',
            en: 'For example: for a new job or a rented home. That lets us check you chose the right extract.',
          },
          short: { nl: 'Nodig voor', en: 'Needed for' },
        },
      ],
    },
  ],
  subject: (answers) => {
    const kind = KINDS.find((option) => option.value === answers.extractKind)
    const child = answerText(answers.forWhom).startsWith('kind:') ? answerText(answers.forWhom).slice(5) : null
    const base = { nl: 'Uittreksel BRP', en: 'Extract from the BRP' }
    const parts = (lang: 'nl' | 'en') =>
      [kind ? kind.label[lang].toLowerCase() : null, child ? `${lang === 'nl' ? 'voor' : 'for'} ${child}` : null]
        .filter(Boolean)
        .join(', ')
    return {
      nl: [base.nl, parts('nl')].filter(Boolean).join(': '),
      en: [base.en, parts('en')].filter(Boolean).join(': '),
    }
  },
  unavailable: (ctx) =>
    ctx.known.address
      ? null
      : {
          nl: 'U staat niet ingeschreven in de gemeente Groningen. Een uittreksel vraagt u aan bij de gemeente waar u staat ingeschreven.',
          en: 'You are not registered in the municipality of Groningen. Request an extract from the municipality where you are registered.',
        },
}

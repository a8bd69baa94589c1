import type { Answers, Option, ServiceDefinition } from '../form'
import { notResident } from './shared'

/** An extra wheelie bin: a one-off delivery charge (the waste article states the same figure). */
export const EXTRA_CONTAINER_FEE_CENTS = 4500
/** A replacement or an extra waste pass; the first pass for an address is free. */
export const REPLACEMENT_PASS_FEE_CENTS = 1000

const CONTAINERS: Option[] = [
  { value: 'rest', label: { nl: 'Restafval (grijze container)', en: 'Residual waste (grey bin)' } },
  {
    value: 'gft',
    label: { nl: 'Groente-, fruit- en tuinafval (groene container)', en: 'Food and garden waste (green bin)' },
  },
  { value: 'paper', label: { nl: 'Oud papier (blauwe container)', en: 'Paper (blue bin)' } },
]

const container = (answers: Answers) => answers.request === 'container'
const pass = (answers: Answers) => answers.request === 'pass'

/**
 * An extra waste container or a waste pass (Afvalstoffenverordening Groningen). The household
 * is known from the BRP, so a large household need not prove its size. An extra container costs
 * a one-off fee; the first pass for a new address is free, a replacement or extra pass is not.
 */
export const afval: ServiceDefinition = {
  code: 'afval',
  caseType: 'afval',
  topic: 'waste',
  articleSlug: 'minicontainer-of-afvalpas',
  title: { nl: 'Extra container of afvalpas aanvragen', en: 'Apply for an extra bin or a waste pass' },
  summary: {
    nl: 'Een extra minicontainer voor uw adres, of een nieuwe afvalpas.',
    en: 'An extra wheelie bin for your address, or a new waste pass.',
  },
  before: [
    {
      nl: 'Waarom u een extra container nodig heeft, of waarom u een nieuwe pas wilt',
      en: 'Why you need an extra bin, or why you want a new pass',
    },
  ],
  fee: (answers) => {
    if (answers.request === 'container')
      return {
        amountCents: EXTRA_CONTAINER_FEE_CENTS,
        description: { nl: 'Extra minicontainer', en: 'Extra wheelie bin' },
      }
    if (answers.request === 'pass' && (answers.passReason === 'lost' || answers.passReason === 'extra'))
      return {
        amountCents: REPLACEMENT_PASS_FEE_CENTS,
        description: { nl: 'Afvalpas', en: 'Waste pass' },
      }
    return null
  },
  known: ['name', 'address', 'household'],
  pages: [
    {
      id: 'wat',
      title: { nl: 'Wat wilt u aanvragen?', en: 'What do you want to apply for?' },
      questions: [
        {
          id: 'request',
          kind: 'radios',
          label: { nl: 'Wat wilt u aanvragen?', en: 'What do you want to apply for?' },
          short: { nl: 'Aanvraag', en: 'Application' },
          options: [
            {
              value: 'container',
              label: { nl: 'Een extra container', en: 'An extra bin' },
              hint: { nl: 'Dit kost € 45,00.', en: 'This costs €45.00.' },
            },
            {
              value: 'pass',
              label: { nl: 'Een afvalpas', en: 'A waste pass' },
              hint: {
                nl: 'Uw eerste pas op een nieuw adres is gratis. Een nieuwe of extra pas kost € 10,00.',
                en: 'Your first pass at a new address is free. A replacement or extra pass costs €10.00.',
              },
            },
          ],
          errors: { required: { nl: 'Kies wat u wilt aanvragen', en: 'Select what you want to apply for' } },
        },
      ],
    },
    {
      id: 'container',
      title: { nl: 'Welke container?', en: 'Which bin?' },
      when: container,
      questions: [
        {
          id: 'containerType',
          kind: 'radios',
          label: { nl: 'Voor welk afval wilt u een extra container?', en: 'For which waste do you want an extra bin?' },
          short: { nl: 'Container voor', en: 'Bin for' },
          options: CONTAINERS,
          errors: { required: { nl: 'Kies voor welk afval', en: 'Select which waste' } },
        },
      ],
    },
    {
      id: 'reden',
      title: { nl: 'Waarom een extra container?', en: 'Why an extra bin?' },
      intro: {
        nl: 'Wij weten hoeveel mensen er op uw adres wonen. Dat hoeft u niet te bewijzen.',
        en: 'We know how many people live at your address. You do not need to prove it.',
      },
      when: container,
      questions: [
        {
          id: 'containerReason',
          kind: 'radios',
          label: { nl: 'Waarom heeft u een extra container nodig?', en: 'Why do you need an extra bin?' },
          short: { nl: 'Reden', en: 'Reason' },
          options: [
            {
              value: 'household',
              label: { nl: 'Wij wonen met veel mensen in huis', en: 'Many people live in our home' },
            },
            {
              value: 'care',
              label: { nl: 'Ik heb veel afval door zorg', en: 'I have a lot of waste because of care' },
              hint: {
                nl: 'Bijvoorbeeld luiers of incontinentiemateriaal',
                en: 'For example nappies or incontinence products',
              },
            },
            { value: 'other', label: { nl: 'Een andere reden', en: 'Another reason' } },
          ],
          errors: {
            required: { nl: 'Kies waarom u een extra container nodig heeft', en: 'Select why you need an extra bin' },
          },
        },
      ],
    },
    {
      id: 'andere-reden',
      title: { nl: 'Andere reden', en: 'Other reason' },
      when: (answers) => container(answers) && answers.containerReason === 'other',
      questions: [
        {
          id: 'containerReasonOther',
          kind: 'textarea',
          maxLength: 500,
          label: { nl: 'Waarom heeft u een extra container nodig?', en: 'Why do you need an extra bin?' },
          short: { nl: 'Andere reden', en: 'Other reason' },
          errors: {
            required: {
              nl: 'Vertel waarom u een extra container nodig heeft',
              en: 'Tell us why you need an extra bin',
            },
          },
        },
      ],
    },
    {
      id: 'pas',
      title: { nl: 'Afvalpas', en: 'Waste pass' },
      when: pass,
      questions: [
        {
          id: 'passReason',
          kind: 'radios',
          label: { nl: 'Waarom wilt u een afvalpas?', en: 'Why do you want a waste pass?' },
          short: { nl: 'Reden', en: 'Reason' },
          options: [
            {
              value: 'newAddress',
              label: { nl: 'Ik woon op een nieuw adres', en: 'I live at a new address' },
              hint: { nl: 'Gratis', en: 'Free' },
            },
            {
              value: 'lost',
              label: { nl: 'Mijn pas is kwijt of kapot', en: 'My pass is lost or broken' },
              hint: {
                nl: '€ 10,00. Uw oude pas werkt daarna niet meer.',
                en: '€10.00. Your old pass then stops working.',
              },
            },
            {
              value: 'extra',
              label: {
                nl: 'Ik wil een extra pas voor iemand in mijn huis',
                en: 'I want an extra pass for someone in my home',
              },
              hint: { nl: '€ 10,00', en: '€10.00' },
            },
          ],
          errors: { required: { nl: 'Kies waarom u een afvalpas wilt', en: 'Select why you want a waste pass' } },
        },
      ],
    },
  ],
  subject: (answers) => {
    if (answers.request === 'container') {
      const kind = CONTAINERS.find((option) => option.value === answers.containerType)
      return kind
        ? { nl: `Extra container: ${kind.label.nl.toLowerCase()}`, en: `Extra bin: ${kind.label.en.toLowerCase()}` }
        : { nl: 'Extra container', en: 'Extra bin' }
    }
    return answers.request === 'pass'
      ? { nl: 'Afvalpas', en: 'Waste pass' }
      : { nl: 'Container of afvalpas', en: 'Bin or waste pass' }
  },
  unavailable: (ctx) => notResident(ctx, { nl: 'een container of afvalpas', en: 'a bin or waste pass' }),
}

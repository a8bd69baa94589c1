import type { Answers, ServiceDefinition } from '../form'

/** The yearly fee of a residents' permit (Parkeerverordening Groningen; the same figure as the article). */
export const PARKING_PERMIT_FEE_CENTS = 6590

const viaOther = (answers: Answers) => answers.carOwner === 'lease' || answers.carOwner === 'employer'

/**
 * A resident parking permit (bewonersvergunning): for a car in the citizen's name, or a lease or
 * employer's car with a statement of the lease company or employer. The licence plate of an
 * earlier permit is known and not asked again (`?anders=1` to give another one).
 */
export const parkeervergunning: ServiceDefinition = {
  code: 'parkeervergunning',
  caseType: 'parkeervergunning',
  topic: 'parking',
  articleSlug: 'parkeervergunning-bewoners',
  title: { nl: 'Parkeervergunning voor bewoners aanvragen', en: 'Apply for a residents’ parking permit' },
  summary: {
    nl: 'Parkeer uw auto in uw eigen wijk met betaald parkeren.',
    en: 'Park your car in your own paid-parking neighbourhood.',
  },
  before: [
    { nl: 'Het kenteken van uw auto', en: 'Your car’s licence plate' },
    {
      nl: 'Is het een leaseauto of een auto van uw werkgever? Dan een verklaring van de leasemaatschappij of uw werkgever',
      en: 'If it is a lease car or your employer’s car: a statement from the lease company or your employer',
    },
  ],
  fee: () => ({
    amountCents: PARKING_PERMIT_FEE_CENTS,
    description: { nl: 'Parkeervergunning voor bewoners, 1 jaar', en: 'Residents’ parking permit, 1 year' },
  }),
  known: ['name', 'address'],
  pages: [
    {
      id: 'kenteken',
      title: { nl: 'Kenteken', en: 'Licence plate' },
      questions: [
        {
          id: 'licencePlate',
          kind: 'licencePlate',
          label: { nl: 'Wat is het kenteken van de auto?', en: 'What is the car’s licence plate?' },
          hint: { nl: 'Bijvoorbeeld 12-ABC-3', en: 'For example, 12-ABC-3' },
          short: { nl: 'Kenteken', en: 'Licence plate' },
          known: (ctx) => ctx.known.licencePlates[0] ?? null,
          errors: {
            required: { nl: 'Vul het kenteken van de auto in', en: 'Enter the car’s licence plate' },
            invalid: {
              nl: 'Vul een Nederlands kenteken in, zoals 12-ABC-3',
              en: 'Enter a Dutch licence plate, like 12-ABC-3',
            },
          },
        },
      ],
    },
    {
      id: 'auto',
      title: { nl: 'Van wie is de auto?', en: 'Whose car is it?' },
      questions: [
        {
          id: 'carOwner',
          kind: 'radios',
          label: { nl: 'Van wie is de auto?', en: 'Whose car is it?' },
          short: { nl: 'Eigenaar van de auto', en: 'Owner of the car' },
          options: [
            { value: 'own', label: { nl: 'De auto staat op mijn naam', en: 'The car is registered in my name' } },
            { value: 'lease', label: { nl: 'Het is een leaseauto', en: 'It is a lease car' } },
            {
              value: 'employer',
              label: { nl: 'Het is een auto van mijn werkgever', en: 'It is my employer’s car' },
            },
          ],
          errors: { required: { nl: 'Kies van wie de auto is', en: 'Select whose car it is' } },
        },
      ],
    },
    {
      id: 'verklaring',
      title: { nl: 'Verklaring', en: 'Statement' },
      intro: {
        nl: 'Staat de auto niet op uw naam? Dan hebben wij een verklaring nodig dat u de auto mag gebruiken. Die krijgt u van de leasemaatschappij of uw werkgever.',
        en: 'If the car is not in your name, we need a statement that you may use it. You get it from the lease company or your employer.',
      },
      when: viaOther,
      questions: [
        {
          id: 'useStatement',
          kind: 'file',
          maxFiles: 3,
          label: {
            nl: 'Verklaring van de leasemaatschappij of werkgever',
            en: 'Statement from the lease company or employer',
          },
          hint: { nl: 'Een PDF of een foto. Hoogstens 3 bestanden.', en: 'A PDF or a photo. At most 3 files.' },
          short: { nl: 'Verklaring', en: 'Statement' },
          errors: {
            required: { nl: 'Kies een bestand met de verklaring', en: 'Select a file with the statement' },
          },
        },
      ],
    },
    {
      id: 'ingangsdatum',
      title: { nl: 'Ingangsdatum', en: 'Start date' },
      questions: [
        {
          id: 'startDate',
          kind: 'date',
          earliest: 0,
          latest: 60,
          label: { nl: 'Vanaf wanneer wilt u de vergunning?', en: 'When do you want the permit to start?' },
          hint: {
            nl: 'Vandaag of een dag in de komende 60 dagen. Bijvoorbeeld 15 3 2026',
            en: 'Today or a day in the next 60 days. For example, 15 3 2026',
          },
          short: { nl: 'Ingangsdatum', en: 'Start date' },
          errors: {
            required: { nl: 'Vul de ingangsdatum in', en: 'Enter the start date' },
            invalid: { nl: 'De ingangsdatum moet een echte datum zijn', en: 'The start date must be a real date' },
            tooEarly: { nl: 'De ingangsdatum moet vandaag of later zijn', en: 'The start date must be today or later' },
            tooLate: {
              nl: 'De ingangsdatum moet binnen 60 dagen na vandaag zijn',
              en: 'The start date must be within 60 days from today',
            },
          },
        },
      ],
    },
  ],
  subject: (answers, ctx) => {
    const plate = typeof answers.licencePlate === 'string' ? answers.licencePlate : ctx.known.licencePlates[0]
    return plate
      ? { nl: `Parkeervergunning bewoners, kenteken ${plate}`, en: `Residents’ parking permit, licence plate ${plate}` }
      : { nl: 'Parkeervergunning bewoners', en: 'Residents’ parking permit' }
  },
  unavailable: (ctx) => {
    if (!ctx.known.address)
      return {
        nl: 'U staat niet ingeschreven op een adres in de gemeente Groningen. Een parkeervergunning voor bewoners hoort bij uw adres. Daarom kunt u hem niet aanvragen.',
        en: 'You are not registered at an address in the municipality of Groningen. A residents’ permit belongs to your address, so you cannot apply for one.',
      }
    if (ctx.known.cases.some((c) => c.caseType === 'parkeervergunning' && c.open))
      return {
        nl: 'U heeft al een aanvraag voor een parkeervergunning die wij nog behandelen. Wacht op ons besluit. U vindt de aanvraag bij Mijn zaken.',
        en: 'You already have a parking permit application that we are still handling. Please wait for our decision. You can find it under My cases.',
      }
    return null
  },
}

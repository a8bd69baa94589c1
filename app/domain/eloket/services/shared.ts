import type { FormContext, Text } from '../form'

/** The reason a service for residents is not open to someone without an address in the municipality. */
export function notResident(ctx: FormContext, what: Text): Text | null {
  return ctx.known.address
    ? null
    : {
        nl: `U staat niet ingeschreven op een adres in de gemeente Groningen. Daarom kunt u ${what.nl} niet online aanvragen. Bel ons op 14 050 als u vragen heeft.`,
        en: `You are not registered at an address in the municipality of Groningen, so you cannot apply for ${what.en} online. Call us on 14 050 if you have questions.`,
      }
}

/** One answer as a text ('' when absent or not one text). */
export function answerText(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value : ''
}

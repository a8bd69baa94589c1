/**
 * How a letter writes dates, names and addresses. Pure and locale-table based (no Intl), so a
 * letter composed on one machine reads the same as on any other: the text is a snapshot.
 */
import { localDateParts, type LocalDate } from './local-date'

/** A letter is written in one of the portal's languages. */
import type { Language } from './language'

export type LetterLanguage = Language

const MONTHS: Record<LetterLanguage, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
}

/** '2026-03-03' → "3 maart 2026" / "3 March 2026": the day first, as both readers expect here. */
export function formatLetterDate(date: LocalDate, language: LetterLanguage): string {
  const { year, month, day } = localDateParts(date)
  return `${day} ${MONTHS[language][month - 1]} ${year}`
}

export { personName } from './person-name'

/**
 * The two address lines of a Dutch letter (PostNL): street and number with letter and
 * addition ("Korreweg 17-1", "Nieuwe Ebbingestraat 23A"), then "9711 NR  GRONINGEN"-style postcode
 * and town; we keep the town in its usual spelling, which PostNL accepts.
 */
export function addressLines(a: {
  street: string
  houseNumber: number
  houseLetter: string | null
  houseNumberAddition: string | null
  postcode: string
  city: string
}): string[] {
  const number = `${a.houseNumber}${a.houseLetter ?? ''}${a.houseNumberAddition ? `-${a.houseNumberAddition}` : ''}`
  const postcode = /^\d{4}[A-Z]{2}$/.test(a.postcode) ? `${a.postcode.slice(0, 4)} ${a.postcode.slice(4)}` : a.postcode
  return [`${a.street} ${number}`, `${postcode} ${a.city}`]
}

/**
 * The contact history ("Mijn contact", and the staff's klantbeeld): every contact between a
 * citizen and the municipality as one timeline — questions and their answers, calls, counter
 * visits, messages on cases and letters. What kinds a reader can filter by, over which periods,
 * and the opaque cursor of its pages. Pure: no clock, no database; the form needs these too.
 */
import { addDays, type LocalDate } from './local-date'

/** The filter's kinds, as the query string names them (Dutch, as the page's URL). */
export const CONTACT_FILTERS = ['alles', 'vragen', 'telefoon', 'balie', 'berichten', 'brieven'] as const
export type ContactFilter = (typeof CONTACT_FILTERS)[number]

/** The filter's periods: the last month, three months, a year, or everything. */
export const CONTACT_PERIODS = ['alles', 'maand', 'kwartaal', 'jaar'] as const
export type ContactPeriod = (typeof CONTACT_PERIODS)[number]

const PERIOD_DAYS: Record<Exclude<ContactPeriod, 'alles'>, number> = { maand: 31, kwartaal: 92, jaar: 366 }

/** The first day a period shows, counted back from today; null for everything. */
export function periodStart(period: ContactPeriod, today: LocalDate): LocalDate | null {
  return period === 'alles' ? null : addDays(today, -PERIOD_DAYS[period])
}

/** What a timeline entry is, for its word and icon. */
export type ContactEntryKind =
  | 'question' // the citizen asked
  | 'followUp' // the citizen asked further
  | 'acknowledgement' // the municipality confirmed receipt
  | 'answer'
  | 'handover' // internal: staff only
  | 'note' // internal: staff only
  | 'call'
  | 'visit'
  | 'contact' // a contact moment by another channel (e-mail, post, chat, internet)
  | 'report' // the citizen reported a view of their data they did not recognise
  | 'messageSent'
  | 'messageReceived'
  | 'letter'

/** The channel of a contact, as a word and an icon. */
export type ContactChannel = 'portal' | 'internet' | 'email' | 'post' | 'letter' | 'phone' | 'counter' | 'chat'

/** A page position: the time and key of the last entry shown (keyset, never an offset). */
export interface ContactCursor {
  at: string
  key: string
}

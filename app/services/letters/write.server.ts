/**
 * Writing letters from case events, inside the transaction that records the event: no event
 * without its letter, and a letter only with its event. The composed text is stored as a
 * snapshot (stored.server.ts). A digital letter enqueues its e-mail notice in the same
 * transaction (notices.server.ts).
 */
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../db/schema'
import type { CaseEvent } from '~/domain/case-terms'
import { type CaseState } from '~/domain/case-terms'
import { deriveCaseState } from '~/domain/case-history'
import { toCaseEvent } from '~/domain/case-events'
import { caseTypeRules } from '~/services/cases/catalogue.server'
import type { ComposedLetter, LetterContext, ObjectedDecision } from '~/domain/letters'
import { lettersForEvent } from '~/domain/letters-for-event'
import { addressLines, personName, type LetterLanguage } from '~/domain/letters-format'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { objectionTerm } from '~/domain/objection'
import { holidayCalendar, publicBaseUrl } from '~/services/calendar.server'
import type { HolidayCalendar } from '~/domain/working-days'
import { MUNICIPALITY, contentOf } from '~/services/letters/stored.server'
import { enqueueLetterNotice } from '~/services/letters/notices.server'

/** The events that can write a letter; the others return before any query beyond the first. */
const INFORMING_EVENTS = new Set<CaseEvent['type']>([
  'received',
  'extended',
  'suspended',
  'information_received',
  'decided',
])

/**
 * An event as the cases service just recorded it, with the case's state on the day of its
 * letter: what it derived already, so the letters do not replay the history again.
 */
export interface RecordedEventForLetters {
  caseId: string
  eventId: string
  event: CaseEvent
  /** the case as of the day of the event (the letter's date) */
  state: CaseState
}

/**
 * Writes the letters a case event calls for, in the caller's transaction (no event without its
 * letter: app/services/cases/record.server.ts calls this right after it inserts the event), and
 * enqueues their e-mail notices there too. Writes nothing new for an event that already has its
 * letters: one letter per (event, template, recipient), the unique key of `letters`. Given only
 * the ids (`event` and `state` left out), it reads the event and replays the case itself.
 *
 * The letter is dated on the day the event happened (Europe/Amsterdam): that is the day the
 * letter is written, as events are recorded when they happen. A late registration shows as a
 * received date before that day; the acknowledgement then says it is late (Awb 4:13).
 */
export async function writeLettersForEvent(
  recorded: { caseId: string; eventId: string } | RecordedEventForLetters,
  { trx }: { trx: Transaction<Database> },
): Promise<void> {
  const derived = 'event' in recorded ? { event: recorded.event, state: recorded.state } : null
  const eventRow = derived
    ? { id: recorded.eventId, seq: derived.event.seq, type: derived.event.type, occurred_at: derived.event.occurredAt }
    : await loadEventRow(trx, recorded)
  if (!INFORMING_EVENTS.has(eventRow.type)) return
  const setting = await letterSetting(trx, recorded.caseId, eventRow, null, undefined, derived)
  await storeLetters(trx, setting, lettersForEvent(setting.ctx))
}

/**
 * A letter of its own to one person on an event of a case: a co-mover told of a move reported
 * for them, or everyone who moves told of an address investigation (app/domain/letters-move.ts).
 * `recipientBsn` may be the case's citizen or a party to the case; the letter is in their
 * language, to their address, delivered as they chose, with its own e-mail notice. Same
 * transaction and snapshot rules as `writeLettersForEvent`; written once per (event, template,
 * recipient).
 */
export async function writeLetterFor(
  trx: Transaction<Database>,
  ref: { caseId: string; eventId: string },
  recipientBsn: string,
  compose: (ctx: LetterContext) => ComposedLetter,
  /** the day of the letter when it is not the event's own day (a letter on an earlier event) */
  options: { letterDate?: LocalDate } = {},
): Promise<void> {
  const eventRow = await loadEventRow(trx, ref)
  const setting = await letterSetting(trx, ref.caseId, eventRow, recipientBsn, options.letterDate)
  await storeLetters(trx, setting, [compose(setting.ctx)])
}

async function loadEventRow(trx: Transaction<Database>, ref: { caseId: string; eventId: string }) {
  return trx
    .selectFrom('case_events')
    .select(['id', 'seq', 'type', 'payload', 'occurred_at'])
    .where('id', '=', ref.eventId)
    .where('case_id', '=', ref.caseId)
    .executeTakeFirstOrThrow()
}

interface LetterSetting {
  ctx: LetterContext
  caseId: string
  eventId: string
  recipientBsn: string
  letterDate: LocalDate
  digital: boolean
}

/** Everything a template needs for this event and recipient (the case's citizen when null). */
async function letterSetting(
  trx: Transaction<Database>,
  caseId: string,
  eventRow: { id: string; seq: number; occurred_at: Date },
  recipientBsn: string | null,
  letterDateOverride?: LocalDate,
  derived: { event: CaseEvent; state: CaseState } | null = null,
): Promise<LetterSetting> {
  const c = await trx
    .selectFrom('cases')
    .select(['id', 'reference', 'bsn', 'subject', 'case_type_code', 'contact_employee_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  const bsn = recipientBsn ?? c.bsn
  const [type, steps, history, person, contact, objection] = await Promise.all([
    trx.selectFrom('case_types').selectAll().where('code', '=', c.case_type_code).executeTakeFirstOrThrow(),
    trx
      .selectFrom('case_type_steps')
      .selectAll()
      .where('case_type_code', '=', c.case_type_code)
      .orderBy('position')
      .execute(),
    derived
      ? null
      : trx
          .selectFrom('case_events')
          .select(['seq', 'type', 'payload', 'occurred_at'])
          .where('case_id', '=', c.id)
          .where('seq', '<=', eventRow.seq)
          .orderBy('seq')
          .execute(),
    trx
      .selectFrom('persons as p')
      .leftJoin('addresses as a', 'a.id', 'p.address_id')
      .leftJoin('contact_details as cd', 'cd.bsn', 'p.bsn')
      .select([
        'p.given_names',
        'p.name_prefix',
        'p.surname',
        'a.street',
        'a.house_number',
        'a.house_letter',
        'a.house_number_addition',
        'a.postcode',
        'a.city',
        'cd.email',
        'cd.email_verified_at',
        'cd.letter_channel',
        'cd.language',
      ])
      .where('p.bsn', '=', bsn)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('employees')
      .select(['name', 'phone'])
      .where(
        'id',
        '=',
        sql<string>`coalesce(${c.contact_employee_id}, (select default_contact_id from case_types where code = ${c.case_type_code}))`,
      )
      .executeTakeFirst(),
    // An objection's case: the decision it is against (written just before, in this transaction).
    trx
      .selectFrom('objections as o')
      .innerJoin('cases as d', 'd.id', 'o.decision_case_id')
      .innerJoin('case_types as dt', 'dt.code', 'd.case_type_code')
      .innerJoin('case_events as de', 'de.id', 'o.decision_event_id')
      .select(['d.reference', 'd.subject', 'dt.name_nl', 'dt.name_en', 'de.occurred_at', 'o.late', 'o.late_reason'])
      .where('o.case_id', '=', c.id)
      .executeTakeFirst(),
  ])

  const letterDate = letterDateOverride ?? localDateOf(new Date(eventRow.occurred_at))
  const cal = holidayCalendar()
  const { event, state } = derived ?? replay(type, steps, history ?? [], letterDate, cal)
  const language: LetterLanguage = person.language ?? 'nl'
  const base = publicBaseUrl()
  const ctx: LetterContext = {
    event,
    state,
    case: {
      reference: c.reference,
      subject: c.subject,
      caseTypeCode: c.case_type_code,
      caseTypeName: { nl: type.name_nl, en: type.name_en },
      department: type.department,
      steps: steps.map((s) => ({
        code: s.code,
        name: { nl: s.name_nl, en: s.name_en },
        explanation: { nl: s.explanation_nl, en: s.explanation_en },
      })),
      contact: contact ?? null,
      caseUrl: `${base}/mijn/zaken/${c.id}`,
      personalDataUrl: `${base}/mijn/gegevens`,
      objection: objection ? objectedDecision(objection, cal) : undefined,
    },
    recipient: {
      name: personName({ givenNames: person.given_names, namePrefix: person.name_prefix, surname: person.surname }),
      addressLines:
        person.street && person.house_number !== null && person.postcode && person.city
          ? addressLines({
              street: person.street,
              houseNumber: person.house_number,
              houseLetter: person.house_letter,
              houseNumberAddition: person.house_number_addition,
              postcode: person.postcode,
              city: person.city,
            })
          : [],
      language,
    },
    letterDate,
    municipality: MUNICIPALITY,
    calendar: cal,
  }
  // Digital only where the citizen chose it and can be told (Awb 2:14: electronic messages only
  // to someone who made known they can be reached that way): a verified e-mail address. Anyone
  // else gets paper, so no letter goes unnoticed.
  const digital =
    (person.letter_channel ?? 'digital') === 'digital' && !!person.email && person.email_verified_at !== null
  return { ctx, caseId: c.id, eventId: eventRow.id, recipientBsn: bsn, letterDate, digital }
}

/** The case as of `letterDate`, replayed from its stored events up to this one. */
function replay(
  type: Parameters<typeof caseTypeRules>[0],
  steps: Array<{ code: string; final: boolean }>,
  history: Array<{ seq: number; type: CaseEvent['type']; payload: unknown; occurred_at: Date }>,
  letterDate: LocalDate,
  cal: HolidayCalendar,
): { event: CaseEvent; state: CaseState } {
  const events = history.map(toCaseEvent)
  return {
    event: events[events.length - 1],
    state: deriveCaseState(caseTypeRules(type, steps), events, letterDate, cal),
  }
}

async function storeLetters(
  trx: Transaction<Database>,
  setting: LetterSetting,
  letters: ComposedLetter[],
): Promise<void> {
  for (const letter of letters) {
    const inserted = await trx
      .insertInto('letters')
      .values({
        case_id: setting.caseId,
        event_id: setting.eventId,
        bsn: setting.recipientBsn,
        template_code: letter.templateCode,
        template_version: letter.templateVersion,
        language: letter.language,
        title: letter.title,
        content: JSON.stringify(contentOf(letter)),
        letter_date: setting.letterDate,
        delivery: setting.digital ? 'digital' : 'paper',
      })
      .onConflict((oc) => oc.columns(['event_id', 'template_code', 'bsn']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (inserted && setting.digital) await enqueueLetterNotice(trx, inserted.id)
  }
}

function objectedDecision(
  row: {
    reference: string
    subject: string
    name_nl: string
    name_en: string
    occurred_at: Date
    late: boolean
    late_reason: string | null
  },
  cal: HolidayCalendar,
): ObjectedDecision {
  const sentOn = localDateOf(new Date(row.occurred_at))
  return {
    reference: row.reference,
    caseTypeName: { nl: row.name_nl, en: row.name_en },
    subject: row.subject,
    sentOn,
    termEndsOn: objectionTerm(sentOn, cal).endsOn,
    late: row.late,
    lateReason: row.late_reason,
  }
}

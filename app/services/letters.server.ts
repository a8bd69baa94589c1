/**
 * Letters: written from case events, read by citizens, printed by staff.
 *
 * Writing (`writeLettersForEvent`) happens inside the transaction that records the case event
 * (DESIGN §2: no event without its letter). The composed text is stored as a snapshot
 * (`letters.content`), never changed afterwards (trigger `letters_immutable`, migration 0001);
 * the HTML page and the PDF are both rendered from that snapshot. A digital letter enqueues an
 * e-mail notice in the same transaction (outbox semantics): when the transaction rolls back,
 * neither the letter nor the notice exists; when it commits, both do.
 */
import { sql, type Transaction } from 'kysely'
import { z } from 'zod'
import type { DB, Executor } from '../../db/client'
import { getDb } from '../../db/instance'
import type { Database } from '../../db/schema'
import type { CaseEvent, CaseTypeRules } from '~/domain/case-terms'
import { deriveCaseState } from '~/domain/case-terms'
import {
  lettersForEvent,
  type ComposedLetter,
  type LetterContext,
  type LetterTemplateCode,
  type MunicipalityDetails,
  type ObjectedDecision,
} from '~/domain/letters'
import { addressLines, personName, type LetterLanguage } from '~/domain/letters-format'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { objectionTerm } from '~/domain/objection'
import { holidayCalendar, publicBaseUrl } from '~/services/calendar.server'
import type { HolidayCalendar } from '~/domain/working-days'
import { recordAudit } from '~/services/audit.server'
import { caseHandledBy, handledBy } from '~/services/case-scope.server'
import { UUID_PATTERN } from '~/domain/ids'

/** The sender of every letter. The municipality's fixed details, not configuration per se. */
export const MUNICIPALITY: MunicipalityDetails = {
  name: { nl: 'Gemeente Groningen', en: 'Municipality of Groningen' },
  postalAddress: ['Postbus 30026', '9700 RM Groningen'],
  phone: '14 050',
  website: 'gemeente.groningen.nl',
  board: {
    nl: 'het college van burgemeester en wethouders van Groningen',
    en: 'the Municipal Executive of Groningen (college van burgemeester en wethouders)',
  },
  court: {
    name: {
      nl: 'rechtbank Noord-Nederland',
      en: 'District Court of the Northern Netherlands (rechtbank Noord-Nederland)',
    },
    website: 'www.rechtspraak.nl',
  },
}

/** The graphile-worker task that e-mails the neutral notice (app/services/jobs.server.ts runs it). */
export const LETTER_NOTICE_TASK = 'send-letter-notice'

// --- the stored snapshot --------------------------------------------------------------------

const party = z.object({ name: z.string(), lines: z.array(z.string()) })
const fact = z.object({ label: z.string(), value: z.string() })
const block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('facts'), items: z.array(fact) }),
])
/** What `letters.content` holds: everything of the letter that is not a column of its own. */
const contentSchema = z.object({
  sender: party,
  recipient: party,
  details: z.array(fact),
  salutation: z.string(),
  blocks: z.array(block),
  closing: z.object({ greeting: z.string(), signature: z.array(z.string()) }),
})
type StoredContent = z.infer<typeof contentSchema>

function contentOf(letter: ComposedLetter): StoredContent {
  const { sender, recipient, details, salutation, blocks, closing } = letter
  return { sender, recipient, details, salutation, blocks, closing }
}

/** A stored letter, read back from its snapshot: the one thing both renderers take. */
export interface StoredLetter extends ComposedLetter {
  id: string
  caseId: string
  reference: string
  letterDate: LocalDate
}

/** A letter row read back as the renderers (and the citizen's data export) take it. */
export function toStoredLetter(row: {
  id: string
  case_id: string
  reference: string
  template_code: string
  template_version: number
  language: LetterLanguage
  title: string
  content: unknown
  letter_date: LocalDate
}): StoredLetter {
  return {
    id: row.id,
    caseId: row.case_id,
    reference: row.reference,
    letterDate: row.letter_date,
    templateCode: row.template_code as LetterTemplateCode,
    templateVersion: row.template_version,
    language: row.language,
    title: row.title,
    ...contentSchema.parse(row.content),
  }
}

// --- writing --------------------------------------------------------------------------------

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const payloads = {
  received: z.object({
    receivedOn: localDate,
    channel: z.enum(['internet', 'email', 'post', 'counter', 'phone']),
    termFrom: localDate.optional(),
  }),
  step_reached: z.object({ step: z.string() }),
  suspended: z.object({ information: z.string(), respondBy: localDate }),
  resumed: z.object({ note: z.string().optional() }),
  extended: z.object({ reason: z.string() }),
  decided: z.object({
    outcome: z.enum(['granted', 'partly_granted', 'refused', 'withdrawn']),
    summary: z.string().optional(),
    reasons: z.string().optional(),
    citizenOptions: z.string().optional(),
  }),
  closed: z.object({ note: z.string().optional() }),
} as const

/** A stored event as the domain reads it; the payload is checked, not trusted. */
function toCaseEvent(row: { seq: number; type: CaseEvent['type']; payload: unknown; occurred_at: Date }): CaseEvent {
  const payload = payloads[row.type].parse(row.payload)
  return { seq: row.seq, type: row.type, occurredAt: new Date(row.occurred_at), payload } as CaseEvent
}

/** The events that can write a letter; the others return before any query beyond the first. */
const INFORMING_EVENTS = new Set<CaseEvent['type']>(['received', 'extended', 'suspended', 'decided'])

/**
 * Writes the letters a case event calls for, in the caller's transaction (DESIGN §2), and
 * enqueues their e-mail notices there too. Called by `~/services/cases.server` right after it
 * inserts the event. Writes nothing new for an event that already has its letters: one letter
 * per (event, template, recipient), the unique key of `letters`.
 *
 * The letter is dated on the day the event happened (Europe/Amsterdam): that is the day the
 * letter is written, as events are recorded when they happen. A late registration shows as a
 * received date before that day; the acknowledgement then says it is late (seed §2.2).
 */
export async function writeLettersForEvent(
  trx: Transaction<Database>,
  ref: { caseId: string; eventId: string },
): Promise<void> {
  const eventRow = await loadEventRow(trx, ref)
  if (!INFORMING_EVENTS.has(eventRow.type)) return
  const setting = await letterSetting(trx, ref.caseId, eventRow, null)
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
    trx
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

  const rules: CaseTypeRules = {
    code: type.code,
    leadTime: { amount: type.lead_time_amount, unit: type.lead_time_unit },
    extension:
      type.extension_amount && type.extension_unit
        ? { amount: type.extension_amount, unit: type.extension_unit }
        : null,
    suspensionAllowed: type.suspension_allowed,
    steps: steps.map((s) => ({ code: s.code, final: s.final })),
  }
  const events = history.map(toCaseEvent)
  const event = events[events.length - 1]
  const letterDate = letterDateOverride ?? localDateOf(new Date(eventRow.occurred_at))
  const cal = holidayCalendar()
  const language: LetterLanguage = person.language ?? 'nl'
  const base = publicBaseUrl()
  const ctx: LetterContext = {
    event,
    state: deriveCaseState(rules, events, letterDate, cal),
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

/**
 * The e-mail notice as a graphile-worker job, in the caller's transaction. The payload holds
 * the letter id only: the address is looked up when the mail goes out (it may have changed),
 * and nothing personal sits in the queue. The job key makes a second enqueue a no-op.
 */
export async function enqueueLetterNotice(trx: Executor, letterId: string): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${LETTER_NOTICE_TASK},
    json_build_object('letterId', ${letterId}::text),
    job_key => ${`letter-notice:${letterId}`}::text,
    job_key_mode => 'preserve_run_at',
    max_attempts => 25::smallint
  )`.execute(trx)
}

/** Who to tell about a letter, at the moment of telling; null when there is nobody to tell. */
export async function letterNoticeRecipient(
  letterId: string,
  db: DB = getDb(),
): Promise<{ email: string; language: LetterLanguage; alreadyNotified: boolean } | null> {
  const row = await db
    .selectFrom('letters as l')
    .innerJoin('contact_details as cd', 'cd.bsn', 'l.bsn')
    .select(['cd.email', 'cd.email_verified_at', 'cd.language', 'l.delivery', 'l.notified_at'])
    .where('l.id', '=', letterId)
    .executeTakeFirst()
  if (!row || row.delivery !== 'digital' || !row.email || !row.email_verified_at) return null
  return { email: row.email, language: row.language, alreadyNotified: row.notified_at !== null }
}

export async function markLetterNotified(letterId: string, db: DB = getDb()): Promise<void> {
  await db
    .updateTable('letters')
    .set({ notified_at: new Date() })
    .where('id', '=', letterId)
    .where('notified_at', 'is', null)
    .execute()
}

// --- reading: the citizen --------------------------------------------------------------------

export function isLetterId(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value)
}

export interface LetterListItem {
  id: string
  title: string
  reference: string
  /** The case type, in the reader's language: which of my cases is this about? */
  caseType: string
  caseId: string
  letterDate: LocalDate
  read: boolean
  delivery: 'digital' | 'paper'
}

/** "Mijn brieven": this citizen's letters, newest first; unread ones flagged. */
export async function listLettersForCitizen(
  bsn: string,
  language: LetterLanguage = 'nl',
  db: DB = getDb(),
): Promise<LetterListItem[]> {
  const rows = await db
    .selectFrom('letters as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .innerJoin('case_types as t', 't.code', 'c.case_type_code')
    .select([
      'l.id',
      'l.title',
      'c.reference',
      't.name_nl',
      't.name_en',
      'l.case_id',
      'l.letter_date',
      'l.read_at',
      'l.delivery',
    ])
    .where('l.bsn', '=', bsn)
    .orderBy('l.letter_date', 'desc')
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    reference: r.reference,
    caseType: language === 'en' ? r.name_en : r.name_nl,
    caseId: r.case_id,
    letterDate: r.letter_date,
    read: r.read_at !== null,
    delivery: r.delivery,
  }))
}

export interface CitizenLetter extends StoredLetter {
  /** Read before this view; a first view by the citizen marks it read from now on. */
  readBefore: boolean
}

const letterColumns = [
  'l.id',
  'l.case_id',
  'c.reference',
  'l.template_code',
  'l.template_version',
  'l.language',
  'l.title',
  'l.content',
  'l.letter_date',
  'l.read_at',
] as const

/**
 * One letter of this citizen. Another citizen's letter, an unknown id and a malformed one all
 * give `null`: the route answers the same 404 for each (DESIGN §5).
 *
 * `markRead`: only when the citizen reads it themself. A support employee viewing along
 * (impersonation) must not make a letter look read that the citizen never saw; the route passes
 * `false` then. Marking read is bookkeeping, not a change the reader asks for, so a GET may do it.
 */
export async function getLetterForCitizen(
  bsn: string,
  letterId: string,
  { markRead }: { markRead: boolean },
  db: DB = getDb(),
): Promise<CitizenLetter | null> {
  if (!isLetterId(letterId)) return null
  const row = await db
    .selectFrom('letters as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select(letterColumns)
    .where('l.id', '=', letterId)
    .where('l.bsn', '=', bsn)
    .executeTakeFirst()
  if (!row) return null
  if (markRead && row.read_at === null) await markLetterRead(bsn, letterId, db)
  return { ...toStoredLetter(row), readBefore: row.read_at !== null }
}

/** Marks a letter read, once; a foreign or unknown letter changes nothing. */
export async function markLetterRead(bsn: string, letterId: string, db: DB = getDb()): Promise<boolean> {
  if (!isLetterId(letterId)) return false
  const result = await db
    .updateTable('letters')
    .set({ read_at: new Date() })
    .where('id', '=', letterId)
    .where('bsn', '=', bsn)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

// --- the post queue: staff ------------------------------------------------------------------

export interface PostQueueItem {
  id: string
  title: string
  reference: string
  recipientName: string
  recipientLines: string[]
  letterDate: LocalDate
  createdAt: Date
}

/**
 * Paper letters still to print, oldest first: what goes into the envelope today. Only the
 * letters of the case types this employee handles (case-scope.server.ts), as for printing one
 * and marking it printed below.
 */
export async function listPostQueue(employeeId: string, db: DB = getDb()): Promise<PostQueueItem[]> {
  const rows = await db
    .selectFrom('letters as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select(['l.id', 'l.title', 'c.reference', 'l.content', 'l.letter_date', 'l.created_at'])
    .where('l.delivery', '=', 'paper')
    .where('l.printed_at', 'is', null)
    .where(handledBy(employeeId, 'c.case_type_code'))
    .orderBy('l.created_at')
    .orderBy('l.id')
    .limit(500)
    .execute()
  return rows.map((r) => {
    const { recipient } = contentSchema.parse(r.content)
    return {
      id: r.id,
      title: r.title,
      reference: r.reference,
      recipientName: recipient.name,
      recipientLines: recipient.lines,
      letterDate: r.letter_date,
      createdAt: r.created_at as unknown as Date, // Generated<Timestamp> selects as the column type itself
    }
  })
}

/**
 * A paper letter for printing: caseworkers, and managers looking at their work (the route checks
 * the role), of a case type they handle. The view is audited on the citizen's record, as staff
 * reading their letter.
 */
export async function getLetterForPrinting(
  letterId: string,
  employeeId: string,
  db: DB = getDb(),
): Promise<StoredLetter | null> {
  if (!isLetterId(letterId)) return null
  const row = await db
    .selectFrom('letters as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select([...letterColumns, 'l.bsn'])
    .where('l.id', '=', letterId)
    .where('l.delivery', '=', 'paper')
    .where(handledBy(employeeId, 'c.case_type_code'))
    .executeTakeFirst()
  if (!row) return null
  await recordAudit(db, {
    actorKind: 'staff',
    actorId: employeeId,
    action: 'letter.printed_copy_opened',
    subjectBsn: row.bsn,
    resource: `letter:${row.id}`,
    reason: 'post queue',
  })
  return toStoredLetter(row)
}

/** Marks paper letters printed (of case types this employee handles); returns how many were still waiting. */
export async function markLettersPrinted(letterIds: string[], employeeId: string, db: DB = getDb()): Promise<number> {
  const ids = letterIds.filter(isLetterId)
  if (ids.length === 0) return 0
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('letters')
      .set({ printed_at: new Date() })
      .where('id', 'in', ids)
      .where('delivery', '=', 'paper')
      .where('printed_at', 'is', null)
      .where(caseHandledBy(employeeId, 'case_id'))
      .returning(['id', 'bsn'])
      .execute()
    for (const row of rows) {
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: employeeId,
        action: 'letter.printed',
        subjectBsn: row.bsn,
        resource: `letter:${row.id}`,
      })
    }
    return rows.length
  })
}

/** A stored letter by id, whoever it belongs to: for the benchmark and the tests only. */
export async function loadStoredLetter(letterId: string, db: DB = getDb()): Promise<StoredLetter | null> {
  if (!isLetterId(letterId)) return null
  const row = await db
    .selectFrom('letters as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select(letterColumns)
    .where('l.id', '=', letterId)
    .executeTakeFirst()
  return row ? toStoredLetter(row) : null
}
